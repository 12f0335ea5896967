"""File → Compare With…: the changes between two versions of an organisation.

`CompareDialog` lists each change (added, removed, moved, renamed, changed
fields) with a filter by kind, and the headcount deltas per department.  It
edits nothing: it asks the main window to highlight positions of the newer
version (`highlight_requested(list[int])`) and to go to one
(`position_activated(int)`).  `compare_with_file` is the whole menu action;
its file chooser and error box are module functions so tests replace them.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesk.analysis.compare import (
    FIELD_NAMES,
    ChangeKind,
    Comparison,
    PositionChange,
    compare,
)
from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.organisation import Organisation
from orgdesk.ui import dialogs
from orgdesk.ui.i18n import tr, tr_n, translate_sentence
from orgdesk.ui.messages import user_message


def detail_text(detail: object) -> str:
    """A change's details as the interface shows them (a Sentence translated)."""
    return translate_sentence(detail) if isinstance(detail, Sentence) else str(detail)


def change_item(tree: QTreeWidget, change: PositionChange, kind_names: dict[ChangeKind, str],
                colours: dict[ChangeKind, str]) -> QTreeWidgetItem:
    """One change as a row of `tree` (kind, position, details) in its kind's colour; the
    change itself is the row's data."""
    item = QTreeWidgetItem(tree, [kind_names[change.kind], change.title,
                                  detail_text(change.detail)])
    item.setData(0, Qt.ItemDataRole.UserRole, change)
    for column in range(3):
        item.setBackground(column, QColor(colours[change.kind]))
        item.setForeground(column, QColor("#000000"))
    return item


#: Row colours per kind, light enough for black text.
KIND_COLOURS = {ChangeKind.ADDED: "#E2F0D9", ChangeKind.REMOVED: "#F8D7DA",
                ChangeKind.MOVED: "#DDEBF7", ChangeKind.RENAMED: "#FFF2CC",
                ChangeKind.CHANGED: "#EDE7F6"}


def choose_file(parent: QWidget) -> Path | None:
    """Ask for the version to compare with; None when cancelled (tests replace this)."""
    name, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate(
        "CompareDialog", "Compare With"), "",
                                          dialogs.FILE_FILTER)
    return Path(name) if name else None


def show_error(parent: QWidget, sentence: str) -> None:
    dialogs.show_error(parent, sentence)


