"""Graphics items of the chart view: boxes (with a collapse toggle) and connectors.

Boxes paint the same `BoxText` lines the export writes, with the same colours
(`orgdesk.export.style`) and font sizes, measured by `qt_measure` so the
layout's boxes fit Qt's text exactly.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesk.export.dot_build import BADGE_PT, estimate_size_badge
from orgdesk.export.style import (
    BADGE_FILL,
    BADGE_TEXT,
    DETAIL_TEXT,
    TITLE_TEXT,
    TOGGLE,
    BoxStyle,
)
from orgdesk.layout.model import Box
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

    @property
    def pid(self) -> int:
        return int(self.box.id)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        b = self.box
        badge_w = estimate_size_badge(b.text.badge)[0] if b.text.badge else 0.0
        return QRectF(-2, -10, b.w + 4 + badge_w / 2, b.h + 12 + TOGGLE_RADIUS)

    def toggle_rect(self) -> QRectF:
        b = self.box
        return QRectF(b.w / 2 - TOGGLE_RADIUS, b.h - TOGGLE_RADIUS, 2 * TOGGLE_RADIUS,
                      2 * TOGGLE_RADIUS)

    def has_toggle(self) -> bool:
        return self.box.reports > 0

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,  # noqa: D102
              widget: QWidget | None = None) -> None:
        b, s = self.box, self.style
        rect = QRectF(0, 0, b.w, b.h)
        border = QColor(s.border)
        pen = QPen(border, 2.4 if self.isSelected() else (1.0 if s.staff else 1.2))
        if self.isSelected():
            pen.setColor(QColor("#1F6FEB"))
        if s.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        if self.highlight:
            pen = QPen(QColor("#2DA44E" if self.highlight == "ok" else "#CF222E"), 3)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(s.fill)))
        painter.drawRoundedRect(rect, 6, 6)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.3:  # text would be unreadable: skip it, keeps 10k boxes smooth
            return
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
