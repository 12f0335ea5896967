"""Undo and Redo actions whose texts never break the toolbar or the menu.

QUndoStack.createUndoAction puts the whole step text on the action, and a
toolbar button shows all of it: a 200-character title made the Undo button
wider than the window and pushed Undo, Redo, Add Report and the search box
into the toolbar's "»" menu.  These actions carry the whole text in their
tooltip (History shows it too), a shortened one in the menu, and a button
text elided to a fixed width: `fit_buttons` gives the two buttons one width
for good, so the toolbar never reflows as the texts change.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QUndoStack
from PySide6.QtWidgets import QToolBar, QWidget

#: Characters of a step's text kept in the Edit menu (the tooltip holds all of it).
MENU_CHARS = 48
#: The toolbar button's text width, in widths of a CJK character.
BUTTON_CHARS = 9
#: Room around the text inside a button, pixels.
BUTTON_PADDING = 16
#: A tooltip shows at most this many characters (a pasted megabyte would fill the screen).
TOOLTIP_CHARS = 2000


class _StepAction(QAction):
    """Undo or Redo of one stack, its texts kept short and its tooltip whole."""

    def __init__(self, stack: QUndoStack, prefix: str, redo: bool, parent: QObject) -> None:
        super().__init__(prefix, parent)
        self._stack = stack
        self._prefix = prefix
        self._redo = redo
        self._button_width: int | None = None
        self._metrics: QFontMetrics | None = None
        self.triggered.connect(lambda _checked=False: stack.redo() if redo else stack.undo())
        if redo:
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self._show)
            self.setEnabled(stack.canRedo())
            self._show(stack.redoText())
        else:
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self._show)
            self.setEnabled(stack.canUndo())
            self._show(stack.undoText())

    def full_text(self) -> str:
        step = self._stack.redoText() if self._redo else self._stack.undoText()
        return f"{self._prefix} {step}" if step else self._prefix

    def elide_for(self, metrics: QFontMetrics, width: int) -> None:
        """Button texts from now on fit `width` pixels in `metrics`' font."""
        self._metrics, self._button_width = metrics, width
        self._show()

    def _show(self, _step: str = "") -> None:
        full = self.full_text()
        # A step text may hold line breaks (a pasted title): one line in menus and buttons.
        # Only its start is ever shown there, so only the start is measured.
        line = " ".join(full[:4 * MENU_CHARS].split())
        self.setText(line if len(line) <= MENU_CHARS else line[:MENU_CHARS - 1] + "…")
        if self._metrics is not None and self._button_width is not None:
            self.setIconText(self._metrics.elidedText(line, Qt.TextElideMode.ElideRight,
                                                      self._button_width))
        else:
            self.setIconText(self.text())
        self.setToolTip(full if len(full) <= TOOLTIP_CHARS else full[:TOOLTIP_CHARS - 1] + "…")


def create(window: QWidget, stack: QUndoStack, undo_prefix: str, redo_prefix: str
           ) -> tuple[QAction, QAction]:
    """The window's Undo and Redo actions (Ctrl+Z, Ctrl+Shift+Z) for `stack`."""
    undo = _StepAction(stack, undo_prefix, False, window)
    undo.setObjectName("actionUndo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = _StepAction(stack, redo_prefix, True, window)
    redo.setObjectName("actionRedo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    return undo, redo


def fit_buttons(toolbar: QToolBar, *actions: QAction) -> None:
    """Give the toolbar buttons of `actions` one fixed width and elided texts."""
    for action in actions:
        button = toolbar.widgetForAction(action)
        if button is None:
            continue
        metrics = QFontMetrics(button.font())
        text_width = metrics.horizontalAdvance("中") * BUTTON_CHARS
        button.setFixedWidth(text_width + BUTTON_PADDING)
        if isinstance(action, _StepAction):
            action.elide_for(metrics, text_width)
