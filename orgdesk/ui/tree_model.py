"""The org tree as a Qt item model: one QStandardItem per position, kept in step
with the document's Organisation.

QTreeView lays out every open row again after each structural edit (Qt's own
rule: an insert, move or removal under an open row schedules a full layout).
A model written in Python answered three to five calls per open row in that
pass (index, flags twice, hasChildren…), about 2 µs each: 20-30 ms for the
3,000-4,000 open rows of a 10,000-position tree, on every edit.  A
QStandardItemModel answers them in C++ (under a millisecond), so the model
keeps a C++ item per position for the layout's questions.

The items hold only the rows' places and each row's position id; what a row
shows (title, marks, swatch, italics, colours, tooltip) is read from the
document when a view paints it, for the rows in sight.

The rows are mirrored (`tree_rows.TreeRows`): an edit is announced
after the organisation has changed, and `plan` works out from the edit's change
set the precise inserts, removals and moves that bring the items up to date,
so views keep their expansion, selection and scroll position.  Qt's
QStandardItemModel cannot move rows, so a move takes the block's items (with
everything under them) and inserts them at their new place; `rows_moving` and
`rows_moved` let the view keep what it showed of the block (which rows were
open, which were selected).  Each item carries its position id
(PositionIdRole, a 64-bit integer, so any id survives, whatever its sign or
size).  Edits made through the model (rename in place, drag and drop) go to
the document controller as undoable commands; the model never changes the
document itself.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QStandardItem, QStandardItemModel

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import Position, PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.layout.style import OVER as OVER_COLOUR
from orgdesk.ui.i18n import tr
from orgdesk.ui.long_text import elide
from orgdesk.ui.tree_rows import Insert, Move, OutOfStep, Remove, Step, TreeRows, plan, size

PositionIdRole = int(Qt.ItemDataRole.UserRole.value) + 1
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

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_NO_COLOUR = QColor(0, 0, 0, 0)
_OVER_BRUSH = QBrush(QColor(OVER_COLOUR))
_VACANT_BRUSH = QBrush(QColor("#9A5B00"))
_ITALIC = QFont()
_ITALIC.setItalic(True)
_BACKGROUND_ONLY = [_BACKGROUND]


#: Qt attaches, detaches and deletes a branch of items recursively, each level
#: walking the whole branch under it again: a chain of 5,000 levels took 3 s to
#: delete, 20,000 levels 74 s, and a 100,000-level chain overflowed the C stack
#: as it was added.  Branches with more levels than this under their top are
#: added top down and emptied deepest first, one level at a time, and a move of
#: one (which Qt would detach whole) resets the model.
DEEP_LEVELS = 64


class OrgTreeModel(QStandardItemModel):
    """One column: the position's title with its headcount badge and marks."""

    #: (position id, new title) — a rename typed in place.  Ids travel as Python
    #: objects: a Signal(int) is a 32-bit C++ int and would cut a large id.
    rename_requested = Signal(object, str)
    #: (position ids, new superior id or None for the top level, row, with_reports)
    move_requested = Signal(list, object, int, bool)
    #: (ids of the rows about to move, with everything under them): a view notes
    #: which of them it shows open or selected, before the rows are taken.
    rows_moving = Signal(list)
    #: (the same ids) once they are in their new place.
    rows_moved = Signal(list)

    def __init__(self, org: Organisation, parent: Any = None) -> None:
        super().__init__(parent)
        self._org = org
        self._rows = TreeRows.of(org)
        self._tracking_staff = self._staffing_tracked()
        self._items: dict[PositionId, QStandardItem] = {}
        self._highlighted: set[PositionId] = set()
        self._highlight_brush: QBrush | None = None
        # PySide notes which Python wrapper each item went under; when a wrapper is
        # freed it walks what is under it, recursively (a deep chain overflowed the C
        # stack).  The root's wrapper is kept for the model's life, and every item's in
        # _items until its row goes (emptied first: see DEEP_LEVELS).
        self._root = self.invisibleRootItem()
        # Qt made the root item, so PySide is not told when Qt deletes it (with the
        # model): its wrapper must not outlive it, or PySide would hand it out for
        # whatever C++ object is made next at that address.
        root = self._root
        self.destroyed.connect(lambda *_: shiboken6.invalidate(root))
        self._fill()

    def set_highlighted(self, ids: set[PositionId], brush: QBrush) -> None:
        """Give some rows a background (search matches, the changes Compare found):
        only the rows whose background changes are repainted."""
        before, brush_before = self._highlighted, self._highlight_brush
        self._highlighted = set(ids)
        self._highlight_brush = brush
        changed = before ^ self._highlighted if brush_before == brush \
            else before | self._highlighted
        self._repaint(changed, _BACKGROUND_ONLY)

    def _staffing_tracked(self) -> bool:
        # Vacancy marks only mean something once the consultant records filled
        # seats somewhere; a pure design (nothing filled) would be all "vacant".
        return any(p.filled_headcount for p in self._org.positions())

    @property
    def org(self) -> Organisation:
        return self._org

    # ------------------------------------------------------------------ items
    def _fill(self) -> None:
        """Items for every row of the mirror."""
        self._add(self._root, 0, self._rows.reports[None], self._rows.reports)

    def _add(self, parent: QStandardItem, row: int, tops: Sequence[PositionId],
             reports: Mapping[Any, Sequence[PositionId]]) -> None:
        """Insert items for `tops` and everything under them (`reports`: each
        superior's reports) under `parent` from `row` on: one row insert for Qt."""
        if not tops:
            return
        if parent.columnCount() == 0:
            # A row without reports has no column yet; inserting its first row would
            # insert the column within the row insert (a change inside a change,
            # which Qt's model checker rightly refuses): the column comes first.
            parent.setColumnCount(1)
        made = [self._make(pid) for pid in tops]
        if self._levels(tops, reports) <= DEEP_LEVELS:
            self._add_below(made, reports)  # built apart, then added in one go
            parent.insertRows(row, made)
        else:
            parent.insertRows(row, made)  # top down: Qt attaches one level at a time
            self._add_below(made, reports)

    def _add_below(self, items: list[QStandardItem],
                   reports: Mapping[Any, Sequence[PositionId]]) -> None:
        stack = list(items)
        while stack:
            item = stack.pop()
            under = reports.get(PositionId(item.data(PositionIdRole)))
            if under:
                children = [self._make(child) for child in under]
                item.appendRows(children)
                stack.extend(children)

    def _levels(self, tops: Sequence[PositionId],
                reports: Mapping[Any, Sequence[PositionId]]) -> int:
        """How many levels the branches under `tops` have (counted up to just past
        DEEP_LEVELS)."""
        level, levels = list(tops), 0
        while level and levels <= DEEP_LEVELS:
            level = [child for pid in level for child in reports.get(pid, ())]
            levels += 1
        return levels

    def _empty(self, parent: QStandardItem, tops: Sequence[PositionId]) -> None:
        """Delete the rows under `tops` deepest first (see DEEP_LEVELS), when deep."""
        if self._levels(tops, self._rows.reports) <= DEEP_LEVELS:
            return
        order, stack = [], list(tops)
        reports = self._rows.reports
        while stack:
            pid = stack.pop()
            under = reports.get(pid)
            if under:
                order.append(pid)
                stack.extend(under)
        items = self._items
        for pid in reversed(order):
            item = items[pid]
            item.removeRows(0, item.rowCount())

    def _make(self, pid: PositionId) -> QStandardItem:
        # An item holds the row's place and its position id; what the row shows is
        # read from the document when a view paints it (`data`), for the rows in sight.
        item = QStandardItem()
        item.setData(int(pid), PositionIdRole)
        self._items[pid] = item
        return item

    def reset_from(self, org: Organisation) -> None:
        self._reset(org)

    def dismantle(self) -> None:
        """Let go of the rows of a deep tree before the model is deleted (Qt would
        delete them recursively: see DEEP_LEVELS)."""
        if self._levels(self._rows.reports[None], self._rows.reports) > DEEP_LEVELS:
            self._reset(None)

    def _reset(self, org: Organisation | None) -> None:
        """One model reset: the rows of `org`, or none."""
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset, not a removal and an insert inside it
        try:
            self._clear()
            if org is None:
                self._rows = TreeRows()
            else:
                self._org = org
                self._rows = TreeRows.of(org)
                self._tracking_staff = self._staffing_tracked()
                self._fill()
        finally:
            self.blockSignals(blocked)
        self.endResetModel()

    def _clear(self) -> None:
        root = self._root
        self._empty(root, self._rows.reports[None])
        root.removeRows(0, root.rowCount())
        self._items.clear()

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
        self.refresh_changes(changes)
        return True

    def _item(self, superior: PositionId | None) -> QStandardItem:
        return self._root if superior is None else self._items[superior]

    def _perform(self, step: Step) -> None:
        """One row step, made on the items and then on the mirror."""
        rows = self._rows
        if isinstance(step, Insert):
            self._add(self._item(step.parent), step.row, step.ids, step.reports)
            rows.apply(step)
        elif isinstance(step, Remove):
            tops = rows.reports[step.parent][step.first:step.last + 1]
            parent = self._item(step.parent)
            self._empty(parent, tops)
            parent.removeRows(step.first, len(tops))
            gone = list(tops)
            while gone:  # their items went with the rows
                pid = gone.pop()
                gone.extend(rows.reports.get(pid, ()))
                self._items.pop(pid, None)
            rows.apply(step)
        elif isinstance(step, Move):
            block = rows.reports[step.parent][step.first:step.last + 1]
            if step.target is not None and any(
                    top == step.target or self._under(step.target, top) for top in block):
                raise OutOfStep(step)  # a branch under itself
            if self._levels(block, rows.reports) > DEEP_LEVELS:
                raise OutOfStep(step)  # Qt would detach the deep branch whole: a reset
            self.rows_moving.emit(block)
            source = self._item(step.parent)
            taken = [source.takeRow(step.first)[0] for _ in block]
            row = step.row
            if step.target == step.parent and row > step.last:
                row -= len(block)
            target = self._item(step.target)
            if target.columnCount() == 0:
                target.setColumnCount(1)
            target.insertRows(row, taken)
            rows.apply(step)
            self.rows_moved.emit(block)

    def _under(self, pid: PositionId, top: PositionId) -> bool:
        """Whether `pid` is somewhere under `top` in the rows."""
        superior = self._rows.superior.get(pid)
        while superior is not None:
            if superior == top:
                return True
            superior = self._rows.superior.get(superior)
        return False

    def refresh_changes(self, changes: ChangeSet) -> None:
        """Repaint the rows a field edit changed (shown fields only) and the rows of
        departments whose colour changed."""
        org = self._org
        pids = [pid for pid in changes.positions_updated
                if pid in org and ((fields := changes.fields_of(pid)) is None
                                   or fields & SHOWN_FIELDS)]
        departments = set(changes.departments_updated) | set(changes.departments_removed)
        if departments:
            pids += [p.id for p in org.positions() if p.department_id in departments]
        self.refresh_positions(pids)

    def refresh_positions(self, pids: Iterable[PositionId]) -> None:
        """Field changes without moves: repaint just those rows."""
        tracking = self._staffing_tracked()
        if tracking != self._tracking_staff:
            # Vacancy marks appear or vanish on every row: repaint them all.  A
            # reset would collapse the tree and drop the selection.
            self._tracking_staff = tracking
            pids = [p.id for p in self._org.positions()]
        self._repaint(pids)

    def _repaint(self, pids: Iterable[PositionId], roles: list[int] | None = None) -> None:
        items = self._items
        for pid in pids:
            item = items.get(pid)
            if item is not None:
                index = item.index()
                if roles is None:
                    self.dataChanged.emit(index, index)
                else:
                    self.dataChanged.emit(index, index, roles)

    # -------------------------------------------------------------- look-ups
    def id_at(self, index: Index) -> PositionId | None:
        """The position id an index of this model stands for (None for the root)."""
        if not index.isValid() or index.model() is not self:
            return None
        value = super().data(index, PositionIdRole)
        return None if value is None else PositionId(int(value))

    def _position(self, index: Index) -> Position | None:
        pid = self.id_at(index)
        if pid is None:
            return None
        # While the rows follow an edit, a row removed from the document a step later
        # is still shown; it answers nothing.
        return self._org.position(pid) if pid in self._org else None

    def index_of(self, pid: PositionId) -> QModelIndex:
        """The row of `pid` (an invalid index for a position the tree does not show)."""
        item = self._items.get(pid)
        return QModelIndex() if item is None else item.index()

    # ------------------------------------------------------------------- data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for the rows a view paints or measures only: the layout of the open
        # rows (index, parent, row counts, flags) is the items' own, in C++.
        if role == PositionIdRole:
            return super().data(index, role)
        position = self._position(index)
        if position is None:
            return None
        if role == _DISPLAY:
            text = elide(position.title)  # a row measures its whole text
            if position.planned_headcount > 1:
                text += f" ×{position.planned_headcount}"
            if position.over:  # filled beyond the plan: 超编, whatever else is recorded
                text += "  " + tr("OrgTreeModel", "({count} over)", count=position.over)
            elif position.vacancies and self._tracking_staff:
                text += "  " + tr("OrgTreeModel", "({count} vacant)",
                                  count=position.vacancies)
            return text
        if role == _EDIT:
            return position.title
        if role == _DECORATION:
            # A transparent swatch keeps titles aligned for positions without a department.
            if position.department_id is None:
                return _NO_COLOUR
            return QColor(self._org.department(position.department_id).colour)
        if role == _TOOLTIP:
            return self._tooltip(position)
        if role == _FONT:
            return _ITALIC if position.kind is PositionKind.STAFF else None
        if role == _FOREGROUND:
            if position.over:
                return _OVER_BRUSH
            if position.vacancies and self._tracking_staff:
                return _VACANT_BRUSH
            return None
        if role == _BACKGROUND and position.id in self._highlighted:
            return self._highlight_brush
        return None

    def _tooltip(self, position: Position) -> str:
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

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        # Only the in-place editor calls this: the rename goes to the controller as an
        # undoable command, and the row follows the document from there.
        position = self._position(index)
        if position is None or role != _EDIT:
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
