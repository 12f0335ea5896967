"""A checksum of a document's rows, so changes made outside orgdesk are noticed.

SQLite's own checks find damage to the file's structure, not a flipped
byte inside a text: such a file opens with silently altered content.  So
every Save (and every new file) stores in meta a BLAKE2b-256 digest of the
canonical row stream, and every read of a user's file recomputes it from the
rows it reads anyway.  The stream is defined by the file's schema, not by
this build's classes, so a later orgdesk can still verify an older file
before upgrading it:

    for each table in name order: the UTF-8 bytes of the JSON text
    [table, rows] (no spaces, non-ASCII as is), where rows are all of the
    table's columns in CREATE order, sorted by its primary key; the meta
    table without the checksum row itself.

Values are only integers, texts and NULL (the type check before guarantees
it), whose JSON form is fixed.  A file without a checksum (saved by an older
orgdesk, or written by another program) is read as before; one whose
checksum does not match is refused.  Someone who edits a file with the
sqlite3 shell on purpose can delete the checksum row to have it accepted.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgdesk.core.errors import Sentence
from orgdesk.storage import migrations
from orgdesk.storage.columns import META_TABLE
from orgdesk.storage.errors import CorruptFile, name_of
from orgdesk.storage.mapping import (
    Rows,
    TableRows,
    fetch_rows,
    meta_rows,
    table_rows,
    write_document_meta,
    write_meta,
)
from orgdesk.storage.scenario_table import SCENARIO_TABLE

#: orjson's `dumps` once loaded (None where it cannot be: json alone writes the same bytes).
#: Loaded at the first batch that is worth it, so that a small document's read or chart
#: export does not pay for the module (it imports uuid among others).
_UNLOADED: Any = object()
_dumps: Any = _UNLOADED
#: Rows from which a batch is written by orjson.
_FAST_FROM = 64

if TYPE_CHECKING:
    from orgdesk.core.model import DocumentInfo
    from orgdesk.core.organisation import Organisation

#: The meta key holding the checksum; its value is SCHEME + ":" + hex digest.
CHECKSUM_KEY = "checksum"
SCHEME = "blake2b-256"

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def encoded(value: Any) -> bytes:
    """The canonical stream's UTF-8 bytes of `value` (a list of rows, or `[table, rows]`):
    `json` with no spaces and non-ASCII as is, encoded with surrogatepass.

    orjson writes exactly those bytes for integers, texts and null five times faster
    (a 100,000-position import spent half a second here) and takes every list of
    _FAST_FROM rows or more; what it refuses (a half character, a whole number beyond
    64 bits) goes through `json` as before.
    """
    dumps = _fast_dumps() if len(value) >= _FAST_FROM else None
    if dumps is not None:
        try:
            return dumps(value)
        except TypeError:  # orjson.JSONEncodeError: a lone surrogate, a huge integer
            pass
    return _ENCODER.encode(value).encode("utf-8", "surrogatepass")


def _fast_dumps() -> Callable[[Any], bytes] | None:
    global _dumps
    if _dumps is _UNLOADED:
        try:
            import orjson
        except ImportError:  # a platform without its wheel
            _dumps = None
        else:
            _dumps = orjson.dumps
    return _dumps  # type: ignore[no-any-return]  # orjson.dumps or None


def digest(rows: Mapping[str, Sequence[tuple[Any, ...]]]) -> str:
    """The checksum value of a document's rows (see the module docstring).

    Each table's rows are encoded in batches joined as `_RowStream` joins
    them: the same bytes as `[table, rows]` encoded whole, without the whole
    table's JSON text and all its pieces in memory at once (reading 10,000
    positions: a fifth less CPU for the checksum, a sixth of its page faults).
    """
    hasher = hashlib.blake2b(digest_size=32)
    update = hasher.update
    for table in sorted(rows):
        table_rows = rows[table]
        if table == META_TABLE:
            table_rows = [row for row in table_rows if row[0] != CHECKSUM_KEY]
        update(encoded([table, []])[:-2])  # '["name",['
        separator = b""
        for start in range(0, len(table_rows), _BATCH):
            update(separator)
            update(memoryview(encoded(table_rows[start:start + _BATCH]))[1:-1])
            separator = b","
        update(b"]]")
    return f"{SCHEME}:{hasher.hexdigest()}"


def stored(rows: Rows) -> str | None:
    """The checksum the document carries, None when it has none."""
    return next((value for key, value in rows[META_TABLE] if key == CHECKSUM_KEY), None)


def changed_outside(path: Path) -> CorruptFile:
    return CorruptFile(path, Sentence.of(
        "{file} was changed outside orgdesk or is damaged: its contents no longer match the "
        "checksum orgdesk saved with it (if you edited it on purpose, delete the row "
        "“checksum” from its meta table).", file=name_of(path)))


def verify(rows: Rows, path: Path) -> None:
    """Refuse rows whose stored checksum (if any) does not match them."""
    expected = stored(rows)
    if expected is not None and expected != digest(rows):
        raise changed_outside(path)


def stamp(conn: sqlite3.Connection) -> None:
    """Store the checksum of the current-format document on `conn`, in its transaction."""
    write_meta(conn, CHECKSUM_KEY, digest(fetch_rows(conn)))


#: Rows hashed and inserted per batch: big enough that the C JSON encoder does the
#: work, small enough that a batch costs no memory worth counting.
_BATCH = 4096


class _RowStream:
    """The digest of the canonical stream, taken from rows on their way into SQLite.

    `digest` encodes `[table, rows]` in one go; here each table's rows come in
    batches, and `[a,b]` + `[c]` encoded apart are joined into `[a,b,c]` by
    dropping the batches' own brackets: the same bytes, so the same digest.
    That holds only while SQLite stores each value exactly as given, so every
    batch's value types are checked against the columns' (`exact` turns False
    on anything SQLite might convert, and the caller then reads the rows back).
    """

    def __init__(self) -> None:
        self._hasher = hashlib.blake2b(digest_size=32)
        self.exact = True

    def table(self, name: str, rows: Sequence[tuple[Any, ...]]) -> None:
        self._hasher.update(encoded([name, rows]))

    def insert(self, conn: sqlite3.Connection, table: TableRows) -> None:
        """Insert `table`'s rows on `conn`, hashing them batch by batch."""
        update = self._hasher.update
        update(encoded([table.name, []])[:-2])  # '["name",['
        width = len(table.value_types)
        per = _rows_per_statement(conn, width)
        many = _many_rows_sql(table.insert_sql, per)
        rows = iter(table.rows)
        separator = b""
        while batch := list(islice(rows, _BATCH)):
            if set(map(len, batch)) == {width}:
                values = list(chain.from_iterable(batch))
                _insert_batch(conn, table.insert_sql, many, per, batch, values)
                if self.exact and not _values_fit(values, table.value_types):
                    self.exact = False
            else:  # a row of another length: refused by SQLite as always, row by row
                conn.executemany(table.insert_sql, batch)
                self.exact = False
            update(separator)
            update(memoryview(encoded(batch))[1:-1])  # without its brackets, and without a copy
            separator = b","
        update(b"]]")

    def value(self) -> str:
        return f"{SCHEME}:{self._hasher.hexdigest()}"


