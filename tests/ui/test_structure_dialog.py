"""Edit → Derive Support Structure…: the plan shown before/after, Apply as one undo step,
fixed marks from the dialog (issue 14)."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QTableWidget

from orgdesk.core.model import PositionId
from orgdesk.core.settings import DESIGN_FIXED_SETTING
from orgdesk.design.structure import Role
from orgdesk.ui import structure_dialog
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.structure_dialog import StructureDialog
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def open_dialog(window: MainWindow) -> StructureDialog:
    action = window.findChild(QAction, "actionDeriveStructure")
    assert action is not None and action.isEnabled()
    action.trigger()
    dialog = window.findChild(StructureDialog)
    assert dialog is not None
    assert wait_for(dialog.isVisible)
    return dialog


def cell(dialog: StructureDialog, row: int, column: int) -> str:
    table = dialog.findChild(QTableWidget, "structureTable")
    return table.item(row, column).text()


def row_of(dialog: StructureDialog, role: Role) -> int:
    assert dialog.plan is not None
    return next(i for i, line in enumerate(dialog.plan.lines) if line.role is role)


def test_apply_is_one_undo_step_and_the_dialog_shows_after(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    controller = window.controller
    before = controller.org.snapshot()
    steps = controller.undo_stack.count()
    dialog = open_dialog(window)
    qa = row_of(dialog, Role.QA)
    assert (cell(dialog, qa, 2), cell(dialog, qa, 3), cell(dialog, qa, 4)) == ("1", "2", "2")
    assert cell(dialog, qa, 5) == "Adjust"
    # The first row that changes something is selected and explained.
    explanation = dialog.findChild(QPlainTextEdit, "structureExplanation").toPlainText()
    assert explanation.startswith("40 agent seats ÷ 25–30 per QA inspector → 2 QA inspectors")
    apply = dialog.findChild(QPushButton, "structureApplyButton")
    assert apply.isEnabled()
    QTest.mouseClick(apply, Qt.MouseButton.LeftButton)
    org = controller.org
    assert org.position(PositionId(14)).planned_headcount == 2
    assert org.position(PositionId(12)).planned_headcount == 2
    assert controller.undo_stack.count() == steps + 1
    assert controller.undo_stack.undoText() == "Apply the derived structure"
    after = org.snapshot()
    # Derived again: nothing left to do, so Apply is off; the rows show the new seats.
    assert not apply.isEnabled()
    assert cell(dialog, row_of(dialog, Role.QA), 2) == "2"
    controller.undo_stack.undo()
    assert controller.org.snapshot() == before
    controller.undo_stack.redo()
    assert controller.org.snapshot() == after
    dialog.reject()


def test_marking_fixed_from_the_dialog_is_undoable(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    controller = window.controller
    dialog = open_dialog(window)
    table = dialog.findChild(QTableWidget, "structureTable")
    table.setCurrentCell(row_of(dialog, Role.QA), 0)
    fix = dialog.findChild(QPushButton, "structureFixButton")
    assert fix.isEnabled() and fix.text() == "Mark as Fixed"
    QTest.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert controller.org.settings[DESIGN_FIXED_SETTING] == [14]
    assert fix.text() == "Unmark Fixed"
    qa = row_of(dialog, Role.QA)
    assert cell(dialog, qa, 5) == "Create"  # the fixed 质检专员 stays; one more beside it
    assert cell(dialog, qa, 1) == "运营总监 → 质检专员 (fixed)"
    controller.undo_stack.undo()
    assert DESIGN_FIXED_SETTING not in controller.org.settings
    dialog.reject()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_explanations_follow_the_interface_language(open_window: OpenWindow,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    language: str) -> None:
    monkeypatch.setattr(structure_dialog, "interface_language", lambda: language)
    window = open_window("training_call_center_50")
    dialog = open_dialog(window)
    text = dialog.findChild(QPlainTextEdit, "structureExplanation").toPlainText()
    expected = "40 个座席 ÷ 每名质检员" if language == "zh" else "40 agent seats ÷ 25–30"
    assert text.startswith(expected)
    assert not dialog.grab().isNull()
    dialog.reject()
    QApplication.processEvents()
