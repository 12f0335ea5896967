"""A comparison of two scenarios as a PDF: the impact table, then each scenario's chart.

Page 1 holds the impact table (per department and in total: each figure in
A → B and the difference) and the count of changed positions; pages 2 and 3
each scenario's chart fitted to the page, the changed boxes filled in the
comparison's colours (added green and removed red, moved blue, renamed
yellow, changed violet) with a legend.  Boxes, lines and titles are vectors
and searchable text.  `labels` carries the headings in the user's language.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from orgdesk.analysis.compare import ChangeKind
from orgdesk.analysis.scenario_impact import (
    FIGURE_NAMES,
    ScenarioComparison,
    department_label,
    figures_of,
)
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.files import write_atomically
from orgdesk.layout.chart import layout_chart
from orgdesk.layout.model import ChartLayout, ConnectorKind

#: Fill colours of changed boxes (the comparison dialog's row colours).
KIND_COLOURS = {ChangeKind.ADDED: "#C6E7B5", ChangeKind.REMOVED: "#F4B6BC",
                ChangeKind.MOVED: "#BDD7EE", ChangeKind.RENAMED: "#FFE699",
                ChangeKind.CHANGED: "#D9CCEF"}


@dataclass(frozen=True)
class Labels:
    """The PDF's texts (English by default; the window passes translated ones)."""

    department: str = "Department"
    total: str = "Total"
    no_department: str = "(no department)"
    figures: Mapping[str, str] = field(default_factory=lambda: dict(FIGURE_NAMES))
    kinds: Mapping[ChangeKind, str] = field(default_factory=lambda: {
        kind: kind.value.capitalize() for kind in ChangeKind})
    changes: str = "Changed positions"


def box_kinds(comparison: ScenarioComparison) -> tuple[dict[PositionId, ChangeKind],
                                                        dict[PositionId, ChangeKind]]:
    """The change shown on each box of scenario A and of scenario B (first one wins)."""
    in_a: dict[PositionId, ChangeKind] = {}
    in_b: dict[PositionId, ChangeKind] = {}
    for change in comparison.changes.changes:
        if change.old_id is not None and change.kind is not ChangeKind.ADDED:
            in_a.setdefault(change.old_id, change.kind)
        if change.new_id is not None and change.kind is not ChangeKind.REMOVED:
            in_b.setdefault(change.new_id, change.kind)
    return in_a, in_b


def write_pdf(comparison: ScenarioComparison, a: Organisation, b: Organisation,
              target: Path, labels: Labels | None = None) -> None:
    """Write the comparison's PDF at `target`, atomically."""
    from orgdesk.paint.svg_render import ensure_gui

    ensure_gui()
    write_atomically(target, pdf_bytes(comparison, a, b, labels or Labels()))


def pdf_bytes(comparison: ScenarioComparison, a: Organisation, b: Organisation,
              labels: Labels) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from orgdesk.paint.fonts import chinese_font_family
    from orgdesk.paint.pdf_text import fix_to_unicode

    family = chinese_font_family() or "sans-serif"
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"{comparison.name_a} → {comparison.name_b}")
    writer.setCreator("orgdesk")
    writer.setResolution(72)  # one unit a point
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        width, height = writer.width(), writer.height()
        _impact_page(painter, comparison, labels, family, width)
        kinds_a, kinds_b = box_kinds(comparison)
        for name, org, kinds in ((comparison.name_a, a, kinds_a), (comparison.name_b, b, kinds_b)):
            writer.newPage()
            _chart_page(painter, name, layout_chart(org), kinds, labels, family, width, height)
    finally:
        painter.end()
    buffer.close()
    return fix_to_unicode(bytes(data.data()), family)


def _font(family: str, points: float, bold: bool = False):  # -> QFont
    from PySide6.QtGui import QFont

    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


MARGIN = 36.0


