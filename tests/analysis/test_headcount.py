"""Headcount figures, checked by hand against the sample sources (sample_orgs/*.toml)."""
from __future__ import annotations

from pathlib import Path

import pytest

from orgdesk.analysis.headcount import HeadcountAnalysis, PositionFigures, analyse_headcount
from orgdesk.analysis.scope import branch_organisation
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.storage.reading import read_organisation
from tests.core.helpers import call_center, dept, pos

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"


def sample(name: str) -> Organisation:
    return read_organisation(SAMPLES / f"{name}.orgdesk")


def by_title(analysis: HeadcountAnalysis, title: str) -> PositionFigures:
    found = [f for f in analysis.positions if f.title == title]
    assert len(found) == 1, (title, found)
    return found[0]


def test_software_ops_department_per_position() -> None:
    # software_ops_department.toml: 运营经理 → 项目经理 → 项目督导 → 客户服务专员 ×14;
    # 质检专员 and 培训专员 (staff) under 运营经理; every other seat count is the default 1.
    analysis = analyse_headcount(sample("software_ops_department"))
    manager = by_title(analysis, "运营经理")
    assert (manager.level, manager.direct_reports, manager.direct_report_seats) == (1, 3, 3)
    # under it: 项目经理 1 + 项目督导 1 + 客户服务专员 14 + 质检专员 1 + 培训专员 1
    assert (manager.positions_under, manager.planned_under, manager.filled_under,
            manager.vacancies_under) == (5, 18, 0, 18)
    supervisor = by_title(analysis, "项目督导")
    assert (supervisor.level, supervisor.direct_reports, supervisor.direct_report_seats,
            supervisor.positions_under, supervisor.planned_under) == (3, 1, 14, 1, 14)
    agents = by_title(analysis, "客户服务专员")
    assert (agents.level, agents.planned, agents.vacancies, agents.positions_under) == (4, 14, 14, 0)
    assert [f.title for f in analysis.positions] == [
        "运营经理", "项目经理", "项目督导", "客户服务专员", "质检专员", "培训专员"]


def test_software_ops_department_per_department_and_level() -> None:
    analysis = analyse_headcount(sample("software_ops_department"))
    # one department, 运营部, holding all 6 positions and 19 seats (14 + 5 × 1)
    assert [(g.key, g.positions, g.planned, g.filled, g.vacancies)
            for g in analysis.departments] == [("运营部", 6, 19, 0, 19)]
    # levels: 运营经理 | 项目经理, 质检专员, 培训专员 | 项目督导 | 客户服务专员 ×14
    assert [(g.key, g.positions, g.planned) for g in analysis.levels] == [
        ("1", 1, 1), ("2", 3, 3), ("3", 1, 1), ("4", 1, 14)]
    assert (analysis.totals.positions, analysis.totals.planned) == (6, 19)


def test_training_call_center_50() -> None:
    # training_call_center_50.toml: 运营总监 → 项目经理 (→ 4 × 项目组长 → 话务员 ×10) and
    # 运营助理 (staff, → 培训师, 人事专员, 质检专员); groups are departments 项目组1-4,
    # the six management and support posts have no department.
    analysis = analyse_headcount(sample("training_call_center_50"))
    director = by_title(analysis, "运营总监")
    assert (director.direct_reports, director.positions_under, director.planned_under) == (2, 13, 49)
    manager = by_title(analysis, "项目经理")
    assert (manager.direct_reports, manager.direct_report_seats, manager.positions_under,
            manager.planned_under) == (4, 4, 8, 44)
    assistant = by_title(analysis, "运营助理")
    assert (assistant.direct_reports, assistant.planned_under) == (3, 3)
    assert [(g.key, g.positions, g.planned) for g in analysis.departments] == [
        ("项目组1", 2, 11), ("项目组2", 2, 11), ("项目组3", 2, 11), ("项目组4", 2, 11), ("", 6, 6)]
    assert [(g.key, g.positions, g.planned) for g in analysis.levels] == [
        ("1", 1, 1), ("2", 2, 2), ("3", 7, 7), ("4", 4, 40)]
    assert analysis.totals.planned == 50


def test_filled_seats_and_vacancies_roll_up() -> None:
    # helpers.call_center: 座席员 ×20 with 17 filled, under 组长A, under 客服经理, under 总经理.
    # Every other position is 1 planned, 0 filled: one vacancy each.
    analysis = analyse_headcount(call_center())
    expected = {  # title: (positions under, planned under, filled under, vacancies under)
        "总经理": (7, 26, 17, 3 + 6),  # 客服经理 运营经理 组长A 组长B 座席员×20 质检员 培训师
        "客服经理": (4, 23, 17, 3 + 3),  # 组长A 组长B 座席员×20 质检员
        "组长A": (2, 21, 17, 3 + 1),  # 座席员×20 质检员
        "组长B": (0, 0, 0, 0),
    }
    for title, figures in expected.items():
        f = by_title(analysis, title)
        assert (f.positions_under, f.planned_under, f.filled_under, f.vacancies_under) == figures
    assert analysis.figures_of(PositionId(6)).vacancies == 3


def test_overfilled_position_counts_no_negative_vacancy() -> None:
    org = Organisation(departments=[dept(1, "客服部")], positions=[
        pos(1, "主管"), pos(2, "座席员", 1, planned_headcount=10, filled_headcount=12,
                          department_id=1)])
    analysis = analyse_headcount(org)
    assert (analysis.figures_of(PositionId(1)).filled_under,
            analysis.figures_of(PositionId(1)).vacancies_under) == (12, 0)
    assert [(g.key, g.filled, g.vacancies) for g in analysis.departments] == [
        ("客服部", 12, 0), ("", 0, 1)]


def test_empty_organisation() -> None:
    analysis = analyse_headcount(Organisation())
    assert analysis.positions == () and analysis.levels == () and analysis.departments == ()


def test_branch_keeps_only_the_branch() -> None:
    org = sample("training_call_center_50")
    manager = next(p for p in org.positions() if p.title == "项目经理")
    branch = branch_organisation(org, manager.id)
    analysis = analyse_headcount(branch)
    # 项目经理 + 4 groups of 组长 + 话务员 ×10: 9 positions, 45 seats, 3 levels
    assert (analysis.totals.positions, analysis.totals.planned, len(analysis.levels)) == (9, 45, 3)
    assert [g.key for g in analysis.departments] == ["项目组1", "项目组2", "项目组3", "项目组4", ""]
    assert branch.roots()[0].id == manager.id and branch.roots()[0].superior_id is None


def test_to_dict_is_json_ready() -> None:
    import json

    data = analyse_headcount(sample("software_ops_department")).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False))["totals"]["planned"] == 19


@pytest.mark.parametrize("size", [1, 200])
def test_a_deep_chain_is_one_walk(size: int) -> None:
    positions = [pos(1, "总经理")] + [pos(i, f"岗位{i}", i - 1) for i in range(2, size + 1)]
    analysis = analyse_headcount(Organisation(positions=positions))
    assert analysis.figures_of(PositionId(1)).positions_under == size - 1
    assert len(analysis.levels) == size
