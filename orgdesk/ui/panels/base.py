"""Common ground of the position panels: the shown position and refresh rules."""
from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import StatePatch
from orgdesk.ui.controller import DocumentController


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class PositionPanel(QWidget):
    """A panel showing one position; edits go to the controller as commands."""

    #: Ask the window to select another position (a link, a double-click).
    navigate = Signal(int)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pid: PositionId | None = None
        self._loading = False
        controller.changed.connect(self._on_changed)

    @property
    def position(self) -> Position | None:
        if self.pid is None or self.pid not in self.controller.org:
            return None
        return self.controller.org.position(self.pid)

    def show_position(self, pid: PositionId | None) -> None:
        self.pid = pid if pid is not None and pid in self.controller.org else None
        self._reload()

    def _on_changed(self, changes: ChangeSet, structural: bool) -> None:
        if self.pid is not None and self.pid not in self.controller.org:
            self.show_position(None)
        elif structural or self.pid in changes.positions_updated or changes.departments_added \
                or changes.departments_updated or changes.departments_removed \
                or changes.relations_added or changes.relations_removed:
            self._reload()

    def _reload(self) -> None:
        self._loading = True
        try:
            self.setEnabled(self.position is not None)
            self.load(self.position)
        finally:
            self._loading = False

    def load(self, position: Position | None) -> None:
        raise NotImplementedError

    def edit(self, text: str, merge_field: str | None = None,
             describe: Callable[[StatePatch, StatePatch], str] | None = None,
             **fields: object) -> None:
        """Change fields of the shown position as one undoable step."""
        if self._loading or self.pid is None:
            return
        pid = self.pid
        key: Hashable | None = (int(pid), merge_field) if merge_field else None
        self.controller.execute(text, lambda s: s.edit_position(pid, **fields), key, describe)
