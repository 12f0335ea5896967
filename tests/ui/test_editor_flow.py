"""Issue 13, defects 4, 5, 6 and 9: the toolbar with long step texts, Escape on a just-added
row, renaming without swallowing shortcuts (and in the chart box), readable and merged history.

Every test drives the real window with QTest key and mouse events.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from orgdesk.core.model import Kpi, PositionId
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.panels.list_editor import ListEditor
from orgdesk.ui.panels.list_history import (
    describe_list_change,
    duty_words,
    kpi_label,
    kpi_words,
)
from tests.ui.conftest import click_row, pid, titles_under, type_text, undo_texts, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focus(widget: QWidget) -> None:
    widget.window().activateWindow()
    assert wait_for(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus()
    assert wait_for(widget.hasFocus)


def editing_line(container: QWidget) -> QLineEdit:
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit) and container.isAncestorOf(line), line
    return line


# ------------------------------------------------------------ defect 4: toolbar
def toolbar_geometry(window: MainWindow) -> dict[str, QRect]:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    found = {}
    for action in toolbar.actions():
        widget = toolbar.widgetForAction(action)
        if widget is not None and widget.isVisible():
            found[action.objectName() or widget.objectName()] = QRect(widget.geometry())
    return found


def assert_toolbar_whole(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible(), "actions overflowed into »"
    for action in (window.undo_action, window.redo_action, window.act["add_report"]):
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.objectName()
        assert toolbar.rect().contains(button.geometry()), action.objectName()
    assert window.search_box.isVisible()
    assert toolbar.rect().contains(window.search_box.geometry())


@pytest.mark.parametrize("size", [(1366, 768), (1180, 760)])
def test_a_long_title_neither_widens_the_undo_button_nor_hides_the_toolbar(
        open_window: OpenWindow, size: tuple[int, int]) -> None:
    window = open_window()
    window.resize(*size)
    QApplication.processEvents()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    focus(window.tree)
    QTest.keyClick(window.tree, Qt.Key.Key_Insert)  # an undo text exists from here on
    QTest.keyClick(editing_line(window.tree), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert_toolbar_whole(window)
    before = toolbar_geometry(window)
    long_title = "客户服务质量监督与持续改进专员" * 14  # 210 characters
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    line = editing_line(window.tree)
    line.selectAll()
    type_text(line, long_title)
    QTest.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()
    full = undo_texts(window)[-1]
    assert long_title in full
    # The button shows an elided text; the tooltip and History the whole one.
    toolbar = window.findChild(QToolBar, "mainToolbar")
    undo_button = toolbar.widgetForAction(window.undo_action)
    assert len(undo_button.text()) < 40 and "…" in undo_button.text()
    assert long_title in undo_button.toolTip()
    assert window.history.model().index(2, 0).data() == full
    assert_toolbar_whole(window)
    assert toolbar_geometry(window) == before, "the toolbar reflowed"
    # Undo puts the long text on the Redo button: still nothing moves.
    QTest.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
    QApplication.processEvents()
    redo_button = toolbar.widgetForAction(window.redo_action)
    assert long_title in redo_button.toolTip() and len(redo_button.text()) < 40
    assert_toolbar_whole(window)
    assert toolbar_geometry(window) == before, "the toolbar reflowed"
    # The Edit menu does not carry 200 characters either.
    assert len(window.redo_action.text()) < 80


# ------------------------------------------------- defect 5: Escape cancels an add
@pytest.mark.parametrize("key", [Qt.Key.Key_Insert, Qt.Key.Key_Return])
def test_escape_on_a_just_added_position_cancels_the_add(open_window: OpenWindow,
                                                         key: Qt.Key) -> None:
    window = open_window()
    boss = pid(window, "运营经理")
    start = window.controller.org.snapshot()
    window.select_position(pid(window, "质检专员"))
    focus(window.tree)
    QTest.keyClick(window.tree, key)
    assert window.controller.undo_stack.count() == 1
    QTest.keyClick(editing_line(window.tree), Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert window.tree.state() != QAbstractItemView.State.EditingState
    assert window.controller.org.snapshot() == start
    assert titles_under(window, boss) == ["项目经理", "质检专员", "培训专员"]
    assert window.controller.undo_stack.count() == 0, undo_texts(window)
    assert not window.controller.is_modified
    assert window.controller.org.position(window.current_id()).title == "质检专员"
    # A confirmed add stays, and so does an add whose title was kept with Return.
    QTest.keyClick(window.tree, key)
    QTest.keyClick(editing_line(window.tree), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.controller.undo_stack.count() == 1
    QTest.keyClick(window.tree, Qt.Key.Key_F2)  # a later rename of it, cancelled: no removal
    QTest.keyClick(editing_line(window.tree), Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert window.controller.undo_stack.count() == 1


@pytest.mark.parametrize("panel, name", [("dutiesPanel", "dutiesList"),
                                         ("requirementsPanel", "languagesList"),
                                         ("requirementsPanel", "skillsList")])
def test_escape_on_a_just_added_list_item_leaves_nothing(open_window: OpenWindow, panel: str,
                                                         name: str) -> None:
    window = open_window()
    window.select_position(pid(window, "项目督导"))
    window.docks[panel].raise_()
    editor = window.findChild(ListEditor, name)
    before = editor.items()
    start = window.controller.org.snapshot()
    focus(editor.list)
    QTest.mouseClick(editor.findChild(QToolButton, "addButton"), Qt.MouseButton.LeftButton)
    line = editing_line(editor.list)
    assert line.text() == "" and line.placeholderText()  # the placeholder is not data
    QTest.keyClick(line, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert editor.list.state() != QAbstractItemView.State.EditingState
    assert editor.items() == before
    assert window.controller.org.snapshot() == start
    assert window.controller.undo_stack.count() == 0, undo_texts(window)
    # Return on the empty new row adds nothing either.
    QTest.mouseClick(editor.findChild(QToolButton, "addButton"), Qt.MouseButton.LeftButton)
    QTest.keyClick(editing_line(editor.list), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert editor.items() == before and window.controller.undo_stack.count() == 0


# ----------------------------------------------- defect 6: renaming and shortcuts
def test_a_click_on_the_selected_row_does_not_open_an_editor_that_eats_keys(
        open_window: OpenWindow) -> None:
    window = open_window()
    inspector = pid(window, "质检专员")
    window.select_position(inspector)
    focus(window.tree)
    QTest.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # one step
    assert window.controller.undo_stack.count() == 1
    click_row(window, inspector)
    QTest.qWait(QApplication.doubleClickInterval() + 50)
    click_row(window, inspector)  # a click on the row that is already current
    QTest.qWait(QApplication.doubleClickInterval() + 150)
    assert window.tree.state() != QAbstractItemView.State.EditingState
    QTest.keySequence(QApplication.focusWidget(), QKeySequence(QKeySequence.StandardKey.Undo))
    assert window.controller.undo_stack.index() == 0, "Ctrl+Z did nothing"
    click_row(window, inspector)
    QTest.qWait(QApplication.doubleClickInterval() + 150)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Insert)
    assert titles_under(window, inspector) == ["New position"], "Insert did nothing"


def test_ctrl_z_in_an_untouched_title_editor_undoes_the_last_step(
        open_window: OpenWindow) -> None:
    window = open_window()
    inspector = pid(window, "质检专员")
    window.select_position(inspector)
    focus(window.tree)
    QTest.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window.tree, Qt.Key.Key_Insert)
    assert titles_under(window, inspector) == ["New position"]
    line = editing_line(window.tree)
    QTest.keySequence(line, QKeySequence(QKeySequence.StandardKey.Undo))
    QApplication.processEvents()
    assert window.tree.state() != QAbstractItemView.State.EditingState
    assert titles_under(window, inspector) == []
    assert window.controller.undo_stack.index() == 1  # the add undone, nothing more
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    QTest.keySequence(editing_line(window.tree), QKeySequence(QKeySequence.StandardKey.Undo))
    QApplication.processEvents()
    assert window.tree.state() != QAbstractItemView.State.EditingState
    assert window.controller.undo_stack.index() == 0  # the reorder undone
    # Once something is typed, Ctrl+Z undoes the typing in the editor.
    QTest.keyClick(window.tree, Qt.Key.Key_F2)
    line = editing_line(window.tree)
    type_text(line, "组")
    QTest.keySequence(line, QKeySequence(QKeySequence.StandardKey.Undo))
    assert window.tree.state() == QAbstractItemView.State.EditingState
    assert line.text() == "质检专员"
    QTest.keyClick(line, Qt.Key.Key_Escape)


def box_centre(window: MainWindow, position: PositionId) -> QPoint:
    view = window.chart.view
    box = view.chart_layout().boxes[position]
    view.centerOn(QPointF(box.x + box.w / 2, box.y + box.h / 2))
    return view.mapFromScene(QPointF(box.x + box.w / 2, box.y + box.h / 2))


def double_click_box(window: MainWindow, position: PositionId) -> QLineEdit:
    view = window.chart.view
    assert wait_for(lambda: view.chart_layout() is not None
                    and position in view.chart_layout().boxes)
    centre = box_centre(window, position)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO, centre)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, NO, centre)
    QApplication.processEvents()
    assert window.tree.state() != QAbstractItemView.State.EditingState, "renamed in the tree"
    line = editing_line(view)
    assert line.isVisible() and line.geometry().contains(centre), "not over the box"
    return line


def test_double_click_on_a_chart_box_renames_in_the_box(open_window: OpenWindow) -> None:
    window = open_window()
    window.resize(1366, 768)
    trainer = pid(window, "培训专员")
    line = double_click_box(window, trainer)
    assert line.text() == "培训专员"
    line.selectAll()
    type_text(line, "培训主管")
    QTest.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.controller.org.position(trainer).title == "培训主管"
    assert undo_texts(window) == ["Rename 培训专员 → 培训主管"]
    assert not line.isVisible()
    # Escape cancels: nothing changes, no step.
    line = double_click_box(window, trainer)
    type_text(line, "X")
    QTest.keyClick(line, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert window.controller.org.position(trainer).title == "培训主管"
    assert window.controller.undo_stack.count() == 1
    assert not line.isVisible()
    # F2 with the focus in the chart renames in the box too.
    focus(window.chart.view)
    QTest.keyClick(window.chart.view, Qt.Key.Key_F2)
    line = editing_line(window.chart.view)
    assert line.text() == "培训主管"
    QTest.keyClick(line, Qt.Key.Key_Escape)
    assert window.chart.view.hasFocus()
    # Ctrl+Z with nothing typed closes the editor and undoes the rename.
    line = double_click_box(window, trainer)
    QTest.keySequence(line, QKeySequence(QKeySequence.StandardKey.Undo))
    assert not line.isVisible()
    assert window.controller.org.position(trainer).title == "培训专员"
    # Rename from the box's context menu (the window's Rename action) edits in the box too.
    focus(window.chart.view)
    window.act["rename"].trigger()
    line = editing_line(window.chart.view)
    QTest.keyClick(line, Qt.Key.Key_Escape)
    assert window.tree.state() != QAbstractItemView.State.EditingState
    # The keys work again at once.
    focus(window.tree)
    QTest.keySequence(window.tree, QKeySequence(QKeySequence.StandardKey.Redo))
    assert window.controller.org.position(trainer).title == "培训主管"


# ------------------------------------------------------ defect 9: history texts
def add_duty(editor: ListEditor, text: str) -> None:
    QTest.mouseClick(editor.findChild(QToolButton, "addButton"), Qt.MouseButton.LeftButton)
    line = editing_line(editor.list)
    line.selectAll()
    type_text(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_six_duties_typed_in_one_burst_are_one_step_that_says_what_changed(
        open_window: OpenWindow) -> None:
    window = open_window()
    agent = pid(window, "客户服务专员")
    window.select_position(agent)
    window.docks["dutiesPanel"].raise_()
    duties = window.findChild(ListEditor, "dutiesList")
    before = list(window.controller.org.position(agent).duties)
    focus(duties.list)
    duties.list.setCurrentRow(len(before) - 1)  # "+" adds after the current row
    new = [f"职责{i}" for i in range(1, 7)]
    for text in new:
        add_duty(duties, text)
    assert list(window.controller.org.position(agent).duties)[-6:] == new
    assert undo_texts(window) == ["Add 6 duties (客户服务专员)"]
    window.controller.undo_stack.undo()
    assert list(window.controller.org.position(agent).duties) == before
    window.controller.undo_stack.redo()
    # The burst ends when the focus leaves the list: the next edit is a new step.
    focus(window.tree)
    focus(duties.list)
    add_duty(duties, "接听来电")
    assert undo_texts(window)[-1] == "Add duty “接听来电” (客户服务专员)"
    focus(window.tree)
    focus(duties.list)
    duties.list.setCurrentRow(0)
    QTest.keyClick(duties.list, Qt.Key.Key_Delete)
    assert undo_texts(window)[-1] == f"Remove duty “{before[0]}” (客户服务专员)"
    focus(window.tree)
    focus(duties.list)
    duties.list.setCurrentRow(0)
    QTest.keyClick(duties.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert undo_texts(window)[-1] == "Reorder duties (客户服务专员)"
    focus(window.tree)
    focus(duties.list)
    duties.list.setCurrentRow(0)
    QTest.keyClick(duties.list, Qt.Key.Key_F2)
    line = editing_line(duties.list)
    line.selectAll()
    type_text(line, "监督")
    QTest.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert undo_texts(window)[-1] == "Edit duty “监督” (客户服务专员)"
    assert len(undo_texts(window)) == 5


def test_requirement_lists_say_what_changed(open_window: OpenWindow) -> None:
    window = open_window()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    window.docks["requirementsPanel"].raise_()
    skills = window.findChild(ListEditor, "skillsList")
    focus(skills.list)
    add_duty(skills, "沟通能力")
    assert undo_texts(window) == ["Add skill “沟通能力” (项目督导)"]
    languages = window.findChild(ListEditor, "languagesList")
    focus(languages.list)
    add_duty(languages, "粤语")
    add_duty(languages, "英语")
    assert undo_texts(window)[1:] == ["Add 2 languages (项目督导)"]


def test_kpi_history_says_what_changed(open_window: OpenWindow) -> None:
    window = open_window()
    window.select_position(pid(window, "客户服务专员"))
    window.docks["kpiPanel"].raise_()
    table = window.findChild(QTableWidget, "kpiTable")
    focus(table)
    for name in ("接通率", "满意度"):
        QTest.mouseClick(window.findChild(QPushButton, "addKpiButton"), Qt.MouseButton.LeftButton)
        assert wait_for(lambda: table.state() == QAbstractItemView.State.EditingState)
        type_text(editing_line(table), name)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert wait_for(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert undo_texts(window) == ["Add 2 KPIs (客户服务专员)"]
    focus(window.tree)
    focus(table)
    table.setCurrentCell(0, 0)
    QTest.mouseClick(window.findChild(QPushButton, "deleteKpiButton"), Qt.MouseButton.LeftButton)
    assert undo_texts(window)[1:] == ["Remove KPI “接通率” (客户服务专员)"]


def test_list_changes_are_named_by_what_changed() -> None:
    words = duty_words()

    def said(old: list[str], new: list[str]) -> str:
        return describe_list_change(words, old, new, "座席员")

    assert said(["a", "b"], ["a", "x", "b"]) == "Add duty “x” (座席员)"
    assert said(["a", "a"], ["a", "a", "a"]) == "Add duty “a” (座席员)"  # a repeated item
    assert said([], ["x", "y"]) == "Add 2 duties (座席员)"
    assert said(["a", "b", "c"], ["a", "c"]) == "Remove duty “b” (座席员)"
    assert said(["a", "b", "c"], ["c"]) == "Remove 2 duties (座席员)"
    assert said(["a", "b", "c"], ["c", "a", "b"]) == "Reorder duties (座席员)"
    assert said(["a", "b", "c"], ["a", "B", "c"]) == "Edit duty “B” (座席员)"
    assert said(["a", "b"], ["b", "x"]) == "Edit duties (座席员)"  # a mixture
    assert said(["a"], ["x" * 100]).startswith("Edit duty “" + "x" * 39 + "…”")
    # A KPI is named by its name; a changed target is an edit of that KPI.
    assert describe_list_change(kpi_words(), [Kpi("接通率", "≥90%")], [Kpi("接通率", "≥95%")],
                                "座席员", kpi_label) == "Edit KPI “接通率” (座席员)"
