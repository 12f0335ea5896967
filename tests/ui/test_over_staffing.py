"""超编 (over-staffing) is said everywhere the window shows staffing: the Overview
panel, the tree, the chart box, the Analysis totals (which reconcile) and the
warnings `orgdesk info` prints, driven through the real spin boxes."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication

from orgdesk.layout.style import OVER
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import MIN_GAP_PX, click_row, pid, text_to_arrow_gap, type_text, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def set_spin(spin: QAbstractSpinBox, value: int) -> None:
    """Click into the spin box, select its text and type the value, as a user does."""
    spin.setFocus()
    QTest.mouseClick(spin, Qt.MouseButton.LeftButton)
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(spin, str(value))
    QTest.keyClick(spin, Qt.Key.Key_Tab)


def overstaff(window: MainWindow) -> int:
    """客户服务专员: 12 planned, 15 filled, typed into the Overview panel."""
    agents = pid(window, "客户服务专员")
    click_row(window, agents)
    assert wait_for(lambda: window.current_id() == agents)
    set_spin(window.overview.planned_spin, 12)
    set_spin(window.overview.filled_spin, 15)
    position = window.controller.org.position(agents)
    assert (position.planned_headcount, position.filled_headcount) == (12, 15)
    return int(agents)


def test_overview_tree_and_chart_flag_over_staffing(open_window: OpenWindow) -> None:
    window = open_window("software_ops_department")
    window.resize(1366, 768)
    agents = overstaff(window)
    label = window.overview.vacancies_label
    assert label.text() == "3 over"
    assert OVER.lower() in label.styleSheet().lower()
    index = window.model.index_of(agents)  # type: ignore[arg-type]  # an id
    assert "(3 over)" in str(index.data())
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name().lower() == OVER.lower()
    window.chart.refresh()
    item = window.chart.view._items[agents]
    assert item.style.over and item.style.border == OVER
    assert any("3 over" in line for line in item.box.text.detail_lines)
    # Back within the plan, every mark goes.
    set_spin(window.overview.filled_spin, 12)
    assert window.overview.vacancies_label.text() == "0"
    assert "over" not in str(window.model.index_of(agents).data())  # type: ignore[arg-type]  # an id
    window.chart.refresh()
    assert not window.chart.view._items[agents].style.over


def test_analysis_totals_reconcile_and_say_over(open_window: OpenWindow) -> None:
    window = open_window("software_ops_department")
    window.resize(1366, 768)
    overstaff(window)
    # Another position left vacant: over-staffing must not hide its vacancy.
    click_row(window, pid(window, "质检专员"))
    set_spin(window.overview.filled_spin, 0)
    window.deliverables.toggle()
    panel = window.deliverables.panel
    assert wait_for(lambda: "over" in panel.summary.text())
    totals = panel.analysis.totals
    assert totals.over == 3
    assert totals.planned == totals.filled - totals.over + totals.vacancies
    assert f"{totals.over} over" in panel.summary.text()
    for model in (panel.departments_model, panel.levels_model):
        headers = [model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(model.columnCount())]
        planned, filled, vacant, over = (headers.index(h) for h in
                                         ("Planned", "Filled", "Vacant", "Over"))
        for row in range(model.rowCount()):
            values = [int(model.index(row, c).data()) for c in (planned, filled, vacant, over)]
            assert values[0] == values[1] - values[3] + values[2], values
    headers = [panel.positions_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(panel.positions_model.columnCount())]
    assert "Over" in headers and "Over under" in headers


def test_the_warnings_of_orgdesk_info_show_in_the_window(open_window: OpenWindow) -> None:
    window = open_window("software_ops_department")
    button = window.warnings_button
    overstaff(window)
    assert wait_for(lambda: button.isVisible() and button.texts)
    assert "“客户服务专员” has 15 seats filled but only 12 planned." in button.texts
    assert "1 warning" in button.text()
    # Its menu arrow has room of its own (a tool button drew it against the “g”).
    assert text_to_arrow_gap(button) >= MIN_GAP_PX
    window.controller.undo_stack.undo()  # filled back to 0 of 12: nothing to warn of

    assert wait_for(lambda: not button.texts)
    QApplication.processEvents()
    assert not button.isVisible()
