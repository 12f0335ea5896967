"""Span-of-control rules as plain values: what a consultant checks a structure against.

Defaults come from call-center practice (docs: shared/DOMAIN.md): a team
leader leads 8-15 agents (the seeds say 12-14), one QA inspector per 25-30
agents, one trainer per 15-25 agents, a manager has at most 10 direct
reports.  Positions are recognised by keywords in their titles, in Chinese
and English; the keyword lists are part of the rules so a consultant can
adapt them to a client's job titles, and they travel with the document as
JSON (`to_json` / `from_json`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from orgdesk.core.errors import InvalidValueError, Sentence

#: Version of the JSON shape written by `to_dict`; `from_dict` refuses newer ones.
RULES_FORMAT = 1


class SpanRulesError(InvalidValueError):
    """Stored or edited span rules that cannot be used; the message is one sentence."""


@dataclass(frozen=True, slots=True)
class RoleMatcher:
    """Recognises a role by title: any keyword present and no exclusion present.

    Matching ignores case and spaces, so "Team Leader" matches "team leader"
    and "组 长" matches "组长".
    """

    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def matches(self, title: str) -> bool:
        # Cached per (matcher, title): a 10,000-position check asks about the
        # same few dozen titles tens of thousands of times.
        return _matches(self, title)


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


@lru_cache(maxsize=256)
def _folded(matcher: RoleMatcher) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The matcher's keywords and exclusions folded once (not once per title)."""
    return (tuple(k for k in map(_fold, matcher.keywords) if k),
            tuple(x for x in map(_fold, matcher.exclude) if x))


@lru_cache(maxsize=65536)
def _matches(matcher: RoleMatcher, title: str) -> bool:
    text = _fold(title)
    keywords, exclude = _folded(matcher)
    return any(k in text for k in keywords) and not any(x in text for x in exclude)


# Leadership words: an "坐席主管" (seat supervisor) is not an agent, a
# "质检组长" is not a QA inspector doing the checks; listed once, reused below.
_LEADER_WORDS = ("组长", "班长", "督导", "主管", "经理", "总监", "主任", "部长",
                 "leader", "supervisor", "manager", "director", "head")


@dataclass(frozen=True, slots=True)
class Roles:
    """How each role is recognised from a position's title."""

    agent: RoleMatcher = RoleMatcher(
        ("座席", "坐席", "话务员", "客服专员", "客服代表", "客户服务专员", "客户服务代表",
         "接线员", "agent", "csr", "tsr"),
        _LEADER_WORDS + ("质检", "培训"))
    team_leader: RoleMatcher = RoleMatcher(
        ("组长", "班长", "督导", "主管", "team leader", "supervisor"),
        ("质检", "培训"))
    qa: RoleMatcher = RoleMatcher(
        ("质检", "质监", "品质专员", "qa", "quality"),
        _LEADER_WORDS)
    trainer: RoleMatcher = RoleMatcher(
        ("培训", "讲师", "trainer"),
        _LEADER_WORDS)
    manager: RoleMatcher = RoleMatcher(
        ("经理", "总监", "主任", "部长", "主管", "负责人", "manager", "director", "head"),
        ())


@dataclass(frozen=True, slots=True)
class TeamSizeRule:
    """Agent seats directly under a team leader must lie in [min_agents, max_agents]."""

    enabled: bool = True
    min_agents: int = 8
    max_agents: int = 15


@dataclass(frozen=True, slots=True)
class RatioRule:
    """One holder of a role for every `min_agents`-`max_agents` agent seats of a centre."""

    enabled: bool = True
    min_agents: int = 25
    max_agents: int = 30


@dataclass(frozen=True, slots=True)
class ManagerSpanRule:
    """A manager's direct-report seats must not exceed `max_reports`."""

    enabled: bool = True
    max_reports: int = 10


