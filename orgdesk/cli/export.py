"""`orgdesk export FILE -o OUT.ext`: one command, the output's extension picks the exporter.

Chart formats (png, svg, pdf, dot, and the pptx deck) go to orgdesk.export; data formats (csv,
xlsx, graphml, json) go to orgdesk.io.
"""
from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from orgdesk.core.errors import Sentence, UserError

CHART_FORMATS = ("png", "svg", "pdf", "dot", "pptx")
DATA_FORMATS = ("csv", "xlsx", "graphml", "json")


#: Data layouts of the peer tools (see orgdesk.io.peers).
PEER_LAYOUTS = ("d3", "orgchartjs", "gojs", "drawio", "yed", "visio")


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export", help="export the chart (png, svg, pdf, dot, pptx) or the data (csv, xlsx, graphml, json)")
    export.add_argument("file", type=Path, help="an .orgdesk file")
    export.add_argument("-o", "--output", type=Path, required=True,
                        help="the file to write; its extension chooses the format")
    chart = export.add_argument_group("chart options")
    chart.add_argument("--root", metavar="TITLE_OR_ID", help="export only this branch")
    chart.add_argument("--depth", type=int, metavar="N", help="levels to include below the root")
    chart.add_argument("--layout", choices=("compact", "dot", *PEER_LAYOUTS), default=None,
                       help="charts: compact (default) or dot; data files: d3, orgchartjs, "
                            "gojs, drawio, yed or visio to write in that tool's own layout")
    chart.add_argument("--orientation", choices=("tb", "lr"), default="tb")
    chart.add_argument("--dpi", type=int, default=150)
    chart.add_argument("--paper", default="a4", metavar="PAPER",
                       help="PDF: a4 (default), a3, a2, a1, letter or a size such as 600x900mm")
    turn = chart.add_mutually_exclusive_group()
    turn.add_argument("--landscape", dest="landscape", action="store_const", const=True,
                      default=None, help="PDF: landscape pages (default: from the chart's shape)")
    turn.add_argument("--portrait", dest="landscape", action="store_const", const=False,
                      help="PDF: portrait pages")
    pages = chart.add_mutually_exclusive_group()
    pages.add_argument("--fit", action="store_true",
                       help="PDF: one page whatever the text size (default: one page when "
                            "the text stays legible, else a poster)")
    pages.add_argument("--poster", action="store_true",
                       help="PDF: tiles over several pages with an assembly map")
    chart.add_argument("--wide", action="store_true",
                       help="the plain wide layout: every position's reports in one row")
    chart.add_argument("--lang", choices=("zh", "en"), default=None,
                       help="the chart's language (default: the document's, from its titles)")
    chart.add_argument("--legend", action=argparse.BooleanOptionalAction, default=None,
                       help="add a legend (default: on for PDF and PPTX, off otherwise)")
    export.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    suffix = args.output.suffix.lower().lstrip(".")
    if suffix in CHART_FORMATS:
        module = importlib.import_module("orgdesk.cli.chart_support")
        return int(module.export_chart(args))
    if suffix in DATA_FORMATS:
        module = importlib.import_module("orgdesk.cli.data_support")
        return int(module.export_data(args))
    known = ", ".join(CHART_FORMATS + DATA_FORMATS)
    raise UserError(Sentence.of("orgdesk cannot export “.{suffix}” files; use one of: {known}.",
                                suffix=suffix, known=known))
