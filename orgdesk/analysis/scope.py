"""Choosing what a deliverable covers: the whole organisation or one branch."""
from __future__ import annotations

from dataclasses import replace

from orgdesk.core.errors import UserError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation


class NoSuchPositionError(UserError):
    """`--root` named no position, or a title shared by several positions."""


def find_position(org: Organisation, title_or_id: str) -> PositionId:
    """The position named by an exact title, or by its numeric id."""
    text = title_or_id.strip()
    matches = [p for p in org.positions() if p.title == text]
    if len(matches) == 1:
        return matches[0].id
    if len(matches) > 1:
        ids = ", ".join(str(p.id) for p in matches)
        raise NoSuchPositionError(
            f"{len(matches)} positions are called “{text}” (ids {ids}); give the id instead.")
    if text.isdigit() and PositionId(int(text)) in org:
        return PositionId(int(text))
    raise NoSuchPositionError(f"There is no position called “{text}” or with that id.")


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
