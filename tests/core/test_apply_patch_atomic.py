"""`Organisation.apply_patch` checks the whole patch before it changes anything.

A patch that would break the forest (a cycle, a superior that would not
exist, reports left without their superior) is refused and leaves the
organisation exactly as it was: entities, derived indexes and totals.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from orgdesk.core.errors import DomainError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation, StatePatch
from tests.core.helpers import call_center

P = PositionId


def _state(org: Organisation) -> tuple[object, ...]:
    """Everything a view could read: entities, tree order, branch totals."""
    return (org.snapshot(), [p.id for p in org.positions()],
            [org.branch_totals(r.id) for r in org.roots()], org.is_forest())


def _refused(org: Organisation, patch: StatePatch) -> None:
    before = _state(org)
    with pytest.raises(DomainError):
        org.apply_patch(patch)
    assert _state(org) == before


def test_a_patch_making_a_cycle_changes_nothing() -> None:
    org = call_center()
    # 总经理 (1) under its own report 组长A (4), with a department edit riding along.
    patch = StatePatch(
        positions={P(1): replace(org.position(P(1)), superior_id=P(4), title="X"),
                   P(9): replace(org.position(P(9)), title="改名")},
        departments={}, relations={}, settings={"chart": {"detail": 3}})
    _refused(org, patch)
    assert "chart" not in org.settings


def test_a_patch_naming_a_missing_superior_changes_nothing() -> None:
    org = call_center()
    patch = StatePatch(positions={P(9): replace(org.position(P(9)), superior_id=P(99))},
                       departments={}, relations={})
    _refused(org, patch)


def test_a_patch_removing_a_superior_but_not_its_reports_changes_nothing() -> None:
    org = call_center()
    patch = StatePatch(positions={P(4): None}, departments={}, relations={})
    _refused(org, patch)


def test_a_patch_removing_a_whole_branch_is_applied() -> None:
    org = call_center()
    patch = StatePatch(positions={P(4): None, P(6): None, P(7): None},
                       departments={}, relations={})
    org.apply_patch(patch)
    assert {int(p.id) for p in org.positions()} == {1, 2, 3, 5, 8, 9}
    assert org.is_forest()
