"""The impact table of two scenarios, its figures worked out by hand."""
from __future__ import annotations

from orgdesk.analysis.scenario_impact import compare_scenarios
from orgdesk.core.model import Department, DepartmentId, Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.scenario_compare import cost_by_department, impact_lines

SERVICE, QUALITY = DepartmentId(1), DepartmentId(2)


def _org(agents: int, leaders: int, with_qa: bool) -> Organisation:
    departments = [Department(SERVICE, "客服部", "#D9E2F3", 0),
                   Department(QUALITY, "品质部", "#FCE4D6", 1)]
    positions = [
        Position(PositionId(1), "客服经理", None, 0, SERVICE, planned_headcount=1,
                 filled_headcount=1, pay_min=15_000, pay_max=15_000, on_cost_percent=30),
        Position(PositionId(2), "组长", PositionId(1), 0, SERVICE, planned_headcount=leaders,
                 filled_headcount=1, pay_min=8_000, pay_max=10_000, on_cost_percent=30),
        Position(PositionId(3), "座席员", PositionId(2), 0, SERVICE, planned_headcount=agents,
                 filled_headcount=12, pay_min=5_000, pay_max=5_000, on_cost_percent=30),
    ]
    if with_qa:
        positions.append(Position(PositionId(4), "质检专员", PositionId(1), 1, QUALITY,
                                  planned_headcount=1, filled_headcount=0, pay_min=6_000,
                                  pay_max=6_000, on_cost_percent=30))
    return Organisation(departments=departments, positions=positions)


def test_figures_per_department_and_in_total() -> None:
    # A: 1 manager, 1 leader over 14 agents (12 filled), one QA inspector (vacant).
    # B: 2 leaders over 28 agents (still 12 filled), the inspector gone.
    a, b = _org(14, 1, True), _org(28, 2, False)
    result = compare_scenarios(a, b, "现状", "方案A", cost_by_department)
    by_name = {row.department: row for row in result.rows}
    service, quality, total = by_name["客服部"], by_name["品质部"], by_name[None]
    assert [row.department for row in result.rows] == ["客服部", "品质部", None]
    assert (service.a["positions"], service.b["positions"]) == (3, 3)
    assert (service.a["seats"], service.b["seats"]) == (16, 31)
    assert (service.a["filled"], service.b["filled"]) == (14, 14)
    assert (service.a["vacancies"], service.b["vacancies"]) == (2, 17)
    # Monthly cost of planned seats with 30 % on-cost: manager 19,500; a leader
    # (8,000 + 10,000) / 2 × 1.3 = 11,700; an agent 6,500.
    assert service.a["monthly_cost"] == 19_500 + 11_700 + 14 * 6_500 == 122_200
    assert service.b["monthly_cost"] == 19_500 + 2 * 11_700 + 28 * 6_500 == 224_900
    assert (quality.a["positions"], quality.b["positions"]) == (1, 0)
    assert (quality.a["monthly_cost"], quality.b["monthly_cost"]) == (7_800, 0)
    assert total.delta("positions") == -1
    assert total.delta("seats") == 31 - 17 == 14
    assert total.delta("vacancies") == 17 - 3 == 14
    assert total.delta("monthly_cost") == 224_900 - 130_000 == 94_900
    # Span rules, counted on the manager (客服部): trainers, one per 15-25 agents, are
    # missing in both (14 agents need 1, 28 need 2); QA, one per 25-30 agents: 14 need
    # one, which A has, 28 need 1-2 and B has none.  Team leaders: 14 agents per leader
    # in A and in B ("组长 ×2" over 28), both within 8-15.
    assert (service.a["violations"], service.b["violations"]) == (1, 2)
    assert (total.a["violations"], total.b["violations"]) == (1, 2)
    assert result.has_cost
    lines = impact_lines(result)
    assert lines[0] == "现状 → 方案A"
    assert any(line.startswith("Total") and "122,200" not in line and "+94,900" in line
               for line in lines)


def test_without_pay_there_is_no_cost_column() -> None:
    a = Organisation(positions=[Position(PositionId(1), "经理")])
    result = compare_scenarios(a, a.copy(), "A", "B", cost_by_department)
    assert not result.has_cost
    assert result.total.a["monthly_cost"] is None
    assert "Monthly cost" not in impact_lines(result)[1]
    assert impact_lines(result)[-1] == "Positions: no changes."


def test_the_cost_figures_are_the_cost_analysis_figures() -> None:
    from orgdesk.analysis.cost import analyse_cost

    org = _org(28, 2, True)
    analysis = analyse_cost(org)
    assert cost_by_department(org) == {group.key: round(group.cost.monthly_planned)
                                       for group in analysis.departments}
