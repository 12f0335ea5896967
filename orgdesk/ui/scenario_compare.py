"""Scenarios → Compare Scenarios…: two scenarios side by side, and what changes.

Two charts (scenario A, the baseline, and B) with the changed positions
outlined in the comparison's colours — removed and moved-from in A; added,
moved-to, renamed and changed in B — above the impact table (positions,
seats, filled, vacancies, span-rule violations and, with pay figures, monthly
cost, per department and in total, A → B) and the list of changes from the
existing comparison (`orgdesk.analysis.compare`).  Export writes the
comparison as PDF or XLSX.  It edits nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGraphicsRectItem,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesk.analysis.compare import ChangeKind
from orgdesk.analysis.scenario_impact import (
    ScenarioComparison,
    compare_scenarios,
    department_label,
    figures_of,
)
from orgdesk.core.errors import UserError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.scenario_compare import cost_by_department
from orgdesk.export.scenario_words import comparison_labels, cost_unit
from orgdesk.paint.scenario_pdf import KIND_COLOURS, Labels, box_kinds
from orgdesk.services.scenario_names import shown_name
from orgdesk.ui import dialogs
from orgdesk.ui.chart_items import BoxItem
from orgdesk.ui.chart_view import ChartView
from orgdesk.ui.compare_dialog import change_item
from orgdesk.ui.fonts import cjk_family
from orgdesk.ui.i18n import interface_language, tr
from orgdesk.ui.messages import user_message

if TYPE_CHECKING:
    from orgdesk.ui.controller import DocumentController

#: Outline colours of changed boxes on the charts (darker than the fills, to stand out).
OUTLINES = {ChangeKind.ADDED: "#2E7D32", ChangeKind.REMOVED: "#C62828",
            ChangeKind.MOVED: "#1565C0", ChangeKind.RENAMED: "#B8860B",
            ChangeKind.CHANGED: "#6A1B9A"}


def ask_export_path(parent: QWidget, suggested: str, pdf: bool) -> Path | None:
    pattern = tr("ScenarioCompareDialog", "PDF (*.pdf)") if pdf else \
        tr("ScenarioCompareDialog", "Excel workbook (*.xlsx)")
    path, _ = QFileDialog.getSaveFileName(parent, "", suggested, pattern)
    return Path(path) if path else None


def compare_scenarios_dialog(parent: QWidget, controller: DocumentController
                             ) -> ScenarioCompareDialog | None:
    """The menu action: open the (non-modal) dialog comparing two of the scenarios."""
    listed = controller.scenarios.scenarios()
    if len(listed) < 2:
        return None
    dialog = ScenarioCompareDialog(controller, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class ScenarioCompareDialog(QDialog):
    """Two scenarios of the open document compared (A is the baseline)."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioCompareDialog")
        self.controller = controller
        self.setWindowTitle(self.tr("Compare Scenarios"))
        self.kind_names = {ChangeKind.ADDED: self.tr("Added"),
                           ChangeKind.REMOVED: self.tr("Removed"),
                           ChangeKind.MOVED: self.tr("Moved"),
                           ChangeKind.RENAMED: self.tr("Renamed"),
                           ChangeKind.CHANGED: self.tr("Changed")}
        listed = controller.scenarios.scenarios()
        self.combo_a, self.combo_b = QComboBox(self), QComboBox(self)
        self.combo_a.setObjectName("scenarioA")
        self.combo_b.setObjectName("scenarioB")
        language = interface_language()
        for combo in (self.combo_a, self.combo_b):
            for scenario in listed:  # the names as the window shows them, exports included
                combo.addItem(shown_name(scenario.name, language), scenario.id)
        active = next(i for i, s in enumerate(listed) if s.active)
        # The open scenario against the first other one: B is what is being designed.
        self.combo_b.setCurrentIndex(active)
        self.combo_a.setCurrentIndex(0 if active else 1)
        self.combo_a.currentIndexChanged.connect(self.recompare)
        self.combo_b.currentIndexChanged.connect(self.recompare)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Compare"), self))
        top.addWidget(self.combo_a)
        top.addWidget(QLabel("→", self))
        top.addWidget(self.combo_b)
        top.addWidget(self.summary, 1)
        family = cjk_family()
        self.chart_a, self.chart_b = ChartView(self, family), ChartView(self, family)
        self.title_a, self.title_b = QLabel(self), QLabel(self)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        for title, chart in ((self.title_a, self.chart_a), (self.title_b, self.chart_b)):
            pane = QWidget(charts)
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(title)
            column.addWidget(chart, 1)
            charts.addWidget(pane)
        self.legend = QLabel(" ".join(
            f'<span style="background:{KIND_COLOURS[k]};border:1px solid {OUTLINES[k]}">'
            f"&nbsp;{self.kind_names[k]}&nbsp;</span>" for k in ChangeKind), self)
        self.impact = QTableWidget(self)
        self.impact.setObjectName("impactTable")
        self.impact.verticalHeader().hide()
        self.impact.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.changes = QTreeWidget(self)
        self.changes.setColumnCount(3)
        self.changes.setHeaderLabels([self.tr("Change"), self.tr("Position"), self.tr("Details")])
        self.changes.setRootIsDecorated(False)
        self.changes.itemActivated.connect(self._activated)
        self.changes.itemClicked.connect(self._activated)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.impact)
        lower.addWidget(self.changes)
        lower.setSizes([600, 400])
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(charts)
        body.addWidget(lower)
        body.setSizes([420, 240])
        self.export_pdf = QPushButton(self.tr("Export PDF…"), self)
        self.export_pdf.setObjectName("exportComparisonPdf")
        self.export_pdf.clicked.connect(lambda: self.export(pdf=True))
        self.export_xlsx = QPushButton(self.tr("Export Excel…"), self)
        self.export_xlsx.setObjectName("exportComparisonXlsx")
        self.export_xlsx.clicked.connect(lambda: self.export(pdf=False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend)
        bottom.addStretch(1)
        bottom.addWidget(self.export_pdf)
        bottom.addWidget(self.export_xlsx)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        layout.addLayout(bottom)
        self.resize(1280, 800)
        self.comparison: ScenarioComparison | None = None
        self.organisations: tuple[Organisation, Organisation] | None = None
        self._marks: list[QGraphicsRectItem] = []
        self.recompare()

    # ------------------------------------------------------------ comparing
    def recompare(self) -> None:
        scenarios = self.controller.scenarios
        names = (self.combo_a.currentText(), self.combo_b.currentText())
        try:
            a = scenarios.organisation(int(self.combo_a.currentData()))
            b = scenarios.organisation(int(self.combo_b.currentData()))
        except UserError as exc:
            dialogs.show_error(self, user_message(exc))
            return
        self.organisations = (a, b)
        self.comparison = comparison = compare_scenarios(a, b, *names, cost_by_department)
        self.title_a.setText(f"<b>A: {_escaped(names[0])}</b>")
        self.title_b.setText(f"<b>B: {_escaped(names[1])}</b>")
        changes = comparison.changes
        self.summary.setText(", ".join(f"{self.kind_names[k]} {changes.count(k)}"
                                       for k in ChangeKind if changes.count(k))
                             or self.tr("The two scenarios are the same."))
        self.chart_a.refresh(a)
        self.chart_b.refresh(b)
        self._mark_charts()
        self.chart_a.zoom_to_fit()
        self.chart_b.zoom_to_fit()
        self._fill_impact()
        self._fill_changes()

    def figure_names(self) -> dict[str, str]:
        return {"positions": self.tr("Positions"), "seats": self.tr("Seats"),
                "filled": self.tr("Filled"), "vacancies": self.tr("Vacancies"),
                "violations": self.tr("Span-rule violations"),
                "monthly_cost": self.tr("Monthly cost")}

    def _fill_impact(self) -> None:
        comparison = self.comparison
        assert comparison is not None
        figures = figures_of(comparison)
        names = self.figure_names()
        self.impact.clear()
        self.impact.setColumnCount(1 + len(figures))
        self.impact.setRowCount(len(comparison.rows))
        self.impact.setHorizontalHeaderLabels([self.tr("Department"),
                                               *(names[f] for f in figures)])
        for row_index, row in enumerate(comparison.rows):
            label = department_label(row, self.tr("Total"), self.tr("(no department)"))
            item = QTableWidgetItem(label)
            if row.department is None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.impact.setItem(row_index, 0, item)
            for column, figure in enumerate(figures, start=1):
                old, new, delta = row.a[figure], row.b[figure], row.delta(figure)
                text = "–" if old is None or new is None else \
                    f"{old:,} → {new:,} ({delta:+,})" if delta else f"{new:,}"
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if delta:
                    # More violations or cost is worse; more seats is neither: just marked.
                    cell.setBackground(QColor("#FFF2CC"))
                    cell.setForeground(QColor("#000000"))
                self.impact.setItem(row_index, column, cell)
        header = self.impact.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def _fill_changes(self) -> None:
        comparison = self.comparison
        assert comparison is not None
        self.changes.clear()
        for change in comparison.changes.changes:
            change_item(self.changes, change, self.kind_names, KIND_COLOURS)
        self.changes.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def _mark_charts(self) -> None:
        """Outline each changed box in its change's colour (both charts)."""
        assert self.comparison is not None
        for mark in self._marks:
            if mark.scene() is not None:
                mark.scene().removeItem(mark)
        self._marks = []
        kinds_a, kinds_b = box_kinds(self.comparison)
        for view, kinds in ((self.chart_a, kinds_a), (self.chart_b, kinds_b)):
            for item in view.scene().items():
                if isinstance(item, BoxItem) and PositionId(item.pid) in kinds:
                    kind = kinds[PositionId(item.pid)]
                    mark = QGraphicsRectItem(item.sceneBoundingRect().adjusted(-4, -4, 4, 4))
                    mark.setPen(QPen(QColor(OUTLINES[kind]), 4))
                    mark.setBrush(QColor(KIND_COLOURS[kind]))
                    mark.setZValue(item.zValue() - 0.5)
                    view.scene().addItem(mark)
                    self._marks.append(mark)

    def marked(self, view: ChartView) -> int:
        """How many boxes of `view` are outlined (tests)."""
        return sum(1 for mark in self._marks if mark.scene() is view.scene())

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        change = item.data(0, Qt.ItemDataRole.UserRole)
        if change is None:
            return
        if change.old_id is not None:
            self.chart_a.select_position(int(change.old_id))
        if change.new_id is not None:
            self.chart_b.select_position(int(change.new_id))

    # -------------------------------------------------------------- export
    def labels(self) -> Labels:
        """The exports' texts in the interface language: headings, units, punctuation, box
        words and details from the deliverables' own table, so the window's PDF and workbook
        read as `orgdesk scenario compare --lang` writes them."""
        assert self.comparison is not None and self.organisations is not None
        return comparison_labels(interface_language(),
                                 cost_unit(self.comparison, *self.organisations))

    def export(self, pdf: bool) -> bool:
        comparison, organisations = self.comparison, self.organisations
        if comparison is None or organisations is None:
            return False
        suggested = f"{comparison.name_a} - {comparison.name_b}.{'pdf' if pdf else 'xlsx'}"
        path = ask_export_path(self, suggested, pdf)
        if path is None:
            return False
        try:
            if pdf:
                from orgdesk.paint.scenario_pdf import write_pdf

                write_pdf(comparison, *organisations, path, self.labels())
            else:
                from orgdesk.export.scenario_compare import write_xlsx

                write_xlsx(comparison, path, self.labels())
        except UserError as exc:
            dialogs.show_error(self, user_message(exc))
            return False
        dialogs.show_info(self, tr("ScenarioCompareDialog", "Wrote {file}.", file=path.name))
        return True


def _escaped(text: str) -> str:
    from html import escape

    return escape(text)
