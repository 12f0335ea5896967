"""Many structural steps in one `deferred_renumbering` block end exactly where the same
steps taken one at a time end: same positions, same sibling orders (0..n-1), the same
recorded changes; and queries inside the block already see the new structure.

The block exists for speed (each sibling list is renumbered once, not after every
step: a bulk move of 1,000 positions out of a superior with 1,778 reports took
5–9 s); these tests make sure it changes nothing else.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import CycleError
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from tests.core.helpers import assert_changes_exact, assert_orders_contiguous, state, structure

P = PositionId


def wide_org(size: int, fan: int) -> Organisation:
    """A root, `fan`-wide levels below it: many siblings under a few superiors."""
    positions = [Position(P(1), "总监")]
    counts: dict[int, int] = {}
    for pid in range(2, size + 1):
        superior = 1 if pid <= fan + 1 else 2 + (pid - fan - 2) % fan
        counts[superior] = counts.get(superior, -1) + 1
        positions.append(Position(P(pid), f"岗位{pid}", superior_id=P(superior),
                                  order=counts[superior]))
    return Organisation(positions=positions)


# A step: (kind, position, target, index) with numbers resolved against the org as it is.
steps = st.lists(st.tuples(st.sampled_from(["move", "alone", "remove", "lift", "branch"]),
                           st.integers(0, 10**6), st.integers(0, 10**6),
                           st.one_of(st.none(), st.integers(0, 40))), max_size=25)


def apply(org: Organisation, step: tuple[str, int, int, int | None]) -> ChangeSet | None:
    kind, a, b, index = step
    ids = sorted(p.id for p in org.positions())
    if len(ids) < 2:
        return None
    pid = ids[a % len(ids)]
    target = ids[b % len(ids)]
    try:
        if kind == "move":
            return org.move_position(pid, target, index)
        if kind == "alone":
            return org.move_position_alone(pid, target if target != pid else None, index)
        if kind == "remove":
            return org.remove_position(pid) if not org.report_count(pid) else None
        if kind == "lift":
            return org.remove_position_lifting_reports(pid)
        return org.remove_branch(pid) if org.superior(pid) is not None else None
    except CycleError:
        return None


@settings(max_examples=150, deadline=None)
@given(size=st.integers(2, 60), fan=st.integers(1, 30), plan=steps)
def test_a_deferred_block_ends_where_the_single_steps_end(
        size: int, fan: int, plan: list[tuple[str, int, int, int | None]]) -> None:
    one_by_one, deferred = wide_org(size, fan), wide_org(size, fan)
    for step in plan:
        apply(one_by_one, step)
    before = deferred.snapshot()
    deferred.start_recording()
    with deferred.deferred_renumbering():
        for step in plan:
            apply(deferred, step)
            # Inside, every query sees the structure as it now is.
            assert structure(deferred) == structure(_replayed(size, fan, plan, step))
    edit = deferred.stop_recording()
    assert state(deferred) == state(one_by_one)
    assert_orders_contiguous(deferred)
    assert_changes_exact(before, deferred, edit.changes)


def _replayed(size: int, fan: int, plan: list[tuple[str, int, int, int | None]],
              last: tuple[str, int, int, int | None]) -> Organisation:
    org = wide_org(size, fan)
    for step in plan:
        apply(org, step)
        if step is last:
            break
    return org


def test_a_branch_removed_reports_its_renumbered_siblings() -> None:
    org = wide_org(12, 5)
    before = org.snapshot()
    changes = org.remove_branch(P(2))  # the first of five reports, with its own reports
    assert_changes_exact(before, org, changes)
    assert_orders_contiguous(org)


def test_a_nested_block_joins_the_outer_one() -> None:
    org = wide_org(30, 10)
    with org.deferred_renumbering():
        org.move_position(P(3), P(2), 0)
        with org.deferred_renumbering() as inner:
            org.remove_branch(P(4))
        assert inner.empty  # renumbered by the outer block, when it ends
        assert org.report_ids(P(2))[0] == P(3)
    assert_orders_contiguous(org)


def test_an_error_inside_leaves_the_orders_whole() -> None:
    org = wide_org(20, 8)
    try:
        with org.deferred_renumbering():
            org.move_position(P(3), None, 0)
            org.move_position(P(1), P(2))  # the top under one of its own reports
    except CycleError:
        pass
    assert_orders_contiguous(org)
    assert org.roots()[0].id == P(3)
