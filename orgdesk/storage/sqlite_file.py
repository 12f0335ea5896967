"""Inspecting and reading SQLite files before anything trusts them.

An e-mailed file is untrusted: the header is read before anything connects
(sqlite connects happily to a PNG and fails only at the first query), then
the file's bytes are read into a private in-memory image, so nothing is ever
created, locked or rolled back beside the user's file (a missing path creates
nothing, WAL files leave no -shm, read-only media work).  Every connection
to an image first switches off schema-borne code paths; the checks that
follow decode SQLite's answers leniently, since a damaged file may quote
bytes that are not UTF-8.
"""
from __future__ import annotations

import contextlib
import shutil
import sqlite3
import stat
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from orgdesk.core.errors import Sentence
from orgdesk.files import fsync_path  # noqa: F401 -- storage.document still imports it here
from orgdesk.storage.errors import (
    CorruptFile,
    FileMissing,
    ForeignDatabase,
    NotAFile,
    NotOrgdeskFile,
    name_of,
)
from orgdesk.storage.file_format import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True, slots=True)
class Header:
    """The fields of the 100-byte SQLite header that orgdesk cares about."""

    page_size: int
    page_count: int
    user_version: int
    application_id: int


def read_header(path: Path) -> Header:
    """Check that `path` is a regular file holding an orgdesk SQLite database."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise FileMissing(path, Sentence.of("{file} does not exist.", file=name_of(path))) from None
    except OSError as exc:
        raise NotAFile(path, Sentence.of("{file} cannot be read: {reason}.", file=name_of(path),
                                         reason=exc.strerror or str(exc))) from None
    if stat.S_ISDIR(st.st_mode):
        raise NotAFile(path, Sentence.of("{file} is a folder, not an orgdesk file.",
                                          file=name_of(path)))
    if not stat.S_ISREG(st.st_mode):
        raise NotAFile(path, Sentence.of("{file} is not a regular file.", file=name_of(path)))
    if st.st_size == 0:
        raise CorruptFile(path, Sentence.of("{file} is empty (0 bytes); it holds no organisation.",
                                             file=name_of(path)))
    try:
        with open(path, "rb") as handle:
            raw = handle.read(HEADER_SIZE)
    except OSError as exc:
        raise NotAFile(path, Sentence.of("{file} cannot be read: {reason}.", file=name_of(path),
                                         reason=exc.strerror or str(exc))) from None
    if not raw.startswith(SQLITE_MAGIC):
        raise NotOrgdeskFile(path, Sentence.of("{file} is not an orgdesk file.", file=name_of(path)))
    if len(raw) < HEADER_SIZE:
        raise CorruptFile(path, Sentence.of(
            "{file} is truncated: it is too short to be an orgdesk file.", file=name_of(path)))
    page_size = struct.unpack(">H", raw[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", raw[28:32])[0]
    user_version = struct.unpack(">I", raw[60:64])[0]
    application_id = struct.unpack(">I", raw[68:72])[0]
    if application_id != APPLICATION_ID:
        raise ForeignDatabase(
            path, Sentence.of("{file} is a database of another program, not an orgdesk file.",
                              file=name_of(path)))
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptFile(path, Sentence.of("{file} is damaged: its header is invalid.",
                                             file=name_of(path)))
    if page_count and st.st_size < page_count * page_size:
        raise CorruptFile(path, Sentence.of("{file} is truncated: part of the file is missing.",
                                             file=name_of(path)))
    return Header(page_size, page_count, user_version, application_id)


def harden(conn: sqlite3.Connection) -> None:
    """The first statements on any connection to a file we did not write ourselves."""
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA mmap_size = 0")


#: Files above this size are refused rather than read into memory: SQLite's
#: in-memory databases stop at 1 GiB, and an organisation chart of that size
#: (about 1.5 million positions) is far beyond anything orgdesk can show.
MAX_FILE_BYTES = 1 << 30

#: Side files a rollback journal or WAL leaves beside a database while a
#: writer is busy or after it crashed; they hold part of the database's state.
SIDE_SUFFIXES = ("-journal", "-wal")


def _too_large(path: Path) -> CorruptFile:
    return CorruptFile(path, Sentence.of(
        "{file} is too large for orgdesk (the limit is {limit} MB).",
        file=name_of(path), limit=MAX_FILE_BYTES >> 20))


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except MemoryError:
        raise _too_large(path) from None
    except OSError as exc:
        raise NotAFile(path, Sentence.of("{file} cannot be read: {reason}.", file=name_of(path),
                                         reason=exc.strerror or exc)) from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path)
    return data


def _pending_side_files(path: Path) -> list[Path]:
    """Non-empty -journal / -wal files beside `path` (a crashed or busy writer's)."""
    found = []
    for suffix in SIDE_SUFFIXES:
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if side.is_file() and side.stat().st_size > 0:
                found.append(side)
    return found


def _settled_image(path: Path, sides: list[Path]) -> bytes:
    """The database as SQLite would see it, with a hot journal or WAL applied privately.

    Opening the user's file in place would roll back the journal or
    checkpoint the WAL into it (and leave -shm beside it, or fail on
    read-only media); copies in a private folder let SQLite do that work
    where nobody else looks, and the result is read back as bytes.
    """
    with tempfile.TemporaryDirectory(prefix="orgdesk-read-") as folder:
        private = Path(folder) / "document.orgdesk"
        try:
            shutil.copyfile(path, private)
            for side in sides:
                shutil.copyfile(side, private.with_name(private.name + side.name[len(path.name):]))
        except OSError as exc:
            raise NotAFile(path, Sentence.of("{file} cannot be read: {reason}.",
                                             file=name_of(path),
                                             reason=exc.strerror or exc)) from None
        conn = sqlite3.connect(private, isolation_level=None)
        try:
            harden(conn)
            conn.execute("PRAGMA journal_mode = DELETE")  # applies the journal or WAL
            data = conn.serialize()
        except sqlite3.Error:
            raise CorruptFile(path, Sentence.of("{file} is damaged and cannot be read.",
                                                 file=name_of(path))) from None
        finally:
            conn.close()
    return data


def read_image(path: Path) -> bytes:
    """A private in-memory image of the database in `path`, read without touching it.

    Nothing is ever opened beside the user's file: no lock, no -shm, no
    journal rollback; it works on read-only media, and the image is what
    every later check and copy reads.  A WAL-mode header is turned into a
    rollback-journal one in the image, since an in-memory database cannot
    use WAL; its WAL, if one is pending, is applied privately first.
    """
    sides = _pending_side_files(path)
    data = _settled_image(path, sides) if sides else _read_bytes(path)
    if len(data) >= HEADER_SIZE and 2 in data[18:20]:
        patched = bytearray(data)
        patched[18:20] = b"\x01\x01"
        data = bytes(patched)
    return data


def _damaged(path: Path) -> CorruptFile:
    return CorruptFile(path, Sentence.of("{file} is damaged and cannot be read.",
                                         file=name_of(path)))


def attach_image(conn: sqlite3.Connection, path: Path, schema: str) -> None:
    """Attach a private image of `path` to `conn` as `schema` (hardened, never written)."""
    data = read_image(path)
    harden(conn)
    conn.execute(f"ATTACH DATABASE ':memory:' AS {schema}")
    try:
        conn.deserialize(data, name=schema)
    except MemoryError:
        conn.execute(f"DETACH DATABASE {schema}")
        raise _too_large(path) from None
    except sqlite3.Error:
        conn.execute(f"DETACH DATABASE {schema}")
        raise _damaged(path) from None


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to a private in-memory image of `path` (see read_image)."""
    return image_connection(read_image(path), path)


def image_connection(data: bytes, path: Path) -> sqlite3.Connection:
    """A read-only connection to a private in-memory database holding `data` (`path`'s image)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        harden(conn)
        conn.deserialize(data)
        conn.execute("PRAGMA query_only = ON")
    except MemoryError:
        conn.close()
        raise _too_large(path) from None
    except sqlite3.Error:
        conn.close()
        raise _damaged(path) from None
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def lenient_text(conn: sqlite3.Connection) -> Iterator[None]:
    """Decode text leniently while reading what SQLite says about a damaged file.

    A flipped byte in the schema page makes SQLite quote names that are not
    UTF-8 — in quick_check's answers, and in the message of the error the
    first statement raises ("malformed database schema … near "NUL\xc2"").
    Python's sqlite3 then raises UnicodeDecodeError instead of the error;
    here it becomes the sqlite3.DatabaseError it stands for.
    """
    previous = conn.text_factory
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        yield
    except UnicodeDecodeError as exc:
        raise sqlite3.DatabaseError(bytes(exc.object).decode("utf-8", "replace")) from None
    finally:
        conn.text_factory = previous


def check_answers(conn: sqlite3.Connection, path: Path, schema: str = "main",
                  full: bool = False) -> list[str]:
    """What quick_check (or integrity_check) reports, `ok` left out; CorruptFile if it fails."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        with lenient_text(conn):
            rows = conn.execute(f"PRAGMA {schema}.{pragma}").fetchall()
    except sqlite3.DatabaseError:
        raise _damaged(path) from None
    return [str(row[0]) for row in rows if row != ("ok",)]


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Everything integrity_check and foreign_key_check report (empty when sound)."""
    with lenient_text(conn):
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
    return problems


def schema_of(conn: sqlite3.Connection, schema: str = "main") -> set[tuple[str, str, str, str]]:
    """The whole schema as (type, name, table, sql) rows, whitespace in the SQL normalised.

    Nothing is left out by a name pattern: SQLite's own objects (the
    automatic indexes of PRIMARY KEY and UNIQUE) are part of the expected
    schema too, so an object named like one of them, or like anything else,
    is compared as it is.  (`NOT LIKE 'sqlite_%'` once let `sqliteXwipe`
    through, `_` being a wildcard.)
    """
    with lenient_text(conn):
        rows = conn.execute(f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_schema"
                            ).fetchall()
    return {(str(t), str(n), str(tbl), " ".join(str(s or "").split())) for t, n, tbl, s in rows}
