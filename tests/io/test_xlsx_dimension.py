"""A workbook's `<dimension>` element is a claim by whatever wrote it, not a fact.

openpyxl's read-only mode trusts it: a stale `A1:C2` on a sheet of 1,002 rows
read 2 rows and the import said it was done.  Every row that is in the sheet
must be read, whatever the element says, or be missing from it altogether.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from orgdesk.io.export_table import HEADERS
from orgdesk.io.interchange import export_to, read_source
from orgdesk.io.xlsx_format import POSITIONS_SHEET, read_xlsx
from orgdesk.samples import template_organisation

ROWS = 1_001


def _chain_workbook(path: Path) -> None:
    """A header and ROWS positions, each reporting to the one above, in columns A:C."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "superior", "title"])
    for number in range(1, ROWS + 1):
        sheet.append([number, number - 1 if number > 1 else None, f"岗位 {number}"])
    workbook.save(path)


def _with_dimension(path: Path, ref: str | None) -> None:
    """Rewrite the `<dimension ref=…>` of every worksheet (None: remove the element)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                replacement = b"" if ref is None else f'<dimension ref="{ref}"/>'.encode()
                data, count = re.subn(rb"<dimension [^>]*/>", replacement, data)
                if not count and ref is not None:  # openpyxl's write-only mode writes none
                    data, count = re.subn(rb"<sheetViews>", replacement + b"<sheetViews>", data,
                                          count=1)
                assert count == 1 or ref is None
            new.writestr(item, data)
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize("ref", ["A1:C2", "A1", "A1:A1002", "B3:C4", "C1002:C1002", "A1:XFD1048576",
                                 None])
def test_every_row_is_read_whatever_the_dimension_says(tmp_path: Path, ref: str | None) -> None:
    path = tmp_path / "staff.xlsx"
    _chain_workbook(path)
    _with_dimension(path, ref)
    result = read_source(path)
    org = result.require()
    assert result.rows == ROWS
    assert len(org) == ROWS
    titles = [p.title for p in org.positions()]
    assert titles[0] == "岗位 1" and titles[-1] == f"岗位 {ROWS}"


def test_orgdesk_own_workbook_with_stale_dimensions_reads_every_sheet(tmp_path: Path) -> None:
    original = template_organisation("call_center_chart")
    path = tmp_path / "own.xlsx"
    export_to(original, path)
    _with_dimension(path, "A1:A1")
    table = read_xlsx(path)
    table.rows.close()  # closes the workbook
    assert table.own and table.headers[0] == HEADERS[0]
    back = read_source(path).require()
    assert back.snapshot()[1:] == original.snapshot()[1:]


def test_rows_of_different_widths_keep_their_cells(tmp_path: Path) -> None:
    """Without a trusted width, rows come back ragged; short rows still read as rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = POSITIONS_SHEET
    sheet.append(["title", "superior", "notes"])
    sheet.append(["总经理"])
    sheet.append(["主管", "总经理", "备注"])
    path = tmp_path / "ragged.xlsx"
    workbook.save(path)
    _with_dimension(path, "A1:A1")
    org = read_source(path).require()
    (root,) = org.roots()
    assert root.title == "总经理"
    (report,) = org.direct_reports(root.id)
    assert report.title == "主管" and "备注" in report.notes
