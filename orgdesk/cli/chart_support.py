"""`orgdesk export FILE -o OUT.{png,svg,pdf,dot,pptx}`: the chart side of the export command."""
from __future__ import annotations

import argparse
from typing import Literal

from orgdesk.cli.terminal import err, out
from orgdesk.core.collector import collector_paused
from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.chart_export import export_chart_file
from orgdesk.export.options import ChartExportOptions, paper_size
from orgdesk.layout.saved import chart_options


def find_position(org: Organisation, title_or_id: str) -> PositionId:
    """The position named by an id or a title (exact, then ignoring case and spaces)."""
    text = title_or_id.strip()
    if text.isdigit() and PositionId(int(text)) in org:
        return PositionId(int(text))
    for same in (lambda t: t == text, lambda t: t.casefold().strip() == text.casefold()):
        found = [p for p in org.positions() if same(p.title)]
        if len(found) == 1:
            return found[0].id
        if len(found) > 1:
            ids = ", ".join(str(p.id) for p in found)
            raise UserError(Sentence.of("{count} positions are called “{text}” (ids {ids}); "
                                        "give --root the id of the one you mean.",
                                        count=len(found), text=text, ids=ids))
    raise UserError(Sentence.of("There is no position with the title or id “{text}”.",
                                text=text))


def options_from_args(args: argparse.Namespace, org: Organisation) -> ChartExportOptions:
    fmt = args.output.suffix.lower().lstrip(".")
    if args.depth is not None and args.depth < 0:
        raise UserError("--depth must be 0 or more.")
    if not 10 <= args.dpi <= 1200:
        raise UserError(Sentence.of("--dpi must be between 10 and 1200, not {dpi}.",
                                    dpi=args.dpi))
    layout: Literal["compact", "dot"] = "dot" if args.layout == "dot" else "compact"
    if args.layout not in (None, "compact", "dot"):
        raise UserError(Sentence.of("--layout {layout} applies to data files (.json, .csv, "
                                    ".graphml, .xlsx); charts are laid out compact or dot.",
                                    layout=args.layout))
    root = find_position(org, args.root) if args.root else None
    paper_size(args.paper)  # a paper orgdesk cannot read is refused before any work
    chart = chart_options(org)
    return ChartExportOptions(format=fmt, layout=layout, orientation=args.orientation,
                              dpi=args.dpi, paper=args.paper.strip().lower(),
                              landscape=args.landscape, fit=args.fit,
                              poster=getattr(args, "poster", False),
                              balance=not getattr(args, "wide", False), root=root, depth=args.depth,
                              lang=getattr(args, "lang", None), legend=getattr(args, "legend", None),
                              # The arrangements and team totals chosen in the window (saved
                              # with the document).
                              overrides=chart.overrides, rollup=chart.rollup)


def export_chart(args: argparse.Namespace) -> int:
    """Run the chart export for the parsed command line; 0 on success."""
    with collector_paused():  # a one-shot process: nothing it makes is in a cycle
        return _export_chart(args)


def _export_chart(args: argparse.Namespace) -> int:
    from orgdesk.storage.reading import read_organisation

    org = read_organisation(args.file)
    if not len(org):
        raise UserError(Sentence.of("“{file}” has no positions, so there is no chart to "
                                    "export.",
                                    file=args.file.name))
    options = options_from_args(args, org)
    if options.format == "pptx":  # the deck: native shapes, no Graphviz
        from orgdesk.export.deck import export_deck_file

        out(f"Wrote {export_deck_file(org, args.output, options)}.")
        return 0
    result = export_chart_file(org, args.output, options)
    for warning in result.warnings:  # Graphviz's own words, never swallowed
        err(f"Graphviz: {warning}")
    if len(result.paths) == 1:
        out(f"Wrote {result.paths[0]}.")
    else:
        out(f"The image is too large for one file at {options.dpi} dpi, so it was cut into "
            f"{len(result.paths)} images (row-column):", *(f"  {path}" for path in result.paths))
    return 0
