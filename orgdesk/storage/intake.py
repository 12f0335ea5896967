"""Taking an untrusted file's rows into a database of ours, and nothing else.

The user's file is never opened in place and nothing from its schema ever
runs: its bytes become a private in-memory image attached as `untrusted`,
SQLite's own check and an exact schema comparison run on the image, every
value's type and every id's range are checked, and only then does the
destination get *our* schema for the file's format, filled table by table
with `INSERT … SELECT`.  A trigger or view in the file — even one that got
past the schema comparison — stays in the image, which is thrown away, so it
can never fire on an edit or reach the user's next save.
"""
from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from orgdesk.core.errors import Sentence
from orgdesk.storage import migrations
from orgdesk.storage.errors import CorruptFile, FileProblem, WorkingCopyProblem, name_of
from orgdesk.storage.file_format import APPLICATION_ID
from orgdesk.storage.sqlite_file import (
    attach_image,
    check_answers,
    connect_readonly,
    image_connection,
    lenient_text,
    read_header,
    read_image,
)

T = TypeVar("T")

#: The schema name the image is attached under.
UNTRUSTED = "untrusted"

# Primary result codes (the low byte of an extended code) that mean the
# destination, not the file, failed: the image is in memory and only read.
_SQLITE_NOMEM = 7
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_CONSTRAINT = 19


#: How integrity_check words a broken CHECK or NOT NULL constraint.
_CONSTRAINT_ANSWERS = ("CHECK constraint failed in ", "NULL value in ")


def damaged(path: Path) -> CorruptFile:
    return CorruptFile(path, Sentence.of("{file} is damaged and cannot be read.",
                                         file=name_of(path)))


def contents_damaged(path: Path) -> CorruptFile:
    return CorruptFile(path, Sentence.of(
        "{file} is not a valid orgdesk file: its contents are damaged.", file=name_of(path)))


def _bad_id(path: Path) -> CorruptFile:
    return CorruptFile(path, Sentence.of(
        "{file} is not a valid orgdesk file: it holds an id that is not a positive whole "
        "number.", file=name_of(path)))


def _columns(conn: sqlite3.Connection, schema: str, table: str
             ) -> tuple[list[tuple[str, str, bool]], set[str]]:
    """(name, storage class, nullable) of each column, and the names of id columns.

    Id columns are a table's single INTEGER primary key and every foreign
    key: the values the tree, the chart and Graphviz node names are built on.
    """
    info = conn.execute(f'PRAGMA {schema}.table_info("{table}")').fetchall()
    columns = [(name, "integer" if "INT" in (decl or "").upper() else "text", not notnull)
               for _cid, name, decl, notnull, _default, _pk in info]
    keys = [name for _cid, name, _decl, _nn, _default, pk in info if pk]
    ids = {row[3] for row in conn.execute(f'PRAGMA {schema}.foreign_key_list("{table}")')}
    if len(keys) == 1 and {c[0]: c[1] for c in columns}[keys[0]] == "integer":
        ids.add(keys[0])
    return columns, ids


def value_problem(conn: sqlite3.Connection, path: Path, schema: str = "main",
                  version: int | None = None) -> CorruptFile | None:
    """The first value of the wrong type or id out of range, as an error; None when sound.

    SQLite stores a BLOB or a REAL in any column unless the table is STRICT,
    and a crafted file may hold `-1` or `0` as an id (a negative id crashed
    the tree view).  SQLite integers never exceed 2⁶³−1, so an integer
    type and a lower bound of 1 make an id valid.
    """
    for kind, table, _tbl, _sql in migrations.expected_schema(version):
        if kind != "table":
            continue
        columns, ids = _columns(conn, schema, table)
        wrong_type = " OR ".join(
            f"""typeof("{name}") NOT IN ('{storage}'{", 'null'" if nullable else ""})"""
            for name, storage, nullable in columns) or "0"
        bad_id = " OR ".join(f'"{name}" < 1' for name in sorted(ids)) or "0"
        row = conn.execute(f'SELECT {wrong_type}, {bad_id} FROM {schema}."{table}" '
                           f"WHERE {wrong_type} OR {bad_id} LIMIT 1").fetchone()
        if row is not None:
            return contents_damaged(path) if row[0] else _bad_id(path)
    return None


