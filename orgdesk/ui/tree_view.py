"""The position tree view: follows structural edits keeping expansion and selection."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QTreeView,
    QWidget,
)

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.ui.tree_model import OrgTreeModel


class _TitleDelegate(QStyledItemDelegate):
    """The in-place title editor keeps the plain keys it needs.

    The window's tree shortcuts (Enter adds a sibling, Del deletes, Insert adds
    a report, Alt+Up/Down reorder) would otherwise fire while a title is being
    typed: Enter would add a sibling instead of confirming the rename.

    Ctrl+Z with nothing typed to undo (the editor an add opened, or F2 pressed
    and nothing typed yet) closes the editor and is the window's Undo: the
    editor no longer swallows it.
    """

    _MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                  | Qt.KeyboardModifier.MetaModifier)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) and isinstance(editor, QLineEdit) \
                    and not editor.isUndoAvailable():
                # Nothing typed: close (keeping the title as it is) and let Undo through.
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                event.ignore()
                return True
            plain = not event.modifiers() & self._MODIFIERS
            alt_arrow = event.modifiers() & Qt.KeyboardModifier.AltModifier and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            if plain or alt_arrow:
                event.accept()
                return True
        return super().eventFilter(editor, event)


class OrgTreeView(QTreeView):
    """A QTreeView with drag and drop moves and state-preserving refreshes."""

    #: The in-place title editor closed (its QAbstractItemDelegate.EndEditHint:
    #: RevertModelCache when Escape cancelled it).
    editor_closed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # Renaming starts with F2 (or after an add), never by a click on the current row:
        # that editor opened after a delay and took the next Ctrl+Z or Insert for itself.
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        # Ctrl/Shift+click and Shift+arrows select several positions (bulk edit, delete,
        # move); the current row, the panels' subject, is the one last clicked.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setItemDelegate(_TitleDelegate(self))
        #: What a moving block of rows showed (see _rows_moving).
        self._moving: tuple[list[PositionId], PositionId | None, list[PositionId], bool] = \
            ([], None, [], False)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if isinstance(model, OrgTreeModel):
            model.rows_moving.connect(self._rows_moving)
            model.rows_moved.connect(self._rows_moved)

    def _rows_moving(self, tops: list[PositionId]) -> None:
        """Before a block of rows is taken out to be put back elsewhere (the model's
        way of moving): note which of its rows are open and selected, and which is
        current, and keep the selection model quiet until they are back."""
        model = self.tree_model()
        opened: list[PositionId] = []
        current = self.current_id()
        inside = False
        stack = [model.index_of(pid) for pid in tops]
        while stack:
            index = stack.pop()
            pid = model.id_at(index)
            if pid is None:
                continue
            inside = inside or pid == current
            if self.isExpanded(index):
                opened.append(pid)
                stack.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
        selection = self.selectionModel()
        selected = [pid for index in selection.selectedRows()
                    if (pid := model.id_at(index)) is not None]
        self._moving = (opened, current if inside else None, selected,
                        selection.blockSignals(True))

    def _rows_moved(self, _tops: list[PositionId]) -> None:
        """The block is back in its new place: open, select and make current again
        what was before."""
        opened, current, selected, blocked = self._moving
        model = self.tree_model()
        selection = self.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        try:
            for pid in opened:
                self.setExpanded(model.index_of(pid), True)
            missing = QItemSelection()
            for pid in selected:
                index = model.index_of(pid)
                if index.isValid() and not selection.isSelected(index):
                    missing.select(index, index)
            if not missing.isEmpty():
                selection.select(missing, flags.Select | flags.Rows)
        finally:
            selection.blockSignals(blocked)
        if current is not None:
            selection.setCurrentIndex(model.index_of(current), flags.NoUpdate)

    def tree_model(self) -> OrgTreeModel:
        model = self.model()
        assert isinstance(model, OrgTreeModel)
        return model

    def current_id(self) -> PositionId | None:
        return self.tree_model().id_at(self.currentIndex())

    def expanded_ids(self) -> set[PositionId]:
        model = self.tree_model()
        found: set[PositionId] = set()
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                pid = model.id_at(index)
                if self.isExpanded(index) and pid is not None:
                    found.add(pid)
                    stack.append(index)
        return found

    def restore(self, expanded: set[PositionId], current: PositionId | None) -> None:
        model = self.tree_model()
        for pid in expanded:
            if pid in model.org:
                self.setExpanded(model.index_of(pid), True)
        if current is not None and current in model.org:
            self.select(current)

    def follow_structure(self, changes: ChangeSet, org: Organisation,
                         neighbour_of_removed: Callable[[], PositionId | None]) -> None:
        """Show a structural edit (or its undo): rows inserted, moved and removed in
        place, so expansion, selection and scrolling stay as they were; the superiors
        of new positions open; a removed current position passes to
        `neighbour_of_removed()`.  Only an edit too large to follow resets the model,
        and then the expansion and the current position are put back."""
        model = self.tree_model()
        current = self.current_id()
        # New positions show up: open the superior they were added under.
        opened = {superior for pid in changes.positions_added if pid in org
                  and (superior := org.position(pid).superior_id) is not None}
        removed = current is not None and current not in org
        replacement = neighbour_of_removed() if removed else current
        if not model.can_follow(changes, org):
            expanded = self.expanded_ids() | opened
            model.reset_from(org)
            self.restore(expanded, replacement)
            return
        if removed:
            # Moved on before the rows go, so Qt does not pick a neighbour of its own
            # in the middle of the edit (the panels would show it, then this one).
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(
                QModelIndex() if replacement is None else model.index_of(replacement),
                flags.ClearAndSelect | flags.Rows)
        # A plan that turns out too long ends in a reset: the expansion is read just
        # before it (the rows still agree with the view then) and put back after.
        kept: set[PositionId] = set()

        def keep() -> None:
            kept.update(self.expanded_ids())
        model.modelAboutToBeReset.connect(keep)
        try:
            followed = model.apply_changes(changes, org)
        finally:
            model.modelAboutToBeReset.disconnect(keep)
        if not followed:
            self.restore(kept | opened, replacement)
            return
        for superior in opened:
            self.setExpanded(model.index_of(superior), True)
        if removed and replacement is not None and replacement in org:
            self.select(replacement)

    def select(self, pid: PositionId) -> None:
        index = self.tree_model().index_of(pid)
        # Only it, whatever modifier is held (Shift+F3 must not extend the selection).
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)  # also expands the ancestors of a collapsed match

    def expand_to_level(self, level: int) -> None:
        """Show `level` levels: roots are level 1."""
        self.collapseAll()
        if level > 1:
            self.expandToDepth(level - 2)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.editor_closed.emit(hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter adds a sibling (handled by the window's action) unless editing.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.state() != QAbstractItemView.State.EditingState:
            event.ignore()
            return
        super().keyPressEvent(event)
