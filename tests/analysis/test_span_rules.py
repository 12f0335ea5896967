"""Span-of-control rules: the value type, its JSON form, and checks on purpose-built cases."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgdesk.analysis.span_check import RuleKind, check_span, needed_range, team_leader_ids
from orgdesk.analysis.span_rules import (
    ManagerSpanRule,
    RatioRule,
    RoleMatcher,
    Roles,
    SpanRules,
    SpanRulesError,
    TeamSizeRule,
)
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation
from orgdesk.storage.reading import read_organisation
from tests.core.helpers import pos

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"


def team(agents: int, leader: str = "组长", agent: str = "座席员") -> Organisation:
    """呼叫中心经理 → leader → agent ×agents (QA and trainer rules are switched off by QUIET)."""
    return Organisation(positions=[
        pos(1, "呼叫中心经理"), pos(2, leader, 1), pos(3, agent, 2, planned_headcount=agents)])


def kinds(org: Organisation, rules: SpanRules | None = None) -> list[RuleKind]:
    return [v.rule for v in check_span(org, rules or SpanRules())]


QUIET = SpanRules(qa=RatioRule(False), trainer=RatioRule(False, 15, 25))


# ------------------------------------------------------------------ defaults
def test_defaults_are_call_center_practice() -> None:
    rules = SpanRules()
    assert (rules.team_leader.min_agents, rules.team_leader.max_agents) == (8, 15)
    assert (rules.qa.min_agents, rules.qa.max_agents) == (25, 30)
    assert (rules.trainer.min_agents, rules.trainer.max_agents) == (15, 25)
    assert rules.manager.max_reports == 10


@pytest.mark.parametrize(("title", "role"), [
    ("座席员", "agent"), ("呼叫中心坐席", "agent"), ("话务员", "agent"), ("客服专员", "agent"),
    ("客服代表", "agent"), ("客户服务专员", "agent"), ("Agent", "agent"),
    ("组长", "team_leader"), ("班长", "team_leader"), ("项目督导", "team_leader"),
    ("客服主管", "team_leader"), ("Team Leader", "team_leader"),
    ("质检员", "qa"), ("质检专员", "qa"), ("QA Inspector", "qa"),
    ("培训师", "trainer"), ("培训讲师", "trainer"), ("Trainer", "trainer"),
    ("运营经理", "manager"), ("运营总监", "manager"), ("Call Center Manager", "manager"),
])
def test_default_roles_recognise_seed_titles(title: str, role: str) -> None:
    roles = Roles()
    assert getattr(roles, role).matches(title)


@pytest.mark.parametrize(("title", "role"), [
    ("坐席主管", "agent"),  # a seat *supervisor* is not an agent
    ("座席组长", "agent"),
    ("质检组长", "qa"),  # leads inspectors; not one of the inspectors counted
    ("培训主管", "trainer"),
    ("质检组长", "team_leader"),  # leads inspectors, not agents
    ("运营助理", "manager"),
])
def test_default_roles_exclude_look_alikes(title: str, role: str) -> None:
    assert not getattr(Roles(), role).matches(title)


def test_matching_ignores_case_and_spaces() -> None:
    matcher = RoleMatcher(("team leader",), ("QA",))
    assert matcher.matches("Senior TEAM  Leader")
    assert not matcher.matches("QA team leader")
    assert not RoleMatcher(("",)).matches("anything")  # an empty keyword matches nothing


# ---------------------------------------------------------------- team leader
@pytest.mark.parametrize(("agents", "broken"), [(7, True), (8, False), (12, False),
                                                 (15, False), (16, True), (1, True)])
def test_team_leader_range_boundaries(agents: int, broken: bool) -> None:
    found = check_span(team(agents), QUIET)
    assert [v.rule for v in found] == ([RuleKind.TEAM_LEADER] if broken else [])
    if broken:
        violation = found[0]
        assert (violation.actual, violation.low, violation.high, violation.title) == (
            agents, 8, 15, "组长")
        assert f"{agents} agent seat" in violation.message and "8-15" in violation.message


def test_team_leader_counts_agent_seats_of_several_positions() -> None:
    # 座席员 ×5 + 话务员 ×2 = 7 agent seats; the 质检员 ×3 beside them are not agents
    # (counting them would make 10 and hide the violation).
    org = Organisation(positions=[pos(1, "组长"), pos(2, "座席员", 1, planned_headcount=5),
                                  pos(3, "话务员", 1, 1, planned_headcount=2),
                                  pos(4, "质检员", 1, 2, planned_headcount=3)])
    (violation,) = check_span(org, QUIET)
    assert (violation.rule, violation.actual) == (RuleKind.TEAM_LEADER, 7)


def test_leader_of_leaders_is_judged_as_a_manager() -> None:
    # 主管 → 3 × 组长 → 座席员 ×10: the 主管 has no agents directly, so only the
    # manager rule (3 direct-report seats) applies to it.
    positions = [pos(1, "呼叫中心主管")]
    for index in range(3):
        positions += [pos(10 + index, "组长", 1, index),
                      pos(20 + index, "座席员", 10 + index, planned_headcount=10)]
    org = Organisation(positions=positions)
    assert team_leader_ids(org, SpanRules()) == {10, 11, 12}
    assert kinds(org, QUIET) == []


def test_team_leader_with_no_agents_is_not_judged() -> None:
    org = Organisation(positions=[pos(1, "客服主管"), pos(2, "组长", 1)])
    assert kinds(org) == []


def test_team_leader_judged_only_by_its_own_rule_even_above_ten() -> None:
    # 14 agents under a 组长 break no manager rule: 组长 is judged as a team leader.
    assert kinds(team(14, leader="项目督导主管"), QUIET) == []


# ----------------------------------------------------------------- ratios
@pytest.mark.parametrize(("agents", "expected"), [
    (14, (1, 1)), (25, (1, 1)), (30, (1, 2)), (40, (2, 2)), (60, (2, 3)), (100, (4, 4))])
def test_qa_needed_range(agents: int, expected: tuple[int, int]) -> None:
    assert needed_range(agents, RatioRule(True, 25, 30)) == expected


@pytest.mark.parametrize(("inspectors", "broken"), [(0, True), (1, True), (2, False), (3, True)])
def test_qa_ratio_on_forty_agents(inspectors: int, broken: bool) -> None:
    positions = [pos(1, "运营经理"), pos(2, "组长", 1), pos(3, "座席员", 2, planned_headcount=10),
                 pos(4, "组长", 1, 1), pos(5, "座席员", 4, planned_headcount=10),
                 pos(6, "组长", 1, 2), pos(7, "座席员", 6, planned_headcount=10),
                 pos(8, "组长", 1, 3), pos(9, "座席员", 8, planned_headcount=10)]
    if inspectors:
        positions.append(pos(10, "质检员", 1, 4, planned_headcount=inspectors))
    rules = SpanRules(trainer=RatioRule(False, 15, 25))
    found = check_span(Organisation(positions=positions), rules)
    assert [v.rule for v in found] == ([RuleKind.QA] if broken else [])
    if broken:
        assert (found[0].actual, found[0].low, found[0].high) == (inspectors, 2, 2)
        # the click goes to the inspectors, or to the centre's root when there are none
        assert found[0].position_id == (10 if inspectors else 1)


def test_ratios_are_per_centre_and_skip_centres_without_agents() -> None:
    org = Organisation(positions=[
        pos(1, "北京中心经理"), pos(2, "组长", 1), pos(3, "座席员", 2, planned_headcount=12),
        pos(4, "质检员", 1, 1), pos(5, "培训师", 1, 2),
        pos(6, "上海中心经理", None, 1), pos(7, "组长", 6), pos(8, "座席员", 7, planned_headcount=12),
        pos(9, "总部顾问", None, 2),  # a root with no agents needs no inspector
    ])
    found = check_span(org, SpanRules())
    assert [(v.rule, v.position_id) for v in found] == [(RuleKind.QA, 6), (RuleKind.TRAINER, 6)]


# ----------------------------------------------------------------- managers
@pytest.mark.parametrize(("seats", "broken"), [(10, False), (11, True)])
def test_manager_direct_report_seats(seats: int, broken: bool) -> None:
    positions = [pos(1, "运营总监")] + [pos(10 + i, f"专员{i}", 1, i) for i in range(seats)]
    found = check_span(Organisation(positions=positions), SpanRules())
    assert [(v.rule, v.actual, v.high) for v in found] == (
        [(RuleKind.MANAGER, 11, 10)] if broken else [])


def test_manager_counts_seats_not_boxes() -> None:
    org = Organisation(positions=[pos(1, "客服经理"), pos(2, "客服", 1, planned_headcount=30)])
    assert [(v.rule, v.actual) for v in check_span(org, SpanRules())] == [(RuleKind.MANAGER, 30)]


def test_disabled_rules_report_nothing() -> None:
    org = Organisation(positions=[pos(1, "客服经理"), pos(2, "组长", 1),
                                  pos(3, "座席员", 2, planned_headcount=40)])
    assert kinds(org) == [RuleKind.TEAM_LEADER, RuleKind.QA, RuleKind.TRAINER]
    off = SpanRules(team_leader=TeamSizeRule(False), qa=RatioRule(False),
                    trainer=RatioRule(False, 15, 25), manager=ManagerSpanRule(False))
    assert kinds(org, off) == []


def test_edited_keywords_change_what_is_recognised() -> None:
    org = team(10, leader="Shift Lead", agent="Operator")
    assert kinds(org, QUIET) == []  # neither title is known: nothing to judge
    roles = Roles(agent=RoleMatcher(("operator",)),
                  team_leader=RoleMatcher(("lead",)))
    rules = QUIET.evolve(roles=roles, team_leader=TeamSizeRule(True, 12, 14))
    (violation,) = check_span(org, rules)
    assert (violation.rule, violation.actual, violation.low) == (RuleKind.TEAM_LEADER, 10, 12)


# ------------------------------------------------------------------ samples
def test_samples_by_hand() -> None:
    # software_ops_department.toml: 项目督导 leads 客户服务专员 ×14 (8-15 ✓); 14 agents
    # need 1 质检专员 and 1 培训专员, which it has; 运营经理 has 3 direct seats.
    ops = read_organisation(SAMPLES / "software_ops_department.orgdesk")
    assert check_span(ops, SpanRules()) == []
    # training_call_center_50.toml: 4 × 项目组长 with 话务员 ×10 (✓); 40 agents need
    # 2 inspectors (25-30 each) and 2-3 trainers (15-25 each), it has 1 of each.
    training = read_organisation(SAMPLES / "training_call_center_50.orgdesk")
    found = check_span(training, SpanRules())
    assert [(v.rule, v.title, v.actual, v.low, v.high) for v in found] == [
        (RuleKind.QA, "质检专员", 1, 2, 2), (RuleKind.TRAINER, "培训师", 1, 2, 3)]


# --------------------------------------------------------------- JSON form
def test_json_round_trip_keeps_every_edit() -> None:
    rules = SpanRules(
        roles=Roles(agent=RoleMatcher(("座席", "坐席"), ("主管",))),
        team_leader=TeamSizeRule(True, 12, 14), qa=RatioRule(False, 20, 25),
        trainer=RatioRule(True, 10, 18), manager=ManagerSpanRule(True, 7))
    text = rules.to_json()
    assert SpanRules.from_json(text) == rules
    assert json.loads(text)["team_leader"] == {"enabled": True, "min_agents": 12, "max_agents": 14}
    assert SpanRules.from_dict(rules.to_dict()) == rules


def test_missing_parts_take_the_defaults() -> None:
    rules = SpanRules.from_dict({"team_leader": {"min_agents": 12}})
    assert rules == SpanRules(team_leader=TeamSizeRule(True, 12, 15))
    assert SpanRules.from_dict({}) == SpanRules()


@pytest.mark.parametrize("text", [
    "not json", "[1, 2]", '{"format": 99}', '{"format": "1"}',
    '{"team_leader": []}', '{"team_leader": {"min_agents": "8"}}',
    '{"team_leader": {"min_agents": true}}', '{"team_leader": {"min_agents": -1}}',
    '{"team_leader": {"min_agents": 16}}', '{"qa": {"enabled": "yes"}}',
    '{"manager": {"max_reports": 0}}', '{"roles": {"agent": {"keywords": "座席"}}}',
    '{"roles": {"agent": {"keywords": [1]}}}', '{"roles": {"agent": []}}',
    '{"roles": {"agent": {"keywords": ["' + "x" * 101 + '"]}}}',
    "[" * 100000,
])
def test_bad_stored_rules_are_one_sentence(text: str) -> None:
    with pytest.raises(SpanRulesError) as info:
        SpanRules.from_json(text)
    assert isinstance(info.value, UserError)
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message


def test_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(SpanRulesError, match="15-8"):
        SpanRules(team_leader=TeamSizeRule(True, 15, 8))
