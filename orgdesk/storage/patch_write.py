"""Writing one edit: only the rows and columns whose values changed.

The service records every edit as the touched entities before and after
(`RecordedEdit`); this module turns that pair into the fewest statements:
a new position is one INSERT plus its list rows, a removed one goes with its
list rows and relations, and a changed one is one UPDATE of exactly the
columns that differ, plus a rewrite of only the lists (duties, languages,
skills, KPIs) that differ.  A keystroke in a title is therefore one
`UPDATE positions SET title = ? WHERE id = ?` — no list rows are touched.

Column names come from `mapping._position_values`, the one place a
position's columns are spelled; statements go through the DB-API cursor of
the session's connection, inside the session's transaction.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from orgdesk.core.model import Department, Position, PositionId, Relation
from orgdesk.core.organisation import StatePatch
from orgdesk.storage.mapping import _position_values, write_info, write_settings

#: Each list table: its value columns, and the rows of one position.
_LISTS: dict[str, tuple[tuple[str, ...], Callable[[Position], Iterable[tuple[Any, ...]]]]] = {
    "duties": (("text",), lambda p: ((t,) for t in p.duties)),
    "languages": (("text",), lambda p: ((t,) for t in p.requirements.languages)),
    "skills": (("text",), lambda p: ((t,) for t in p.requirements.skills)),
    "kpis": (("name", "target"), lambda p: ((k.name, k.target) for k in p.kpis)),
}


def _list_rows(position: Position, table: str) -> list[tuple[Any, ...]]:
    return [(position.id, seq, *values)
            for seq, values in enumerate(_LISTS[table][1](position))]


def write_patch(session: Session, before: StatePatch, after: StatePatch) -> None:
    """Turn the stored document from `before` into `after` (same keys) in the session's
    transaction.  Foreign keys are checked at its commit, so order does not matter."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if _adds_or_removes(before, after):
            cursor.execute("PRAGMA defer_foreign_keys = ON")
        if after.info is not None:
            write_info(session, after.info)
        if after.settings:
            write_settings(session, {n: v for n, v in after.settings.items() if v is not None},
                           list(after.settings))
            session.flush()
        _write_departments(cursor, before, after)
        _write_positions(cursor, before, after)
        _write_relations(cursor, before, after)
    finally:
        cursor.close()


def _adds_or_removes(before: StatePatch, after: StatePatch) -> bool:
    return any((old is None) != (new is None)
               for old_map, new_map in ((before.positions, after.positions),
                                        (before.departments, after.departments),
                                        (before.relations, after.relations))
               for old, new in ((old_map[k], new_map[k]) for k in new_map))


def _write_departments(cursor: Any, before: StatePatch, after: StatePatch) -> None:
    for did, new in after.departments.items():
        old = before.departments[did]
        if new is None:
            cursor.execute("DELETE FROM departments WHERE id = ?", (did,))
        elif old is None:
            cursor.execute("INSERT INTO departments (id, name, colour, sort_order) "
                           "VALUES (?, ?, ?, ?)", _department_row(new))
        else:
            cursor.execute("UPDATE departments SET name = ?, colour = ?, sort_order = ? "
                           "WHERE id = ?", (*_department_row(new)[1:], did))


def _department_row(department: Department) -> tuple[Any, ...]:
    return (department.id, department.name, department.colour, department.order)


def _write_positions(cursor: Any, before: StatePatch, after: StatePatch) -> None:
    removed: list[PositionId] = []
    inserts: list[dict[str, object]] = []
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    lists_cleared: dict[str, list[PositionId]] = defaultdict(list)
    list_rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for pid, new in after.positions.items():
        old = before.positions[pid]
        if new is None:
            removed.append(pid)
            continue
        if old is None:
            inserts.append(_position_values(new))
            for table in _LISTS:
                list_rows[table] += _list_rows(new, table)
            continue
        old_values, new_values = _position_values(old), _position_values(new)
        columns = tuple(c for c in new_values if new_values[c] != old_values[c])
        if columns:
            updates[columns].append((*(new_values[c] for c in columns), pid))
        for table in _LISTS:
            rows = _list_rows(new, table)
            if rows != _list_rows(old, table):
                lists_cleared[table].append(pid)
                list_rows[table] += rows
    if removed:
        # Row by row: a removed branch may hold more ids than a statement takes variables.
        keys = [(pid,) for pid in removed]
        for table in _LISTS:
            cursor.executemany(f"DELETE FROM {table} WHERE position_id = ?", keys)
        cursor.executemany("DELETE FROM relations WHERE source_id = ?1 OR target_id = ?1", keys)
        cursor.executemany("DELETE FROM positions WHERE id = ?", keys)
    if inserts:
        columns = tuple(inserts[0])
        cursor.executemany(
            f"INSERT INTO positions ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [tuple(values[c] for c in columns) for values in inserts])
    for columns, rows in updates.items():
        assignments = ", ".join(f"{c} = ?" for c in columns)
        cursor.executemany(f"UPDATE positions SET {assignments} WHERE id = ?", rows)
    for table, pids in lists_cleared.items():
        cursor.executemany(f"DELETE FROM {table} WHERE position_id = ?", [(p,) for p in pids])
    for table, rows in list_rows.items():
        if rows:
            names = ("position_id", "seq", *_LISTS[table][0])
            cursor.executemany(f"INSERT INTO {table} ({', '.join(names)}) "
                               f"VALUES ({', '.join('?' * len(names))})", rows)


def _relation_row(relation: Relation) -> tuple[Any, ...]:
    return (relation.id, relation.source_id, relation.target_id, relation.kind.value,
            relation.label)


def _write_relations(cursor: Any, before: StatePatch, after: StatePatch) -> None:
    for rid, new in after.relations.items():
        if before.relations[rid] is not None:
            cursor.execute("DELETE FROM relations WHERE id = ?", (rid,))
        if new is not None:
            cursor.execute("INSERT INTO relations (id, source_id, target_id, kind, label) "
                           "VALUES (?, ?, ?, ?, ?)", _relation_row(new))