def compare_with_file(parent: QWidget, current: Organisation, current_name: str
                      ) -> CompareDialog | None:
    """Ask for another file and show what changed from it to the current document.

    The other file is taken as the older version, so the changes point at
    positions of the open document, which the window can highlight.  Returns
    the (non-modal, shown) dialog, or None when cancelled or refused.
    """
    path = choose_file(parent)
    if path is None:
        return None
    try:
        from orgdesk.storage.reading import read_organisation

        other = read_organisation(path)
    except UserError as exc:
        show_error(parent, user_message(exc))
        return None
    dialog = CompareDialog(compare(other, current), path.name, current_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class CompareDialog(QDialog):
    """The changes from an old to a new version, and the headcount deltas."""

    #: Ids (in the new version) the window should highlight in its tree and chart.
    highlight_requested = Signal(list)
    #: One position (new version) to go to.
    position_activated = Signal(object)  # an id: Signal(int) is 32-bit

    def __init__(self, comparison: Comparison, old_name: str, new_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.setWindowTitle(tr("CompareDialog", "Compare {old} → {new}", old=old_name,
                               new=new_name))
        self.kind_names = {ChangeKind.ADDED: self.tr("Added"),
                           ChangeKind.REMOVED: self.tr("Removed"),
                           ChangeKind.MOVED: self.tr("Moved"),
                           ChangeKind.RENAMED: self.tr("Renamed"),
                           ChangeKind.CHANGED: self.tr("Changed")}
        self.summary = QLabel(self._summary_text(), self)
        self.summary.setWordWrap(True)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("All changes"), None)
        for kind in ChangeKind:
            if comparison.count(kind):
                self.kind_filter.addItem(f"{self.kind_names[kind]} ({comparison.count(kind)})",
                                         kind.value)
        self.kind_filter.currentIndexChanged.connect(self._filter)
        self.changes = QTreeWidget(self)
        self.changes.setColumnCount(3)
        self.changes.setHeaderLabels([self.tr("Change"), self.tr("Position"), self.tr("Details")])
        self.changes.setRootIsDecorated(True)
        self.changes.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.changes.itemSelectionChanged.connect(self._selection_changed)
        self.changes.itemActivated.connect(self._activated)
        self._fill_changes()
        self.departments = self._department_table()
        self.highlight_all = QPushButton(self.tr("Highlight all in the document"), self)
        self.highlight_all.setEnabled(bool(comparison.changed_new_ids()))
        self.highlight_all.clicked.connect(
            lambda: self.highlight_requested.emit([int(i) for i in comparison.changed_new_ids()]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.kind_filter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.highlight_all)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.changes, 3)
        layout.addWidget(QLabel(self.tr("Headcount by department"), self))
        layout.addWidget(self.departments, 1)
        layout.addLayout(bottom)
        self.resize(760, 520)

    def _summary_text(self) -> str:
        comparison = self.comparison
        if comparison.is_empty:
            return self.tr("The two versions are the same.")
        old, new = comparison.old_totals, comparison.new_totals
        text = tr_n("CompareDialog", "{count} change; planned seats {old} → {new} ({delta}).",
                    "{count} changes; planned seats {old} → {new} ({delta}).",
                    len(comparison.changes), old=f"{old.planned:,}", new=f"{new.planned:,}",
                    delta=f"{new.planned - old.planned:+,d}")
        if comparison.by_source_id:
            text += " " + self.tr("Positions were matched by their source IDs (the keys of the "
                                  "file they were imported from).")
        elif not comparison.ids_trusted:
            text += " " + self.tr("The files do not share position ids (an import?): "
                                  "positions were matched on title and superior.")
        return text

    def _fill_changes(self) -> None:
        for change in self.comparison.changes:
            item = change_item(self.changes, change, self.kind_names, KIND_COLOURS)
            for field in change.fields:  # what a changed field was and became
                name = FIELD_NAMES.get(field.field)
                child = QTreeWidgetItem(item, ["", translate_sentence(name) if name else field.field,
                                               f"{field.old or '—'}  →  {field.new or '—'}"])
                child.setToolTip(2, f"{field.old}\n→\n{field.new}")
        if not self.comparison.changes:
            QTreeWidgetItem(self.changes, ["", "", self.tr("No changes.")])

    def _department_table(self) -> QTableWidget:
        deltas = self.comparison.departments
        table = QTableWidget(len(deltas), 4, self)
        table.setHorizontalHeaderLabels([self.tr("Department"), self.tr("Planned before"),
                                         self.tr("Planned after"), self.tr("Change")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, delta in enumerate(deltas):
            cells = [delta.name or self.tr("(no department)"), str(delta.old_planned),
                     str(delta.new_planned), f"{delta.planned_delta:+d}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    # ---------------------------------------------------------------- actions
    def visible_changes(self) -> list[PositionChange]:
        items = (self.changes.topLevelItem(i) for i in range(self.changes.topLevelItemCount()))
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in items
                if item is not None and not item.isHidden()
                and item.data(0, Qt.ItemDataRole.UserRole) is not None]

    def _filter(self) -> None:
        wanted = self.kind_filter.currentData()
        for index in range(self.changes.topLevelItemCount()):
            item = self.changes.topLevelItem(index)
            if item is None:
                continue
            change = item.data(0, Qt.ItemDataRole.UserRole)
            item.setHidden(wanted is not None and (change is None or change.kind.value != wanted))

    def _selected_changes(self) -> list[PositionChange]:
        found = []
        for item in self.changes.selectedItems():
            change = _top_level(item).data(0, Qt.ItemDataRole.UserRole)
            if change is not None and change not in found:
                found.append(change)
        return found

    def _selection_changed(self) -> None:
        ids = [int(c.new_id) for c in self._selected_changes() if c.new_id is not None]
        if ids:
            self.highlight_requested.emit(list(dict.fromkeys(ids)))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        change = _top_level(item).data(0, Qt.ItemDataRole.UserRole)
        if change is not None and change.new_id is not None:
            self.position_activated.emit(int(change.new_id))


def _top_level(item: QTreeWidgetItem) -> QTreeWidgetItem:
    """The row of the change that `item` (a field of it, or the change itself) belongs to."""
    parent = item.parent()
    while parent is not None:
        item, parent = parent, parent.parent()
    return item
