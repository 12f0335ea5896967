"""Labour cost per position, department and in total, checked by hand."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings

from orgdesk.analysis.cost import (
    MONTHS_PER_YEAR,
    Cost,
    GroupCost,
    analyse_cost,
    seat_cost_parts,
)
from orgdesk.core.errors import InvalidValueError
from orgdesk.core.model import DepartmentId, Position, PositionId
from orgdesk.core.organisation import Organisation
from tests.analysis.test_headcount import sample
from tests.core.helpers import dept, pos
from tests.io.strategies import organisations

D = Decimal


def priced() -> Organisation:
    """Every shape of pay: a range, one figure, a minimum only, a maximum only, none.

        1 经理       运营部  1/1   20,000-30,000  35 %   seat 25,000 × 1.35 = 33,750
          2 座席员   运营部 14/12   5,000 (min = max) 35 %   seat  6,750
          3 质检员   品质部  2/3   6,000 (min only)  30 %   seat  7,800 (one seat over)
          4 培训师   品质部  1/0   no pay                   (its seat is missing)
        5 助理       —       1/1   4,001-4,002       33 %   seat 4,001.5 × 1.33 = 5,321.995
        6 占位       —       0/0   no pay                   (no seat: nothing missing)
    """
    ops, qa = DepartmentId(1), DepartmentId(2)
    return Organisation(departments=[dept(1, "运营部"), dept(2, "品质部", 1)], positions=[
        pos(1, "经理", department_id=ops, filled_headcount=1, pay_min=20_000, pay_max=30_000,
            on_cost_percent=35),
        pos(2, "座席员", 1, 0, department_id=ops, planned_headcount=14, filled_headcount=12,
            pay_min=5_000, pay_max=5_000, on_cost_percent=35),
        pos(3, "质检员", 1, 1, department_id=qa, planned_headcount=2, filled_headcount=3,
            pay_min=6_000, on_cost_percent=30),
        pos(4, "培训师", 1, 2, department_id=qa, planned_headcount=1),
        pos(5, "助理", None, 1, filled_headcount=1, pay_min=4_001, pay_max=4_002,
            on_cost_percent=33),
        pos(6, "占位", None, 2, planned_headcount=0),
    ], settings={"currency": "CNY"})


def _monthly(group: GroupCost) -> tuple[Decimal, Decimal, Decimal]:
    return group.cost.monthly_planned, group.cost.monthly_filled, group.cost.monthly_vacant


def _annual(group: GroupCost) -> tuple[Decimal, Decimal, Decimal]:
    return group.cost.annual_planned, group.cost.annual_filled, group.cost.annual_vacant


def test_per_position() -> None:
    analysis = analyse_cost(priced())
    assert [p.title for p in analysis.positions] == ["经理", "座席员", "质检员", "培训师",
                                                     "助理", "占位"]
    manager = analysis.of(PositionId(1))
    assert (manager.midpoint, manager.monthly_seat_cost) == (D("25000.00"), D("33750.00"))
    assert (manager.cost.monthly_planned, manager.cost.monthly_filled,
            manager.cost.monthly_vacant) == (D("33750.00"), D("33750.00"), D("0.00"))
    agents = analysis.of(PositionId(2))
    assert (agents.midpoint, agents.monthly_seat_cost) == (D("5000.00"), D("6750.00"))
    # 14 × 6,750 = 94,500; 12 × 6,750 = 81,000; 2 vacant × 6,750 = 13,500
    assert (agents.cost.monthly_planned, agents.cost.monthly_filled,
            agents.cost.monthly_vacant) == (D("94500.00"), D("81000.00"), D("13500.00"))
    assert agents.cost.annual_planned == D("1134000.00")  # 94,500 × 12
    qa = analysis.of(PositionId(3))
    # a minimum alone is the pay: 6,000 × 1.30 = 7,800; 3 filled (one over the plan of 2)
    assert (qa.midpoint, qa.monthly_seat_cost) == (D("6000.00"), D("7800.00"))
    assert (qa.cost.monthly_planned, qa.cost.monthly_filled,
            qa.cost.monthly_vacant) == (D("15600.00"), D("23400.00"), D("0.00"))
    trainer = analysis.of(PositionId(4))
    assert trainer.lacks_pay and trainer.midpoint is None and trainer.monthly_seat_cost is None
    assert trainer.cost.monthly_planned == D("0.00")
    assistant = analysis.of(PositionId(5))
    # 4,001.5 × 1.33 = 5,321.995, shown rounded half up; a year is 63,863.94 exactly
    assert (assistant.midpoint, assistant.monthly_seat_cost) == (D("4001.50"), D("5322.00"))
    assert assistant.cost.annual_filled == D("63863.94")
    assert not analysis.of(PositionId(6)).lacks_pay  # no seats, nothing missing


def test_per_department_and_total() -> None:
    analysis = analyse_cost(priced())
    ops, qa, none = analysis.departments
    assert (ops.key, qa.key, none.key, none.department_id) == ("运营部", "品质部", "", None)
    # 运营部: 33,750 + 94,500 planned; 33,750 + 81,000 filled; 13,500 vacant
    assert (ops.positions, ops.planned, ops.filled, ops.vacancies) == (2, 15, 13, 2)
    assert _monthly(ops) == (D("128250.00"), D("114750.00"), D("13500.00"))
    assert _annual(ops) == (D("1539000.00"), D("1377000.00"), D("162000.00"))
    assert (ops.lacking_pay, ops.seats_lacking_pay) == (0, 0)
    # 品质部: 质检员 15,600 / 23,400 / 0; 培训师 lacks pay (1 planned seat)
    assert (qa.positions, qa.planned, qa.filled, qa.vacancies) == (2, 3, 3, 1)
    assert _monthly(qa) == (D("15600.00"), D("23400.00"), D("0.00"))
    assert (qa.lacking_pay, qa.seats_lacking_pay) == (1, 1)
    # no department: 助理 5,321.995 a month
    assert _monthly(none) == (D("5322.00"), D("5322.00"), D("0.00"))
    assert _annual(none) == (D("63863.94"), D("63863.94"), D("0.00"))
    total = analysis.total
    assert (total.positions, total.planned, total.filled, total.vacancies) == (6, 19, 17, 3)
    # 128,250 + 15,600 + 5,321.995 = 149,171.995; filled 114,750 + 23,400 + 5,321.995
    assert _monthly(total) == (D("149172.00"), D("143472.00"), D("13500.00"))
    assert _annual(total) == (D("1790063.94"), D("1721663.94"), D("162000.00"))
    assert (total.lacking_pay, total.seats_lacking_pay) == (1, 1)
    assert analysis.currency == "CNY" and analysis.has_pay


def test_json_form() -> None:
    data = analyse_cost(priced()).to_dict()
    assert data["currency"] == "CNY" and data["months_per_year"] == 12
    assert data["total"]["monthly_planned"] == 149172.0
    assert data["total"]["annual_planned"] == 1790063.94
    assert data["total"]["positions_lacking_pay"] == 1
    assistant = data["positions"][4]
    assert (assistant["title"], assistant["pay_midpoint"], assistant["monthly_seat_cost"],
            assistant["department"]) == ("助理", 4001.5, 5322.0, None)
    assert [d["department"] for d in data["departments"]] == ["运营部", "品质部", ""]


def test_a_document_without_pay_or_currency() -> None:
    analysis = analyse_cost(sample("software_ops_department"))
    assert analysis.currency == "CNY" and not analysis.has_pay
    assert analysis.total.cost.monthly_planned == D("0.00")
    # every position of the sample has a seat, so every one lacks pay
    assert analysis.total.lacking_pay == analysis.total.positions == 6
    assert analysis.total.seats_lacking_pay == analysis.total.planned == 19


def test_an_empty_organisation() -> None:
    analysis = analyse_cost(Organisation())
    assert analysis.positions == () and analysis.departments == ()
    assert analysis.total.positions == 0 and analysis.total.cost.annual_planned == D("0.00")


@pytest.mark.parametrize("fields, words", [
    ({"pay_min": 9_000, "pay_max": 5_000}, "starts after it ends"),
    ({"pay_min": -1}, "between 0 and"),
    ({"pay_max": 100_000_001}, "between 0 and 100000000"),
    ({"on_cost_percent": 201}, "between 0 and 200"),
    ({"on_cost_percent": -5}, "between 0 and 200"),
])
def test_pay_out_of_range_is_refused(fields: dict[str, int], words: str) -> None:
    with pytest.raises(InvalidValueError, match=words):
        Position(PositionId(1), "座席员", **fields)  # type: ignore[arg-type]  # ints, checked


def test_the_largest_pay_stays_exact() -> None:
    top = Position(PositionId(1), "CEO", planned_headcount=1_000_000_000,
                   pay_min=100_000_000, pay_max=100_000_000, on_cost_percent=200)
    analysis = analyse_cost(Organisation(positions=[top]))
    assert analysis.total.cost.monthly_planned == D("300000000000000000.00")
    assert analysis.total.cost.annual_planned == D("3600000000000000000.00")


@settings(max_examples=60, deadline=None)
@given(organisations())
def test_the_figures_hold_together(org: Organisation) -> None:
    """Departments sum to the total; planned = filled − over + vacant, in money too."""
    analysis = analyse_cost(org)
    summed = sum((d.cost for d in analysis.departments), start=Cost())
    assert summed == analysis.total.cost
    assert sum(d.positions for d in analysis.departments) == analysis.total.positions
    assert sum(d.lacking_pay for d in analysis.departments) == analysis.total.lacking_pay
    for figure in analysis.positions:
        position = org.position(figure.position_id)
        seat = seat_cost_parts(position) or 0
        cost = figure.cost
        assert cost.planned_parts == cost.filled_parts - position.over * seat + cost.vacant_parts
        assert cost.annual_planned == (D(cost.planned_parts) * MONTHS_PER_YEAR / 200
                                       ).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        assert figure.lacks_pay == (not position.pay_min and not position.pay_max
                                    and (position.planned_headcount > 0
                                         or position.filled_headcount > 0))


def test_a_comparison_names_pay_changes() -> None:
    """Two versions that differ only in pay are not the same: the change is listed."""
    from orgdesk.analysis.compare import compare

    old = priced()
    new = priced()
    new.update_position(new.position(PositionId(2)).evolve(pay_min=5_500, pay_max=6_500))
    new.update_position(new.position(PositionId(3)).evolve(on_cost_percent=32))
    comparison = compare(old, new)
    details = {c.title: c.detail for c in comparison.changes}
    assert details == {"座席员": "Changed monthly pay 5000 → 5500-6500.",
                       "质检员": "Changed on-cost % 30 → 32."}
    (change,) = next(c for c in comparison.changes if c.title == "座席员").fields
    assert (change.field, change.old, change.new) == ("pay", "5000", "5500-6500")
