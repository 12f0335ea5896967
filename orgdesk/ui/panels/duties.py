"""dutiesPanel: the ordered duties (岗位职责) of the selected position."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from orgdesk.core.model import Position
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.panels.base import PositionPanel, tr
from orgdesk.ui.panels.list_editor import ListEditor
from orgdesk.ui.panels.list_history import duty_words


class DutiesPanel(PositionPanel):
    """Add, edit in place, delete, reorder and paste duties."""

    FIELDS = frozenset({"duties"})

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("dutiesPanel")
        self.editor = ListEditor(self, numbered=True)
        self.editor.setObjectName("dutiesList")
        self.editor.items_edited.connect(self._edited)
        hint = QLabel(tr("DutiesPanel",
                         "Double-click to edit; paste several lines to add several duties."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(hint)

    def load(self, position: Position | None) -> None:
        self.editor.set_items(position.duties if position else ())

    def _edited(self, items: list[str]) -> None:
        self.edit_list(self.editor.burst, "duties", duty_words(), lambda p: p.duties, items,
                       duties=tuple(items))
