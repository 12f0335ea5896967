"""Structural edits reach the tree as precise row signals, never a model reset.

Each edit kind (insert, delete, move, paste of a branch, a lift, bulk moves and
deletes of a selection, a drop) and its undo and redo is made in a real window
while Qt's QAbstractItemModelTester watches the model and a recorder notes its
signals: no reset, the inserted/removed/moved rows under the right parents, the
expansion, selection and current row kept, and afterwards the model shows the
same tree as one freshly built from the document.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from orgdesk.core.model import PositionId
from orgdesk.ui import dialogs, multi_select
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.tree_model import OrgTreeModel
from tests.ui.conftest import undo_texts

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
P = PositionId
# training_call_center_50: 运营总监(1) → 项目经理(2) → 项目组长 4, 6, 8, 10, each over
# 话务员 5, 7, 9, 11; 运营总监 → 运营助理(3, staff) → 培训师 12, 人事专员 13, 质检专员 14.
Record = tuple[object, ...]


class Signals:
    """The model's structural signals, parents named by position id (None: top level).

    A move is announced by the model (rows_moving … rows_moved) and made as the
    block's rows taken one by one and inserted at their new place: it is noted as
    one ("moved", parent, first, last, target, row), the row counted as Qt's
    beginMoveRows counts it, after checking that the takes and the insert are
    exactly that block."""

    def __init__(self, model: OrgTreeModel) -> None:
        self.model = model
        self.seen: list[Record] = []
        self._move: list[Record] | None = None
        name = model.id_at
        model.modelReset.connect(lambda: self.seen.append(("reset",)))
        model.layoutChanged.connect(lambda *_: self.seen.append(("layout",)))
        model.rowsInserted.connect(
            lambda parent, first, last: self._note(("inserted", name(parent), first, last)))
        model.rowsRemoved.connect(
            lambda parent, first, last: self._note(("removed", name(parent), first, last)))
        model.rowsMoved.connect(
            lambda parent, first, last, target, row: self.seen.append(
                ("moved", name(parent), first, last, name(target), row)))
        model.rows_moving.connect(self._moving)
        model.rows_moved.connect(self._moved)

    def _note(self, record: Record) -> None:
        (self.seen if self._move is None else self._move).append(record)

    def _moving(self, _tops: list[PositionId]) -> None:
        assert self._move is None
        self._move = []

    def _moved(self, tops: list[PositionId]) -> None:
        steps, self._move = self._move, None
        assert steps is not None and len(steps) == len(tops) + 1
        *takes, insert = steps
        _, parent, first, _ = takes[0]
        assert all(t == ("removed", parent, first, first) for t in takes)
        kind, target, row, last = insert
        assert kind == "inserted" and last - row + 1 == len(tops)
        if target == parent and row >= first:
            row += len(tops)  # Qt counts the destination before the rows leave
        self.seen.append(("moved", parent, first, first + len(tops) - 1, target, row))

    def take(self) -> list[Record]:
        seen, self.seen = self.seen, []
        return seen


def contents(model: OrgTreeModel) -> list[tuple[int, PositionId | None, object]]:
    """The whole tree the model answers with: depth, id and text of every row."""
    found: list[tuple[int, PositionId | None, object]] = []
    stack: list[tuple[QModelIndex, int]] = [(QModelIndex(), -1)]
    while stack:
        parent, depth = stack.pop()
        rows = [model.index(row, 0, parent) for row in range(model.rowCount(parent))]
        for index in reversed(rows):
            assert model.parent(index) == parent
            stack.append((index, depth + 1))
        if parent.isValid():
            found.append((depth, model.id_at(parent), parent.data()))
    return found


@pytest.fixture
def window(open_window: OpenWindow) -> Iterator[MainWindow]:
    window = open_window("training_call_center_50")
    window.tree.expandAll()
    # Qt's own model checker: any inconsistency is a Qt warning, which fails the test.
    tester = QAbstractItemModelTester(
        window.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    yield window
    del tester


@pytest.fixture
def signals(window: MainWindow) -> Signals:
    return Signals(window.model)


def selected(window: MainWindow) -> set[PositionId]:
    return {window.model.id_at(i) for i in window.tree.selectionModel().selectedRows()}  # type: ignore[misc]  # every selected row is a position


def expanded(window: MainWindow) -> set[PositionId]:
    return window.tree.expanded_ids()


def check_fresh(window: MainWindow) -> None:
    """The model shows exactly what a model built afresh from the document shows."""
    assert contents(window.model) == contents(OrgTreeModel(window.controller.org))


def select(window: MainWindow, ids: list[PositionId], current: PositionId) -> None:
    multi_select.select_ids(window, ids, current)
    QApplication.processEvents()


def test_insert_is_one_row_inserted_and_undo_redo_too(window: MainWindow,
                                                      signals: Signals) -> None:
    select(window, [P(12), P(13)], P(13))
    before_expanded, before_selected = expanded(window), selected(window)
    done = window.controller.execute("add", lambda s: s.new_position("座席员", P(6), 0))
    assert done is not None and done.result is not None
    new = done.result.id
    assert signals.take() == [("inserted", P(6), 0, 0)]
    assert expanded(window) == before_expanded
    assert selected(window) == before_selected and window.current_id() == P(13)
    check_fresh(window)
    window.controller.undo_stack.undo()
    assert signals.take() == [("removed", P(6), 0, 0)]
    assert selected(window) == before_selected and expanded(window) == before_expanded
    check_fresh(window)
    window.controller.undo_stack.redo()
    assert signals.take() == [("inserted", P(6), 0, 0)]
    assert window.model.id_at(window.model.index(0, 0, window.model.index_of(P(6)))) == new
    check_fresh(window)


def test_adding_a_report_from_the_window_opens_its_superior(window: MainWindow,
                                                            signals: Signals) -> None:
    window.tree.collapse(window.model.index_of(P(4)))
    window.select_position(P(5))  # a leaf: its first report opens it
    signals.take()
    window.add_report()
    new = window.current_id()
    assert new is not None and window.controller.org.position(new).superior_id == P(5)
    assert signals.take() == [("inserted", P(5), 0, 0)]
    assert window.tree.isExpanded(window.model.index_of(P(5)))
    check_fresh(window)


def test_delete_is_one_row_removed_and_the_neighbour_becomes_current(
        window: MainWindow, signals: Signals) -> None:
    select(window, [P(8)], P(8))
    before = expanded(window)
    window.delete_position()  # 项目组长 8 has a report: asked how
    assert signals.take() == []  # nothing happened without an answer
    window.controller.execute("del", lambda s: s.remove_branch(P(8)))
    assert signals.take() == [("removed", P(2), 2, 2)]
    assert window.current_id() == P(10)  # the next sibling, as an outliner does
    assert expanded(window) == before - {P(8), P(9)}
    check_fresh(window)
    window.controller.undo_stack.undo()
    # The branch comes back in one row (its report inside it), opened as before (its
    # report, a leaf, has nothing to open).
    assert signals.take() == [("inserted", P(2), 2, 2)]
    assert expanded(window) == before - {P(9)}
    check_fresh(window)
    window.controller.undo_stack.redo()
    assert signals.take() == [("removed", P(2), 2, 2)]
    check_fresh(window)


@pytest.fixture(autouse=True)
def delete_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_delete_mode", lambda *args: "cancel")


def test_move_is_one_row_moved_keeping_its_expansion(window: MainWindow,
                                                     signals: Signals) -> None:
    select(window, [P(10), P(13)], P(10))
    before_expanded, before_selected = expanded(window), selected(window)
    window.move_position(P(10), P(3), 0)
    assert signals.take() == [("moved", P(2), 3, 3, P(3), 0)]
    assert expanded(window) == before_expanded  # 项目组长 10 still shows its report
    assert selected(window) == {P(10)} and window.current_id() == P(10)
    check_fresh(window)
    window.controller.undo_stack.undo()
    assert signals.take() == [("moved", P(3), 0, 0, P(2), 3)]
    assert expanded(window) == before_expanded
    check_fresh(window)
    window.controller.undo_stack.redo()
    assert signals.take() == [("moved", P(2), 3, 3, P(3), 0)]
    check_fresh(window)
    del before_selected


def test_reorder_among_siblings_is_one_row_moved(window: MainWindow, signals: Signals) -> None:
    window.select_position(P(4))
    window.move_sibling(+1)
    # Qt counts the destination before the move: row 2 puts it after 项目组长 6.
    assert signals.take() == [("moved", P(2), 0, 0, P(2), 2)]
    assert window.current_id() == P(4)
    check_fresh(window)
    window.controller.undo_stack.undo()
    assert len(signals.take()) == 1
    check_fresh(window)


def test_paste_of_a_branch_is_one_row_inserted(window: MainWindow, signals: Signals) -> None:
    select(window, [P(12), P(14)], P(14))
    before_expanded, before_selected = expanded(window), selected(window)
    data = window.controller.service.copy_branch(P(2))  # 项目经理 and its 8 reports
    done = window.controller.execute("paste", lambda s: s.paste_branch(data, P(3), 1))
    assert done is not None
    assert signals.take() == [("inserted", P(3), 1, 1)]
    assert selected(window) == before_selected and window.current_id() == P(14)
    # The pasted branch shows open, as everything new does.
    assert before_expanded < expanded(window)
    check_fresh(window)
    window.controller.undo_stack.undo()
    assert signals.take() == [("removed", P(3), 1, 1)]
    assert expanded(window) == before_expanded
    check_fresh(window)
    window.controller.undo_stack.redo()
    assert signals.take() == [("inserted", P(3), 1, 1)]
    check_fresh(window)


def test_delete_keeping_reports_moves_them_up_then_removes_the_row(
        window: MainWindow, signals: Signals) -> None:
    window.select_position(P(12))
    window.controller.execute("lift", lambda s: s.remove_position_lifting_reports(P(2)))
    assert signals.take() == [("moved", P(2), 0, 3, P(1), 0), ("removed", P(1), 4, 4)]
    assert window.current_id() == P(12)
    check_fresh(window)
    window.controller.undo_stack.undo()
    assert signals.take() == [("inserted", P(1), 0, 0), ("moved", P(1), 1, 4, P(2), 0)]
    check_fresh(window)


def test_bulk_move_and_delete_of_a_selection(window: MainWindow, signals: Signals) -> None:
    select(window, [P(5), P(9), P(13)], P(9))
    multi_select.move_selected(window, window.selected_ids(), P(12), -1, True)
    seen = signals.take()
    assert ("reset",) not in seen
    assert sorted(r for r in seen if r[0] == "moved") == [
        ("moved", P(3), 1, 1, P(12), 2), ("moved", P(4), 0, 0, P(12), 0),
        ("moved", P(8), 0, 0, P(12), 1)]
    assert selected(window) == {P(5), P(9), P(13)} and window.current_id() == P(9)
    check_fresh(window)
    window.controller.undo_stack.undo()
    assert ("reset",) not in signals.take()
    check_fresh(window)
    multi_select.delete_selected(window, window.selected_ids())
    assert undo_texts(window)[-1] == "Delete 3 positions"
    seen = signals.take()
    assert sorted(seen, key=str) == sorted([("removed", P(3), 1, 1), ("removed", P(4), 0, 0),
                                            ("removed", P(8), 0, 0)], key=str)
    assert window.current_id() is not None
    check_fresh(window)
    window.controller.undo_stack.undo()
    assert ("reset",) not in signals.take()
    check_fresh(window)


def test_a_drop_on_the_tree_is_one_row_moved(window: MainWindow, signals: Signals) -> None:
    select(window, [P(14)], P(14))
    model, tree = window.model, window.tree
    data: QMimeData = model.mimeData(tree.selectedIndexes())
    target = model.index_of(P(6))
    tree.scrollTo(target)
    QApplication.processEvents()
    at = tree.visualRect(target).center()
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    # What a drag over the row and a release there deliver to the view.
    QApplication.sendEvent(tree.viewport(), QDragEnterEvent(at, *args))
    QApplication.sendEvent(tree.viewport(), QDragMoveEvent(at, *args))
    QApplication.sendEvent(tree.viewport(), QDropEvent(QPointF(at), *args))
    assert window.controller.org.position(P(14)).superior_id == P(6)
    assert signals.take() == [("moved", P(3), 2, 2, P(6), 1)]
    check_fresh(window)


def test_an_edit_too_large_to_follow_resets_and_keeps_the_expansion(
        window: MainWindow, signals: Signals, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgdesk.ui import tree_model

    monkeypatch.setattr(tree_model, "PRECISE_LIMIT", 1)
    select(window, [P(12)], P(12))
    before = expanded(window)
    # Two positions re-parented: two row steps, above the limit.
    multi_select.move_selected(window, [P(4), P(8)], P(3), -1, True)
    assert signals.take().count(("reset",)) == 1
    assert expanded(window) == before and window.current_id() == P(12)
    check_fresh(window)
    # A pasted branch is one step, whatever its size.
    data = window.controller.service.copy_branch(P(2))
    window.controller.execute("paste", lambda s: s.paste_branch(data, P(3), 0))
    assert signals.take() == [("inserted", P(3), 0, 0)]
    check_fresh(window)


def test_a_plan_longer_than_its_budget_ends_in_a_reset_keeping_the_view(
        window: MainWindow, signals: Signals, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgdesk.ui import tree_model

    monkeypatch.setattr(tree_model, "STEP_BUDGET", 1)
    select(window, [P(2)], P(2))
    before = expanded(window)
    # Deleting 项目经理 keeping its reports: their move, then the removal; the budget
    # allows the first step only.
    window.controller.execute("lift", lambda s: s.remove_position_lifting_reports(P(2)))
    assert signals.take() == [("moved", P(2), 0, 3, P(1), 0), ("reset",)]
    assert expanded(window) == before - {P(2)}
    assert window.current_id() == P(4)  # what took the removed current position's place
    check_fresh(window)
