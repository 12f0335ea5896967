"""A chart as a PDF for print: one page, or a poster of tiles with an assembly map.

The plan (which pages, which scale, which part of the chart on each) is
`orgdesk.layout.paging.plan_print`; this module paints it with Qt from
Graphviz's SVG, so boxes stay vectors and titles stay searchable text.
A poster's first page is its assembly map: the whole chart in miniature
under the grid of tiles, each printed tile with its label (A1, A2, … B1),
the tiles left out (no box on them) greyed.  Every tile page has crop marks
at the corners of its printed area, a dashed line where the overlap with the
next tile begins, and its label in large type.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from orgdesk.layout.paging import FOOTER, MARGIN, OVERLAP, PrintPlan, Tile, tile_label, usable

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPainter
    from PySide6.QtSvg import QSvgRenderer


class SvgPieces(Protocol):
    """The drawing, rendered piece by piece (`orgdesk.paint.svg_render.SvgPieces`)."""

    def renderer_for(self, x: float, y: float, w: float, h: float) -> QSvgRenderer: ...

GREY = "#6B7280"
GRID = "#B03A2E"
CROP = 12.0  # length of a crop mark, points


def paint_plan(painter: QPainter, pieces: SvgPieces, plan: PrintPlan, footer: str,
               font: QFont, new_page: object) -> None:
    """Paint every page of `plan`; `new_page()` starts the next page of the writer."""
    first = True
    if plan.poster:
        _assembly_map(painter, pieces.renderer_for(-1e12, -1e12, 2e12, 2e12), plan, footer, font)
        first = False
    for number, tile in enumerate(plan.tiles, start=2 if plan.poster else 1):
        if not first:
            new_page()  # type: ignore[operator]  # QPdfWriter.newPage, passed in by the caller
        first = False
        # Only the pieces that reach this page (plus a little for anti-aliased edges).
        renderer = pieces.renderer_for(tile.x - 2, tile.y - 2, tile.w + 4, tile.h + 4)
        _tile_page(painter, renderer, plan, tile, number, footer, font)


def _chart(painter: QPainter, renderer: QSvgRenderer, left: float, top: float, tile: Tile,
           clip: bool = True) -> None:
    from PySide6.QtCore import QRectF

    box = renderer.viewBoxF()
    s = tile.scale
    painter.save()
    if clip:
        painter.setClipRect(QRectF(left, top, tile.w * s, tile.h * s))
    painter.translate(left - tile.x * s, top - tile.y * s)
    painter.scale(s, s)
    renderer.render(painter, QRectF(0, 0, box.width(), box.height()))
    painter.restore()


def _tile_page(painter: QPainter, renderer: QSvgRenderer, plan: PrintPlan, tile: Tile,
               number: int, footer: str, font: QFont) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    page_w, page_h = plan.page
    uw, _ = usable(plan.page)
    s = tile.scale
    if plan.poster:
        left, top = MARGIN, MARGIN
    else:  # one page: the chart centred across the page
        left, top = MARGIN + max(0.0, (uw - tile.w * s) / 2), MARGIN
    _chart(painter, renderer, left, top, tile)
    painter.setFont(font)
    painter.setPen(QColor(GREY))
    footer_rect = QRectF(MARGIN, page_h - MARGIN - FOOTER + 4, page_w - 2 * MARGIN, FOOTER)
    painter.drawText(footer_rect, int(Qt.AlignmentFlag.AlignLeft), footer)
    if not plan.poster:
        return
    where = f"{tile.label}   {number}/{plan.pages}"
    painter.drawText(footer_rect, int(Qt.AlignmentFlag.AlignRight), where)
    right, bottom = left + tile.w * s, top + tile.h * s
    pen = QPen(QColor("#000000"), 0.4)
    painter.setPen(pen)
    for x, y, dx, dy in ((left, top, -1, -1), (right, top, 1, -1), (left, bottom, -1, 1),
                         (right, bottom, 1, 1)):  # crop marks just outside each corner
        painter.drawLine(QPointF(x + dx * 3, y), QPointF(x + dx * (3 + CROP), y))
        painter.drawLine(QPointF(x, y + dy * 3), QPointF(x, y + dy * (3 + CROP)))
    pen = QPen(QColor(GREY), 0.4, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    # Where this tile's overlap with its right and lower neighbours begins (glue there).
    if tile.column + 1 < plan.columns and tile.w * s > OVERLAP:
        painter.drawLine(QPointF(right - OVERLAP, top), QPointF(right - OVERLAP, top + 6))
        painter.drawLine(QPointF(right - OVERLAP, bottom - 6), QPointF(right - OVERLAP, bottom))
    if tile.row + 1 < plan.rows and tile.h * s > OVERLAP:
        painter.drawLine(QPointF(left, bottom - OVERLAP), QPointF(left + 6, bottom - OVERLAP))
        painter.drawLine(QPointF(right - 6, bottom - OVERLAP), QPointF(right, bottom - OVERLAP))
    big = type(font)(font)
    big.setPointSizeF(14)
    big.setBold(True)
    painter.setFont(big)
    painter.setPen(QColor(GRID))
    painter.drawText(QRectF(MARGIN, 0, page_w - 2 * MARGIN, MARGIN),
                     int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), tile.label)


def _assembly_map(painter: QPainter, renderer: QSvgRenderer, plan: PrintPlan, footer: str,
                  font: QFont) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    page_w, page_h = plan.page
    uw, uh = usable(plan.page)
    box = renderer.viewBoxF()
    width, height = box.width(), box.height()
    heading = 30.0
    scale = min(uw / width, (uh - heading) / height)
    left = MARGIN + (uw - width * scale) / 2
    top = MARGIN + heading
    whole = Tile(0.0, 0.0, width, height, scale, 0, 0)
    _chart(painter, renderer, left, top, whole, clip=False)
    # The grid: each tile's own part (up to where its neighbour's starts), labelled.
    step = plan.tiles[0] if plan.tiles else whole
    s = step.scale
    step_w = (uw - OVERLAP) / s
    step_h = (uh - OVERLAP) / s
    printed = {(t.row, t.column) for t in plan.tiles}
    label_font = type(font)(font)
    label_font.setBold(True)
    for row in range(plan.rows):
        for column in range(plan.columns):
            x0, y0 = column * step_w, row * step_h
            x1, y1 = min(width, x0 + step_w), min(height, y0 + step_h)
            if x1 <= x0 or y1 <= y0:
                continue
            cell = QRectF(left + x0 * scale, top + y0 * scale, (x1 - x0) * scale,
                          (y1 - y0) * scale)
            if (row, column) not in printed:  # nothing of the chart on it: not printed
                painter.setPen(QPen(QColor("#D1D5DB"), 0.5))
                painter.setBrush(QColor(243, 244, 246, 160))
                painter.drawRect(cell)
                continue
            painter.setPen(QPen(QColor(GRID), 0.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            # The label as large as the cell allows (a sliver of a last column gets a
            # small one), on a white patch so the chart beneath does not hide it.
            label = tile_label(row, column)
            label_font.setPointSizeF(max(4.0, min(20.0, cell.height() * 0.3,
                                                  cell.width() / (0.7 * len(label) + 0.6))))
            painter.setFont(label_font)
            bounds = painter.boundingRect(cell, int(Qt.AlignmentFlag.AlignCenter), label)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 215))
            painter.drawRect(bounds.adjusted(-2, 0, 2, 0))
            painter.setPen(QColor(GRID))
            painter.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), label)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    title = type(font)(font)
    title.setPointSizeF(12)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(QColor("#1B1F24"))
    painter.drawText(QRectF(MARGIN, MARGIN, uw, heading - 6),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     # Figures only, no words: the map serves a chart in any language.
                     f"{footer}  ({len(plan.tiles)} / {plan.rows} × {plan.columns})".strip())
    painter.setFont(font)
    painter.setPen(QColor(GREY))
    footer_rect = QRectF(MARGIN, page_h - MARGIN - FOOTER + 4, page_w - 2 * MARGIN, FOOTER)
    painter.drawText(footer_rect, int(Qt.AlignmentFlag.AlignRight), f"1/{plan.pages}")
