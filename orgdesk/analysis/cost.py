"""Labour cost: what the planned seats, the filled seats and the vacancies cost a month
and a year, per position, per department and in total.

A seat costs its monthly pay — the middle of the position's pay range, or the
one figure given — plus the employer's on-cost on top (社保/公积金, a percentage
of pay): `midpoint × (1 + on-cost % / 100)`.  A position's costs are that times
its planned seats, its filled seats and its vacancies (planned seats not
filled).  Seats filled beyond the plan (超编) are paid, so they count in the
filled cost; hence planned = filled − over + vacant holds for costs as for seats.

Positions with seats but no pay cost nothing here; they are counted, so a
total is never mistaken for the whole bill.  Every sum is exact: amounts are
kept as whole numbers of 1/200 of the currency's unit (a midpoint is a half
unit, an on-cost a hundredth) and rounded to cents only when shown.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from orgdesk.core.model import DepartmentId, Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import currency_of

#: Months of pay a year (a 13th month or a year-end bonus belongs in the monthly figure).
MONTHS_PER_YEAR = 12
#: Amounts are counted in this fraction of the currency's unit, exactly.
_PARTS = 200
_CENT = Decimal("0.01")


def _money(parts: int) -> Decimal:
    """An exact amount in parts as currency units, rounded half up to cents."""
    return (Decimal(parts) / _PARTS).quantize(_CENT, rounding=ROUND_HALF_UP)


def seat_cost_parts(position: Position) -> int | None:
    """One seat's monthly cost with on-cost, in 1/200 units; None when no pay is set."""
    low, high = position.pay_min, position.pay_max
    if not (low or high):
        return None
    doubled = low + high if low and high else 2 * (low or high)  # twice the midpoint
    return doubled * (100 + position.on_cost_percent)


@dataclass(frozen=True, slots=True)
class Cost:
    """Monthly labour cost of seats: the planned ones, the filled ones, the vacant ones."""

    planned_parts: int = 0
    filled_parts: int = 0
    vacant_parts: int = 0

    @property
    def monthly_planned(self) -> Decimal:
        return _money(self.planned_parts)

    @property
    def monthly_filled(self) -> Decimal:
        return _money(self.filled_parts)

    @property
    def monthly_vacant(self) -> Decimal:
        return _money(self.vacant_parts)

    @property
    def annual_planned(self) -> Decimal:
        return _money(self.planned_parts * MONTHS_PER_YEAR)

    @property
    def annual_filled(self) -> Decimal:
        return _money(self.filled_parts * MONTHS_PER_YEAR)

    @property
    def annual_vacant(self) -> Decimal:
        return _money(self.vacant_parts * MONTHS_PER_YEAR)

    def __add__(self, other: Cost) -> Cost:
        return Cost(self.planned_parts + other.planned_parts,
                    self.filled_parts + other.filled_parts,
                    self.vacant_parts + other.vacant_parts)

    def to_dict(self) -> dict[str, float]:
        """The six amounts as JSON numbers (cents are exact in a double up to 10¹³)."""
        return {"monthly_planned": float(self.monthly_planned),
                "monthly_filled": float(self.monthly_filled),
                "monthly_vacant": float(self.monthly_vacant),
                "annual_planned": float(self.annual_planned),
                "annual_filled": float(self.annual_filled),
                "annual_vacant": float(self.annual_vacant)}


@dataclass(frozen=True, slots=True)
class PositionCost:
    """One position's pay and what its seats cost."""

    position_id: PositionId
    title: str
    department: str | None
    level: int  # 1 for a root
    planned: int
    filled: int
    vacancies: int
    pay_min: int
    pay_max: int
    on_cost_percent: int
    seat_parts: int | None  # one seat a month with on-cost, 1/200 units; None: no pay
    cost: Cost

    @property
    def has_pay(self) -> bool:
        return self.seat_parts is not None

    @property
    def lacks_pay(self) -> bool:
        """Seats (planned or filled) without pay: its cost is missing from every total."""
        return self.seat_parts is None and (self.planned > 0 or self.filled > 0)

    @property
    def midpoint(self) -> Decimal | None:
        """A seat's monthly pay before on-cost: the middle of the range or the one figure."""
        low, high = self.pay_min, self.pay_max
        if not (low or high):
            return None
        return (Decimal(low + high) / 2 if low and high else Decimal(low or high)).quantize(_CENT)

    @property
    def monthly_seat_cost(self) -> Decimal | None:
        return None if self.seat_parts is None else _money(self.seat_parts)

    def to_dict(self) -> dict[str, object]:
        return {"position_id": int(self.position_id), "title": self.title,
                "department": self.department, "level": self.level, "planned": self.planned,
                "filled": self.filled, "vacancies": self.vacancies,
                "pay_min": self.pay_min, "pay_max": self.pay_max,
                "pay_midpoint": None if self.midpoint is None else float(self.midpoint),
                "on_cost_percent": self.on_cost_percent,
                "monthly_seat_cost": (None if self.monthly_seat_cost is None
                                      else float(self.monthly_seat_cost)),
                "lacks_pay": self.lacks_pay, **self.cost.to_dict()}


