"""The pictures inside a handbook: the org chart and the headcount bar chart.

The bar chart is PNG bytes, embedded by every writer.  The org chart is one
or more pages (`chart_pages`) drawn by the chart export as SVG, which the
PDF paints as vectors and the HTML holds inline; the DOCX gets PNGs of them.
`org_chart_svg` is the one place that calls the chart export.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from orgdesk.analysis.bar_chart import headcount_series
from orgdesk.analysis.headcount import HeadcountAnalysis
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook.chart_pages import (
    ChartPage,
    fit_scale,
    page_organisation,
    plan_chart_pages,
)
from orgdesk.layout.words import Language

if TYPE_CHECKING:
    from orgdesk.export.graphviz_engine import Engine
    from orgdesk.layout.model import ChartLayout

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
    caption: str = ""  # what part of the organisation a chart page shows


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


def org_chart_svg(org: Organisation, page: ChartPage | None = None,
                  lang: Language | None = None, layout: ChartLayout | None = None,
                  engine: Engine | None = None) -> bytes:
    """One chart page of `org` as SVG: the handbook's one call into the chart export.

    The same chart `orgdesk export FILE -o chart.svg --lang …` draws (compact
    layout, top-down), in the handbook's language, without the title line the
    handbook's heading already gives.
    """
    from orgdesk.export.chart_export import render_chart

    page = page or ChartPage(None, None, "")
    return render_chart(page_organisation(org, page), page.options(lang or "zh", org), layout,
                        engine=engine)


def org_chart_picture(org: Organisation, page: ChartPage | None = None,
                      lang: Language | None = None, png: bool = True,
                      layout: ChartLayout | None = None, engine: Engine | None = None
                      ) -> Picture:
    """A chart page as SVG (vectors in the PDF and HTML) and, when asked, PNG (DOCX)."""
    page = page or ChartPage(None, None, "")
    return _picture(org_chart_svg(org, page, lang, layout, engine), page.caption, png)


#: The root element's viewBox, as Graphviz writes it ("0.00 0.00 612.00 396.00").
_VIEW_BOX = re.compile(rb"<svg\b[^>]*?\sviewBox=\"\s*([-\d.eE+]+)[\s,]+([-\d.eE+]+)[\s,]+"
                       rb"([\d.eE+]+)[\s,]+([\d.eE+]+)\s*\"")


def _svg_size(svg: bytes) -> tuple[float, float]:
    """The SVG's size in points: its viewBox, read from the text (Qt's SVG renderer
    parses the whole drawing for it, and the PDF parses it again to paint it)."""
    found = _VIEW_BOX.search(svg)
    if found is not None:
        with contextlib.suppress(ValueError):
            return float(found.group(3)), float(found.group(4))
    from orgdesk.paint.svg_render import svg_size

    return svg_size(svg)


def _picture(svg: bytes, caption: str, png: bool) -> Picture:
    from orgdesk.paint.svg_render import svg_to_png

    width, height = _svg_size(svg)
    if not png:
        return Picture(b"", width, height, svg, caption)
    # Sharp on paper (200 dpi at the size printed) but never a giant image.
    printed = max(width, height) * min(fit_scale(width, height), 1.0)
    dpi = max(1, min(int(200 * printed / max(width, height, 1.0)),
                     int(MAX_CHART_PIXELS * 72 / max(width, height, 1.0))))
    return Picture(svg_to_png(svg, dpi), width, height, svg, caption)


def org_chart_pictures(org: Organisation, lang: Language, labels: dict[str, str],
                       png: bool) -> list[Picture]:
    """The handbook's chart pages: the whole chart, or an overview and its branches."""
    return list(start_chart_pictures(org, lang, labels, png))


def start_chart_pictures(org: Organisation, lang: Language, labels: dict[str, str],
                         png: bool) -> PendingCharts:
    """The chart pages, planned now and drawn meanwhile: `len()` is known at once, the
    first picture asked for waits for the drawing.

    With the system Graphviz the pages are drawn side by side in one `dot` run
    (each page its own `dot` process was mostly starting it up), and that run
    goes on while the caller lays out its text pages.  Only the child process
    runs meanwhile (a thread waiting for it): Python work on a second thread
    would take turns with Qt's calls on this one and slow both.
    """
    from orgdesk.export.graphviz_engine import current_engine

    planned = plan_chart_pages(org, lang, labels)
    engine = current_engine()
    together = (_together_source(org, planned, lang)
                if engine.kind == "system" and len(planned) > 1 else None)
    return PendingCharts(org, planned, lang, png, engine, together)


class PendingCharts(Sequence[Picture]):
    """The chart pages being drawn (see `start_chart_pictures`)."""

    def __init__(self, org: Organisation, planned: list[tuple[ChartPage, ChartLayout]],
                 lang: Language, png: bool, engine: Engine, together: _Together | None
                 ) -> None:
        self._org, self._planned, self._lang, self._png = org, planned, lang, png
        self._engine = engine
        self._pictures: list[Picture] | None = None
        self._run: concurrent.futures.Future[bytes] | None = None
        self._together = together
        if together is not None:
            from orgdesk.export.graphviz_engine import render

            pool = concurrent.futures.ThreadPoolExecutor(1, "orgdesk-chart")
            self._run = pool.submit(render, together.source, "svg", together.layout_engine,
                                    together.timeout, engine)
            pool.shutdown(wait=False)  # the thread ends with its one run

    def __len__(self) -> int:
        return len(self._planned)

    @overload
    def __getitem__(self, index: int) -> Picture: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Picture]: ...

    def __getitem__(self, index: int | slice) -> Picture | Sequence[Picture]:
        return self.pictures()[index]

    def pictures(self) -> list[Picture]:
        """Every page's picture, once drawn (a drawing's error is raised here)."""
        if self._pictures is None:
            svgs = None
            if self._run is not None and self._together is not None:
                svgs = _split(self._run.result(), self._together.count)
            if svgs is None:  # page by page: the embedded Graphviz, one page, or a mismatch
                svgs = [org_chart_svg(self._org, page, self._lang, layout, self._engine)
                        for page, layout in self._planned]
            self._pictures = [_picture(svg, page.caption, self._png)
                              for svg, (page, _layout) in zip(svgs, self._planned)]
        return self._pictures


@dataclass(frozen=True, slots=True)
class _Together:
    """Every chart page's DOT, one graph after another, for one run of `dot`."""

    source: str
    layout_engine: str
    timeout: float
    count: int


def _together_source(org: Organisation, planned: list[tuple[ChartPage, ChartLayout]],
                     lang: Language) -> _Together | None:
    """The chart export's DOT of each page in one source (None: the pages are not all
    pinned the same way, so they are drawn page by page).

    Most of a small page's drawing time is starting `dot` (fonts, plugins):
    35 pages took 4 s one process each, 1 s in one.
    """
    from orgdesk.export.dot_build import build_dot

    dots = [build_dot(page_organisation(org, page), page.options(lang, org), layout, html=True)
            for page, layout in planned]
    engines = {dot.engine for dot in dots}
    if len(engines) != 1:
        return None
    timeout = page_timeout = planned[0][0].options(lang).timeout
    return _Together("\n".join(dot.source for dot in dots), engines.pop(),
                     min(timeout * len(dots), page_timeout * 4), len(dots))


def _split(output: bytes, count: int) -> list[bytes] | None:
    """One SVG document per graph of a run of `dot`, or None when they do not add up
    (never expected; the page-by-page way is always right)."""
    header = b"<?xml"
    svgs = [header + part for part in output.split(header) if part.strip()]
    return svgs if len(svgs) == count else None
