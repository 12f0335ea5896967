"""The org tree as a Qt item model written over the document's Organisation.

It holds no copy of the data: every answer is read from the organisation,
keyed by position id.  Only the rows are mirrored (`tree_rows.TreeRows`): Qt
must be told of an insert, move or removal while the model still shows the
rows as they were, and the organisation has already changed when an edit is
announced; `apply_changes` gives Qt precise row steps worked out from the
edit's change set, so the views keep their expansion, selection and scroll
position.  An index's internalId is not the id itself but a small
key the model hands out (0, 1, 2 … in the order ids are first seen): Qt keeps
internal ids as unsigned pointers, so a negative id crashed `createIndex`, and
ids up to 2⁶³−1 must survive the round trip whatever their sign or size.  Edits made through the model
(rename in place, drag and drop) go to the document controller as undoable
commands; the model itself never changes data.
"""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import Position, PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.layout.style import OVER as OVER_COLOUR
from orgdesk.ui.i18n import tr
from orgdesk.ui.long_text import elide
from orgdesk.ui.tree_rows import Insert, Move, OutOfStep, Remove, Step, TreeRows, plan, size

PositionIdRole = Qt.ItemDataRole.UserRole + 1
MIME_POSITIONS = "application/x-orgdesk-position-ids"

Index = QModelIndex | QPersistentModelIndex

#: Above about this many row steps for one edit (new or removed branches, re-parented
#: positions: see tree_rows.size) the model is reset instead of followed row by row,
#: and STEP_BUDGET stops a plan that turns out longer (a reordering of many siblings).
#: Each step costs Qt a pass over every persistent index (the open rows, the
#: selection), asking the model for parents: 1,000 scattered positions moved one by one
#: under a 1,000-row selection took minutes, where one reset and re-opening the tree
#: takes a fraction of a second.  Everyday edits (an insert, a delete, a move, a pasted
#: branch of any size, a few selected positions moved or deleted) are a step or three.
PRECISE_LIMIT = 32
STEP_BUDGET = 64
#: Position fields the tree's rows show (the title, its badge and marks, the swatch,
#: the italics); a change of only other fields repaints nothing.
SHOWN_FIELDS = frozenset({"title", "planned_headcount", "filled_headcount", "department_id",
                          "kind"})

#: Combined once: an enum `|` in Python costs microseconds, and a view asks for the
#: flags of every row it lays out.
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
              | Qt.ItemFlag.ItemIsDropEnabled)
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled


