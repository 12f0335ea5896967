"""The tables the peers read: d3-org-chart CSV, draw.io CSV, Visio's organization chart wizard.

Every text cell is guarded against formulas (a leading = + - @ gets a “'”), as
orgdesk's own CSV is: these files are opened in Excel too.

draw.io reads its CSV line by line (Arrange → Insert → Advanced → CSV): the
`#` lines above the header row configure the import (label, style, one
`connect` per kind of line, layout, spacing), and each following line is one
row, whose values draw.io splits with its own parser.  That parser knows
double quotes but not the doubled "" of RFC 4180, and no line breaks inside a
value, so in the draw.io file a value's line breaks become “ / ”, a double
quote becomes the full-width quotation mark U+FF02 and a trailing backslash the
full-width reverse solidus U+FF3C;
every text value is quoted.  Read with any RFC 4180 reader (Python's csv,
orgdesk's import) the same file gives the same values.
"""
from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterable, Sequence
from typing import IO

from orgdesk.core.errors import Sentence
from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import guard_formula
from orgdesk.io.limits import MAX_CSV_CELL_CHARS
from orgdesk.io.peers.json_layouts import VIRTUAL_KEY, VIRTUAL_ROOT
from orgdesk.io.peers.records import OTHER_FIELDS, Lookup, display_name, other_text
from orgdesk.io.problems import ExportFailed

D3_HEADERS = ("id", "parentId", "name", "positionName", "department", "headcount", "filled",
              *(f.key for f in OTHER_FIELDS), "dotted_lines")
#: The wizard's own column names (Visio fills its shapes' built-in properties Name,
#: Title, Department from them); the other fields become custom properties.
VISIO_HEADERS = ("Unique_ID", "Name", "Reports_To", "Title", "Department", "Headcount",
                 "Filled", *(f.key for f in OTHER_FIELDS))
DRAWIO_HEADERS = ("id", "manager", "refs", "fill", "title", "department", "headcount",
                  "filled", *(f.key for f in OTHER_FIELDS))


def _checked(cells: Sequence[object]) -> list[object]:
    """Cells with text guarded; ExportFailed for one orgdesk could not read back."""
    row: list[object] = []
    for cell in cells:
        if isinstance(cell, str):
            cell = guard_formula(cell.replace("\x00", "\ufffd"))
            if len(cell) > MAX_CSV_CELL_CHARS:
                raise ExportFailed(Sentence.of(
                    "A text of {length} characters would be one CSV cell, more than orgdesk "
                    "reads back ({limit}); shorten it.", length=f"{len(cell):,}",
                    limit=f"{MAX_CSV_CELL_CHARS:,}"))
        row.append(cell)
    return row


