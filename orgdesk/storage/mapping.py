"""Rows ↔ the core's frozen entities, every statement derived from the column tables.

`fetch_rows` reads a whole document as plain tuples, one SELECT per table in
key order (the canonical row stream the checksum is taken over);
`organisation_from_rows` builds the entities; `write_organisation` fills an
empty document.  All of it goes through the DB-API connection: for 10,000
positions SQLAlchemy's row objects and per-row parameter processing cost
more than SQLite's own work (benchmarks/bench_document.py).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from itertools import groupby, starmap
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from orgdesk.core.model import POSITION_GROUPS, DocumentInfo
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import dump_setting, parse_setting
from orgdesk.storage.columns import (
    DEPARTMENTS,
    ENTITY_TABLES,
    INFO_KEYS,
    META_TABLE,
    POSITIONS,
    RELATIONS,
    SETTING_PREFIX,
    ChildTable,
    EntityTable,
    child_insert_sql,
    child_select_sql,
)
from orgdesk.storage.scenario_table import SCENARIO_TABLE
from orgdesk.storage.scenario_table import SELECT_ALL as SELECT_SCENARIOS

if TYPE_CHECKING:  # the ORM is imported only where a session is used
    from sqlalchemy.orm import Session

#: Rows of a whole document by table name, each table in key order.
Rows = dict[str, list[tuple[Any, ...]]]


def driver(session: Session) -> sqlite3.Connection:
    """The DB-API connection under the session, inside the session's transaction."""
    return session.connection().connection.driver_connection  # type: ignore[return-value]  # SQLAlchemy types the driver connection loosely; it is sqlite3's


# ------------------------------------------------------------------ meta rows
def _settings_of(meta: Iterable[tuple[str, str]]) -> dict[str, Any]:
    return {key[len(SETTING_PREFIX):]: parse_setting(key[len(SETTING_PREFIX):], value)
            for key, value in meta if key.startswith(SETTING_PREFIX)}


def write_settings(conn: sqlite3.Connection, settings: Mapping[str, Any],
                   names: Iterable[str]) -> None:
    for name in names:
        key = SETTING_PREFIX + name
        if name in settings:
            write_meta(conn, key, dump_setting(settings[name]))
        else:
            conn.execute(f"DELETE FROM {META_TABLE} WHERE key = ?", (key,))


