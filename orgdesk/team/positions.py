"""The team's job descriptions as entries of the position library (Ctrl+L).

A document pulled from a team library (its `team_origin` setting) shows the
descriptions consultants added to that library (`orgdesk library add-position`)
beside the built-in ones, in a family of their own.  They are read from the
server each time the window asks, on a worker thread; an unreachable server
only means they are not shown.  Each stored description is read like a
position record (`core.serialize`), so a malformed one is left out, never shown
half.
"""
from __future__ import annotations

from orgdesk.core.errors import UserError
from orgdesk.core.serialize import position_from_dict
from orgdesk.library import LibraryEntry, PositionTemplate
from orgdesk.team.library import Library, TeamPosition

#: The library dialog's family of the team's descriptions.
TEAM_FAMILY = "team"
#: Descriptions listed at most (the oldest first, as the library keeps them).
TEAM_LIMIT = 500


def template_of(entry: TeamPosition) -> PositionTemplate | None:
    """A team description as a library template; None if it is not a valid position."""
    data = dict(entry.position)
    data.update(id=1, superior_id=None, department_id=None)
    try:
        position = position_from_dict(data)
    except (UserError, ValueError, TypeError, LookupError):
        return None
    return PositionTemplate(
        key=f"team:{entry.id}", title=position.title, department=entry.department,
        level=position.level, source=entry.source_project,
        planned_headcount=position.planned_headcount, headcount_note=position.headcount_note,
        duties=position.duties, requirements=position.requirements, kpis=position.kpis,
        career_path=position.career_path, notes=position.notes)


def team_entries(server: str) -> tuple[LibraryEntry, ...]:
    """The job descriptions of the library at `server`, one entry each, by title.

    Raises what connecting raises (a LibraryProblem sentence): the caller decides
    whether an offline library is worth saying.
    """
    with Library.open(server) as library:
        found = library.team_positions(limit=TEAM_LIMIT)
    templates = [t for t in map(template_of, found) if t is not None and t.title.strip()]
    return tuple(sorted((LibraryEntry(t.title, TEAM_FAMILY, (t,)) for t in templates),
                        key=lambda e: e.title))
