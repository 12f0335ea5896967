"""A comparison of two scenarios as a PDF: the impact table, the changes, each chart.

The first pages hold the impact table (per department and in total: each
figure in A → B and the difference), the count of changed positions and the
list of changes (kind, position, what changed), continued on as many pages as
they need; then each scenario's chart fitted to a page, laid out as the
document arranges it, the changed boxes filled in the comparison's colours
(added green and removed red, moved blue, renamed yellow, changed violet)
with a legend.  Boxes, lines and titles are vectors and searchable text.
`labels` carries the headings, the box words and the change details in the
deliverable's language.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
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
from orgdesk.layout.saved import chart_options
from orgdesk.layout.words import ENGLISH, Words

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
    change: str = "Change"
    position: str = "Position"
    details: str = "Details"
    #: The boxes' own words (“3/10 filled”, team totals) in the deliverable's language.
    words: Words = ENGLISH
    #: A change's details (an English Sentence or text) in the deliverable's language.
    detail: Callable[[object], str] = str
    #: The workbook's sheets, and the heading of each scenario's id column.
    impact: str = "Impact"
    id_in: str = "Id in {name}"
    #: A workbook column: a figure in one scenario, or its `difference` between the two.
    column: str = "{figure} ({name})"
    difference: str = "Δ"
    #: A figure from A to B with its difference, in the PDF's table.
    movement: str = "{old} → {new} ({delta})"
    #: The count of changes under the table, its items joined by `separator`.
    summary: str = "{changes}: {counts}"
    separator: str = ", "
    #: The unit of a figure where it has one (the monthly cost's currency), in headings.
    units: Mapping[str, str] = field(default_factory=dict)
    unit: str = "{figure} ({unit})"
    column_unit: str = "{figure} ({name}, {unit})"

    def heading(self, figure: str) -> str:
        """A figure's column heading in the PDF, with its unit if it has one."""
        unit = self.units.get(figure)
        name = self.figures[figure]
        return name if unit is None else self.unit.format(figure=name, unit=unit)

    def column_of(self, figure: str, name: str) -> str:
        """A workbook column: `figure` in scenario `name` (or the difference), with its unit."""
        unit = self.units.get(figure)
        text = self.figures[figure]
        return self.column.format(figure=text, name=name) if unit is None else \
            self.column_unit.format(figure=text, name=name, unit=unit)


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
        _impact_pages(painter, writer, comparison, labels, family, width, height)
        kinds_a, kinds_b = box_kinds(comparison)
        for name, org, kinds in ((comparison.name_a, a, kinds_a), (comparison.name_b, b, kinds_b)):
            writer.newPage()
            chart = layout_chart(org, replace(chart_options(org), words=labels.words))
            _chart_page(painter, name, chart, kinds, labels, family, width, height)
    finally:
        painter.end()
    buffer.close()
    return fix_to_unicode(bytes(data.data()), family)


def _font(family: str, points: float, bold: bool = False):  # -> QFont
    from PySide6.QtGui import QFont

    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    # Without this, shaping a Latin run ("Added 60") in a CJK font takes the digits'
    # localised forms, glyphs with no character of their own: Qt's ToUnicode map leaves
    # them out and the numbers vanish from the PDF's text (copy, search, pdftotext).
    # The default forms are the Simplified Chinese ones, so nothing drawn changes.
    font.setFeature(QFont.Tag("locl"), 0)
    return font


MARGIN = 36.0