def write_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(f"INSERT INTO {META_TABLE} (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def meta_rows(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute(f"SELECT key, value FROM {META_TABLE} ORDER BY key").fetchall()


def load_info(conn: sqlite3.Connection) -> DocumentInfo:
    return _info_of(meta_rows(conn))


def _info_of(meta: Iterable[tuple[str, str]]) -> DocumentInfo:
    values = dict(meta)
    return DocumentInfo(**{key: convert[1](values[key])
                           for key, convert in INFO_KEYS.items() if key in values})


def write_info(conn: sqlite3.Connection, info: DocumentInfo) -> None:
    for key, (to_text, _from_text) in INFO_KEYS.items():
        write_meta(conn, key, to_text(getattr(info, key)))


# ----------------------------------------------------------------- reading
def fetch_rows(conn: sqlite3.Connection) -> Rows:
    """Every row of the document, one SELECT per table, in key order."""
    rows: Rows = {META_TABLE: meta_rows(conn)}
    for table in ENTITY_TABLES:
        fetch_table(conn, table, rows)
    rows[SCENARIO_TABLE] = conn.execute(SELECT_SCENARIOS).fetchall()  # format 4
    return rows


def _grouped(child: ChildTable, rows: list[tuple[Any, ...]]) -> dict[Any, tuple[Any, ...]]:
    """A child table's items by parent key, in seq order (rows come sorted)."""
    parent = itemgetter(0)
    if child.from_sql is None:
        value = itemgetter(2)
        return {key: tuple(map(value, group)) for key, group in groupby(rows, parent)}
    values = itemgetter(slice(2, None))
    build = child.from_sql
    return {key: tuple(starmap(build, map(values, group))) for key, group in groupby(rows, parent)}


def _builder(table: EntityTable, children: Mapping[str, dict[Any, tuple[Any, ...]]]
             ) -> Callable[[tuple[Any, ...]], Any]:
    """row → entity for `table`: each constructor argument from its column or child table.

    Planned once per read and compiled into one function, as dataclasses
    compile their `__init__`: `Position(row[0], row[3], …, Requirements(…),
    duties(row[0], ()), …)`.  Per row that is one call per entity and no
    per-argument getter calls (a 10,000-position read built its entities in
    half the time).  The code holds only column indexes and names of our own
    objects, never a value read from a file.
    """
    key = table.column_names.index(table.key.name)
    namespace: dict[str, Any] = {}
    sources: dict[str, str] = {}  # attribute → expression over `row`
    for index, column in enumerate(table.columns):
        if column.from_sql is None:
            sources[column.attribute] = f"row[{index}]"
        else:
            namespace[f"convert_{index}"] = column.from_sql
            sources[column.attribute] = f"convert_{index}(row[{index}])"
    for number, child in enumerate(table.children):
        namespace[f"items_{number}"] = children[child.name].get
        sources[child.attribute] = f"items_{number}(row[{key}], ())"

    def plan(cls: type, prefix: str) -> str:
        name = f"entity_{len(namespace)}"
        namespace[name] = cls
        arguments = []
        for spec in fields(cls):
            attribute = prefix + spec.name
            if attribute in sources:
                arguments.append(sources[attribute])
            elif any(stored.startswith(attribute + ".") for stored in sources):
                # A group of fields stored in place (a position's requirements).
                arguments.append(plan(POSITION_GROUPS[spec.name], attribute + "."))
            else:
                raise LookupError(f"{cls.__name__}.{spec.name} is not stored")  # a test guards
        return f"{name}({', '.join(arguments)})"

    exec(f"def build(row):\n    return {plan(table.entity, '')}\n", namespace)
    build: Callable[[tuple[Any, ...]], Any] = namespace["build"]
    return build


def build_entities(table: EntityTable, rows: Rows) -> list[Any]:
    """The entities of `table` from its rows and its child tables' rows (by table name)."""
    children = {child.name: _grouped(child, rows[child.name]) for child in table.children}
    build = _builder(table, children)
    return [build(row) for row in rows[table.name]]


def fetch_table(conn: sqlite3.Connection, table: EntityTable, rows: Rows) -> None:
    """Add the rows of `table` and of its child tables to `rows`, in key order."""
    rows[table.name] = conn.execute(table.select_sql()).fetchall()
    for child in table.children:
        rows[child.name] = conn.execute(child_select_sql(child)).fetchall()


def organisation_from_rows(rows: Rows) -> Organisation:
    """Build the organisation from `fetch_rows`'s rows; entities validate themselves."""
    entities = {table.name: build_entities(table, rows) for table in ENTITY_TABLES}
    meta = rows[META_TABLE]
    return Organisation(_info_of(meta), entities[DEPARTMENTS.name], entities[POSITIONS.name],
                        entities[RELATIONS.name], _settings_of(meta))


def load_organisation(conn: sqlite3.Connection) -> Organisation:
    """Read a whole document: one query per table."""
    return organisation_from_rows(fetch_rows(conn))


# ----------------------------------------------------------------- writing
@dataclass(frozen=True)
class TableRows:
    """One table's rows as an empty document receives them: in key order, with the
    INSERT that takes them and the Python types each column's values may have."""

    name: str
    insert_sql: str
    rows: Iterable[tuple[Any, ...]]
    value_types: tuple[tuple[type, ...], ...]


def table_rows(org: Organisation) -> list[TableRows]:
    """Every entity and child table of `org`, each in key order (lazily generated)."""
    by_table: dict[str, list[Any]] = {
        DEPARTMENTS.name: sorted(org.departments, key=attrgetter("id")),
        POSITIONS.name: org.positions_by_id(),
        RELATIONS.name: sorted(org.relations, key=attrgetter("id"))}
    tables = []
    for table in ENTITY_TABLES:
        entities = by_table[table.name]
        tables.append(TableRows(table.name, table.insert_sql(), map(table.rows_of, entities),
                                table.value_types()))
        tables.extend(TableRows(child.name, child_insert_sql(child), child.rows_of_all(entities),
                                child.value_types()) for child in table.children)
    return tables


def write_document_meta(conn: sqlite3.Connection, org: Organisation,
                        info: DocumentInfo | None = None) -> None:
    """The meta rows of an empty document: its info (or `info` instead) and settings."""
    write_info(conn, org.info if info is None else info)
    write_settings(conn, org.settings, list(org.settings))


def write_organisation(conn: sqlite3.Connection, org: Organisation) -> None:
    """Write a whole organisation into an empty document, in the connection's transaction.

    An import brings up to 100,000 positions and half a million list rows, so
    they go through executemany with plain tuples.  Each table in key order:
    its B-tree then grows at its end (a third faster than tree order).
    Foreign keys are deferred to the commit, so order across tables does not
    matter (`checksum.write_stamped` writes them in the checksum's order).
    """
    conn.execute("PRAGMA defer_foreign_keys = ON")
    write_document_meta(conn, org)
    for table in table_rows(org):
        conn.executemany(table.insert_sql, table.rows)
