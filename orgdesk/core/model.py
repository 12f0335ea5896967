"""Entities of an organisation document, as immutable values.

A position carries every field the source job descriptions use (职位,
所属部门, 职位定员, 直接上级, 职责, 任职要求, KPI指标, 发展方向).  Direct
reports are *not* a field: they are derived from `superior_id` links by
`Organisation.direct_reports`, so they can never disagree with the hierarchy.

Each field of a position (and of its requirements) carries its description
in the dataclass field's metadata (`described`): what kind of value it is
and its bilingual name.  `POSITION_FIELDS` flattens them into the one list
every other layer derives from — storage's column table is checked against
it, and the interchange formats (dicts, CSV/Excel columns, imports) are built
from it — so a new field is one line here plus its column.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import Enum
from itertools import chain, repeat
from operator import attrgetter, eq
from typing import Any, NewType

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


class FieldKind(str, Enum):
    """What sort of value a position field holds; every layer converts by this."""

    ID = "id"  # the entity's own positive id
    REFERENCE = "reference"  # the id of another entity, or None
    INTEGER = "integer"
    OPTIONAL_INTEGER = "optional integer"
    TEXT = "text"
    CHOICE = "choice"  # a member of an Enum, kept by its value
    TEXTS = "texts"  # an ordered tuple of texts
    KPIS = "kpis"  # an ordered tuple of Kpi


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """The description a dataclass field carries in its metadata under "orgdesk"."""

    kind: FieldKind
    label: str  # English name, e.g. "Headcount note"
    chinese: str  # Chinese name, e.g. "定员说明"
    key: str = ""  # the flat name when the attribute name is ambiguous (requirements.other)
    choices: type[Enum] | None = None  # for FieldKind.CHOICE


def described(kind: FieldKind, label: str, chinese: str, *, key: str = "",
              choices: type[Enum] | None = None) -> dict[str, FieldInfo]:
    """The metadata of a described dataclass field: `field(default=…, metadata=described(…))`."""
    return {"orgdesk": FieldInfo(kind, label, chinese, key, choices)}


# Short names for the field declarations below.
ID, REFERENCE, INTEGER, OPTIONAL_INTEGER = (FieldKind.ID, FieldKind.REFERENCE, FieldKind.INTEGER,
                                            FieldKind.OPTIONAL_INTEGER)
TEXT, CHOICE, TEXTS, KPIS = FieldKind.TEXT, FieldKind.CHOICE, FieldKind.TEXTS, FieldKind.KPIS


def now_utc() -> datetime:
    """The current time, timezone-aware and truncated to seconds."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Kpi:
    """One KPI指标: a name and a free-text target (e.g. "≥95%")."""

    name: str
    target: str = ""


#: The names of Requirements' bounded numbers, built once: a document's read
#: constructs one Requirements per position and must not build sentences then.
_LIMITED_LABELS = (Sentence.of("Years of experience"), Sentence.of("Minimum age"),
                   Sentence.of("Maximum age"))


@dataclass(frozen=True, slots=True)
class Requirements:
    """任职要求: what a holder of the position must bring."""

    # "" when not stated, else one of EDUCATION_SCALE
    education: str = field(default="", metadata=described(TEXT, "Education", "学历"))
    min_years: int | None = field(default=None, metadata=described(
        OPTIONAL_INTEGER, "Min. years of experience", "工作年限"))
    age_min: int | None = field(default=None, metadata=described(
        OPTIONAL_INTEGER, "Min. age", "最小年龄"))
    age_max: int | None = field(default=None, metadata=described(
        OPTIONAL_INTEGER, "Max. age", "最大年龄"))
    languages: tuple[str, ...] = field(default=(), metadata=described(
        TEXTS, "Languages", "语言要求"))
    # skills and qualities, ordered
    skills: tuple[str, ...] = field(default=(), metadata=described(TEXTS, "Skills", "技能要求"))
    other: str = field(default="", metadata=described(
        TEXT, "Other requirements", "其他要求", key="other_requirements"))

    def __post_init__(self) -> None:
        if self.education and self.education not in EDUCATION_SCALE:
            raise InvalidValueError(
                Sentence.of("Education “{education}” is not one of {names}.",
                            education=self.education, names=" / ".join(EDUCATION_SCALE))
            )
        for label, value in zip(_LIMITED_LABELS, (self.min_years, self.age_min, self.age_max),
                                strict=True):
            if value is not None and not 0 <= value <= 200:
                raise InvalidValueError(Sentence.of("{label} must be between 0 and 200, not "
                                                    "{value}.", label=label, value=value))
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


