"""The column tables are the one definition of how entities are stored."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, fields, is_dataclass, replace

import pytest
from sqlalchemy import MetaData, create_engine
from sqlalchemy.pool import StaticPool

from orgdesk.core.model import (
    POSITION_FIELDS,
    POSITION_GROUPS,
    Department,
    DocumentInfo,
    Kpi,
    Position,
    PositionId,
    Relation,
    Requirements,
)
from orgdesk.storage import columns, mapping, migrations
from orgdesk.storage.columns import POSITIONS, Column, EntityTable
from orgdesk.storage.patch_write import write_table
from orgdesk.storage.schema import add_tables
from orgdesk.storage.sql_types import Text


def _attributes(cls: type, prefix: str = "") -> set[str]:
    """Every stored attribute path of `cls`, nested groups (requirements) flattened."""
    found: set[str] = set()
    for spec in fields(cls):
        if issubclass(cls, Position) and spec.name in POSITION_GROUPS:
            found |= _attributes(POSITION_GROUPS[spec.name], f"{prefix}{spec.name}.")
        else:
            found.add(prefix + spec.name)
    return found


@pytest.mark.parametrize("table", columns.ENTITY_TABLES, ids=lambda t: t.name)
def test_every_entity_field_is_a_column_or_a_child_table(table: EntityTable) -> None:
    stored = [c.attribute for c in table.columns] + [t.attribute for t in table.children]
    assert len(stored) == len(set(stored)), "an attribute is stored twice"
    assert set(stored) == _attributes(table.entity)


def test_every_document_info_field_is_a_meta_key() -> None:
    assert set(columns.INFO_KEYS) == {spec.name for spec in fields(DocumentInfo)}


def test_every_core_position_field_is_stored() -> None:
    assert columns.unstored_position_fields() == []
    assert {f.attribute for f in POSITION_FIELDS} == columns.stored_position_attributes()


def test_the_entity_tables_cover_every_entity_class() -> None:
    assert {t.entity for t in columns.ENTITY_TABLES} == {Department, Position, Relation}
    assert all(is_dataclass(t.entity) for t in columns.ENTITY_TABLES)


def test_column_names_are_plain_identifiers() -> None:
    """Statements name columns unquoted."""
    names = [c.name for t in columns.ENTITY_TABLES for c in t.columns] + [
        c.name for t in columns.ENTITY_TABLES for child in t.children for c in child.columns]
    assert all(re.fullmatch(r"[a-z][a-z_]*", name) for name in names)
    keywords = {"key", "order", "group", "select", "from", "where", "index", "table"}
    assert not keywords & set(names)


def test_selects_read_every_column_in_create_order() -> None:
    """The canonical row stream (and SELECT *) see the columns in the column table's order."""
    with closing(sqlite3.connect(":memory:")) as conn:
        migrations.create_schema(conn)
        for table in columns.ENTITY_TABLES:
            info = [row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")]
            assert tuple(info) == table.column_names
            for child in table.children:
                info = [row[1] for row in conn.execute(f"PRAGMA table_info({child.name})")]
                assert tuple(info) == child.column_names


# ------------------------------------------- a new field flows through by one line
@dataclass(frozen=True, slots=True)
class GradedPosition(Position):
    """A position with one more field, as the next release might add."""

    grade: str = ""


GRADED = EntityTable("positions", GradedPosition,
                     (*POSITIONS.columns, Column("grade", "grade", Text())),
                     POSITIONS.checks, POSITIONS.children)


@pytest.fixture
def graded_db() -> Iterator[sqlite3.Connection]:
    """A database holding the positions table (and its lists) with one more column."""
    metadata = MetaData()
    add_tables(metadata, (columns.DEPARTMENTS, GRADED, columns.RELATIONS))
    conn = sqlite3.connect(":memory:", isolation_level=None)
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    with engine.begin() as sa_conn:
        metadata.create_all(sa_conn)
    engine.dispose(close=False)
    try:
        yield conn
    finally:
        conn.close()


def _read_back(conn: sqlite3.Connection) -> list[GradedPosition]:
    rows: mapping.Rows = {}
    mapping.fetch_table(conn, GRADED, rows)
    return mapping.build_entities(GRADED, rows)


def test_a_field_added_to_the_column_table_is_written_and_read(
        graded_db: sqlite3.Connection) -> None:
    columns_sql = [row[1] for row in graded_db.execute("PRAGMA table_info(positions)")]
    assert columns_sql[-1] == "grade"
    boss = GradedPosition(PositionId(1), "Boss", duties=("lead",), kpis=(Kpi("a", "b"),),
                          requirements=Requirements(languages=("English",)), grade="A")
    clerk = GradedPosition(PositionId(2), "Clerk", PositionId(1), grade="C")
    write_table(graded_db, GRADED, {boss.id: None, clerk.id: None},
                {boss.id: boss, clerk.id: clerk})
    assert _read_back(graded_db) == [boss, clerk]

    statements: list[str] = []
    graded_db.set_trace_callback(statements.append)
    regraded = replace(clerk, grade="B")
    write_table(graded_db, GRADED, {clerk.id: clerk}, {clerk.id: regraded})
    graded_db.set_trace_callback(None)
    assert statements == ["UPDATE positions SET grade = 'B' WHERE id = 2"]
    assert _read_back(graded_db) == [boss, regraded]

    write_table(graded_db, GRADED, {clerk.id: regraded}, {clerk.id: None})
    assert _read_back(graded_db) == [boss]
