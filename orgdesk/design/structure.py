"""The support structure a call center needs, derived from its agent seats and span rules.

`derive_structure` reads the agent positions' planned seats (or the seats the
sizing computed, passed as `agents`) and the document's span-of-control rules,
and says for every support role what the organisation has, what the rules
call for (a range), what to do, and why in one plain sentence (Chinese and
English).  It changes nothing: `orgdesk.design.apply.apply_structure` turns
the plan into one undoable edit.

How each role is read (the same keyword matching as the span check):

* team leaders — per team: a leader position over agent positions needs
  ⌈agents / max⌉ seats and at most ⌊agents / min⌋ (never fewer than the
  first: a span is a ceiling, so 15 agents at 12-14 make two teams of 7-8).
  Agent positions under no leader get a new leader above them.
* supervisors — the position over team leaders keeps at most the manager
  span (`manager.max_reports`) of report seats per seat; the top position of
  a centre cannot grow, so a supervisor level is created under it instead.
* QA inspectors and trainers — per centre (each top position's branch):
  ⌈agents / max⌉ to ⌈agents / min⌉ seats, as the span check counts them.
* workforce planners — from `PLANNER_RULE.min_agents` agents up, one per
  50-100 agents (below that the supervisors plan the staffing, as the
  seeds' 主管 duties say: 制定人力安排计划).
* managers — at most `manager.max_reports` report seats per seat.

Seats are only ever moved towards the range, by the least change: a count
already inside it is kept.  A position the consultant marked as fixed
(`design_fixed`) is never changed; a position with people in post is never
reduced below them, and only an empty position is removed.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from orgdesk.analysis.span_rules import (
    SPAN_RULES_SETTING,
    RatioRule,
    SpanRules,
    document_span_rules,
)
from orgdesk.core.errors import Sentence
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import DESIGN_FIXED_SETTING
from orgdesk.design.deriving import Deriver
from orgdesk.design.plan import (
    PLANNER_ROLE,
    PLANNER_RULE,
    ROLE_NAMES,
    SEED_TEAM_RULE,
    Action,
    CreatePosition,
    Edit,
    PlanLine,
    RemovePosition,
    Role,
    SetSeats,
    StructureError,
    StructurePlan,
    ratio_range,
    span_range,
    team_range,
)

__all__ = ["PLANNER_ROLE", "PLANNER_RULE", "ROLE_NAMES", "SEED_TEAM_RULE", "Action",
           "CreatePosition", "Edit", "PlanLine", "RemovePosition", "Role", "SetSeats",
           "StructureError", "StructurePlan", "derive_structure", "fixed_positions",
           "ratio_range", "span_range", "structure_rules", "team_range", "with_fixed"]


def structure_rules(settings: Mapping[str, Any]) -> SpanRules:
    """The rules a structure is derived with: the document's own, else the defaults with
    the seeds' team size of 12-14 (the span check's default 8-15 is what it tolerates,
    not what a designer aims at)."""
    if settings.get(SPAN_RULES_SETTING) is not None:
        return document_span_rules(dict(settings))
    return SpanRules(team_leader=SEED_TEAM_RULE)


def fixed_positions(org: Organisation) -> frozenset[PositionId]:
    """The positions marked fixed that exist (a mark on a deleted position is kept, unused)."""
    value = org.settings.get(DESIGN_FIXED_SETTING) or []
    return frozenset(PositionId(pid) for pid in value if PositionId(pid) in org)


def with_fixed(org: Organisation, ids: Iterable[PositionId], fixed: bool) -> list[int]:
    """The `design_fixed` value with `ids` marked (or unmarked); unknown ids are refused."""
    ids = list(ids)
    for pid in ids:
        org.position(pid)  # UnknownPositionError, one sentence
    marked = [int(p) for p in org.settings.get(DESIGN_FIXED_SETTING) or []]
    if fixed:
        return marked + sorted({int(p) for p in ids} - set(marked))
    drop = {int(p) for p in ids}
    return [p for p in marked if p not in drop]


def _check_agents(org: Organisation, agents: Mapping[int, int] | None
                  ) -> dict[PositionId, int]:
    found: dict[PositionId, int] = {}
    for pid, seats in (agents or {}).items():
        position = org.position(PositionId(pid))  # UnknownPositionError names the id
        if not isinstance(seats, int) or isinstance(seats, bool) or seats < 0:
            raise StructureError(Sentence.of("The agent seats of “{title}” must be a whole "
                                             "number of at least 0.", title=position.title))
        found[position.id] = seats
    return found


def derive_structure(org: Organisation, rules: SpanRules | None = None,
                     agents: Mapping[int, int] | None = None, *,
                     planner: RatioRule | None = PLANNER_RULE) -> StructurePlan:
    """The support structure `org` needs for its agent seats (or `agents`, seats by agent
    position id, overriding the document's), under `rules` (default: `structure_rules`)."""
    if rules is None:
        rules = structure_rules(org.settings)
    override = _check_agents(org, agents)
    fixed = fixed_positions(org)
    deriver = Deriver(org, rules, override, fixed, planner)
    return deriver.run()
