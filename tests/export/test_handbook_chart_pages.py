"""The handbook's org chart: landscape pages, text at least ~7 pt on paper (measured with
`pdftotext -bbox`), split into an overview and branch pages when the whole chart would
be smaller; the DOCX puts it in a landscape section."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from orgdesk.core.model import Department, DepartmentId, Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook import render_handbook
from orgdesk.export.handbook.chart_pages import (
    MAX_CHART_PAGES,
    MIN_TEXT_PT,
    ChartPage,
    plan_chart_pages,
)
from orgdesk.export.handbook.labels import CHINESE
from orgdesk.storage.reading import read_organisation

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"
DAY = date(2025, 11, 23)
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils is installed by make test")


def big_org(managers: int = 4, leads: int = 6) -> Organisation:
    """总经理 → 经理n → 主管n-m → three posts each: too wide for one legible page."""
    departments = [Department(DepartmentId(i), f"事业{i}部", "#8FB8DE", i)
                   for i in range(1, managers + 1)]
    positions = [Position(PositionId(1), "总经理")]
    next_id = 2
    for m in range(1, managers + 1):
        manager = PositionId(next_id)
        next_id += 1
        positions.append(Position(manager, f"经理{m}", PositionId(1), m, DepartmentId(m)))
        for lead in range(1, leads + 1):
            head = PositionId(next_id)
            next_id += 1
            positions.append(Position(head, f"主管{m}-{lead}", manager, lead, DepartmentId(m)))
            for k, (title, seats) in enumerate((("专员", 6), ("质检员", 1), ("培训员", 1))):
                positions.append(Position(PositionId(next_id), f"{title}{m}-{lead}", head, k,
                                          DepartmentId(m), planned_headcount=seats))
                next_id += 1
    return Organisation(departments=departments, positions=positions)


def tool(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120,
                          check=True).stdout


def page_size(pdf: Path, page: int) -> tuple[float, float]:
    info = tool("pdfinfo", "-f", str(page), "-l", str(page), str(pdf))
    found = re.search(rf"^Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    assert found, info
    return float(found.group(1)), float(found.group(2))


def chart_pages(pdf: Path) -> list[int]:
    """The pages headed "1 组织结构图" (the chart section)."""
    count = int(re.search(r"^Pages:\s+(\d+)", tool("pdfinfo", str(pdf)), re.M).group(1))
    heading = re.compile(r"^1\s+组织结构图", re.M)  # page 2, the contents, lists it too
    return [n for n in range(3, count + 1)
            if heading.search(tool("pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"))]


def word_boxes(pdf: Path, page: int) -> list[tuple[str, float]]:
    """(word, height in points) of every word on `page`."""
    xml = tool("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    return [(word, float(y1) - float(y0)) for y0, y1, word in re.findall(
        r'<word xMin="[^"]+" yMin="([\d.]+)" xMax="[^"]+" yMax="([\d.]+)">([^<]*)</word>', xml)]


@pytest.fixture(scope="module")
def big_pdf(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("chart") / "big.pdf"
    out.write_bytes(render_handbook(big_org(), "pdf", day=DAY))
    return out


def test_a_big_chart_is_an_overview_and_branch_pages(big_pdf: Path) -> None:
    org = big_org()
    pages = chart_pages(big_pdf)
    assert len(pages) > 1
    assert pages == list(range(pages[0], pages[0] + len(pages)))  # one run, after the contents
    texts = [tool("pdftotext", "-f", str(n), "-l", str(n), str(big_pdf), "-") for n in pages]
    assert "总览" in texts[0]
    assert all("分支" in text for text in texts[1:])
    # every position is on some chart page
    shown = "\n".join(texts)
    for position in org.positions():
        assert position.title in shown, position.title


def test_chart_pages_are_landscape_and_legible(big_pdf: Path) -> None:
    for page in chart_pages(big_pdf):
        width, height = page_size(big_pdf, page)
        assert width > height, page
        words = word_boxes(big_pdf, page)
        assert words
        # ×N badges are bold white digits on colour, drawn smaller on purpose; every
        # other word (titles, departments, headcounts, header, footer) is measured.
        heights = [h for word, h in words if not word.startswith("×")]
        assert min(heights) >= MIN_TEXT_PT - 0.2, (page, sorted(heights)[:5])
    # the other pages stay portrait
    assert page_size(big_pdf, 2)[0] < page_size(big_pdf, 2)[1]
    last = chart_pages(big_pdf)[-1] + 1
    assert page_size(big_pdf, last)[0] < page_size(big_pdf, last)[1]


def test_a_small_chart_is_one_landscape_page(qapp: object, tmp_path: Path) -> None:
    org = read_organisation(SAMPLES / "training_call_center_50.orgdesk")
    assert [page for page, _layout in plan_chart_pages(org, "zh", CHINESE)] == [
        ChartPage(None, None, "")]
    pdf = tmp_path / "small.pdf"
    pdf.write_bytes(render_handbook(org, "pdf", day=DAY))
    assert chart_pages(pdf) == [3]
    width, height = page_size(pdf, 3)
    assert (round(width), round(height)) == (842, 595)
    heights = [h for word, h in word_boxes(pdf, 3) if not word.startswith("×")]
    assert min(heights) >= MIN_TEXT_PT


def test_a_long_chain_gets_a_bounded_number_of_pages() -> None:
    chain = Organisation(positions=[
        Position(PositionId(i), f"岗位{i}", PositionId(i - 1) if i > 1 else None)
        for i in range(1, 3001)])
    planned = plan_chart_pages(chain, "zh", CHINESE)
    assert 1 < len(planned) <= MAX_CHART_PAGES


def test_docx_chart_is_a_landscape_section(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "big.docx"
    out.write_bytes(render_handbook(big_org(), "docx", day=DAY))
    doc = Document(str(out))
    orientations = [s.orientation for s in doc.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = doc.sections[1]
    assert landscape.page_width > landscape.page_height
    # the chart pages' pictures (more than one: overview and branches) and the bar chart
    assert len(doc.inline_shapes) > 2
    for shape in list(doc.inline_shapes)[:-1]:
        assert shape.width <= landscape.page_width - landscape.left_margin \
            - landscape.right_margin


def test_hundreds_of_direct_reports_are_spread_over_legible_pages(qapp: object,
                                                                   tmp_path: Path) -> None:
    flat = Organisation(positions=[Position(PositionId(1), "总监"), *(
        Position(PositionId(i), f"专员{i}", PositionId(1), i) for i in range(2, 302))])
    planned = plan_chart_pages(flat, "zh", CHINESE)
    parts = [page for page, _layout in planned if page.reports]
    assert len(parts) > 1
    shown = [pid for page in parts for pid in page.reports]
    assert sorted(shown) == list(range(2, 302))  # each report on exactly one page
    assert parts[0].caption.endswith(f"（1/{len(parts)}）")
    pdf = tmp_path / "flat.pdf"
    pdf.write_bytes(render_handbook(flat, "pdf", day=DAY))
    pages = chart_pages(pdf)
    assert len(pages) == len(planned)
    for page in pages:
        assert page_size(pdf, page)[0] > page_size(pdf, page)[1]
        heights = [h for word, h in word_boxes(pdf, page) if not word.startswith("×")]
        assert min(heights) >= MIN_TEXT_PT - 0.2, page


def test_chart_pages_drawn_during_the_text_pages_still_report_graphviz_failing(
        qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The chart's `dot` run goes on while the PDF's text pages are laid out; its
    failure is still the handbook's, and nothing is written."""
    import orgdesk.export.graphviz_engine as graphviz_engine
    from orgdesk.export.graphviz_engine import GraphvizFailed
    from orgdesk.export.handbook.images import start_chart_pictures

    org = big_org()
    charts = start_chart_pictures(org, "zh", CHINESE, png=False)
    assert len(charts) > 1 and len(charts.pictures()) == len(charts)
    assert all(picture.svg and picture.width_pt > 0 for picture in charts)

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise GraphvizFailed("Graphviz could not draw the chart.")

    monkeypatch.setattr(graphviz_engine, "render", broken)
    with pytest.raises(GraphvizFailed):
        render_handbook(org, "pdf", day=DAY)


