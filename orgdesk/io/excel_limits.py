"""What an Excel workbook cannot hold, found before a workbook is begun.

An Excel cell holds at most 32,767 characters.  openpyxl writes longer texts
anyway, and Excel then refuses or truncates the file; orgdesk used to stop
in the middle of writing, after openpyxl had opened its temporary sheet
files, and the half-written streams printed tracebacks when collected.  For
a data exchange a silently cut text is wrong, so a user's text that does not
fit is refused up front, naming the position and the field (CSV and JSON
hold it).  Document settings are orgdesk's own data and may grow with the
document (an arrangement per position), so they are split across cells.
"""
from __future__ import annotations

from collections.abc import Iterator

from orgdesk.core.errors import Sentence
from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import xml_escape
from orgdesk.io.export_table import position_rows
from orgdesk.io.fields import EXPORT_FIELDS
from orgdesk.io.problems import ExportFailed

#: The most characters an Excel cell holds.
EXCEL_CELL_LIMIT = 32_767
#: The most rows an Excel sheet holds (the header row included).
EXCEL_ROW_LIMIT = 1_048_576
#: Chunks of a document setting's JSON, one cell each (below the limit after escaping).
SETTING_CHUNK = 4_000
_TITLE = [f.key for f in EXPORT_FIELDS].index("title")


def cell_length(text: str) -> int:
    """Characters of `text` as written to the cell (XML-unsafe ones become _xHHHH_)."""
    return len(xml_escape(text))


def _shorten(text: str) -> str:
    return text if len(text) <= 30 else f"{text[:29]}…"


def _too_long(what: Sentence, length: int) -> ExportFailed:
    return ExportFailed(Sentence.of(
        "{what} has {length} characters, more than an Excel cell holds ({limit}); shorten it, "
        "or export CSV or JSON, which hold any length.", what=what, length=f"{length:,}",
        limit=f"{EXCEL_CELL_LIMIT:,}"))


def check_fits_excel(org: Organisation, max_rows: int) -> None:
    """ExportFailed naming the first text of `org` that no Excel cell can hold, or if its
    positions are more rows than a sheet holds (Excel opens no more)."""
    if len(org) > max_rows:
        raise ExportFailed(Sentence.of(
            "An Excel sheet holds {limit} positions at most, and this document has {count}; "
            "export CSV or JSON instead.", limit=f"{max_rows:,}", count=f"{len(org):,}"))
    for row in position_rows(org):
        for spec, value in zip(EXPORT_FIELDS, row):
            if isinstance(value, str) and len(value) * 7 > EXCEL_CELL_LIMIT:  # _xHHHH_ is 7
                length = cell_length(value)
                if length > EXCEL_CELL_LIMIT:
                    title = _shorten(str(row[_TITLE]))
                    raise _too_long(Sentence.of("The field “{field}” of position {id} "
                                                "(“{title}”)", field=spec.header, id=row[0],
                                                title=title), length)
    for department in org.departments:
        if cell_length(department.name) > EXCEL_CELL_LIMIT:
            raise _too_long(Sentence.of("The name of department {id}", id=department.id),
                            cell_length(department.name))
    for relation in org.relations:
        if cell_length(relation.label) > EXCEL_CELL_LIMIT:
            raise _too_long(Sentence.of("The label of dotted line {id}", id=relation.id),
                            cell_length(relation.label))
    info = org.info
    for name in ("title", "client", "author", "notes"):
        value = getattr(info, name)
        if cell_length(value) > EXCEL_CELL_LIMIT:
            raise _too_long(Sentence.of("The document's “{field}”", field=name),
                            cell_length(value))


def chunks(text: str) -> Iterator[str]:
    """`text` in pieces that each fit a cell; joined back by the reader."""
    for start in range(0, max(len(text), 1), SETTING_CHUNK):
        yield text[start:start + SETTING_CHUNK]
