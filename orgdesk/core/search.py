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


#: Where a match was found, named after the panel that shows that text.
SECTION_OVERVIEW = "overview"
SECTION_DUTIES = "duties"
SECTION_REQUIREMENTS = "requirements"
SECTION_KPIS = "kpis"


def match_section(org: Organisation, position: Position, query: str) -> str | None:
    """The first panel (overview, duties, requirements, KPIs) whose text holds `query`,
    or None when nothing does; the window brings that panel forward."""
    needle = query.strip().casefold()
    if not needle:
        return None
    req = position.requirements
    department = (org.department(position.department_id).name
                  if position.department_id is not None else "")
    sections: tuple[tuple[str, tuple[str, ...]], ...] = (
        (SECTION_OVERVIEW, (position.title, position.source_id, *position.holders, department,
                            position.level)),
        (SECTION_DUTIES, position.duties),
        (SECTION_REQUIREMENTS, (req.education, *req.languages, *req.skills, req.other)),
        (SECTION_KPIS, tuple(k.name for k in position.kpis)),
    )
    for section, texts in sections:
        if any(needle in text.casefold() for text in texts):
            return section
    return None
