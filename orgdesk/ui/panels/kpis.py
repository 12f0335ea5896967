"""kpiPanel: the KPIs (KPI指标) of the selected position, name and target."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.model import Kpi, Position
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.panels.base import PositionPanel, tr
from orgdesk.ui.panels.list_editor import ShortDelegate


class KpiPanel(PositionPanel):
    """An editable two-column table; each change is one undo step."""

    FIELDS = frozenset({"kpis"})

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("kpiPanel")
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("kpiTable")
        self.table.setHorizontalHeaderLabels([tr("KpiPanel", "KPI"), tr("KpiPanel", "Target")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegate(ShortDelegate(self.table))  # a KPI may be megabytes long
        self.table.itemChanged.connect(lambda _item: self._commit())
        buttons = QHBoxLayout()
        for name, text, slot in (("addKpiButton", tr("KpiPanel", "Add KPI"), self._add),
                                 ("deleteKpiButton", tr("KpiPanel", "Delete"), self._delete),
                                 ("kpiUpButton", "↑", lambda: self._move(-1)),
                                 ("kpiDownButton", "↓", lambda: self._move(1))):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def kpis(self) -> tuple[Kpi, ...]:
        rows = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            target = self.table.item(row, 1)
            text = name.text().strip() if name else ""
            if text:
                rows.append(Kpi(text, target.text().strip() if target else ""))
        return tuple(rows)

    def load(self, position: Position | None) -> None:
        kpis = position.kpis if position else ()
        self.table.blockSignals(True)
        self.table.setRowCount(len(kpis))
        for row, kpi in enumerate(kpis):
            self.table.setItem(row, 0, QTableWidgetItem(kpi.name))
            self.table.setItem(row, 1, QTableWidgetItem(kpi.target))
        self.table.blockSignals(False)

    def _commit(self, kpis: tuple[Kpi, ...] | None = None) -> None:
        position = self.position
        if position is None:
            return
        self.edit(tr("KpiPanel", "Edit KPIs of {title}", title=position.title),
                  kpis=self.kpis() if kpis is None else kpis)

    def _add(self) -> None:
        position = self.position
        if position is not None:
            self._commit((*position.kpis, Kpi(tr("KpiPanel", "New KPI"))))

    def _delete(self) -> None:
        position = self.position
        row = self.table.currentRow()
        if position is not None and 0 <= row < len(position.kpis):
            self._commit(position.kpis[:row] + position.kpis[row + 1:])

    def _move(self, step: int) -> None:
        position = self.position
        row = self.table.currentRow()
        target = row + step
        if position is None or not (0 <= row < len(position.kpis)) \
                or not 0 <= target < len(position.kpis):
            return
        kpis = list(position.kpis)
        kpis[row], kpis[target] = kpis[target], kpis[row]
        self._commit(tuple(kpis))
        self.table.setCurrentCell(target, 0)
