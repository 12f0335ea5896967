"""Charts for print and for screens of any size: one legible page or a poster; PNG tiles.

The plan is checked as arithmetic; the files with poppler (`pdfinfo` page
count, `pdftoppm` pixels, `pdftotext` titles) and Qt (PNG sizes).
"""
from __future__ import annotations

import itertools
import math
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from orgdesk.cli import main
from orgdesk.export import graphviz_engine
from orgdesk.export.chart_export import export_chart_file, tile_path
from orgdesk.export.limits import MAX_PNG_SIDE, ChartTooLarge, estimated_pages
from orgdesk.export.options import BadPaper, ChartExportOptions, paper_size
from orgdesk.layout import LayoutOptions, layout_chart
from orgdesk.layout.paging import MIN_TEXT_PT, plan_print, smallest_text_pt, tile_label
from tests.export.print_charts import sixty_seats
from tests.layout.shapes import wide

A4 = paper_size("a4")
TOOLS = {name: shutil.which(name) for name in ("pdfinfo", "pdftoppm", "pdftotext", "dot")}
needs_tools = pytest.mark.skipif(not all(TOOLS.values()),
                                 reason="poppler-utils and Graphviz are installed by make test")


def run(tool: str, *args: str) -> str:
    return subprocess.run([TOOLS[tool] or tool, *args], capture_output=True, text=True,
                          check=True, timeout=120).stdout


def page_count(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf))).group(1))  # type: ignore[union-attr]  # pdfinfo always prints the page count


def page_size(pdf: Path) -> tuple[int, int]:
    found = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", str(pdf)))
    assert found is not None
    return round(float(found.group(1))), round(float(found.group(2)))


def inked_pages(pdf: Path, folder: Path) -> list[float]:
    """The share of non-white pixels on each page, rendered small."""
    run("pdftoppm", "-r", "12", "-gray", str(pdf), str(folder / "page"))
    shares = []
    for image in sorted(folder.glob("page*.pgm")):
        data = image.read_bytes()
        # P5 header: magic, width height, maxval, then the pixels
        _, size, _, pixels = data.split(b"\n", 3)
        width, height = map(int, size.split())
        body = pixels[-width * height:]
        shares.append(sum(1 for value in body if value < 200) / len(body))
    return shares


def png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# ------------------------------------------------------------ the plan (no drawing)
def test_the_sixty_seat_chart_fits_one_landscape_a4_page_legibly() -> None:
    chart = layout_chart(sixty_seats())
    boxes = [(b.x, b.y, b.w, b.h) for b in chart.boxes.values()]
    plan = plan_print(chart.width, chart.height, boxes, A4, smallest_text_pt(chart))
    assert plan.pages == 1 and plan.landscape and not plan.poster
    assert plan.tiles[0].scale * smallest_text_pt(chart) >= MIN_TEXT_PT
    portrait = plan_print(chart.width, chart.height, boxes, A4, smallest_text_pt(chart),
                          landscape=False)  # asked for: a poster rather than tiny text
    assert portrait.poster and not portrait.landscape


def test_a_big_chart_becomes_a_poster_of_labelled_tiles_without_empty_ones() -> None:
    chart = layout_chart(wide(1500))
    boxes = [(b.x, b.y, b.w, b.h) for b in chart.boxes.values()]
    plan = plan_print(chart.width, chart.height, boxes, A4, smallest_text_pt(chart))
    assert plan.poster and plan.pages == len(plan.tiles) + 1  # the assembly map first
    scale = plan.tiles[0].scale
    assert scale * smallest_text_pt(chart) == pytest.approx(MIN_TEXT_PT)
    for tile in plan.tiles:  # every printed tile shows part of a box
        assert any(x < tile.x + tile.w and x + w > tile.x and y < tile.y + tile.h
                   and y + h > tile.y for x, y, w, h in boxes)
    # Neighbouring tiles overlap by 10 mm on paper; together they cover every box.
    ordered = sorted(plan.tiles, key=lambda t: (t.row, t.column))
    for a, b in itertools.pairwise(ordered):
        if a.row == b.row and b.column == a.column + 1:
            assert (a.x + a.w - b.x) * scale == pytest.approx(10 * 72 / 25.4)
    for x, y, w, h in boxes:
        cx, cy = x + w / 2, y + h / 2
        assert any(t.x <= cx <= t.x + t.w and t.y <= cy <= t.y + t.h for t in plan.tiles)
    assert plan.pages <= estimated_pages(chart, ChartExportOptions(format="pdf"))


def test_fit_gives_one_page_and_orientation_follows_the_shape() -> None:
    assert len(plan_print(50_000, 900, [(0, 0, 50_000, 900)], A4, 9.0, fit=True).tiles) == 1
    assert plan_print(900, 400, [], A4, 9.0).landscape
    assert not plan_print(400, 900, [], A4, 9.0).landscape


def test_tile_labels_are_row_letters_and_column_numbers() -> None:
    assert [tile_label(0, 0), tile_label(0, 1), tile_label(1, 0), tile_label(25, 9),
            tile_label(26, 0)] == ["A1", "A2", "B1", "Z10", "AA1"]


def test_paper_sizes_named_and_custom() -> None:
    assert paper_size("A3") == paper_size("a3")
    width, height = paper_size("600x900mm")
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (600, 900)
    assert ChartExportOptions(paper="600x900mm", landscape=True).paper_points()[0] > 2500
    for bad in ("b5", "0x10mm", "9000x9000mm"):
        with pytest.raises(BadPaper):
            paper_size(bad)


