"""A new document asks for its title and client once, in a bar above the chart.

A bar rather than a modal box: the consultant may start building at once and
name the organisation when it suits; the bar goes for good as soon as it is
answered (one undoable step) or dismissed.  The title then names the file
offered by Save and the deliverables.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from orgdesk.ui.controller import DocumentController

#: The editor window (orgdesk.ui.main_window.MainWindow), not imported: it imports this
#: module, and the import graph stays free of cycles.
MainWindow = Any


class DocumentInfoBar(QToolBar):
    """Title and client of a new document; Return sets them, Escape or × dismisses."""

    def __init__(self, controller: DocumentController, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("documentInfoBar")
        self.setWindowTitle(self.tr("Name the organisation"))
        self.setMovable(False)
        self.setFloatable(False)
        self.controller = controller
        self.addWidget(QLabel(self.tr("New organisation:"), self))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("newDocumentTitleEdit")
        self.title_edit.setPlaceholderText(self.tr("Title, e.g. East China Service Center"))
        self.title_edit.setMinimumWidth(260)
        self.title_edit.setMaximumWidth(420)
        self.client_edit = QLineEdit(self)
        self.client_edit.setObjectName("newDocumentClientEdit")
        self.client_edit.setPlaceholderText(self.tr("Client (optional)"))
        self.client_edit.setMinimumWidth(180)
        self.client_edit.setMaximumWidth(300)
        self.addWidget(self.title_edit)
        self.addWidget(self.client_edit)
        apply = QPushButton(self.tr("Set"), self)
        apply.setObjectName("setDocumentInfoButton")
        apply.clicked.connect(self.apply)
        self.addWidget(apply)
        spacer = QWidget(self)  # the × sits at the far end, like a notification's
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        dismiss = QToolButton(self)
        dismiss.setObjectName("dismissDocumentInfoButton")
        dismiss.setText("×")
        dismiss.setToolTip(self.tr("Not now (File → Properties… sets them later)"))
        dismiss.clicked.connect(self.dismiss)
        self.addWidget(dismiss)
        for edit in (self.title_edit, self.client_edit):
            edit.returnPressed.connect(self.apply)
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape):
            self.dismiss()
            return True
        return False

    def apply(self) -> None:
        """Store what was typed as one undoable step, then go."""
        title, client = self.title_edit.text().strip(), self.client_edit.text().strip()
        info = self.controller.org.info
        if title or client:
            new = replace(info, title=title or info.title, client=client or info.client)
            self.controller.execute(self.tr("Name the organisation"), lambda s: s.set_info(new))
        self.dismiss()

    def dismiss(self) -> None:
        window = self.parentWidget()
        self.hide()
        if isinstance(window, QMainWindow):
            window.removeToolBar(self)
            tree = getattr(window, "tree", None)
            if tree is not None:
                tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.deleteLater()


def ask_once(window: MainWindow) -> DocumentInfoBar | None:
    """Show the bar for a new document that has no title yet (never for a file)."""
    controller = window.controller
    if controller.service.file.path is not None or controller.org.info.title.strip():
        return None
    bar = DocumentInfoBar(controller, window)
    window.addToolBarBreak()
    window.addToolBar(bar)
    return bar
