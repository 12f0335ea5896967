"""The derived structure on purpose-built cases at the boundaries of every ratio.

Expected figures are worked out by hand from the rules (DOMAIN.md: team
leader 12-14 in the seeds, QA 1 : 25-30, trainer 1 : 15-25; planners
1 : 50-100 from 50 agents; spans of at most 10).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.analysis.span_rules import SPAN_RULES_SETTING, RatioRule, SpanRules, TeamSizeRule
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import DESIGN_FIXED_SETTING, InvalidSetting, parse_setting
from orgdesk.design.structure import (
    Action,
    CreatePosition,
    PlanLine,
    RemovePosition,
    Role,
    SetSeats,
    StructureError,
    StructurePlan,
    derive_structure,
    ratio_range,
    structure_rules,
    team_range,
)
from tests.core.helpers import pos


def centre(agents: int, *, leaders: int = 1, qa: int = 1, trainers: int = 1,
           fixed: list[int] | None = None, **extra: object) -> Organisation:
    """1 呼叫中心经理 → 2 组长 ×leaders → 3 座席员 ×agents; 4 质检员 ×qa, 5 培训师 ×trainers."""
    positions = [pos(1, "呼叫中心经理"), pos(2, "组长", 1, 0, planned_headcount=leaders),
                 pos(3, "座席员", 2, planned_headcount=agents)]
    if qa:
        positions.append(pos(4, "质检员", 1, 1, planned_headcount=qa))
    if trainers:
        positions.append(pos(5, "培训师", 1, 2, planned_headcount=trainers))
    settings_ = {DESIGN_FIXED_SETTING: fixed} if fixed else {}
    return Organisation(positions=positions, settings=settings_)  # type: ignore[arg-type]


#: The seeds' team size; QA and trainer rules off, to look at leaders and spans alone.
QUIET = SpanRules(team_leader=TeamSizeRule(True, 12, 14), qa=RatioRule(False),
                  trainer=RatioRule(False))


def line(plan: StructurePlan, role: Role) -> PlanLine:
    found = [item for item in plan.lines if item.role is role]
    assert len(found) == 1, [item.explanation_en for item in found]
    return found[0]


# --------------------------------------------------------------- team leaders
@pytest.mark.parametrize(("agents", "low", "high"), [
    (0, 0, 0), (1, 1, 1), (11, 1, 1), (12, 1, 1), (13, 1, 1), (14, 1, 1),
    (15, 2, 2),   # 15 cannot be split 12-14: the span is a ceiling, so two teams
    (24, 2, 2), (26, 2, 2), (28, 2, 2),
    (29, 3, 3),   # 14 + 15 breaks the ceiling; three teams of 9-10
    (36, 3, 3), (42, 3, 3), (43, 4, 4), (48, 4, 4), (60, 5, 5)])
def test_team_leaders_at_the_boundaries_of_12_to_14(agents: int, low: int, high: int) -> None:
    plan = derive_structure(centre(agents))
    leader = line(plan, Role.TEAM_LEADER)
    assert (leader.minimum, leader.maximum) == (low, high)
    assert leader.required == low
    assert leader.basis == agents
    if low == 1:
        assert leader.action is Action.KEEP and not leader.edits
    else:
        assert leader.action is Action.ADJUST
        assert leader.edits == (SetSeats(2, 1, low),)  # type: ignore[arg-type]


def test_a_range_wider_than_one_keeps_the_consultants_count() -> None:
    # 8-15: 30 agents may have 2 or 3 leaders; 3 are kept, 5 come down to 3.
    rules = SpanRules(team_leader=TeamSizeRule(True, 8, 15))
    assert team_range(30, rules.team_leader) == (2, 3)
    kept = line(derive_structure(centre(30, leaders=3), rules), Role.TEAM_LEADER)
    assert kept.action is Action.KEEP and kept.after == 3
    reduced = line(derive_structure(centre(30, leaders=5), rules), Role.TEAM_LEADER)
    assert reduced.edits == (SetSeats(2, 5, 3),)  # type: ignore[arg-type]


def test_the_document_rules_are_used_and_the_seeds_12_to_14_otherwise() -> None:
    assert structure_rules({}).team_leader == TeamSizeRule(True, 12, 14)
    org = centre(15)
    assert line(derive_structure(org), Role.TEAM_LEADER).required == 2
    org.set_setting(SPAN_RULES_SETTING, SpanRules().to_dict())  # the checker's 8-15
    assert line(derive_structure(org), Role.TEAM_LEADER).required == 1


def test_agents_under_no_leader_get_one_created_above_them() -> None:
    org = Organisation(positions=[pos(1, "客服经理"), pos(2, "质检员", 1, 0),
                                  pos(3, "座席员", 1, 1, planned_headcount=30)])
    plan = derive_structure(org)
    leader = line(plan, Role.TEAM_LEADER)
    assert leader.action is Action.CREATE and leader.required == 3
    (create,) = leader.edits
    assert isinstance(create, CreatePosition)
    assert (create.superior_id, create.seats, create.adopt, create.index) == (1, 3, (3,), 1)
    assert create.like is None and create.template  # from the position library


# ----------------------------------------------------------- QA and trainers
@pytest.mark.parametrize(("agents", "qa", "trainers"), [
    (12, (1, 1), (1, 1)), (13, (1, 1), (1, 1)), (14, (1, 1), (1, 1)), (15, (1, 1), (1, 1)),
    (16, (1, 1), (1, 2)), (25, (1, 1), (1, 2)), (26, (1, 2), (2, 2)),
    (28, (1, 2), (2, 2)), (29, (1, 2), (2, 2)), (30, (1, 2), (2, 2)), (31, (2, 2), (2, 3)),
    (50, (2, 2), (2, 4)), (60, (2, 3), (3, 4))])
def test_qa_and_trainer_ranges_at_their_boundaries(agents: int, qa: tuple[int, int],
                                                   trainers: tuple[int, int]) -> None:
    plan = derive_structure(centre(agents))
    for role, expected in ((Role.QA, qa), (Role.TRAINER, trainers)):
        found = line(plan, role)
        assert (found.minimum, found.maximum) == expected, role
        assert found.required == max(1, expected[0])  # one of each now: moved into the range


def test_zero_agent_seats_need_no_support_and_empty_positions_go() -> None:
    org = centre(0, qa=2)
    org.update_position(org.position(4).evolve(filled_headcount=1))  # 质检员: one in post
    plan = derive_structure(org)
    assert plan.agents == 0
    leader, qa, trainer = (line(plan, r) for r in (Role.TEAM_LEADER, Role.QA, Role.TRAINER))
    assert (leader.required, qa.required, trainer.required) == (0, 0, 0)
    assert leader.edits == (SetSeats(2, 1, 0),)  # type: ignore[arg-type]  # has reports: stays
    assert qa.edits == (SetSeats(4, 2, 1),)  # type: ignore[arg-type]  # one in post: not below
    assert qa.after == 1 and "people in post" in qa.explanation_en
    assert trainer.edits == (RemovePosition(5, 1),)  # type: ignore[arg-type]  # empty: removed
    assert trainer.action is Action.REMOVE


def test_a_centre_without_agent_positions_is_left_alone() -> None:
    org = Organisation(positions=[pos(1, "客服经理"), pos(2, "质检员", 1), pos(3, "培训员", 1, 1)])
    plan = derive_structure(org)
    assert not plan.edits
    assert not [item for item in plan.lines if item.role in (Role.QA, Role.TRAINER)]
    assert plan.notes_en and "客服经理" in plan.notes_en[0] and plan.notes_zh


def test_workforce_planners_only_from_50_agents() -> None:
    assert ratio_range(49, RatioRule(True, 50, 100), 50) is None
    below = line(derive_structure(centre(49, leaders=4)), Role.WORKFORCE_PLANNER)
    assert below.action is Action.KEEP and not below.edits
    at = line(derive_structure(centre(50, leaders=4)), Role.WORKFORCE_PLANNER)
    assert (at.minimum, at.maximum, at.action) == (1, 1, Action.CREATE)
    assert line(derive_structure(centre(101, leaders=8)), Role.WORKFORCE_PLANNER).minimum == 2


def test_explanations_say_the_figures_in_both_languages() -> None:
    leader = line(derive_structure(centre(29)), Role.TEAM_LEADER)
    assert leader.explanation_en.startswith("29 agent seats ÷ 12–14 per team leader → 3 team "
                                            "leaders")
    assert leader.explanation("zh").startswith("29 个座席 ÷ 每名组长 12–14 人 → 3 名组长")
    assert "set to 3" in leader.explanation_en and "调整为 3 名" in leader.explanation_zh


# ------------------------------------------------------------ fixed positions
def test_fixed_positions_are_never_changed() -> None:
    plan = derive_structure(centre(29, qa=3, trainers=1, fixed=[2, 4, 5]))
    touched = {e.position_id for e in plan.edits if isinstance(e, SetSeats | RemovePosition)}
    assert not touched & {2, 4, 5}
    leader = line(plan, Role.TEAM_LEADER)
    assert leader.fixed and leader.action is Action.KEEP and leader.after == 1
    assert "fixed" in leader.explanation_en
    # The fixed trainer (1 of 2 needed) stays; the missing one is a new position like it.
    trainer = line(plan, Role.TRAINER)
    (create,) = trainer.edits
    assert isinstance(create, CreatePosition) and create.like == 5 and create.seats == 1
    # Fixed QA ×3 above the range 1-2: kept.
    assert line(plan, Role.QA).after == 3 and not line(plan, Role.QA).edits


def test_fixed_agents_get_no_leader_placed_above_them() -> None:
    org = Organisation(positions=[pos(1, "客服经理"), pos(2, "座席员", 1, planned_headcount=30)],
                       settings={DESIGN_FIXED_SETTING: [2]})
    leader = line(derive_structure(org), Role.TEAM_LEADER)
    assert leader.action is Action.KEEP and not leader.edits and leader.fixed


@pytest.mark.parametrize("value", ["1", [0], [-3], [1, 1], [True], [1.5], {"1": 1}, [2**63]])
def test_a_bad_fixed_setting_is_refused_on_read(value: object) -> None:
    import json

    with pytest.raises(InvalidSetting):
        parse_setting(DESIGN_FIXED_SETTING, json.dumps(value))
    with pytest.raises(UserError):
        Organisation(settings={DESIGN_FIXED_SETTING: value})


def test_a_mark_on_a_deleted_position_is_ignored() -> None:
    org = centre(20, fixed=[2, 99])
    assert derive_structure(org).fixed == frozenset({2})


# ------------------------------------------------------------------ overrides
def test_agent_seats_given_by_the_sizing_override_the_document() -> None:
    org = centre(14)
    plan = derive_structure(org, None, {3: 100})
    assert plan.agents == 100 and dict(plan.agent_seats) == {3: 100}
    assert line(plan, Role.TEAM_LEADER).required == 8
    assert line(plan, Role.QA).required == 4
    assert org.position(3).planned_headcount == 14  # deriving changes nothing


def test_bad_overrides_are_refused_with_a_sentence() -> None:
    with pytest.raises(UserError, match="no position with id 42"):
        derive_structure(centre(14), None, {42: 10})
    with pytest.raises(StructureError, match="座席员"):
        derive_structure(centre(14), None, {3: -1})


# ---------------------------------------------------- supervisors and managers
def test_a_supervisor_over_too_many_leader_seats_grows() -> None:
    # 经理 → 主管 → 组长 ×1 → 座席员 ×150: 11 leaders → the 主管 needs 2 seats.
    org = Organisation(positions=[pos(1, "经理"), pos(2, "主管", 1), pos(3, "组长", 2),
                                  pos(4, "座席员", 3, planned_headcount=150)])
    plan = derive_structure(org, QUIET)
    assert line(plan, Role.TEAM_LEADER).required == 11
    supervisor = line(plan, Role.SUPERVISOR)
    assert (supervisor.basis, supervisor.required) == (11, 2)
    assert supervisor.edits == (SetSeats(2, 1, 2),)  # type: ignore[arg-type]


def test_the_top_position_gets_a_supervisor_level_instead_of_growing() -> None:
    positions = [pos(1, "呼叫中心经理")]
    for team in range(12):
        positions += [pos(10 + team, "组长", 1, team),
                      pos(100 + team, "座席员", 10 + team, planned_headcount=13)]
    plan = derive_structure(Organisation(positions=positions),
                            QUIET)
    supervisor = line(plan, Role.SUPERVISOR)
    assert supervisor.action is Action.CREATE
    (create,) = supervisor.edits
    assert isinstance(create, CreatePosition)
    assert create.superior_id == 1 and create.seats == 2
    assert create.adopt == tuple(range(10, 22))


# ----------------------------------------------------------------- properties
@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2000), st.integers(0, 2000), st.integers(0, 6), st.integers(0, 6))
def test_more_agents_never_need_fewer_leaders_qa_or_trainers(a: int, b: int, leaders: int,
                                                             holders: int) -> None:
    fewer, more = sorted((a, b))
    org = centre(0, leaders=leaders, qa=holders, trainers=holders)
    small, large = derive_structure(org, None, {3: fewer}), derive_structure(org, None, {3: more})
    for role in (Role.TEAM_LEADER, Role.QA, Role.TRAINER):
        if role is not Role.TEAM_LEADER and holders == 0:
            continue
        s, m = line(small, role), line(large, role)
        assert s.minimum <= m.minimum and s.maximum <= m.maximum, role
        assert s.required <= m.required, role


@given(st.integers(1, 5000), st.integers(1, 40), st.integers(0, 40))
def test_a_team_range_respects_the_ceiling_and_the_floor_when_it_can(agents: int, low: int,
                                                                    extra: int) -> None:
    rule = TeamSizeRule(True, low, low + extra)
    least, most = team_range(agents, rule)
    assert least * rule.max_agents >= agents > (least - 1) * rule.max_agents  # fewest ≤ max
    assert most >= least
    if most > least:
        assert most * rule.min_agents <= agents  # every team still reaches the minimum
