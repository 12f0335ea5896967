"""The tree's row mirror and its planner (orgdesk.ui.tree_rows), without a view.

Random edits of random organisations (and their undo) are followed step by
step; the rows must end as a fresh mirror of the organisation, every step
must be one Qt accepts (a move never puts rows under themselves), and the
steps must be few (a paste is one insert, a move one move).
"""
from __future__ import annotations

import contextlib
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import DomainError
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.services.clipboard import copy_branch, paste_branch
from orgdesk.ui.tree_rows import Insert, Move, Remove, Step, TreeRows, plan


def _organisation(rng: random.Random, count: int) -> Organisation:
    positions: list[Position] = []
    orders: dict[PositionId | None, int] = {}
    for n in range(1, count + 1):
        superior = None if n == 1 or rng.random() < 0.1 else PositionId(rng.randint(1, n - 1))
        order = orders.get(superior, 0)
        orders[superior] = order + 1
        positions.append(Position(PositionId(n), f"P{n}", superior, order))
    return Organisation(positions=positions)


def _follow(rows: TreeRows, org: Organisation, changes: ChangeSet) -> list[Step]:
    steps: list[Step] = []
    for step in plan(rows, org, changes):
        if isinstance(step, Move) and step.target != step.parent:
            # Qt refuses a move under one of the moved rows or their descendants.
            moved = rows.reports[step.parent][step.first:step.last + 1]
            above = step.target
            while above is not None:
                assert above not in moved, step
                above = rows.superior[above]
        if isinstance(step, Move) and step.target == step.parent:
            assert not step.first <= step.row <= step.last + 1, step
        if isinstance(step, Remove | Move):
            assert 0 <= step.first <= step.last < len(rows.reports[step.parent]), step
        if isinstance(step, Insert):
            assert 0 <= step.row <= len(rows.reports[step.parent]), step
        rows.apply(step)
        steps.append(step)
    fresh = TreeRows.of(org)
    assert rows.reports == fresh.reports
    assert rows.superior == fresh.superior
    for pid in fresh.superior:
        assert rows.row_of(pid) == fresh.row_of(pid)
    return steps


def _random_edit(rng: random.Random, org: Organisation) -> None:
    ids = [p.id for p in org.positions()]
    kind = rng.choice(["add", "move", "alone", "remove", "lift", "paste", "reorder", "several"])
    pid = rng.choice(ids) if ids else None
    if kind == "add" or pid is None:
        superior = rng.choice([None, *ids])
        org.add_position(Position(org.next_position_id(), "new", superior), rng.randint(0, 5))
    elif kind in ("move", "alone", "reorder"):
        target = org.position(pid).superior_id if kind == "reorder" else \
            rng.choice([None, *ids])
        with contextlib.suppress(DomainError):  # a move under its own report
            (org.move_position if kind != "alone" else org.move_position_alone)(
                pid, target, rng.randint(0, 6))
    elif kind == "remove":
        org.remove_branch(pid)
    elif kind == "lift":
        org.remove_position_lifting_reports(pid)
    elif kind == "paste":
        paste_branch(org, copy_branch(org, pid), rng.choice([None, *ids]), rng.randint(0, 4))
    else:  # several moves in one step, as a bulk move does
        target = rng.choice([None, *ids])
        for moving in rng.sample(ids, min(len(ids), 5)):
            with contextlib.suppress(DomainError):
                org.move_position(moving, target, rng.randint(0, 3))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_random_edits_and_their_undo_are_followed_exactly(seed: int, count: int) -> None:
    rng = random.Random(seed)
    org = _organisation(rng, count)
    rows = TreeRows.of(org)
    for _ in range(4):
        org.start_recording()
        _random_edit(rng, org)
        edit = org.stop_recording()
        _follow(rows, org, edit.changes)
        org.start_recording()
        org.apply_patch(edit.before)  # undo
        _follow(rows, org, org.stop_recording().changes)
        org.start_recording()
        org.apply_patch(edit.after)  # redo
        _follow(rows, org, org.stop_recording().changes)


def _chain_org() -> Organisation:
    """A root with ten reports; the first has three reports, one of which has a report."""
    positions = [Position(PositionId(1), "root", None, 0)]
    positions += [Position(PositionId(10 + n), f"r{n}", PositionId(1), n) for n in range(10)]
    positions += [Position(PositionId(30 + n), f"s{n}", PositionId(10), n) for n in range(3)]
    positions += [Position(PositionId(40), "t", PositionId(30), 0)]
    return Organisation(positions=positions)


def _recorded(org: Organisation, edit: object) -> ChangeSet:
    org.start_recording()
    assert callable(edit)
    edit()
    return org.stop_recording().changes


def test_a_pasted_branch_is_one_insert_of_its_top_row() -> None:
    org = _chain_org()
    rows = TreeRows.of(org)
    data = copy_branch(org, PositionId(10))
    changes = _recorded(org, lambda: paste_branch(org, data, PositionId(1), 4))
    steps = _follow(rows, org, changes)
    assert len(steps) == 1
    (step,) = steps
    assert isinstance(step, Insert) and step.parent == PositionId(1) and step.row == 4
    assert len(step.ids) == 1 and sum(map(len, step.reports.values())) == 4


def test_a_move_is_one_move_a_reorder_one_move_a_delete_one_remove() -> None:
    org = _chain_org()
    rows = TreeRows.of(org)
    steps = _follow(rows, org, _recorded(org, lambda: org.move_position(
        PositionId(30), PositionId(15), 0)))
    assert steps == [Move(PositionId(10), 0, 0, PositionId(15), 0)]
    steps = _follow(rows, org, _recorded(org, lambda: org.move_position(
        PositionId(11), PositionId(1), 7)))
    assert len(steps) == 1 and isinstance(steps[0], Move)
    steps = _follow(rows, org, _recorded(org, lambda: org.remove_branch(PositionId(15))))
    assert len(steps) == 1 and isinstance(steps[0], Remove)


def test_lifted_reports_move_up_together_before_their_superior_goes() -> None:
    org = _chain_org()
    rows = TreeRows.of(org)
    steps = _follow(rows, org, _recorded(
        org, lambda: org.remove_position_lifting_reports(PositionId(10))))
    # They take its place at the top of the root's reports; it was row 0, now row 3.
    assert steps == [Move(PositionId(10), 0, 2, PositionId(1), 0),
                     Remove(PositionId(1), 3, 3)]


def test_moving_a_position_under_its_own_former_report() -> None:
    # Only the position moves, its reports rising into its place; then it goes under
    # one of them: the report must leave the position before the position goes under it.
    org = _chain_org()
    rows = TreeRows.of(org)
    steps = _follow(rows, org, _recorded(
        org, lambda: org.move_position_alone(PositionId(10), PositionId(30), 0)))
    assert all(isinstance(step, Move) for step in steps)
