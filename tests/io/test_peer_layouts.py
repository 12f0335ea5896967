"""Fixtures in each peer tool's column layout import as the tree they describe."""
from __future__ import annotations

from pathlib import Path

import pytest

from orgdesk.core.model import PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import preview, read_source

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def tree(org: Organisation) -> dict[str, list[str]]:
    """Each title with its direct reports' titles, in order (titles are unique here)."""
    result = {"": [p.title for p in org.roots()]}
    for position in org.positions():
        result[position.title] = [p.title for p in org.direct_reports(position.id)]
    return {k: v for k, v in result.items() if v}


EXPECTED = {
    "visio_orgchart.csv": {"": ["客服经理"], "客服经理": ["客服主管", "网管/技术支持"],
                           "客服主管": ["质检员", "培训员", "座席员"]},
    "drawio.csv": {"": ["Call-center director"], "Call-center director": ["Operations manager"],
                   "Operations manager": ["Team leader", "Quality analyst"],
                   "Team leader": ["Agent"]},
    "d3_org_chart.csv": {"": ["Chief Operating Officer"],
                         "Chief Operating Officer": ["Customer Service Manager"],
                         "Customer Service Manager": ["Team Leader", "Workforce Planner"],
                         "Team Leader": ["Senior Agent"]},
    "orgchartjs.csv": {"": ["CEO"], "CEO": ["IT Manager", "Contact Center Manager"],
                       "Contact Center Manager": ["Team Leader"], "Team Leader": ["Agent"]},  # ×2: people
    "organimi.csv": {"": ["Director of Support"],
                     "Director of Support": ["Support Manager", "Quality Lead"],
                     "Support Manager": ["Tier 1 Lead", "Tier 2 Lead"]},
    "flowbreeze.csv": {"": ["呼叫中心经理"], "呼叫中心经理": ["经理助理", "话务组长"],
                       "话务组长": ["话务员"]},
    "chinese_gbk.csv": {"": ["客服经理"], "客服经理": ["客服主管"], "客服主管": ["座席员", "质检员"]},
    "chinese.xlsx": {"": ["客服经理"], "客服经理": ["客服主管"], "客服主管": ["座席员", "质检员"]},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_peer_layout_gives_the_described_tree(name: str) -> None:
    org = read_source(FIXTURES / name).require()
    assert tree(org) == EXPECTED[name]


def test_visio_keeps_names_and_phones_in_notes_and_departments() -> None:
    org = read_source(FIXTURES / "visio_orgchart.csv").require()
    manager = org.roots()[0]
    assert manager.notes == "Telephone: +86 138 0000 0001"
    assert manager.holders == ("张伟",) and manager.filled_headcount == 1  # Visio lists people
    assert [d.name for d in org.departments] == ["客服部", "品质部", "支撑部"]
    assert org.department(manager.department_id).name == "客服部"  # type: ignore[arg-type]  # this position has a department


def test_drawio_comment_lines_are_skipped_and_extra_columns_kept() -> None:
    result = read_source(FIXTURES / "drawio.csv")
    assert result.kept_in_notes == ["location", "email", "fill", "image"]
    director = result.require().roots()[0]
    assert director.holders == ("Tessa Miller",) and "email: tessa@example.com" in director.notes


def test_organimi_unique_ids_become_position_ids() -> None:
    org = read_source(FIXTURES / "organimi.csv").require()
    assert sorted(p.id for p in org.positions()) == [100, 101, 102, 103, 104]
    lead = next(p for p in org.positions() if p.title == "Tier 1 Lead")
    assert "Phone: -" in lead.notes and "Lastname: Park" in lead.notes


def test_d3_text_ids_are_renumbered_in_row_order() -> None:
    org = read_source(FIXTURES / "d3_org_chart.csv").require()
    assert [p.title for p in sorted(org.positions(), key=lambda p: p.id)][:2] == [
        "Chief Operating Officer", "Customer Service Manager"]
    assert org.departments[0].name == "Operations"  # d3's “area” is the department


def test_flowbreeze_assistant_column_gives_staff_positions() -> None:
    org = read_source(FIXTURES / "flowbreeze.csv").require()
    kinds = {p.title: p.kind for p in org.positions()}
    assert kinds["经理助理"] is PositionKind.STAFF and kinds["话务组长"] is PositionKind.LINE


@pytest.mark.parametrize("name", ["chinese_gbk.csv", "chinese.xlsx"])
def test_chinese_sheet_fills_every_field(name: str) -> None:
    org = read_source(FIXTURES / name).require()
    by_title = {p.title: p for p in org.positions()}
    manager, agent = by_title["客服经理"], by_title["座席员"]
    assert manager.duties == ("全面负责呼叫中心的运营管理", "制定服务标准与流程", "控制运营成本")
    assert agent.duties == ("接听客户来电", "记录工单", "回访客户")
    assert agent.planned_headcount == 14
    assert manager.requirements.education == "本科" and manager.requirements.min_years == 5
    assert manager.requirements.languages == ("普通话标准",)
    assert by_title["客服主管"].requirements.age_min == 25
    assert by_title["客服主管"].requirements.age_max == 35
    assert [(k.name, k.target) for k in manager.kpis] == [("客户满意度", "≥95%"), ("接通率", "≥90%")]
    assert manager.career_path == "运营总监"
    assert manager.notes == "联系电话: +86 138 0000 1000"
    assert [d.name for d in org.departments] == ["客服部", "品质部"]


def test_gbk_file_is_really_gbk_and_not_utf8() -> None:
    raw = (FIXTURES / "chinese_gbk.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "岗位职责" in raw.decode("gbk")


def test_live_formula_in_a_workbook_is_not_evaluated() -> None:
    org = read_source(FIXTURES / "chinese.xlsx").require()
    agent = next(p for p in org.positions() if p.title == "座席员")
    assert agent.notes == ""  # the formula cell has no cached value; nothing ran


def test_preview_offers_the_recognised_mapping_and_sheets() -> None:
    shown = preview(FIXTURES / "chinese.xlsx")
    assert shown.sheets == ["岗位说明", "说明"]
    assert shown.mapping["岗位"] == "title" and shown.mapping["直接上级"] == "superior"
    assert shown.mapping["定员"] == "planned_headcount" and shown.mapping["任职要求"] == "requirements"
    assert shown.mapping["联系电话"] == ""
    assert shown.samples[0][1] == "客服经理"
