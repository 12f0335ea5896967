"""Several named scenarios in one `.orgdesk` file (file format 4).

The design, and why:

* The ACTIVE scenario lives in today's tables (positions, departments,
  relations, their lists, the `setting.*` meta rows).  Every other code path —
  editing, undo, recovery, the checksum, every export and analysis — keeps
  working on those tables unchanged and never needs to know about scenarios.
* Every scenario has a row in `scenarios` (see `scenario_table`): id, name,
  ordinal and, for the inactive ones, a SNAPSHOT — the scenario's complete
  organisation as the rows of the very same tables, in column order, as one
  JSON text (`{"format": N, "tables": {table: [[values…]…]}, "settings":
  {meta key: stored text}}`).  Rows, not a document dict: the columns are by
  construction every stored field (a new field is one line in `columns` and
  is in the snapshot at once, so the snapshot cannot lose one), and they are
  read back through the same entity builders as the tables, which validate
  every value.  Document info (title, client, dates) belongs to the file and
  is shared by all scenarios; settings (chart layout, span rules, workloads,
  currency) belong to each scenario.
* Switching is ONE transaction on the working copy: the active organisation
  becomes a snapshot (taken from the organisation in memory, which equals the
  tables), the target's snapshot is validated and built into an Organisation
  BEFORE anything is written, then the tables are emptied and refilled with
  its rows.  A kill at any instant leaves the working copy before or after the
  switch (rollback journal, synchronous=FULL), so editing one scenario can never
  lose anything of another: the others are committed rows that an edit does
  not touch.
* Speed (benchmarks/bench_scenarios.py): a 10,000-position switch costs one
  JSON encode and one decode of ~3 MB (C code), one executemany per table and
  building the entities — well under a second; the alternative of a
  `scenario_id` column in every table would have changed every statement of
  the storage layer and every reader for no gain in the common case (editing).
* A later file format that changes the tables must rewrite each snapshot's
  rows too (`rewrite_snapshots`); a snapshot carries the format it was written
  in and one of another format is refused, never misread.

An empty `scenarios` table means one scenario named `DEFAULT_NAME`; rows are
written only once the user creates, renames or reorders scenarios.
"""
from __future__ import annotations

import json
import operator
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.model import DocumentInfo
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import InvalidSetting, dump_setting
from orgdesk.storage.columns import (
    DEPARTMENTS,
    ENTITY_TABLES,
    INFO_KEYS,
    META_TABLE,
    POSITIONS,
    RELATIONS,
    SETTING_PREFIX,
    child_insert_sql,
)
from orgdesk.storage.errors import CorruptFile, name_of
from orgdesk.storage.file_format import SCHEMA_VERSION
from orgdesk.storage.mapping import (
    Rows,
    organisation_from_rows,
    table_rows,
)
from orgdesk.storage.scenario_table import (
    DEFAULT_NAME,
    MAX_NAME_LENGTH,
    SCENARIO_TABLE,
    SCENARIOS_FORMAT,
    chosen_by,
)

DEPARTMENTS_TABLE, POSITIONS_TABLE, RELATIONS_TABLE = DEPARTMENTS.name, POSITIONS.name, RELATIONS.name
#: The implicit scenario's id while the table is empty.
FIRST_ID = 1
_INT_MIN, _INT_MAX = -(2 ** 63), 2 ** 63 - 1

#: The page cache a connection that switches scenarios gets, in KiB.
SWITCH_CACHE_KIB = 65536

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


@dataclass(frozen=True, slots=True)
class ScenarioInfo:
    """One scenario of a document, as the scenario box lists it."""

    id: int
    name: str
    ordinal: int
    active: bool


@dataclass(frozen=True, slots=True)
class _Layout:
    """A stored table of the current format: name, value types of each column, key width."""

    name: str
    value_types: tuple[tuple[type, ...], ...]
    key_width: int  # 1 for an entity table (id), 2 for a list table (position_id, seq)
    id_columns: tuple[int, ...]  # indexes of the columns holding ids (must be positive)
    insert_sql: str


def _layouts() -> tuple[_Layout, ...]:
    layouts = []
    for table in ENTITY_TABLES:
        ids = tuple(i for i, c in enumerate(table.columns) if c.primary_key or c.references)
        layouts.append(_Layout(table.name, table.value_types(), 1, ids, table.insert_sql()))
        layouts.extend(_Layout(child.name, child.value_types(), 2, (0,), child_insert_sql(child))
                       for child in table.children)
    return tuple(layouts)


