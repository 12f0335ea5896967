"""The PDF handbook, checked by real consumers: pdftotext, pdftoppm, pdffonts, pdfinfo."""
from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from orgdesk.core.errors import UserError
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook import render_handbook, write_handbook
from orgdesk.paint.pdf_text import fix_to_unicode
from orgdesk.storage.reading import read_organisation

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"
DAY = date(2025, 11, 23)
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="poppler-utils is installed by make test")
RADICALS = re.compile("[\u2e80-\u2fdf]")


def tool(*args: str) -> str:
    result = subprocess.run(list(args), capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def text_of(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return tool("pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-")


def squeeze(text: str) -> str:
    """Text without whitespace: pdftotext breaks long duties across lines."""
    return re.sub(r"\s+", "", text)


def pages_of(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", tool("pdfinfo", str(pdf)), re.M).group(1))


@pytest.fixture(scope="module")
def handbooks(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    made = {}
    for name in ("software_ops_department", "training_call_center_50"):
        made[name] = folder / f"{name}.pdf"
        write_handbook(read_organisation(SAMPLES / f"{name}.orgdesk"), made[name], day=DAY)
    return made


@pytest.mark.parametrize("name", ["software_ops_department", "training_call_center_50"])
def test_every_title_and_duty_is_searchable_text(handbooks: dict[str, Path], name: str) -> None:
    org = read_organisation(SAMPLES / f"{name}.orgdesk")
    text = text_of(handbooks[name])
    flat = squeeze(text)
    for position in org.positions():
        assert position.title in text
        for duty in position.duties:
            assert squeeze(duty) in flat, duty
    for label in ("岗位说明书", "职位名称", "所属部门", "职位定员", "直接上级", "直接下属",
                  "岗位职责", "任职要求", "关键绩效指标", "发展方向", "2025年11月23日"):
        assert label in flat
    assert not RADICALS.search(text), RADICALS.findall(text)


def test_one_page_per_job_description(handbooks: dict[str, Path]) -> None:
    # cover, contents, org chart, headcount summary, then one page per distinct job
    # description (software_ops_department.toml: 6 positions, all different;
    # training_call_center_50.toml: 14 positions, the four 项目组长 and the four
    # 话务员 each sharing one description: 8)
    assert pages_of(handbooks["software_ops_department"]) == 4 + 6
    assert pages_of(handbooks["training_call_center_50"]) == 4 + 8


def test_pdftoppm_renders_every_page(handbooks: dict[str, Path], tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    pdf = handbooks["training_call_center_50"]
    tool("pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page"))
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages_of(pdf)
    for path in images:
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 200
        # every page has ink on it (a blank page would be one colour)
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 3, path.name


def test_fonts_are_embedded(handbooks: dict[str, Path]) -> None:
    rows = tool("pdffonts", str(handbooks["software_ops_department"])).splitlines()[2:]
    assert rows, "no fonts at all: text drawn as paths cannot be selected"
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column
    assert any("CJK" in row for row in rows)


def test_contents_page_numbers_point_at_the_sections(handbooks: dict[str, Path]) -> None:
    pdf = handbooks["training_call_center_50"]
    lines = [line.strip() for line in text_of(pdf, 2).splitlines() if line.strip()]
    entries = {}  # "3.4 话务员（项目组1）" → printed page number
    for line, following in itertools.pairwise(lines):
        if re.match(r"\d(\.\d+)?\s", line) and following.isdigit():
            entries[line] = int(following)
    assert len(entries) == 3 + 8, lines
    assert entries["1 组织结构图"] == 3 and entries["2 人员编制汇总"] == 4
    for heading, page in entries.items():
        assert squeeze(heading) in squeeze(text_of(pdf, page)), (heading, page)
        if page - 1 > 2:  # page 2 is the contents, which lists every heading
            # no heading leaks as hidden text onto the page before its own
            assert squeeze(heading) not in squeeze(text_of(pdf, page - 1)), (heading, page)


def test_the_chart_page_holds_the_chart_as_text(handbooks: dict[str, Path]) -> None:
    # the org chart is drawn from the chart export's SVG, so its boxes are text too
    chart_page = text_of(handbooks["training_call_center_50"], 3)
    assert "组织结构图" in chart_page
    for title in ("运营总监", "项目经理", "项目组长", "话务员"):  # 目 must not read as ⽬
        assert title in chart_page, title


def test_branch_handbook(qapp: object, tmp_path: Path) -> None:
    org = read_organisation(SAMPLES / "training_call_center_50.orgdesk")
    manager = next(p for p in org.positions() if p.title == "项目经理")
    out = tmp_path / "branch.pdf"
    write_handbook(org, out, root=manager.id, day=DAY)
    text = text_of(out)
    assert "项目组长" in text and "话务员" in text
    assert "运营助理" not in text and "人事专员" not in text
    assert pages_of(out) == 4 + 3  # 项目经理, 项目组长 (×4), 话务员 (×4)


def test_without_the_text_fix_radicals_come_back(qapp: object, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Proves the fix is needed (and that the searchable-text test can fail):
    # Qt alone writes "项目督导" as "项⽬督导".
    monkeypatch.setattr("orgdesk.paint.paged_pdf.fix_to_unicode",
                        lambda pdf, family: pdf)
    org = read_organisation(SAMPLES / "software_ops_department.orgdesk")
    raw = tmp_path / "raw.pdf"
    raw.write_bytes(render_handbook(org, "pdf", day=DAY))
    assert "\u2f6c" in text_of(raw)  # ⽬ KANGXI RADICAL EYE instead of 目


def test_text_fix_keeps_every_offset() -> None:
    cmap = (b"1 0 obj\n<< /Length 99 >>\nstream\nbegincmap\n2 beginbfrange\n"
            b"<0000> <0000> <0000>\n<0001> <0003> [<9879> <2F6C> <2F29>]\nendbfrange\n"
            b"1 beginbfchar\n<0004> <2F00>\nendbfchar\nendcmap\nendstream\nendobj\n")
    fixed = fix_to_unicode(cmap, "no such font family")  # Unicode's own mapping still applies
    assert len(fixed) == len(cmap)
    assert b"[<9879> <76EE> <5C0F>]" in fixed and b"<0004> <4E00>" in fixed
    assert fixed.replace(b"76EE", b"2F6C").replace(b"5C0F", b"2F29").replace(
        b"4E00", b"2F00") == cmap


def test_progress_and_cancel_leave_no_file(qapp: object, tmp_path: Path) -> None:
    org = read_organisation(SAMPLES / "software_ops_department.orgdesk")
    seen: list[tuple[int, int]] = []
    out = tmp_path / "h.pdf"
    write_handbook(org, out, day=DAY, progress=lambda done, total: seen.append((done, total)))
    fractions = [done / total for done, total in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(seen) > 5

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done / total > 0.5:
            raise Cancelled

    before = out.read_bytes()
    with pytest.raises(Cancelled):
        write_handbook(org, out, day=DAY, progress=cancel)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.pdf"]  # no temp file left


def test_mixed_and_hostile_text_reads_back_exactly(qapp: object, tmp_path: Path) -> None:
    # Digits next to Latin letters and "ffi" are reached through OpenType
    # substitutions in Noto CJK; without switching those off, copy and search
    # lose them ("Oce 2016", "<h>").
    duties = ("</td></table><h1>x", "熟练使用Office 2016办公软件", "CET-4以上，接通率≥95%",
              "difficult offline efficient", "每个项目督导负责12~14名员工")
    org = Organisation(positions=[
        Position(PositionId(1), "<b>经理</b> & \x01总监", duties=duties + ("\x0b",)),
        Position(PositionId(2), "Team Leader 1", PositionId(1), planned_headcount=12)])
    out = tmp_path / "hostile.pdf"
    write_handbook(org, out, day=DAY)
    text = text_of(out)
    assert "<b>经理</b> & 总监" in text  # the control character is dropped, the rest kept
    assert "Team Leader 1 ×12" in text
    for duty in duties:
        assert duty in text, duty


def test_unknown_format_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.pdf, \.docx or \.html"):
        write_handbook(Organisation(), tmp_path / "h.odt")


def test_empty_organisation_still_makes_every_part(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    write_handbook(Organisation(), out, day=DAY, lang="zh")
    text = text_of(out)
    for heading in ("目录", "1 组织结构图", "2 人员编制汇总", "3 岗位说明"):
        assert heading in text
    assert pages_of(out) == 5  # cover, contents, chart, summary, the empty sheets part
