"""The headcount bar charts painted with Qt: on screen (analysis panel) or as PNG (handbook).

The series and their geometry are `orgdesk.analysis.bar_chart` (pure
Python); Qt is imported inside the functions only.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgdesk.analysis.bar_chart import (
    GAP,
    ROW_HEIGHT,
    TITLE_HEIGHT,
    BarSeries,
    preferred_height,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter


def paint_bar_charts(painter: QPainter, rect: QRectF, series: Sequence[BarSeries],
                     font_family: str | None = None) -> None:
    """Draw `series` stacked in `rect` (chart points = painter units)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPen

    painter.save()
    painter.setRenderHint(painter.RenderHint.Antialiasing, True)
    painter.setRenderHint(painter.RenderHint.TextAntialiasing, True)
    base = QFont(font_family) if font_family else QFont(painter.font())
    base.setPointSizeF(9.0)
    title_font = QFont(base)
    title_font.setBold(True)
    title_font.setPointSizeF(10.5)
    painter.setFont(base)
    metrics = painter.fontMetrics()
    widest = max((metrics.horizontalAdvance(bar.label) for chart in series for bar in chart.bars),
                 default=0)
    # Labels as wide as the longest one needs, within reason: long names are elided.
    label_width = min(max(widest + 4.0, 40.0), rect.width() * 0.4)
    value_width = 70.0
    top = rect.top()
    for chart in series:
        painter.setFont(title_font)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(rect.left(), top, rect.width(), TITLE_HEIGHT),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, chart.title)
        painter.setFont(base)
        if any(bar.filled for bar in chart.bars):
            _legend(painter, QRectF(rect.left(), top, rect.width(), TITLE_HEIGHT), chart)
        top += TITLE_HEIGHT
        biggest = max((bar.planned for bar in chart.bars), default=0) or 1
        span = max(rect.width() - label_width - value_width - 12.0, 10.0)
        axis_x = rect.left() + label_width + 6.0
        for index, bar in enumerate(chart.bars):
            row = QRectF(rect.left(), top + index * ROW_HEIGHT, rect.width(), ROW_HEIGHT)
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(row.left(), row.top(), label_width, row.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextSingleLine,
                             painter.fontMetrics().elidedText(
                                 bar.label, Qt.TextElideMode.ElideMiddle, int(label_width)))
            length = span * bar.planned / biggest
            body = QRectF(axis_x, row.top() + 4.0, length, row.height() - 8.0)
            colour = QColor(bar.colour)
            painter.setPen(QPen(colour.darker(130), 0.8))
            painter.setBrush(colour)
            painter.drawRect(body)
            if bar.filled and bar.planned:
                filled = QRectF(body.left(), body.top(),
                                length * min(bar.filled, bar.planned) / bar.planned, body.height())
                painter.setBrush(colour.darker(150))
                painter.drawRect(filled)
            painter.setPen(QColor("#222222"))
            text = f"{bar.planned}" + (f" ({bar.filled})" if bar.filled else "")
            painter.drawText(QRectF(body.right() + 5.0, row.top(), value_width, row.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        rows = max(len(chart.bars), 1)
        painter.setPen(QPen(QColor("#888888"), 0.8))
        painter.drawLine(QPointF(axis_x, top), QPointF(axis_x, top + rows * ROW_HEIGHT))
        top += rows * ROW_HEIGHT + GAP
    painter.restore()


def _legend(painter: QPainter, row: QRectF, chart: BarSeries) -> None:
    """"■ planned ■ filled" at the right of a chart's title row."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor

    metrics = painter.fontMetrics()
    colour = QColor(chart.bars[0].colour)
    x = row.right()
    for label, fill in ((chart.filled_label, colour.darker(150)), (chart.planned_label, colour)):
        text_width = metrics.horizontalAdvance(label) + 2.0
        x -= text_width
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(x, row.top(), text_width, row.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        x -= 14.0
        painter.fillRect(QRectF(x, row.center().y() - 4.5, 9.0, 9.0), fill)
        x -= 10.0


def bar_chart_png(series: Sequence[BarSeries], width: float = 480.0, scale: float = 3.0,
                  font_family: str | None = None) -> bytes:
    """The charts as PNG bytes, `width` chart points wide at `scale` pixels per point."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    height = preferred_height(series)
    image = QImage(max(int(width * scale), 1), max(int(height * scale), 1),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    # Paint at 72 dpi so a 9 pt font is 9 chart points, scaled like the bars…
    _set_dpi(image, 72.0)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        paint_bar_charts(painter, QRectF(0, 0, width, height), series, font_family)
    finally:
        painter.end()
    # …then record the real resolution, so Word and browsers size it at `width` points.
    _set_dpi(image, 72.0 * scale)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 declares bytes but takes only str
    buffer.close()
    return bytes(data.data())


def _set_dpi(image: object, dpi: float) -> None:
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)  # type: ignore[attr-defined]  # a QImage: Qt is imported inside the functions
    image.setDotsPerMeterY(dots_per_metre)  # type: ignore[attr-defined]  # a QImage: Qt is imported inside the functions