#: Bounds of a position's pay fields: a month's pay of one seat in whole currency
#: units (a hundred million covers every currency's salaries), and the on-cost in percent.
MAX_MONTHLY_PAY = 100_000_000
MAX_ON_COST_PERCENT = 200
#: Built once, like _LIMITED_LABELS.
_PAY_LABELS = (Sentence.of("The minimum monthly pay"), Sentence.of("The maximum monthly pay"),
               Sentence.of("The on-cost percentage"))


@dataclass(frozen=True, slots=True)
class Position:
    """One position (岗位) of the organisation; N seats of it are one position ×N."""

    id: PositionId = field(metadata=described(ID, "ID", "编号"))
    title: str = field(metadata=described(TEXT, "Title", "职位"))
    superior_id: PositionId | None = field(default=None, metadata=described(
        REFERENCE, "Superior ID", "上级编号"))
    # explicit order among its siblings
    order: int = field(default=0, metadata=described(INTEGER, "Order", "排序"))
    department_id: DepartmentId | None = field(default=None, metadata=described(
        REFERENCE, "Department", "所属部门"))
    kind: PositionKind = field(default=PositionKind.LINE, metadata=described(
        CHOICE, "Kind (line/staff)", "岗位类型", choices=PositionKind))
    level: str = field(default="", metadata=described(TEXT, "Level", "职级"))
    planned_headcount: int = field(default=1, metadata=described(
        INTEGER, "Planned headcount", "定员"))
    headcount_note: str = field(default="", metadata=described(
        TEXT, "Headcount note", "定员说明"))
    filled_headcount: int = field(default=0, metadata=described(
        INTEGER, "Filled headcount", "在岗人数"))
    duties: tuple[str, ...] = field(default=(), metadata=described(TEXTS, "Duties", "岗位职责"))
    # A group of fields of its own, flattened into POSITION_FIELDS.
    requirements: Requirements = field(default_factory=Requirements)
    kpis: tuple[Kpi, ...] = field(default=(), metadata=described(KPIS, "KPIs", "KPI指标"))
    career_path: str = field(default="", metadata=described(TEXT, "Career path", "发展方向"))
    notes: str = field(default="", metadata=described(TEXT, "Notes", "备注"))
    # File format 2 (last, so positional construction of the older fields is unchanged):
    # the position's key in the source it was imported from (a client's HR id:
    # "O-6066", "ID001", "emi"), so an edited structure can be matched back to
    # it; "" for positions created in orgdesk.
    source_id: str = field(default="", metadata=described(TEXT, "Source ID", "来源编号"))
    # The names of the people in its seats, as a people list gave them.
    holders: tuple[str, ...] = field(default=(), metadata=described(
        TEXTS, "Holders", "在岗人员"))
    # File format 3 (last again): the monthly pay of one seat, a range in whole units of
    # the document's currency (a single figure is min == max; 0 is "not set"), and the
    # employer's on-cost on top of it in whole percent (社保/公积金, e.g. 35).
    pay_min: int = field(default=0, metadata=described(INTEGER, "Monthly pay min.", "月薪下限"))
    pay_max: int = field(default=0, metadata=described(INTEGER, "Monthly pay max.", "月薪上限"))
    on_cost_percent: int = field(default=0, metadata=described(
        INTEGER, "On-cost %", "社保公积金比例%"))

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise InvalidValueError("A position needs a title.")
        if self.planned_headcount < 0:
            raise InvalidValueError(
                Sentence.of("Planned headcount of “{title}” cannot be negative.",
                            title=self.title)
            )
        if self.filled_headcount < 0:
            raise InvalidValueError(Sentence.of("Filled headcount of “{title}” cannot be "
                                                "negative.", title=self.title))
        if self.superior_id == self.id:
            raise InvalidValueError(Sentence.of("“{title}” cannot report to itself.",
                                                title=self.title))
        if self.pay_min or self.pay_max or self.on_cost_percent:
            self._check_pay()

    def _check_pay(self) -> None:
        for label, value, limit in ((_PAY_LABELS[0], self.pay_min, MAX_MONTHLY_PAY),
                                    (_PAY_LABELS[1], self.pay_max, MAX_MONTHLY_PAY),
                                    (_PAY_LABELS[2], self.on_cost_percent, MAX_ON_COST_PERCENT)):
            if not 0 <= value <= limit:
                raise InvalidValueError(Sentence.of(
                    "{label} of “{title}” must be between 0 and {limit}, not {value}.",
                    label=label, title=self.title, limit=limit, value=value))
        if self.pay_min and self.pay_max and self.pay_min > self.pay_max:
            raise InvalidValueError(Sentence.of(
                "The monthly pay range {low}-{high} of “{title}” starts after it ends.",
                low=self.pay_min, high=self.pay_max, title=self.title))

    @property
    def pay_midpoint(self) -> float | None:
        """The monthly pay of one seat: the middle of the range, the one figure given,
        or None when no pay is set."""
        low, high = self.pay_min, self.pay_max
        if low and high:
            return (low + high) / 2
        return float(low or high) if low or high else None

    @property
    def vacancies(self) -> int:
        """Seats planned but not filled; never negative (overfilled counts as 0)."""
        return max(self.planned_headcount - self.filled_headcount, 0)

    @property
    def over(self) -> int:
        """Seats filled beyond the plan (超编); 0 unless over-staffed.

        planned = filled − over + vacancies holds for every position.
        """
        return max(self.filled_headcount - self.planned_headcount, 0)

    def evolve(self, **changes: object) -> Position:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]  # field names and values are checked by __post_init__


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


