"""The DOCX handbook: reopened with python-docx and converted by LibreOffice headless."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook import write_handbook
from orgdesk.storage.reading import read_organisation

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"
DAY = date(2025, 11, 23)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (Debian: libreoffice-writer-nogui) is installed by make test")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def training(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "training.docx"
    write_handbook(read_organisation(SAMPLES / "training_call_center_50.orgdesk"), out, day=DAY)
    return out


def test_reopened_with_python_docx(training: Path) -> None:
    org = read_organisation(SAMPLES / "training_call_center_50.orgdesk")
    doc = Document(str(training))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    # three parts, then one section per distinct job description
    # (training_call_center_50.toml: 14 positions, 4 项目组长 and 4 话务员 alike: 8)
    assert headings[:3] == ["1　组织结构图", "2　人员编制汇总", "3　岗位说明"]
    assert len(headings) == 3 + 8
    assert headings[3] == "3.1　运营总监"
    assert "3.3　项目组长" in headings
    # two figure tables (by department, by level), then one job description each
    assert len(doc.tables) == 2 + 8
    sheets = doc.tables[2:]
    titles = list(dict.fromkeys(p.title for p in org.positions()))
    assert [t.cell(0, 1).text for t in sheets] == titles
    labels = [t.cell(r, 0).text for t in sheets[:1] for r in range(7)]
    assert labels == ["职位名称", "职位定员", "直接下属", "岗位职责", "任职要求", "关键绩效指标",
                      "发展方向"]
    manager = sheets[titles.index("项目经理")]
    assert manager.cell(3, 1).text == "1. 管理4-5个项目组\n2. 对项目绩效负责"
    assert manager.cell(2, 1).text == "项目组长 ×4"
    assert manager.cell(1, 3).text == "运营总监"
    # the department table: 项目组1-4 with 11 seats each, 6 seats without a department
    figures = [[cell.text for cell in row.cells] for row in doc.tables[0].rows]
    assert figures[1] == ["项目组1", "2", "11", "0", "11"]
    assert figures[-2] == ["未分部门", "6", "6", "0", "6"]
    assert figures[-1] == ["合计", "14", "50", "0", "50"]
    assert len(doc.inline_shapes) == 2  # the org chart (one page here) and the bar chart
    assert doc.core_properties.title.endswith("岗位说明书")


def test_chinese_text_has_an_east_asian_font(training: Path) -> None:
    doc = Document(str(training))
    for name in ("Normal", "Heading 1", "Heading 2"):
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), name
        assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would override it


def test_hostile_text_is_stored_as_text(qapp: object, tmp_path: Path) -> None:
    org = Organisation(positions=[
        Position(PositionId(1), "<w:t>经理</w:t> & \x01总监", duties=("]]><x/>", "\x0c换页"))])
    out = tmp_path / "hostile.docx"
    write_handbook(org, out, day=DAY)
    sheet = Document(str(out)).tables[-1]
    assert sheet.cell(0, 1).text == "<w:t>经理</w:t> & 总监"
    assert sheet.cell(3, 1).text == "1. ]]><x/>\n2. 换页"


@needs_libreoffice
def test_libreoffice_converts_it(training: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"  # its own profile: no clash with a running LibreOffice
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(training)],
        capture_output=True, text=True, timeout=180, check=False)
    pdf = tmp_path / "training.pdf"
    assert pdf.is_file(), result.stdout + result.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60, check=False).stdout
    org = read_organisation(SAMPLES / "training_call_center_50.orgdesk")
    for position in org.positions():
        assert position.title in text
        for duty in position.duties:
            assert squeeze(duty) in squeeze(text)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 4 + 8  # cover, contents, chart, summary, a page per description
    # LibreOffice keeps the TOC field's cached entries (it does not update fields on
    # conversion, so no page numbers), and prints the chart's section landscape.
    contents = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"],
                              capture_output=True, text=True, timeout=60, check=False).stdout
    assert "组织结构图" in contents and "话务员" in contents
    sizes = re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "4", str(pdf)], capture_output=True, text=True,
        check=False).stdout, re.M)
    wide = [int(n) for n, w, h in sizes if float(w) > float(h)]
    assert wide == [3], sizes
