"""The column tables: the one place that says how each entity is stored.

Each stored scalar field is one `Column` line — the entity attribute, the
SQL column and its type, and the conversion each way when the stored form
differs (an Enum kept by its value).  A list field is a `ChildTable` keyed by
(position, seq), so its order is explicit data.  Everything else derives
from these lines: the DDL (`schema`), every SELECT, INSERT and UPDATE
(`mapping`, `patch_write`), building entities from rows, and the canonical
row stream the content checksum is taken over (`checksum`).

Adding a position field: one described field in `core.model`, one line
here, and a new file format with its upgrade step (`migrations`).  The
column order of each table is the order of its CREATE statement, which the
released formats in `schema_history` freeze.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import Enum
from itertools import chain, repeat
from operator import add, attrgetter
from typing import Any

from orgdesk.core.model import (
    POSITION_FIELDS,
    Department,
    DocumentInfo,
    Kpi,
    Position,
    PositionKind,
    Relation,
    RelationKind,
)
from orgdesk.storage.sql_types import Integer, SqlType, String, Text

Convert = Callable[[Any], Any]


def _enum_value(cls: type[Enum]) -> Convert:
    """Member → stored value; a dict lookup in C, where `member.value` is a Python-level
    property (a tenth of a second per 100,000 positions written)."""
    return {member: member.value for member in cls}.__getitem__


def _enum_member(cls: type[Enum]) -> Convert:
    """Stored value → member; a dict lookup (an unknown value raises KeyError) is several
    times faster than calling the Enum, which matters once per row."""
    return {member.value: member for member in cls}.__getitem__


@dataclass(frozen=True, slots=True)
class Column:
    """One stored scalar field: entity attribute ↔ SQL column."""

    name: str  # the SQL column
    attribute: str  # the entity attribute, dotted for nested groups ("requirements.other")
    sql_type: SqlType  # plain data: reading a file needs no SQLAlchemy
    nullable: bool = False
    primary_key: bool = False
    references: str | None = None  # "positions.id"
    on_delete: str | None = None
    index: bool = False
    unique: bool = False
    to_sql: Convert | None = None  # entity value → stored value (None: as it is)
    from_sql: Convert | None = None  # stored value → entity value (None: as it is)


@dataclass(frozen=True, slots=True)
class ChildTable:
    """A list field stored as rows (position_id, seq, *values) in seq order."""

    name: str
    attribute: str  # the list attribute of the parent ("duties", "requirements.languages")
    columns: tuple[Column, ...]  # the value columns after position_id and seq
    to_sql: Callable[[Any], tuple[Any, ...]] | None = None  # item → values (None: (item,))
    from_sql: Callable[..., Any] | None = None  # *values → item (None: the one value)

    #: The key columns every child table starts with.
    KEYS = ("position_id", "seq")

    @property
    def column_names(self) -> tuple[str, ...]:
        return (*self.KEYS, *(c.name for c in self.columns))

    def rows_of(self, parent: Any) -> list[tuple[Any, ...]]:
        """The stored rows of the list on `parent` (a position)."""
        items = attrgetter(self.attribute)(parent)
        pid = parent.id
        if self.to_sql is None:
            return [(pid, seq, item) for seq, item in enumerate(items)]
        return [(pid, seq, *self.to_sql(item)) for seq, item in enumerate(items)]

    def rows_of_all(self, parents: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """The stored rows of every parent's list, parents in the order given.

        A whole document's lists at once (an import writes half a million
        rows), built by itertools and map alone: no Python-level step per
        parent or per item.  Where items become several values (a KPI), the
        (parent, seq) keys and the values are two flat streams in the same
        order, joined at the end.
        """
        lists = list(map(attrgetter(self.attribute), parents))
        if not any(lists):  # nearly always so for some lists (languages, skills)
            return iter(())
        ids = map(repeat, map(attrgetter("id"), parents))
        seqs = map(range, map(len, lists))
        if self.to_sql is None:
            return chain.from_iterable(map(zip, ids, seqs, lists))
        keys = chain.from_iterable(map(zip, ids, seqs))
        return map(add, keys, map(self.to_sql, chain.from_iterable(lists)))

    def value_types(self) -> tuple[tuple[type, ...], ...]:
        """The Python types each column's values may have (see EntityTable.value_types)."""
        return ((int,), (int,), *(_types_of(c) for c in self.columns))