@dataclass(frozen=True, slots=True)
class PositionField:
    """One value of a position, its nested groups (requirements) flattened."""

    key: str  # unique flat name: "headcount_note", "education", "other_requirements"
    path: tuple[str, ...]  # attribute path from the Position: ("requirements", "other")
    kind: FieldKind
    label: str
    chinese: str
    default: Any  # dataclasses.MISSING when the field is required
    choices: type[Enum] | None = None
    #: Reads the value from a position (operator.attrgetter of `attribute`).
    value_of: Callable[[Position], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "value_of", attrgetter(self.attribute))

    @property
    def attribute(self) -> str:
        """The dotted attribute path ("requirements.other"), as operator.attrgetter takes it."""
        return ".".join(self.path)

    @property
    def is_list(self) -> bool:
        return self.kind in (FieldKind.TEXTS, FieldKind.KPIS)

    @property
    def required(self) -> bool:
        return self.default is MISSING



#: The groups a position's fields are nested in, by attribute name.
POSITION_GROUPS: dict[str, type] = {"requirements": Requirements}


def _flattened(cls: type, prefix: tuple[str, ...]) -> list[PositionField]:
    found: list[PositionField] = []
    for spec in fields(cls):
        info = spec.metadata.get("orgdesk")
        if info is None:
            found += _flattened(POSITION_GROUPS[spec.name], (*prefix, spec.name))
            continue
        default = spec.default if spec.default is not MISSING else (
            spec.default_factory() if spec.default_factory is not MISSING else MISSING)
        found.append(PositionField(info.key or spec.name, (*prefix, spec.name), info.kind,
                                   info.label, info.chinese, default, info.choices))
    return found


#: Every value of a position in declaration order, requirements flattened in place.
POSITION_FIELDS: tuple[PositionField, ...] = tuple(_flattened(Position, ()))
POSITION_FIELD_BY_KEY: dict[str, PositionField] = {f.key: f for f in POSITION_FIELDS}
#: The fields that place a position in the organisation; every other one describes it.
PLACE_KEYS: tuple[str, ...] = ("id", "superior_id", "order", "department_id")
CONTENT_FIELDS: tuple[PositionField, ...] = tuple(
    f for f in POSITION_FIELDS if f.key not in PLACE_KEYS)


