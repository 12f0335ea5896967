"""The document's warnings in the window's status bar: the ones `orgdesk info` prints.

Over-staffing (超编), positions without planned seats and dotted lines that repeat
a reporting line are things a consultant should see while editing, not only
from the command line.  The button says how many there are; its menu and
tooltip list them, translated.  It follows every edit a moment later, once per
burst of edits, so typing stays quick on a big document.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from orgdesk.core.changes import ChangeSet
from orgdesk.report import warnings
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr_n, translate_sentence

REFRESH_DELAY_MS = 250
#: Most warnings listed in the menu (the count says how many there are in all).
MENU_LIMIT = 40


class WarningsButton(QPushButton):
    """“⚠ N warnings”, hidden when there are none; its menu lists them.

    A flat push button with a menu, as the toolbar's Scenarios button: the style
    gives its menu arrow room of its own (a tool button's instant-popup arrow was
    drawn against the last letter).
    """

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningsButton")
        self.controller = controller
        self.setFlat(True)
        self.setMenu(QMenu(self))
        self.texts: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        controller.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: ChangeSet, structural: bool) -> None:
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self.texts = [translate_sentence(w) for w in warnings(self.controller.org)]
        menu = self.menu()
        menu.clear()
        for text in self.texts[:MENU_LIMIT]:
            menu.addAction(text).setEnabled(True)
        if len(self.texts) > MENU_LIMIT:
            menu.addAction(tr_n("WarningsButton", "… and {count} more", "… and {count} more",
                                len(self.texts) - MENU_LIMIT)).setEnabled(False)
        self.setText("⚠ " + tr_n("WarningsButton", "{count} warning", "{count} warnings",
                                 len(self.texts)))
        self.setToolTip("\n".join(self.texts[:MENU_LIMIT]))
        self.setVisible(bool(self.texts))
