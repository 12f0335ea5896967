"""reportsPanel: the direct reports of the selected position, with headcounts."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import Position
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr_n
from orgdesk.ui.long_text import elide
from orgdesk.ui.panels.base import PositionPanel, tr

#: Most rows the table lists.
MAX_ROWS = 1000
_HEADCOUNTS = frozenset({"planned_headcount", "filled_headcount"})
#: The fields of the positions below that the table and the totals show.
_TEAM_FIELDS = frozenset({"title", "planned_headcount", "filled_headcount"})



class ReportsPanel(PositionPanel):
    """Direct reports with planned, filled and whole-team seats; totals below."""

    #: The shown position's own headcounts are taken off its team's totals.
    FIELDS = frozenset({"planned_headcount", "filled_headcount"})

    add_report_requested = Signal()

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("reportsPanel")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("reportsTable")
        self.table.setHorizontalHeaderLabels(
            [tr("ReportsPanel", "Position"), tr("ReportsPanel", "Planned"),
             tr("ReportsPanel", "Filled"), tr("ReportsPanel", "Seats in team")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # figures as wide as their header: the panel fits its dock
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(self._activated)
        self.totals = QLabel(self)
        self.totals.setObjectName("reportsTotals")
        self.totals.setWordWrap(True)  # the totals wrap rather than run off the panel
        buttons = QHBoxLayout()
        add = QPushButton(tr("ReportsPanel", "Add direct report"), self)
        add.setObjectName("addReportButton")
        add.clicked.connect(self.add_report_requested)
        up = QPushButton("↑", self)
        up.setObjectName("reportUpButton")
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton("↓", self)
        down.setObjectName("reportDownButton")
        down.clicked.connect(lambda: self._move(1))
        for button in (add, up, down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.totals)
        layout.addLayout(buttons)

    def needs_reload(self, changes: ChangeSet, structural: bool) -> bool:
        # The table shows the reports' titles and headcounts and the team totals:
        # a headcount edit anywhere below the shown position changes what it shows.
        if super().needs_reload(changes, structural):
            return True
        position = self.position
        if position is None:
            return False
        org = self.controller.org
        for pid in changes.positions_updated:
            changed = changes.fields_of(pid)
            if pid == position.id or pid not in org or (
                    changed is not None and not changed & _TEAM_FIELDS):
                continue
            superior = org.position(pid).superior_id
            if superior == position.id:
                return True
            if changed is None or changed & _HEADCOUNTS:
                # Headcounts reach the totals: is the position anywhere below?
                while superior is not None:
                    if superior == position.id:
                        return True
                    superior = org.position(superior).superior_id
        return False

    def load(self, position: Position | None) -> None:
        org = self.controller.org
        reports = org.direct_reports(position.id) if position else []
        # A table of 100,000 rows takes seconds to fill; the first rows and the
        # totals below say enough (the tree and the chart show every report).
        shown = reports[:MAX_ROWS]
        self.table.setRowCount(len(shown))
        for row, report in enumerate(shown):
            team = org.branch_totals(report.id)
            for column, value in enumerate((elide(report.title), report.planned_headcount,
                                            report.filled_headcount, team.planned)):
                item = QTableWidgetItem(str(value))
                item.setData(Qt.ItemDataRole.UserRole, int(report.id))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if position is None:
            self.totals.clear()
            return
        whole = org.branch_totals(position.id)
        self.totals.setText(
            tr("ReportsPanel",
               "{reports} · {below} · {planned}, {filled} filled, {vacant} vacant",
               reports=tr_n("ReportsPanel", "{count} direct report", "{count} direct reports",
                            len(reports)),
               below=tr_n("ReportsPanel", "{count} position below", "{count} positions below",
                          whole.positions - 1),
               planned=tr_n("ReportsPanel", "{count} seat planned", "{count} seats planned",
                            whole.planned - position.planned_headcount),
               filled=f"{whole.filled - position.filled_headcount:,}",
               vacant=f"{whole.vacancies - position.vacancies:,}")
            + ("" if len(reports) <= MAX_ROWS else
               " " + tr("ReportsPanel", "(the first {count} are listed)", count=MAX_ROWS)))

    def _activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.navigate.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _move(self, step: int) -> None:
        position = self.position
        row = self.table.currentRow()
        if position is None or row < 0:
            return
        target = row + step
        reports = self.controller.org.direct_reports(position.id)
        if not 0 <= target < len(reports):
            return
        moving = reports[row]
        self.controller.execute(
            tr("ReportsPanel", "Reorder {title}", title=moving.title),
            lambda s: s.move_position(moving.id, position.id, target))
        self.table.selectRow(target)
