"""An editable ordered list of short texts (duties, skills, languages).

Items are edited in place, added, deleted, moved (buttons or Alt+Up/Down),
and pasting several lines adds one item per line.  Every change is reported
as the whole new list through `items_edited`, so one change is one undo step.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
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

_NUMBERING = re.compile(r"^\s*(?:\d+[、.．)）]|[（(]\d+[)）]|[-•●·*])\s*")



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

    def items(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

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
        items = [text.strip() for text in self.items()]
        self.items_edited.emit([text for text in items if text])

    def add_item(self) -> None:
        self._updating = True
        item = self._append(tr("ListEditor", "New item"), self.list.currentRow() + 1
                            if self.list.currentRow() >= 0 else None)
        self._updating = False
        self.list.setCurrentItem(item)
        self._emit()
        self.list.editItem(item)

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
