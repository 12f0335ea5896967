"""Edits of several positions at once, each one batch (one transaction, one undo step).

The window's multi-selection (tree or chart) comes here: set the same fields on
every selected position, delete them all, move them all under one superior.
A selection may hold a position and some of its own reports; a branch
operation then acts on the top-most ones only (moving or deleting a branch
takes its reports along), so nothing is done twice.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from orgdesk.core.errors import InvalidValueError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.services.clipboard import copy_branch, paste_branch
from orgdesk.services.editor import DocumentService

#: The fields a bulk edit may set (superior and order change only by a move).
BULK_FIELDS = frozenset({"department_id", "kind", "level", "planned_headcount",
                         "filled_headcount", "headcount_note", "pay_min", "pay_max",
                         "on_cost_percent"})
#: The chart settings' key and the arrangements of a position's reports, as the layout
#: reads them (orgdesk.layout.saved; services sit below layout and cannot import it).
CHART_SETTING = "chart"
ARRANGEMENTS = ("horizontal", "vertical", "two_columns")
#: Passed as `arrangement` to go back to the automatic arrangement.
AUTOMATIC = "automatic"


def tree_ordered(org: Organisation, ids: Iterable[PositionId]) -> list[PositionId]:
    """`ids` (those still in the document, each once) in the order the tree shows them."""
    wanted = {pid for pid in ids if pid in org}
    if len(wanted) <= 1:
        return list(wanted)
    return [p.id for p in org.positions() if p.id in wanted]


def top_most(org: Organisation, ids: Iterable[PositionId]) -> list[PositionId]:
    """The positions of `ids` none of whose superiors is in `ids`, in tree order."""
    wanted = set(tree_ordered(org, ids))
    found: list[PositionId] = []
    for pid in tree_ordered(org, wanted):
        superior = org.position(pid).superior_id
        while superior is not None and superior not in wanted:
            superior = org.position(superior).superior_id
        if superior is None:
            found.append(pid)
    return found


def edit_positions(service: DocumentService, ids: Iterable[PositionId],
                   fields: Mapping[str, Any], arrangement: str | None = None) -> int:
    """Set `fields` (a subset of BULK_FIELDS) on every position of `ids`, and with
    `arrangement` (one of ARRANGEMENTS, or AUTOMATIC) arrange the reports of those that
    have two or more; positions already so are left alone, so nothing changed: no step.

    Returns the number of positions changed.  The batch records what changed; the
    operations' own change sets are not folded together here (ChangeSet.merge checks
    list membership, quadratic over 1,000 positions: 8 s of a 1,000-position move).
    """
    unknown = set(fields) - BULK_FIELDS
    if unknown:
        raise ValueError(f"not a bulk field: {sorted(unknown)}")
    if arrangement is not None and arrangement != AUTOMATIC and arrangement not in ARRANGEMENTS:
        raise ValueError(f"not an arrangement: {arrangement!r}")
    org = service.org
    ordered = tree_ordered(org, ids)
    changed = 0
    with service.batch():
        if fields:
            for pid in ordered:
                current = org.position(pid)
                updated = current.evolve(**fields)
                if updated != current:
                    org.update_position(updated)
                    changed += 1
        if arrangement is not None:
            _arrange(service, ordered, arrangement)
    return changed


def _arrange(service: DocumentService, ids: list[PositionId], arrangement: str) -> None:
    org = service.org
    settings = org.settings.get(CHART_SETTING)
    chart = dict(settings) if isinstance(settings, dict) else {}
    overrides_value = chart.get("overrides")
    overrides = dict(overrides_value) if isinstance(overrides_value, dict) else {}
    for pid in ids:
        key = str(int(pid))
        if arrangement == AUTOMATIC:
            overrides.pop(key, None)
        elif org.report_count(pid) >= 2:  # one report has nothing to arrange
            overrides[key] = arrangement
    if overrides:
        chart["overrides"] = overrides
    else:
        chart.pop("overrides", None)
    if chart != (settings if isinstance(settings, dict) else {}):
        service.set_setting(CHART_SETTING, chart or None)


def remove_positions(service: DocumentService, ids: Iterable[PositionId],
                     lift_reports: bool = False) -> int:
    """Delete every position of `ids`: with their whole branches, or (`lift_reports`)
    only them, each one's reports moving up into its place (under the nearest
    superior not deleted).  Returns how many positions were deleted."""
    org = service.org
    before = len(org)
    with service.batch(), org.deferred_renumbering():  # each sibling list renumbered once
        if lift_reports:
            # Top-down: a selected report lifted into its deleted superior's place is
            # then deleted in turn, and its own reports go up to the same place.
            for pid in tree_ordered(org, ids):
                org.remove_position_lifting_reports(pid)
        else:
            for pid in top_most(org, ids):
                org.remove_branch(pid)
    return before - len(org)


def move_positions(service: DocumentService, ids: Iterable[PositionId],
                   superior: PositionId | None, index: int | None = None,
                   with_reports: bool = True) -> int:
    """Move every position of `ids` under `superior`, together from `index` on (None:
    at the end) in tree order: with their branches (those under another moved one go
    with it), or alone (their reports moving up into their places).  Returns how many
    positions were moved (their reports not counted)."""
    org = service.org
    moving = top_most(org, ids) if with_reports else tree_ordered(org, ids)
    with service.batch(), org.deferred_renumbering():  # each sibling list renumbered once
        for offset, pid in enumerate(moving):
            at = None if index is None else index + offset
            if with_reports:
                org.move_position(pid, superior, at)
            else:
                org.move_position_alone(pid, superior, at)
    return len(moving)


# ------------------------------------------------------------------ clipboard
#: Several copied branches (each in orgdesk.services.clipboard's branch format).
BRANCHES_FORMAT = "orgdesk-branches/1"


def copy_branches(org: Organisation, ids: Iterable[PositionId]) -> dict[str, Any]:
    """The branches of the top-most of `ids`, in tree order, as one clipboard value."""
    return {"format": BRANCHES_FORMAT,
            "branches": [copy_branch(org, pid) for pid in top_most(org, ids)]}


def is_branches(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == BRANCHES_FORMAT


def paste_branches(service: DocumentService, data: dict[str, Any],
                   superior: PositionId | None, index: int | None = None
                   ) -> list[PositionId]:
    """Paste several copied branches side by side under `superior` (from `index` on; None:
    at the end), in one batch; returns their new top positions' ids."""
    branches = data.get("branches") if is_branches(data) else None
    if not isinstance(branches, list) or not branches:
        raise InvalidValueError("The clipboard holds no positions.")
    roots: list[PositionId] = []
    with service.batch(), service.org.deferred_renumbering():
        for offset, branch in enumerate(branches):
            at = None if index is None else index + offset
            roots.append(paste_branch(service.org, branch, superior, at)[1])
    return roots
