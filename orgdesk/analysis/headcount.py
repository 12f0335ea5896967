"""Headcount roll-ups: per position (its own seats and everything under it), per
department and per level of the hierarchy.

Everything is derived from the positions in one bottom-up pass over the tree,
so the figures can never disagree with the structure and a 5,000-position
organisation costs one walk, not one walk per position.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from orgdesk.core.model import DepartmentId, Position, PositionId
from orgdesk.core.organisation import Organisation, Totals


@dataclass(frozen=True, slots=True)
class PositionFigures:
    """One position's own seats and the roll-up of everything under it."""

    position_id: PositionId
    title: str
    department: str | None
    level: int  # 1 for a root
    direct_reports: int  # positions whose direct superior this is
    direct_report_seats: int  # their planned seats
    positions_under: int  # all positions in the branch below (not counting itself)
    planned: int
    filled: int
    vacancies: int
    planned_under: int
    filled_under: int
    vacancies_under: int


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """Totals of a group of positions: a department or a level."""

    key: str  # department name ("" for positions without one) or the level number
    positions: int
    planned: int
    filled: int
    vacancies: int
    department_id: DepartmentId | None = None
    colour: str = ""


@dataclass(frozen=True, slots=True)
class HeadcountAnalysis:
    """All headcount figures of an organisation (or of one branch)."""

    positions: tuple[PositionFigures, ...]
    departments: tuple[GroupFigures, ...]
    levels: tuple[GroupFigures, ...]
    totals: Totals

    def figures_of(self, pid: PositionId) -> PositionFigures:
        for figures in self.positions:
            if figures.position_id == pid:
                return figures
        raise KeyError(pid)

    def to_dict(self) -> dict[str, object]:
        return {
            "totals": asdict(self.totals),
            "positions": [asdict(f) for f in self.positions],
            "departments": [{k: v for k, v in asdict(g).items()} for g in self.departments],
            "levels": [asdict(g) for g in self.levels],
        }


def _group(key: str, members: list[Position], department_id: DepartmentId | None = None,
           colour: str = "") -> GroupFigures:
    return GroupFigures(key, len(members), sum(p.planned_headcount for p in members),
                        sum(p.filled_headcount for p in members),
                        sum(p.vacancies for p in members), department_id, colour)


def analyse_headcount(org: Organisation) -> HeadcountAnalysis:
    """Figures per position (tree order), per department (display order) and per level."""
    ordered = list(org.positions())
    levels: dict[PositionId, int] = {}
    for position in ordered:  # pre-order: a superior's level is known before its reports'
        superior = position.superior_id
        levels[position.id] = 1 if superior is None else levels[superior] + 1
    # Post-order accumulation: (positions, planned, filled, vacancies) under each position.
    under: dict[PositionId, list[int]] = {p.id: [0, 0, 0, 0] for p in ordered}
    for position in reversed(ordered):
        if position.superior_id is None:
            continue
        mine = under[position.id]
        parent = under[position.superior_id]
        parent[0] += 1 + mine[0]
        parent[1] += position.planned_headcount + mine[1]
        parent[2] += position.filled_headcount + mine[2]
        parent[3] += position.vacancies + mine[3]
    names = {d.id: d.name for d in org.departments}
    figures = []
    for position in ordered:
        reports = org.direct_reports(position.id)
        positions_under, planned_under, filled_under, vacancies_under = under[position.id]
        figures.append(PositionFigures(
            position.id, position.title,
            None if position.department_id is None else names[position.department_id],
            levels[position.id], len(reports), sum(r.planned_headcount for r in reports),
            positions_under, position.planned_headcount, position.filled_headcount,
            position.vacancies, planned_under, filled_under, vacancies_under))
    departments = [_group(d.name, [p for p in ordered if p.department_id == d.id], d.id,
                          d.colour) for d in org.departments]
    without = [p for p in ordered if p.department_id is None]
    if without:
        departments.append(_group("", without))
    by_level = [
        _group(str(level), [p for p in ordered if levels[p.id] == level])
        for level in range(1, org.depth() + 1)
    ]
    return HeadcountAnalysis(tuple(figures), tuple(departments), tuple(by_level), org.totals())