class OrgTreeModel(QAbstractItemModel):
    """One column: the position's title with its headcount badge and marks."""

    #: (position id, new title) — a rename typed in place.  Ids travel as Python
    #: objects: a Signal(int) is a 32-bit C++ int and would cut a large id.
    rename_requested = Signal(object, str)
    #: (position ids, new superior id or None for the top level, row, with_reports)
    move_requested = Signal(list, object, int, bool)

    def __init__(self, org: Organisation, parent: Any = None) -> None:
        super().__init__(parent)
        self._org = org
        self._rows = TreeRows.of(org)
        self._tracking_staff = self._staffing_tracked()
        # Internal keys of the indexes (see the module docstring).  They only grow:
        # an index a view still holds after an edit must never name another position.
        self._key_of: dict[PositionId, int] = {}
        self._id_of: list[PositionId] = []
        self._highlighted: set[PositionId] = set()
        self._highlight_brush: QBrush | None = None

    def set_highlighted(self, ids: set[PositionId], brush: QBrush) -> None:
        """Give some rows a background (the changes found by Compare With…)."""
        changed = self._highlighted | ids
        self._highlighted = set(ids)
        self._highlight_brush = brush
        self.refresh_positions([pid for pid in changed if pid in self._org])

    def _staffing_tracked(self) -> bool:
        # Vacancy marks only mean something once the consultant records filled
        # seats somewhere; a pure design (nothing filled) would be all "vacant".
        return any(p.filled_headcount for p in self._org.positions())

    @property
    def org(self) -> Organisation:
        return self._org

    def reset_from(self, org: Organisation) -> None:
        self.beginResetModel()
        self._org = org
        self._rows = TreeRows.of(org)
        self._tracking_staff = self._staffing_tracked()
        self.endResetModel()

    def can_follow(self, changes: ChangeSet, org: Organisation) -> bool:
        """Whether `apply_changes` would follow this edit row by row (else it resets).

        A reset is kept for what is not worth following: another organisation object
        (the service reloaded the file, a whole document replaced), a structural change
        announced without its ids, or more than PRECISE_LIMIT row steps."""
        if org is not self._org:
            return False
        touched = changes.positions_added or changes.positions_updated \
            or changes.positions_removed
        return bool(touched) and size(self._rows, org, changes) <= PRECISE_LIMIT

    def apply_changes(self, changes: ChangeSet, org: Organisation) -> bool:
        """Follow a structural edit (or its undo) with precise row inserts, moves and
        removals, then repaint the rows whose shown fields changed; True when followed,
        False when the model was reset instead (see `can_follow`)."""
        if not self.can_follow(changes, org):
            self.reset_from(org)
            return False
        try:
            for count, step in enumerate(plan(self._rows, org, changes)):
                if count == STEP_BUDGET:
                    raise OutOfStep(step)  # cheaper as a reset from here on
                self._perform(step)
        except OutOfStep:
            # Too many steps after all, or the change set did not explain the difference
            # (a bug elsewhere): the rows are rebuilt from the document, never left wrong.
            self.reset_from(org)
            return False
        if len(self._rows) != len(org):
            self.reset_from(org)
            return False
        self.refresh_positions([
            pid for pid in changes.positions_updated
            if pid in org and ((fields := changes.fields_of(pid)) is None
                               or fields & SHOWN_FIELDS)])
        return True

    def _perform(self, step: Step) -> None:
        """One row step: told to Qt around the mirror's change, as Qt requires."""
        rows = self._rows
        if isinstance(step, Insert):
            parent = self._parent_index(step.parent)
            self.beginInsertRows(parent, step.row, step.row + len(step.ids) - 1)
            rows.apply(step)
            self.endInsertRows()
        elif isinstance(step, Remove):
            self.beginRemoveRows(self._parent_index(step.parent), step.first, step.last)
            rows.apply(step)
            self.endRemoveRows()
        elif isinstance(step, Move):
            if not self.beginMoveRows(self._parent_index(step.parent), step.first, step.last,
                                      self._parent_index(step.target), step.row):
                raise OutOfStep(step)  # Qt refused it (a branch under itself)
            rows.apply(step)
            self.endMoveRows()

    def _parent_index(self, superior: PositionId | None) -> QModelIndex:
        return QModelIndex() if superior is None else self.index_of(superior)

    def refresh_positions(self, pids: list[PositionId]) -> None:
        """Field changes without moves: repaint just those rows."""
        tracking = self._staffing_tracked()
        if tracking != self._tracking_staff:
            # Vacancy marks appear or vanish on every row: repaint them all.  A
            # reset would collapse the tree and drop the selection.
            self._tracking_staff = tracking
            pids = [p.id for p in self._org.positions()]
        for pid in pids:
            if pid in self._org and pid in self._rows:
                index = self.index_of(pid)
                self.dataChanged.emit(index, index)

    # -------------------------------------------------------------- structure
    def _key(self, pid: PositionId) -> int:
        key = self._key_of.get(pid)
        if key is None:
            key = self._key_of[pid] = len(self._id_of)
            self._id_of.append(pid)
        return key

    def id_at(self, index: Index) -> PositionId | None:
        """The position id an index of this model stands for (None for the root)."""
        if not index.isValid():
            return None
        key = index.internalId()
        return self._id_of[key] if 0 <= key < len(self._id_of) else None

    def _position(self, index: Index) -> Position | None:
        pid = self.id_at(index)
        if pid is None:
            return None
        # While the rows follow an edit, a row removed from the document a step later
        # is still shown; it answers nothing.
        return self._org.position(pid) if pid in self._org else None

    # index, parent and rowCount are asked for every row a view lays out, after every
    # structural edit (QTreeView lays out all its open rows again): they answer from
    # the rows alone, with as few calls as they can.
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column or row < 0:
            return QModelIndex()
        if parent.isValid():
            try:
                reports = self._rows.reports.get(self._id_of[parent.internalId()])
            except IndexError:  # not an index of this model
                return QModelIndex()
        else:
            reports = self._rows.reports[None]
        if reports is None or row >= len(reports):
            return QModelIndex()
        pid = reports[row]
        key = self._key_of.get(pid)
        return self.createIndex(row, 0, self._key(pid) if key is None else key)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # Qt overloads parent(): QObject's and the model's parent(index)
        pid = self.id_at(child)
        rows = self._rows
        superior = rows.superior.get(pid) if pid is not None else None
        if superior is None:
            return QModelIndex()
        return self.createIndex(rows.row_of(superior), 0, self._key(superior))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._rows.reports[None])
        if parent.column():
            return 0
        try:
            reports = self._rows.reports.get(self._id_of[parent.internalId()])
        except IndexError:  # not an index of this model
            return 0
        return 0 if reports is None else len(reports)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def index_of(self, pid: PositionId) -> QModelIndex:
        """The row of `pid` (an invalid index for a position the tree does not show)."""
        if pid not in self._rows:
            return QModelIndex()
        return self.createIndex(self._rows.row_of(pid), 0, self._key(pid))

    # ------------------------------------------------------------------- data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        position = self._position(index)
        if position is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = elide(position.title)  # a row measures its whole text
            if position.planned_headcount > 1:
                text += f" ×{position.planned_headcount}"
            if position.over:  # filled beyond the plan: 超编, whatever else is recorded
                text += "  " + tr("OrgTreeModel", "({count} over)", count=position.over)
            elif position.vacancies and self._tracking_staff:
                text += "  " + tr("OrgTreeModel", "({count} vacant)", count=position.vacancies)
            return text
        if role == Qt.ItemDataRole.EditRole:
            return position.title
        if role == Qt.ItemDataRole.DecorationRole:
            # A transparent swatch keeps titles aligned for positions without a department.
            if position.department_id is None:
                return QColor(0, 0, 0, 0)
            return QColor(self._org.department(position.department_id).colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            department = (self._org.department(position.department_id).name
                          if position.department_id is not None else "—")
            kind = tr("OrgTreeModel", "staff / assistant") if position.kind is PositionKind.STAFF \
                else tr("OrgTreeModel", "line")
            return (f"{elide(position.title)}\n"
                    f"{tr('OrgTreeModel', 'Department')}: {elide(department)}\n"
                    f"{tr('OrgTreeModel', 'Kind')}: {kind}\n"
                    f"{tr('OrgTreeModel', 'Planned')}: {position.planned_headcount}  "
                    f"{tr('OrgTreeModel', 'Filled')}: {position.filled_headcount}  "
                    + (f"{tr('OrgTreeModel', 'Over')}: {position.over}" if position.over else
                       f"{tr('OrgTreeModel', 'Vacant')}: {position.vacancies}"))
        if role == Qt.ItemDataRole.FontRole and position.kind is PositionKind.STAFF:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if position.over:
                return QBrush(QColor(OVER_COLOUR))
            if position.vacancies and self._tracking_staff:
                return QBrush(QColor("#9A5B00"))
        if role == Qt.ItemDataRole.BackgroundRole and position.id in self._highlighted:
            return self._highlight_brush
        if role == PositionIdRole:
            return int(position.id)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        position = self._position(index)
        if position is None or role != Qt.ItemDataRole.EditRole:
            return False
        title = str(value).strip()
        if not title or title == position.title:
            return False
        self.rename_requested.emit(int(position.id), title)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section == 0:
            return tr("OrgTreeModel", "Position")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _ROOT_FLAGS

    # ------------------------------------------------------------ drag & drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_POSITIONS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # Qt passes a list; the stub says Sequence
        data = QMimeData()
        ids = [int(pid) for pid in map(self.id_at, indexes) if pid is not None]
        data.setData(MIME_POSITIONS, json.dumps(ids).encode("ascii"))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(MIME_POSITIONS)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not data.hasFormat(MIME_POSITIONS):
            return False
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(MIME_POSITIONS).data()))]
        except (ValueError, TypeError):
            return False
        target = self._position(parent)
        alone = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.move_requested.emit(ids, target.id if target else None, row, not alone)
        # The controller performs the move and the model follows it; returning False
        # stops the view from removing the dragged rows itself.
        return False
