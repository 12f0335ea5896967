"""The pictures inside a handbook: the org chart and the headcount bar chart.

Both are PNG bytes so that the PDF, DOCX and HTML writers embed the same
picture.  The org chart comes from the chart export (`orgdesk.export`);
`org_chart_png` is the one place that calls it.
"""
from __future__ import annotations

from dataclasses import dataclass

from orgdesk.analysis.bar_chart import bar_chart_png, headcount_series
from orgdesk.analysis.headcount import HeadcountAnalysis
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation

#: Families known to cover Simplified Chinese, best first (the GUI uses the same list).
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
                "SimHei", "SimSun", "Hiragino Sans GB", "Heiti SC", "Droid Sans Fallback")


class MissingChineseFont(UserError):
    """No installed font can show Chinese, so the handbook would show boxes."""


@dataclass(frozen=True, slots=True)
class Picture:
    """A PNG and the size it should be shown at, in points (1/72 inch)."""

    png: bytes
    width_pt: float
    height_pt: float


def chinese_font_family() -> str:
    """An installed font family that covers Simplified Chinese (needs a Qt application)."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    raise MissingChineseFont(
        "No font that can show Chinese is installed, so the handbook cannot be made; "
        "install one (on Debian or Ubuntu: sudo apt-get install fonts-noto-cjk).")


def bar_chart_picture(analysis: HeadcountAnalysis, family: str, width_pt: float = 460.0
                      ) -> Picture:
    """The headcount-by-department and by-level chart, `width_pt` wide."""
    from orgdesk.analysis.bar_chart import preferred_height

    series = headcount_series(analysis)
    png = bar_chart_png(series, width=width_pt, scale=3.0, font_family=family)
    return Picture(png, width_pt, preferred_height(series))


def org_chart_png(org: Organisation) -> bytes | None:
    """The org chart of `org` as PNG bytes, or None where no chart exporter is available.

    The handbook's only dependency on the chart export: when the Graphviz
    export offers a render-to-bytes function, this is the line that calls it.
    """
    try:
        from orgdesk.export import chart_bytes  # type: ignore[attr-defined]
    except ImportError:
        return None
    data: bytes = chart_bytes(org, "png")
    return data


def org_chart_picture(org: Organisation) -> Picture | None:
    """The org chart with its natural size in points (from the PNG's resolution)."""
    png = org_chart_png(org)
    if png is None:
        return None
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG")
    if image.isNull():
        return None
    dpm = image.dotsPerMeterX() or round(96 / 0.0254)
    dpi = dpm * 0.0254
    return Picture(png, image.width() * 72.0 / dpi, image.height() * 72.0 / dpi)
