"""File → Properties…: the document's title, client, author and notes."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from orgdesk.ui.controller import DocumentController


class PropertiesDialog(QDialog):
    """Edits the document info; OK applies it as one undoable step."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesDialog")
        self.setWindowTitle(self.tr("Document properties"))
        self.controller = controller
        info = controller.org.info
        self.title_edit = QLineEdit(info.title, self)
        self.title_edit.setObjectName("documentTitleEdit")
        self.client_edit = QLineEdit(info.client, self)
        self.client_edit.setObjectName("documentClientEdit")
        self.author_edit = QLineEdit(info.author, self)
        self.author_edit.setObjectName("documentAuthorEdit")
        self.notes_edit = QPlainTextEdit(info.notes, self)
        self.notes_edit.setObjectName("documentNotesEdit")
        local = "%Y-%m-%d %H:%M"
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Client"), self.client_edit)
        form.addRow(self.tr("Author"), self.author_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow(self.tr("Created"), QLabel(info.created.astimezone().strftime(local), self))
        form.addRow(self.tr("Last saved"), QLabel(info.modified.astimezone().strftime(local), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        info = replace(self.controller.org.info, title=self.title_edit.text().strip(),
                       client=self.client_edit.text().strip(),
                       author=self.author_edit.text().strip(),
                       notes=self.notes_edit.toPlainText())
        self.controller.execute(self.tr("Edit document properties"),
                                lambda s: s.set_info(info))
        super().accept()
