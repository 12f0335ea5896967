"""Edit → Departments…: add, rename, recolour, reorder and delete departments.

Each change is one undoable step on the document's stack, applied at once,
so the tree and panels follow while the dialog is open.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import Department, DepartmentId
from orgdesk.ui import dialogs
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr

#: Print-friendly colours offered to new departments, in turn.
PALETTE = ("#8FB8DE", "#A8D5A2", "#F4C07A", "#D7B5D8", "#F4A6A6", "#9FD3C7", "#C9C9E8",
           "#E8D59E")


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class DepartmentsDialog(QDialog):
    """The document's departments in display order."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentsDialog")
        self.setWindowTitle(self.tr("Departments"))
        self.controller = controller
        self.list = QListWidget(self)
        self.list.setObjectName("departmentsList")
        self.list.itemChanged.connect(self._renamed)
        buttons = QVBoxLayout()
        for name, text, slot in (
            ("addDepartmentButton", self.tr("Add"), self.add),
            ("renameDepartmentButton", self.tr("Rename (F2)"), self.rename),
            ("colourDepartmentButton", self.tr("Colour…"), self.recolour),
            ("upDepartmentButton", self.tr("Move up"), lambda: self.move_department(-1)),
            ("downDepartmentButton", self.tr("Move down"), lambda: self.move_department(1)),
            ("deleteDepartmentButton", self.tr("Delete"), self.delete),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            # Return belongs to the list's editor: no button may take it (it pressed Add).
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        for closing in close.buttons():
            if isinstance(closing, QPushButton):
                closing.setAutoDefault(False)
                closing.setDefault(False)
        rename = QAction(self.tr("Rename"), self)
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        rename.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        rename.triggered.connect(self.rename)
        self.addAction(rename)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        controller.changed.connect(self._on_changed)
        self.reload()
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def rename(self) -> None:
        """F2 from anywhere in the dialog: edit the current department's name in place."""
        item = self.list.currentItem()
        if item is None or self.list.state() == QAbstractItemView.State.EditingState:
            return
        self.list.setFocus()
        self.list.editItem(item)

    def _on_changed(self, changes: ChangeSet, _structural: bool) -> None:
        if changes.departments_added or changes.departments_updated \
                or changes.departments_removed:
            self.reload()

    def reload(self) -> None:
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for department in self.controller.org.departments:
            item = QListWidgetItem(swatch(department.colour), department.name)
            item.setData(Qt.ItemDataRole.UserRole, int(department.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
            if department.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def current_id(self) -> DepartmentId | None:
        item = self.list.currentItem()
        return DepartmentId(int(item.data(Qt.ItemDataRole.UserRole))) if item else None

    def _current(self) -> Department | None:
        did = self.current_id()
        return self.controller.org.department(did) if did is not None else None

    def add(self) -> None:
        org = self.controller.org
        names = {d.name for d in org.departments}
        name, n = self.tr("New department"), 2
        while name in names:
            name, n = tr("DepartmentsDialog", "New department {number}", number=n), n + 1
        colour = PALETTE[len(org.departments) % len(PALETTE)]
        self.controller.execute(tr("DepartmentsDialog", "Add department {name}", name=name),
                                lambda s: s.add_department(name, colour))
        self.list.setCurrentRow(self.list.count() - 1)

    def _renamed(self, item: QListWidgetItem) -> None:
        did = DepartmentId(int(item.data(Qt.ItemDataRole.UserRole)))
        department = self.controller.org.department(did)
        name = item.text().strip()
        if not name or name == department.name:
            self.reload()
            return
        if not self.controller.execute(
                tr("DepartmentsDialog", "Rename department {old} → {new}",
                   old=department.name, new=name),
                lambda s: s.update_department(Department(did, name, department.colour,
                                                         department.order))):
            self.reload()

    def recolour(self) -> None:
        department = self._current()
        if department is None:
            return
        colour = dialogs.choose_colour(self, department.colour)
        if colour is None or colour == department.colour:
            return
        self.controller.execute(
            tr("DepartmentsDialog", "Recolour department {name}", name=department.name),
            lambda s: s.update_department(Department(department.id, department.name, colour,
                                                     department.order)))

    def move_department(self, step: int) -> None:
        department = self._current()
        if department is None:
            return
        ordered = [d.id for d in self.controller.org.departments]
        index = ordered.index(department.id)
        target = index + step
        if not 0 <= target < len(ordered):
            return
        ordered.insert(target, ordered.pop(index))
        self.controller.execute(self.tr("Reorder departments"),
                                lambda s: s.reorder_departments(ordered))

    def delete(self) -> None:
        department = self._current()
        if department is None:
            return
        self.controller.execute(
            tr("DepartmentsDialog", "Delete department {name}", name=department.name),
            lambda s: s.remove_department(department.id))
