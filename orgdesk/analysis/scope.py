"""Choosing what a deliverable covers: the whole organisation or one branch."""
from __future__ import annotations

from dataclasses import replace

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation


def branch_organisation(org: Organisation, root: PositionId) -> Organisation:
    """A new organisation holding `root` (made a root) and everything under it.

    Departments used in the branch and dotted lines with both ends in it are kept,
    so figures, charts and handbooks of a branch come from the same code as
    those of a whole organisation.
    """
    members = org.branch(root)
    kept = {p.id for p in members}
    positions = [replace(p, superior_id=None, order=0) if p.id == root else p for p in members]
    used = {p.department_id for p in members}
    return Organisation(
        org.info,
        [d for d in org.departments if d.id in used],
        positions,
        [r for r in org.relations if r.source_id in kept and r.target_id in kept],
    )
