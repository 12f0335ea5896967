"""Merged settings edits undo; an undo or redo that cannot be applied leaves the stack as it was."""
from __future__ import annotations

import pytest

from orgdesk.core.errors import InvalidValueError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import StatePatch
from orgdesk.ui.controller import DocumentController

P = PositionId


def test_a_merged_settings_edit_undoes(controller: DocumentController) -> None:
    start = controller.org.snapshot()
    for detail in (1, 2, 3):
        controller.execute("Change chart detail", lambda s, d=detail: s.set_setting(
            "chart", {"detail": d}), merge_key="chart")
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert "chart" not in controller.org.settings
    assert controller.org.snapshot() == start == controller.service.file.load().snapshot()
    controller.undo_stack.redo()
    assert controller.org.settings["chart"] == {"detail": 3}


def _refuse(_patch: StatePatch) -> None:
    raise InvalidValueError("The disk is full.")


@pytest.mark.parametrize("direction", ["undo", "redo"])
def test_a_failed_undo_or_redo_keeps_the_stack_index(controller: DocumentController,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     direction: str) -> None:
    controller.execute("Rename", lambda s: s.edit_position(P(2), title="经理"))
    controller.execute("Rename", lambda s: s.edit_position(P(3), title="督导"))
    if direction == "redo":
        controller.undo_stack.undo()
    index, state = controller.undo_stack.index(), controller.org.snapshot()
    problems: list[str] = []
    controller.problem.connect(problems.append)
    monkeypatch.setattr(controller.service, "apply_patch", _refuse)
    getattr(controller.undo_stack, direction)()
    assert problems == ["The disk is full."]
    assert controller.undo_stack.index() == index
    assert controller.org.snapshot() == state
    monkeypatch.undo()
    # Once the cause is gone the same step works, and the steps stay in line.
    getattr(controller.undo_stack, direction)()
    expected = "督导" if direction == "redo" else "项目督导"
    assert controller.org.position(P(3)).title == expected
    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
    assert [controller.org.position(P(i)).title for i in (2, 3)] == ["项目经理", "项目督导"]


def test_a_jump_in_the_history_stops_before_the_failed_step(
        controller: DocumentController, monkeypatch: pytest.MonkeyPatch) -> None:
    for pid, title in ((2, "经理"), (3, "督导"), (5, "质检")):
        controller.execute("Rename", lambda s, p=pid, t=title: s.edit_position(P(p), title=t))
    apply = controller.service.apply_patch

    def refuse_supervisor(patch: StatePatch) -> object:
        if P(3) in patch.positions:
            raise InvalidValueError("The disk is full.")
        return apply(patch)
    monkeypatch.setattr(controller.service, "apply_patch", refuse_supervisor)
    controller.undo_stack.setIndex(0)  # a click on the first row of the history view
    assert controller.undo_stack.index() == 2
    assert [controller.org.position(P(i)).title for i in (2, 3, 5)] == ["经理", "督导", "质检专员"]
    monkeypatch.undo()
    controller.undo_stack.setIndex(0)
    assert [controller.org.position(P(i)).title for i in (2, 3, 5)] == \
        ["项目经理", "项目督导", "质检专员"]
    controller.undo_stack.setIndex(3)
    assert [controller.org.position(P(i)).title for i in (2, 3, 5)] == ["经理", "督导", "质检"]