@dataclass(frozen=True, slots=True)
class GroupCost:
    """The cost of a group of positions: a department, or the whole organisation."""

    key: str  # the department's name; "" for positions without one, and for the total
    department_id: DepartmentId | None
    positions: int
    planned: int
    filled: int
    vacancies: int
    #: Positions with seats but no pay, and their planned seats: missing from `cost`.
    lacking_pay: int
    seats_lacking_pay: int
    cost: Cost

    def to_dict(self) -> dict[str, object]:
        return {"department": self.key, "department_id": self.department_id,
                "positions": self.positions, "planned": self.planned, "filled": self.filled,
                "vacancies": self.vacancies, "positions_lacking_pay": self.lacking_pay,
                "planned_seats_lacking_pay": self.seats_lacking_pay, **self.cost.to_dict()}


@dataclass(frozen=True, slots=True)
class CostAnalysis:
    """Every cost figure of an organisation, in its currency."""

    currency: str
    positions: tuple[PositionCost, ...]  # tree order
    departments: tuple[GroupCost, ...]  # display order; positions without one last
    total: GroupCost
    _index: dict[PositionId, PositionCost] = field(default_factory=dict, init=False,
                                                   repr=False, compare=False)

    def of(self, pid: PositionId) -> PositionCost:
        if not self._index:
            self._index.update((p.position_id, p) for p in self.positions)
        return self._index[pid]

    @property
    def has_pay(self) -> bool:
        """Whether any position has pay (else every amount is zero and says nothing)."""
        return any(p.has_pay for p in self.positions)

    def to_dict(self) -> dict[str, object]:
        return {"currency": self.currency, "months_per_year": MONTHS_PER_YEAR,
                "total": self.total.to_dict(),
                "departments": [d.to_dict() for d in self.departments],
                "positions": [p.to_dict() for p in self.positions]}


def position_cost(position: Position, department: str | None = None,
                  level: int = 1) -> PositionCost:
    seat = seat_cost_parts(position)
    planned, filled, vacancies = (position.planned_headcount, position.filled_headcount,
                                  position.vacancies)
    cost = Cost() if seat is None else Cost(seat * planned, seat * filled, seat * vacancies)
    return PositionCost(position.id, position.title, department, level, planned, filled,
                        vacancies, position.pay_min, position.pay_max, position.on_cost_percent, seat, cost)


def _group(key: str, department_id: DepartmentId | None,
           members: Iterable[PositionCost]) -> GroupCost:
    positions = planned = filled = vacancies = lacking = seats_lacking = 0
    cost = Cost()
    for member in members:
        positions += 1
        planned += member.planned
        filled += member.filled
        vacancies += member.vacancies
        cost += member.cost
        if member.lacks_pay:
            lacking += 1
            seats_lacking += member.planned
    return GroupCost(key, department_id, positions, planned, filled, vacancies, lacking,
                     seats_lacking, cost)


def analyse_cost(org: Organisation) -> CostAnalysis:
    """Cost per position (tree order), per department (display order) and in total: one pass."""
    names = {d.id: d.name for d in org.departments}
    by_department: dict[DepartmentId | None, list[PositionCost]] = {d: [] for d in names}
    levels = org.levels()
    figures = []
    for position in org.positions():
        did = position.department_id
        figure = position_cost(position, None if did is None else names[did], levels[position.id])
        figures.append(figure)
        by_department.setdefault(did, []).append(figure)
    departments = [_group(d.name, d.id, by_department[d.id]) for d in org.departments]
    if by_department.get(None):
        departments.append(_group("", None, by_department[None]))
    return CostAnalysis(currency_of(org.settings), tuple(figures), tuple(departments),
                        _group("", None, figures))
