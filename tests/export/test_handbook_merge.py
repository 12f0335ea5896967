"""Identical job descriptions are one sheet that says where the position appears and its
seats in all; the contents lists each description once; the cover comes from the
document's properties (no Qt needed)."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Kpi,
    Position,
    PositionId,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook.content import build_content, description_key, printable_organisation
from orgdesk.storage.reading import read_organisation

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"
DAY = date(2025, 11, 23)
DUTIES = ("接听客户来电并解答咨询", "准确记录工单")
REQ = Requirements(education="大专", skills=("普通话标准",))
KPIS = (Kpi("接通率", "≥90%"),)


def call_center(seats: tuple[int, ...] = (10, 12, 12, 14, 9, 11, 10, 8)) -> Organisation:
    """主管 → 组长A1 … A8, each with one 座席员 position (same description, own seats)."""
    departments = [Department(DepartmentId(1), "一部", "#8FB8DE", 0),
                   Department(DepartmentId(2), "二部", "#F4C07A", 1)]
    positions = [Position(PositionId(1), "主管")]
    for index, count in enumerate(seats, start=1):
        leader = PositionId(10 + index)
        department = DepartmentId(1 if index <= 4 else 2)
        positions.append(Position(leader, f"组长A{index}", PositionId(1), index, department,
                                  duties=("带领团队",)))
        positions.append(Position(PositionId(100 + index), "座席员", leader, 0, department,
                                  planned_headcount=count, filled_headcount=count - 1,
                                  duties=DUTIES, requirements=REQ, kpis=KPIS))
    return Organisation(DocumentInfo(title="客服中心", client="某银行", author="张顾问"),
                        departments, positions)


def test_identical_descriptions_are_one_sheet_with_where_and_seats() -> None:
    seats = (10, 12, 12, 14, 9, 11, 10, 8)
    content = build_content(call_center(seats), DAY)
    agents = [s for s in content.sheets if s.title == "座席员"]
    assert len(agents) == 1
    agent = agents[0]
    assert len(agent.position_ids) == 8
    assert agent.headcount == f"{sum(seats)}人（在岗{sum(seats) - 8}人，空缺8人）"
    assert agent.appears == tuple(f"组长A{i}（{'一部' if i <= 4 else '二部'}） ×{n}"
                                  for i, n in enumerate(seats, start=1))
    assert agent.appears_omitted == "（共 8 处）"
    assert agent.superior == "、".join(f"组长A{i}" for i in range(1, 9))
    assert agent.department == "一部、二部"
    # 1 主管 + 8 组长 + 1 座席员: ten descriptions, not seventeen
    assert len(content.sheets) == 10
    # each 组长's reports point at the one 座席员 description
    leader = next(s for s in content.sheets if s.title == "组长A4")
    assert [(r.text, r.anchor) for r in leader.report_refs] == [("座席员 ×14", agent.anchor)]
    assert [(r.text, r.anchor) for r in agent.superiors][:1] == [("组长A1", "p11")]


def test_a_different_duty_is_a_description_of_its_own() -> None:
    org = call_center()
    odd = org.position(PositionId(103))
    org.update_position(replace(odd, duties=(*odd.duties, "兼任质检")))
    content = build_content(org, DAY)
    agents = [s for s in content.sheets if s.title == "座席员"]
    assert sorted(len(s.position_ids) for s in agents) == [1, 7]
    headings = [title for _number, title in content.section_titles()]
    assert len(headings) == len(set(headings))  # told apart in the contents
    # ids, superiors, departments and seats never make descriptions differ
    first, second = org.position(PositionId(101)), org.position(PositionId(108))
    assert description_key(first) == description_key(second)


@pytest.mark.parametrize("sample", sorted(p.stem for p in SAMPLES.glob("*.orgdesk")))
def test_contents_never_repeats_a_line(sample: str) -> None:
    org = read_organisation(SAMPLES / f"{sample}.orgdesk")
    content = build_content(printable_organisation(org), DAY)
    lines = content.section_titles()
    assert len(lines) == len(set(lines))
    headings = [title for _number, title in lines]
    assert len(headings) == len(set(headings)), sample
    # every position is described exactly once
    described = [pid for sheet in content.sheets for pid in sheet.position_ids]
    assert sorted(described) == sorted(p.id for p in org.positions())
    keys = [description_key(org.position(s.position_id)) for s in content.sheets]
    assert len(keys) == len(set(keys))


def test_cover_fields_come_from_the_document() -> None:
    org = call_center()
    modified = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    org.set_info(replace(org.info, modified=modified))
    content = build_content(org, DAY)
    rows = dict(content.cover_rows())
    assert (content.title, rows["客户"], rows["编制"]) == ("客服中心", "某银行", "张顾问")
    assert rows["日期"] == "2025年11月23日"
    assert rows["版本"] == "2026年3月9日"
    english = dict(build_content(org, DAY, lang="en").cover_rows())
    assert english["Client"] == "某银行" and english["Version"] == "9 March 2026"


@pytest.mark.parametrize("title", ["", "岗位说明书", " 岗位说明书 "])
def test_a_title_that_only_names_the_deliverable_is_not_repeated(title: str) -> None:
    org = call_center()
    org.set_info(replace(org.info, title=title))
    assert build_content(org, DAY).title == ""
