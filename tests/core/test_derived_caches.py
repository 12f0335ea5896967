"""The organisation's derived caches (report order, rows, branch totals) never go stale.

They are kept up to date incrementally by each edit; after any sequence of
edits they must equal what a freshly built organisation computes.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.core.errors import DomainError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from tests.core.helpers import call_center, pos

OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["add", "move", "remove_leaf", "remove_branch", "lift", "headcount",
                     "undo_patch"]),
    st.integers(0, 50), st.integers(0, 50), st.integers(0, 6)), max_size=25)


def fresh(org: Organisation) -> Organisation:
    return Organisation(org.info, org.departments, org.positions(), org.relations, org.settings)


@settings(max_examples=120, deadline=None)
@given(OPERATIONS)
def test_caches_match_a_fresh_organisation(operations: list[tuple[str, int, int, int]]) -> None:
    org = call_center()
    for position in org.positions():  # fill every cache before editing
        org.branch_totals(position.id)
        org.row_of(position.id)
    for name, a, b, n in operations:
        known = sorted(p.id for p in org.positions())
        if not known:
            break
        pid = PositionId(known[a % len(known)])
        target = PositionId(known[b % len(known)]) if b % 5 else None
        before = org.capture()
        try:
            if name == "add":
                org.add_position(pos(org.next_position_id(), "新", target,
                                     planned_headcount=n, filled_headcount=n // 2), n)
            elif name == "move":
                org.move_position(pid, target, n)
            elif name == "remove_leaf":
                org.remove_position(pid)
            elif name == "remove_branch":
                org.remove_branch(pid)
            elif name == "lift":
                org.remove_position_lifting_reports(pid)
            elif name == "headcount":
                org.update_position(org.position(pid).evolve(planned_headcount=n,
                                                             filled_headcount=n % 3))
            else:
                changes = org.move_position(pid, target, n)
                org.apply_patch(org.state_of(changes, before))  # undo it
        except DomainError:
            continue
        rebuilt = fresh(org)
        for position in org.positions():
            assert org.branch_totals(position.id) == rebuilt.branch_totals(position.id)
            assert org.row_of(position.id) == rebuilt.row_of(position.id)
            assert [p.id for p in org.direct_reports(position.id)] == \
                [p.id for p in rebuilt.direct_reports(position.id)]
        assert [p.id for p in org.roots()] == [p.id for p in rebuilt.roots()]


STEPS = st.lists(st.tuples(
    st.sampled_from(["add", "move", "remove_branch", "lift", "headcount", "alone"]),
    st.integers(0, 50), st.integers(0, 50), st.integers(0, 6), st.booleans()), max_size=20)


@settings(max_examples=120, deadline=None)
@given(STEPS)
def test_branch_totals_stay_exact_through_undo_and_redo(
        steps: list[tuple[str, int, int, int, bool]]) -> None:
    """Undo and redo (`apply_patch`) recount only the chains they touch: after any mix
    of recorded edits, undos and redos, every cached total is a fresh count's."""
    org = call_center()
    for position in org.positions():  # the cache is full before the first edit
        org.branch_totals(position.id)
    done: list[tuple[object, object]] = []
    undone: list[tuple[object, object]] = []
    for name, a, b, n, go_back in steps:
        known = sorted(p.id for p in org.positions())
        if go_back and done:  # undo the last step, and sometimes redo it at once
            before, after = done.pop()
            org.apply_patch(before)  # type: ignore[arg-type]  # a StatePatch
            undone.append((before, after))
            if n % 2 and undone:
                before, after = undone.pop()
                org.apply_patch(after)  # type: ignore[arg-type]  # a StatePatch
                done.append((before, after))
        elif known:
            pid = PositionId(known[a % len(known)])
            target = PositionId(known[b % len(known)]) if b % 5 else None
            org.start_recording()
            try:
                if name == "add":
                    org.add_position(pos(org.next_position_id(), "新", target,
                                         planned_headcount=n, filled_headcount=n // 2), n)
                elif name == "move":
                    org.move_position(pid, target, n)
                elif name == "alone":
                    org.move_position_alone(pid, target if target != pid else None, n)
                elif name == "remove_branch":
                    org.remove_branch(pid)
                elif name == "lift":
                    org.remove_position_lifting_reports(pid)
                else:
                    org.update_position(org.position(pid).evolve(planned_headcount=n,
                                                                 filled_headcount=n % 3))
            except DomainError:
                pass
            edit = org.stop_recording()
            if not edit.changes.empty:
                done.append((edit.before, edit.after))
                undone.clear()
        rebuilt = fresh(org)
        for position in org.positions():
            assert org.branch_totals(position.id) == rebuilt.branch_totals(position.id)
