"""`orgdesk import SRC -o OUT.orgdesk`: a staff list, GraphML or JSON to a new document."""
from __future__ import annotations

import argparse
import importlib
import textwrap
from pathlib import Path

_EPILOG = """\
Columns are recognised by their headers (Visio, draw.io, d3-org-chart, OrgChart JS,
Organimi, Chinese headers such as 职位 上级 所属部门 岗位职责 任职要求 定员 KPI).
JSON from other tools (d3-org-chart, GoJS, OrgChart JS, yFiles, Google Charts, nested
“children” trees) is read as a table: each node's keys are its columns, nested keys as paths
such as data.name, and the id and parent keys are found by name and by value.
Unrecognised columns are kept in the notes.  FIELD is one of:
{fields}
Nothing is written unless the whole file is sound; every problem is listed with its row.
"""


class _ImportHelp(argparse.RawDescriptionHelpFormatter):
    """The import command's help, its list of fields filled in only when it is shown.

    Every command builds every parser; reading the field list (orgdesk.io) at
    parser build cost each `orgdesk export` about a hundredth of a second.
    """

    def add_text(self, text: str | None) -> None:
        if text == _EPILOG:
            from orgdesk.io.fields import FIELDS

            fields = textwrap.fill(" ".join(f.key for f in FIELDS), 88, initial_indent="  ",
                                   subsequent_indent="  ")
            text = _EPILOG.format(fields=fields)
        super().add_text(text)


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        "import", help="import CSV, Excel, GraphML or JSON (orgdesk's or a peer tool's) into a "
                  "new .orgdesk file",
        epilog=_EPILOG, formatter_class=_ImportHelp)
    cmd.add_argument("source", type=Path, help="a .csv, .tsv, .txt, .xlsx, .graphml or .json file")
    cmd.add_argument("-o", "--output", type=Path, required=True,
                     help="the .orgdesk file to create (must not exist)")
    cmd.add_argument("--map", action="append", metavar="COLUMN=FIELD",
                     help="read COLUMN as FIELD (repeatable); FIELD “ignore” drops a column")
    cmd.add_argument("--sheet", metavar="NAME", help="Excel: the sheet to read (default: the first)")
    cmd.add_argument("--encoding", metavar="ENC",
                     help="CSV: the text encoding (default: UTF-8, else GB18030)")
    roots = cmd.add_mutually_exclusive_group()
    roots.add_argument("--forest", action="store_true",
                       help="keep several positions without a superior side by side")
    roots.add_argument("--root-title", metavar="TITLE",
                       help="put all positions without a superior under a new position TITLE; "
                            "for undirected GraphML, a TITLE that one node has names that node "
                            "as the root instead")
    cmd.add_argument("--root-id", metavar="ID",
                     help="the source id of the top position (orients undirected GraphML; "
                          "default: the node without superior data, else the tree's centre)")
    cmd.add_argument("--edges", choices=("down", "up"),
                     help="GraphML and JSON edge lists: edges point from superior to report "
                          "(down) or back (up); default: detected (JSON: down)")
    cmd.add_argument("--null", action="append", metavar="TOKEN", default=[],
                     help="a superior cell that means “none” (repeatable; NULL, null, (null), "
                          "none, N/A and - are always recognised, 0 when no id is 0)")
    header = cmd.add_mutually_exclusive_group()
    header.add_argument("--no-header", action="store_true",
                        help="the first row is data, not a header (default: detected)")
    header.add_argument("--header", action="store_true",
                        help="the first row is a header even if it looks like data")
    cmd.add_argument("--path-column", metavar="COLUMN",
                     help="COLUMN holds each row's path or outline number (/1/3/2/, 1.3.2, "
                          "hierarchyid text) instead of a superior column")
    cmd.add_argument("--empty-title", metavar="TEXT",
                     help="title rows that have none with TEXT, or with the value of column "
                          "COLUMN when TEXT is column:COLUMN")
    people = cmd.add_mutually_exclusive_group()
    people.add_argument("--group-people", action="store_true", default=None,
                        help="rows are people: one position per title under one superior, "
                             "holding its people (default when titles repeat)")
    people.add_argument("--no-group-people", dest="group_people", action="store_false",
                        help="one position per row, even when rows are people")
    cmd.add_argument("--title", help="the document title (default: the file name)")
    cmd.add_argument("--check", action="store_true",
                     help="only check the source and list its problems; write nothing")
    cmd.set_defaults(handler=_cmd_import)


def _cmd_import(args: argparse.Namespace) -> int:
    module = importlib.import_module("orgdesk.cli.data_support")
    return int(module.import_file(args))
