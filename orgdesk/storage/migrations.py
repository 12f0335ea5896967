"""Schema versions and the ordered upgrade steps between them.

Each step upgrades a file from version N to N+1 inside one transaction that
also sets `user_version`, so a file is always at exactly one version.  Steps
run only on the working copy, never on the user's file; the upgraded result
reaches the user's file only when they save.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

from orgdesk.core.errors import Sentence, sentence_of
from orgdesk.storage import schema_history
from orgdesk.storage.errors import CorruptFile, FileTooNew, FileTooOld, name_of
from orgdesk.storage.file_format import APPLICATION_ID
from orgdesk.storage.file_format import SCHEMA_VERSION as SCHEMA_VERSION  # read here: tests pretend others
from orgdesk.storage.sqlite_file import integrity_problems, schema_of

Step = Callable[[sqlite3.Connection], None]

def _released_statement(version: int, kind: str, name: str) -> str:
    """Format `version`'s frozen CREATE statement of the table or index `name`."""
    prefix = f"CREATE {kind.upper()} {name} "
    return next(sql for sql in schema_history.RELEASED[version] if sql.startswith(prefix))


#: The positions columns of format 1, in its CREATE order.
_POSITIONS_V1 = ("id", "superior_id", "sort_order", "title", "department_id", "kind", "level",
                 "planned_headcount", "headcount_note", "filled_headcount", "education",
                 "min_years", "age_min", "age_max", "other_requirements", "career_path", "notes")


#: Format 1's list tables, each (position_id, seq, values…) in the same column order in format 2.
_LIST_TABLES_V1 = ("duties", "languages", "skills", "kpis")


def _format_1_to_2(conn: sqlite3.Connection) -> None:
    """Format 2 adds positions.source_id ("" for every existing position) and holders,
    and stores the list tables WITHOUT ROWID.

    `ALTER TABLE … ADD COLUMN` would append the column after the table's
    constraints in the stored CREATE text, which then differs from the schema a
    new format-2 file has, and the exact schema comparison would refuse the
    upgraded file.  So the table is rebuilt from format 2's frozen statement
    (SQLite's documented procedure for other table changes) with foreign keys
    off — `upgrade` turns them off — so dropping it cascades nothing; the child
    tables' rows stay and point at the same ids, which `upgrade` checks after.
    """
    columns = ", ".join(_POSITIONS_V1)
    conn.execute(f"CREATE TEMP TABLE positions_format_1 AS SELECT {columns} FROM main.positions")
    conn.execute("DROP TABLE main.positions")  # its indexes go with it
    conn.execute(_released_statement(2, "table", "positions"))
    conn.execute(f"INSERT INTO main.positions ({columns}, source_id) "
                 f"SELECT {columns}, '' FROM temp.positions_format_1 ORDER BY id")
    conn.execute("DROP TABLE temp.positions_format_1")
    for index in ("ix_positions_department_id", "ix_positions_superior_id"):
        conn.execute(_released_statement(2, "index", index))
    # The list tables become WITHOUT ROWID: rebuilt the same way, rows in key order.
    for table in _LIST_TABLES_V1:
        conn.execute(f"CREATE TEMP TABLE {table}_format_1 AS SELECT * FROM main.{table}")
        conn.execute(f"DROP TABLE main.{table}")
        conn.execute(_released_statement(2, "table", table))
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM temp.{table}_format_1 "
                     "ORDER BY position_id, seq")
        conn.execute(f"DROP TABLE temp.{table}_format_1")
    conn.execute(_released_statement(2, "table", "holders"))


#: The positions columns of format 2, in its CREATE order.
_POSITIONS_V2 = ("id", "superior_id", "sort_order", "title", "source_id", "department_id", "kind",
                 "level", "planned_headcount", "headcount_note", "filled_headcount", "education",
                 "min_years", "age_min", "age_max", "other_requirements", "career_path", "notes")


