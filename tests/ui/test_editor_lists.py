"""Duties, requirements and KPI panels: every change is one undo step."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
)

from orgdesk.core.model import Kpi, PositionId
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.panels.list_editor import ListEditor, split_pasted
from tests.ui.conftest import double_click, on_disk, pid, type_text, undo_texts, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
ALT = Qt.KeyboardModifier.AltModifier


def editor(window: MainWindow, name: str) -> ListEditor:
    found = window.findChild(ListEditor, name)
    assert found is not None, name
    return found


def items(list_editor: ListEditor) -> list[str]:
    return list_editor.items()


def click(list_editor: ListEditor, button: str) -> None:
    QTest.mouseClick(list_editor.findChild(QToolButton, button), Qt.MouseButton.LeftButton)


def focus(widget) -> None:
    widget.window().activateWindow()
    assert wait_for(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus()
    assert wait_for(lambda: widget.hasFocus())


def open_panel(window: MainWindow, name: str) -> None:
    window.docks[name].raise_()


def step_back_and_forth(window: MainWindow) -> None:
    """Undo the last step and redo it: memory, disk and the panels agree each time."""
    after = window.controller.org.snapshot()
    window.controller.undo_stack.undo()
    assert on_disk(window) == window.controller.org.snapshot() != after
    window.controller.undo_stack.redo()
    assert window.controller.org.snapshot() == after == on_disk(window)


def duties_of(window: MainWindow, position: PositionId) -> list[str]:
    return list(window.controller.org.position(position).duties)


# ---------------------------------------------------------------- duties
@pytest.fixture
def duties_window(open_window: OpenWindow) -> tuple[MainWindow, PositionId]:
    window = open_window()
    position = pid(window, "项目督导")
    window.select_position(position)
    open_panel(window, "dutiesPanel")
    return window, position


def test_duties_panel_lists_the_duties(duties_window: tuple[MainWindow, PositionId]) -> None:
    window, position = duties_window
    assert items(editor(window, "dutiesList")) == duties_of(window, position)
    assert len(duties_of(window, position)) == 9


def test_add_a_duty_and_type_it(duties_window: tuple[MainWindow, PositionId]) -> None:
    window, position = duties_window
    duties = editor(window, "dutiesList")
    before = duties_of(window, position)
    duties.list.setCurrentRow(1)
    click(duties, "addButton")
    # The new row is being typed: nothing reaches the document before it is confirmed.
    assert duties_of(window, position) == before
    assert duties.list.state() == QAbstractItemView.State.EditingState
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    assert line.text() == "" and line.placeholderText() == "New item"
    type_text(line, "负责排班")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert wait_for(lambda: duties.list.state() != QAbstractItemView.State.EditingState)
    assert duties_of(window, position) == before[:2] + ["负责排班"] + before[2:]
    assert undo_texts(window) == ["Add duty “负责排班” (项目督导)"]
    step_back_and_forth(window)
    window.controller.undo_stack.undo()
    assert duties_of(window, position) == before
    assert items(duties) == before


def test_edit_a_duty_in_place(duties_window: tuple[MainWindow, PositionId]) -> None:
    window, position = duties_window
    duties = editor(window, "dutiesList")
    before = duties_of(window, position)
    rect = duties.list.visualItemRect(duties.list.item(0))
    double_click(duties.list.viewport(), rect.center())
    assert duties.list.state() == QAbstractItemView.State.EditingState
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    type_text(line, "监督小组成员")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert wait_for(lambda: duties.list.state() != QAbstractItemView.State.EditingState)
    assert duties_of(window, position) == ["监督小组成员"] + before[1:]
    assert undo_texts(window) == ["Edit duty “监督小组成员” (项目督导)"]
    window.controller.undo_stack.undo()
    assert items(duties) == before


def test_delete_a_duty_with_del(duties_window: tuple[MainWindow, PositionId]) -> None:
    window, position = duties_window
    duties = editor(window, "dutiesList")
    before = duties_of(window, position)
    focus(duties.list)
    duties.list.setCurrentRow(2)
    QTest.keyClick(duties.list, Qt.Key.Key_Delete)
    assert duties_of(window, position) == before[:2] + before[3:]
    assert items(duties) == before[:2] + before[3:]
    # The button does the same; one burst in one list is one step.
    click(duties, "deleteButton")
    assert len(duties_of(window, position)) == len(before) - 2
    assert undo_texts(window) == ["Remove 2 duties (项目督导)"]
    assert len(window.controller.org) == 6  # the tree's Del did not fire
    window.controller.undo_stack.undo()
    assert items(duties) == before


def test_reorder_duties_with_alt_arrows(duties_window: tuple[MainWindow, PositionId]) -> None:
    window, position = duties_window
    duties = editor(window, "dutiesList")
    before = duties_of(window, position)
    focus(duties.list)
    duties.list.setCurrentRow(3)
    QTest.keyClick(duties.list, Qt.Key.Key_Up, ALT)
    expected = before[:2] + [before[3], before[2]] + before[4:]
    assert duties_of(window, position) == expected
    assert duties.list.currentRow() == 2
    QTest.keyClick(duties.list, Qt.Key.Key_Down, ALT)
    QTest.keyClick(duties.list, Qt.Key.Key_Down, ALT)
    assert duties_of(window, position) == before[:3] + [before[4], before[3]] + before[5:]
    assert undo_texts(window) == ["Reorder duties (项目督导)"]  # one burst, one step
    # The tree did not move the position (its Alt+Up belongs to the tree only).
    assert window.controller.org.position(position).order == 0
    click(duties, "upButton")
    assert duties_of(window, position) == before
    assert undo_texts(window) == []  # moved and moved back: nothing left to undo


def test_reorder_duties_by_dragging(duties_window: tuple[MainWindow, PositionId]) -> None:
    """An internal drag in the list moves the row through its model's moveRows."""
    window, position = duties_window
    duties = editor(window, "dutiesList")
    before = duties_of(window, position)
    model = duties.list.model()
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert duties_of(window, position) == before[1:3] + [before[0]] + before[3:]
    assert undo_texts(window) == ["Reorder duties (项目督导)"]
    window.controller.undo_stack.undo()
    assert items(duties) == before