# ------------------------------------------------------------ files
@needs_tools
def test_sixty_seat_pdf_is_one_landscape_page_with_every_title(tmp_path: Path) -> None:
    org = sixty_seats()
    target = tmp_path / "sixty.pdf"
    export_chart_file(org, target, ChartExportOptions(format="pdf"))
    assert page_count(target) == 1
    assert page_size(target) == (842, 595)  # A4 landscape
    text = run("pdftotext", str(target), "-")
    for position in org.positions():
        assert position.title in text
    assert min(inked_pages(target, tmp_path)) > 0.01


@needs_tools
def test_poster_of_1500_positions_prints_every_title_on_inked_pages(tmp_path: Path) -> None:
    org = wide(1500)
    chart = layout_chart(org)
    target = tmp_path / "poster.pdf"
    export_chart_file(org, target, ChartExportOptions(format="pdf"), chart)
    pages = page_count(target)
    plan = plan_print(chart.width, chart.height,
                      [(b.x, b.y, b.w, b.h) for b in chart.boxes.values()], A4,
                      smallest_text_pt(chart))
    assert 2 < pages <= plan.pages + 1  # the assembly map and the tiles, no more
    assert pages <= estimated_pages(chart, ChartExportOptions(format="pdf"))
    assert min(inked_pages(target, tmp_path)) > 0.002  # no blank page
    text = re.sub(r"\s+", "", run("pdftotext", str(target), "-"))
    missing = {p.title for p in org.positions() if re.sub(r"\s+", "", p.title) not in text}
    assert not missing
    first = run("pdftotext", "-f", "1", "-l", "1", str(target), "-")
    assert "A1" in first and "B1" in first  # the assembly map names the tiles


@needs_tools
def test_png_text_keeps_its_size_and_a_too_large_image_becomes_tiles(tmp_path: Path) -> None:
    org = wide(1500)
    dpi = 150
    # Balanced, one image: its pixels are the chart's points at the resolution asked.
    chart = layout_chart(org)
    one = tmp_path / "one.png"
    result = export_chart_file(org, one, ChartExportOptions(format="png", dpi=dpi), chart)
    assert result.paths == (one,)
    width, _ = png_size(one.read_bytes())
    px_per_pt = width / chart.width
    assert px_per_pt == pytest.approx(dpi / 72, rel=0.01)
    assert smallest_text_pt(chart) * px_per_pt >= MIN_TEXT_PT * dpi / 72
    # The plain wide layout is far wider than one image may be: tiles, none shrunk.
    plain = layout_chart(org, LayoutOptions(balance=False))
    wide_png = tmp_path / "wide.png"
    assert math.ceil(plain.width * dpi / 72) > MAX_PNG_SIDE
    result = export_chart_file(org, wide_png, ChartExportOptions(format="png", dpi=dpi,
                                                                  balance=False), plain)
    assert not wide_png.exists() and len(result.paths) > 1
    assert result.paths[0] == tile_path(wide_png, 1, 1) == tmp_path / "wide-1-1.png"
    total = 0
    for path in result.paths:
        w, h = png_size(path.read_bytes())
        assert max(w, h) <= MAX_PNG_SIDE
        total += w
    assert total == pytest.approx(plain.width * dpi / 72, abs=len(result.paths) + 2)


@needs_tools
def test_cli_lists_the_tiles_and_refuses_what_no_tiling_can_hold(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from orgdesk.storage.document import create_file

    source, bigger = tmp_path / "wide.orgdesk", tmp_path / "wider.orgdesk"
    create_file(source, wide(300))
    create_file(bigger, wide(1500))
    target = tmp_path / "chart.png"
    assert main(["export", str(source), "-o", str(target), "--wide", "--dpi", "300"]) == 0
    said = capsys.readouterr().out
    assert "chart-1-1.png" in said and "chart-1-2.png" in said and not target.exists()
    written = set(tmp_path.glob("chart-*.png"))
    assert main(["export", str(bigger), "-o", str(target), "--wide", "--dpi", "1200"]) == 1
    said = capsys.readouterr().err
    assert "--poster" in said and "SVG" in said and set(tmp_path.glob("chart-*.png")) == written


def test_graphviz_warnings_are_kept_not_swallowed() -> None:
    if TOOLS["dot"] is None:
        pytest.skip("Graphviz is installed by make test")
    warnings: list[str] = []
    graphviz_engine.render('digraph { a [shape=nosuchshape] }', "svg", warnings=warnings)
    assert any("nosuchshape" in line for line in warnings)


def test_cli_prints_graphviz_warnings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from orgdesk.cli import chart_support
    from orgdesk.export.chart_export import ExportResult
    from orgdesk.storage.document import create_file

    source = tmp_path / "s.orgdesk"
    create_file(source, sixty_seats())
    target = tmp_path / "s.svg"
    monkeypatch.setattr(chart_support, "export_chart_file",
                        lambda *_a, **_k: ExportResult((target,), ("Warning: scaled down",)))
    assert main(["export", str(source), "-o", str(target)]) == 0
    assert "Warning: scaled down" in capsys.readouterr().err


def test_a_poster_beyond_the_page_limit_is_refused() -> None:
    chart = layout_chart(wide(1500), LayoutOptions(balance=False))
    from orgdesk.export.limits import check_chart_size

    with pytest.raises(ChartTooLarge):
        check_chart_size(chart, ChartExportOptions(format="pdf", paper="50x50mm"))

