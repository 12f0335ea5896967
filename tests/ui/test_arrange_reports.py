"""Arrange Reports works for any team, through the real menu of a real window: a
manager whose reports have reports gets them stacked or in two columns, the menu
shows the current choice, and choosing it again adds no undo step."""
from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from orgdesk.core.model import PositionId
from orgdesk.layout.model import Box
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, undo_texts, wait_for

# A menu popup asks the offscreen platform to raise and grab, which it cannot.
pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support raise",
                                        "This plugin does not support grabbing the keyboard")]

OpenWindow = Callable[..., MainWindow]


def click_box(window: MainWindow, position: PositionId) -> None:
    view = window.chart.view
    if view.chart_layout() is None:  # the first drawing waits a moment after opening
        window.chart.refresh()
    layout = view.chart_layout()
    assert layout is not None
    box = layout.boxes[position]
    view.ensureVisible(box.x, box.y, box.w, box.h, 10, 10)
    point = view.mapFromScene(QPointF(box.x + box.w / 2, box.y + 8))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point)
    assert wait_for(lambda: window.current_id() == position)


def arrange_menu(window: MainWindow) -> QMenu:
    action = window.findChild(QAction, "actionArrange_vertical")
    assert action is not None
    menu = action.parent()
    assert isinstance(menu, QMenu)
    return menu


def open_menu(window: MainWindow) -> QMenu:
    menu = arrange_menu(window)
    menu.popup(window.mapToGlobal(QPoint(200, 100)))
    assert wait_for(menu.isVisible)
    return menu


def checked(window: MainWindow) -> list[str]:
    menu = open_menu(window)
    names = [a.objectName() for a in menu.actions() if a.isChecked()]
    menu.close()
    return names


def choose(window: MainWindow, mode: str) -> None:
    """Open the Arrange Reports menu and click the entry, as the user does."""
    menu = open_menu(window)
    action = window.findChild(QAction, f"actionArrange_{mode}")
    assert action is not None and action.isEnabled()
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     menu.actionGeometry(action).center())
    assert wait_for(lambda: not menu.isVisible())
    QApplication.processEvents()


def boxes(window: MainWindow, ids: list[PositionId]) -> list[Box]:
    layout = window.chart.view.chart_layout()
    assert layout is not None
    return [layout.boxes[i] for i in ids]


def overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def leaders_of(window: MainWindow) -> list[PositionId]:
    return [p.id for p in window.controller.org.direct_reports(pid(window, "项目经理"))]


def test_stack_and_two_columns_for_a_team_whose_reports_have_reports(
        open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    window.resize(1366, 768)
    manager = pid(window, "项目经理")
    leaders = leaders_of(window)  # four 项目组长, each with 话务员 ×10 under them
    click_box(window, manager)
    assert checked(window) == ["actionArrange_auto"]
    before = boxes(window, leaders)
    assert len({b.y for b in before}) == 1  # one row side by side

    choose(window, "vertical")
    stacked = boxes(window, leaders)
    assert [b.y for b in stacked] == sorted({b.y for b in stacked})  # one below the other
    assert len({b.y for b in stacked}) == 4
    assert all(a.x < b.x + b.w and b.x < a.x + a.w for a, b in itertools.pairwise(stacked))
    assert undo_texts(window) == ["Arrange the reports of 项目经理"]
    assert checked(window) == ["actionArrange_vertical"]
    assert window.controller.is_modified

    choose(window, "two_columns")
    columns = boxes(window, leaders)
    rows = sorted({b.y for b in columns})
    assert len(rows) == 2 and len({b.x for b in columns}) == 2
    assert checked(window) == ["actionArrange_two_columns"]
    everything = list(window.chart.view.chart_layout().boxes.values())  # type: ignore[union-attr]  # shown
    assert not any(overlap(a, b) for i, a in enumerate(everything) for b in everything[i + 1:])

    choose(window, "auto")
    assert [(b.x, b.y) for b in boxes(window, leaders)] == [(b.x, b.y) for b in before]
    assert checked(window) == ["actionArrange_auto"]


def test_the_same_arrangement_again_adds_no_undo_step(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    click_box(window, pid(window, "项目经理"))
    choose(window, "auto")  # already automatic
    assert undo_texts(window) == []
    assert not window.controller.is_modified
    choose(window, "vertical")
    choose(window, "vertical")
    assert undo_texts(window) == ["Arrange the reports of 项目经理"]


def test_a_position_with_one_report_has_nothing_to_arrange(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    click_box(window, pid(window, "项目组长"))  # one report: 话务员 ×10
    menu = open_menu(window)
    assert not any(a.isEnabled() for a in menu.actions())
    menu.close()
    assert undo_texts(window) == []


def test_the_cli_export_uses_the_arrangement(open_window: OpenWindow, tmp_path: Path) -> None:
    window = open_window("training_call_center_50")
    click_box(window, pid(window, "项目经理"))
    leaders = leaders_of(window)
    choose(window, "vertical")
    assert window.save()
    path = window.controller.service.file.path
    target = tmp_path / "chart.dot"
    subprocess.run([sys.executable, "-m", "orgdesk", "export", str(path), "-o", str(target)],
                   check=True, capture_output=True, timeout=120)
    dot = target.read_text(encoding="utf-8")
    ys = []
    for leader in leaders:
        line = next(li for li in dot.splitlines() if li.lstrip().startswith(f"n{int(leader)} ["))
        ys.append(float(line.split('pos="')[1].split(",")[1].split("!")[0]))
    assert len(set(ys)) == 4  # stacked in the export as on screen


def test_a_choice_left_from_a_bigger_team_can_go_back_to_automatic(
        open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    manager = pid(window, "项目经理")
    click_box(window, manager)
    choose(window, "vertical")
    for leader in leaders_of(window)[1:]:
        window.controller.execute("delete", lambda s, p=leader: s.remove_branch(p))
    window.chart.refresh()
    click_box(window, manager)
    menu = open_menu(window)
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions()}
    menu.close()
    assert enabled == {"actionArrange_auto": True, "actionArrange_horizontal": False,
                       "actionArrange_vertical": False, "actionArrange_two_columns": False}
    assert checked(window) == ["actionArrange_vertical"]
    steps = len(undo_texts(window))
    choose(window, "auto")
    assert len(undo_texts(window)) == steps + 1
    assert checked(window) == ["actionArrange_auto"]
