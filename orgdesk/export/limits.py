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
#: Pixels of one PNG image (Qt and Graphviz hold it in memory, 4 bytes a pixel).
MAX_PNG_PIXELS = 200_000_000
#: Longest side of one PNG image in pixels (Qt paints up to 16,384; Graphviz's cairo
#: silently shrinks anything over 32,767, text included).
MAX_PNG_SIDE = 16_384
#: Side of the tiles of a PNG too large for one image, in pixels.
PNG_TILE_SIDE = 8_192
#: Tiles of one PNG export at most (each up to 67 million pixels, a second or two to paint).
MAX_PNG_TILES = 16
#: Pages of a PDF split across pages.
MAX_PDF_PAGES = 500


class ChartTooLarge(UserError):
    """The chart asked for exceeds a limit of the export; nothing was drawn."""


def check_chart_size(chart: ChartLayout, options: ChartExportOptions) -> None:
    """Raise ChartTooLarge when exporting `chart` as `options` asks would exceed a limit."""
    check_box_count(len(chart.boxes), options)
    if options.format == "png":
        check_png_tiles(chart.width, chart.height, options.dpi)
    elif options.format == "pdf" and not options.fit:
        pages = estimated_pages(chart, options)
        if pages <= MAX_PDF_PAGES:
            return
        if pages > MAX_PDF_PAGES:
            raise ChartTooLarge(Sentence.of(
                "This chart would print on about {pages} pages and orgdesk prints at most "
                "{limit}; scale it to one page (--fit), use larger paper (--paper a1), export "
                "a branch (--root) or fewer levels (--depth).", pages=f"{pages:,}",
                limit=f"{MAX_PDF_PAGES:,}"))


def png_grid(width: float, height: float, dpi: int) -> tuple[int, int]:
    """(columns, rows) of the PNG images a chart of `width` × `height` points needs at `dpi`.

    One image while it fits `MAX_PNG_SIDE` and `MAX_PNG_PIXELS`; else tiles of
    `PNG_TILE_SIDE` pixels.  The image is never shrunk to fit (Graphviz does that
    silently above 32,767 pixels, leaving text of a few pixels), so the text of
    every image is the size the resolution asks for.
    """
    scale = dpi / 72
    w, h = math.ceil(width * scale), math.ceil(height * scale)
    if w <= MAX_PNG_SIDE and h <= MAX_PNG_SIDE and w * h <= MAX_PNG_PIXELS:
        return 1, 1
    return math.ceil(w / PNG_TILE_SIDE), math.ceil(h / PNG_TILE_SIDE)


def check_png_tiles(width: float, height: float, dpi: int) -> None:
    """ChartTooLarge when a PNG of the chart would need more than `MAX_PNG_TILES` images."""
    columns, rows = png_grid(width, height, dpi)
    if columns * rows <= MAX_PNG_TILES:
        return
    scale = dpi / 72
    raise ChartTooLarge(Sentence.of(
        "At {dpi} dpi this chart would be {width} × {height} pixels, {tiles} images, and "
        "orgdesk writes at most {limit}; export SVG, a PDF poster (--poster), the chart "
        "left to right (--orientation lr) or fewer levels (--depth).", dpi=dpi,
        width=f"{math.ceil(width * scale):,}", height=f"{math.ceil(height * scale):,}",
        tiles=f"{columns * rows:,}", limit=MAX_PNG_TILES))


def check_box_count(boxes: int, options: ChartExportOptions) -> None:
    """The box limit alone (Graphviz's own layout, before any DOT is written)."""
    limit = MAX_DOT_BOXES if options.format == "dot" else MAX_DRAWN_BOXES
    if boxes > limit:
        raise ChartTooLarge(Sentence.of(
            "This chart has {boxes} positions and orgdesk draws at most {limit} in one "
            "{format} file; export a branch (--root) or fewer levels (--depth).",
            boxes=f"{boxes:,}", limit=f"{limit:,}", format=options.format.upper()))


def estimated_pages(chart: ChartLayout, options: ChartExportOptions) -> int:
    """Pages the chart prints on as a poster (an upper bound of `plan_print`'s)."""
    from orgdesk.layout.paging import estimated_pages as poster_pages
    from orgdesk.layout.paging import smallest_text_pt

    return poster_pages(chart.width, chart.height, options.paper_points(),
                        smallest_text_pt(chart))
