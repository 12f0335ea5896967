"""The derived structure as plain values: roles, actions, the edits, the plan's lines.

`orgdesk.design.structure` makes a `StructurePlan`; `orgdesk.design.apply` carries it
out.  The ranges here are the arithmetic of the span rules (see structure.py).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from orgdesk.analysis.span_rules import RatioRule, RoleMatcher, SpanRules, TeamSizeRule
from orgdesk.core.errors import InvalidValueError
from orgdesk.core.model import PositionId

#: The seeds' rule (每个班长负责12~14名员工), used when a document stores no rules of its own.
SEED_TEAM_RULE = TeamSizeRule(True, 12, 14)

#: Workforce planners: one per 50-100 agents, none below 50 agents.
PLANNER_RULE = RatioRule(True, 50, 100)
#: How a workforce planner is recognised by title (not leaders: a 排班主管 leads planners).
PLANNER_ROLE = RoleMatcher(
    ("排班", "人力规划", "人力计划", "话务预测", "workforce", "wfm", "scheduler", "planner"),
    ("组长", "班长", "督导", "主管", "经理", "总监", "主任", "部长",
     "leader", "supervisor", "manager", "director", "head"))




class Role(str, Enum):
    """A support role the structure derives."""

    TEAM_LEADER = "team_leader"
    SUPERVISOR = "supervisor"
    QA = "qa"
    TRAINER = "trainer"
    WORKFORCE_PLANNER = "workforce_planner"
    MANAGER = "manager"


class Action(str, Enum):
    """What applying a line does."""

    CREATE = "create"
    ADJUST = "adjust"
    REMOVE = "remove"
    KEEP = "keep"


#: Each role's name: English singular, English plural, Chinese.
ROLE_NAMES: dict[Role, tuple[str, str, str]] = {
    Role.TEAM_LEADER: ("team leader", "team leaders", "组长"),
    Role.SUPERVISOR: ("supervisor", "supervisors", "主管"),
    Role.QA: ("QA inspector", "QA inspectors", "质检员"),
    Role.TRAINER: ("trainer", "trainers", "培训师"),
    Role.WORKFORCE_PLANNER: ("workforce planner", "workforce planners", "排班计划员"),
    Role.MANAGER: ("manager seat", "manager seats", "经理"),
}


class StructureError(InvalidValueError):
    """Inputs a structure cannot be derived from; the message is one sentence."""


# ------------------------------------------------------------------ the plan
@dataclass(frozen=True, slots=True)
class SetSeats:
    """Change a position's planned seats."""

    position_id: PositionId
    before: int
    after: int


@dataclass(frozen=True, slots=True)
class RemovePosition:
    """Remove an empty position (no people in post, no holders, no reports)."""

    position_id: PositionId
    seats: int


@dataclass(frozen=True, slots=True)
class CreatePosition:
    """Add a support position, optionally moving existing positions under it."""

    role: Role
    title: str
    superior_id: PositionId | None
    seats: int
    #: Copy the job description of this position (the client's own naming) …
    like: PositionId | None = None
    #: … or else take it from this position-library template.
    template: str | None = None
    #: Positions that move under the new one (agents under a new leader, leaders
    #: under a new supervisor), in their order.
    adopt: tuple[PositionId, ...] = ()
    #: Where among its superior's reports: before the first adopted position, else last.
    index: int | None = None
    #: A negative stand-in id that later edits of the plan name as their superior (a QA
    #: inspector under a team leader created at the top of a centre); apply maps it.
    key: PositionId | None = None


