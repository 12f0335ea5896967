"""The overview map, the zoom percentage and Fit Selection, driven as a user would."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from orgdesk.ui.chart_navigator import ChartNavigator, ZoomBox
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, type_text


def _ready(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.chart.view.chart_layout() is not None)
    QApplication.processEvents()


def _navigator(window: MainWindow) -> ChartNavigator:
    found = window.chart.view.findChild(ChartNavigator)
    assert found is not None
    return found


def test_the_map_appears_only_when_the_chart_is_larger_than_the_window(
        open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")
    _ready(qtbot, window)
    navigator = _navigator(window)
    window.chart.view.zoom_to_fit()
    qtbot.waitUntil(lambda: not navigator.isVisible())
    for _ in range(4):
        window.chart.view.zoom_in()
    qtbot.waitUntil(navigator.isVisible)
    visible = navigator.to_map(navigator.visible_rect())
    assert QRectF(navigator.rect()).adjusted(-1, -1, 1, 1).contains(visible.center())


def test_a_click_on_the_map_moves_the_view_there(open_window: Callable[..., MainWindow],
                                                  qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")
    _ready(qtbot, window)
    view = window.chart.view
    for _ in range(4):
        view.zoom_in()
    navigator = _navigator(window)
    qtbot.waitUntil(navigator.isVisible)
    target = QPoint(navigator.width() - 6, navigator.height() - 6)  # the chart's far corner
    QTest.mouseClick(navigator, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     target)
    wanted = navigator.to_scene(QPointF(target))
    visible = navigator.visible_rect()
    scene = view.sceneRect()
    # The view moved to that corner as far as the chart lets it.
    assert visible.center().x() > scene.center().x()
    assert visible.right() >= min(wanted.x(), scene.right()) - 2
    assert visible.bottom() >= min(wanted.y(), scene.bottom()) - 2


def test_the_zoom_box_shows_and_sets_the_zoom(open_window: Callable[..., MainWindow],
                                              qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")
    _ready(qtbot, window)
    view = window.chart.view
    box = window.findChild(ZoomBox)
    assert box is not None and box.isVisible()
    line = box.lineEdit()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton)  # the user clicks into the box
    line.selectAll()
    type_text(line, "50")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert view.scale_factor() == pytest.approx(0.5)
    assert not view.is_fitting()
    line.clearFocus()
    view.zoom_in()
    qtbot.waitUntil(lambda: line.text() == f"{round(view.scale_factor() * 100)} %")
    assert box.apply("150\uff05")  # a Chinese input method's percent sign
    assert view.scale_factor() == pytest.approx(1.5)
    assert not box.apply("lots")
    assert view.scale_factor() == pytest.approx(1.5)
    assert line.text() == "150 %"


def test_fit_selection_shows_the_selected_branch(open_window: Callable[..., MainWindow],
                                                 qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")
    _ready(qtbot, window)
    view = window.chart.view
    leader = pid(window, "项目组长")
    window.select_position(leader)
    view.set_zoom(3.0, QPointF(0, 0))
    window.findChild(QAction, "actionFitSelection").trigger()
    QApplication.processEvents()
    visible = _navigator(window).visible_rect()
    layout = view.chart_layout()
    assert layout is not None
    branch = {leader} | window.controller.org.descendant_ids(leader)
    for box_id in branch:
        box = layout.boxes[box_id]
        assert visible.contains(QRectF(box.x, box.y, box.w, box.h)), box_id
    assert view.scale_factor() <= 1.5
    others = [b for b in layout.boxes.values() if b.id not in branch]
    assert any(not visible.contains(QRectF(b.x, b.y, b.w, b.h)) for b in others)


def test_the_map_can_be_turned_off_and_stays_off(open_window: Callable[..., MainWindow],
                                                 qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")
    _ready(qtbot, window)
    toggle = window.findChild(QAction, "actionOverviewMap")
    toggle.trigger()
    assert not toggle.isChecked()
    for _ in range(4):
        window.chart.view.zoom_in()
    QApplication.processEvents()
    assert not _navigator(window).isVisible()
    assert window.close()
    again = open_window("training_call_center_50")
    _ready(qtbot, again)
    assert not again.findChild(QAction, "actionOverviewMap").isChecked()