def _impact_page(painter, comparison: ScenarioComparison, labels: Labels, family: str,
                 width: float) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    painter.setFont(_font(family, 16, bold=True))
    painter.drawText(QRectF(MARGIN, MARGIN, width - 2 * MARGIN, 24),
                     Qt.AlignmentFlag.AlignLeft, f"{comparison.name_a} → {comparison.name_b}")
    figures = figures_of(comparison)
    first = 150.0
    column = (width - 2 * MARGIN - first) / len(figures)
    top = MARGIN + 40
    row_height = 18.0
    painter.setFont(_font(family, 9, bold=True))
    painter.drawText(QRectF(MARGIN, top, first, row_height), Qt.AlignmentFlag.AlignVCenter,
                     labels.department)
    for index, figure in enumerate(figures):
        painter.drawText(QRectF(MARGIN + first + index * column, top, column - 4, row_height),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         labels.figures[figure])
    painter.setPen(QPen(QColor("#888888"), 0.5))
    painter.drawLine(int(MARGIN), int(top + row_height), int(width - MARGIN), int(top + row_height))
    painter.setPen(QPen(QColor("#000000")))
    for row in comparison.rows:
        top += row_height
        painter.setFont(_font(family, 9, bold=row.department is None))
        painter.drawText(QRectF(MARGIN, top, first, row_height), Qt.AlignmentFlag.AlignVCenter,
                         department_label(row, labels.total, labels.no_department))
        for index, figure in enumerate(figures):
            old, new, delta = row.a[figure], row.b[figure], row.delta(figure)
            text = "–" if old is None or new is None else \
                f"{old:,} → {new:,} ({delta:+,})" if delta else f"{new:,}"
            painter.drawText(QRectF(MARGIN + first + index * column, top, column - 4,
                                    row_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    top += 2 * row_height
    painter.setFont(_font(family, 10))
    counts = ", ".join(f"{labels.kinds[kind]} {comparison.changes.count(kind)}"
                       for kind in ChangeKind if comparison.changes.count(kind))
    painter.drawText(QRectF(MARGIN, top, width - 2 * MARGIN, row_height),
                     Qt.AlignmentFlag.AlignVCenter, f"{labels.changes}: {counts or '0'}")


def _chart_page(painter, name: str, chart: ChartLayout, kinds: dict[PositionId, ChangeKind],
                labels: Labels, family: str, width: float, height: float) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF

    painter.setFont(_font(family, 14, bold=True))
    painter.setPen(QPen(QColor("#000000")))
    painter.drawText(QRectF(MARGIN, MARGIN - 12, width / 2, 20), Qt.AlignmentFlag.AlignLeft,
                     name)
    # The legend, top right.
    painter.setFont(_font(family, 8))
    x = width - MARGIN
    for shown in reversed(list(ChangeKind)):
        text = labels.kinds[shown]
        text_width = painter.fontMetrics().horizontalAdvance(text) + 18
        x -= text_width
        painter.fillRect(QRectF(x, MARGIN - 8, 10, 10), QColor(KIND_COLOURS[shown]))
        painter.drawText(QRectF(x + 13, MARGIN - 10, text_width, 14),
                         Qt.AlignmentFlag.AlignVCenter, text)
    area = QRectF(MARGIN, MARGIN + 16, width - 2 * MARGIN, height - 2 * MARGIN - 16)
    scale = min(area.width() / max(chart.width, 1.0), area.height() / max(chart.height, 1.0), 1.0)
    painter.save()
    painter.translate(area.left(), area.top())
    painter.scale(scale, scale)
    for connector in chart.connectors:
        dashed = connector.kind in (ConnectorKind.DOTTED, ConnectorKind.ADVISORY)
        pen = QPen(QColor("#7F7F7F"), 1.0, Qt.PenStyle.DashLine if dashed else
                   Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in connector.points]))
    title_font, detail_font = _font(family, 9, bold=True), _font(family, 7)
    for box in chart.boxes.values():
        kind = kinds.get(box.id)
        rect = QRectF(box.x, box.y, box.w, box.h)
        painter.setPen(QPen(QColor("#404040"), 2.0 if kind else 0.8))
        painter.setBrush(QBrush(QColor(KIND_COLOURS[kind] if kind else "#FFFFFF")))
        painter.drawRect(rect)
        painter.setPen(QPen(QColor("#000000")))
        painter.setFont(title_font)
        title = "\n".join(box.text.title_lines) + (f" {box.text.badge}" if box.text.badge else "")
        inner = rect.adjusted(4, 3, -4, -3)
        painter.drawText(inner, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, title)
        if box.text.detail_lines:
            painter.setFont(detail_font)
            painter.drawText(inner, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             "\n".join(box.text.detail_lines))
    painter.restore()