LAYOUTS = _layouts()


# ------------------------------------------------------------------ listing
def list_scenarios(conn: sqlite3.Connection, where: Path | None = None) -> list[ScenarioInfo]:
    """The document's scenarios in their order; CorruptFile unless exactly one is active."""
    rows = conn.execute(f"SELECT id, name, ordinal, snapshot IS NULL FROM {SCENARIO_TABLE} "
                        "ORDER BY ordinal, id").fetchall()
    if not rows:
        return [ScenarioInfo(FIRST_ID, DEFAULT_NAME, 0, True)]
    if sum(1 for row in rows if row[3]) != 1:
        raise damaged_scenarios(where)
    return [ScenarioInfo(row[0], row[1], row[2], bool(row[3])) for row in rows]


def damaged_scenarios(where: Path | None) -> CorruptFile:
    return CorruptFile(where or Path("document"), Sentence.of(
        "{file} is damaged: its list of scenarios does not say which one is open.",
        file=name_of(where or Path("document"))))


def check_rows(rows: Rows, where: Path) -> None:
    """The scenario rows of a file read whole (`mapping.fetch_rows`): exactly one active, and
    names the editor could have given (a crafted megabyte of text would sit in the toolbar)."""
    stored = rows.get(SCENARIO_TABLE, [])
    if stored and sum(1 for row in stored if row[3] is None) != 1:
        raise damaged_scenarios(where)
    for row in stored:
        name = row[1]
        if not (0 < len(name) <= MAX_NAME_LENGTH and name == name.strip()
                and not has_control_characters(name)):
            raise CorruptFile(where, Sentence.of(
                "{file} is damaged: one of its scenarios has a name orgdesk cannot show.",
                file=name_of(where)))


def has_control_characters(name: str) -> bool:
    """Whether `name` holds a control, format or unassigned character (Unicode "C*")."""
    return any(unicodedata.category(ch)[0] == "C" for ch in name)


def materialise(conn: sqlite3.Connection) -> None:
    """Give the implicit only scenario its row, so others can be added beside it."""
    if conn.execute(f"SELECT 1 FROM {SCENARIO_TABLE} LIMIT 1").fetchone() is None:
        conn.execute(f"INSERT INTO {SCENARIO_TABLE} (id, name, ordinal, snapshot) "
                     "VALUES (?, ?, 0, NULL)", (FIRST_ID, DEFAULT_NAME))


def next_id(conn: sqlite3.Connection) -> int:
    highest = conn.execute(f"SELECT max(id) FROM {SCENARIO_TABLE}").fetchone()[0]
    return FIRST_ID + 1 if highest is None else int(highest) + 1


def stored_snapshot(conn: sqlite3.Connection, sid: int) -> str | None:
    row = conn.execute(f"SELECT snapshot FROM {SCENARIO_TABLE} WHERE id = ?", (sid,)).fetchone()
    return None if row is None else row[0]


def insert(conn: sqlite3.Connection, sid: int, name: str, ordinal: int,
           snapshot: str | None) -> None:
    conn.execute(f"INSERT INTO {SCENARIO_TABLE} (id, name, ordinal, snapshot) "
                 "VALUES (?, ?, ?, ?)", (sid, name, ordinal, snapshot))


def delete(conn: sqlite3.Connection, sid: int) -> None:
    conn.execute(f"DELETE FROM {SCENARIO_TABLE} WHERE id = ?", (sid,))


def rename(conn: sqlite3.Connection, sid: int, name: str) -> None:
    conn.execute(f"UPDATE {SCENARIO_TABLE} SET name = ? WHERE id = ?", (name, sid))


def set_order(conn: sqlite3.Connection, ordered: Iterable[int]) -> None:
    """Number the scenarios 0, 1, 2 … in the order of `ordered` (every id once)."""
    conn.executemany(f"UPDATE {SCENARIO_TABLE} SET ordinal = ? WHERE id = ?",
                     [(ordinal, sid) for ordinal, sid in enumerate(ordered)])


# ---------------------------------------------------------------- snapshots
def snapshot_of(org: Organisation) -> str:
    """The JSON snapshot of `org` (see the module docstring): its rows in every table."""
    return snapshot_parts(org)[0]


@dataclass(frozen=True)
class Loaded:
    """A scenario's organisation with the rows that store it (read from a snapshot, or
    kept from when it was left)."""

    org: Organisation
    rows: Rows
    settings: list[tuple[str, str]]
    #: The snapshot text these rows were read from or stored as.
    text: str | None = None


