"""Tables of figures (the analysis window's headcount tables) as CSV, XLSX or
tab-separated text for the clipboard.

The tables arrive as they are shown: a name, the column headers and rows of
texts and numbers, in the interface's language.  Numbers stay numbers in
XLSX; texts that a spreadsheet would take for formulas stay texts.
"""
from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from orgdesk.files import write_atomically
from orgdesk.io.cells import guard_formula
from orgdesk.io.xlsx_format import _CellWriter, _discard, _save

Cell = str | int | float

#: The formats figures export to, by file suffix.
FIGURE_FORMATS = ("xlsx", "csv")
#: Excel refuses these characters in a sheet's name, and names over 31 characters.
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class FigureTable:
    """One table as shown: its name (the tab's), headers and rows."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def tab_separated(table: FigureTable) -> str:
    """The table as tab-separated lines, headers first: what a spreadsheet pastes as cells."""
    def clean(value: Cell) -> str:
        return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    lines = ["\t".join(clean(h) for h in table.headers)]
    lines.extend("\t".join(clean(v) for v in row) for row in table.rows)
    return "\n".join(lines) + "\n"


def write_figures_csv(table: FigureTable, handle: IO[bytes]) -> None:
    """One table as CSV (UTF-8 with BOM so Excel reads Chinese, CRLF, formulas defused)."""
    handle.write(codecs.BOM_UTF8)
    text = codecs.getwriter("utf-8")(handle)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([guard_formula(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([guard_formula(v) if isinstance(v, str) else v for v in row])


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name close to `name`."""
    base = _SHEET_NAME_BAD.sub(" ", name).strip().strip("'")[:31] or "Sheet"
    candidate, number = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = base[:31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def write_figures_xlsx(tables: Sequence[FigureTable], handle: IO[bytes]) -> None:
    """Every table as one sheet of a workbook, headers bold and frozen."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    try:
        taken: set[str] = set()
        for table in tables:
            sheet = workbook.create_sheet(sheet_name(table.name, taken))
            sheet.freeze_panes = "A2"
            cells = _CellWriter(sheet)
            sheet.append([cells.header(h) for h in table.headers])
            for row in table.rows:
                sheet.append([cells.value(v) for v in row])
        _save(workbook, handle)
    except BaseException:
        _discard(workbook)
        raise


def export_figures(target: Path, tables: Sequence[FigureTable], current: int = 0) -> None:
    """Write `tables` to `target`: all of them as sheets of an XLSX, or the `current`
    one as CSV (a CSV file holds one table).  ExportFailed says what went wrong."""
    if target.suffix.lower() == ".csv":
        table = tables[current]
        write_atomically(target, lambda handle: write_figures_csv(table, handle))
    else:
        write_atomically(target, lambda handle: write_figures_xlsx(tables, handle))
