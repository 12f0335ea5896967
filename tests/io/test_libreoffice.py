"""A real spreadsheet program reads orgdesk's XLSX: LibreOffice converts it to CSV, headless.

The CSV LibreOffice writes is then imported by orgdesk and gives back the same
positions, so the workbook's cells (typed strings, numbers, _xHHHH_ escapes,
line breaks) mean to LibreOffice exactly what they mean to orgdesk; formula
look-alikes come out as the text they are, never as results.
"""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from orgdesk.core.organisation import Organisation
from orgdesk.io.export_table import HEADERS
from orgdesk.io.interchange import export_to, read_source
from orgdesk.samples import template_organisation
from tests.io.test_roundtrip import FORMULAS, PHONE, _hostile_org

#: The Debian package that gives `libreoffice --headless --convert-to` (see the Makefile).
PACKAGE = "libreoffice-calc-nogui"


def convert_to_csv(workbook: Path, tmp_path: Path) -> Path:
    program = shutil.which("libreoffice") or shutil.which("soffice")
    if program is None:
        pytest.fail(f"LibreOffice is not installed; `apt-get install {PACKAGE}` (make test does).")
    out = tmp_path / "converted"
    # A profile of its own: no clash with a running LibreOffice or another test.
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(out),
         str(workbook)],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)}, check=False)
    converted = out / (workbook.stem + ".csv")
    assert converted.is_file(), f"LibreOffice wrote nothing:\n{result.stdout}\n{result.stderr}"
    return converted


def _positions(org: Organisation) -> list[tuple[object, ...]]:
    names = {d.id: d.name for d in org.departments}
    return [(p.evolve(department_id=None), names.get(p.department_id))  # type: ignore[arg-type]  # a position without a department looks up None
            for p in org.positions()]


@pytest.mark.slow
@pytest.mark.parametrize("which", ["bank_service_center", "hostile"])
def test_libreoffice_reads_the_exported_workbook(which: str, tmp_path: Path) -> None:
    org = _hostile_org() if which == "hostile" else template_organisation(which)
    workbook = tmp_path / f"{which}.xlsx"
    export_to(org, workbook)
    converted = convert_to_csv(workbook, tmp_path)
    with open(converted, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == HEADERS
    titles = [row[HEADERS.index("Title 职位")] for row in rows[1:]]
    assert titles == [p.title for p in org.positions()]
    if which == "hostile":
        cells = [cell for row in rows[1:] for cell in row]
        assert FORMULAS[0] in cells and PHONE in cells  # text, not a computed value
        assert "=1+1：@x" in cells and "=A1" in cells  # as written, not evaluated
    back = read_source(converted).require()
    assert _positions(back) == _positions(org)
