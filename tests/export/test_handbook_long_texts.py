"""Handbooks of documents with huge texts finish in seconds and say what they leave out.

A title of 100,000 characters without a space made `orgdesk handbook -o hb.pdf`
run for minutes, and 10,000 duties for about 20 seconds: Qt lays out a table
cell pages long again for every page.  A job description now shows at most
a bounded part of each text and list, with a note of how much is not shown;
the document itself is untouched.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from orgdesk.core.model import Kpi, Position, PositionId, Requirements
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook import render_handbook
from orgdesk.export.handbook.content import (
    MAX_LIST_CHARS,
    MAX_LIST_ITEMS,
    MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
    build_content,
    printable_organisation,
)
from orgdesk.samples import template_organisation
from tests.adversarial.corpus import by_name, crafted

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2025, 11, 23)
#: Generous: a guard against hanging (these ran for minutes), not a speed target.
HANG_GUARD_SECONDS = 120


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="poppler-utils is installed by make test")
@pytest.mark.parametrize(("case", "note"), [
    ("title-100k-unbroken", "……（另有99,800个字符未显示）"),
    ("duties-10k", "项未列出）"),
])
def test_a_corpus_handbook_pdf_finishes_and_says_what_it_cut(
        case: str, note: str, tmp_path: Path) -> None:
    document = by_name(crafted())[case].write(tmp_path)
    before = document.read_bytes()
    out = tmp_path / "hb.pdf"
    env = {**os.environ, "ORGDESK_STATE_DIR": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "-m", "orgdesk", "handbook", str(document),
                             "-o", str(out)], capture_output=True, text=True, cwd=ROOT, env=env,
                            timeout=HANG_GUARD_SECONDS, check=False)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    assert note in _squeeze(text)
    assert document.read_bytes() == before  # the document keeps every character


def _huge_position(org: Organisation) -> Organisation:
    """Position 2 with every text field huge and unbroken and every list 10,000 long."""
    long = "W" * 100_000
    target = org.position(PositionId(2))
    huge = replace(
        target, title=long, headcount_note=long, career_path=long,
        duties=(long, *(f"duty {i}" for i in range(10_000))),
        requirements=Requirements(skills=tuple(f"skill {i}" for i in range(10_000)), other=long),
        kpis=(Kpi(long, long), *(Kpi(f"kpi {i}") for i in range(10_000))))
    positions = [huge if p.id == target.id else p for p in org.positions()]
    return Organisation(org.info, list(org.departments), positions, list(org.relations))


def test_every_shown_text_and_list_is_bounded_and_notes_what_is_left_out() -> None:
    org = _huge_position(template_organisation("call_center_chart"))
    content = build_content(printable_organisation(org), DAY)
    sheet = next(s for s in content.sheets if s.position_id == PositionId(2))
    note = "……（另有 {count} 个字符未显示）"
    assert sheet.title == "W" * MAX_NAME_CHARS + note.format(count=f"{100_000 - MAX_NAME_CHARS:,}")
    assert sheet.career_path.endswith(note.format(count=f"{100_000 - MAX_TEXT_CHARS:,}"))
    assert sheet.headcount_note.endswith(note.format(count=f"{100_000 - MAX_TEXT_CHARS:,}"))
    for items, omitted, total in ((sheet.duties, sheet.duties_omitted, 10_001),
                                  (sheet.requirements, sheet.requirements_omitted, 2),
                                  (sheet.kpis, sheet.kpis_omitted, 10_001)):
        assert 0 < len(items) <= MAX_LIST_ITEMS
        assert sum(map(len, items)) <= MAX_LIST_CHARS + MAX_TEXT_CHARS
        assert all(len(item) <= MAX_TEXT_CHARS + len(note) + 10 for item in items)
        if total > len(items):
            assert omitted == f"……（另有 {total - len(items):,} 项未列出）"
    # The long title is cut wherever it is shown: its superior's list of direct reports too.
    superior = next(s for s in content.sheets if s.position_id == org.superior(PositionId(2)).id)
    assert "W" * (MAX_NAME_CHARS + 1) not in superior.reports
    assert "W" * MAX_NAME_CHARS + "……" in superior.reports
    # The document is untouched.
    assert org.position(PositionId(2)).title == "W" * 100_000
    assert len(org.position(PositionId(2)).duties) == 10_001


def test_a_short_document_is_shown_whole() -> None:
    org = template_organisation("call_center_chart")
    content = build_content(printable_organisation(org), DAY)
    for sheet in content.sheets:
        position = org.position(sheet.position_id)
        assert sheet.title == position.title and sheet.duties == position.duties
        assert not (sheet.duties_omitted or sheet.requirements_omitted or sheet.kpis_omitted)


def test_many_direct_reports_are_listed_in_part() -> None:
    base = template_organisation("call_center_chart")
    root = next(p for p in base.positions() if p.superior_id is None)
    extra = [Position(PositionId(10_000 + i), f"岗位{i}", superior_id=root.id)
             for i in range(3_000)]
    org = Organisation(base.info, list(base.departments), [*base.positions(), *extra],
                       list(base.relations))
    sheet = next(s for s in build_content(printable_organisation(org), DAY).sheets
                 if s.position_id == root.id)
    assert len(sheet.reports) < MAX_LIST_CHARS + 100
    assert re.search(r"……（另有 [\d,]+ 项未列出）$", sheet.reports)


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_html_and_docx_show_the_notes(fmt: str, qapp: object) -> None:
    data = render_handbook(_huge_position(template_organisation("call_center_chart")), fmt,
                           day=DAY)
    if fmt == "docx":
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            text = archive.read("word/document.xml").decode("utf-8")
    else:
        text = data.decode("utf-8")
    assert "……（另有 99,800 个字符未显示）" in text
    assert "……（另有 9,901 项未列出）" in text  # 10,001 duties, 100 shown
    assert "W" * (MAX_TEXT_CHARS + 1) not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="poppler-utils is installed by make test")
def test_long_document_fields_stay_on_the_page(qapp: object, tmp_path: Path) -> None:
    """The cover's title wraps anywhere, its rows and the running header are shortened."""
    base = template_organisation("call_center_chart")
    info = replace(base.info, title="W" * 100_000, client="客" * 100_000, author="A" * 100_000)
    org = Organisation(info, list(base.departments), list(base.positions()),
                       list(base.relations))
    pdf = tmp_path / "hb.pdf"
    pdf.write_bytes(render_handbook(org, "pdf", day=DAY))
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "3", str(pdf), "-"],
                           capture_output=True, text=True, timeout=60, check=True).stdout
    pages = boxes.split("<page ")[1:]
    assert len(pages) == 3
    for page in pages:  # each page's own width: the chart's page is landscape
        width = float(re.match(r'width="([\d.]+)"', page).group(1))
        words = re.findall(r'<word xMin="(-?[\d.]+)" yMin="[^"]+" xMax="([\d.]+)"', page)
        assert words
        outside = [(x0, x1) for x0, x1 in words if float(x0) < 0 or float(x1) > width]
        assert not outside
    cover = _squeeze(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                                    capture_output=True, text=True, timeout=60,
                                    check=True).stdout)
    assert "……（另有99,800个字符未显示）" in cover  # the cover says the title was cut