def test_paste_several_lines_as_several_duties(duties_window: tuple[MainWindow, PositionId]
                                               ) -> None:
    window, position = duties_window
    duties = editor(window, "dutiesList")
    before = duties_of(window, position)
    QGuiApplication.clipboard().setText("1、接听客户来电\n2、记录工单\n\n(3) 回访客户\n")
    focus(duties.list)
    duties.list.setCurrentRow(0)
    QTest.keySequence(duties.list, QKeySequence(QKeySequence.StandardKey.Paste))
    assert duties_of(window, position) == [before[0], "接听客户来电", "记录工单", "回访客户",
                                           *before[1:]]
    assert undo_texts(window) == ["Add 3 duties (项目督导)"]
    assert len(window.controller.org) == 6  # not a paste of positions into the tree
    window.controller.undo_stack.undo()
    assert items(duties) == before


def test_split_pasted_lines() -> None:
    assert split_pasted("1、甲\n2. 乙\n（3）丙\n• 丁\n- 戊\n\n  ") == ["甲", "乙", "丙", "丁", "戊"]
    assert split_pasted("2024年计划\n95%接通率") == ["2024年计划", "95%接通率"]


def test_duties_follow_the_selected_position(duties_window: tuple[MainWindow, PositionId]
                                             ) -> None:
    window, position = duties_window
    duties = editor(window, "dutiesList")
    window.select_position(pid(window, "客户服务专员"))
    assert items(duties) == duties_of(window, pid(window, "客户服务专员"))
    focus(duties.list)
    click(duties, "addButton")
    type_text(QApplication.focusWidget(), "接听来电")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert wait_for(lambda: "接听来电" in duties_of(window, pid(window, "客户服务专员")))
    assert undo_texts(window) == ["Add duty “接听来电” (客户服务专员)"]
    window.select_position(position)
    window.controller.undo_stack.undo()
    assert items(duties) == duties_of(window, position)


