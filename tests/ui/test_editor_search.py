"""The search box: select and expand to matches, next / previous, no match."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, tree_rows, type_text, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def search_box(window: MainWindow) -> QLineEdit:
    box = window.findChild(QLineEdit, "searchBox")
    assert box is not None
    return box


def status(window: MainWindow) -> str:
    return window.findChild(QLabel, "searchStatus").text().strip()


def search(window: MainWindow, text: str) -> QLineEdit:
    box = search_box(window)
    window.activateWindow()
    assert wait_for(lambda: QApplication.activeWindow() is window)
    QTest.keySequence(window.tree, QKeySequence(QKeySequence.StandardKey.Find))  # Ctrl+F
    assert box.hasFocus()
    type_text(box, text)
    return box


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def ancestors_expanded(window: MainWindow, position: int) -> bool:
    org = window.controller.org
    return all(window.tree.isExpanded(window.model.index_of(p.id))
               for p in org.chain_of_command(position))


def test_typing_selects_the_first_match_and_expands_to_it(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    action(window, "actionCollapseAll").trigger()
    assert tree_rows(window) == ["运营总监"]
    search(window, "话务员")
    first = pid(window, "话务员", 0)
    assert window.current_id() == first
    assert ancestors_expanded(window, first)
    assert "  " * 3 + "话务员 ×10" in tree_rows(window)
    assert status(window) == "1/4"
    # The panels show the match.
    assert window.overview.findChild(QLineEdit, "titleEdit").text() == "话务员"


def test_enter_and_find_next_previous_walk_the_matches(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    box = search(window, "话务员")
    agents = [pid(window, "话务员", n) for n in range(4)]
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.current_id() == agents[1] and status(window) == "2/4"
    QTest.keyClick(box, Qt.Key.Key_Enter)
    assert window.current_id() == agents[2]
    action(window, "actionFindNext").trigger()
    assert window.current_id() == agents[3] and status(window) == "4/4"
    assert ancestors_expanded(window, agents[3])
    action(window, "actionFindNext").trigger()  # wraps around
    assert window.current_id() == agents[0] and status(window) == "1/4"
    action(window, "actionFindPrevious").trigger()
    assert window.current_id() == agents[3]
    QTest.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_id() == agents[2] and status(window) == "3/4"
    # The standard keys do the same from the tree.
    window.tree.setFocus()
    QTest.keySequence(window.tree, QKeySequence(QKeySequence.StandardKey.FindNext))
    assert window.current_id() == agents[3]
    QTest.keySequence(window.tree, QKeySequence(QKeySequence.StandardKey.FindPrevious))
    assert window.current_id() == agents[2]


def test_duty_text_matches(open_window: OpenWindow) -> None:
    window = open_window()
    search(window, "卫生")  # only in a duty of 客户服务专员
    assert window.current_id() == pid(window, "客户服务专员")
    assert status(window) == "1/1"


def test_department_and_requirement_text_match(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    search(window, "项目组3")
    assert window.current_id() == pid(window, "项目组长", 2)
    assert status(window) == "1/2"
    window.controller.execute("skills", lambda s: s.edit_position(
        pid(window, "培训师"), requirements=s.org.position(pid(window, "培训师"))
        .requirements.__class__(skills=("普通话标准",))))
    box = search_box(window)
    box.clear()
    type_text(box, "普通话")
    assert window.current_id() == pid(window, "培训师")


def test_no_match_says_so_and_keeps_the_selection(open_window: OpenWindow) -> None:
    window = open_window()
    window.select_position(pid(window, "质检专员"))
    search(window, "xyz")
    assert status(window) == "no match"
    assert window.current_id() == pid(window, "质检专员")
    action(window, "actionFindNext").trigger()
    assert window.current_id() == pid(window, "质检专员")
    search_box(window).clear()
    assert status(window) == ""


def test_expand_and_collapse_work_with_a_query_in_the_box(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    search(window, "话务员")
    action(window, "actionCollapseAll").trigger()
    assert tree_rows(window) == ["运营总监"]
    action(window, "actionExpandAll").trigger()
    assert len(tree_rows(window)) == len(window.controller.org)
    action(window, "actionExpandLevel2").trigger()
    assert tree_rows(window) == ["运营总监", "  项目经理", "  运营助理"]
    # Find Next still expands to the next match.
    action(window, "actionFindNext").trigger()
    assert window.current_id() == pid(window, "话务员", 1)
    assert ancestors_expanded(window, pid(window, "话务员", 1))


def test_edits_with_a_query_in_the_box_do_not_jump(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    search(window, "话务员")
    trainer = pid(window, "培训师")
    window.select_position(trainer)
    window.controller.execute("rename", lambda s: s.edit_position(trainer, title="培训师甲"))
    assert window.current_id() == trainer
    # A new match counts; the walk goes on from where it was.
    window.controller.execute("rename", lambda s: s.edit_position(trainer, title="话务员培训师"))
    assert window.current_id() == trainer
    assert status(window).endswith("/5")


def test_status_stays_in_range_when_matches_disappear(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    search(window, "话务员")
    for _ in range(3):
        action(window, "actionFindNext").trigger()
    assert status(window) == "4/4"
    last = window.current_id()
    window.controller.execute("delete", lambda s: s.remove_branch(last))
    current, total = (int(n) for n in status(window).split("/"))
    assert 1 <= current <= total == 3