def test_chart_page_sizes_are_the_svg_renderers(qapp: object) -> None:
    """The pictures' sizes read from the SVG text are those Qt's SVG renderer gives."""
    from orgdesk.export.handbook.images import _svg_size, start_chart_pictures
    from orgdesk.paint.svg_render import svg_size

    pictures = start_chart_pictures(big_org(), "zh", CHINESE, png=False).pictures()
    for picture in pictures:
        assert picture.svg is not None
        assert (picture.width_pt, picture.height_pt) == svg_size(picture.svg)
    plain = b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"></svg>'
    assert _svg_size(plain) == svg_size(plain)
    spaced = (b'<svg xmlns="http://www.w3.org/2000/svg"\n viewBox=" 0,0 300.5  200 " '
              b'width="1" height="1"></svg>')
    assert _svg_size(spaced) == svg_size(spaced) == (300.5, 200.0)


def test_chart_pages_keep_the_documents_arrangements_and_team_totals(qapp: object) -> None:
    """The handbook's chart is the chart the consultant arranged: a team set side by side
    in the window (stacked by default) is so on the page, and team totals on manager
    boxes are printed too."""
    from orgdesk.layout.chart import layout_chart
    from orgdesk.layout.saved import chart_options
    from orgdesk.layout.words import CHINESE as CHINESE_WORDS

    positions = [Position(PositionId(1), "客服经理"), Position(PositionId(2), "组长",
                                                               superior_id=PositionId(1))]
    positions += [Position(PositionId(10 + i), f"座席员{i}", superior_id=PositionId(2),
                           order=i, planned_headcount=2) for i in range(6)]
    plain = Organisation(positions=positions)
    arranged = Organisation(positions=positions, settings={
        "chart": {"overrides": {"2": "horizontal"}, "rollup": True}})
    [(_, automatic)] = plan_chart_pages(plain, "zh", CHINESE)
    [(_, side_by_side)] = plan_chart_pages(arranged, "zh", CHINESE)
    agents = [PositionId(10 + i) for i in range(6)]
    assert len({automatic.boxes[a].x for a in agents}) == 1  # six agents: stacked by default
    assert len({side_by_side.boxes[a].y for a in agents}) == 1  # side by side, as arranged
    expected = layout_chart(arranged, replace(chart_options(arranged), words=CHINESE_WORDS))
    assert {pid: (b.x, b.y) for pid, b in side_by_side.boxes.items()} == {
        pid: (b.x, b.y) for pid, b in expected.boxes.items()}
    team = side_by_side.boxes[PositionId(2)].text.detail_lines
    assert any("团队 12 席" in line for line in team), team
    assert not any("团队" in line for line in automatic.boxes[PositionId(2)].text.detail_lines)
