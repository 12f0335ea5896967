"""Headcount roll-ups: per position (its own seats and everything under it), per
department and per level of the hierarchy.

Everything is derived from the positions in one bottom-up pass over the tree,
so the figures can never disagree with the structure and a 5,000-position
organisation costs one walk, not one walk per position.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

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
    #: Seats filled beyond the plan (超编), its own and under it: planned = filled − over +
    #: vacancies, for the position and for its branch alike.
    over: int = 0
    over_under: int = 0


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
    over: int = 0  # seats filled beyond the plan (超编)


@dataclass(frozen=True, slots=True)
class HeadcountAnalysis:
    """All headcount figures of an organisation (or of one branch)."""

    positions: tuple[PositionFigures, ...]
    departments: tuple[GroupFigures, ...]
    levels: tuple[GroupFigures, ...]
    totals: Totals
    _index: dict[PositionId, PositionFigures] = field(default_factory=dict, init=False,
                                                      repr=False, compare=False)

    def figures_of(self, pid: PositionId) -> PositionFigures:
        index = self._index
        if not index:  # one dict for all lookups: a search per call is quadratic over a view
            index.update((f.position_id, f) for f in self.positions)
        return index[pid]

    def to_dict(self) -> dict[str, object]:
        # The flat records by their field names: `asdict` deep-copies every value,
        # ten times slower on a report of 100,000 positions.
        return {
            "totals": asdict(self.totals),
            "positions": _records(self.positions, PositionFigures),
            "departments": _records(self.departments, GroupFigures),
            "levels": _records(self.levels, GroupFigures),
        }


def _records(items: tuple[object, ...], kind: type) -> list[dict[str, object]]:
    names = [f.name for f in fields(kind)]
    return [{name: getattr(item, name) for name in names} for item in items]


def _group(key: str, members: list[Position], department_id: DepartmentId | None = None,
           colour: str = "") -> GroupFigures:
    return GroupFigures(key, len(members), sum(p.planned_headcount for p in members),
                        sum(p.filled_headcount for p in members),
                        sum(p.vacancies for p in members), department_id, colour,
                        sum(p.over for p in members))


def analyse_headcount(org: Organisation) -> HeadcountAnalysis:
    """Figures per position (tree order), per department (display order) and per level.

    Every figure comes from one walk down and one walk up the tree, and the
    groups from one pass that files each position under its department and
    level, so the work is linear in the positions whatever the tree's shape.
    """
    ordered = list(org.positions())
    levels = org.levels()
    # Post-order accumulation: (positions, planned, filled, vacancies, over) under each position.
    under: dict[PositionId, list[int]] = {p.id: [0, 0, 0, 0, 0] for p in ordered}
    report_seats: dict[PositionId, int] = dict.fromkeys(under, 0)
    for position in reversed(ordered):
        if position.superior_id is None:
            continue
        mine = under[position.id]
        parent = under[position.superior_id]
        parent[0] += 1 + mine[0]
        parent[1] += position.planned_headcount + mine[1]
        parent[2] += position.filled_headcount + mine[2]
        parent[3] += position.vacancies + mine[3]
        parent[4] += position.over + mine[4]
        report_seats[position.superior_id] += position.planned_headcount
    names = {d.id: d.name for d in org.departments}
    by_department: dict[DepartmentId | None, list[Position]] = {d.id: [] for d in org.departments}
    by_level: list[list[Position]] = []
    figures = []
    for position in ordered:
        level = levels[position.id]
        by_department.setdefault(position.department_id, []).append(position)
        while len(by_level) < level:
            by_level.append([])
        by_level[level - 1].append(position)
        positions_under, planned_under, filled_under, vacancies_under, over_under = \
            under[position.id]
        figures.append(PositionFigures(
            position.id, position.title,
            None if position.department_id is None else names[position.department_id],
            level, org.report_count(position.id), report_seats[position.id],
            positions_under, position.planned_headcount, position.filled_headcount,
            position.vacancies, planned_under, filled_under, vacancies_under, position.over,
            over_under))
    departments = [_group(d.name, by_department[d.id], d.id, d.colour) for d in org.departments]
    without = by_department.get(None)
    if without:
        departments.append(_group("", without))
    levels_figures = [_group(str(level), members) for level, members in enumerate(by_level, 1)]
    return HeadcountAnalysis(tuple(figures), tuple(departments), tuple(levels_figures),
                             org.totals())
