"""Bulk inserts on a thread of their own, for a document written in one go.

SQLite does an INSERT's work with Python's GIL released, so while one
thread runs `executemany` on a batch, the other can build, check and hash
the next batch: on two cores a new 100,000-position document is written in
the time of the slower half instead of the sum of both.  The connection must
be opened with `check_same_thread=False`, and nothing else may use it until
the block ends.
"""
from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Sequence
from types import TracebackType
from typing import Any

#: Batches waiting for the writer at most: enough to keep it busy, little memory.
_DEPTH = 4


class BackgroundInserts:
    """`with BackgroundInserts(conn) as inserts: inserts.put(sql, rows)` — each batch is
    inserted in order on the writer thread; the first error is raised in the caller's
    thread (at the next `put`, else when the block ends)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._queue: queue.Queue[tuple[str, Sequence[tuple[Any, ...]]] | None] = \
            queue.Queue(_DEPTH)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="orgdesk-inserts", daemon=True)

    def __enter__(self) -> BackgroundInserts:
        self._thread.start()
        return self

    def put(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put((sql, rows))

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None:  # after an error the rest is drained, not inserted
                try:
                    self._conn.executemany(*item)
                except BaseException as exc:  # noqa: BLE001  # raised again in the caller's thread
                    self._error = exc

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None and kind is None:
            raise self._error


class InlineInserts:
    """The same interface, inserting in the caller's thread (any connection)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> InlineInserts:
        return self

    def put(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        self._conn.executemany(sql, rows)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        return None
