"""Reading an untrusted `.orgdesk` file into an Organisation, without opening it for editing.

Used by the read-only commands (`info`, `check`, exports), by opening (the
contents of a fresh working copy are loaded once through here) and by
recovery, which validates a left-over working copy like any file.  Kept apart
from `document` so that `recovery` can read without importing the module
that opens documents (which imports `recovery`).
"""
from __future__ import annotations

import sqlite3
import sys
from contextvars import ContextVar
from pathlib import Path

from orgdesk.core.collector import collector_paused
from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import InvalidSetting
from orgdesk.storage import checksum, intake, migrations
from orgdesk.storage.errors import CorruptFile, name_of
from orgdesk.storage.mapping import driver, fetch_rows, organisation_from_rows
from orgdesk.storage.scenarios import check_rows as check_scenario_rows


def _validated_copy(source: Path, destination: sqlite3.Connection) -> int:
    """Check `source` and copy its rows into the empty `destination`; return its format.

    The destination gets orgdesk's own schema and the file's rows, never the
    file's pages (see intake): a trigger smuggled into the file cannot reach it.
    """
    return intake.copy_validated(source, destination)


def _rows_are_sound(conn: sqlite3.Connection) -> bool:
    """Every value has its column's declared type, every id is positive, no key dangles.

    The rows were checked in the file's image before they were copied; this
    repeats the check on a copy (a working copy offered for recovery, say).
    """
    if intake.value_problem(conn, Path()) is not None:
        return False
    return conn.execute("PRAGMA foreign_key_check").fetchone() is None


_READING_ERRORS: tuple[type[BaseException], ...] = (
    sqlite3.Error, UserError, ValueError, TypeError, AttributeError, LookupError,
    ArithmeticError, RecursionError)


def _reading_errors() -> tuple[type[BaseException], ...]:
    """What reading a file's rows may raise because of the file (see _load_untrusted).

    SQLAlchemy's errors count only once SQLAlchemy is loaded (a session opened
    the working copy): an export reads the file without importing it at all.
    """
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is None:
        return _READING_ERRORS
    return (*_READING_ERRORS, sqlalchemy_exc.SQLAlchemyError)


def _load_untrusted(conn: sqlite3.Connection, path: Path, rows_checked: bool = False,
                    verify_checksum: bool = False) -> Organisation:
    """Load a document copied from an untrusted file; bad rows raise CorruptFile.

    Anything a crafted value can make Python raise while the rows become an
    Organisation (a bad date, an unknown kind, text that is not UTF-8, an
    absurd size) is the file's fault, so it is reported as one sentence; a
    bad document setting is named in it.  With `verify_checksum`, rows that do
    not match the checksum saved with them are refused (see storage.checksum).
    """
    problem = intake.contents_damaged(path)
    try:
        if not rows_checked and not _rows_are_sound(conn):
            raise problem
        with collector_paused():  # every row and entity lives on: see core/collector.py
            rows = fetch_rows(conn)
            if verify_checksum:
                checksum.verify(rows, path)
            check_scenario_rows(rows, path)
            return organisation_from_rows(rows)
    except CorruptFile:
        raise
    except InvalidSetting as exc:
        raise CorruptFile(path, Sentence.of(
            "{file} is not a valid orgdesk file: its document setting “{setting}” is invalid.",
            file=name_of(path), setting=exc.setting)) from exc
    except MemoryError:
        raise CorruptFile(path, Sentence.of(
            "{file} is too large to read in the memory available.", file=name_of(path))) from None
    except _reading_errors() as exc:
        if exc is problem:
            raise
        raise problem from exc


def _check_contents(working: Path, path: Path, rows_checked: bool = False,
                    verify_checksum: bool = False) -> Organisation:
    """Load the working copy of `path` once, so a bad file fails at open.

    `rows_checked`: the copy was just made by `_validated_copy`, which checked
    every value in the file's image, so the type and id scan is not repeated.
    """
    # Here, not at the top: the ORM costs a tenth of a second to import, and the
    # commands that only read a file (exports, info, check) never need it.
    from sqlalchemy.orm import Session

    from orgdesk.storage.engine import working_engine

    engine = working_engine(working)
    try:
        with Session(engine) as session:
            return _load_untrusted(driver(session), path, rows_checked, verify_checksum)
    finally:
        engine.dispose()


#: The scenario read-only commands read (`--scenario NAME` on the command line); None:
#: the one the file has open.  See orgdesk.storage.scenarios.
SCENARIO: ContextVar[str | None] = ContextVar("scenario", default=None)


def _scenario_of(conn: sqlite3.Connection, org: Organisation, path: Path) -> Organisation:
    name = SCENARIO.get()
    if name is None:
        return org
    from orgdesk.storage.scenarios import organisation_of

    return organisation_of(conn, org, name, path)


def read_organisation(path: Path, verify_checksum: bool = True) -> Organisation:
    """Load a document without opening it for editing (CLI info/check, exports).

    A current-format file is read straight from its checked in-memory image;
    an older one is copied into memory and upgraded there.  A file whose rows
    do not match the checksum saved with them is refused; `verify_checksum`
    is False only for orgdesk's own working copies, whose checksum is that of
    the last save while they hold newer edits.
    """
    path = Path(path)

    def load_current(image: sqlite3.Connection, version: int) -> Organisation | None:
        if version != migrations.SCHEMA_VERSION:
            return None
        return _scenario_of(image, _load_untrusted(image, path, rows_checked=True,
                                                   verify_checksum=verify_checksum), path)

    loaded = intake.read_validated(path, load_current)
    if loaded is not None:
        return loaded
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        version = _validated_copy(path, memory)
        if verify_checksum:
            checksum.verify(checksum.schema_rows(memory, version), path)
        migrations.upgrade(memory, path)
        migrations.check_schema(memory, path)
        return _scenario_of(memory, _load_untrusted(memory, path, rows_checked=False), path)
    finally:
        memory.close()
