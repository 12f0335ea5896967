"""Exports that would exceed what Graphviz and Qt can draw are refused before any drawing.

A 1,000,000-position SVG ran Graphviz for 117 s and 4.6 GB before it failed
with "stopped without saying why"; the 100,000-level chain's PDF and handbook
ran for minutes.  The limits are checked on the layout, and every refusal is
one sentence naming the limit and the way out.
"""
from __future__ import annotations

import shutil

import pytest

from orgdesk.core.model import PositionId
from orgdesk.export import chart_export, graphviz_engine, limits
from orgdesk.export.chart_export import render_chart
from orgdesk.export.graphviz_engine import GraphvizFailed
from orgdesk.export.handbook import MAX_HANDBOOK_POSITIONS, HandbookTooLarge, render_handbook
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout import layout_chart
from orgdesk.layout.model import LayoutOptions
from tests.analysis.extreme_child import build

DOT = shutil.which("dot")


@pytest.fixture
def no_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal must come before Graphviz is started."""
    def refuse(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("Graphviz was started for a chart over the limits")
    monkeypatch.setattr(chart_export, "render", refuse)


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
@pytest.mark.parametrize("layout", ["compact", "dot"])
def test_a_chart_over_the_box_limit_is_refused_up_front(no_graphviz: None, fmt: str,
                                                        layout: str) -> None:
    org = build("star", limits.MAX_DRAWN_BOXES + 2)
    with pytest.raises(limits.ChartTooLarge) as refused:
        render_chart(org, ChartExportOptions(format=fmt, layout=layout))  # type: ignore[arg-type]  # a parametrised Literal value
    message = str(refused.value)
    assert f"{limits.MAX_DRAWN_BOXES:,}" in message and "--root" in message
    assert "--depth" in message and message.count(".") == 1


def test_the_deep_chain_is_refused_quickly_and_fewer_levels_export(no_graphviz: None) -> None:
    org = build("chain", 100_000)
    with pytest.raises(limits.ChartTooLarge, match="--depth"):
        render_chart(org, ChartExportOptions(format="svg"))
    dot = render_chart(org, ChartExportOptions(format="dot", depth=50)).decode()
    assert dot.count('class="position"') == 51  # depth 50: 51 levels of boxes, one node each


def test_a_png_needing_too_many_tiles_is_refused_naming_the_ways_out(no_graphviz: None) -> None:
    org = build("chain", 700)
    options = ChartExportOptions(format="png", dpi=1200)
    with pytest.raises(limits.ChartTooLarge) as refused:
        render_chart(org, options)
    message = str(refused.value)
    for way_out in ("SVG", "--poster", "--orientation lr", "--depth"):
        assert way_out in message
    assert message.count(".") == 1
    chart = layout_chart(org, LayoutOptions())
    columns, rows = limits.png_grid(chart.width, chart.height, 150)
    assert 1 < columns * rows <= limits.MAX_PNG_TILES  # at 150 dpi it is cut into tiles
    limits.check_chart_size(chart, ChartExportOptions(format="png", dpi=150))


def test_a_pdf_on_too_many_pages_is_refused_unless_fitted(no_graphviz: None) -> None:
    org = build("chain", 12_000)
    with pytest.raises(limits.ChartTooLarge, match="--fit"):
        render_chart(org, ChartExportOptions(format="pdf"))
    chart = layout_chart(org, LayoutOptions())
    assert limits.estimated_pages(chart, ChartExportOptions(format="pdf")) > limits.MAX_PDF_PAGES
    limits.check_chart_size(chart, ChartExportOptions(format="pdf", fit=True))


def test_graphviz_dying_silently_names_the_likely_limit() -> None:
    message = str(graphviz_engine._failed(""))
    assert "memory" in message and "--root" in message and "--depth" in message
    assert "syntax error" in str(graphviz_engine._failed("Error: syntax error in line 1\n"))


@pytest.mark.skipif(DOT is None, reason="the system Graphviz is installed by make")
def test_graphviz_timeout_names_the_limit_and_the_way_out() -> None:
    org = build("star", 3000)
    with pytest.raises(GraphvizFailed) as stopped:
        render_chart(org, ChartExportOptions(format="svg", timeout=0.01))
    message = str(stopped.value)
    assert "0.01 seconds" in message and "--root" in message and "--depth" in message


def test_a_handbook_over_the_limit_is_refused_before_any_work() -> None:
    org = build("chain", MAX_HANDBOOK_POSITIONS + 1)
    with pytest.raises(HandbookTooLarge, match="--root"):
        render_handbook(org, "pdf")
    with pytest.raises(HandbookTooLarge):
        render_handbook(org, "html", root=PositionId(1))
