"""PatchCommand on a bare QUndoStack: undo and redo restore exactly, merging, obsolescence.

No widget is created here: edits go through `DocumentController.execute` (a
QObject with the undo stack) or straight through `DocumentService`, and every
check compares the whole document (`Organisation.snapshot()`) in memory and
in the working copy on disk.
"""
from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from orgdesk.commands import PatchCommand
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import StatePatch
from orgdesk.paths import sample_orgs_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui.controller import DocumentController

P = PositionId


def assert_document(controller: DocumentController, expected: tuple[object, ...]) -> None:
    """Memory holds `expected`, and the working copy on disk holds the same."""
    assert controller.org.snapshot() == expected
    assert controller.service.file.load().snapshot() == expected


def reports(controller: DocumentController, superior: int | None) -> list[int]:
    return [int(p.id) for p in controller.org.direct_reports(
        None if superior is None else P(superior))]


def undo_redo(controller: DocumentController, start: tuple[object, ...]) -> tuple[object, ...]:
    """Undo the last step (back to `start`), redo it; return the state after it."""
    after = controller.org.snapshot()
    controller.undo_stack.undo()
    assert_document(controller, start)
    controller.undo_stack.redo()
    assert_document(controller, after)
    return after


# ------------------------------------------------------------ single edits
def test_redo_of_an_add_restores_the_same_id(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    added: list[PositionId] = []
    assert controller.execute("Add report to 项目督导", lambda s: added.append(
        s.new_position("组长", P(3), 0).id))
    assert added == [P(7)]
    assert reports(controller, 3) == [7, 4]
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Add report to 项目督导"
    controller.undo_stack.undo()
    assert P(7) not in controller.org
    assert_document(controller, start)
    controller.undo_stack.redo()
    assert controller.org.position(P(7)).title == "组长"
    assert reports(controller, 3) == [7, 4]
    undo_redo(controller, start)


def test_undo_of_a_move_restores_sibling_order(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    assert reports(controller, 1) == [2, 5, 6]
    assert controller.execute("Move 质检专员 under 项目督导",
                              lambda s: s.move_position(P(5), P(3), 0))
    assert reports(controller, 1) == [2, 6]
    assert reports(controller, 3) == [5, 4]
    assert controller.org.position(P(6)).order == 1
    controller.undo_stack.undo()
    assert reports(controller, 1) == [2, 5, 6]
    assert [controller.org.position(P(i)).order for i in (2, 5, 6)] == [0, 1, 2]
    assert_document(controller, start)
    controller.undo_stack.redo()
    assert reports(controller, 3) == [5, 4]
    undo_redo(controller, start)


def test_reorder_among_siblings_and_back(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    controller.execute("Reorder 培训专员", lambda s: s.move_position(P(6), P(1), 0))
    assert reports(controller, 1) == [6, 2, 5]
    undo_redo(controller, start)


def test_delete_branch_undo_and_redo(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    controller.execute("Delete 项目经理 and its reports", lambda s: s.remove_branch(P(2)))
    assert {int(p.id) for p in controller.org.positions()} == {1, 5, 6}
    assert [controller.org.position(P(i)).order for i in (5, 6)] == [0, 1]
    after = undo_redo(controller, start)
    assert len(after[2]) == 3  # type: ignore[arg-type]  # a snapshot tuple: (info, departments, positions, relations)


def test_delete_lifting_reports_undo_and_redo(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    controller.execute("Delete 项目经理, keep its reports",
                       lambda s: s.remove_position_lifting_reports(P(2)))
    assert P(2) not in controller.org
    assert reports(controller, 1) == [3, 5, 6]  # 项目督导 takes its place
    assert reports(controller, 3) == [4]
    undo_redo(controller, start)


def test_paste_undo_and_redo_keeps_the_pasted_ids(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    data = controller.service.copy_branch(P(2))
    pasted: list[PositionId] = []
    controller.execute("Paste", lambda s: pasted.append(s.paste_branch(data, P(1), 1)))
    assert pasted == [P(7)]
    assert reports(controller, 1) == [2, 7, 5, 6]
    assert [p.title for p in controller.org.branch(P(7))] == ["项目经理", "项目督导", "客户服务专员"]
    assert [int(p.id) for p in controller.org.branch(P(7))] == [7, 8, 9]
    after = undo_redo(controller, start)
    assert [int(p.id) for p in controller.org.branch(P(7))] == [7, 8, 9]
    assert controller.org.snapshot() == after


def test_refused_edit_pushes_nothing(controller: DocumentController, qtbot) -> None:
    start = controller.org.snapshot()
    with qtbot.waitSignal(controller.problem) as problem:
        assert not controller.execute("Move 项目经理 under 客户服务专员",
                                      lambda s: s.move_position(P(2), P(4)))
    assert "客户服务专员" in problem.args[0]
    assert controller.undo_stack.count() == 0
    assert_document(controller, start)


def test_an_edit_that_changes_nothing_is_not_a_step(controller: DocumentController) -> None:
    assert controller.execute("Rename", lambda s: s.edit_position(P(3), title="项目督导"))
    assert controller.execute("Move", lambda s: s.move_position(P(5), P(1), 1))
    assert controller.undo_stack.count() == 0
    assert not controller.is_modified


# ------------------------------------------------------------------ merging
def _rename_text(before: StatePatch, after: StatePatch) -> str:
    old = before.positions[P(3)]
    new = after.positions[P(3)]
    assert old is not None and new is not None
    return f"Rename {old.title} → {new.title}"


def _type_title(controller: DocumentController, text: str) -> None:
    controller.execute(f"keystroke {text}", lambda s: s.edit_position(P(3), title=text),
                       merge_key=(3, "title"), describe=_rename_text)


def test_typing_in_one_field_merges_into_one_step(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    for text in ("项", "项目", "组长", "班长"):
        _type_title(controller, text)
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Rename 项目督导 → 班长"
    assert controller.org.position(P(3)).title == "班长"
    undo_redo(controller, start)
    assert controller.org.position(P(3)).title == "班长"


def test_a_different_field_or_position_starts_a_new_step(controller: DocumentController) -> None:
    _type_title(controller, "组长")
    controller.execute("level", lambda s: s.edit_position(P(3), level="M1"),
                       merge_key=(3, "level"))
    _type_title(controller, "班长")
    controller.execute("other", lambda s: s.edit_position(P(2), title="经理"),
                       merge_key=(2, "title"))
    assert controller.undo_stack.count() == 4


def test_a_merge_back_to_the_start_is_obsolete(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    controller.execute("Rename 项目经理", lambda s: s.edit_position(P(2), title="经理"))
    after_first = controller.org.snapshot()
    _type_title(controller, "项目督导X")
    _type_title(controller, "项目督导")  # typed back: nothing left of this burst
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Rename 项目经理"
    assert_document(controller, after_first)
    controller.undo_stack.undo()
    assert_document(controller, start)


def test_no_merge_across_a_save(controller: DocumentController) -> None:
    _type_title(controller, "组长")
    controller.service.save()
    controller.mark_saved()
    _type_title(controller, "班长")
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    assert controller.org.position(P(3)).title == "组长"
    assert not controller.is_modified


def test_a_merge_keeps_every_entity_both_commands_touched(controller: DocumentController
                                                         ) -> None:
    """Even a careless key shared by two positions undoes both, never half."""
    start = controller.org.snapshot()
    controller.execute("a", lambda s: s.edit_position(P(2), title="经理"), merge_key="k")
    controller.execute("b", lambda s: s.edit_position(P(3), title="督导"), merge_key="k")
    assert controller.undo_stack.count() == 1
    undo_redo(controller, start)
    assert [controller.org.position(P(i)).title for i in (2, 3)] == ["经理", "督导"]


# ----------------------------------------------- straight on the service
def test_patch_command_over_the_service_without_a_controller(qapp: QApplication,
                                                             sample_path: Path) -> None:
    service = DocumentService(DocumentFile.open(sample_path))
    stack = QUndoStack()
    try:
        start = service.org.snapshot()
        before_state = service.org.capture()
        changes = service.move_position(P(5), P(3), 0)
        done = service.org.snapshot()
        stack.push(PatchCommand("Move 质检专员", service.apply_patch,
                                service.org.state_of(changes, before_state),
                                service.org.state_of(changes)))
        assert service.org.snapshot() == done  # pushing an already-done edit redoes nothing
        stack.undo()
        assert service.org.snapshot() == start == service.file.load().snapshot()
        stack.redo()
        assert service.org.snapshot() == done == service.file.load().snapshot()
        # A command built ahead of its edit performs it on push.
        before_state = service.org.capture()
        changes = service.remove_branch(P(2))
        before, after = service.org.state_of(changes, before_state), service.org.state_of(changes)
        service.apply_patch(before)
        assert service.org.snapshot() == done
        stack.push(PatchCommand("Delete 项目经理", service.apply_patch, before, after,
                                already_done=False))
        assert P(2) not in service.org and P(4) not in service.org
        stack.undo()
        stack.undo()
        assert service.org.snapshot() == start == service.file.load().snapshot()
    finally:
        stack.clear()
        service.file.close()


# ------------------------------------------------ random sequences of edits
@contextlib.contextmanager
def open_controller(path: Path) -> Iterator[DocumentController]:
    service = DocumentService(DocumentFile.open(path))
    controller = DocumentController(service)
    try:
        yield controller
    finally:
        controller.undo_stack.clear()
        service.file.close()


_edit = st.tuples(
    st.sampled_from(["add", "add_root", "move", "move_alone", "branch", "lift", "rename",
                     "duties", "paste", "reorder"]),
    st.integers(0, 40), st.integers(0, 40), st.integers(-1, 5),
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=st.lists(_edit, min_size=1, max_size=12))
def test_undo_all_and_redo_all_over_random_edits(qapp: QApplication, tmp_path: Path,
                                                 edits: list[tuple[str, int, int, int]]) -> None:
    path = tmp_path / "random.orgdesk"
    shutil.copyfile(sample_orgs_dir() / "training_call_center_50.orgdesk", path)
    with open_controller(path) as controller:
        start = controller.org.snapshot()
        for name, a, b, index in edits:
            ids = sorted(p.id for p in controller.org.positions())
            if not ids:
                ids = []
            pick = ids[a % len(ids)] if ids else None
            target = ids[b % len(ids)] if ids and b % 5 else None
            at = None if index < 0 else index
            edit = {
                "add": lambda s: s.new_position(f"新{a}", target, at),
                "add_root": lambda s: s.new_position("根", None, at),
                "move": lambda s: s.move_position(pick, target, at),
                "move_alone": lambda s: s.move_position_alone(pick, target, at),
                "branch": lambda s: s.remove_branch(pick),
                "lift": lambda s: s.remove_position_lifting_reports(pick),
                "rename": lambda s: s.edit_position(pick, title=f"岗位{b}"),
                "duties": lambda s: s.edit_position(pick, duties=(f"职责{b}", "接听电话")),
                "paste": lambda s: s.paste_branch(s.copy_branch(pick), target, at),
                "reorder": lambda s: s.move_position(
                    pick, s.org.position(pick).superior_id, at),
            }[name]
            if pick is None and name not in ("add", "add_root"):
                continue
            # Renames of one position in a row merge like typing in its title field.
            controller.execute(name, edit, merge_key=(pick, "title") if name == "rename" else None)
        end = controller.org.snapshot()
        assert controller.service.file.load().snapshot() == end
        steps = controller.undo_stack.count()
        for _ in range(steps):
            controller.undo_stack.undo()
        assert_document(controller, start)
        for _ in range(steps):
            controller.undo_stack.redo()
        assert_document(controller, end)
