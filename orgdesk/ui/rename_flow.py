"""Renaming positions in place: after an add, from the tree (F2) and in a chart box.

- A position added with Insert/Enter opens its title editor; Escape there
  cancels the add itself: the position goes and no undo step is left behind
  (neither to undo nor to redo).  The add's step carries a merge key of its
  own, and the withdrawal merges into it: a step that ends where it began is
  dropped by the undo stack (PatchCommand.mergeWith).
- A double-click on a chart box (or F2 while the chart has the focus) renames
  the position in the box (`BoxTitleEditor`), not in the tree far away.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate

from orgdesk.core.model import PositionId
from orgdesk.core.settings import HIGH_WATER_SETTING
from orgdesk.ui.box_rename import BoxTitleEditor
from orgdesk.ui.chart_pane import ChartPane
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.tree_view import OrgTreeView

if TYPE_CHECKING:
    from orgdesk.services import DocumentService


class Window(Protocol):
    """What the flow uses of the main window (which imports this module)."""

    controller: DocumentController
    tree: OrgTreeView
    chart: ChartPane

    def select_position(self, pid: PositionId) -> None: ...

    def rename_position(self, pid: int, title: str) -> None: ...


class AddToken:
    """The merge key of one add step; remembers the id high-water mark before it, which
    a cancelled add puts back (the position never existed, nothing refers to its id)."""

    def __init__(self, high_water: object) -> None:
        self.high_water = high_water


class _PendingAdd(NamedTuple):
    pid: PositionId
    token: AddToken  # the add step's merge key
    previous: PositionId | None  # the position current before the add
    step: int  # the undo stack's index just after the add


class RenameFlow(QObject):
    """The window's in-place renames and the cancelling of an untouched add."""

    def __init__(self, window: Window, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self._pending: _PendingAdd | None = None
        self._box_editor: BoxTitleEditor | None = None
        window.tree.editor_closed.connect(self._tree_editor_closed)
        # Any other step (a commit, an undo) ends the chance to cancel the add.
        window.controller.undo_stack.indexChanged.connect(self._index_changed)
        window.controller.changed.connect(self._document_changed)
        window.chart.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # F2 in the chart renames the selected box there, as F2 in the tree does in the tree.
        if watched is self.window.chart.view and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F2 \
                and not event.modifiers():
            selected = self.window.chart.view.selected_position()
            if selected is not None:
                self.rename_in_chart(PositionId(selected))
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ adding
    def add_token(self) -> AddToken:
        """A merge key for an add step that only its own cancellation shares."""
        return AddToken(self.window.controller.org.settings.get(HIGH_WATER_SETTING))

    def added(self, pid: PositionId, token: AddToken, previous: PositionId | None) -> None:
        """`pid` was just added (its step merges under `token`); its editor opens next."""
        self._pending = _PendingAdd(pid, token, previous,
                                    self.window.controller.undo_stack.index())

    def _index_changed(self, index: int) -> None:
        pending = self._pending
        if pending is not None and index != pending.step:
            self._pending = None

    def _tree_editor_closed(self, hint: QAbstractItemDelegate.EndEditHint) -> None:
        pending, self._pending = self._pending, None
        if pending is None or hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            return
        controller = self.window.controller
        stack = controller.undo_stack
        # Only the add itself, still the last step (nothing undone or done since).
        if pending.pid not in controller.org or stack.index() != pending.step \
                or stack.count() != pending.step or stack.cleanIndex() == pending.step:
            return
        def withdraw(service: DocumentService) -> None:
            service.remove_branch(pending.pid)
            service.set_setting(HIGH_WATER_SETTING, pending.token.high_water)
        # The same merge key: the add and its withdrawal cancel out, leaving no step.
        controller.execute(stack.undoText(), withdraw, pending.token)
        if pending.previous is not None:
            self.window.select_position(pending.previous)

    # ------------------------------------------------------------- chart boxes
    def rename_in_chart(self, pid: PositionId) -> bool:
        """Open the title editor over `pid`'s chart box; False when the chart does not
        show that box (yet: a position just added)."""
        window = self.window
        layout = window.chart.view.chart_layout()
        if pid not in window.controller.org or layout is None or pid not in layout.boxes:
            return False
        box = layout.boxes[pid]
        if self._box_editor is None:
            self._box_editor = BoxTitleEditor(window.chart.view)
            self._box_editor.committed.connect(
                lambda p, title: window.rename_position(int(p), title))
        window.select_position(pid)
        self._box_editor.open_over(int(pid), QRectF(box.x, box.y, box.w, box.h),
                                   window.controller.org.position(pid).title)
        return True

    def _document_changed(self, *_: object) -> None:
        # The position being renamed in its box was removed (an undo): nothing to rename.
        editor = self._box_editor
        if editor is not None and editor.pid is not None \
                and PositionId(editor.pid) not in self.window.controller.org:
            editor.cancel()
