"""The position panels: what they show for the selected position, navigation, reports."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from orgdesk.core.model import PositionKind
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.panels.list_editor import ListEditor
from tests.ui.conftest import click_row, current_title, double_click, pid, titles_under, type_text, undo_texts

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
PANELS = ("overviewPanel", "dutiesPanel", "requirementsPanel", "reportsPanel", "kpiPanel")


def child(window: MainWindow, kind: type, name: str):
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def list_items(window: MainWindow, name: str) -> list[str]:
    widget = child(window, ListEditor, name).list
    return [widget.item(i).text() for i in range(widget.count())]


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_every_panel_is_a_dock_with_a_stable_name(open_window: OpenWindow) -> None:
    window = open_window()
    for name in PANELS:
        panel = child(window, QWidget, name)
        dock = child(window, QDockWidget, name + "Dock")
        assert dock.isAncestorOf(panel)  # inside a scroll area, so tall panels can scroll


def test_selecting_a_position_fills_the_panels(open_window: OpenWindow) -> None:
    window = open_window("call_center_chart")
    supervisor = pid(window, "客服主管")
    position = window.controller.org.position(supervisor)
    click_row(window, supervisor)
    assert window.current_id() == supervisor
    # overview
    assert child(window, QLineEdit, "titleEdit").text() == "客服主管"
    assert child(window, QComboBox, "departmentCombo").currentText() == "呼叫中心"
    assert "客服经理" in child(window, QLabel, "superiorLink").text()
    assert child(window, QComboBox, "kindCombo").currentData() == PositionKind.LINE.value
    assert child(window, QSpinBox, "plannedSpin").value() == position.planned_headcount
    assert child(window, QSpinBox, "filledSpin").value() == position.filled_headcount
    assert child(window, QLabel, "vacanciesLabel").text() == str(position.vacancies)
    # duties and requirements
    assert list_items(window, "dutiesList") == list(position.duties)
    assert child(window, QComboBox, "educationCombo").currentText() == "大专"
    assert child(window, QSpinBox, "yearsSpin").value() == 1
    assert child(window, QSpinBox, "ageMinSpin").value() == 25
    assert child(window, QSpinBox, "ageMaxSpin").value() == 40
    assert list_items(window, "skillsList") == list(position.requirements.skills)
    assert child(window, QPlainTextEdit, "otherRequirementsEdit").toPlainText() \
        == position.requirements.other
    # reports and KPIs
    reports = window.controller.org.direct_reports(supervisor)
    assert [row[0] for row in table_rows(child(window, QTableWidget, "reportsTable"))] == [
        p.title for p in reports]
    assert child(window, QTableWidget, "kpiTable").rowCount() == 0
    # Another position replaces everything.
    click_row(window, pid(window, "客服经理"))
    assert child(window, QLineEdit, "titleEdit").text() == "客服经理"
    assert child(window, QLabel, "superiorLink").text() == "—"
    assert child(window, QComboBox, "educationCombo").currentText() == "本科"
    assert child(window, QSpinBox, "ageMinSpin").value() == -1  # not stated
    assert child(window, QSpinBox, "ageMinSpin").text() == "—"
    assert window.controller.undo_stack.count() == 0  # showing is not editing
    assert not window.isWindowModified()


def test_clicking_the_superior_link_selects_the_superior(open_window: OpenWindow) -> None:
    window = open_window()
    window.docks["overviewPanel"].raise_()
    csr = pid(window, "客户服务专员")
    window.select_position(csr)
    link = child(window, QLabel, "superiorLink")
    assert "项目督导" in link.text()
    metrics = link.fontMetrics()
    rect = link.contentsRect()
    spot = QPoint(rect.left() + metrics.horizontalAdvance("项目") , rect.center().y())
    QTest.mouseClick(link, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert current_title(window) == "项目督导"
    assert child(window, QLineEdit, "titleEdit").text() == "项目督导"
    assert "项目经理" in link.text()


def test_reports_table_shows_headcounts_and_totals(open_window: OpenWindow) -> None:
    window = open_window()
    window.select_position(pid(window, "运营经理"))
    table = child(window, QTableWidget, "reportsTable")
    assert table_rows(table) == [
        ["项目经理", "1", "0", "16"],
        ["质检专员", "1", "0", "1"],
        ["培训专员", "1", "0", "1"],
    ]
    assert child(window, QLabel, "reportsTotals").text() == (
        "3 direct reports · 5 positions below · 18 seats planned, 0 filled, 18 vacant")
    window.select_position(pid(window, "项目督导"))
    assert table_rows(table) == [["客户服务专员", "14", "0", "14"]]
    # The table follows edits of a report's headcount.
    window.controller.execute("filled", lambda s: s.edit_position(
        pid(window, "客户服务专员"), filled_headcount=9))
    assert table_rows(table) == [["客户服务专员", "14", "9", "14"]]
    assert child(window, QLabel, "reportsTotals").text() == (
        "1 direct report · 1 position below · 14 seats planned, 9 filled, 5 vacant")


def test_double_click_in_reports_goes_to_the_report(open_window: OpenWindow) -> None:
    window = open_window()
    window.docks["reportsPanel"].raise_()
    window.select_position(pid(window, "运营经理"))
    table = child(window, QTableWidget, "reportsTable")
    rect = table.visualItemRect(table.item(1, 0))
    double_click(table.viewport(), rect.center())
    assert current_title(window) == "质检专员"
    assert child(window, QLineEdit, "titleEdit").text() == "质检专员"
    assert table.rowCount() == 0


def test_add_report_from_the_reports_panel(open_window: OpenWindow) -> None:
    window = open_window()
    window.docks["reportsPanel"].raise_()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    QTest.mouseClick(child(window, QPushButton, "addReportButton"), Qt.MouseButton.LeftButton)
    assert titles_under(window, supervisor) == ["客户服务专员", "New position"]
    assert current_title(window) == "New position"
    assert window.controller.org.superior(window.current_id()).id == supervisor
    assert undo_texts(window) == ["Add report to 项目督导"]
    window.controller.undo_stack.undo()
    assert titles_under(window, supervisor) == ["客户服务专员"]


def test_reorder_reports_from_the_reports_panel(open_window: OpenWindow) -> None:
    window = open_window()
    window.docks["reportsPanel"].raise_()
    boss = pid(window, "运营经理")
    window.select_position(boss)
    table = child(window, QTableWidget, "reportsTable")
    table.selectRow(2)
    QTest.mouseClick(child(window, QPushButton, "reportUpButton"), Qt.MouseButton.LeftButton)
    assert titles_under(window, boss) == ["项目经理", "培训专员", "质检专员"]
    assert [row[0] for row in table_rows(table)] == ["项目经理", "培训专员", "质检专员"]
    assert table.currentRow() == 1  # the moved report stays selected
    assert current_title(window) == "运营经理"
    assert undo_texts(window) == ["Reorder 培训专员"]
    QTest.mouseClick(child(window, QPushButton, "reportDownButton"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(child(window, QPushButton, "reportDownButton"), Qt.MouseButton.LeftButton)
    assert titles_under(window, boss) == ["项目经理", "质检专员", "培训专员"]
    assert window.controller.undo_stack.count() == 2  # the last click had nowhere to go


def test_overview_edits_are_one_step_each(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    agents = pid(window, "话务员", 0)
    window.select_position(agents)
    start = window.controller.org.snapshot()
    combo = child(window, QComboBox, "departmentCombo")
    combo.setCurrentIndex(combo.findText("项目组4"))
    combo.activated.emit(combo.currentIndex())
    kind = child(window, QComboBox, "kindCombo")
    kind.setCurrentIndex(1)
    kind.activated.emit(1)
    level = child(window, QLineEdit, "levelEdit")
    level.setFocus()
    type_text(level, "P3级")
    planned = child(window, QSpinBox, "plannedSpin")
    planned.setValue(12)
    notes = child(window, QPlainTextEdit, "notesEdit")
    notes.setFocus()
    type_text(notes, "早班")
    position = window.controller.org.position(agents)
    assert window.controller.org.department(position.department_id).name == "项目组4"
    assert position.kind is PositionKind.STAFF
    assert (position.level, position.planned_headcount, position.notes) == ("P3级", 12, "早班")
    assert undo_texts(window) == [
        "Change department of 话务员", "Change kind of 话务员", "Edit level of 话务员",
        "Change planned headcount of 话务员", "Edit notes of 话务员"]
    assert window.model.index_of(agents).data() == "话务员 ×12"
    for _ in range(5):
        window.controller.undo_stack.undo()
    assert window.controller.org.snapshot() == start
    assert child(window, QLineEdit, "levelEdit").text() == ""
    assert child(window, QSpinBox, "plannedSpin").value() == 10
    assert child(window, QComboBox, "departmentCombo").currentText() == "项目组1"
    assert child(window, QPlainTextEdit, "notesEdit").toPlainText() == ""
    assert window.model.index_of(agents).data() == "话务员 ×10"
