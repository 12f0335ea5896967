"""Checking an organisation against its span-of-control rules.

Figures are planned seats (职位定员), because orgdesk designs organisations:
"话务员 ×10" under a team leader is ten agents whether or not they are hired.
Each violation names the rule, the figures and the position to go to.

How each rule reads the structure:

* team leader: a position recognised as a team leader that has agent
  positions among its direct reports; the agent seats among its direct
  reports must lie in the range, times its own seats: "组长 ×3" over
  "座席员 ×40" is three leaders of 13-14 agents each (36-42 for 12-14).  A supervisor who leads team leaders
  (主管 → 组长 → 座席) has no agents directly and is judged as a manager.
* QA inspector and trainer: per centre (each root's branch) with agents, the
  number of QA (trainer) seats must lie between ⌈agents / max⌉ and
  ⌈agents / min⌉: 40 agents at one per 25-30 need 2 inspectors.
* manager: a position recognised as a manager, and not judged as a team
  leader, has at most N direct-report seats per seat of its own.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from orgdesk.analysis.span_rules import RatioRule, SpanRules
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation


class RuleKind(str, Enum):
    """Which rule a violation breaks."""

    TEAM_LEADER = "team_leader"
    QA = "qa"
    TRAINER = "trainer"
    MANAGER = "manager"


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule: where, what the rule says, and the figures."""

    rule: RuleKind
    position_id: PositionId  # the position to go to when the user clicks
    title: str
    actual: int
    low: int | None  # the allowed range (None: open on that side)
    high: int | None
    message: str  # one English sentence with the figures
    agents: int | None = None  # the agent seats a ratio rule was applied to
    rule_range: tuple[int, int] | None = None  # a ratio rule's one-per-min-max agents

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule.value, "position_id": int(self.position_id),
                "title": self.title, "actual": self.actual, "low": self.low,
                "high": self.high, "message": self.message}


def _seats(positions: list[Position]) -> int:
    return sum(p.planned_headcount for p in positions)


def team_leader_ids(org: Organisation, rules: SpanRules) -> set[PositionId]:
    """Positions the team-leader rule judges: leaders with agents among their direct reports."""
    roles = rules.roles
    return {p.id for p in org.positions() if roles.team_leader.matches(p.title)
            and any(roles.agent.matches(r.title) for r in org.direct_reports(p.id))}


def check_span(org: Organisation, rules: SpanRules) -> list[Violation]:
    """Every violation of `rules` in `org`, in tree order, rule by rule per position."""
    found: list[Violation] = []
    leaders = team_leader_ids(org, rules)
    roles = rules.roles
    if rules.team_leader.enabled:
        low, high = rules.team_leader.min_agents, rules.team_leader.max_agents
        for position in org.positions():
            if position.id not in leaders:
                continue
            agents = _seats([r for r in org.direct_reports(position.id)
                             if roles.agent.matches(r.title)])
            holders = max(position.planned_headcount, 1)  # a 0-seat leader is judged as one
            if not low * holders <= agents <= high * holders:
                found.append(Violation(
                    RuleKind.TEAM_LEADER, position.id, position.title, agents, low * holders,
                    high * holders,
                    f"Team leader “{position.title}” leads {agents} agent seat(s); "
                    f"the rule is {low * holders}-{high * holders}."))
    for kind, rule, name in ((RuleKind.QA, rules.qa, "QA inspector"),
                             (RuleKind.TRAINER, rules.trainer, "trainer")):
        if rule.enabled:
            found.extend(_ratio_violations(org, rules, kind, rule, name))
    if rules.manager.enabled:
        limit = rules.manager.max_reports
        for position in org.positions():
            if position.id in leaders or not roles.manager.matches(position.title):
                continue
            reports = _seats(org.direct_reports(position.id))
            most = limit * max(position.planned_headcount, 1)
            if reports > most:
                found.append(Violation(
                    RuleKind.MANAGER, position.id, position.title, reports, None, most,
                    f"Manager “{position.title}” has {reports} direct-report seats; "
                    f"the rule is at most {most}."))
    return found


def needed_range(agents: int, rule: RatioRule) -> tuple[int, int]:
    """How many holders `agents` agent seats call for: one per min-max agents, at least one."""
    return (max(1, math.ceil(agents / rule.max_agents)),
            max(1, math.ceil(agents / rule.min_agents)))


def _ratio_violations(org: Organisation, rules: SpanRules, kind: RuleKind, rule: RatioRule,
                      name: str) -> list[Violation]:
    matcher = rules.roles.qa if kind is RuleKind.QA else rules.roles.trainer
    found = []
    for root in org.roots():
        branch = org.branch(root.id)
        agents = _seats([p for p in branch if rules.roles.agent.matches(p.title)])
        if agents == 0:
            continue  # a centre without agents (a head office) needs no inspector
        holders = [p for p in branch if matcher.matches(p.title)]
        have = _seats(holders)
        low, high = needed_range(agents, rule)
        if low <= have <= high:
            continue
        where = holders[0] if holders else root
        need = str(low) if low == high else f"{low}-{high}"
        found.append(Violation(
            kind, where.id, where.title, have, low, high,
            f"“{root.title}” has {have} {name} seat(s) for {agents} agent seats; one per "
            f"{rule.min_agents}-{rule.max_agents} agents means {need}.",
            agents, (rule.min_agents, rule.max_agents)))
    return found
