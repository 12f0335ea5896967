"""Every modal question the GUI asks goes through here, so tests can answer it."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, sentence: str) -> None:
    QMessageBox.warning(parent, "orgdesk", sentence)


def show_info(parent: QWidget | None, sentence: str) -> None:
    QMessageBox.information(parent, "orgdesk", sentence)


def ask_recover(parent: QWidget | None, sentence: str) -> bool:
    """Offer to continue from unsaved edits of a session that did not close."""
    answer = QMessageBox.question(
        parent, "orgdesk",
        sentence + "\n\n" + parent_tr("Recover these changes? (No discards them.)"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def parent_tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("dialogs", text)
