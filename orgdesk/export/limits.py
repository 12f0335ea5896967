"""Hard limits of a chart export, checked before any drawing starts.

Graphviz and Qt can draw charts far larger than anyone can read, but not
without limit: a 1,000,000-position SVG ran Graphviz for 117 seconds and
4.6 GB before it died without a word, and a 100,000-level chain printed on
thousands of pages.  Once the layout is known (milliseconds for 100,000
boxes) the export checks the number of boxes, the image size and the pages,
and refuses with one sentence naming the limit and the way out: a branch
(`--root`), fewer levels (`--depth`), one page (`--fit`), another format.
"""
from __future__ import annotations

import math

from orgdesk.core.errors import Sentence, UserError
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.model import ChartLayout

#: Boxes Graphviz draws into one SVG, PNG or PDF (10,000 take a few seconds).
MAX_DRAWN_BOXES = 30_000
#: Boxes written to a DOT file (no Graphviz run; the file is text).
MAX_DOT_BOXES = 300_000
#: Pixels of a PNG (Qt and Graphviz hold the whole image in memory, 4 bytes a pixel).
MAX_PNG_PIXELS = 200_000_000
#: Longest side of a PNG in pixels (Graphviz's cairo and most viewers stop at 32,767).
MAX_PNG_SIDE = 32_767
#: Pages of a PDF split across pages.
MAX_PDF_PAGES = 500


class ChartTooLarge(UserError):
    """The chart asked for exceeds a limit of the export; nothing was drawn."""


def check_chart_size(chart: ChartLayout, options: ChartExportOptions) -> None:
    """Raise ChartTooLarge when exporting `chart` as `options` asks would exceed a limit."""
    check_box_count(len(chart.boxes), options)
    if options.format == "png":
        _check_png(chart, options.dpi)
    elif options.format == "pdf" and not options.fit:
        pages = estimated_pages(chart, options)
        if pages > MAX_PDF_PAGES:
            raise ChartTooLarge(Sentence.of(
                "This chart would print on about {pages} pages and orgdesk prints at most "
                "{limit}; scale it to one page (--fit), export a branch (--root) or fewer "
                "levels (--depth).", pages=f"{pages:,}", limit=f"{MAX_PDF_PAGES:,}"))


def _check_png(chart: ChartLayout, dpi: int) -> None:
    scale = dpi / 72
    width, height = math.ceil(chart.width * scale), math.ceil(chart.height * scale)
    if width <= MAX_PNG_SIDE and height <= MAX_PNG_SIDE and width * height <= MAX_PNG_PIXELS:
        return
    # The resolution at which the image would fit both limits, if any.
    fits = int(min(MAX_PNG_SIDE / max(chart.width, chart.height, 1.0),
                   math.sqrt(MAX_PNG_PIXELS / max(chart.width * chart.height, 1.0))) * 72)
    figures = {"width": f"{width:,}", "height": f"{height:,}", "side": f"{MAX_PNG_SIDE:,}",
               "pixels": MAX_PNG_PIXELS // 1_000_000}
    if fits >= 10:
        raise ChartTooLarge(Sentence.of(
            "The image would be {width} × {height} pixels and orgdesk makes images of at "
            "most {side} pixels a side and {pixels} million pixels; lower --dpi to {dpi} "
            "or export SVG or PDF.", dpi=fits, **figures))
    raise ChartTooLarge(Sentence.of(
        "The image would be {width} × {height} pixels and orgdesk makes images of at most "
        "{side} pixels a side and {pixels} million pixels; export SVG or PDF, a branch "
        "(--root) or fewer levels (--depth).", **figures))


def check_box_count(boxes: int, options: ChartExportOptions) -> None:
    """The box limit alone (Graphviz's own layout, before any DOT is written)."""
    limit = MAX_DOT_BOXES if options.format == "dot" else MAX_DRAWN_BOXES
    if boxes > limit:
        raise ChartTooLarge(Sentence.of(
            "This chart has {boxes} positions and orgdesk draws at most {limit} in one "
            "{format} file; export a branch (--root) or fewer levels (--depth).",
            boxes=f"{boxes:,}", limit=f"{limit:,}", format=options.format.upper()))


def estimated_pages(chart: ChartLayout, options: ChartExportOptions) -> int:
    """Pages the chart prints on at the legible scale (an upper bound of `plan_pages`)."""
    from orgdesk.layout.paging import FOOTER, LEGIBLE_SCALE, MARGIN

    page_w, page_h = options.paper_points()
    usable_w = (page_w - 2 * MARGIN) / LEGIBLE_SCALE
    usable_h = (page_h - 2 * MARGIN - FOOTER) / LEGIBLE_SCALE
    return math.ceil(chart.width / usable_w) * math.ceil(chart.height / usable_h)