Edit = SetSeats | RemovePosition | CreatePosition


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One role in one place: what there is, what the rules call for, what to do, why."""

    role: Role
    scope_id: PositionId | None  # the team leader, supervisor, manager or centre top
    scope_title: str
    basis: int  # agent seats (report seats for supervisors and managers)
    current: int  # seats of the role there now
    minimum: int  # the range the rules allow
    maximum: int
    required: int  # the count the plan aims at (current, moved into the range)
    after: int  # the seats after applying (differs from required only when fixed or filled)
    action: Action
    position_ids: tuple[PositionId, ...]
    edits: tuple[Edit, ...]
    explanation_en: str
    explanation_zh: str
    fixed: bool = False

    def explanation(self, language: str = "en") -> str:
        return self.explanation_zh if language.startswith("zh") else self.explanation_en

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role.value, "scope_id": self.scope_id,
                "scope_title": self.scope_title, "basis": self.basis,
                "current": self.current, "minimum": self.minimum, "maximum": self.maximum,
                "required": self.required, "after": self.after, "action": self.action.value,
                "position_ids": [int(p) for p in self.position_ids], "fixed": self.fixed,
                "edits": [_edit_dict(e) for e in self.edits],
                "explanation": {"en": self.explanation_en, "zh": self.explanation_zh}}


def _edit_dict(edit: Edit) -> dict[str, Any]:
    if isinstance(edit, SetSeats):
        return {"edit": "set_seats", "position_id": edit.position_id, "before": edit.before,
                "after": edit.after}
    if isinstance(edit, RemovePosition):
        return {"edit": "remove", "position_id": edit.position_id, "seats": edit.seats}
    return {"edit": "create", "role": edit.role.value, "title": edit.title,
            "superior_id": edit.superior_id, "seats": edit.seats, "like": edit.like,
            "template": edit.template, "adopt": [int(p) for p in edit.adopt],
            "key": edit.key}


@dataclass(frozen=True, slots=True)
class StructurePlan:
    """Every line of a derived structure, in tree order per role."""

    lines: tuple[PlanLine, ...]
    agents: int  # agent seats in all
    rules: SpanRules
    fixed: frozenset[PositionId]
    #: Agent seats given instead of the document's (the sizing's), by agent position:
    #: applying sets them first.
    agent_seats: Mapping[PositionId, int] = field(default_factory=dict)
    #: Sentences about what could not be derived (a centre without agent positions).
    notes_en: tuple[str, ...] = ()
    notes_zh: tuple[str, ...] = ()

    @property
    def edits(self) -> list[Edit]:
        return [edit for line in self.lines for edit in line.edits]

    @property
    def changes_anything(self) -> bool:
        return bool(self.edits)

    def totals(self) -> dict[Role, tuple[int, int]]:
        """Seats before and after, by role."""
        found: dict[Role, tuple[int, int]] = {}
        for line in self.lines:
            before, after = found.get(line.role, (0, 0))
            found[line.role] = (before + line.current, after + line.after)
        return found

    def to_dict(self) -> dict[str, Any]:
        return {"agents": self.agents,
                "rules": {"team_leader": [self.rules.team_leader.min_agents,
                                          self.rules.team_leader.max_agents],
                          "qa": [self.rules.qa.min_agents, self.rules.qa.max_agents],
                          "trainer": [self.rules.trainer.min_agents,
                                      self.rules.trainer.max_agents],
                          "workforce_planner": [PLANNER_RULE.min_agents,
                                                PLANNER_RULE.max_agents],
                          "manager": self.rules.manager.max_reports},
                "fixed": sorted(int(p) for p in self.fixed),
                "totals": {role.value: {"before": b, "after": a}
                           for role, (b, a) in self.totals().items()},
                "lines": [line.to_dict() for line in self.lines],
                "notes": {"en": list(self.notes_en), "zh": list(self.notes_zh)}}


# ------------------------------------------------------------------ ranges
def team_range(agents: int, rule: TeamSizeRule) -> tuple[int, int]:
    """Team leaders for `agents` agent seats: at least ⌈agents/max⌉, at most ⌊agents/min⌋
    (but never below the first)."""
    if agents <= 0:
        return 0, 0
    low = math.ceil(agents / rule.max_agents)
    return low, max(low, agents // rule.min_agents)


def ratio_range(agents: int, rule: RatioRule, threshold: int = 0) -> tuple[int, int] | None:
    """Holders for `agents` agent seats at one per min-max agents (the span check's range);
    None below `threshold` agents, where the role is not called for but may stay."""
    if agents <= 0:
        return 0, 0
    if agents < threshold:
        return None
    return math.ceil(agents / rule.max_agents), math.ceil(agents / rule.min_agents)


def span_range(reports: int, span: int) -> int:
    """Seats of a leading position so that each has at most `span` report seats."""
    return math.ceil(reports / span) if reports > 0 else 0
