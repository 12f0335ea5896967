"""Renaming a position in its chart box: a line editor laid over the box itself.

A double-click on a box used to select the position in the tree and rename it
there, often far from where the user was looking.  `BoxTitleEditor` opens on
the chart's viewport over the box's title line: Return (or clicking elsewhere)
commits, Escape cancels and leaves no step.  While it is open it keeps the
plain keys it needs, so the window's tree shortcuts never fire under it; Ctrl+Z
with nothing typed closes it and undoes the last step.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGraphicsView, QLineEdit

#: The editor is never narrower than this (pixels), however far the chart is zoomed out.
MIN_WIDTH = 120
#: Pixels left of the box on each side of the editor (its frame stays visible).
INSET = 4
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)


class BoxTitleEditor(QLineEdit):
    """One reusable in-box title editor of a chart view."""

    #: (position id, the typed title) — only when it differs from the title it opened with.
    committed = Signal(object, str)

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("boxTitleEditor")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)  # as the title is drawn in the box
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self._view = view
        self._pid: int | None = None
        self._original = ""
        self.hide()
        self.returnPressed.connect(self.commit)

    @property
    def pid(self) -> int | None:
        """The position being renamed, None when closed."""
        return self._pid

    def open_over(self, pid: int, scene_rect: QRectF, title: str) -> None:
        """Open over the box at `scene_rect` (scene coordinates) holding `title`."""
        self._view.ensureVisible(scene_rect, 8, 8)
        box = self._view.mapFromScene(scene_rect).boundingRect()
        height = self.sizeHint().height()
        width = max(box.width() - 2 * INSET, MIN_WIDTH)
        area = self._view.viewport().rect()
        left = min(max(box.center().x() - width // 2, 0), max(area.width() - width, 0))
        top = min(max(box.center().y() - height // 2, 0), max(area.height() - height, 0))
        self.setGeometry(QRect(left, top, min(width, area.width()), height))
        self._pid, self._original = pid, title
        self.setText(title)
        self.selectAll()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def commit(self) -> None:
        pid, title = self._pid, self.text().strip()
        self._close()
        if pid is not None and title and title != self._original:
            self.committed.emit(pid, title)

    def cancel(self) -> None:
        self._close()

    def _close(self) -> None:
        if self._pid is None:
            return
        self._pid = None
        self.hide()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------- keys and focus
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
                # Nothing typed to undo: Ctrl+Z is the window's Undo, as in the tree.
                self.cancel()
                event.ignore()
                return True
            # Plain keys are typing (Return commits, Escape cancels), not the window's.
            if not event.modifiers() & _MODIFIERS:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Clicking elsewhere keeps what was typed, as the tree's editor does; a popup
        # (the input method's candidates, a context menu) is not leaving.
        if self._pid is not None and event.reason() != Qt.FocusReason.PopupFocusReason \
                and self.isVisible():
            self.commit()