# ----------------------------------------------------------- requirements
@pytest.fixture
def requirements_window(open_window: OpenWindow) -> tuple[MainWindow, PositionId]:
    window = open_window("call_center_chart")
    position = pid(window, "客服主管")
    window.select_position(position)
    open_panel(window, "requirementsPanel")
    return window, position


def requirements(window: MainWindow, position: PositionId):
    return window.controller.org.position(position).requirements


def test_education_and_years(requirements_window: tuple[MainWindow, PositionId]) -> None:
    window, position = requirements_window
    combo = window.findChild(QComboBox, "educationCombo")
    combo.setCurrentIndex(combo.findText("本科"))
    combo.activated.emit(combo.currentIndex())
    assert requirements(window, position).education == "本科"
    years = window.findChild(QSpinBox, "yearsSpin")
    focus(years)
    years.selectAll()
    QTest.keyClicks(years, "12")
    assert requirements(window, position).min_years == 12
    assert undo_texts(window) == ["Edit requirements of 客服主管"] * 2  # typing "12" is one step
    years.setValue(-1)  # "—": not stated
    assert requirements(window, position).min_years is None
    assert years.text() == "—"
    for _ in range(3):
        window.controller.undo_stack.undo()
    assert requirements(window, position).education == "大专"
    assert requirements(window, position).min_years == 1
    assert combo.currentText() == "大专" and years.value() == 1


def test_age_range_and_an_inverted_one(requirements_window: tuple[MainWindow, PositionId]
                                       ) -> None:
    window, position = requirements_window
    low = window.findChild(QSpinBox, "ageMinSpin")
    high = window.findChild(QSpinBox, "ageMaxSpin")
    low.setValue(22)
    high.setValue(35)
    assert (requirements(window, position).age_min, requirements(window, position).age_max) \
        == (22, 35)
    assert window.controller.undo_stack.count() == 2
    start = window.controller.org.snapshot()
    low.setValue(36)  # after the end
    assert window.statusBar().currentMessage() == "The age range 36-35 starts after it ends."
    assert window.controller.org.snapshot() == start == on_disk(window)
    assert window.controller.undo_stack.count() == 2
    high.setValue(-1)  # no upper bound: 36 alone is fine
    assert (requirements(window, position).age_min, requirements(window, position).age_max) \
        == (22, None)
    step_back_and_forth(window)


def test_languages_skills_and_other(requirements_window: tuple[MainWindow, PositionId]) -> None:
    window, position = requirements_window
    original = requirements(window, position)
    languages = editor(window, "languagesList")
    skills = editor(window, "skillsList")
    QGuiApplication.clipboard().setText("普通话二级甲等\n英语四级")
    focus(languages.list)
    QTest.keySequence(languages.list, QKeySequence(QKeySequence.StandardKey.Paste))
    assert requirements(window, position).languages == ("普通话二级甲等", "英语四级")
    skills_before = list(requirements(window, position).skills)
    focus(skills.list)
    skills.list.setCurrentRow(0)
    QTest.keyClick(skills.list, Qt.Key.Key_Delete)
    assert list(requirements(window, position).skills) == skills_before[1:]
    other = window.findChild(QPlainTextEdit, "otherRequirementsEdit")
    focus(other)
    other.moveCursor(other.textCursor().MoveOperation.End)
    type_text(other, "; 有驾照")
    assert requirements(window, position).other.endswith("; 有驾照")
    assert undo_texts(window) == ["Add 2 languages (客服主管)",
                                  f"Remove skill “{skills_before[0]}” (客服主管)",
                                  "Edit requirements of 客服主管"]
    for _ in range(3):
        window.controller.undo_stack.undo()
    assert requirements(window, position) == original
    assert items(skills) == skills_before
    assert items(languages) == []
    assert not other.toPlainText().endswith("; 有驾照")


