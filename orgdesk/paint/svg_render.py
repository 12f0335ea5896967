"""Painting Graphviz's SVG with Qt: PNG images and paged PDF documents.

Used for every PDF (Graphviz's cairo PDF ignores paper sizes and pages) and,
when only the embedded WebAssembly Graphviz is available, for PNG as well.
QSvgRenderer paints the text as text, so a PDF made here stays searchable and
`pdftotext` reads its Chinese titles back.  Qt is imported inside the
functions: the export package imports this module only when it renders.
"""
from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from orgdesk.core.errors import Sentence, UserError
from orgdesk.layout.paging import PrintPlan, Rect, plan_print

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice

#: Largest PNG painted here: 16384 px a side and 200 million pixels (800 MB of memory).
MAX_SIDE = 16384
MAX_PIXELS = 200_000_000
_app: object = None  # the QGuiApplication made for a headless export, kept alive


class RenderFailed(UserError):
    """The chart could not be painted (too large, or the SVG was unreadable)."""


def ensure_gui() -> None:
    """Make sure a QGuiApplication exists (fonts need one); headless when made here."""
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["orgdesk"])


def _renderer(svg: bytes):
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    ensure_gui()
    # Graphviz names the bold face as a family ("Noto Sans CJK SC Bold", which Pango
    # understands); Qt needs the family plus a weight.
    svg = re.sub(rb'font-family="([^"]*?) Bold"', rb'font-family="\1" font-weight="bold"', svg)
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise RenderFailed("The chart drawing could not be read back; nothing was written.")
    return renderer


def svg_size(svg: bytes) -> tuple[float, float]:
    box = _renderer(svg).viewBoxF()
    return box.width(), box.height()


def svg_to_png(svg: bytes, dpi: int) -> bytes:
    """The SVG as a PNG at `dpi` (SVG units are points), on white."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    renderer = _renderer(svg)
    box = renderer.viewBoxF()
    scale = dpi / 72.0
    width, height = math.ceil(box.width() * scale), math.ceil(box.height() * scale)
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        largest = int(72 * min(MAX_SIDE / max(box.width(), box.height()),
                               math.sqrt(MAX_PIXELS / (box.width() * box.height()))))
        raise RenderFailed(Sentence.of("At {dpi} dpi this chart would be {width} × {height} "
                                       "pixels, too large for one image; choose at most {limit} "
                                       "dpi, or export SVG or PDF.",
                                       dpi=dpi, width=f"{width:,}", height=f"{height:,}",
                                       limit=max(largest, 1)))
    image = QImage(max(width, 1), max(height, 1), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        renderer.render(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # PySide6 declares bytes but takes only str
        raise RenderFailed("The chart could not be encoded as PNG; nothing was written.")
    buffer.close()
    return bytes(data.data())


def svg_to_png_tiles(svg: bytes, dpi: int, columns: int, rows: int, box_ids: Iterable[str]
                     ) -> list[tuple[int, int, bytes]]:
    """The SVG at `dpi` cut into `columns` × `rows` PNG images (row, column from 1).

    Every tile is painted at the full resolution (nothing is shrunk), and the
    tiles meet edge to edge, so put side by side they are the whole chart.
    Tiles on which no box falls are left out.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    pieces = SvgPieces(svg)
    boxes = pieces.boxes(box_ids)
    box = _renderer(svg).viewBoxF()
    scale = dpi / 72.0
    width, height = math.ceil(box.width() * scale), math.ceil(box.height() * scale)
    tile_w, tile_h = math.ceil(width / columns), math.ceil(height / rows)
    dots_per_metre = round(dpi / 0.0254)
    tiles = []
    for row in range(rows):
        for column in range(columns):
            x0, y0 = column * tile_w, row * tile_h
            w, h = min(tile_w, width - x0), min(tile_h, height - y0)
            if w <= 0 or h <= 0:
                continue
            left, top, span_w, span_h = x0 / scale, y0 / scale, w / scale, h / scale
            if not any(x < left + span_w and x + bw > left and y < top + span_h and y + bh > top
                       for x, y, bw, bh in boxes):
                continue
            renderer = pieces.renderer_for(left - 2, top - 2, span_w + 4, span_h + 4)
            image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor("white"))
            image.setDotsPerMeterX(dots_per_metre)
            image.setDotsPerMeterY(dots_per_metre)
            painter = QPainter(image)
            try:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
                renderer.render(painter, QRectF(-x0, -y0, width, height))
            finally:
                painter.end()
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # PySide6 declares bytes but takes only str
                raise RenderFailed("The chart could not be encoded as PNG; nothing was written.")
            buffer.close()
            tiles.append((row + 1, column + 1, bytes(data.data())))
    return tiles


