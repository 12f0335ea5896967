"""Every modal question the GUI asks goes through here, so tests can answer it.

Tests monkeypatch these functions; no test ever leaves a modal dialog open.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILE_FILTER = "orgdesk (*.orgdesk)"


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def show_error(parent: QWidget | None, sentence: str) -> None:
    QMessageBox.warning(parent, "orgdesk", sentence)


def show_info(parent: QWidget | None, sentence: str) -> None:
    QMessageBox.information(parent, "orgdesk", sentence)


def ask_recover(parent: QWidget | None, sentence: str) -> bool:
    """Offer to continue from unsaved edits of a session that did not close."""
    answer = QMessageBox.question(
        parent, "orgdesk", sentence + "\n\n" + tr("Recover these changes? (No discards them.)"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """"save", "discard" or "cancel" for a document with unsaved changes."""
    box = QMessageBox(QMessageBox.Icon.Warning, "orgdesk",
                      tr("Save the changes to “%1” before closing?").replace("%1", name),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard"}.get(
        QMessageBox.StandardButton(answer), "cancel")


def ask_changed_on_disk(parent: QWidget | None, sentence: str) -> str:
    """"save_as", "overwrite" or "cancel" when another program changed the file."""
    box = QMessageBox(QMessageBox.Icon.Warning, "orgdesk", sentence,
                      QMessageBox.StandardButton.Cancel, parent)
    save_as = box.addButton(tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    return "save_as" if clicked is save_as else "overwrite" if clicked is overwrite else "cancel"


def ask_delete_mode(parent: QWidget | None, title: str, reports: int, superior: str) -> str:
    """"branch", "lift" or "cancel" when deleting a position that has reports."""
    box = QMessageBox(QMessageBox.Icon.Question, "orgdesk",
                      tr("“%1” has %2 direct reports.").replace("%1", title)
                      .replace("%2", str(reports)), QMessageBox.StandardButton.Cancel, parent)
    branch = box.addButton(tr("Delete with all its reports"),
                           QMessageBox.ButtonRole.DestructiveRole)
    lift = box.addButton(tr("Delete only this position (reports move to %1)")
                         .replace("%1", superior), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(lift)
    box.exec()
    clicked = box.clickedButton()
    return "branch" if clicked is branch else "lift" if clicked is lift else "cancel"


def ask_open_path(parent: QWidget | None, folder: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open organisation"), folder, FILE_FILTER)
    return Path(path) if path else None


def ask_save_path(parent: QWidget | None, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save organisation as"), suggested,
                                          FILE_FILTER)
    return Path(path) if path else None


def choose_colour(parent: QWidget | None, current: str) -> str | None:
    """A colour as #RRGGBB, or None when cancelled."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    colour = QColorDialog.getColor(QColor(current), parent, tr("Department colour"))
    return colour.name().upper() if colour.isValid() else None


def choose_template(parent: QWidget | None):  # noqa: ANN201 - PositionTemplate | None
    """Pick a job description from the position library."""
    from orgdesk.ui.library_dialog import LibraryDialog

    dialog = LibraryDialog(parent)
    return dialog.chosen() if dialog.exec() else None


def choose_relation(parent: QWidget | None, org, source_id: int):  # noqa: ANN001, ANN201
    """(target id, RelationKind, label) for a new dotted line from `source_id`, or None."""
    from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

    from orgdesk.core.model import RelationKind

    dialog = QDialog(parent)
    dialog.setObjectName("relationDialog")
    dialog.setWindowTitle(tr("Add dotted line"))
    target = QComboBox(dialog)
    for position in org.positions():
        if position.id != source_id:
            target.addItem(position.title, int(position.id))
    kind = QComboBox(dialog)
    kind.addItem(tr("Dotted line (functional reporting)"), RelationKind.DOTTED.value)
    kind.addItem(tr("Advisory"), RelationKind.ADVISORY.value)
    label = QLineEdit(dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    form.addRow(tr("To"), target)
    form.addRow(tr("Kind"), kind)
    form.addRow(tr("Label"), label)
    form.addRow(buttons)
    if not dialog.exec() or target.currentIndex() < 0:
        return None
    return int(target.currentData()), RelationKind(kind.currentData()), label.text().strip()