# -------------------------------------------------------------------- KPIs
@pytest.fixture
def kpi_window(open_window: OpenWindow) -> tuple[MainWindow, PositionId]:
    window = open_window()
    position = pid(window, "客户服务专员")
    window.select_position(position)
    open_panel(window, "kpiPanel")
    return window, position


def kpis_of(window: MainWindow, position: PositionId) -> tuple[Kpi, ...]:
    return window.controller.org.position(position).kpis


def test_kpis_add_edit_delete_reorder(kpi_window: tuple[MainWindow, PositionId]) -> None:
    window, position = kpi_window
    table = window.findChild(QTableWidget, "kpiTable")
    add = window.findChild(QPushButton, "addKpiButton")
    for _ in range(2):  # Add opens the new row's editor (issue 13, defect 11)
        QTest.mouseClick(add, Qt.MouseButton.LeftButton)
        assert wait_for(lambda: table.state() == QAbstractItemView.State.EditingState)
        type_text(QApplication.focusWidget(), "New KPI")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert wait_for(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert kpis_of(window, position) == (Kpi("New KPI"), Kpi("New KPI"))
    assert table.rowCount() == 2
    # Edit the first name in place.
    double_click(table.viewport(), table.visualItemRect(table.item(0, 0)).center())
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    type_text(line, "接通率")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert wait_for(lambda: table.state() != QAbstractItemView.State.EditingState)
    table.item(0, 1).setText("≥95%")
    table.item(1, 0).setText("满意度")
    assert kpis_of(window, position) == (Kpi("接通率", "≥95%"), Kpi("满意度"))
    # Reorder and delete.
    table.setCurrentCell(1, 0)
    QTest.mouseClick(window.findChild(QPushButton, "kpiUpButton"), Qt.MouseButton.LeftButton)
    assert kpis_of(window, position) == (Kpi("满意度"), Kpi("接通率", "≥95%"))
    assert table.currentRow() == 0
    QTest.mouseClick(window.findChild(QPushButton, "kpiDownButton"), Qt.MouseButton.LeftButton)
    assert kpis_of(window, position) == (Kpi("接通率", "≥95%"), Kpi("满意度"))
    table.setCurrentCell(0, 0)
    QTest.mouseClick(window.findChild(QPushButton, "deleteKpiButton"), Qt.MouseButton.LeftButton)
    assert kpis_of(window, position) == (Kpi("满意度"),)
    assert [table.item(0, c).text() for c in (0, 1)] == ["满意度", ""]
    # One burst of edits in the table is one step, saying what it did in all.
    assert undo_texts(window) == ["Add KPI “满意度” (客户服务专员)"]
    assert on_disk(window) == window.controller.org.snapshot()
    window.controller.undo_stack.undo()
    assert kpis_of(window, position) == ()
    assert table.rowCount() == 0
    window.controller.undo_stack.redo()
    assert [table.item(0, c).text() for c in (0, 1)] == ["满意度", ""]


def test_duties_are_shown_numbered_but_edited_bare(open_window) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = open_window("software_ops_department")
    duties = window.duties.editor.list
    assert duties.count() > 1
    shown = []
    for row in range(2):
        option = QStyleOptionViewItem()
        duties.itemDelegate().initStyleOption(option, duties.model().index(row, 0))
        shown.append(option.text)
    position = window.controller.org.position(window.current_id())
    assert shown == [f"1. {position.duties[0]}", f"2. {position.duties[1]}"]
    assert duties.item(0).text() == position.duties[0]  # what the editor and the file hold
