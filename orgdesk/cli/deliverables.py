"""Consultant deliverables: `handbook` (PDF/DOCX/HTML), `report` (headcount and span of
control; `--cost`: labour cost) and `diff` (what changed between two versions).

`report` and `diff` are headless and never import Qt; `handbook` draws
pictures and paged text with Qt, so it alone starts a QGuiApplication
(offscreen when there is no display).
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from orgdesk.cli.terminal import out, out_json
from orgdesk.core.errors import Sentence, UserError, sentence_of

if TYPE_CHECKING:  # the parser is built for every command: nothing heavy at import
    from orgdesk.analysis.span_rules import SpanRules
    from orgdesk.core.organisation import Organisation


def register(sub: argparse._SubParsersAction) -> None:
    handbook = sub.add_parser(
        "handbook", help="write the job-description handbook (岗位说明书) as PDF, DOCX or HTML")
    handbook.add_argument("file", type=Path, help="an .orgdesk file")
    handbook.add_argument("-o", "--output", type=Path, required=True,
                          help="the file to write: .pdf, .docx or .html")
    handbook.add_argument("--root", metavar="TITLE_OR_ID",
                          help="only this position and everything under it")
    handbook.add_argument("--lang", choices=("zh", "en"),
                          help="the handbook's language (default: the document's, so Chinese "
                               "titles make a Chinese handbook whatever the interface's)")
    handbook.set_defaults(handler=_cmd_handbook)

    report = sub.add_parser(
        "report", help="headcount per position, department and level, and span-of-control checks")
    report.add_argument("file", type=Path, help="an .orgdesk file")
    report.add_argument("--json", action="store_true", help="print JSON")
    report.add_argument("--rules", type=Path, metavar="RULES.json",
                        help="span-of-control rules to use instead of the document's")
    report.add_argument("--cost", action="store_true",
                        help="the labour cost instead: monthly and annual, of the planned "
                             "seats, the filled seats and the vacancies, per position, "
                             "department and in total")
    report.add_argument("--lang", choices=("zh", "en"),
                        help="the cost report's language (default: the document's)")
    report.set_defaults(handler=_cmd_report)

    diff = sub.add_parser("diff", help="compare two versions of an organisation")
    diff.add_argument("old", type=Path, help="the earlier .orgdesk file")
    diff.add_argument("new", type=Path, help="the later .orgdesk file")
    diff.add_argument("--json", action="store_true", help="print JSON")
    diff.set_defaults(handler=_cmd_diff)


def _cmd_handbook(args: argparse.Namespace) -> int:
    from orgdesk.export.handbook import handbook_format, write_handbook
    from orgdesk.storage.reading import read_organisation

    output: Path = args.output
    handbook_format(output)  # a wrong extension is refused before any work
    if not output.parent.is_dir():
        raise UserError(Sentence.of("Cannot write “{file}”: the folder “{parent}” does not "
                                    "exist.", file=output.name, parent=output.parent))
    org = read_organisation(args.file)
    root = None
    if args.root:
        from orgdesk.cli.chart_support import find_position

        root = find_position(org, args.root)
    from orgdesk.paint.svg_render import ensure_gui

    ensure_gui()
    write_handbook(org, output, root=root, lang=args.lang)
    what = "whole organisation" if root is None else f"branch of “{org.position(root).title}”"
    out(f"Wrote {output} ({what}).")
    return 0


def _rules(args: argparse.Namespace, org: Organisation) -> SpanRules:
    """The rules file given with --rules, else the document's own rules (or the defaults)."""
    from orgdesk.analysis.span_rules import SpanRules, SpanRulesError, document_span_rules

    if args.rules is None:
        return document_span_rules(org.settings)
    try:
        text = args.rules.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is not UTF-8 text"
        raise UserError(Sentence.of("Cannot read the rules file “{file}”: {reason}.",
                                    file=args.rules.name, reason=reason)) from None
    try:
        return SpanRules.from_json(text)
    except SpanRulesError as exc:
        raise SpanRulesError(Sentence.of("{file}: {reason}", file=args.rules.name,
                                         reason=sentence_of(exc))) from None


def _cmd_report(args: argparse.Namespace) -> int:
    from orgdesk.analysis.report import analysis_dict, analysis_text
    from orgdesk.storage.reading import read_organisation

    org = read_organisation(args.file)
    if args.cost:
        return _cost_report(args, org)
    rules = _rules(args, org)
    if args.json:
        out_json(analysis_dict(org, rules))
    else:
        out(*analysis_text(org, rules, args.file.name))
    return 0


def _cost_report(args: argparse.Namespace, org: Organisation) -> int:
    from orgdesk.analysis.cost import analyse_cost
    from orgdesk.analysis.cost_report import cost_text
    from orgdesk.layout.words import content_language

    analysis = analyse_cost(org)
    if args.json:
        out_json({"title": org.info.title, **analysis.to_dict()})
    else:
        lang = args.lang or content_language(p.title for p in org.positions())
        out(*cost_text(analysis, org.info.title or args.file.name, lang))
    return 0


def _cmd_diff(args: argparse.Namespace) -> int:
    from orgdesk.analysis.compare import compare
    from orgdesk.analysis.report import comparison_text
    from orgdesk.storage.reading import read_organisation

    comparison = compare(read_organisation(args.old), read_organisation(args.new))
    if args.json:
        out_json(comparison.to_dict())
    else:
        out(*comparison_text(comparison, args.old.name, args.new.name))
    return 0