def _format_2_to_3(conn: sqlite3.Connection) -> None:
    """Format 3 adds positions.pay_min, pay_max and on_cost_percent (0, "not set", for
    every existing position).

    The table is rebuilt from format 3's frozen statement, as in `_format_1_to_2` and
    for the same reason (ADD COLUMN would leave a CREATE text unlike a new file's);
    foreign keys are off, so the list tables' and relations' rows stay as they are.
    """
    columns = ", ".join(_POSITIONS_V2)
    conn.execute(f"CREATE TEMP TABLE positions_format_2 AS SELECT {columns} FROM main.positions")
    conn.execute("DROP TABLE main.positions")  # its indexes go with it
    conn.execute(_released_statement(3, "table", "positions"))
    conn.execute(f"INSERT INTO main.positions ({columns}, pay_min, pay_max, on_cost_percent) "
                 f"SELECT {columns}, 0, 0, 0 FROM temp.positions_format_2 ORDER BY id")
    conn.execute("DROP TABLE temp.positions_format_2")
    for index in ("ix_positions_department_id", "ix_positions_superior_id"):
        conn.execute(_released_statement(3, "index", index))


def _format_3_to_4(conn: sqlite3.Connection) -> None:
    """Format 4 adds the scenarios table, empty: the document's one scenario is the one in
    its tables, named `scenario_table.DEFAULT_NAME` (see orgdesk.storage.scenarios)."""
    conn.execute(_released_statement(4, "table", "scenarios"))


#: MIGRATIONS[n] upgrades a version-n file to version n+1.  Each step uses the
#: frozen statements of `schema_history`, never the current ORM, so it still
#: produces exactly format n+1 after later formats change the tables again.
MIGRATIONS: dict[int, Step] = {1: _format_1_to_2, 2: _format_2_to_3, 3: _format_3_to_4}

#: The oldest version this build can upgrade from.
OLDEST_SUPPORTED = 1


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the current schema in an empty database through the ORM metadata."""
    # Here, not at the top: reading a file (every export) checks it against the
    # frozen statements of its format and never needs SQLAlchemy (0.3 s to import).
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from orgdesk.storage.schema import METADATA

    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    try:
        with engine.begin() as sa_conn:
            METADATA.create_all(sa_conn)
    finally:
        engine.dispose(close=False)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def create_tables(conn: sqlite3.Connection) -> Callable[[], None]:
    """Create the current format's tables (not its indexes) in an empty database, from
    the frozen statements; returns the function that creates the indexes.

    For a document filled in one go: an index built over the finished table
    is a sort, cheaper than growing it row by row.  The result is the same
    schema `create_schema` makes (the check compares sets, not creation order).
    """
    statements = [(kind, sql) for kind, _name, _tbl, sql in expected_schema() if sql]
    for kind, sql in statements:
        if kind != "index":
            conn.execute(sql)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def create_indexes() -> None:
        for kind, sql in statements:
            if kind == "index":
                conn.execute(sql)

    return create_indexes


#: One row of `sqlite_schema`: type, name, table and the CREATE statement (None
#: for SQLite's automatic indexes of PRIMARY KEY and UNIQUE constraints).
SchemaRow = tuple[str, str, str, str | None]


def create_released_schema(conn: sqlite3.Connection, version: int) -> None:
    """Create file format `version`'s schema (the current one through the ORM)."""
    if version == SCHEMA_VERSION:
        create_schema(conn)
        return
    for statement in schema_history.RELEASED[version]:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {int(version)}")


