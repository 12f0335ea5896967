"""An editable ordered list of short texts (duties, skills, languages).

Items are edited in place, added, deleted, moved (buttons or Alt+Up/Down),
and pasting several lines adds one item per line.  Every change is reported
as the whole new list through `items_edited`.

A row added with "+" is only a row being typed: its editor opens empty (the
"New item" hint is a placeholder, never data), and it reaches the document
when its text is confirmed; Escape, or confirming it empty, removes the row
and leaves nothing behind.  `burst` numbers the editing bursts: it moves on
when the keyboard focus leaves the editor or after a pause, so a panel can
merge one burst's edits of one list into one undo step.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orgdesk.ui.i18n import tr
from orgdesk.ui.long_text import elide
from orgdesk.ui.panels.list_history import EditBursts

_NUMBERING = re.compile(r"^\s*(?:\d+[、.．)）]|[（(]\d+[)）]|[-•●·*])\s*")
#: Marks a row added with "+" whose text has not been confirmed yet.
PENDING_ROLE = Qt.ItemDataRole.UserRole + 17


def split_pasted(text: str) -> list[str]:
    """One item per non-empty line, leading numbering (1、 (2) • …) removed."""
    return [_NUMBERING.sub("", line).strip() for line in text.splitlines() if line.strip()]


class ShortDelegate(QStyledItemDelegate):
    """Draws (and sizes a row for) at most `DISPLAY_CHARS` characters of an item.

    The item keeps its whole text, and editing it in place edits the whole text:
    only the wrapped drawing of a megabyte-long duty, which froze the window, is cut.
    """

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = elide(option.text)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        super().setEditorData(editor, index)
        if isinstance(editor, QLineEdit) and index.data(PENDING_ROLE):
            # What a new row is for, shown as a hint: never typed into the document.
            editor.setPlaceholderText(tr("ListEditor", "New item"))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if index.data(PENDING_ROLE) and isinstance(editor, QLineEdit) and editor.text().strip():
            # Confirmed: an item like any other.  Quietly, so that only setting its
            # text below reports the change (one edit, with the text).
            model.blockSignals(True)
            try:
                model.setData(index, None, PENDING_ROLE)
            finally:
                model.blockSignals(False)
        super().setModelData(editor, model, index)


class NumberedDelegate(ShortDelegate):
    """Shows "1. …", "2. …" as a job description numbers its duties; edits the bare text."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = f"{index.row() + 1}. {option.text}"


class _List(QListWidget):
    """The list itself, with the keyboard handling a list editor needs."""

    move_requested = Signal(int)  # -1 up, +1 down
    paste_requested = Signal()
    delete_requested = Signal()
    #: An in-place editor closed (its QAbstractItemDelegate.EndEditHint).
    editor_closed = Signal(object)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.editor_closed.emit(hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class ListEditor(QWidget):
    """A titled, ordered, editable list of strings."""

    items_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None, numbered: bool = False) -> None:
        super().__init__(parent)
        self.list = _List(self)
        self.list.setItemDelegate((NumberedDelegate if numbered else ShortDelegate)(self.list))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(lambda _item: self._emit())
        self.list.model().rowsMoved.connect(lambda *_: self._emit())
        self.list.move_requested.connect(self.move_current)
        self.list.paste_requested.connect(self.paste)
        self.list.delete_requested.connect(self.delete_current)
        self.list.editor_closed.connect(lambda _hint: self._drop_pending())
        buttons = QHBoxLayout()
        for name, text, tip, slot in (
            ("addButton", "+", tr("ListEditor", "Add an item"), self.add_item),
            ("deleteButton", "−", tr("ListEditor", "Delete the selected item (Del)"),
             self.delete_current),
            ("upButton", "↑", tr("ListEditor", "Move up (Alt+Up)"),
             lambda: self.move_current(-1)),
            ("downButton", "↓", tr("ListEditor", "Move down (Alt+Down)"),
             lambda: self.move_current(1)),
        ):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._updating = False
        #: The editing burst the next edit belongs to (see the module's docstring).
        self.bursts = EditBursts(self)
        self.burst = 0

    def items(self) -> list[str]:
        """The confirmed items (a new row still being typed is not one yet)."""
        return [item.text() for item in map(self.list.item, range(self.list.count()))
                if not item.data(PENDING_ROLE)]

    def set_items(self, items: tuple[str, ...] | list[str]) -> None:
        if list(items) == self.items():
            return
        self._updating = True
        current = self.list.currentRow()
        self.list.clear()
        for text in items:
            self._append(text)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self._updating = False

    def _append(self, text: str, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if row is None:
            self.list.addItem(item)
        else:
            self.list.insertItem(row, item)
        return item

    def _emit(self) -> None:
        if self._updating:
            return
        self.burst = self.bursts.next_edit()
        items = [text.strip() for text in self.items()]
        self.items_edited.emit([text for text in items if text])

    def add_item(self) -> None:
        """A new row after the current one, its editor open; nothing is added until it is
        confirmed with a text."""
        self._updating = True
        item = self._append("", self.list.currentRow() + 1
                            if self.list.currentRow() >= 0 else None)
        item.setData(PENDING_ROLE, True)  # quietly: not an edit (yet)
        self._updating = False
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def _drop_pending(self) -> None:
        """After an editor closed: a new row left unconfirmed (Escape, or no text) goes."""
        rows = [row for row in range(self.list.count())
                if self.list.item(row).data(PENDING_ROLE)]
        if not rows:
            return
        self._updating = True
        for row in reversed(rows):
            self.list.takeItem(row)
        self._updating = False
        if 0 <= rows[0] - 1 < self.list.count():
            self.list.setCurrentRow(rows[0] - 1)

    def delete_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._updating = True
        self.list.takeItem(row)
        self._updating = False
        self._emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self._updating = True
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._updating = False
        self._emit()

    def paste(self) -> None:
        lines = split_pasted(QApplication.clipboard().text())
        if not lines:
            return
        self._updating = True
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        for offset, line in enumerate(lines):
            self._append(line, row + offset)
        self._updating = False
        self._emit()
