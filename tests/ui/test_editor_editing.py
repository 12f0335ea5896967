"""Editing the organisation from the keyboard and the menus, each edit one undo step."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QUndoView

from orgdesk.core.model import PositionKind
from orgdesk.library import position_library
from orgdesk.ui import dialogs
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import (
    current_title,
    on_disk,
    pid,
    titles_under,
    tree_rows,
    type_text,
    undo_texts,
    wait_for,
)

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focus_tree(window: MainWindow) -> None:
    """Make `window` the active window and give its tree the keyboard focus."""
    window.activateWindow()
    assert wait_for(lambda: QApplication.activeWindow() is window)
    window.tree.setFocus()
    assert QApplication.focusWidget() is window.tree


def press(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
    """A key pressed while the tree has the focus."""
    focus_tree(window)
    QTest.keyClick(window.tree, key, modifiers)


def press_sequence(window: MainWindow, sequence: QKeySequence.StandardKey) -> None:
    focus_tree(window)
    QTest.keySequence(window.tree, QKeySequence(sequence))


def confirm(editor: QLineEdit) -> None:
    """Enter in the in-place editor; the view commits the title right after the key."""
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def in_place_editor(window: MainWindow) -> QLineEdit:
    assert window.tree.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and window.tree.isAncestorOf(editor)
    return editor


def undo_all_then_redo_all(window: MainWindow) -> None:
    """Undo returns to the start, redo to the end, in memory, on disk and in the tree."""
    stack = window.controller.undo_stack
    end, end_rows = window.controller.org.snapshot(), tree_rows(window)
    steps = stack.index()
    for _ in range(steps):
        stack.undo()
    start = window.controller.org.snapshot()
    assert on_disk(window) == start
    for _ in range(steps):
        stack.redo()
    assert window.controller.org.snapshot() == end == on_disk(window)
    assert tree_rows(window) == end_rows


# --------------------------------------------------------------- adding
def test_insert_adds_a_direct_report_and_opens_its_title(open_window: OpenWindow) -> None:
    window = open_window()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    start = window.controller.org.snapshot()
    press(window, Qt.Key.Key_Insert)
    assert titles_under(window, supervisor) == ["客户服务专员", "New position"]
    assert current_title(window) == "New position"
    editor = in_place_editor(window)
    assert editor.text() == "New position"
    editor.selectAll()
    QTest.keyClicks(editor, "Team lead")
    confirm(editor)
    assert window.tree.state() != QAbstractItemView.State.EditingState
    assert titles_under(window, supervisor) == ["客户服务专员", "Team lead"]
    assert undo_texts(window) == ["Add report to 项目督导", "Rename New position → Team lead"]
    assert on_disk(window) == window.controller.org.snapshot()
    undo_all_then_redo_all(window)
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert window.controller.org.snapshot() == start


def test_return_adds_a_sibling_after_the_current_one(open_window: OpenWindow) -> None:
    window = open_window()
    boss = pid(window, "运营经理")
    window.select_position(pid(window, "质检专员"))
    press(window, Qt.Key.Key_Return)
    assert titles_under(window, boss) == ["项目经理", "质检专员", "New position", "培训专员"]
    assert current_title(window) == "New position"
    assert undo_texts(window) == ["Add sibling of 质检专员"]
    # Return keeps the default title (Escape would cancel the add: tests/ui/test_editor_flow.py).
    QTest.keyClick(in_place_editor(window), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.tree.state() != QAbstractItemView.State.EditingState
    assert window.controller.undo_stack.count() == 1
    undo_all_then_redo_all(window)


def test_insert_in_a_blank_document_adds_a_top_position(open_window: OpenWindow) -> None:
    window = open_window(None)
    assert window.current_id() is None and not window.overview.isEnabled()
    press(window, Qt.Key.Key_Insert)
    editor = in_place_editor(window)
    editor.selectAll()
    type_text(editor, "客服中心经理")
    confirm(editor)
    assert [p.title for p in window.controller.org.roots()] == ["客服中心经理"]
    assert window.overview.isEnabled()
    assert window.overview.findChild(QLineEdit, "titleEdit").text() == "客服中心经理"
    assert undo_texts(window) == ["Add position", "Rename New position → 客服中心经理"]


# -------------------------------------------------------------- renaming
def test_f2_renames_in_place(open_window: OpenWindow) -> None:
    window = open_window()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    press(window, Qt.Key.Key_F2)
    editor = in_place_editor(window)
    editor.selectAll()
    type_text(editor, "组长")
    confirm(editor)
    assert window.controller.org.position(supervisor).title == "组长"
    assert window.overview.findChild(QLineEdit, "titleEdit").text() == "组长"
    # The model's setData is the same path the editor takes.
    index = window.model.index_of(supervisor)
    assert window.model.setData(index, "  班长 ")
    assert window.controller.org.position(supervisor).title == "班长"
    assert index.data() == "班长"
    assert undo_texts(window) == ["Rename 项目督导 → 组长", "Rename 组长 → 班长"]
    # An empty or unchanged title is no edit.
    assert not window.model.setData(index, "   ")
    assert not window.model.setData(index, "班长")
    assert window.controller.undo_stack.count() == 2
    window.controller.undo_stack.undo()
    assert window.model.index_of(supervisor).data() == "组长"
    undo_all_then_redo_all(window)


def test_typing_in_the_title_field_is_one_undo_step(open_window: OpenWindow) -> None:
    window = open_window()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    title = window.overview.findChild(QLineEdit, "titleEdit")
    title.setFocus()
    title.selectAll()
    type_text(title, "客服班长")
    assert window.controller.org.position(supervisor).title == "客服班长"
    assert window.model.index_of(supervisor).data() == "客服班长"
    assert undo_texts(window) == ["Rename 项目督导 → 客服班长"]
    QTest.keyClick(title, Qt.Key.Key_Backspace)
    QTest.keyClick(title, Qt.Key.Key_Backspace)
    assert undo_texts(window) == ["Rename 项目督导 → 客服"]
    window.controller.undo_stack.undo()
    assert window.controller.org.position(supervisor).title == "项目督导"
    assert title.text() == "项目督导"
    assert window.controller.undo_stack.count() == 1  # redo still available
    window.controller.undo_stack.redo()
    assert title.text() == "客服"


def test_a_space_typed_inside_a_title_is_kept(open_window: OpenWindow) -> None:
    window = open_window()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    title = window.overview.findChild(QLineEdit, "titleEdit")
    title.setFocus()
    title.selectAll()
    type_text(title, "客服 主管")
    assert title.text() == "客服 主管"
    assert window.controller.org.position(supervisor).title == "客服 主管"
    assert undo_texts(window) == ["Rename 项目督导 → 客服 主管"]


# -------------------------------------------------------------- deleting
def test_del_on_a_leaf_deletes_without_asking(open_window: OpenWindow) -> None:
    window = open_window()
    boss = pid(window, "运营经理")
    window.select_position(pid(window, "质检专员"))
    press(window, Qt.Key.Key_Delete)  # dialogs.ask_delete_mode would fail the test
    assert titles_under(window, boss) == ["项目经理", "培训专员"]
    assert undo_texts(window) == ["Delete 质检专员"]
    window.controller.undo_stack.undo()
    assert titles_under(window, boss) == ["项目经理", "质检专员", "培训专员"]


@pytest.mark.parametrize("answer", ["branch", "lift", "cancel"])
def test_del_on_a_position_with_reports_asks(open_window: OpenWindow,
                                             monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    window = open_window()
    asked: list[tuple[object, ...]] = []

    def ask(parent: object, title: str, reports: int, superior: str) -> str:
        asked.append((parent, title, reports, superior))
        return answer
    monkeypatch.setattr(dialogs, "ask_delete_mode", ask)
    boss = pid(window, "运营经理")
    manager = pid(window, "项目经理")
    window.select_position(manager)
    start = window.controller.org.snapshot()
    press(window, Qt.Key.Key_Delete)
    assert asked == [(window, "项目经理", 1, "运营经理")]
    if answer == "branch":
        assert titles_under(window, boss) == ["质检专员", "培训专员"]
        assert {p.title for p in window.controller.org.positions()} == {"运营经理", "质检专员", "培训专员"}
        assert undo_texts(window) == ["Delete 项目经理 and its reports"]
    elif answer == "lift":
        assert titles_under(window, boss) == ["项目督导", "质检专员", "培训专员"]
        assert titles_under(window, pid(window, "项目督导")) == ["客户服务专员"]
        assert undo_texts(window) == ["Delete 项目经理, keep its reports"]
    else:
        assert window.controller.org.snapshot() == start
        assert undo_texts(window) == []
        return
    assert manager not in window.controller.org
    assert on_disk(window) == window.controller.org.snapshot()
    window.controller.undo_stack.undo()
    assert window.controller.org.snapshot() == start == on_disk(window)
    assert titles_under(window, boss) == ["项目经理", "质检专员", "培训专员"]


def test_a_neighbour_is_selected_after_a_delete(open_window: OpenWindow) -> None:
    window = open_window()
    window.select_position(pid(window, "质检专员"))
    press(window, Qt.Key.Key_Delete)
    assert current_title(window) == "培训专员"
    press(window, Qt.Key.Key_Delete)
    assert current_title(window) == "项目经理"
    assert window.overview.isEnabled()


# ------------------------------------------------------------ reordering
def test_alt_up_and_down_reorder_siblings(open_window: OpenWindow) -> None:
    window = open_window()
    boss = pid(window, "运营经理")
    trainer = pid(window, "培训专员")
    window.select_position(trainer)
    press(window, Qt.Key.Key_Up, ALT)
    assert titles_under(window, boss) == ["项目经理", "培训专员", "质检专员"]
    assert window.current_id() == trainer
    press(window, Qt.Key.Key_Up, ALT)
    press(window, Qt.Key.Key_Up, ALT)  # already first: nothing happens
    assert titles_under(window, boss) == ["培训专员", "项目经理", "质检专员"]
    assert undo_texts(window) == ["Reorder 培训专员", "Reorder 培训专员"]
    press(window, Qt.Key.Key_Down, ALT)
    assert titles_under(window, boss) == ["项目经理", "培训专员", "质检专员"]
    assert window.current_id() == trainer
    undo_all_then_redo_all(window)


# ------------------------------------------------------------- clipboard
def test_copy_and_paste_a_branch(open_window: OpenWindow) -> None:
    window = open_window()
    manager = pid(window, "项目经理")
    qa = pid(window, "质检专员")
    window.select_position(manager)
    press_sequence(window, QKeySequence.StandardKey.Copy)
    assert QGuiApplication.clipboard().text() == "项目经理\n  项目督导\n    客户服务专员 ×14"
    window.select_position(qa)
    press_sequence(window, QKeySequence.StandardKey.Paste)
    assert titles_under(window, qa) == ["项目经理"]
    pasted = window.current_id()
    assert pasted not in (manager, None) and current_title(window) == "项目经理"
    assert [p.title for p in window.controller.org.branch(pasted)] == [
        "项目经理", "项目督导", "客户服务专员"]
    assert window.controller.org.position(pasted).superior_id == qa
    assert undo_texts(window) == ["Paste"]
    assert len(window.controller.org) == 9
    undo_all_then_redo_all(window)


def test_cut_and_paste_moves_a_branch(open_window: OpenWindow) -> None:
    window = open_window()
    boss = pid(window, "运营经理")
    window.select_position(pid(window, "项目督导"))
    press_sequence(window, QKeySequence.StandardKey.Cut)
    assert [p.title for p in window.controller.org.positions()] == [
        "运营经理", "项目经理", "质检专员", "培训专员"]
    window.select_position(pid(window, "培训专员"))
    press_sequence(window, QKeySequence.StandardKey.Paste)
    assert titles_under(window, pid(window, "培训专员")) == ["项目督导"]
    assert titles_under(window, pid(window, "项目督导")) == ["客户服务专员"]
    assert undo_texts(window) == ["Cut 项目督导", "Paste"]
    assert titles_under(window, boss) == ["项目经理", "质检专员", "培训专员"]
    undo_all_then_redo_all(window)


def test_duplicate_puts_a_copy_after_the_original(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    manager = pid(window, "项目经理")
    second = pid(window, "项目组长", 1)
    window.select_position(second)
    press(window, Qt.Key.Key_D, CTRL)
    groups = window.controller.org.direct_reports(manager)
    assert [p.title for p in groups] == ["项目组长"] * 5
    copy = groups[2]
    assert copy.id == max(p.id for p in window.controller.org.positions()) - 1
    assert window.current_id() == copy.id
    assert [p.title for p in window.controller.org.branch(copy.id)] == ["项目组长", "话务员"]
    original = window.controller.org.position(second)
    assert copy.department_id == original.department_id
    assert copy.duties == original.duties
    assert undo_texts(window) == ["Duplicate 项目组长"]
    undo_all_then_redo_all(window)


def test_paste_a_branch_into_a_second_window(open_window: OpenWindow) -> None:
    source = open_window("software_ops_department")
    target = open_window("training_call_center_50")
    # The target already has a 运营部, under another id than the source's.
    target.controller.execute("Add department", lambda s: s.add_department("运营部", "#123456"))
    target_ops = next(d for d in target.controller.org.departments if d.name == "运营部")
    source_ops = next(d for d in source.controller.org.departments if d.name == "运营部")
    assert target_ops.id != source_ops.id
    departments_before = len(target.controller.org.departments)
    show_and_press = [(source, pid(source, "项目督导"), QKeySequence.StandardKey.Copy),
                      (target, pid(target, "运营助理"), QKeySequence.StandardKey.Paste)]
    for window, position, key in show_and_press:
        window.select_position(position)
        press_sequence(window, key)
    assistant = pid(target, "运营助理")
    assert titles_under(target, assistant) == ["培训师", "人事专员", "质检专员", "项目督导"]
    pasted = target.current_id()
    assert [p.title for p in target.controller.org.branch(pasted)] == ["项目督导", "客户服务专员"]
    assert {p.department_id for p in target.controller.org.branch(pasted)} == {target_ops.id}
    assert len(target.controller.org.departments) == departments_before
    assert target.controller.org.position(pid(target, "客户服务专员")).planned_headcount == 14
    # The source is untouched.
    assert source.controller.undo_stack.count() == 0
    # A department the target lacks is added by name, once.
    source.select_position(pid(source, "质检专员"))
    press_sequence(source, QKeySequence.StandardKey.Copy)
    window = target
    window.select_position(pid(target, "运营总监"))
    press_sequence(window, QKeySequence.StandardKey.Paste)
    assert len(target.controller.org.departments) == departments_before
    assert undo_texts(target) == ["Add department", "Paste", "Paste"]
    undo_all_then_redo_all(target)


def test_paste_without_positions_on_the_clipboard_says_so(open_window: OpenWindow) -> None:
    window = open_window()
    QGuiApplication.clipboard().setText("组长\n班长")
    start = window.controller.org.snapshot()
    press_sequence(window, QKeySequence.StandardKey.Paste)
    assert window.statusBar().currentMessage() == "The clipboard holds no orgdesk positions."
    assert window.controller.org.snapshot() == start


def test_paste_between_windows_adds_a_missing_department(open_window: OpenWindow) -> None:
    source = open_window("training_call_center_50")
    target = open_window("software_ops_department")
    source.select_position(pid(source, "项目组长", 2))  # 项目组3
    press_sequence(source, QKeySequence.StandardKey.Copy)
    target.select_position(pid(target, "运营经理"))
    press_sequence(target, QKeySequence.StandardKey.Paste)
    names = [d.name for d in target.controller.org.departments]
    assert names == ["运营部", "项目组3"]
    pasted = target.current_id()
    group3 = next(d for d in target.controller.org.departments if d.name == "项目组3")
    assert {p.department_id for p in target.controller.org.branch(pasted)} == {group3.id}
    target.controller.undo_stack.undo()
    assert [d.name for d in target.controller.org.departments] == ["运营部"]
    assert on_disk(target) == target.controller.org.snapshot()


# --------------------------------------------------------------- library
def test_insert_from_the_library(open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window()
    template = next(t for t in position_library() if t.kpis and t.duties)
    monkeypatch.setattr(dialogs, "choose_template", lambda parent, target=None: template)
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    press(window, Qt.Key.Key_L, CTRL)
    inserted = window.controller.org.position(window.current_id())
    assert inserted.title == template.title
    assert inserted.superior_id == supervisor
    assert (inserted.duties, inserted.requirements, inserted.kpis) == (
        template.duties, template.requirements, template.kpis)
    assert undo_texts(window) == [f"Insert {template.title} from the library"]
    window.controller.undo_stack.undo()
    assert titles_under(window, supervisor) == ["客户服务专员"]


def test_library_template_takes_a_department_of_the_same_name(
        open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window()
    template = next(t for t in position_library() if t.department == "运营部")
    monkeypatch.setattr(dialogs, "choose_template", lambda parent, target=None: template)
    window.select_position(pid(window, "运营经理"))
    window.findChild(QAction, "actionInsertFromLibrary").trigger()
    inserted = window.controller.org.position(window.current_id())
    assert window.controller.org.department(inserted.department_id).name == "运营部"
    # Cancelling the dialog inserts nothing.
    monkeypatch.setattr(dialogs, "choose_template", lambda parent, target=None: None)
    window.findChild(QAction, "actionInsertFromLibrary").trigger()
    assert window.controller.undo_stack.count() == 1


# --------------------------------------------------------------- history
def test_history_shows_the_undo_stack(open_window: OpenWindow) -> None:
    window = open_window()
    history = window.findChild(QAction, "actionHistory")
    assert history is not None and not history.isChecked()
    assert history.shortcut() == QKeySequence("Ctrl+H")
    history.trigger()
    view = window.findChild(QUndoView, "historyView")
    assert view.isVisible() and view.stack() is window.controller.undo_stack
    assert view.model().rowCount() == 1  # "<empty>", the clean start
    window.select_position(pid(window, "质检专员"))
    press(window, Qt.Key.Key_Up, ALT)
    window.select_position(pid(window, "培训专员"))
    press(window, Qt.Key.Key_Delete)
    assert view.model().rowCount() == 3
    assert [view.model().index(r, 0).data() for r in (1, 2)] == [
        "Reorder 质检专员", "Delete 培训专员"]
    window.controller.undo_stack.undo()
    assert view.currentIndex().row() == 1
    # Clicking an older row in the view goes back to it.
    view.setCurrentIndex(view.model().index(0, 0))
    assert window.controller.undo_stack.index() == 0
    assert titles_under(window, pid(window, "运营经理")) == ["项目经理", "质检专员", "培训专员"]
    history.trigger()
    assert not view.isVisible()


def test_every_editing_action_is_in_a_menu_with_a_shortcut(open_window: OpenWindow) -> None:
    window = open_window()
    in_menus = set()
    stack = [a.menu() for a in window.menuBar().actions() if a.menu()]
    while stack:
        menu = stack.pop()
        for action in menu.actions():
            if action.menu():
                stack.append(action.menu())
            in_menus.add(action.objectName())
    for name in ("actionNew", "actionOpen", "actionSave", "actionSaveAs", "actionClose",
                 "actionUndo", "actionRedo", "actionHistory", "actionCut",
                 "actionCopy", "actionPaste", "actionDuplicate", "actionAddReport",
                 "actionAddSibling", "actionInsertFromLibrary", "actionRename", "actionDelete",
                 "actionMoveUp", "actionMoveDown", "actionFind", "actionFindNext",
                 "actionFindPrevious", "actionExpandAll", "actionCollapseAll",
                 "actionExpandLevel1", "actionExpandLevel5"):
        assert name in in_menus, name
        action = window.findChild(QAction, name)
        assert action is not None and not action.shortcut().isEmpty(), name
    assert window.findChild(QAction, "actionUndo").shortcut() == QKeySequence(
        QKeySequence.StandardKey.Undo)
    assert window.findChild(QAction, "actionSave").shortcut() == QKeySequence(
        QKeySequence.StandardKey.Save)
    assert "actionQuit" in in_menus


def test_quit_has_a_shortcut_on_every_platform(open_window: OpenWindow) -> None:
    window = open_window()
    assert not window.findChild(QAction, "actionQuit").shortcut().isEmpty()


def test_staff_kind_shows_in_the_tree_after_an_edit(open_window: OpenWindow) -> None:
    window = open_window()
    manager = pid(window, "项目经理")
    window.controller.execute("kind", lambda s: s.edit_position(manager, kind=PositionKind.STAFF))
    assert window.model.index_of(manager).data(Qt.ItemDataRole.FontRole).italic()
    window.controller.undo_stack.undo()
    assert window.model.index_of(manager).data(Qt.ItemDataRole.FontRole) is None


def test_keys_act_on_the_window_they_are_pressed_in(open_window: OpenWindow) -> None:
    first = open_window()
    second = open_window("call_center_chart")
    first.select_position(pid(first, "培训专员"))
    press(first, Qt.Key.Key_Delete)
    assert first.controller.undo_stack.count() == 1
    assert second.controller.undo_stack.count() == 0