def snapshot_parts(org: Organisation, installed: Loaded | None = None) -> tuple[str, Loaded]:
    """`org`'s snapshot text, and `org` with its rows (what a later switch back installs).

    `installed` is what the tables were filled from when `org` was switched to:
    if nothing changed since (a look at another scenario and back), its text is
    the snapshot again and is not encoded anew (a third of a 10,000-position switch).
    """
    rows: Rows = {table.name: list(table.rows) for table in table_rows(org)}
    settings = [(SETTING_PREFIX + name, dump_setting(value))
                for name, value in sorted(org.settings.items())]
    if installed is not None and installed.text is not None and installed.rows == rows \
            and installed.settings == settings:
        text = installed.text
    else:
        text = _ENCODER.encode({"format": SCHEMA_VERSION, "tables": rows,
                                "settings": dict(settings)})
    return text, Loaded(org, rows, settings, text)


def load_snapshot(text: object, info: DocumentInfo, where: Path) -> Loaded:
    """Validate a stored snapshot and build its organisation (with the document's `info`).

    A snapshot comes from a file, so anything in it may be hostile: its
    shape, every value's type, the keys' order (the builders group list rows
    by position and rely on it) and everything the entities check.  Any
    problem is one CorruptFile sentence; nothing is written before this passes.
    """
    problem = CorruptFile(where, Sentence.of(
        "{file} is damaged: one of its scenarios cannot be read.", file=name_of(where)))
    try:
        if not isinstance(text, str):
            raise problem
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != SCHEMA_VERSION:
            raise problem
        tables, settings = data.get("tables"), data.get("settings")
        if not isinstance(tables, dict) or set(tables) != {layout.name for layout in LAYOUTS} \
                or not isinstance(settings, dict):
            raise problem
        rows: Rows = {}
        for layout in LAYOUTS:
            rows[layout.name] = _checked_rows(tables[layout.name], layout, problem)
        meta: list[tuple[str, str]] = []
        for key, value in settings.items():
            if not (isinstance(value, str) and key.startswith(SETTING_PREFIX)):
                raise problem
            meta.append((key, value))
        rows[META_TABLE] = [*_info_rows(info), *sorted(meta)]
        org = organisation_from_rows(rows)
    except CorruptFile:
        raise
    except InvalidSetting as exc:
        raise CorruptFile(where, Sentence.of(
            "{file} is damaged: a scenario's setting “{setting}” is invalid.",
            file=name_of(where), setting=exc.setting)) from exc
    except (UserError, ValueError, TypeError, LookupError, ArithmeticError,
            RecursionError, AttributeError) as exc:
        raise problem from exc
    org.info = info
    return Loaded(org, rows, sorted(meta), text)


def _info_rows(info: DocumentInfo) -> list[tuple[str, str]]:
    return [(key, convert[0](getattr(info, key))) for key, convert in INFO_KEYS.items()]


def _checked_rows(value: Any, layout: _Layout, problem: CorruptFile) -> list[tuple[Any, ...]]:
    """A table's rows from a snapshot, each checked to be what its columns store.

    Column by column over the transposed rows, so every test runs in C: a
    10,000-position snapshot has 120,000 rows.
    """
    if not isinstance(value, list):
        raise problem
    width = len(layout.value_types)
    if value and (set(map(type, value)) != {list} or set(map(len, value)) != {width}):
        raise problem
    rows = list(map(tuple, value))
    columns = list(zip(*rows)) if rows else [()] * width
    for index, (allowed, column) in enumerate(zip(layout.value_types, columns)):
        kinds = set(map(type, column))
        if not kinds <= set(allowed):
            raise problem  # bool is not int here: JSON true never passes for a number
        if int in kinds:
            numbers = column if type(None) not in kinds else \
                [v for v in column if v is not None]
            if min(numbers) < _INT_MIN or max(numbers) > _INT_MAX:
                raise problem
            if index in layout.id_columns and min(numbers) <= 0:
                raise problem
    keys = columns[0] if layout.key_width == 1 else list(zip(columns[0], columns[1]))
    if any(map(operator.ge, keys, keys[1:])):
        raise problem  # out of key order or repeated: the builders would misgroup them
    return rows