def _destination_error(destination: sqlite3.Connection, path: Path,
                       exc: sqlite3.Error) -> FileProblem | None:
    """A sentence for a failure of the destination (full disk, I/O), not of the file."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    try:
        in_memory = not destination.execute("PRAGMA main.database_list").fetchone()[2]
    except sqlite3.Error:
        in_memory = True
    if code == _SQLITE_NOMEM or (in_memory and code == _SQLITE_FULL):
        return CorruptFile(path, Sentence.of(
            "{file} is too large to read in the memory available.", file=name_of(path)))
    if code == _SQLITE_FULL:
        return WorkingCopyProblem(path, Sentence.of(
            "There is no room to open {file}: the disk holding orgdesk's working copies is "
            "full; {file} itself is intact.", file=name_of(path)))
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_READONLY):
        return WorkingCopyProblem(path, Sentence.of(
            "{file} could not be opened because orgdesk's working copy could not be written "
            "({reason}); {file} itself is intact.", file=name_of(path), reason=exc))
    return None


def _copy_rows(destination: sqlite3.Connection, path: Path, version: int) -> None:
    """Create format `version`'s schema in the empty destination and copy every table."""
    rows = migrations.expected_schema(version)
    tables = [(name, sql) for kind, name, _tbl, sql in rows if kind == "table" and sql]
    indexes = [sql for kind, _name, _tbl, sql in rows if kind == "index" and sql]
    destination.execute("BEGIN")
    try:
        for _name, sql in tables:
            destination.execute(sql)
        for name, _sql in tables:
            # Same CREATE statement on both sides (checked), so the columns line up.
            destination.execute(f'INSERT INTO main."{name}" SELECT * FROM {UNTRUSTED}."{name}"')
        for sql in indexes:  # built once over the full tables: faster than row by row
            destination.execute(sql)
        destination.execute(f"PRAGMA main.application_id = {APPLICATION_ID}")
        destination.execute(f"PRAGMA main.user_version = {int(version)}")
        if destination.execute("PRAGMA main.foreign_key_check").fetchone() is not None:
            raise contents_damaged(path)
        destination.execute("COMMIT")
    except BaseException:
        # Some errors (disk full, I/O) already rolled SQLite back.
        if destination.in_transaction:
            destination.execute("ROLLBACK")
        raise


def _validate(conn: sqlite3.Connection, source: Path, schema: str, full: bool) -> int:
    """Every check of an attached image; its file format when all pass."""
    answers = check_answers(conn, source, schema, full=full)
    if answers:
        # A CHECK or NOT NULL constraint broken by a crafted row is invalid
        # content; anything else SQLite reports is damage to the file.
        raise (contents_damaged(source) if all(a.startswith(_CONSTRAINT_ANSWERS)
                                               for a in answers) else damaged(source))
    version: int = conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0]
    migrations.check_version(version, source)
    migrations.check_schema(conn, source, version, schema)
    problem = value_problem(conn, source, schema, version)
    if problem is not None:
        raise problem
    return version


def _read_error(destination: sqlite3.Connection, source: Path, exc: sqlite3.Error
                ) -> FileProblem:
    known = _destination_error(destination, source, exc)
    if known is not None:
        return known
    if getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_CONSTRAINT:
        return contents_damaged(source)
    return damaged(source)


def open_validated(source: Path) -> tuple[sqlite3.Connection, int]:
    """A read-only connection to the checked image of `source`, and its file format.

    For reading without editing (`info`, `check`, exports): nothing is
    copied, and `query_only` guarantees that nothing in the image — a
    trigger that got past the schema comparison included — can write.  The
    full integrity_check runs, so every command refuses what `check` refuses.
    """
    read_header(source)
    conn = connect_readonly(source)
    try:
        with lenient_text(conn):
            version = _validate(conn, source, "main", full=True)
            if conn.execute("PRAGMA main.foreign_key_check").fetchone() is not None:
                raise contents_damaged(source)
    except sqlite3.Error as exc:
        error = _read_error(conn, source, exc)
        conn.close()
        raise error from None
    except BaseException:
        conn.close()
        raise
    return conn, version


