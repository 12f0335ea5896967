"""Graphics items of the chart view: boxes (with a collapse toggle) and connectors.

Boxes paint the same `BoxText` lines the export writes, with the same colours
(`orgdesk.layout.style`) and font sizes, measured by `qt_measure` so the
layout's boxes fit Qt's text exactly.
"""
from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesk.layout.model import Box
from orgdesk.layout.style import (
    BADGE_FILL,
    BADGE_PT,
    BADGE_TEXT,
    DETAIL_TEXT,
    TITLE_TEXT,
    TOGGLE,
    BoxStyle,
    estimate_size_badge,
)
from orgdesk.layout.text import (
    DETAIL_PT,
    DUTY_PT,
    LINE_SPACING,
    MIN_WIDTH,
    PADDING_X,
    PADDING_Y,
    TITLE_PT,
    BoxText,
)

TOGGLE_RADIUS = 6.0


def chart_font(size: float, bold: bool = False, family: str | None = None) -> QFont:
    font = QFont(family) if family else QFont()
    font.setPixelSize(round(size))  # scene units are points: 11 units = the export's 11 pt
    font.setBold(bold)
    return font


# Painting 10,000 boxes asks for the same few pens and brushes over and over;
# Qt copies them on use (they are implicitly shared), so one of each will do.
@functools.lru_cache(maxsize=256)
def _pen(colour: str, width: float, dashed: bool = False) -> QPen:
    pen = QPen(QColor(colour), width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


@functools.lru_cache(maxsize=256)
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


class QtMeasure:
    """The layout's measure callback, with Qt's real font metrics."""

    def __init__(self, family: str | None = None) -> None:
        self.title = QFontMetricsF(chart_font(TITLE_PT, True, family))
        self.detail = QFontMetricsF(chart_font(DETAIL_PT, False, family))
        self.duty = QFontMetricsF(chart_font(DUTY_PT, False, family))

    def __call__(self, text: BoxText) -> tuple[float, float]:
        widths = [self.title.horizontalAdvance(line) for line in text.title_lines]
        widths += [self.detail.horizontalAdvance(line) for line in text.detail_lines]
        widths += [self.duty.horizontalAdvance(line) for line in text.duty_lines]
        height = (len(text.title_lines) * TITLE_PT + len(text.detail_lines) * DETAIL_PT
                  + len(text.duty_lines) * DUTY_PT) * LINE_SPACING
        return max(MIN_WIDTH, max(widths, default=0.0) + 2 * PADDING_X + 4), height + 2 * PADDING_Y


class BoxItem(QGraphicsItem):
    """One position's box; selectable; a toggle at its bottom when it has reports."""

    def __init__(self, box: Box, style: BoxStyle, family: str | None = None) -> None:
        super().__init__()
        self.box = box
        self.style = style
        self.family = family
        self.setPos(box.x, box.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(False)
        self.setToolTip("\n".join(box.text.title_lines + box.text.detail_lines))
        self.highlight: str | None = None  # "ok" / "refused" while a drag hovers here
        self.matched = False  # the search box's text is found in this position
        # Asked for by Qt for every box in view at every repaint: worked out once.
        badge_w = estimate_size_badge(box.text.badge)[0] if box.text.badge else 0.0
        self._bounds = QRectF(-2, -10, box.w + 4 + badge_w / 2, box.h + 12 + TOGGLE_RADIUS)
        # The box's outline as painted when neither selected nor highlighted.
        self._look = (_pen(style.border, 2.2 if style.over else 1.0 if style.staff else 1.2,
                           style.dashed),
                      _brush(style.fill), QRectF(0, 0, box.w, box.h))

    @property
    def pid(self) -> int:
        return int(self.box.id)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def toggle_rect(self) -> QRectF:
        b = self.box
        return QRectF(b.w / 2 - TOGGLE_RADIUS, b.h - TOGGLE_RADIUS, 2 * TOGGLE_RADIUS,
                      2 * TOGGLE_RADIUS)

    def has_toggle(self) -> bool:
        return self.box.reports > 0

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # Painted for every box in view, 10,000 of them when a big chart is zoomed
        # out: the common case does as little as it can.
        pen, brush, rect = self._look
        if self.highlight:
            pen = _pen("#2DA44E" if self.highlight == "ok" else "#CF222E", 3)
        elif self.isSelected():
            pen = _pen("#1F6FEB", 2.4, self.style.dashed)
        if self.matched:  # the same marker colour as the tree's search marks
            brush = _brush("#FFE699")
            if not self.highlight and not self.isSelected():
                pen = _pen("#BF8700", 2.4, self.style.dashed)
        painter.setPen(pen)
        painter.setBrush(brush)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.05:  # corners of a third of a pixel: a plain rectangle looks the same, faster
            painter.drawRect(rect)
            return
        painter.drawRoundedRect(rect, 6, 6)
        if lod < 0.3:  # text would be unreadable: skip it, keeps 10k boxes smooth
            return
        b = self.box
        text = b.text
        title_h = len(text.title_lines) * TITLE_PT * LINE_SPACING
        more = len(text.detail_lines) * DETAIL_PT + len(text.duty_lines) * DUTY_PT
        y = PADDING_Y if more else (b.h - title_h) / 2
        painter.setPen(QColor(TITLE_TEXT))
        y = self._lines(painter, text.title_lines, chart_font(TITLE_PT, True, self.family),
                        TITLE_PT, y)
        painter.setPen(QColor(DETAIL_TEXT))
        y = self._lines(painter, text.detail_lines, chart_font(DETAIL_PT, False, self.family),
                        DETAIL_PT, y)
        self._lines(painter, text.duty_lines, chart_font(DUTY_PT, False, self.family), DUTY_PT, y)
        if text.badge:
            bw, bh = estimate_size_badge(text.badge)
            badge = QRectF(b.w - bw - 6, -bh / 2 - 2, bw, bh)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(BADGE_FILL))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor(BADGE_TEXT))
            painter.setFont(chart_font(BADGE_PT, True, self.family))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text.badge)
        if self.has_toggle():
            painter.setPen(QPen(QColor(TOGGLE), 1))
            painter.setBrush(QColor("#FFFFFF"))
            toggle = self.toggle_rect()
            painter.drawEllipse(toggle)
            c = toggle.center()
            painter.drawLine(QPointF(c.x() - 3, c.y()), QPointF(c.x() + 3, c.y()))
            if b.collapsed:
                painter.drawLine(QPointF(c.x(), c.y() - 3), QPointF(c.x(), c.y() + 3))

    def _lines(self, painter: QPainter, lines: tuple[str, ...], font: QFont, size: float,
               y: float) -> float:
        painter.setFont(font)
        step = size * LINE_SPACING
        for line in lines:
            painter.drawText(QRectF(PADDING_X, y, self.box.w - 2 * PADDING_X, step),
                             int(Qt.AlignmentFlag.AlignCenter), line)
            y += step
        return y


def connector_path(points_list: list[tuple[tuple[float, float], ...]]) -> QPainterPath:
    """All given polylines in one path (one item for thousands of connectors)."""
    path = QPainterPath()
    for points in points_list:
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
    return path
