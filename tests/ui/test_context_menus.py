"""Context menus on tree rows, chart boxes and the empty chart, opened by real
context-menu events, acting on the position under the pointer."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.ui.export_dialog import ExportChartDialog
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, titles_under, undo_texts

# A shown popup menu: the offscreen platform cannot raise it or grab the keyboard for it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def _right_click(widget: QWidget, pos: QPoint) -> QMenu:
    """A context-menu event at `pos`, as a right click or the menu key sends; the menu shown."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu), "no context menu opened"
    return menu


def _action(menu: QMenu, name: str) -> QAction:
    for action in menu.actions():
        if action.objectName() == name:
            return action
    raise AssertionError(f"{name} not in {[a.objectName() for a in menu.actions()]}")


@pytest.fixture
def window(open_window: Callable[..., MainWindow], qtbot: QtBot) -> Iterator[MainWindow]:
    win = open_window("training_call_center_50")
    qtbot.waitUntil(lambda: win.chart.view.chart_layout() is not None)
    yield win
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()


def _row_point(window: MainWindow, position: PositionId) -> QPoint:
    index = window.model.index_of(position)
    window.tree.scrollTo(index)
    return window.tree.visualRect(index).center()


def _box_point(window: MainWindow, position: PositionId) -> QPoint:
    view = window.chart.view
    box = view.chart_layout().boxes[position]  # type: ignore[union-attr]
    view.centerOn(box.x + box.w / 2, box.y + box.h / 2)
    return view.mapFromScene(box.x + box.w / 2, box.y + box.h / 2)


def test_a_rows_menu_acts_on_the_row_under_the_pointer(window: MainWindow) -> None:
    manager = pid(window, "项目经理")
    window.select_position(pid(window, "运营总监"))
    before = titles_under(window, manager)
    menu = _right_click(window.tree.viewport(), _row_point(window, manager))
    assert menu.objectName() == "positionMenu"
    assert window.current_id() == manager
    steps = len(undo_texts(window))
    _action(menu, "actionAddReport").trigger()
    menu.close()
    assert len(titles_under(window, manager)) == len(before) + 1
    assert len(undo_texts(window)) == steps + 1


def test_a_boxes_menu_collapses_and_expands_its_branch(window: MainWindow) -> None:
    manager = pid(window, "项目经理")
    view = window.chart.view
    menu = _right_click(view.viewport(), _box_point(window, manager))
    assert window.current_id() == manager
    toggle = _action(menu, "actionToggleBranch")
    toggle.trigger()
    menu.close()
    assert manager in view.collapsed()
    menu = _right_click(view.viewport(), _box_point(window, manager))
    _action(menu, "actionToggleBranch").trigger()
    menu.close()
    assert manager not in view.collapsed()


def test_the_empty_charts_menu_holds_the_views_commands(window: MainWindow) -> None:
    view = window.chart.view
    view.set_branch_collapsed(pid(window, "项目经理"), True)
    menu = _right_click(view.viewport(), QPoint(2, 2))
    assert menu.objectName() == "chartMenu"
    names = {a.objectName() for a in menu.actions()}
    assert {"actionZoomIn", "actionZoomOut", "actionZoomFit", "actionExportChart",
            "actionPrintPreview", "actionExpandAllBranches"} <= names
    _action(menu, "actionExpandAllBranches").trigger()
    menu.close()
    assert view.collapsed() == frozenset()


def test_export_this_branch_opens_the_export_dialog_on_that_branch(window: MainWindow) -> None:
    manager = pid(window, "项目经理")
    menu = _right_click(window.tree.viewport(), _row_point(window, manager))
    _action(menu, "actionExportBranch").trigger()
    menu.close()
    dialog = window.findChild(ExportChartDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.root.currentData() == int(manager)
    dialog.close()


def test_the_arrange_submenu_shows_the_positions_choice(window: MainWindow) -> None:
    manager = pid(window, "项目经理")
    menu = _right_click(window.tree.viewport(), _row_point(window, manager))
    arrange = menu.findChild(QMenu, "arrangeMenu")
    assert arrange is not None
    arrange.aboutToShow.emit()
    checked = [a.objectName() for a in arrange.actions() if a.isChecked()]
    assert len(checked) == 1
    menu.close()


def test_the_tree_below_its_rows_offers_the_trees_commands(window: MainWindow) -> None:
    viewport = window.tree.viewport()
    menu = _right_click(viewport, QPoint(5, viewport.height() - 3))
    assert menu.objectName() == "treeMenu"
    assert {"actionExpandAll", "actionCollapseAll"} <= {a.objectName() for a in menu.actions()}
    menu.close()
