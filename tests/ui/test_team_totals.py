"""Team totals on managers' boxes: a checkable entry of Chart Detail, saved with the
document (undoable), drawn on screen and in the CLI's export."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, undo_texts, wait_for

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support raise",
                                        "This plugin does not support grabbing the keyboard")]

OpenWindow = Callable[..., MainWindow]


def toggle_team_totals(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "actionTeamTotals")
    assert action is not None
    menu = action.parent()
    assert isinstance(menu, QMenu)
    menu.popup(window.mapToGlobal(QPoint(200, 100)))
    assert wait_for(menu.isVisible)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     menu.actionGeometry(action).center())
    assert wait_for(lambda: not menu.isVisible())
    QApplication.processEvents()
    return action


def details(window: MainWindow, title: str, nth: int = 0) -> tuple[str, ...]:
    window.chart.refresh()
    layout = window.chart.view.chart_layout()
    assert layout is not None
    return layout.boxes[pid(window, title, nth)].text.detail_lines


def test_team_totals_on_manager_boxes(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    assert not any("Team" in line for line in details(window, "项目经理"))
    action = toggle_team_totals(window)
    assert action.isChecked()
    assert undo_texts(window) == ["Show team totals"]
    assert "Team 44 seats" in details(window, "项目经理")  # 4 leaders + 4 × 10 agents
    assert "Team 10 seats" in details(window, "项目组长")
    assert not any("Team" in line for line in details(window, "话务员"))  # no reports
    # Once seats are filled, the roll-up says how many.
    agents = pid(window, "话务员")
    window.controller.execute("fill", lambda s: s.edit_position(agents, filled_headcount=7))
    assert "Team 44 seats, 7 filled" in details(window, "项目经理")
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert not any("Team" in line for line in details(window, "项目经理"))
    menu = action.parent()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    assert not action.isChecked()


def test_the_cli_export_draws_team_totals(open_window: OpenWindow, tmp_path: Path) -> None:
    window = open_window("training_call_center_50")
    toggle_team_totals(window)
    assert window.save()
    target = tmp_path / "chart.dot"
    subprocess.run([sys.executable, "-m", "orgdesk", "export",
                    str(window.controller.service.file.path), "-o", str(target), "--lang", "en"],
                   check=True, capture_output=True, timeout=120)
    assert "Team 44 seats" in target.read_text(encoding="utf-8")
