"""What the search box shows beyond selecting a match: every match marked in the
tree and the chart, the panel holding the current match brought forward, and
Escape clearing the query.

Kept out of the main window so the window only says when the matches change.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from orgdesk.core.model import PositionId
from orgdesk.core.search import (
    SECTION_DUTIES,
    SECTION_KPIS,
    SECTION_OVERVIEW,
    SECTION_REQUIREMENTS,
    match_section,
)
from orgdesk.ui.deliverables_pane import HIGHLIGHT

#: The editor window (orgdesk.ui.main_window.MainWindow), not imported: it imports this
#: module, and the import graph stays free of cycles.
MainWindow = Any

#: The marker colour of search matches (tree rows and chart boxes alike).
MATCH_COLOUR = QColor("#FFE699")

#: The dock (by its panel's object name) that shows each section's text.
SECTION_DOCKS = {SECTION_OVERVIEW: "overviewPanel", SECTION_DUTIES: "dutiesPanel",
                 SECTION_REQUIREMENTS: "requirementsPanel", SECTION_KPIS: "kpiPanel"}


#: At most this many matches have their branches opened in the tree as the query is typed.
REVEAL_LIMIT = 200


def show_matches(window: MainWindow, matches: list[PositionId], reveal: bool = False) -> None:
    """Mark `matches` in the tree and the chart; none: the compare marks come back.
    `reveal` (as the query is typed) opens the tree down to the first REVEAL_LIMIT."""
    if matches:
        window.model.set_highlighted(set(matches), QBrush(MATCH_COLOUR))
        if reveal:
            org, tree, model = window.controller.org, window.tree, window.model
            opened: set[PositionId] = set()
            for pid in matches[:REVEAL_LIMIT]:
                for superior in org.chain_of_command(pid):
                    if superior.id in opened:
                        break  # the rest of this chain is open already
                    opened.add(superior.id)
                    tree.expand(model.index_of(superior.id))
    else:
        window.model.set_highlighted(set(window.deliverables.highlighted), QBrush(HIGHLIGHT))
    window.chart.view.set_matched({int(pid) for pid in matches})


def raise_panel_of(window: MainWindow, pid: PositionId, query: str) -> None:
    """Bring forward the panel showing where `query` was found in position `pid`."""
    org = window.controller.org
    if pid not in org:
        return
    section = match_section(org, org.position(pid), query)
    dock = window.docks.get(SECTION_DOCKS.get(section or "", ""))
    if dock is not None and dock.toggleViewAction().isChecked():  # not closed by the user
        dock.raise_()


class EscapeClears(QObject):
    """Escape in the search box clears the query (and its marks) and hands the keyboard
    back to the tree; a second Escape in an empty box does nothing."""

    def __init__(self, box: QLineEdit, back_to: QWidget) -> None:
        super().__init__(box)
        self._box = box
        self._back_to = back_to
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._box and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            if self._box.text():
                self._box.clear()
            self._back_to.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False
