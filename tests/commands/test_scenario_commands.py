"""Scenario operations on the undo stack: each one step; undo of a switch switches back;
edits made in a scenario after switching around undo and redo in that scenario; the
journal beside the working copy brings the whole history back after a crash."""
from __future__ import annotations

from orgdesk.commands.scenario import ScenarioCommand
from orgdesk.core.model import PositionId as P
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.scenario_table import DEFAULT_NAME
from orgdesk.storage.undo_journal import UndoJournal
from orgdesk.ui.controller import DocumentController


def _state(controller: DocumentController) -> tuple[object, ...]:
    names = tuple(("*" if s.active else "") + s.name
                  for s in controller.scenarios.scenarios())
    return names, controller.org.snapshot()


def test_every_operation_is_one_step_and_undo_redo_walk_across_scenarios(
        controller: DocumentController) -> None:
    stack = controller.undo_stack
    states = [_state(controller)]

    def step(done: bool) -> None:
        assert done
        states.append(_state(controller))
        assert stack.index() == len(states) - 1

    step(controller.execute_scenario("New 方案A",
                                     lambda s: s.create("方案A", switch=True)) is True)
    step(controller.execute("Rename", lambda s: s.edit_position(P(3), title="督导 A"))
         is not None)
    step(controller.execute_scenario(
        "Switch", lambda s: s.switch(s.find(DEFAULT_NAME).id)))
    step(controller.execute("Headcount", lambda s: s.edit_position(P(4), planned_headcount=30))
         is not None)
    step(controller.execute_scenario("Rename scenario",
                                     lambda s: s.rename(s.find("方案A").id, "方案 A+")))
    step(controller.execute_scenario("Move", lambda s: s.move(s.find("方案 A+").id, 0)))
    step(controller.execute_scenario("Switch", lambda s: s.switch(s.find("方案 A+").id)))
    step(controller.execute("Delete", lambda s: s.remove_branch(P(6))) is not None)
    step(controller.execute_scenario("Delete 现状",
                                     lambda s: s.delete(s.find(DEFAULT_NAME).id)))
    assert isinstance(stack.command(stack.count() - 1), ScenarioCommand)
    # Undo all the way, then redo all the way: every state comes back in turn.
    for index in range(len(states) - 1, 0, -1):
        stack.undo()
        assert _state(controller) == states[index - 1], index
    for index in range(1, len(states)):
        stack.redo()
        assert _state(controller) == states[index], index
    # The working copy holds exactly what memory holds.
    assert controller.service.file.load().snapshot() == controller.org.snapshot()


def test_a_refused_operation_pushes_nothing(controller: DocumentController, qtbot) -> None:
    with qtbot.waitSignal(controller.problem) as problem:
        assert not controller.execute_scenario(
            "Delete", lambda s: s.delete(s.active().id))
    assert "only scenario" in problem.args[0]
    assert controller.undo_stack.count() == 0


def test_a_switch_tells_the_views_to_take_the_new_organisation(
        controller: DocumentController, qtbot) -> None:
    controller.execute_scenario("New", lambda s: s.create("方案A"))
    before = controller.org
    with qtbot.waitSignals([controller.changed, controller.scenarios_changed]):
        controller.execute_scenario("Switch", lambda s: s.switch(s.find("方案A").id))
    assert controller.org is not before


def test_the_journal_restores_scenario_steps_after_a_crash(
        controller: DocumentController, qapp) -> None:
    controller.execute("Rename", lambda s: s.edit_position(P(3), title="督导 0"))
    controller.execute_scenario("New", lambda s: s.create("方案A", switch=True))
    controller.execute("Rename", lambda s: s.edit_position(P(3), title="督导 A"))
    controller.execute_scenario("Back", lambda s: s.switch(s.find(DEFAULT_NAME).id))
    controller.undo_stack.undo()  # back in 方案A, one step to redo
    expected = _state(controller)
    file = controller.service.file
    history = UndoJournal(file.undo_journal.path.parent, file.undo_journal.working).read()
    assert history is not None and history.index == 3
    # A second controller on the same working copy, as recovery builds one.
    file.recovered_history = history
    again = DocumentController(DocumentService(file))
    try:
        assert _state(again) == expected
        stack = again.undo_stack
        assert stack.count() == 4 and stack.index() == 3
        stack.redo()
        assert again.scenarios.active().name == DEFAULT_NAME
        stack.undo()
        stack.undo()  # the rename in 方案A
        assert again.org.position(P(3)).title == "督导 0"
        stack.undo()  # the new scenario: 方案A is gone, 现状 is open again
        assert [s.name for s in again.scenarios.scenarios()] == [DEFAULT_NAME]
        stack.undo()
        assert again.org.position(P(3)).title == "项目督导"
    finally:
        again.undo_stack.clear()


def test_a_history_with_scenario_steps_is_not_restored_as_patches(
        controller: DocumentController) -> None:
    """Without a way to make scenario commands, restoring them as empty patches would
    undo the earlier edits in whichever scenario is open: the history is dropped."""
    from orgdesk.commands import PatchStack
    from orgdesk.commands.journal import restore_history

    controller.execute_scenario("New", lambda s: s.create("方案A", switch=True))
    file: DocumentFile = controller.service.file
    history = UndoJournal(file.undo_journal.path.parent, file.undo_journal.working).read()
    assert history is not None
    stack = PatchStack()
    restore_history(stack, history, lambda patch: True)
    assert stack.count() == 0
