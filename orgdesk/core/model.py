"""Entities of an organisation document, as immutable values.

A position carries every field the source job descriptions use (职位,
所属部门, 职位定员, 直接上级, 职责, 任职要求, KPI指标, 发展方向).  Direct
reports are *not* a field: they are derived from `superior_id` links by
`Organisation.direct_reports`, so they can never disagree with the hierarchy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from enum import Enum
from typing import NewType

from orgdesk.core.errors import InvalidValueError, Sentence

PositionId = NewType("PositionId", int)
DepartmentId = NewType("DepartmentId", int)
RelationId = NewType("RelationId", int)

#: The education scale of Chinese job descriptions, lowest first.
EDUCATION_SCALE: tuple[str, ...] = ("不限", "初中", "高中", "中专", "大专", "本科", "硕士", "博士")

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")  # used with fullmatch: "$" would let "\n" through


class PositionKind(str, Enum):
    """How a position hangs under its superior."""

    LINE = "line"  # an ordinary report in the row below its superior
    STAFF = "staff"  # an assistant/staff post attached beside its superior


class RelationKind(str, Enum):
    """Typed secondary links; they never change the hierarchy."""

    DOTTED = "dotted"  # functional (matrix) reporting
    ADVISORY = "advisory"  # advises / supports without reporting


def now_utc() -> datetime:
    """The current time, timezone-aware and truncated to seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Kpi:
    """One KPI指标: a name and a free-text target (e.g. "≥95%")."""

    name: str
    target: str = ""


@dataclass(frozen=True, slots=True)
class Requirements:
    """任职要求: what a holder of the position must bring."""

    education: str = ""  # "" when not stated, else one of EDUCATION_SCALE
    min_years: int | None = None
    age_min: int | None = None
    age_max: int | None = None
    languages: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()  # skills and qualities, ordered
    other: str = ""

    def __post_init__(self) -> None:
        if self.education and self.education not in EDUCATION_SCALE:
            raise InvalidValueError(
                f"Education “{self.education}” is not one of {' / '.join(EDUCATION_SCALE)}."
            )
        for label, value in (("Years of experience", self.min_years),
                             ("Minimum age", self.age_min), ("Maximum age", self.age_max)):
            if value is not None and not 0 <= value <= 200:
                raise InvalidValueError(f"{label} must be between 0 and 200, not {value}.")
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise InvalidValueError(Sentence.of(
                "The age range {low}-{high} starts after it ends.",
                low=self.age_min, high=self.age_max))

    @property
    def education_rank(self) -> int:
        """Position on the education scale (-1 when not stated), for comparisons."""
        return EDUCATION_SCALE.index(self.education) if self.education else -1


@dataclass(frozen=True, slots=True)
class Department:
    """所属部门: a named, coloured group of positions."""

    id: DepartmentId
    name: str
    colour: str = "#D9E2F3"
    order: int = 0

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidValueError("A department needs a name.")
        if not _COLOUR.fullmatch(self.colour):
            raise InvalidValueError(Sentence.of("Colour “{colour}” is not of the form #RRGGBB.",
                                                colour=self.colour))


@dataclass(frozen=True, slots=True)
class Position:
    """One position (岗位) of the organisation; N seats of it are one position ×N."""

    id: PositionId
    title: str
    superior_id: PositionId | None = None
    order: int = 0  # explicit order among its siblings
    department_id: DepartmentId | None = None
    kind: PositionKind = PositionKind.LINE
    level: str = ""
    planned_headcount: int = 1
    headcount_note: str = ""
    filled_headcount: int = 0
    duties: tuple[str, ...] = ()
    requirements: Requirements = field(default_factory=Requirements)
    kpis: tuple[Kpi, ...] = ()
    career_path: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise InvalidValueError("A position needs a title.")
        if self.planned_headcount < 0:
            raise InvalidValueError(
                f"Planned headcount of “{self.title}” cannot be negative."
            )
        if self.filled_headcount < 0:
            raise InvalidValueError(f"Filled headcount of “{self.title}” cannot be negative.")
        if self.superior_id == self.id:
            raise InvalidValueError(f"“{self.title}” cannot report to itself.")

    @property
    def vacancies(self) -> int:
        """Seats planned but not filled; never negative (overfilled counts as 0)."""
        return max(self.planned_headcount - self.filled_headcount, 0)

    def evolve(self, **changes: object) -> Position:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Relation:
    """A dotted-line (secondary) link from one position to another."""

    id: RelationId
    source_id: PositionId
    target_id: PositionId
    kind: RelationKind = RelationKind.DOTTED
    label: str = ""

    def __post_init__(self) -> None:
        if self.source_id == self.target_id:
            raise InvalidValueError("A dotted-line relation needs two different positions.")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The document's own metadata."""

    title: str = ""
    client: str = ""
    author: str = ""
    notes: str = ""
    created: datetime = field(default_factory=now_utc)
    modified: datetime = field(default_factory=now_utc)