class SvgPieces:
    """The drawing's top-level pieces (Graphviz's node and edge groups) with their
    rectangles, so a tile renders only what reaches it.

    Painting the whole SVG, clipped, for each of 60 poster pages or PNG tiles
    made a 1,500-position poster take a minute and 20 MB (every page carried
    every box, invisible); a renderer per tile holding only the pieces that reach
    it paints each box about once.
    """

    def __init__(self, svg: bytes) -> None:
        import defusedxml.ElementTree as SafeTree

        self.svg = svg
        self.root = SafeTree.fromstring(svg)
        graphs = [g for g in self.root if g.tag == f"{{{_SVG}}}g"]
        self.graph = graphs[0] if len(graphs) == 1 else None
        self.rects: list[Rect | None] = []  # per child of the graph group; None: always drawn
        if self.graph is None:
            return
        renderer = _renderer(svg)
        box = renderer.viewBoxF()
        for child in self.graph:
            element = child.get("id")
            if element and renderer.elementExists(element):
                r = renderer.transformForElement(element).mapRect(
                    renderer.boundsOnElement(element))
                self.rects.append((r.x() - box.x(), r.y() - box.y(), r.width(), r.height()))
            else:
                self.rects.append(None)

    def boxes(self, ids: Iterable[str]) -> list[Rect]:
        """The rectangles of the pieces with these ids."""
        wanted = set(ids)
        if self.graph is None:
            return element_rects(self.svg, wanted)
        return [rect for child, rect in zip(self.graph, self.rects, strict=True)
                if rect is not None and child.get("id") in wanted]

    def renderer_for(self, x: float, y: float, w: float, h: float):
        """A renderer of the pieces reaching the rectangle (the whole drawing's coordinates)."""
        if self.graph is None:
            return _renderer(self.svg)
        import xml.etree.ElementTree as ElementTree

        keep = [child for child, rect in zip(self.graph, self.rects, strict=True)
                if rect is None or (rect[0] < x + w and rect[0] + rect[2] > x
                                    and rect[1] < y + h and rect[1] + rect[3] > y)]
        root = ElementTree.Element(self.root.tag, self.root.attrib)
        graph = ElementTree.SubElement(root, self.graph.tag, self.graph.attrib)
        graph.extend(keep)
        ElementTree.register_namespace("", _SVG)
        ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
        return _renderer(ElementTree.tostring(root, encoding="utf-8"))


_SVG = "http://www.w3.org/2000/svg"


def element_rects(svg: bytes, ids: Iterable[str]) -> list[Rect]:
    """Bounding rectangles (in SVG user units) of the elements with these ids."""
    renderer = _renderer(svg)
    box = renderer.viewBoxF()
    rects = []
    for element in ids:
        if renderer.elementExists(element):
            r = renderer.transformForElement(element).mapRect(renderer.boundsOnElement(element))
            rects.append((r.x() - box.x(), r.y() - box.y(), r.width(), r.height()))
    return rects


def svg_to_pdf(svg: bytes, paper: tuple[float, float], footer: str, box_ids: Iterable[str],
               font_family: str, smallest_pt: float, landscape: bool | None = None,
               fit: bool = False, poster: bool = False) -> bytes:
    """The SVG printed on `paper` (see `orgdesk.layout.paging.plan_print`): one page when
    its text stays legible (or `fit`), else a poster of tiles after an assembly map."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from orgdesk.paint.chart_pdf import paint_plan
    from orgdesk.paint.paged_pdf import pdf_font

    pieces = SvgPieces(svg)
    box = _renderer(svg).viewBoxF()
    plan = plan_print(box.width(), box.height(), pieces.boxes(box_ids), paper,
                      smallest_pt, landscape, fit, poster)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)  # one painter unit = one point
    writer.setTitle(footer)
    writer.setCreator("orgdesk")
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(*plan.page), QPageSize.Unit.Point),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Digits beside Latin letters (A1, 2/9) keep their characters: see pdf_font.
        font = pdf_font(font_family, 7.5)
        paint_plan(painter, pieces, plan, footer, font, writer.newPage)
    finally:
        painter.end()
    buffer.close()
    # Qt's ToUnicode maps name some ideographs by look-alike radicals (项⽬);
    # one fix serves every Qt-made PDF, chart and handbook alike.
    from orgdesk.paint.pdf_text import fix_to_unicode

    return fix_to_unicode(bytes(data.data()), font_family)


def print_plan(svg: bytes, box_ids: Iterable[str], paper: tuple[float, float],
               smallest_pt: float, landscape: bool | None = None, fit: bool = False,
               poster: bool = False) -> PrintPlan:
    """How the SVG prints on `paper` (see `orgdesk.layout.paging.plan_print`)."""
    pieces = SvgPieces(svg)
    box = _renderer(svg).viewBoxF()
    return plan_print(box.width(), box.height(), pieces.boxes(box_ids), paper, smallest_pt,
                      landscape, fit, poster)


def svg_to_device(device: QPagedPaintDevice, svg: bytes, footer: str,
                  box_ids: Iterable[str], font_family: str, smallest_pt: float,
                  fit: bool = False, poster: bool = False) -> PrintPlan:
    """Print the SVG on `device` (a QPrinter, for printing and print preview) on the paper
    and orientation the device has, as `svg_to_pdf` would: one page when its text stays
    legible (or `fit`), else a poster after its assembly map.  The device prints the
    whole sheet (the plan keeps its own margins)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPainter

    from orgdesk.paint.chart_pdf import paint_plan
    from orgdesk.paint.paged_pdf import pdf_font

    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    page = device.pageLayout()
    sheet = page.fullRect(QPageLayout.Unit.Point)
    landscape = page.orientation() == QPageLayout.Orientation.Landscape
    pieces = SvgPieces(svg)
    box = _renderer(svg).viewBoxF()
    plan = plan_print(box.width(), box.height(), pieces.boxes(box_ids),
                      (sheet.width(), sheet.height()), smallest_pt, landscape, fit, poster)
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(device.logicalDpiX() / 72, device.logicalDpiY() / 72)  # units: points
        paint_plan(painter, pieces, plan, footer, pdf_font(font_family, 7.5), device.newPage)
    finally:
        painter.end()
    return plan