@dataclass(frozen=True)
class EntityTable:
    """How one entity class is stored: its table's columns, checks and child tables."""

    name: str
    entity: type
    columns: tuple[Column, ...]
    checks: tuple[tuple[str, str], ...] = ()  # (constraint name, SQL condition)
    children: tuple[ChildTable, ...] = ()
    _row_of: Callable[[Any], tuple[Any, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_row_of", _compiled_row_of(self.columns))

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def key(self) -> Column:
        return next(c for c in self.columns if c.primary_key)

    def row_of(self, entity: Any) -> tuple[Any, ...]:
        """The stored values of `entity`, in column order."""
        return self._row_of(entity)

    @property
    def rows_of(self) -> Callable[[Any], tuple[Any, ...]]:
        """`row_of` itself, to map over many entities (an import: 100,000 positions)."""
        return self._row_of

    def value_types(self) -> tuple[tuple[type, ...], ...]:
        """The Python types each column's values may have, so that SQLite stores and
        returns them unchanged: int (never bool) for INTEGER, str for TEXT, and None
        where the column is nullable.  Anything else SQLite would convert (its column
        affinity), which the checksum of written rows must not assume away."""
        return tuple(_types_of(c) for c in self.columns)

    def select_sql(self) -> str:
        """Every column in column order, rows in key order (the canonical stream's order)."""
        return (f"SELECT {', '.join(_quoted(c) for c in self.column_names)} "
                f"FROM {self.name} ORDER BY {_quoted(self.key.name)}")

    def insert_sql(self) -> str:
        names = self.column_names
        return (f"INSERT INTO {self.name} ({', '.join(_quoted(n) for n in names)}) "
                f"VALUES ({', '.join('?' * len(names))})")

    def update_sql(self, names: tuple[str, ...]) -> str:
        """UPDATE of the named columns of one row; parameters: the values, then the key."""
        assignments = ", ".join(f"{_quoted(n)} = ?" for n in names)
        return f"UPDATE {self.name} SET {assignments} WHERE {_quoted(self.key.name)} = ?"


def _compiled_row_of(columns: Sequence[Column]) -> Callable[[Any], tuple[Any, ...]]:
    """entity → its stored values, compiled once per table as dataclasses compile their
    `__init__`: `(e.id, e.superior_id, …, convert_6(e.kind), r.education, …)` with `r`
    the entity's group of fields stored in place (a position's requirements).  Per
    entity that is one call and no getter or conversion loop (less than half the time).
    The code holds only attribute names and column indexes of our own tables."""
    namespace: dict[str, Any] = {}
    groups: dict[str, str] = {}  # "requirements" → its local name
    values = []
    for index, column in enumerate(columns):
        *group, attribute = column.attribute.split(".")
        owner = groups.setdefault(".".join(group), f"group_{len(groups)}") if group else "entity"
        value = f"{owner}.{attribute}"
        if column.to_sql is not None:
            namespace[f"convert_{index}"] = column.to_sql
            value = f"convert_{index}({value})"
        values.append(value)
    lines = [f"    {name} = entity.{path}\n" for path, name in groups.items()]
    exec(f"def row_of(entity):\n{''.join(lines)}    return ({', '.join(values)},)\n", namespace)
    row_of: Callable[[Any], tuple[Any, ...]] = namespace["row_of"]
    return row_of


def _types_of(column: Column) -> tuple[type, ...]:
    stored: type = int if isinstance(column.sql_type, Integer) else str
    return (stored, type(None)) if column.nullable else (stored,)


def _quoted(name: str) -> str:
    """Column names are plain identifiers of ours (a test checks), written as they are."""
    return name


def child_select_sql(child: ChildTable) -> str:
    names = ", ".join(_quoted(n) for n in child.column_names)
    return f"SELECT {names} FROM {child.name} ORDER BY position_id, seq"


def child_insert_sql(child: ChildTable) -> str:
    names = child.column_names
    return (f"INSERT INTO {child.name} ({', '.join(_quoted(n) for n in names)}) "
            f"VALUES ({', '.join('?' * len(names))})")


def _text(name: str, attribute: str | None = None) -> Column:
    return Column(name, attribute or name, Text())


def _integer(name: str, attribute: str | None = None, nullable: bool = False) -> Column:
    return Column(name, attribute or name, Integer(), nullable=nullable)


DEPARTMENTS = EntityTable("departments", Department, (
    Column("id", "id", Integer(), primary_key=True),
    Column("name", "name", Text(), unique=True),
    Column("colour", "colour", String(7)),
    _integer("sort_order", "order"),
))

POSITIONS = EntityTable("positions", Position, (
    Column("id", "id", Integer(), primary_key=True),
    Column("superior_id", "superior_id", Integer(), nullable=True, references="positions.id",
           on_delete="RESTRICT", index=True),
    _integer("sort_order", "order"),
    _text("title"),
    _text("source_id"),  # format 2
    Column("department_id", "department_id", Integer(), nullable=True,
           references="departments.id", on_delete="SET NULL", index=True),
    Column("kind", "kind", String(8), to_sql=_enum_value(PositionKind),
           from_sql=_enum_member(PositionKind)),
    _text("level"),
    _integer("planned_headcount"),
    _text("headcount_note"),
    _integer("filled_headcount"),
    _text("education", "requirements.education"),
    _integer("min_years", "requirements.min_years", nullable=True),
    _integer("age_min", "requirements.age_min", nullable=True),
    _integer("age_max", "requirements.age_max", nullable=True),
    _text("other_requirements", "requirements.other"),
    _text("career_path"),
    _text("notes"),
    _integer("pay_min"),  # format 3
    _integer("pay_max"),  # format 3
    _integer("on_cost_percent"),  # format 3
), checks=(
    ("planned_non_negative", "planned_headcount >= 0"),
    ("filled_non_negative", "filled_headcount >= 0"),
    ("pay_non_negative", "pay_min >= 0 AND pay_max >= 0 AND on_cost_percent >= 0"),
    ("kind_known", "kind IN ('line', 'staff')"),
    ("not_own_superior", "superior_id IS NULL OR superior_id <> id"),
), children=(
    ChildTable("duties", "duties", (_text("text", ""),)),
    ChildTable("languages", "requirements.languages", (_text("text", ""),)),
    ChildTable("skills", "requirements.skills", (_text("text", ""),)),
    ChildTable("kpis", "kpis", (_text("name", "name"), _text("target", "target")),
               to_sql=attrgetter("name", "target"), from_sql=Kpi),
    ChildTable("holders", "holders", (_text("text", ""),)),  # format 2
))

RELATIONS = EntityTable("relations", Relation, (
    Column("id", "id", Integer(), primary_key=True),
    Column("source_id", "source_id", Integer(), references="positions.id", on_delete="CASCADE"),
    Column("target_id", "target_id", Integer(), references="positions.id", on_delete="CASCADE"),
    Column("kind", "kind", String(16), to_sql=_enum_value(RelationKind),
           from_sql=_enum_member(RelationKind)),
    _text("label"),
), checks=(("relation_kind", "kind IN ('dotted', 'advisory')"),))

#: The entity tables in creation order (a table after the ones it references).
ENTITY_TABLES: tuple[EntityTable, ...] = (DEPARTMENTS, POSITIONS, RELATIONS)

#: DocumentInfo is stored as meta rows (key, value), one key per field, the
#: value a text: each key with its conversion to and from that text (dates
#: as ISO 8601; annotations are strings under `from __future__ import annotations`).
META_TABLE = "meta"
INFO_KEYS: dict[str, tuple[Convert, Convert]] = {
    spec.name: ((datetime.isoformat, datetime.fromisoformat) if spec.type == "datetime"
                else (str, str))
    for spec in fields(DocumentInfo)
}

#: Meta rows holding document settings are `setting.<name>` (JSON values).
SETTING_PREFIX = "setting."


def stored_position_attributes() -> set[str]:
    """Every position attribute the column tables store (scalar columns and child tables)."""
    return {c.attribute for c in POSITIONS.columns} | {t.attribute for t in POSITIONS.children}


def unstored_position_fields() -> list[str]:
    """Flat keys of core position fields that no column or child table stores (must be [])."""
    stored = stored_position_attributes()
    return [f.key for f in POSITION_FIELDS if f.attribute not in stored]
