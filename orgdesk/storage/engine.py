"""SQLAlchemy engines on working copies, with the pragmas every connection needs."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from orgdesk.storage.sqlite_file import harden


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Autocommit at the driver level; SQLAlchemy's "begin" event below issues
    # the BEGIN itself, so a Session transaction is exactly one SQLite transaction.
    dbapi_conn.isolation_level = None
    harden(dbapi_conn)
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # A user's document must be one file: rollback journal, never WAL side files.
    cursor.execute("PRAGMA journal_mode = DELETE")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def working_engine(path: Path) -> Engine:
    """An engine on a working copy, holding one connection for the document's lifetime.

    Every edit then runs on the same connection (no connect and pragmas per
    keystroke); StaticPool's dispose() really closes the file.
    """
    engine = create_engine(f"sqlite:///{path}", poolclass=StaticPool)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


#: SQLite result codes (the low byte of an extended code) that mean the disk, not the data.
SQLITE_IOERR = 10
SQLITE_FULL = 13


def disk_error_kind(exc: BaseException) -> str | None:
    """"full" or "io" when `exc` (sqlite3 or SQLAlchemy) says the disk failed, else None."""
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException):
        exc = orig
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # older Pythons: only the message says which
        text = str(exc).lower()
        return "full" if "full" in text else "io" if "disk i/o" in text else None
    code &= 0xFF
    return "full" if code == SQLITE_FULL else "io" if code == SQLITE_IOERR else None
