"""The org tree as a Qt item model written over the document's Organisation.

It holds no copy of the data: every answer is read from the organisation,
keyed by position id (each index's internalId), so the model cannot drift
from the document.  `reset_from` is the one refresh entry point for now.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from orgdesk.core.model import Position, PositionId, PositionKind
from orgdesk.core.organisation import Organisation

PositionIdRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class OrgTreeModel(QAbstractItemModel):
    """One column: the position's title with its headcount badge and marks."""

    def __init__(self, org: Organisation, parent: Any = None) -> None:
        super().__init__(parent)
        self._org = org

    def reset_from(self, org: Organisation) -> None:
        self.beginResetModel()
        self._org = org
        self.endResetModel()

    # -------------------------------------------------------------- structure
    def _position(self, index: Index) -> Position | None:
        if not index.isValid():
            return None
        return self._org.position(PositionId(index.internalId()))

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        superior = self._position(parent)
        reports = self._org.direct_reports(superior.id if superior else None)
        if row >= len(reports):
            return QModelIndex()
        return self.createIndex(row, 0, reports[row].id)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        position = self._position(child)
        if position is None or position.superior_id is None:
            return QModelIndex()
        superior = self._org.position(position.superior_id)
        row = self._org.direct_reports(superior.superior_id).index(superior)
        return self.createIndex(row, 0, superior.id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        superior = self._position(parent)
        return len(self._org.direct_reports(superior.id if superior else None))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def index_of(self, pid: PositionId) -> QModelIndex:
        position = self._org.position(pid)
        row = self._org.direct_reports(position.superior_id).index(position)
        return self.createIndex(row, 0, pid)

    # ------------------------------------------------------------------- data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        position = self._position(index)
        if position is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = position.title
            if position.planned_headcount > 1:
                text += f" ×{position.planned_headcount}"
            if position.kind is PositionKind.STAFF:
                text += "  ⟂"
            if position.vacancies:
                text += f"  ({self.tr('vacant')} {position.vacancies})"
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            # A transparent swatch keeps titles aligned for positions without a department.
            if position.department_id is None:
                return QColor(0, 0, 0, 0)
            return QColor(self._org.department(position.department_id).colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            department = (self._org.department(position.department_id).name
                          if position.department_id is not None else "—")
            return (f"{position.title}\n{self.tr('Department')}: {department}\n"
                    f"{self.tr('Planned')}: {position.planned_headcount}  "
                    f"{self.tr('Filled')}: {position.filled_headcount}")
        if role == Qt.ItemDataRole.FontRole and position.kind is PositionKind.STAFF:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and position.vacancies:
            return QBrush(QColor("#8A4B00"))
        if role == PositionIdRole:
            return int(position.id)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section == 0:
            return self.tr("Position")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