@dataclass(frozen=True, slots=True)
class SpanRules:
    """Every span-of-control rule of a document, with how roles are recognised."""

    roles: Roles = field(default_factory=Roles)
    team_leader: TeamSizeRule = field(default_factory=TeamSizeRule)
    qa: RatioRule = field(default_factory=lambda: RatioRule(True, 25, 30))
    trainer: RatioRule = field(default_factory=lambda: RatioRule(True, 15, 25))
    manager: ManagerSpanRule = field(default_factory=ManagerSpanRule)

    def __post_init__(self) -> None:
        for name, low, high in ((Sentence.of("team leader"), self.team_leader.min_agents,
                                 self.team_leader.max_agents),
                                (Sentence.of("QA inspector"), self.qa.min_agents,
                                 self.qa.max_agents),
                                (Sentence.of("trainer"), self.trainer.min_agents,
                                 self.trainer.max_agents)):
            if low < 1 or high < 1:
                raise SpanRulesError(Sentence.of("The {name} rule needs numbers of at least 1.",
                                                 name=name))
            if low > high:
                raise SpanRulesError(Sentence.of("The {name} rule's range {low}-{high} starts "
                                                 "after it ends.",
                                                 name=name, low=low, high=high))
        if self.manager.max_reports < 1:
            raise SpanRulesError("The manager rule needs a maximum of at least 1.")

    def evolve(self, **changes: Any) -> SpanRules:
        """A copy with some parts replaced (validated again)."""
        return replace(self, **changes)

    # ------------------------------------------------------------- JSON form
    def to_dict(self) -> dict[str, Any]:
        roles = {name: {"keywords": list(getattr(self.roles, name).keywords),
                        "exclude": list(getattr(self.roles, name).exclude)}
                 for name in ROLE_NAMES}
        return {
            "format": RULES_FORMAT,
            "roles": roles,
            "team_leader": {"enabled": self.team_leader.enabled,
                            "min_agents": self.team_leader.min_agents,
                            "max_agents": self.team_leader.max_agents},
            "qa": {"enabled": self.qa.enabled, "min_agents": self.qa.min_agents,
                   "max_agents": self.qa.max_agents},
            "trainer": {"enabled": self.trainer.enabled, "min_agents": self.trainer.min_agents,
                        "max_agents": self.trainer.max_agents},
            "manager": {"enabled": self.manager.enabled,
                        "max_reports": self.manager.max_reports},
        }

    @classmethod
    def from_dict(cls, data: object) -> SpanRules:
        """Rules from `to_dict`'s shape; missing parts take the defaults.

        The value comes from a file that may have travelled by e-mail, so
        every type is checked and a wrong one is a SpanRulesError sentence.
        """
        if not isinstance(data, dict):
            raise SpanRulesError("The span-of-control rules are not a JSON object.")
        version = data.get("format", RULES_FORMAT)
        if not isinstance(version, int) or isinstance(version, bool) or version > RULES_FORMAT:
            raise SpanRulesError("The span-of-control rules come from a newer orgdesk; "
                                 "update orgdesk to use them.")
        defaults = cls()
        roles_data = _section(data, "roles")
        roles = Roles(**{name: _matcher(roles_data, name, getattr(defaults.roles, name))
                         for name in ROLE_NAMES})
        team = _section(data, "team_leader")
        qa = _section(data, "qa")
        trainer = _section(data, "trainer")
        manager = _section(data, "manager")
        return cls(
            roles=roles,
            team_leader=TeamSizeRule(
                _flag(team, "enabled", defaults.team_leader.enabled, "team_leader"),
                _count(team, "min_agents", defaults.team_leader.min_agents, "team_leader"),
                _count(team, "max_agents", defaults.team_leader.max_agents, "team_leader")),
            qa=RatioRule(_flag(qa, "enabled", defaults.qa.enabled, "qa"),
                         _count(qa, "min_agents", defaults.qa.min_agents, "qa"),
                         _count(qa, "max_agents", defaults.qa.max_agents, "qa")),
            trainer=RatioRule(_flag(trainer, "enabled", defaults.trainer.enabled, "trainer"),
                              _count(trainer, "min_agents", defaults.trainer.min_agents, "trainer"),
                              _count(trainer, "max_agents", defaults.trainer.max_agents,
                                     "trainer")),
            manager=ManagerSpanRule(
                _flag(manager, "enabled", defaults.manager.enabled, "manager"),
                _count(manager, "max_reports", defaults.manager.max_reports, "manager")),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SpanRules:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise SpanRulesError("The span-of-control rules are not valid JSON.") from None
        return cls.from_dict(data)


#: The role names of `Roles`, in the order an editor shows them.
ROLE_NAMES: tuple[str, ...] = ("agent", "team_leader", "qa", "trainer", "manager")

# Bounds that keep a hostile file from making the analysis do silly work.
_MAX_KEYWORDS = 200
_MAX_KEYWORD_LENGTH = 100
_MAX_COUNT = 100_000


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise SpanRulesError(Sentence.of("The “{name}” part of the span-of-control rules is not"
                                         " an object.", name=name))
    return value


def _flag(data: dict[str, Any], key: str, default: bool, where: str) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise SpanRulesError(Sentence.of("“{where}.{key}” in the span-of-control rules must be "
                                         "true or false.", where=where, key=key))
    return value


def _count(data: dict[str, Any], key: str, default: int, where: str) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _MAX_COUNT:
        raise SpanRulesError(Sentence.of("“{where}.{key}” in the span-of-control rules must be "
                                         "a whole number from 0 to {limit}.",
                                         where=where, key=key, limit=_MAX_COUNT))
    return value


def _words(data: dict[str, Any], key: str, default: tuple[str, ...], where: str
           ) -> tuple[str, ...]:
    value = data.get(key, list(default))
    if (not isinstance(value, list) or len(value) > _MAX_KEYWORDS
            or not all(isinstance(w, str) and len(w) <= _MAX_KEYWORD_LENGTH for w in value)):
        raise SpanRulesError(Sentence.of("“roles.{where}.{key}” in the span-of-control rules "
                                         "must be a list of at most {limit} short "
                                         "texts.",
                                         where=where, key=key, limit=_MAX_KEYWORDS))
    return tuple(w.strip() for w in value if w.strip())


def _matcher(roles: dict[str, Any], name: str, default: RoleMatcher) -> RoleMatcher:
    data = roles.get(name, {})
    if not isinstance(data, dict):
        raise SpanRulesError(Sentence.of("“roles.{name}” in the span-of-control rules is not an"
                                         " object.", name=name))
    return RoleMatcher(_words(data, "keywords", default.keywords, name),
                       _words(data, "exclude", default.exclude, name))


#: The document setting that holds a document's own rules (SpanRules.to_dict()).
SPAN_RULES_SETTING = "span_rules"


def document_span_rules(settings: dict[str, Any]) -> SpanRules:
    """The rules stored in a document's settings; the defaults when none are stored.

    A damaged stored value raises SpanRulesError (one sentence) rather than
    silently falling back, so a consultant never reads a report made with
    rules other than the ones they set.
    """
    data = settings.get(SPAN_RULES_SETTING)
    return SpanRules() if data is None else SpanRules.from_dict(data)
