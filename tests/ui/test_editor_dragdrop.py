"""Drag and drop in the tree, through the model's own mime data."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt

from orgdesk.core.model import PositionId
from orgdesk.ui import tree_model
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import on_disk, pid, titles_under, undo_texts

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
MOVE = Qt.DropAction.MoveAction


class _Keyboard:
    """Stands in for QGuiApplication in tree_model: which modifiers are held."""

    modifiers = Qt.KeyboardModifier.NoModifier

    @classmethod
    def keyboardModifiers(cls) -> Qt.KeyboardModifier:
        return cls.modifiers


@pytest.fixture
def shift(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool], None]:
    monkeypatch.setattr(tree_model, "QGuiApplication", _Keyboard)
    monkeypatch.setattr(_Keyboard, "modifiers", Qt.KeyboardModifier.NoModifier)

    def hold(held: bool) -> None:
        _Keyboard.modifiers = (Qt.KeyboardModifier.ShiftModifier if held
                               else Qt.KeyboardModifier.NoModifier)
    return hold


def drop(window: MainWindow, dragged: PositionId, target: PositionId | None,
         row: int = -1) -> bool:
    """Drag `dragged` and drop it on `target` (or between its rows at `row`)."""
    model = window.model
    data = model.mimeData([model.index_of(dragged)])
    parent = QModelIndex() if target is None else model.index_of(target)
    assert model.canDropMimeData(data, MOVE, row, 0, parent)
    return model.dropMimeData(data, MOVE, row, 0, parent)


def test_drop_on_a_position_moves_the_branch_under_it(open_window: OpenWindow,
                                                      shift: Callable[[bool], None]) -> None:
    window = open_window()
    start = window.controller.org.snapshot()
    manager, trainer = pid(window, "项目经理"), pid(window, "培训专员")
    # False: the view must not remove the dragged rows itself, the model resets.
    assert drop(window, manager, trainer) is False
    assert titles_under(window, pid(window, "运营经理")) == ["质检专员", "培训专员"]
    assert titles_under(window, trainer) == ["项目经理"]
    assert [p.title for p in window.controller.org.branch(manager)] == [
        "项目经理", "项目督导", "客户服务专员"]
    assert window.current_id() == manager
    assert undo_texts(window) == ["Move 项目经理 under 培训专员"]
    assert on_disk(window) == window.controller.org.snapshot()
    window.controller.undo_stack.undo()
    assert window.controller.org.snapshot() == start == on_disk(window)


def test_drop_between_rows_places_it_there(open_window: OpenWindow,
                                           shift: Callable[[bool], None]) -> None:
    window = open_window()
    boss = pid(window, "运营经理")
    drop(window, pid(window, "培训专员"), boss, 0)
    assert titles_under(window, boss) == ["培训专员", "项目经理", "质检专员"]
    # Further down among the same siblings: the row counts the dragged row itself.
    drop(window, pid(window, "培训专员"), boss, 3)
    assert titles_under(window, boss) == ["项目经理", "质检专员", "培训专员"]
    drop(window, pid(window, "项目经理"), boss, 2)
    assert titles_under(window, boss) == ["质检专员", "项目经理", "培训专员"]
    # Dropped back on its own place: no change, no undo step.
    drop(window, pid(window, "项目经理"), boss, 1)
    assert undo_texts(window) == ["Move 培训专员 under 运营经理"] * 2 + ["Move 项目经理 under 运营经理"]


def test_drop_on_the_empty_area_makes_a_top_level_position(open_window: OpenWindow,
                                                           shift: Callable[[bool], None]) -> None:
    window = open_window()
    drop(window, pid(window, "质检专员"), None)
    assert titles_under(window, None) == ["运营经理", "质检专员"]
    assert undo_texts(window) == ["Move 质检专员 under the top level"]


def test_shift_drop_moves_only_the_position(open_window: OpenWindow,
                                            shift: Callable[[bool], None]) -> None:
    window = open_window()
    start = window.controller.org.snapshot()
    boss, manager, trainer = pid(window, "运营经理"), pid(window, "项目经理"), pid(window, "培训专员")
    shift(True)
    drop(window, manager, trainer)
    assert titles_under(window, trainer) == ["项目经理"]
    assert titles_under(window, manager) == []
    # Its report stays with the old superior, in its place.
    assert titles_under(window, boss) == ["项目督导", "质检专员", "培训专员"]
    assert titles_under(window, pid(window, "项目督导")) == ["客户服务专员"]
    assert undo_texts(window) == ["Move only 项目经理 under 培训专员"]
    assert on_disk(window) == window.controller.org.snapshot()
    window.controller.undo_stack.undo()
    assert window.controller.org.snapshot() == start == on_disk(window)
    window.controller.undo_stack.redo()
    assert titles_under(window, trainer) == ["项目经理"]


def test_shift_drop_to_the_end_of_its_own_siblings(open_window: OpenWindow,
                                                   shift: Callable[[bool], None]) -> None:
    window = open_window()
    boss = pid(window, "运营经理")
    shift(True)
    drop(window, pid(window, "项目经理"), boss, 3)  # after 培训专员, the last row
    assert titles_under(window, boss) == ["项目督导", "质检专员", "培训专员", "项目经理"]


@pytest.mark.parametrize("held", [False, True])
def test_dropping_on_itself_is_refused(open_window: OpenWindow, shift: Callable[[bool], None],
                                       held: bool) -> None:
    window = open_window()
    start = window.controller.org.snapshot()
    shift(held)
    manager = pid(window, "项目经理")
    drop(window, manager, manager)
    assert window.statusBar().currentMessage() == "“项目经理” cannot report to itself."
    assert window.controller.org.snapshot() == start == on_disk(window)
    assert window.controller.undo_stack.count() == 0
    assert not window.isWindowModified()


@pytest.mark.parametrize("descendant", ["项目督导", "客户服务专员"])
def test_dropping_on_a_descendant_is_refused(open_window: OpenWindow,
                                             shift: Callable[[bool], None],
                                             descendant: str) -> None:
    window = open_window()
    start = window.controller.org.snapshot()
    expanded = window.tree.expanded_ids()
    drop(window, pid(window, "项目经理"), pid(window, descendant))
    assert window.statusBar().currentMessage() == (
        f"“项目经理” cannot report to “{descendant}”, which is one of its own reports.")
    assert window.controller.org.snapshot() == start == on_disk(window)
    assert window.controller.undo_stack.count() == 0
    assert window.tree.expanded_ids() == expanded


def test_foreign_mime_data_is_not_dropped(open_window: OpenWindow) -> None:
    from PySide6.QtCore import QMimeData

    window = open_window()
    data = QMimeData()
    data.setText("项目经理")
    parent = window.model.index_of(pid(window, "质检专员"))
    assert not window.model.canDropMimeData(data, MOVE, -1, 0, parent)
    assert not window.model.dropMimeData(data, MOVE, -1, 0, parent)
    assert window.controller.undo_stack.count() == 0
    assert window.model.mimeTypes() == [tree_model.MIME_POSITIONS]


def test_the_tree_follows_edits_after_a_refused_drop(open_window: OpenWindow,
                                                     shift: Callable[[bool], None]) -> None:
    window = open_window()
    manager = pid(window, "项目经理")
    drop(window, manager, pid(window, "项目督导"))  # refused
    window.controller.execute("Rename", lambda s: s.edit_position(manager, title="经理"))
    assert window.model.index_of(manager).data() == "经理"
    window.controller.undo_stack.undo()
    assert window.model.index_of(manager).data() == "项目经理"
    assert window.model.org is window.controller.org
