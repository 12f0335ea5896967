"""The job description a new support position takes: the position library's entry for its role.

The library (orgdesk/library.py) is searched with the span rules' default role
keywords, so a renamed or added entry is found by its title, not by a key this
module would have to know.  Among the entries of a role the fullest one wins
(most duties, KPIs and stated requirements); entries that also name another
support role (质监培训: QA and training) are passed over.  The library has no
workforce planner, so one is described here from the seeds' supervisor duties
that are the planner's work (话务量的分析, 人力安排计划, 实时调整人力, 增员需求).
"""
from __future__ import annotations

from functools import cache

from orgdesk.analysis.span_rules import RoleMatcher, Roles
from orgdesk.core.model import Kpi, Requirements
from orgdesk.library import PositionTemplate, position_library

_ROLES = Roles()
_SUPERVISOR = RoleMatcher(("主管", "supervisor"), ("质检", "培训", "质培", "质监"))

#: role → (matcher, matchers it must not also match)
_MATCHING: dict[str, tuple[RoleMatcher, tuple[RoleMatcher, ...]]] = {
    "team_leader": (_ROLES.team_leader, (_ROLES.manager, _ROLES.agent)),
    "supervisor": (_SUPERVISOR, (_ROLES.agent,)),
    "qa": (_ROLES.qa, (_ROLES.trainer, _ROLES.manager)),
    "trainer": (_ROLES.trainer, (_ROLES.qa, _ROLES.manager)),
}

WORKFORCE_PLANNER = PositionTemplate(
    key="design_workforce_planner", title="排班计划员", department="", level="",
    source="orgdesk design (the seeds' 客服主管 duties 002, 004)", planned_headcount=1,
    headcount_note="",
    duties=("负责对话务量的分析和预测，按时段测算所需座席人数",
            "制定人力安排计划和排班表，报主管审核后执行",
            "在工作进程中实时监控话务和人员状态，及时调整人力以保证服务水平",
            "根据业务变化及时向上级提出增员或调配需求",
            "统计出勤、接通率和服务水平数据，定期形成分析报告"),
    requirements=Requirements(education="大专", min_years=1,
                              skills=("熟练使用Excel等办公软件", "具备数据分析能力",
                                      "熟悉呼叫中心运营指标")),
    kpis=(Kpi("服务水平达成率"), Kpi("接通率"), Kpi("排班准确率")),
    career_path="", notes="")


def _fullness(template: PositionTemplate) -> tuple[int, int]:
    requirements = template.requirements
    stated = sum(1 for value in (requirements.education, requirements.min_years,
                                 requirements.age_min, requirements.languages,
                                 requirements.skills, requirements.other) if value)
    return len(template.duties) + len(template.kpis) + stated, -len(template.title)


@cache
def template_for(role: str) -> PositionTemplate | None:
    """The library's fullest description of `role` (a design Role's value), or None."""
    if role == "workforce_planner":
        return WORKFORCE_PLANNER
    matching = _MATCHING.get(role)
    if matching is None:
        return None
    matcher, others = matching
    found = [t for t in position_library() if matcher.matches(t.title)
             and not any(other.matches(t.title) for other in others)]
    return max(found, key=_fullness, default=None)


def template_by_key(key: str) -> PositionTemplate | None:
    if key == WORKFORCE_PLANNER.key:
        return WORKFORCE_PLANNER
    return next((t for t in position_library() if t.key == key), None)
