"""Finding positions by text: titles, source ids, holders, departments, duties and requirements."""
from __future__ import annotations

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation


def searchable_text(org: Organisation, position: Position) -> str:
    req = position.requirements
    department = (org.department(position.department_id).name
                  if position.department_id is not None else "")
    parts = [position.title, position.source_id, *position.holders, department, position.level,
             *position.duties, req.education, *req.languages, *req.skills, req.other,
             *(k.name for k in position.kpis)]
    return "\n".join(parts).casefold()


def find_positions(org: Organisation, query: str) -> list[PositionId]:
    """Ids of matching positions in tree order (the order next/previous walk)."""
    needle = query.strip().casefold()
    if not needle:
        return []
    return [p.id for p in org.positions() if needle in searchable_text(org, p)]
