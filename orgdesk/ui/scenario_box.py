"""The scenario box in the main toolbar: which scenario is open, and what to do with them.

A combo box lists the document's scenarios in their order; choosing one
switches to it.  The button beside it opens a menu: New from Current…,
Rename…, Delete…, Move Left/Right and Compare…  Every operation goes through
the controller as one undoable step (`DocumentController.execute_scenario`).
The name prompt and the confirmation are module functions so tests replace them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from orgdesk.services.scenario_names import shown_name
from orgdesk.services.scenarios import MAX_NAME_LENGTH
from orgdesk.ui.i18n import interface_language, tr

if TYPE_CHECKING:
    from orgdesk.ui.controller import DocumentController


#: Idle time after which the other scenarios are read ahead (see ScenarioService.prefetch).
READ_AHEAD_DELAY_MS = 1500


def ask_name(parent: QWidget, title: str, label: str, current: str) -> str | None:
    """A scenario name typed by the user, or None when cancelled."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, current)
    return text if ok else None


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class ScenarioBox(QWidget):
    """The toolbar's scenario chooser and its menu."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioBox")
        self.controller = controller
        self.label = QLabel(self.tr("Scenario:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("scenarioCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(6)
        self.combo.setToolTip(self.tr("The scenario being edited; choose another to switch"))
        self.combo.activated.connect(self._chosen)
        # A push button with a menu: the style gives its arrow room of its own (a
        # QToolButton's instant-popup arrow is drawn over the corner of its text).
        self.button = QPushButton(self.tr("Scenarios"), self)
        self.button.setObjectName("scenarioMenuButton")
        self.button.setAutoDefault(False)
        self.menu = QMenu(self)
        self.menu.setObjectName("scenarioMenu")
        self.act_new = self.menu.addAction(self.tr("&New from Current…"), self.new_scenario)
        self.act_rename = self.menu.addAction(self.tr("&Rename…"), self.rename_scenario)
        self.act_delete = self.menu.addAction(self.tr("&Delete…"), self.delete_scenario)
        self.menu.addSeparator()
        self.act_left = self.menu.addAction(self.tr("Move &Left"), lambda: self.move_scenario(-1))
        self.act_right = self.menu.addAction(self.tr("Move Ri&ght"), lambda: self.move_scenario(1))
        self.menu.addSeparator()
        self.act_compare = self.menu.addAction(self.tr("&Compare Scenarios…"), self.compare_scenarios)
        self.button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        # The scenarios one switch away are read ahead once the window is idle.
        self._read_ahead = QTimer(self)
        self._read_ahead.setSingleShot(True)
        self._read_ahead.setInterval(READ_AHEAD_DELAY_MS)
        self._read_ahead.timeout.connect(self._prefetch)
        controller.scenarios_changed.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        listed = self.controller.scenarios.scenarios()
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for scenario in listed:
                # The default scenario reads in the interface's language (see scenario_names).
                self.combo.addItem(shown_name(scenario.name, interface_language()), scenario.id)
                if scenario.active:
                    self.combo.setCurrentIndex(self.combo.count() - 1)
        index = self.combo.currentIndex()
        self.act_delete.setEnabled(len(listed) > 1)
        self.act_left.setEnabled(index > 0)
        self.act_right.setEnabled(0 <= index < len(listed) - 1)
        self.act_compare.setEnabled(len(listed) > 1)
        if len(listed) > 1:
            self._read_ahead.start()

    def _prefetch(self) -> None:
        if self.isVisible():  # not once the window is closing: its document is going
            self.controller.scenarios.prefetch()

    def active_name(self) -> str:
        return self.combo.currentText()

    def _active_id(self) -> int:
        return int(self.combo.currentData())

    # ---------------------------------------------------------- operations
    def _chosen(self, index: int) -> None:
        sid = int(self.combo.itemData(index))
        name = self.combo.itemText(index)
        if not self.controller.execute_scenario(
                tr("ScenarioBox", "Switch to scenario “{name}”", name=name),
                lambda scenarios: scenarios.switch(sid)):
            self.refresh()

    def new_scenario(self) -> None:
        current = self.active_name()
        name = ask_name(self.window(), self.tr("New Scenario"),
                        tr("ScenarioBox", "Name of the new scenario (a copy of “{name}”):",
                           name=current),
                        self._free_name())
        if name is None:
            return
        self.controller.execute_scenario(
            tr("ScenarioBox", "New scenario “{name}”", name=name.strip()),
            lambda scenarios: scenarios.create(name, switch=True))

    def _free_name(self) -> str:
        taken = {self.combo.itemText(i) for i in range(self.combo.count())}
        base = self.tr("Option")
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            candidate = f"{base} {letter}" if " " not in base and base.isascii() else \
                f"{base}{letter}"
            if candidate not in taken:
                return candidate[:MAX_NAME_LENGTH]
        return ""

    def rename_scenario(self) -> None:
        sid, current = self._active_id(), self.active_name()
        name = ask_name(self.window(), self.tr("Rename Scenario"),
                        self.tr("New name of the scenario:"), current)
        if name is None:
            return
        self.controller.execute_scenario(
            tr("ScenarioBox", "Rename scenario “{old}” → “{new}”", old=current,
               new=name.strip()),
            lambda scenarios: scenarios.rename(sid, name))

    def delete_scenario(self) -> None:
        sid, current = self._active_id(), self.active_name()
        if not confirm(self.window(), self.tr("Delete Scenario"),
                       tr("ScenarioBox", "Delete the scenario “{name}” with all its "
                          "positions? (Undo brings it back.)", name=current)):
            return
        self.controller.execute_scenario(
            tr("ScenarioBox", "Delete scenario “{name}”", name=current),
            lambda scenarios: scenarios.delete(sid))

    def move_scenario(self, step: int) -> None:
        sid, index = self._active_id(), self.combo.currentIndex()
        self.controller.execute_scenario(
            tr("ScenarioBox", "Move scenario “{name}”", name=self.active_name()),
            lambda scenarios: scenarios.move(sid, index + step))

    def compare_scenarios(self) -> None:
        from orgdesk.ui import scenario_compare

        scenario_compare.compare_scenarios_dialog(self.window(), self.controller)