# ------------------------------------------------------------------ switching
def _prepare(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA defer_foreign_keys = ON")
    # A switch may change every page of the document: with SQLite's default 2 MB
    # cache a 10,000-position switch spills dirty pages (each spill one more
    # journal sync) and reads them back; a larger cache for this connection avoids it.
    if conn.execute("PRAGMA cache_size").fetchone()[0] > -SWITCH_CACHE_KIB:
        conn.execute(f"PRAGMA cache_size = -{SWITCH_CACHE_KIB}")


def _write_settings(conn: sqlite3.Connection, settings: list[tuple[str, str]]) -> None:
    # The settings' meta keys: 'setting.' up to (not including) 'setting/' ('/' follows '.').
    upper = SETTING_PREFIX[:-1] + chr(ord(SETTING_PREFIX[-1]) + 1)
    conn.execute(f"DELETE FROM {META_TABLE} WHERE key >= ? AND key < ?",
                 (SETTING_PREFIX, upper))
    conn.executemany(f"INSERT INTO {META_TABLE} (key, value) VALUES (?, ?)", settings)


def install(conn: sqlite3.Connection, loaded: Loaded) -> None:
    """Replace the organisation in the tables by `loaded`'s, in the connection's transaction."""
    _prepare(conn)
    for layout in reversed(LAYOUTS):  # list tables and relations before what they reference
        conn.execute(f"DELETE FROM {layout.name}")
    for layout in LAYOUTS:
        table = loaded.rows[layout.name]
        if table:
            conn.executemany(layout.insert_sql, table)
    _write_settings(conn, loaded.settings)


@dataclass
class _Delta:
    """One table's rows to go (removed or changed) and to come (added or changed), by key."""

    gone: list[Any]
    changed: list[Any]  # target rows of keys in both whose values differ
    added: list[Any]  # target rows of new keys


def _delta(layout: _Layout, current: list[Any], target: list[Any]) -> _Delta:
    """What differs between two versions of one table (rows as tuples).

    Set differences of whole rows, in C: a scenario made from another shares
    almost every row, so only the few that differ are looked at by key.
    """
    if current == target:
        return _Delta([], [], [])
    old_rows = set(current).difference(target)
    new_rows = set(target).difference(current)
    key = itemgetter(*range(layout.key_width))
    new_by_key = {key(row): row for row in new_rows}
    old_keys = {key(row) for row in old_rows}
    return _Delta([k for k in old_keys if k not in new_by_key],
                  [row for k, row in new_by_key.items() if k in old_keys],
                  [row for k, row in new_by_key.items() if k not in old_keys])


def install_changes(conn: sqlite3.Connection, current: Organisation, current_rows: Rows,
                    loaded: Loaded) -> None:
    """Turn the tables from `current` (stored as `current_rows`) into `loaded`, writing only
    the rows that differ: a scenario made from another shares most of its rows.

    The order keeps every immediate constraint (RESTRICT on a superior, UNIQUE
    department names) and lets the deferred foreign keys settle at the commit:
    rows that go or change leave the list tables and relations first; changed
    departments take a provisional name; positions change, the removed ones go
    deepest first, new ones come; departments take their final values; then
    relations and list rows come back.  Every changed row is written whole, so a
    cascade (SET NULL) on the way cannot leave anything behind.
    """
    _prepare(conn)
    deltas = {layout.name: _delta(layout, current_rows[layout.name], loaded.rows[layout.name])
              for layout in LAYOUTS}
    lists = [layout for layout in LAYOUTS if layout.key_width == 2]
    for layout in lists:
        delta = deltas[layout.name]
        keys = [*delta.gone, *((row[0], row[1]) for row in delta.changed)]
        conn.executemany(f"DELETE FROM {layout.name} WHERE position_id = ? AND seq = ?", keys)
    entity = {table.name: table for table in ENTITY_TABLES}

    def drop(name: str, keys: list[Any]) -> None:
        key = entity[name].key.name
        conn.executemany(f"DELETE FROM {name} WHERE {key} = ?", [(k,) for k in keys])

    def update(name: str, rows: list[Any]) -> None:
        table = entity[name]
        names = table.column_names
        conn.executemany(table.update_sql(names), [(*row, row[0]) for row in rows])

    relations, departments, positions = (deltas[RELATIONS_TABLE], deltas[DEPARTMENTS_TABLE],
                                         deltas[POSITIONS_TABLE])
    drop(RELATIONS_TABLE, [*relations.gone, *(row[0] for row in relations.changed)])
    name_column = entity[DEPARTMENTS_TABLE].column_names.index("name")
    conn.executemany(f"UPDATE {DEPARTMENTS_TABLE} SET name = ? WHERE id = ?",
                     [(f"\x00{row[0]}", row[0]) for row in departments.changed
                      if row[name_column] is not None])
    drop(DEPARTMENTS_TABLE, departments.gone)
    update(POSITIONS_TABLE, positions.changed)
    levels = current.levels()
    drop(POSITIONS_TABLE, sorted(positions.gone, key=lambda pid: -levels.get(pid, 0)))
    layouts = {layout.name: layout for layout in LAYOUTS}
    conn.executemany(layouts[POSITIONS_TABLE].insert_sql, positions.added)
    update(DEPARTMENTS_TABLE, departments.changed)
    conn.executemany(layouts[DEPARTMENTS_TABLE].insert_sql, departments.added)
    conn.executemany(layouts[RELATIONS_TABLE].insert_sql,
                     [*relations.changed, *relations.added])
    for layout in lists:
        delta = deltas[layout.name]
        conn.executemany(layout.insert_sql, [*delta.changed, *delta.added])
    _write_settings(conn, loaded.settings)


def switch(conn: sqlite3.Connection, current: Organisation, active_id: int, target_id: int,
           where: Path, kept: Loaded | None = None, installed: Loaded | None = None
           ) -> tuple[Loaded, Loaded]:
    """Make `target_id` the active scenario: (the target, the scenario left).

    `current` is the active organisation (equal to the tables).  The target is
    validated and built first — or taken from `kept`, the target as this
    process left it, when its stored snapshot is still exactly that — then,
    in the caller's transaction, the current one becomes a snapshot (`installed`:
    what its tables were filled from) and the target's rows fill the tables.
    """
    stored = stored_snapshot(conn, target_id)
    if kept is not None and kept.text is not None and kept.text == stored:
        target = kept
        target.org.info = current.info
    else:
        target = load_snapshot(stored, current.info, where)
    text, left = snapshot_parts(current, installed)
    conn.execute(f"UPDATE {SCENARIO_TABLE} SET snapshot = ? WHERE id = ?", (text, active_id))
    conn.execute(f"UPDATE {SCENARIO_TABLE} SET snapshot = NULL WHERE id = ?", (target_id,))
    install_changes(conn, current, left.rows, target)
    return target, left


def organisation_of(conn: sqlite3.Connection, active: Organisation, name: str,
                    where: Path) -> Organisation:
    """The organisation of the scenario called `name` in a file read whole (`active` is its
    active one); UnknownScenario with the names there are if it has none of that name."""
    listed = list_scenarios(conn, where)
    at = chosen_by([s.name for s in listed], name)
    if at is None:
        raise unknown_scenario(name, [s.name for s in listed])
    scenario = listed[at]
    if scenario.active:
        return active
    return load_snapshot(stored_snapshot(conn, scenario.id), active.info, where).org


def scenario_problems(path: Path, active: Organisation) -> list[str]:
    """For `orgdesk check`: one sentence for each stored scenario of `path` that cannot be
    read (`active` is its open organisation, read and checked already)."""
    from orgdesk.storage import intake

    def problems(conn: sqlite3.Connection, version: int) -> list[str]:
        if version < SCENARIOS_FORMAT:
            return []
        found: list[str] = []
        for scenario in list_scenarios(conn, path):
            if scenario.active:
                continue
            try:
                load_snapshot(stored_snapshot(conn, scenario.id), active.info, path)
            except CorruptFile:
                found.append(Sentence.of("The scenario “{name}” cannot be read.",
                                         name=scenario.name))
        return found

    return intake.read_validated(path, problems)


class UnknownScenario(UserError):
    """A scenario named that does not exist in the document."""


def unknown_scenario(name: str, names: list[str]) -> UnknownScenario:
    return UnknownScenario(Sentence.of(
        "The document has no scenario named “{name}”; it has {names}.",
        name=name, names=", ".join(f"“{n}”" for n in names)))


# ------------------------------------------------------------------ upgrades
def rewrite_snapshots(conn: sqlite3.Connection,
                      change: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """For a later format's upgrade step: rewrite every stored snapshot's JSON object
    (`change` returns it in the new format's layout, with the new "format")."""
    for sid, text in conn.execute(f"SELECT id, snapshot FROM {SCENARIO_TABLE} "
                                  "WHERE snapshot IS NOT NULL").fetchall():
        conn.execute(f"UPDATE {SCENARIO_TABLE} SET snapshot = ? WHERE id = ?",
                     (_ENCODER.encode(change(json.loads(text))), sid))
