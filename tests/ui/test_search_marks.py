"""Search beyond selecting: Escape clears, every match marked in the tree and the
chart with the count, and the panel holding the match comes forward (issue 13, 12)."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QLineEdit

from orgdesk.core.model import Kpi
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, type_text, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def search(window: MainWindow, text: str) -> QLineEdit:
    box = window.findChild(QLineEdit, "searchBox")
    window.activateWindow()
    assert wait_for(lambda: QApplication.activeWindow() is window)
    QTest.keySequence(window.tree, QKeySequence(QKeySequence.StandardKey.Find))
    assert box.hasFocus()
    type_text(box, text)
    return box


def marked_rows(window: MainWindow) -> set[int]:
    """Ids whose tree row has a background (the search marker)."""
    model = window.model
    return {int(p.id) for p in window.controller.org.positions()
            if model.index_of(p.id).data(Qt.ItemDataRole.BackgroundRole) is not None}


def chart_ready(window: MainWindow) -> None:
    assert wait_for(lambda: window.chart.view.chart_layout() is not None)


def in_front(dock: QDockWidget) -> bool:
    """The dock's tab is the current one of its group (its contents are on screen)."""
    return dock.widget().isVisible() and not dock.visibleRegion().isEmpty()


def test_every_match_is_marked_in_the_tree_and_the_chart_with_the_count(
        open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    chart_ready(window)
    search(window, "话务员")
    agents = {int(pid(window, "话务员", n)) for n in range(4)}
    assert marked_rows(window) == agents
    assert window.chart.view.matched() == agents
    assert window.findChild(QLabel, "searchStatus").text().strip() == "1/4"
    # Every match is on screen in the tree, not only the current one.
    for agent in agents:
        index = window.model.index_of(agent)
        assert window.tree.visualRect(index).isValid(), agent
    # The marks follow the query and survive a chart rebuild.
    box = window.findChild(QLineEdit, "searchBox")
    for _ in "话务员":
        QTest.keyClick(box, Qt.Key.Key_Backspace)
    type_text(box, "组长")
    leaders = {int(pid(window, "项目组长", n)) for n in range(4)}
    assert marked_rows(window) == leaders
    window.chart.refresh()
    assert window.chart.view.matched() == leaders


def test_escape_clears_the_query_and_the_marks(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    chart_ready(window)
    box = search(window, "话务员")
    QTest.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert marked_rows(window) == set()
    assert window.chart.view.matched() == frozenset()
    assert window.findChild(QLabel, "searchStatus").text() == ""
    assert window.tree.hasFocus()


def test_the_panel_holding_the_match_comes_forward(open_window: OpenWindow) -> None:
    window = open_window("call_center_chart")
    inspector = pid(window, "质检员")
    window.controller.execute("kpi", lambda s: s.edit_position(
        inspector, kpis=(Kpi("录音抽检覆盖率", "≥5%"),)))
    duties, requirements, kpis = (window.docks[name] for name in (
        "dutiesPanel", "requirementsPanel", "kpiPanel"))
    assert in_front(duties)
    search(window, "抽检覆盖")
    assert window.current_id() == inspector
    assert wait_for(lambda: in_front(kpis))
    box = window.findChild(QLineEdit, "searchBox")
    QTest.keyClick(box, Qt.Key.Key_Escape)
    search(window, "优异的客户服务意识")  # a skill of 质检员 only
    assert wait_for(lambda: in_front(requirements))
    # A title match brings the overview forward over the direct reports.
    window.docks["reportsPanel"].raise_()
    QTest.keyClick(box, Qt.Key.Key_Escape)
    search(window, "网管/技术支持")
    assert window.current_id() == pid(window, "网管/技术支持")
    assert wait_for(lambda: in_front(window.docks["overviewPanel"]))
