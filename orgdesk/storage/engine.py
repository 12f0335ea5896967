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
