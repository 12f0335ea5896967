"""The headless side of `orgdesk import` and of `orgdesk export` for data formats.

Imported lazily by orgdesk.cli.interchange and orgdesk.cli.export, so the
parser stays fast and no Qt is ever loaded.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from orgdesk.cli.terminal import (
    err,
    out,
)
from orgdesk.core.errors import Sentence, UserError
from orgdesk.io.fields import field_for
from orgdesk.io.interchange import export_to, import_to_file
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import ImportFailed, name_of

#: Problems listed on the terminal before “… and N more”.
SHOWN_PROBLEMS = 50


class TerminalProgress:
    """Rewrites one status line on a terminal; silent when stderr is a file or pipe."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = sys.stderr if stream is None else stream  # the current one, not import's
        self.active = self.stream.isatty()

    def report(self, stage: str, done: int, total: int | None) -> None:
        if self.active:
            of = f" of about {total:,}" if total else ""
            self.stream.write(f"\r{stage} {done:,}{of}…\033[K")
            self.stream.flush()

    def cancelled(self) -> bool:
        return False

    def finish(self) -> None:
        if self.active:
            self.stream.write("\r\033[K")
            self.stream.flush()


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """`COLUMN=FIELD` pairs; the field may be a key, a header or any alias."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, equals, name = pair.rpartition("=")
        if not equals or not column:
            raise UserError(Sentence.of("“{pair}” is not of the form COLUMN=FIELD.", pair=pair))
        mapping[column] = field_for(name.strip()).key
    return mapping


def import_choices(args: argparse.Namespace) -> dict[str, Any]:
    """The ImportOptions fields the import command's other flags choose."""
    empty = args.empty_title or ""
    column = empty[len("column:"):] if empty.startswith("column:") else ""
    return {"root_id": args.root_id or "", "edges": args.edges or "",
            "null_tokens": tuple(args.null), "path_column": args.path_column or "",
            "header": False if args.no_header else True if args.header else None,
            "empty_title": "" if column else empty, "title_fallback": column,
            "group_people": args.group_people}


def import_file(args: argparse.Namespace) -> int:
    source: Path = args.source
    output: Path = args.output
    if output.suffix.lower() != ".orgdesk":
        output = output.with_name(output.name + ".orgdesk")
    if output.exists() and not args.check:
        raise UserError(Sentence.of("{file} already exists; choose another name.",
                                    file=name_of(output)))
    roots = RootPolicy.FOREST if args.forest else RootPolicy.ADD_ROOT if args.root_title else None
    options = ImportOptions(sheet=args.sheet, encoding=args.encoding,
                            mapping=parse_mapping(args.map or []), roots=roots,
                            root_title=args.root_title or "", title=args.title or "",
                            **import_choices(args))
    progress = TerminalProgress()
    try:
        if args.check:
            from orgdesk.io.interchange import read_source

            result = read_source(source, options, progress)
            result.require()
        else:
            result = import_to_file(source, output, options, progress)
    except ImportFailed as failed:
        progress.finish()
        _print_problems(failed)
        raise
    progress.finish()
    org = result.organisation
    assert org is not None
    verb = "would import" if args.check else "Imported"
    where = "" if args.check else f" into {output}"
    out(f"{verb.capitalize()} {len(org)} positions from {name_of(source)}{where}.")
    if result.kept_in_notes:
        out("Columns kept in the notes: " + ", ".join(result.kept_in_notes) + ".")
    for notice in result.notices:
        out(notice)
    return 0


def _print_problems(failed: ImportFailed) -> None:
    # Each problem names its own way out (the roots problem its --forest and --root-title).
    for problem in failed.problems[:SHOWN_PROBLEMS]:
        err(f"  {problem}")
    hidden = len(failed.problems) - SHOWN_PROBLEMS
    if hidden > 0:
        err(f"  … and {hidden:,} more")
    for notice in failed.notices:  # how the file was read, which a problem may come from
        err(f"  {notice}")  # indented like the problems: details of the one failure below


def export_data(args: argparse.Namespace) -> int:
    """`orgdesk export FILE -o OUT.{csv,xlsx,graphml,json}`."""
    from orgdesk.storage.reading import read_organisation

    if getattr(args, "root", None) or getattr(args, "depth", None) is not None:
        raise UserError("--root and --depth apply to chart exports (png, svg, pdf, dot) only.")
    layout = getattr(args, "layout", None)
    if layout in ("compact", "dot"):
        raise UserError(Sentence.of(
            "--layout {layout} applies to charts (png, svg, pdf, dot); data files take d3, "
            "orgchartjs, gojs, drawio, yed or visio.", layout=layout))
    if layout is not None:
        from orgdesk.io.peers import peer_writer

        peer_writer(layout, args.output)  # a wrong extension is refused before reading
    org = read_organisation(args.file)
    export_to(org, args.output, layout)
    out(f"Exported {len(org)} positions to {args.output}.")
    return 0
