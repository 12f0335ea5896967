"""Random walks of scenario operations and edits: every state comes back on undo and redo.

Each walk mixes edits (rename, headcount, delete a branch, add a report) with
scenario operations (new from current with or without switching, switch,
rename, delete, reorder) through the controller, records the document after
every step — the scenario list and the open organisation — then undoes all
of it and redoes all of it, comparing each state on the way; at the end the
working copy holds exactly what memory holds, and a save keeps every scenario.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from orgdesk.storage.reading import SCENARIO, read_organisation
from orgdesk.ui.controller import DocumentController


def _state(controller: DocumentController) -> tuple[object, ...]:
    listed = tuple((s.name, s.active) for s in controller.scenarios.scenarios())
    return listed, controller.org.snapshot()[1:]


def _step(controller: DocumentController, rng: random.Random, number: int) -> bool:
    org = controller.org
    ids = [p.id for p in org.positions()]
    listed = controller.scenarios.scenarios()
    others = [s for s in listed if not s.active]
    choice = rng.choice(["rename", "seats", "remove", "add", "new", "switch", "rename_sc",
                         "delete_sc", "move_sc"])
    if choice == "rename" and ids:
        pid = rng.choice(ids)
        return controller.execute("t", lambda s: s.edit_position(pid, title=f"岗位 {number}")) \
            is not None
    if choice == "seats" and ids:
        pid = rng.choice(ids)
        return controller.execute("s", lambda s: s.edit_position(
            pid, planned_headcount=rng.randint(0, 30))) is not None
    if choice == "remove" and len(ids) > 2:
        pid = rng.choice(ids[1:])
        return controller.execute("r", lambda s: s.remove_branch(pid)) is not None
    if choice == "add" and ids:
        superior = rng.choice(ids)
        return controller.execute("a", lambda s: s.new_position(f"新 {number}", superior)) \
            is not None
    if choice == "new" and len(listed) < 5:
        switch = rng.random() < 0.5
        return controller.execute_scenario("n", lambda s: s.create(f"方案{number}",
                                                                  switch=switch))
    if choice == "switch" and others:
        target = rng.choice(others).id
        return controller.execute_scenario("w", lambda s: s.switch(target))
    if choice == "rename_sc":
        sid = rng.choice(listed).id
        return controller.execute_scenario("m", lambda s: s.rename(sid, f"改 {number}"))
    if choice == "delete_sc" and len(listed) > 1:
        sid = rng.choice(listed).id
        return controller.execute_scenario("d", lambda s: s.delete(sid))
    if choice == "move_sc" and len(listed) > 1:
        sid = rng.choice(listed).id
        index = rng.randrange(len(listed))
        return controller.execute_scenario("o", lambda s: s.move(sid, index))
    return False


@pytest.mark.parametrize("seed", range(6))
def test_undo_and_redo_walk_back_and_forth_through_every_state(
        controller: DocumentController, seed: int, sample_path: Path) -> None:
    rng = random.Random(seed)
    stack = controller.undo_stack
    states = [_state(controller)]
    for number in range(40):
        before = stack.index()
        if _step(controller, rng, number) and stack.index() != before:
            states.append(_state(controller))
        assert stack.index() == len(states) - 1
    assert len(states) > 20
    for index in range(len(states) - 1, 0, -1):
        stack.undo()
        assert _state(controller) == states[index - 1], (seed, index)
    for index in range(1, len(states)):
        stack.redo()
        assert _state(controller) == states[index], (seed, index)
    file = controller.service.file
    assert file.load().snapshot() == controller.org.snapshot()
    # Saved, every scenario reads back as it is in the editor.
    expected = {s.name: controller.scenarios.organisation(s.id).snapshot()[1:]
                for s in controller.scenarios.scenarios()}
    file.save()
    for name, snapshot in expected.items():
        token = SCENARIO.set(name)
        try:
            assert read_organisation(sample_path).snapshot()[1:] == snapshot, name
        finally:
            SCENARIO.reset(token)
