"""Writing one edit: only the rows and columns whose values changed.

The service records every edit as the touched entities before and after
(`RecordedEdit`); this module turns that pair into the fewest statements,
for every entity table alike (all derived from `storage.columns`): a new
entity is one INSERT plus its list rows, a removed one goes with its list
rows and every row that references it through an ON DELETE CASCADE key
(a position's relations), and a changed one is one UPDATE of exactly the
columns that differ, plus a rewrite of only the lists (duties, languages,
skills, KPIs) that differ.  A keystroke in a title is therefore one
`UPDATE positions SET title = ? WHERE id = ?` — no list rows are touched.

Statements go through the DB-API connection of the session, inside the
session's transaction.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from orgdesk.core.organisation import StatePatch
from orgdesk.storage.columns import (
    DEPARTMENTS,
    ENTITY_TABLES,
    POSITIONS,
    RELATIONS,
    EntityTable,
    child_insert_sql,
)
from orgdesk.storage.mapping import driver, write_info, write_settings


def write_patch(session: Session, before: StatePatch, after: StatePatch) -> None:
    """Turn the stored document from `before` into `after` (same keys) in the session's
    transaction.  Foreign keys are checked at its commit, so order does not matter."""
    conn = driver(session)
    if _adds_or_removes(before, after):
        conn.execute("PRAGMA defer_foreign_keys = ON")
    if after.info is not None:
        write_info(conn, after.info)
    if after.settings:
        write_settings(conn, {n: v for n, v in after.settings.items() if v is not None},
                       list(after.settings))
    maps: dict[str, tuple[Mapping[Any, object], Mapping[Any, object]]] = {
            DEPARTMENTS.name: (before.departments, after.departments),
            POSITIONS.name: (before.positions, after.positions),
            RELATIONS.name: (before.relations, after.relations)}
    for table in ENTITY_TABLES:  # creation order: a row after the rows it references
        write_table(conn, table, *maps[table.name])


def _adds_or_removes(before: StatePatch, after: StatePatch) -> bool:
    return (_presence_changes(before.positions, after.positions)
            or _presence_changes(before.departments, after.departments)
            or _presence_changes(before.relations, after.relations))


def _presence_changes(old_map: Mapping[Any, object], new_map: Mapping[Any, object]) -> bool:
    return any((old_map[k] is None) != (new is None) for k, new in new_map.items())


def _cascades(table: EntityTable) -> list[tuple[str, str]]:
    """(table, column) of every row that goes with a removed row of `table`."""
    target = f"{table.name}.{table.key.name}"
    return [(other.name, column.name) for other in ENTITY_TABLES for column in other.columns
            if column.references == target and column.on_delete == "CASCADE"]


def write_table(conn: sqlite3.Connection, table: EntityTable, before: Mapping[Any, Any],
                after: Mapping[Any, Any]) -> None:
    """Write the changes from `before` to `after` (None = absent) of one entity table."""
    removed: list[tuple[Any]] = []
    inserts: list[tuple[Any, ...]] = []
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    lists_cleared: dict[str, list[tuple[Any]]] = defaultdict(list)
    list_rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    names = table.column_names
    for key, new in after.items():
        old = before[key]
        if new is None:
            removed.append((key,))
            continue
        if old is None:
            inserts.append(table.row_of(new))
            for child in table.children:
                list_rows[child.name] += child.rows_of(new)
            continue
        old_row, new_row = table.row_of(old), table.row_of(new)
        changed = tuple(i for i, value in enumerate(new_row) if value != old_row[i])
        if changed:
            updates[tuple(names[i] for i in changed)].append(
                (*(new_row[i] for i in changed), key))
        for child in table.children:
            rows = child.rows_of(new)
            if rows != child.rows_of(old):
                lists_cleared[child.name].append((key,))
                list_rows[child.name] += rows
    key_name = table.key.name
    if removed:
        # Row by row: a removed branch may hold more ids than a statement takes variables.
        for child in table.children:
            conn.executemany(f"DELETE FROM {child.name} WHERE position_id = ?", removed)
        for other, column in _cascades(table):
            conn.executemany(f"DELETE FROM {other} WHERE {column} = ?", removed)
        conn.executemany(f"DELETE FROM {table.name} WHERE {key_name} = ?", removed)
    if inserts:
        conn.executemany(table.insert_sql(), inserts)
    for columns, rows in updates.items():
        conn.executemany(table.update_sql(columns), rows)
    for name, keys in lists_cleared.items():
        conn.executemany(f"DELETE FROM {name} WHERE position_id = ?", keys)
    for child in table.children:
        if list_rows[child.name]:
            conn.executemany(child_insert_sql(child), list_rows[child.name])