def _write_csv(handle: IO[bytes], headers: Sequence[str], rows: Iterable[Sequence[object]]
               ) -> None:
    """UTF-8 with a BOM and CRLF, as Excel (and the Visio wizard) expect."""
    handle.write(codecs.BOM_UTF8)
    writer = csv.writer(codecs.getwriter("utf-8")(handle), lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(_checked(row))


def d3_rows(org: Organisation) -> Iterable[list[object]]:
    """As the d3 JSON: several top positions get one node above them (d3.stratify takes
    one root), named by the document title and marked in an `orgdesk_virtual` column."""
    look = Lookup(org)
    forest = len(org.roots()) > 1
    top: object = VIRTUAL_ROOT if forest else ""
    if forest:
        yield [VIRTUAL_ROOT, "", "", org.info.title, "", "", "",
               *([""] * len(OTHER_FIELDS)), "", "true"]
    for p in look.positions():
        yield [p.id, top if p.superior_id is None else p.superior_id, display_name(p), p.title,
               look.department(p), p.planned_headcount, p.filled_headcount, *other_text(p),
               ",".join(str(t) for t in look.relations.get(p.id, [])), *([""] if forest else [])]


def write_d3_csv(org: Organisation, handle: IO[bytes]) -> None:
    headers = (*D3_HEADERS, VIRTUAL_KEY) if len(org.roots()) > 1 else D3_HEADERS
    _write_csv(handle, headers, d3_rows(org))


def visio_rows(org: Organisation) -> Iterable[list[object]]:
    look = Lookup(org)
    for p in look.positions():
        yield [p.id, display_name(p), "" if p.superior_id is None else p.superior_id, p.title,
               look.department(p), p.planned_headcount, p.filled_headcount, *other_text(p)]


def write_visio_csv(org: Organisation, handle: IO[bytes]) -> None:
    _write_csv(handle, VISIO_HEADERS, visio_rows(org))


def write_visio_xlsx(org: Organisation, handle: IO[bytes]) -> None:
    from openpyxl import Workbook

    from orgdesk.io import xlsx_format  # its typed-string cells, safe save and clean-up
    from orgdesk.io.excel_limits import EXCEL_ROW_LIMIT, check_fits_excel

    check_fits_excel(org, EXCEL_ROW_LIMIT - 1)
    workbook = Workbook(write_only=True)
    try:
        xlsx_format._sheet(workbook, "Org chart", VISIO_HEADERS, iter(visio_rows(org)))
        xlsx_format._save(workbook, handle)
    except BaseException:
        xlsx_format._discard(workbook)
        raise


# ------------------------------------------------------------------- draw.io
#: draw.io's defaults for an org chart; the placeholders are columns of each row.
_DRAWIO_STYLE = ("whiteSpace=wrap;html=0;rounded=1;fillColor=%fill%;strokeColor=#666666;"
                 "fontSize=12;")
_REPORTS = ("orthogonalEdgeStyle=1;edgeStyle=orthogonalEdgeStyle;rounded=0;endArrow=none;"
            "strokeColor=#666666;")
_DOTTED = "dashed=1;curved=1;endArrow=open;strokeColor=#999999;"


def drawio_header(orientation: str) -> list[str]:
    """The `#` lines: what draw.io's CSV import draws from the columns below them."""
    reports = {"from": "manager", "to": "id", "invert": True, "label": "", "style": _REPORTS}
    dotted = {"from": "refs", "to": "id", "label": "", "style": _DOTTED}
    return [
        "## orgdesk org chart for draw.io: Arrange > Insert > Advanced > CSV",
        "# label: %title%",
        f"# style: {_DRAWIO_STYLE}",
        "# namespace: orgdesk-",
        f"# connect: {json.dumps(reports)}",
        f"# connect: {json.dumps(dotted)}",
        "# width: auto",
        "# height: auto",
        "# padding: 12",
        "# ignore: id,manager,refs,fill",
        "# nodespacing: 40",
        "# levelspacing: 60",
        "# edgespacing: 40",
        f"# layout: {'horizontaltree' if orientation == 'lr' else 'verticaltree'}",
    ]


_LINE_BREAK = re.compile("\r\n|\r|\n")


def _drawio_cell(value: object) -> str:
    """One value as draw.io's line parser and an RFC 4180 reader both read it."""
    if not isinstance(value, str):
        return str(value)
    if not value:
        return ""
    text = value.replace("\x00", "\ufffd")
    if "\n" in text or "\r" in text:  # draw.io splits rows at line breaks, and only there
        text = " / ".join(line.strip() for line in _LINE_BREAK.split(text))
    text = guard_formula(text)  # on the text as written: a line break may have led it
    text = text.replace('"', "\uff02")
    if text.endswith("\\"):
        text = text[:-1] + "\uff3c"
    if len(text) > MAX_CSV_CELL_CHARS:
        raise ExportFailed(Sentence.of(
            "A text of {length} characters would be one CSV cell, more than orgdesk reads "
            "back ({limit}); shorten it.", length=f"{len(text):,}",
            limit=f"{MAX_CSV_CELL_CHARS:,}"))
    return f'"{text}"'


def drawio_rows(org: Organisation) -> Iterable[list[object]]:
    look = Lookup(org)
    for p in look.positions():
        yield [p.id, "" if p.superior_id is None else p.superior_id,
               ",".join(str(t) for t in look.relations.get(p.id, [])), look.colour(p),
               p.title, look.department(p), p.planned_headcount, p.filled_headcount,
               *other_text(p)]


def write_drawio(org: Organisation, handle: IO[bytes]) -> None:
    """No BOM: draw.io only reads the `#` lines when the file starts with one."""
    from orgdesk.io.peers.geometry import chart_options

    lines = drawio_header(chart_options(org).orientation)
    lines.append(",".join(DRAWIO_HEADERS))
    lines.extend(",".join(_drawio_cell(v) for v in row) for row in drawio_rows(org))
    handle.write(("\n".join(lines) + "\n").encode("utf-8"))