def _impact_pages(painter, writer, comparison: ScenarioComparison, labels: Labels,
                  family: str, width: float, height: float) -> None:
    """The impact table, the count of changes and the list of changes, on as many
    pages as they take (a row that would run past the bottom margin starts a page,
    under the table's heading again)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    row_height = 18.0
    bottom = height - MARGIN
    painter.setFont(_font(family, 16, bold=True))
    painter.drawText(QRectF(MARGIN, MARGIN, width - 2 * MARGIN, 24),
                     Qt.AlignmentFlag.AlignLeft, f"{comparison.name_a} → {comparison.name_b}")
    top = MARGIN + 40

    heading_points = 9.0

    def heading(cells: list[tuple[float, float, str, Qt.AlignmentFlag]]) -> None:
        painter.setFont(_font(family, heading_points, bold=True))
        painter.setPen(QPen(QColor("#000000")))
        for x, w, text, align in cells:
            painter.drawText(QRectF(x, top, w, row_height), align, text)
        painter.setPen(QPen(QColor("#888888"), 0.5))
        painter.drawLine(int(MARGIN), int(top + row_height), int(width - MARGIN),
                         int(top + row_height))
        painter.setPen(QPen(QColor("#000000")))

    def next_row(cells: list[tuple[float, float, str, Qt.AlignmentFlag]]) -> None:
        nonlocal top
        top += row_height
        if top + row_height > bottom:
            writer.newPage()
            top = MARGIN
            heading(cells)
            top += row_height

    def skip(rows: int) -> None:
        """Leave `rows` empty rows; a section that would not fit starts a page."""
        nonlocal top
        top += rows * row_height
        if top + 2 * row_height > bottom:
            writer.newPage()
            top = MARGIN

    figures = figures_of(comparison)
    texts = [[department_label(row, labels.total, labels.no_department), *(
        _figure_text(row.a[f], row.b[f], row.delta(f), labels) for f in figures)]
        for row in comparison.rows]
    header = [labels.department, *(labels.heading(f) for f in figures)]
    # Each column as wide as its widest text (bold: the heading and the total), the
    # room left shared out; a table wider than the page is set in a smaller type.
    points = 9.0
    painter.setFont(_font(family, points, bold=True))
    metrics = painter.fontMetrics()
    needed = [max(metrics.horizontalAdvance(line[i]) for line in [header, *texts]) + 10
              for i in range(len(header))]
    room = width - 2 * MARGIN
    if sum(needed) > room:
        points = max(5.0, points * room / sum(needed))
        needed = [n * room / sum(needed) for n in needed]
    spare = (room - sum(needed)) / len(needed)
    columns = [n + spare for n in needed]
    starts = [MARGIN + sum(columns[:i]) for i in range(len(columns))]
    impact_heading = [(starts[i], columns[i] - 4, header[i], left if i == 0 else right)
                      for i in range(len(header))]
    heading_points = points
    heading(impact_heading)
    for row, line in zip(comparison.rows, texts):
        next_row(impact_heading)
        painter.setFont(_font(family, points, bold=row.department is None))
        for i, text in enumerate(line):
            painter.drawText(QRectF(starts[i], top, columns[i] - 4, row_height),
                             left if i == 0 else right, text)
    skip(2)
    painter.setFont(_font(family, 10, bold=True))
    counts = labels.separator.join(f"{labels.kinds[kind]} {comparison.changes.count(kind)}"
                                   for kind in ChangeKind if comparison.changes.count(kind))
    painter.drawText(QRectF(MARGIN, top, width - 2 * MARGIN, row_height), left,
                     labels.summary.format(changes=labels.changes, counts=counts or "0"))
    if not comparison.changes.changes:
        return
    kind_width, title_width = 70.0, 190.0
    detail_x = MARGIN + kind_width + title_width
    changes_heading = [(MARGIN, kind_width, labels.change, left),
                       (MARGIN + kind_width, title_width, labels.position, left),
                       (detail_x, width - MARGIN - detail_x, labels.details, left)]
    skip(2)
    heading_points = 9.0
    heading(changes_heading)
    metrics_font = _font(family, 9)
    for change in comparison.changes.changes:
        next_row(changes_heading)
        painter.setFont(metrics_font)
        metrics = painter.fontMetrics()
        painter.fillRect(QRectF(MARGIN, top + 2, kind_width - 6, row_height - 4),
                         QColor(KIND_COLOURS[change.kind]))
        painter.drawText(QRectF(MARGIN + 3, top, kind_width - 6, row_height), left,
                         labels.kinds[change.kind])
        painter.drawText(QRectF(MARGIN + kind_width, top, title_width - 6, row_height), left,
                         metrics.elidedText(change.title, Qt.TextElideMode.ElideRight,
                                            int(title_width - 6)))
        painter.drawText(QRectF(detail_x, top, width - MARGIN - detail_x, row_height), left,
                         metrics.elidedText(labels.detail(change.detail),
                                            Qt.TextElideMode.ElideRight,
                                            int(width - MARGIN - detail_x)))


def _figure_text(old: int | None, new: int | None, delta: int | None, labels: Labels) -> str:
    if old is None or new is None:
        return "–"
    return labels.movement.format(old=f"{old:,}", new=f"{new:,}", delta=f"{delta:+,}") \
        if delta else f"{new:,}"


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
