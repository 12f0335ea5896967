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

from orgdesk.core.errors import Sentence, UserError
from orgdesk.layout.paging import FOOTER, MARGIN, Rect, plan_pages

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


def svg_to_pdf(svg: bytes, page: tuple[float, float], fit: bool, footer: str,
               box_ids: Iterable[str], font_family: str) -> bytes:
    """The SVG on pages of `page` points: one page when it fits legibly (or `fit`), else tiles."""
    from PySide6.QtCore import (
        QBuffer,
        QByteArray,
        QIODevice,
        QMarginsF,
        QRectF,
        QSizeF,
        Qt,
    )
    from PySide6.QtGui import (
        QColor,
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
    )

    renderer = _renderer(svg)
    box = renderer.viewBoxF()
    width, height = box.width(), box.height()
    tiles = plan_pages(width, height, element_rects(svg, box_ids), page, fit)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)  # one painter unit = one point
    writer.setTitle(footer)
    writer.setCreator("orgdesk")
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(*page), QPageSize.Unit.Point),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(font_family)
        font.setPointSizeF(7.5)
        for number, tile in enumerate(tiles, start=1):
            if number > 1:
                writer.newPage()
            s = tile.scale
            usable_w = page[0] - 2 * MARGIN
            left = MARGIN + max(0.0, (usable_w - tile.w * s) / 2) if len(tiles) == 1 else MARGIN
            painter.save()
            painter.setClipRect(QRectF(left, MARGIN, tile.w * s, tile.h * s))
            painter.translate(left - tile.x * s, MARGIN - tile.y * s)
            painter.scale(s, s)
            renderer.render(painter, QRectF(0, 0, width, height))
            painter.restore()
            painter.setFont(font)
            painter.setPen(QColor("#6B7280"))
            where = f"{number}/{len(tiles)}" if len(tiles) > 1 else ""
            if len(tiles) > 1:
                where += f"  ({tile.row + 1}, {tile.column + 1})"
            footer_rect = QRectF(MARGIN, page[1] - MARGIN - FOOTER + 4, page[0] - 2 * MARGIN,
                                 FOOTER)
            painter.drawText(footer_rect, int(Qt.AlignmentFlag.AlignLeft), footer)
            painter.drawText(footer_rect, int(Qt.AlignmentFlag.AlignRight), where)
    finally:
        painter.end()
    buffer.close()
    # Qt's ToUnicode maps name some ideographs by look-alike radicals (项⽬);
    # one fix serves every Qt-made PDF, chart and handbook alike.
    from orgdesk.paint.pdf_text import fix_to_unicode

    return fix_to_unicode(bytes(data.data()), font_family)
