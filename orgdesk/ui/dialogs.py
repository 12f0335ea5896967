"""Every modal question the GUI asks goes through here, so tests can answer it.

Tests monkeypatch these functions; no test ever leaves a modal dialog open.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from orgdesk.ui.i18n import tr, tr_n

FILE_FILTER = "orgdesk (*.orgdesk)"



def show_error(parent: QWidget | None, sentence: str) -> None:
    QMessageBox.warning(parent, "orgdesk", sentence)


def show_info(parent: QWidget | None, sentence: str) -> None:
    QMessageBox.information(parent, "orgdesk", sentence)


def ask_recover(parent: QWidget | None, sentence: str) -> bool:
    """Offer to continue from unsaved edits of a session that did not close."""
    answer = QMessageBox.question(
        parent, "orgdesk",
        sentence + "\n\n" + tr("dialogs", "Recover these changes? (No discards them.)"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """"save", "discard" or "cancel" for a document with unsaved changes."""
    box = QMessageBox(QMessageBox.Icon.Warning, "orgdesk",
                      tr("dialogs", "Save the changes to “{name}” before closing?", name=name),
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
    save_as = box.addButton(tr("dialogs", "Save As…"), QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(tr("dialogs", "Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    return "save_as" if clicked is save_as else "overwrite" if clicked is overwrite else "cancel"


def ask_delete_mode(parent: QWidget | None, title: str, reports: int, superior: str) -> str:
    """"branch", "lift" or "cancel" when deleting a position that has reports."""
    box = QMessageBox(QMessageBox.Icon.Question, "orgdesk",
                      tr_n("dialogs", "“{title}” has {count} direct report.",
                           "“{title}” has {count} direct reports.", reports, title=title),
                      QMessageBox.StandardButton.Cancel, parent)
    branch = box.addButton(tr("dialogs", "Delete with all its reports"),
                           QMessageBox.ButtonRole.DestructiveRole)
    lift = box.addButton(tr("dialogs", "Delete only this position (reports move to {superior})",
                            superior=superior), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(lift)
    box.exec()
    clicked = box.clickedButton()
    return "branch" if clicked is branch else "lift" if clicked is lift else "cancel"


def ask_open_path(parent: QWidget | None, folder: str = "") -> Path | None:
    # Tables and charts are offered too: choosing one offers to import it.
    tables = "*.csv *.tsv *.txt *.xlsx *.xlsm *.json *.graphml"
    path, _ = QFileDialog.getOpenFileName(
        parent, tr("dialogs", "Open organisation"), folder,
        ";;".join((tr("dialogs", "orgdesk documents and tables ({patterns})",
                      patterns="*.orgdesk " + tables), FILE_FILTER,
                   tr("dialogs", "Tables and charts to import ({patterns})", patterns=tables))))
    return Path(path) if path else None


def ask_save_path(parent: QWidget | None, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("dialogs", "Save organisation as"), suggested,
                                          FILE_FILTER)
    return Path(path) if path else None


def choose_colour(parent: QWidget | None, current: str) -> str | None:
    """A colour as #RRGGBB, or None when cancelled.  The chooser opens beside `parent`
    (Qt's own, placed by us: centred on it, it hid the list whose colour it sets)."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    dialog = QColorDialog(QColor(current), parent)
    dialog.setObjectName("colourDialog")
    dialog.setWindowTitle(tr("dialogs", "Department colour"))
    dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
    if parent is not None:
        place_beside(dialog, parent.window())
    accepted = dialog.exec()
    colour = dialog.selectedColor()
    dialog.deleteLater()
    return colour.name().upper() if accepted and colour.isValid() else None


def place_beside(dialog: QWidget, anchor: QWidget) -> None:
    """Move `dialog` next to `anchor` (right, left, below or above) on its screen; when
    neither fits, `anchor` moves to a corner first so that the two sit side by side
    or one above the other, overlapping only when the screen is too small for both."""
    from PySide6.QtCore import QPoint, QRect

    screen = anchor.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    dialog.adjustSize()
    size = dialog.frameGeometry().size().expandedTo(dialog.sizeHint())
    frame = anchor.frameGeometry()
    gap = 8

    def spots(box: QRect) -> list[QPoint]:
        return [QPoint(box.right() + gap, box.top()),
                QPoint(box.left() - gap - size.width(), box.top()),
                QPoint(box.left(), box.bottom() + gap),
                QPoint(box.left(), box.top() - gap - size.height())]
    for spot in spots(frame):
        if area.contains(QRect(spot, size)):
            dialog.move(spot)
            return
    if area.width() >= frame.width() + gap + size.width():
        anchor.move(area.left(), max(area.top(), min(frame.top(), area.bottom() - frame.height())))
        dialog.move(area.left() + frame.width() + gap, anchor.frameGeometry().top())
    elif area.height() >= frame.height() + gap + size.height():
        anchor.move(max(area.left(), min(frame.left(), area.right() - frame.width())), area.top())
        dialog.move(anchor.frameGeometry().left(), area.top() + frame.height() + gap)
    else:
        dialog.move(area.right() - size.width(), area.bottom() - size.height())


def choose_template(parent: QWidget | None, target: str | None = None,
                    team_server: str | None = None):
    """Pick a job description from the position library: a LibraryChoice (insert it, or
    apply it to the position titled `target`), or None.  `team_server`: the team library
    the document came from, whose descriptions are listed too when it can be reached."""
    from orgdesk.ui.library_dialog import LibraryDialog

    dialog = LibraryDialog(parent, target, team_server)
    try:
        return dialog.chosen() if dialog.exec() else None
    finally:
        dialog.deleteLater()


def choose_relation(parent: QWidget | None, org, source_id: int):
    """(target id, RelationKind, label) for a new dotted line from `source_id`, or None."""
    from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

    from orgdesk.core.model import RelationKind

    dialog = QDialog(parent)
    dialog.setObjectName("relationDialog")
    dialog.setWindowTitle(tr("dialogs", "Add dotted line"))
    target = QComboBox(dialog)
    for position in org.positions():
        if position.id != source_id:
            target.addItem(position.title, int(position.id))
    kind = QComboBox(dialog)
    kind.addItem(tr("dialogs", "Dotted line (functional reporting)"), RelationKind.DOTTED.value)
    kind.addItem(tr("dialogs", "Advisory"), RelationKind.ADVISORY.value)
    label = QLineEdit(dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    form.addRow(tr("dialogs", "To"), target)
    form.addRow(tr("dialogs", "Kind"), kind)
    form.addRow(tr("dialogs", "Label"), label)
    form.addRow(buttons)
    if not dialog.exec() or target.currentIndex() < 0:
        return None
    return int(target.currentData()), RelationKind(kind.currentData()), label.text().strip()


def ask_figures_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to export the analysis figures: an Excel workbook or a CSV file."""
    filters = [tr("dialogs", "Excel workbook (*.xlsx)"), tr("dialogs", "CSV file (*.csv)")]
    chosen = filters[1] if suggested.suffix.lower() == ".csv" else filters[0]
    path, selected = QFileDialog.getSaveFileName(
        parent, tr("dialogs", "Export figures"), str(suggested), ";;".join(filters), chosen)
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        target = target.with_name(target.name + (".csv" if selected == filters[1] else ".xlsx"))
    return target