#: Above this size the checks do not get a second image of their own (each
#: is a full copy in memory): they run first, then the rows are read.
PARALLEL_LIMIT = 256 << 20


class _Checks(threading.Thread):
    """Every check of `open_validated`, on an image of its own, in a thread.

    SQLite releases the GIL while it works, so integrity_check and the type,
    id and key scans (about half of a read's time) run while the caller's
    thread turns rows into entities.  `verdict` waits and raises what the
    checks found: the same errors, in the same order, as the checks run alone.
    """

    def __init__(self, data: bytes, source: Path) -> None:
        super().__init__(name="orgdesk-file-checks", daemon=True)
        self._data = data
        self._source = source
        self._problem: BaseException | None = None

    def run(self) -> None:
        try:
            conn = image_connection(self._data, self._source)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by verdict()
            self._problem = exc
            return
        try:
            with lenient_text(conn):
                _validate(conn, self._source, "main", full=True)
                if conn.execute("PRAGMA main.foreign_key_check").fetchone() is not None:
                    raise contents_damaged(self._source)
        except sqlite3.Error as exc:
            self._problem = _read_error(conn, self._source, exc)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by verdict()
            self._problem = exc
        finally:
            conn.close()
            self._data = b""

    def verdict(self) -> None:
        self.join()
        if self._problem is not None:
            raise self._problem


def read_validated(source: Path, load: Callable[[sqlite3.Connection, int], T]) -> T:
    """`load(connection, file format)` on the checked image of `source`, read-only.

    The same checks as `open_validated`, but they run on a second image in a
    thread while `load` reads the first (see _Checks); only the exact schema
    and version checks come first, so `load` never queries an object we did
    not create.  Whatever `load` returns or raises, the checks' verdict comes
    first: a damaged file is reported as damaged, never as what reading it did.
    """
    read_header(source)
    data = read_image(source)
    if len(data) > PARALLEL_LIMIT:
        conn, version = open_validated(source)
        try:
            return load(conn, version)
        finally:
            conn.close()
    checks = _Checks(data, source)
    checks.start()
    try:
        conn = image_connection(data, source)
        del data
        try:
            with lenient_text(conn):
                version = conn.execute("PRAGMA main.user_version").fetchone()[0]
                migrations.check_version(version, source)
                migrations.check_schema(conn, source, version)
            result = load(conn, version)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        checks.verdict()
        raise damaged(source) from exc
    except BaseException:
        checks.verdict()
        raise
    checks.verdict()
    return result


def copy_validated(source: Path, destination: sqlite3.Connection) -> int:
    """Check `source` and copy its rows into the empty `destination`; return its format.

    Raises a FileProblem sentence for every way the file can be wrong, and
    WorkingCopyProblem (the file is intact) when the destination cannot be
    written.  Opening for editing runs quick_check rather than the full
    integrity_check (about 0.12 s on 10,000 positions): what only the full
    check finds — index entries that disagree with their table's rows, or
    UNIQUE broken inside an index — cannot reach the working copy, whose
    indexes are rebuilt from the table rows and whose PRIMARY KEY and
    UNIQUE constraints refuse duplicates during the copy.
    """
    header = read_header(source)
    migrations.check_version(header.user_version, source)
    attach_image(destination, source, UNTRUSTED)
    try:
        with lenient_text(destination):
            version = _validate(destination, source, UNTRUSTED, full=False)
            _copy_rows(destination, source, version)
    except sqlite3.Error as exc:
        raise _read_error(destination, source, exc) from None
    finally:
        with contextlib.suppress(sqlite3.Error):
            destination.execute(f"DETACH DATABASE {UNTRUSTED}")
    return version