def position_values(position: Position) -> dict[str, Any]:
    """The position's values by flat key."""
    return {f.key: f.value_of(position) for f in POSITION_FIELDS}


def position_from_values(values: Mapping[str, Any]) -> Position:
    """A position from values by flat key (missing ones take their defaults), validated."""
    top: dict[str, Any] = {}
    groups: dict[str, dict[str, Any]] = {}
    for spec in POSITION_FIELDS:
        if spec.key not in values:
            continue
        if len(spec.path) == 1:
            top[spec.path[0]] = values[spec.key]
        else:
            groups.setdefault(spec.path[0], {})[spec.path[1]] = values[spec.key]
    for name, group in groups.items():
        top[name] = POSITION_GROUPS[name](**group)
    return Position(**top)


def positions_from_columns(count: int, columns: Mapping[str, Sequence[Any]],
                           rows: Sequence[Mapping[str, Any]] = ()) -> list[Position] | None:
    """`count` positions built a field at a time, or None when any of them would be refused.

    The values of a field come from `columns` (field name → one value per position),
    else from `rows` (per position, a mapping of field names to values; a missing
    name takes the field's default), else the field's default.  Each field is set
    on a block of positions by one `map` in C, and the checks of `__post_init__` are
    made over the block's fields: constructing 100,000 positions one by one cost the
    import a tenth of its time (a frozen dataclass sets each field through
    object.__setattr__).  Blocks of _BLOCK positions keep each pass over their
    objects in the processor's cache (passes over all 100,000 gained nothing).

    None, not an exception: the caller then builds its positions one by one, so that
    each refusal is reported with its row.  So are positions with pay set, whose checks
    are made one by one here too.
    """
    names = _POSITION_FIELD_NAMES
    given = set(chain.from_iterable(rows))
    if not given <= names.keys() - columns.keys():
        return None  # a name no field has (a TypeError one by one), or given twice
    if any(len(column) != count for column in columns.values()) or (rows and len(rows) != count):
        raise ValueError(f"values for other than {count} positions")
    positions: list[Position] = []
    for start in range(0, count, _BLOCK):
        block = _positions_block(start, min(start + _BLOCK, count), columns, rows, given)
        if block is None:
            return None
        positions += block
    return positions


def _positions_block(start: int, end: int, columns: Mapping[str, Sequence[Any]],
                     rows: Sequence[Mapping[str, Any]], given: set[str]) -> list[Position] | None:
    values: dict[str, Sequence[Any]] = {}
    part = rows[start:end]
    for name, default in _POSITION_FIELD_NAMES.items():
        if name in columns:
            values[name] = columns[name][start:end]
        elif name in given:
            values[name] = list(map(dict.get, part, repeat(name), repeat(default)))  # type: ignore[arg-type]  # rows are dicts (a Mapping without .get would fail on the call)
        else:
            values[name] = [default] * (end - start)
    if _MISSING in values["id"] or _MISSING in values["title"]:
        return None
    try:
        if (not all(map(str.strip, values["title"]))
                or min(values["planned_headcount"]) < 0 or min(values["filled_headcount"]) < 0
                or any(map(eq, values["superior_id"], values["id"]))
                or any(values["pay_min"]) or any(values["pay_max"])
                or any(values["on_cost_percent"])):
            return None
    except TypeError:  # a value of another type: its own constructor says what is wrong
        return None
    block = list(map(object.__new__, repeat(Position, end - start)))
    for name, column in values.items():
        deque(map(_POSITION_SETTERS[name], block, column), maxlen=0)
    return block


#: Positions built together (see positions_from_columns).
_BLOCK = 512
_MISSING: Any = object()
#: Each field of Position and the value a position without it takes (the default
#: factory's value is immutable, so one is shared).
_POSITION_FIELD_NAMES: dict[str, Any] = {
    spec.name: spec.default if spec.default is not MISSING else (
        spec.default_factory() if spec.default_factory is not MISSING else _MISSING)
    for spec in fields(Position)}
#: The slot of each field, set directly (a frozen dataclass refuses setattr).
_POSITION_SETTERS: dict[str, Callable[[Position, Any], None]] = {
    name: getattr(Position, name).__set__ for name in _POSITION_FIELD_NAMES}
