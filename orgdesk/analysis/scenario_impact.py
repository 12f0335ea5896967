"""The impact table of two scenarios: what changes per department and in total.

For each department (matched by name, in the order of the second scenario,
then those only the first has) and for the whole organisation: positions,
planned seats, filled seats, vacancies, span-rule violations (each scenario
judged by its own rules) and, where the document has pay figures, the
monthly labour cost of the planned seats.  Pure Python; the comparison
dialog, its PDF and XLSX export and `orgdesk scenario compare` all read it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from orgdesk.analysis.compare import Comparison, compare
from orgdesk.analysis.span_check import check_span
from orgdesk.analysis.span_rules import document_span_rules
from orgdesk.core.organisation import Organisation

#: The figures of a row, in column order (the exports and the dialog use these keys).
FIGURES = ("positions", "seats", "filled", "vacancies", "violations", "monthly_cost")

#: Column headings of the figures, in FIGURES order (English; the GUI translates its own).
FIGURE_NAMES = {"positions": "Positions", "seats": "Seats", "filled": "Filled",
                "vacancies": "Vacancies", "violations": "Span-rule violations",
                "monthly_cost": "Monthly cost"}
TOTAL = "Total"
NO_DEPARTMENT = "(no department)"


@dataclass(frozen=True, slots=True)
class ImpactRow:
    """One department (or the total, `department` None): each figure in A and in B."""

    department: str | None  # "" = positions without a department
    a: dict[str, int | None]
    b: dict[str, int | None]

    def delta(self, figure: str) -> int | None:
        old, new = self.a[figure], self.b[figure]
        return None if old is None or new is None else new - old

    def to_dict(self) -> dict[str, object]:
        return {"department": self.department, "a": dict(self.a), "b": dict(self.b),
                "delta": {figure: self.delta(figure) for figure in FIGURES}}


@dataclass(frozen=True)
class ScenarioComparison:
    """Two scenarios compared: the position changes (A → B) and the impact table."""

    name_a: str
    name_b: str
    changes: Comparison
    rows: tuple[ImpactRow, ...]  # departments, then the total last
    has_cost: bool

    @property
    def total(self) -> ImpactRow:
        return self.rows[-1]

    def to_dict(self) -> dict[str, object]:
        return {"a": self.name_a, "b": self.name_b,
                "impact": [row.to_dict() for row in self.rows],
                "changes": self.changes.to_dict()}


#: Monthly labour cost of an organisation's planned seats by department name (None: the
#: document has no pay figures).  Set by the cost analysis when it is there.
CostByDepartment = Callable[[Organisation], dict[str, int] | None]


def _no_cost(_org: Organisation) -> dict[str, int] | None:
    return None


def _figures(org: Organisation, cost: CostByDepartment
             ) -> tuple[dict[str, dict[str, int | None]], list[str]]:
    """Figures per department name, and the names in display order."""
    names = {d.id: d.name for d in org.departments}
    order = [d.name for d in org.departments]
    figures: dict[str, dict[str, int | None]] = {}

    def row(name: str) -> dict[str, int | None]:
        if name not in figures:
            figures[name] = dict.fromkeys(FIGURES, 0)
        return figures[name]

    department_of: dict[int, str] = {}
    for position in org.positions():
        name = names.get(position.department_id, "") if position.department_id else ""
        department_of[position.id] = name
        target = row(name)
        target["positions"] = (target["positions"] or 0) + 1
        target["seats"] = (target["seats"] or 0) + position.planned_headcount
        target["filled"] = (target["filled"] or 0) + position.filled_headcount
        target["vacancies"] = (target["vacancies"] or 0) + max(
            0, position.planned_headcount - position.filled_headcount)
    violations = Counter(department_of.get(v.position_id, "")
                         for v in check_span(org, document_span_rules(org.settings)))
    for name, count in violations.items():
        row(name)["violations"] = count
    costs = cost(org)
    for name, target in figures.items():
        target["monthly_cost"] = None if costs is None else costs.get(name, 0)
    if "" in figures:
        order.append("")
    return figures, order


def compare_scenarios(a: Organisation, b: Organisation, name_a: str, name_b: str,
                      cost: CostByDepartment = _no_cost) -> ScenarioComparison:
    """Compare scenario `a` (the baseline) with `b`."""
    figures_a, order_a = _figures(a, cost)
    figures_b, order_b = _figures(b, cost)
    names = [n for n in order_b if n in figures_b or n in figures_a]
    names += [n for n in order_a if n not in names and n in figures_a]
    names += [n for n in figures_a if n not in names]
    names += [n for n in figures_b if n not in names]
    has_cost = any(f["monthly_cost"] is not None for f in (*figures_a.values(),
                                                             *figures_b.values()))
    empty: dict[str, int | None] = dict.fromkeys(FIGURES, 0)
    if not has_cost:
        empty["monthly_cost"] = None
    rows = [ImpactRow(name, dict(figures_a.get(name, empty)), dict(figures_b.get(name, empty)))
            for name in names]
    rows.append(ImpactRow(None, _sum(figures_a.values(), has_cost),
                          _sum(figures_b.values(), has_cost)))
    return ScenarioComparison(name_a, name_b, compare(a, b), tuple(rows), has_cost)


def _sum(rows: Iterable[dict[str, int | None]], has_cost: bool) -> dict[str, int | None]:
    total: dict[str, int | None] = dict.fromkeys(FIGURES, 0)
    for figures in rows:
        for figure in FIGURES:
            value = figures[figure]
            if value is not None:
                total[figure] = (total[figure] or 0) + value
    if not has_cost:
        total["monthly_cost"] = None
    return total


def figures_of(comparison: ScenarioComparison) -> tuple[str, ...]:
    return tuple(f for f in FIGURES if f != "monthly_cost" or comparison.has_cost)


def department_label(row: ImpactRow, total: str = TOTAL, none: str = NO_DEPARTMENT) -> str:
    if row.department is None:
        return total
    return row.department or none
