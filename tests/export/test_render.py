"""Every format through both Graphviz paths, checked by real consumers."""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree

from orgdesk.cli import main
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export import graphviz_engine
from orgdesk.export.chart_export import export_chart_file, render_chart
from orgdesk.export.dot_build import build_dot
from orgdesk.export.fonts import cjk_font
from orgdesk.export.options import ChartExportOptions
from orgdesk.files import ExportFailed
from orgdesk.layout.chart import layout_chart
from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_orgs" / "training_call_center_50.orgdesk"
DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(DOT is None, reason="the system Graphviz is installed by make")
# Absolute paths: some tests take Graphviz off PATH.
TOOLS = {name: shutil.which(name) or name for name in ("pdftotext", "pdftoppm", "pdfinfo", "fc-query")}
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils")


@pytest.fixture(scope="module")
def org() -> Organisation:
    return read_organisation(SAMPLE)


def big_org(n: int = 400) -> Organisation:
    """A call-center-shaped organisation: director → managers → team leaders → agents."""
    positions = [Position(PositionId(1), "呼叫中心总监")]
    pid = 2
    for m in range(8):
        manager = pid
        positions.append(Position(PositionId(pid), f"中心经理{m}", PositionId(1), m))
        pid += 1
        for t in range(max(1, n // 40)):
            leader = pid
            positions.append(Position(PositionId(pid), f"组长{m}-{t}", PositionId(manager), t))
            pid += 1
            for a in range(3):
                positions.append(Position(PositionId(pid), f"座席员{a}", PositionId(leader), a,
                                          planned_headcount=12))
                pid += 1
    return Organisation(positions=positions)


@pytest.fixture()
def no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """PATH without Graphviz, as on a machine where only `pip install` was run."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert graphviz_engine.current_engine().kind == "embedded"


def pdf_text(path: Path) -> str:
    return subprocess.run([TOOLS["pdftotext"], str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def pdf_pages_render(path: Path, tmp_path: Path) -> int:
    prefix = tmp_path / "page"
    subprocess.run([TOOLS["pdftoppm"], "-png", "-r", "20", str(path), str(prefix)], check=True,
                   timeout=120, capture_output=True)
    pages = sorted(tmp_path.glob("page*.png"))
    return len(pages)


def pdf_page_count(path: Path) -> int:
    info = subprocess.run([TOOLS["pdfinfo"], str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]  # the output is known to hold the pattern


def svg_texts(data: bytes) -> list[str]:
    tree = ElementTree.fromstring(data)
    return ["".join(el.itertext()) for el in tree.iter("{http://www.w3.org/2000/svg}text")]


# ------------------------------------------------------------------ fonts
@needs_dot
def test_resolved_font_covers_chinese() -> None:
    family, file = cjk_font()
    assert file is not None
    langs = subprocess.run([TOOLS["fc-query"], "-f", "%{lang}\n", file], capture_output=True, text=True,
                           check=True).stdout
    assert "zh-cn" in langs
    # …and Graphviz itself opens that font for the name orgdesk writes.
    result = subprocess.run([DOT, "-v", "-Tsvg"], input=f'digraph {{ a [fontname="{family}" '
                            'label="呼叫中心"] }'.encode(), capture_output=True, timeout=60, check=False)
    resolved = [line for line in result.stderr.decode().splitlines() if "resolved to" in line]
    assert resolved and Path(file).name.split("-")[0] in resolved[0], resolved


@needs_dot
def test_chinese_glyphs_are_not_the_missing_glyph_box(qapp: object) -> None:
    from PySide6.QtGui import QImage

    def render(text: str) -> QImage:
        source = (f'digraph {{ pad=0; node [shape=plaintext fontname="{cjk_font()[0]}" '
                  f'fontsize=40 margin=0]; a [label="{text}"] }}')
        image = QImage()
        assert image.loadFromData(graphviz_engine.render(source, "png"))
        return image

    first, second, tofu = render("呼叫"), render("中心"), render("\uE000\uE001")
    assert first.size() == second.size()
    differing = sum(first.pixel(x, y) != second.pixel(x, y)
                    for x in range(first.width()) for y in range(first.height()))
    # Missing-glyph boxes for two different strings would be pixel-identical.
    assert differing > first.width() * first.height() * 0.05
    assert first != tofu


# ------------------------------------------------------------ every format
@needs_dot
@pytest.mark.parametrize("layout", ["compact", "dot"])
def test_svg_parses_and_holds_the_labels(org: Organisation, layout: str) -> None:
    data = render_chart(org, ChartExportOptions(format="svg", layout=layout))  # type: ignore[arg-type]  # a parametrised Literal value
    texts = " ".join(svg_texts(data))
    for position in org.positions():
        assert position.title in texts


@needs_dot
def test_png_loads_at_the_asked_resolution(org: Organisation, qapp: object) -> None:
    from PySide6.QtGui import QImage

    chart = layout_chart(org)
    sizes = {}
    for dpi in (72, 144):
        image = QImage()
        assert image.loadFromData(render_chart(org, ChartExportOptions(format="png", dpi=dpi)))
        sizes[dpi] = (image.width(), image.height())
    assert sizes[144][0] == pytest.approx(2 * sizes[72][0], abs=4)
    assert sizes[72][0] >= chart.width - 2 * 18  # the whole chart, margins aside


@needs_dot
@needs_poppler
def test_pdf_has_searchable_chinese_and_every_page_renders(org: Organisation,
                                                           tmp_path: Path) -> None:
    target = tmp_path / "chart.pdf"
    export_chart_file(org, target, ChartExportOptions(format="pdf", paper="a3", landscape=True))
    text = pdf_text(target)
    for title in ("运营总监", "项目组长", "话务员", "电信呼叫中心岗位结构"):
        assert title in text  # 中心: not the look-alike radical ⼼
    assert pdf_pages_render(target, tmp_path) == pdf_page_count(target) == 1
    info = subprocess.run([TOOLS["pdfinfo"], str(target)], capture_output=True, text=True, check=False).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]  # the output is known to hold the pattern
    assert (round(width), round(height)) == (1191, 842)  # A3 landscape


@needs_dot
@needs_poppler
@pytest.mark.slow
def test_big_chart_splits_across_pages_or_fits_on_one(tmp_path: Path) -> None:
    org = big_org(400)
    split, fit = tmp_path / "split.pdf", tmp_path / "fit.pdf"
    export_chart_file(org, split, ChartExportOptions(format="pdf"))
    export_chart_file(org, fit, ChartExportOptions(format="pdf", fit=True))
    pages = pdf_page_count(split)
    assert pages > 1 and pdf_pages_render(split, tmp_path) == pages
    assert pdf_page_count(fit) == 1
    assert set(re.findall(r"组长\d-\d+", pdf_text(split))) == {
        p.title for p in org.positions() if p.title.startswith("组长")}


@needs_dot
def test_compact_file_matches_the_layout(org: Organisation) -> None:
    chart = layout_chart(org)
    dot = build_dot(org, ChartExportOptions(), chart)
    data = json.loads(graphviz_engine.render(dot.source, "json", "nop2"))
    nodes = {o["name"]: o for o in data["objects"]}
    for pid, box in chart.boxes.items():
        x, y = (float(v) for v in nodes[f"n{pid}"]["pos"].split(","))
        assert (x, chart.height - y) == pytest.approx(box.centre, abs=0.01)
        assert float(nodes[f"n{pid}"]["width"]) * 72 == pytest.approx(box.w, abs=0.5)


@needs_dot
def test_compact_png_pixels_match_the_layout(org: Organisation, qapp: object) -> None:
    from PySide6.QtGui import QColor, QImage

    chart = layout_chart(org)
    dot = build_dot(org, ChartExportOptions(), chart)
    bb = [float(v) for v in json.loads(graphviz_engine.render(dot.source, "json", "nop2"))["bb"]
          .split(",")]
    image = QImage()
    assert image.loadFromData(render_chart(org, ChartExportOptions(format="png", dpi=72)))
    pad = 0.25 * 72
    for box in chart.boxes.values():  # a point inside each box, away from its text
        px = box.x + 4 - bb[0] + pad
        py = (bb[3] - (chart.height - (box.y + box.h - 4))) + pad
        colour = QColor(image.pixel(round(px), round(py)))
        assert colour.name() != "#ffffff", box


# ------------------------------------------------------------ embedded path
@pytest.mark.slow
@needs_poppler
def test_embedded_graphviz_makes_every_format(org: Organisation, no_dot: None, tmp_path: Path,
                                              qapp: object) -> None:
    from PySide6.QtGui import QImage

    assert "embedded WebAssembly" in graphviz_engine.engine_description()
    for fmt in ("svg", "png", "pdf", "dot"):
        export_chart_file(org, tmp_path / f"c.{fmt}", ChartExportOptions(format=fmt))
    assert "运营总监" in " ".join(svg_texts((tmp_path / "c.svg").read_bytes()))
    image = QImage(str(tmp_path / "c.png"))
    assert not image.isNull() and image.width() > 500
    assert "项目组长" in pdf_text(tmp_path / "c.pdf")
    assert pdf_pages_render(tmp_path / "c.pdf", tmp_path) == 1
    assert (tmp_path / "c.dot").read_text("utf-8").startswith("digraph orgchart")


# ------------------------------------------------------------ failures
def test_read_only_folder_leaves_nothing(org: Organisation, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportFailed, match="read-only"):
            export_chart_file(org, folder / "c.dot", ChartExportOptions(format="dot"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_full_disk_keeps_the_old_file_and_no_temp(org: Organisation, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "c.dot"
    target.write_text("old", "utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportFailed, match="disk is full"):
        export_chart_file(org, target, ChartExportOptions(format="dot"))
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.dot"]


def test_graphviz_timeout_is_a_sentence(org: Organisation, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    script = fake / "dot"
    script.write_text("#!/bin/sh\nif [ \"$1\" = -V ]; then echo 'dot - graphviz version 9.9' >&2;"
                      " exit 0; fi\nsleep 30\n", "utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:/usr/bin:/bin")
    with pytest.raises(graphviz_engine.GraphvizFailed, match=r"longer than 0\.5 seconds"):
        render_chart(org, ChartExportOptions(format="svg", timeout=0.5))
    assert not (tmp_path / "out.svg").exists()


def test_dot_gets_server_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "dot").write_text(f"#!/bin/sh\nenv > {tmp_path}/env.txt\necho '<svg/>'\n", "utf-8")
    (fake / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:/usr/bin:/bin")
    graphviz_engine.render("digraph {}", "svg", engine=graphviz_engine.Engine("system", "x",
                                                                              str(fake / "dot")))
    assert "SERVER_NAME=" in (tmp_path / "env.txt").read_text()


# ------------------------------------------------------------ the CLI
@needs_dot
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "dot"])
def test_cli_export_end_to_end(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"chart.{fmt}"
    args = ["export", str(SAMPLE), "-o", str(target), "--root", "项目经理", "--depth", "1",
            "--orientation", "lr", "--dpi", "96", "--paper", "letter", "--landscape"]
    assert main(args) == 0
    assert target.stat().st_size > 100
    if fmt == "dot":
        source = target.read_text("utf-8")
        assert "项目组长" in source and "运营总监" not in source and "话务员" not in source


def test_cli_export_problems_are_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "x.svg"), "--root", "无此岗位"]) == 1
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "x.svg"), "--root", "项目组长"]) == 1
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "no" / "x.svg")]) == 1
    err = capsys.readouterr().err
    assert "no position" in err and "4 positions are called" in err and "does not exist" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
