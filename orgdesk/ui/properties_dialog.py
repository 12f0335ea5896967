"""File → Properties…: the document's title, client, author, notes and currency."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from orgdesk.core.settings import CURRENCY_SETTING, currency_of
from orgdesk.services.editor import DocumentService
from orgdesk.ui.controller import DocumentController

#: Offered in the currency box; any other ISO 4217 code can be typed.
CURRENCIES = ("CNY", "HKD", "TWD", "MOP", "USD", "EUR", "GBP", "JPY", "SGD", "MYR", "PHP",
              "INR")


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
        # The positions' pay is in this currency (analysis/cost.py); three capital letters.
        self.currency_box = QComboBox(self)
        self.currency_box.setObjectName("documentCurrencyBox")
        self.currency_box.setEditable(True)
        self.currency_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency_box.addItems(CURRENCIES)
        self.currency_box.setValidator(QRegularExpressionValidator(
            QRegularExpression("[A-Za-z]{0,3}"), self.currency_box))
        self.currency_box.setCurrentText(currency_of(controller.org.settings))
        self.currency_box.setToolTip(self.tr("The currency of every position's pay, as its "
                                             "three-letter code (CNY, USD, EUR …)"))
        local = "%Y-%m-%d %H:%M"
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Client"), self.client_edit)
        form.addRow(self.tr("Author"), self.author_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow(self.tr("Currency of pay"), self.currency_box)
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
        currency = self.currency_box.currentText().strip().upper()
        settings = self.controller.org.settings

        def edit(service: DocumentService) -> None:
            service.set_info(info)
            if currency != currency_of(settings):  # a wrong code is refused with its sentence
                service.set_setting(CURRENCY_SETTING, currency)

        if self.controller.execute(self.tr("Edit document properties"), edit) is None:
            return  # the window says why; the dialog stays open to correct it
        super().accept()