@cache
def expected_schema(version: int | None = None) -> tuple[SchemaRow, ...]:
    """The schema a file of format `version` (default: the current one) has, exactly.

    Rows in creation order, so a copy can create the tables, fill them and
    create the indexes last.  Cached; tests that pretend to be another build
    clear the cache.  A released format's frozen statements make it (for the
    current format they equal what the ORM creates: a test compares them), so
    reading a file needs no SQLAlchemy.
    """
    version = SCHEMA_VERSION if version is None else version
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        if version in schema_history.RELEASED:
            for statement in schema_history.RELEASED[version]:
                conn.execute(statement)
        else:  # a format still being made (tests pretend one)
            create_released_schema(conn, version)
        return tuple(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid"))
    finally:
        conn.close()


def normalised(rows: tuple[SchemaRow, ...]) -> set[tuple[str, str, str, str]]:
    """Rows as `schema_of` reports them (whitespace in the SQL collapsed)."""
    return {(t, n, tbl, " ".join((sql or "").split())) for t, n, tbl, sql in rows}


def check_version(version: int, path: Path, steps: Mapping[int, Step] | None = None) -> None:
    """Refuse versions this build cannot open (newer, or older than any upgrade)."""
    steps = MIGRATIONS if steps is None else steps
    if version > SCHEMA_VERSION:
        raise FileTooNew(path, Sentence.of(
            "{file} was saved by a newer version of orgdesk (file format {version}, this "
            "version reads up to {supported}); please update orgdesk to open it.",
            file=name_of(path), version=version, supported=SCHEMA_VERSION))
    if version < SCHEMA_VERSION and any(v not in steps for v in range(version, SCHEMA_VERSION)):
        raise FileTooOld(path, Sentence.of(
            "{file} uses file format {version}, which this version of orgdesk can no longer "
            "upgrade.", file=name_of(path), version=version))


def check_schema(conn: sqlite3.Connection, path: Path, version: int | None = None,
                 schema: str = "main") -> None:
    """A file must hold exactly the tables and indexes of its format, nothing else.

    Extra objects (triggers, views, tables, indexes, whatever their name) are
    refused: they would run code from an untrusted file inside our
    transactions or be carried into the user's next save.
    """
    if schema_of(conn, schema) != normalised(expected_schema(version)):
        raise CorruptFile(path, Sentence.of("{file} is not a valid orgdesk file: its tables are"
                                            " not the ones orgdesk writes.",
                                            file=name_of(path)))


def upgrade(conn: sqlite3.Connection, path: Path, steps: Mapping[int, Step] | None = None,
            target: int | None = None) -> int:
    """Upgrade the working-copy connection `conn` step by step; return the old version.

    `steps` and `target` default to this module's MIGRATIONS and SCHEMA_VERSION as
    they are at call time (a default argument would freeze them at import).
    """
    steps = MIGRATIONS if steps is None else steps
    target = SCHEMA_VERSION if target is None else target
    start: int = conn.execute("PRAGMA user_version").fetchone()[0]
    if start == target:
        return start
    # Steps may rebuild a table (drop and create it again): with foreign keys on,
    # the drop would delete or refuse the rows that reference it.  The pragma is
    # a no-op inside a transaction, so it is set here, between them; the
    # foreign_key_check after the last step catches any step that broke them.
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        _run_steps(conn, path, steps, start, target)
    finally:
        conn.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")
    problems = integrity_problems(conn)
    if problems:
        raise CorruptFile(path, Sentence.of("{file} could not be upgraded: {problem}.",
                                            file=name_of(path), problem=problems[0]))
    return start


def _run_steps(conn: sqlite3.Connection, path: Path, steps: Mapping[int, Step], start: int,
               target: int) -> None:
    """Steps start … target-1, each in its own transaction stamped with its new version."""
    for version in range(start, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            steps[version](conn)
            if not conn.in_transaction:
                # executescript() or an explicit COMMIT ended the step's transaction:
                # its work is no longer atomic, so do not stamp the new version on it.
                raise RuntimeError(f"upgrade step {version} ended its own transaction; "
                                   "steps must not COMMIT or call executescript()")
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except Exception as exc:
            # Some errors (disk full, I/O) already rolled SQLite back: a second
            # ROLLBACK would raise and hide the real error.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                # The file's own data broke the step (a new constraint, say): typed error.
                raise CorruptFile(path, Sentence.of("{file} could not be upgraded to file "
                                                    "format {version}: {reason}.",
                                                    file=name_of(path), version=version + 1,
                                                    reason=sentence_of(exc))) from exc
            raise