#: Rows one INSERT statement takes (`INSERT … VALUES (…), (…), …`): SQLite's per-statement
#: work and Python's per-call work are then paid once per this many rows, not per row
#: (300,000 list rows went in in 0.17 s instead of 0.42 s with executemany).
ROWS_PER_INSERT = 1024


def _rows_per_statement(conn: sqlite3.Connection, width: int) -> int:
    """How many rows of `width` values one statement may bind (SQLite limits the number of
    parameters: 32,766 since 3.32, 999 in older builds)."""
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_INSERT, limit // max(width, 1)))


def _many_rows_sql(insert_sql: str, rows: int) -> str:
    """`insert_sql` (one row's `VALUES (?, …)`) taking `rows` rows at once."""
    head, _, values = insert_sql.rpartition(" VALUES ")
    return f"{head} VALUES {', '.join([values] * rows)}"


def _values_fit(values: list[Any], value_types: tuple[tuple[type, ...], ...]) -> bool:
    """Whether every value of a batch has one of its column's types; `values` are the
    batch's rows' values one after the other, every row as wide as `value_types`.

    Each column is a slice with a step (the cheapest way to take the batch apart),
    checked by the set of its values' types."""
    width = len(value_types)
    return all(set(map(type, values[index::width])) <= set(allowed)
               for index, allowed in enumerate(value_types))


def _insert_batch(conn: sqlite3.Connection, insert_sql: str, many_sql: str, per: int,
                  batch: list[tuple[Any, ...]], values: list[Any]) -> None:
    """Insert `batch` (`values`: its rows' values in order, every row of the same width)
    `per` rows a statement, the rest one by one."""
    whole = len(batch) - len(batch) % per
    if whole:
        step = len(values) // len(batch) * per
        for start in range(0, whole // per * step, step):
            conn.execute(many_sql, values[start:start + step])
    if whole < len(batch):
        conn.executemany(insert_sql, batch[whole:])


def write_stamped(conn: sqlite3.Connection, org: Organisation,
                  info: DocumentInfo | None = None) -> None:
    """Write `org` into an empty current-format document with its checksum, in the
    connection's transaction, hashing the rows as they are inserted (reading half a
    million rows back costs more than writing them).  `info` replaces org.info.

    The inserts stay on the caller's thread: a writer thread was measured to gain
    nothing (Python's sqlite3 binds every parameter holding the GIL, so the two
    threads took turns; CPU time equalled wall time on an idle 2-core machine).
    """
    conn.execute("PRAGMA defer_foreign_keys = ON")
    write_document_meta(conn, org, info)
    meta = [row for row in meta_rows(conn) if row[0] != CHECKSUM_KEY]
    stream = _RowStream()
    tables = {table.name: table for table in table_rows(org)}
    for name in sorted([*tables, META_TABLE, SCENARIO_TABLE]):  # the canonical stream's order
        if name == META_TABLE:
            stream.table(name, meta)
        elif name == SCENARIO_TABLE:
            stream.table(name, [])  # a new document has its one scenario in its tables
        else:
            stream.insert(conn, tables[name])
    if stream.exact:
        write_meta(conn, CHECKSUM_KEY, stream.value())
    else:
        stamp(conn)


def schema_rows(conn: sqlite3.Connection, version: int, schema: str = "main") -> Rows:
    """Every row of a file of format `version` on `conn`, as the canonical stream reads it.

    Driven by that format's schema, so it works for older formats; for the
    current one it equals `mapping.fetch_rows` (a test compares them).
    """
    rows: Rows = {}
    for kind, table, _tbl, _sql in migrations.expected_schema(version):
        if kind != "table":
            continue
        info = conn.execute(f'PRAGMA {schema}.table_info("{table}")').fetchall()
        names = ", ".join(f'"{row[1]}"' for row in info)
        keys = ", ".join(f'"{row[1]}"' for row in sorted(
            (row for row in info if row[5]), key=lambda row: row[5]))
        rows[table] = conn.execute(
            f'SELECT {names} FROM {schema}."{table}" ORDER BY {keys}').fetchall()
    return rows
