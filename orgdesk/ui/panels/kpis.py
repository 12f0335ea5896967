"""kpiPanel: the KPIs (KPI指标) of the selected position, name and target."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
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
from orgdesk.ui.panels.list_history import EditBursts, kpi_label, kpi_words

#: Marks a row added with "Add KPI" whose name is not typed yet (the list editor's
#: role number, so the shared delegate shows its hint there too).
PENDING_ROLE = Qt.ItemDataRole.UserRole + 17

#: The target column takes at most this share of the table's width; the name wraps.
TARGET_SHARE = 0.45


class _KpiTable(QTableWidget):
    """The KPI table, saying when an in-place editor closes (a new row may then go)."""

    editor_closed = Signal()

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.editor_closed.emit()


class KpiPanel(PositionPanel):
    """An editable two-column table; each change is one undo step."""

    FIELDS = frozenset({"kpis"})

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("kpiPanel")
        self.table = _KpiTable(0, 2, self)
        self.table.setObjectName("kpiTable")
        self.table.setHorizontalHeaderLabels([tr("KpiPanel", "KPI"), tr("KpiPanel", "Target")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setVisible(False)
        # Long names wrap onto more lines instead of being cut off.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.editor_closed.connect(self._drop_pending)
        self.table.setItemDelegate(ShortDelegate(self.table))  # a KPI may be megabytes long
        self.table.itemChanged.connect(self._item_changed)
        self.bursts = EditBursts(self)  # one burst of edits in the table is one undo step
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
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The target column as wide as its widest text (up to TARGET_SHARE of the
        table), the name column the rest."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        padding = 2 * self.table.style().pixelMetric(
            self.table.style().PixelMetric.PM_FocusFrameHMargin) + 16
        header_item = self.table.horizontalHeaderItem(1)
        cells = (self.table.item(row, 1) for row in range(self.table.rowCount()))
        texts = [header_item.text() if header_item else ""] + [
            cell.text()[:200] for cell in cells if cell is not None]
        widest = max(metrics.horizontalAdvance(text) for text in texts) + padding
        limit = int(self.table.viewport().width() * TARGET_SHARE)
        header.resizeSection(1, max(header.minimumSectionSize(), min(widest, limit)))
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _commit(self, kpis: tuple[Kpi, ...] | None = None) -> None:
        position = self.position
        if position is None:
            return
        items = self.kpis() if kpis is None else kpis
        self.edit_list(self.bursts.next_edit(), "kpis", kpi_words(), lambda p: p.kpis, items,
                       kpi_label, kpis=items)

    def _add(self) -> None:
        """A new row after the current one with its name editor open, as in the duties;
        it reaches the document once a name is typed (Escape leaves nothing)."""
        if self.position is None:
            return
        current = self.table.currentRow()
        row = current + 1 if current >= 0 else self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        name = QTableWidgetItem("")
        name.setData(PENDING_ROLE, True)  # the delegate shows a hint and confirms it
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(""))
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(name)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.data(PENDING_ROLE):
            if not item.text().strip():
                return  # still only a row being typed
            self.table.blockSignals(True)
            item.setData(PENDING_ROLE, None)  # confirmed: a KPI like any other
            self.table.blockSignals(False)
        self._commit()

    def _drop_pending(self) -> None:
        """After an editor closed: a new row left without a name goes."""
        names = ((row, self.table.item(row, 0)) for row in range(self.table.rowCount()))
        rows = [row for row, name in names if name is not None and name.data(PENDING_ROLE)]
        if not rows or self.table.state() == QAbstractItemView.State.EditingState:
            return
        self.table.blockSignals(True)
        for row in reversed(rows):
            self.table.removeRow(row)
        self.table.blockSignals(False)

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
