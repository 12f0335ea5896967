"""The pictures inside a handbook: the org chart and the headcount bar chart.

Both are PNG bytes so that the PDF, DOCX and HTML writers embed the same
picture; the org chart also keeps its SVG, which the PDF and the HTML use
so that a large chart can be zoomed.  The org chart comes from the chart export (`orgdesk.export`);
`org_chart_svg` is the one place that calls it.
"""
from __future__ import annotations

from dataclasses import dataclass

from orgdesk.analysis.bar_chart import headcount_series
from orgdesk.analysis.headcount import HeadcountAnalysis
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation

#: Longest side of the org chart's PNG (DOCX); the PDF and HTML use the SVG itself.
MAX_CHART_PIXELS = 5000


class MissingChineseFont(UserError):
    """No installed font can show Chinese, so the handbook would show boxes."""


@dataclass(frozen=True, slots=True)
class Picture:
    """A PNG and the size it should be shown at, in points (1/72 inch)."""

    png: bytes
    width_pt: float
    height_pt: float
    svg: bytes | None = None  # the vector original, when there is one


def chinese_font_family() -> str:
    """An installed font family that covers Simplified Chinese (needs a Qt application)."""
    from orgdesk.paint.fonts import chinese_font_family as installed_family

    family = installed_family()
    if family is None:
        raise MissingChineseFont(
            "No font that can show Chinese is installed, so the handbook cannot be made; "
            "install one (on Debian or Ubuntu: sudo apt-get install fonts-noto-cjk).")
    return family


def bar_chart_picture(analysis: HeadcountAnalysis, family: str, width_pt: float = 460.0
                      ) -> Picture:
    """The headcount-by-department and by-level chart, `width_pt` wide."""
    from orgdesk.analysis.bar_chart import preferred_height
    from orgdesk.paint.bar_chart import bar_chart_png

    series = headcount_series(analysis)
    png = bar_chart_png(series, width=width_pt, scale=3.0, font_family=family)
    return Picture(png, width_pt, preferred_height(series))


def org_chart_svg(org: Organisation) -> bytes:
    """The org chart of `org` as SVG: the handbook's one call into the chart export.

    The same chart `orgdesk export FILE -o chart.svg` draws (compact layout,
    top-down), without the title line the handbook's heading already gives.
    """
    from orgdesk.export.chart_export import render_chart
    from orgdesk.export.options import ChartExportOptions

    return render_chart(org, ChartExportOptions(format="svg", title=False))


def org_chart_picture(org: Organisation) -> Picture:
    """The org chart as SVG (vectors in the PDF and HTML) and PNG (DOCX)."""
    from orgdesk.paint.svg_render import svg_size, svg_to_png

    svg = org_chart_svg(org)
    width, height = svg_size(svg)
    # Sharp on paper (200 dpi at natural size) but never a giant image: a
    # 500-position chart is metres wide and is scaled down on the page anyway.
    dpi = max(1, min(200, int(MAX_CHART_PIXELS * 72 / max(width, height, 1.0))))
    return Picture(svg_to_png(svg, dpi), width, height, svg)
