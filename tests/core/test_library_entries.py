"""The library's browsing and applying rules (issue 13, defect 16), without Qt."""
from __future__ import annotations

import pytest

from orgdesk.core.model import Kpi, Position, PositionId, Requirements
from orgdesk.library import (
    FAMILIES,
    PositionTemplate,
    applied_fields,
    clean_title,
    family_of,
    library_entries,
    position_library,
)


@pytest.mark.parametrize(("raw", "clean"), [
    ("呼叫中心运营经理", "运营经理"), ("联通呼叫中心客服", "客服"), ("国税组话务员", "话务员"),
    ("国税组组长", "组长"), ("项目组长", "项目组长"), ("经理岗", "经理"), ("回访小组", "回访人员"),
    ("培训", "培训人员"), ("质检员", "质检员"), ("Team Leader", "Team Leader"),
])
def test_clean_title(raw: str, clean: str) -> None:
    assert clean_title(raw) == clean


@pytest.mark.parametrize(("title", "family"), [
    ("运营总监", "management"), ("客服主管", "management"), ("组长", "team_leadership"),
    ("项目督导", "team_leadership"), ("座席员", "agents"), ("质检组长", "quality"),
    ("培训经理", "training"), ("网管/技术支持", "technical"), ("运营助理", "support"),
    ("Workforce planner", "support"),
])
def test_family_of(title: str, family: str) -> None:
    assert family_of(title) == family


def test_entries_cover_the_library_once_without_duplicates() -> None:
    entries = library_entries()
    titles = [e.title for e in entries]
    assert len(titles) == len(set(titles))
    variants = [t.key for e in entries for t in e.variants]
    assert sorted(variants) == sorted(t.key for t in position_library())
    order = [FAMILIES.index(e.family) for e in entries]
    assert order == sorted(order)


def template(**fields: object) -> PositionTemplate:
    values: dict[str, object] = {
        "key": "k", "title": "质检员", "department": "", "level": "", "source": "",
        "planned_headcount": 1, "headcount_note": "", "duties": ("抽检录音", "质检报告"),
        "requirements": Requirements(education="大专", skills=("沟通", "细心")),
        "kpis": (Kpi("抽检量", "≥100"), Kpi("准确率")), "career_path": "", "notes": ""}
    values.update(fields)
    return PositionTemplate(**values)  # type: ignore[arg-type]


def position() -> Position:
    return Position(id=PositionId(1), title="客服", duties=("接听来电", "质检报告"),
                    requirements=Requirements(min_years=1, skills=("沟通",)),
                    kpis=(Kpi("准确率", "≥98%"),))


def test_merge_keeps_the_position_first_and_adds_the_rest() -> None:
    fields = applied_fields(position(), template(), merge=True)
    assert fields["duties"] == ("接听来电", "质检报告", "抽检录音")
    requirements = fields["requirements"]
    assert isinstance(requirements, Requirements)
    assert (requirements.education, requirements.min_years, requirements.skills) == (
        "大专", 1, ("沟通", "细心"))
    assert fields["kpis"] == (Kpi("准确率", "≥98%"), Kpi("抽检量", "≥100"))


def test_replace_takes_only_the_chosen_parts() -> None:
    fields = applied_fields(position(), template(), merge=False, parts={"duties", "kpis"})
    assert fields == {"duties": ("抽检录音", "质检报告"),
                      "kpis": (Kpi("抽检量", "≥100"), Kpi("准确率"))}
