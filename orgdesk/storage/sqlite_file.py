"""Inspecting and connecting to SQLite files before anything trusts them.

An e-mailed file is untrusted: the header is read before connecting (sqlite
connects happily to a PNG and fails only at the first query), the file is
opened through a read-only URI so a missing path creates nothing, and the
first statements switch off schema-borne code paths and run quick_check.
"""
from __future__ import annotations

import os
import sqlite3
import stat
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from orgdesk.core.errors import Sentence
from orgdesk.storage.errors import (
    CorruptFile,
    FileMissing,
    ForeignDatabase,
    NotAFile,
    NotOrgdeskFile,
    name_of,
)
from orgdesk.storage.schema import APPLICATION_ID

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
        raise NotAFile(path, f"{name_of(path)} cannot be read: {exc.strerror}.") from None
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
        raise NotAFile(path, f"{name_of(path)} cannot be read: {exc.strerror}.") from None
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


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that never creates or changes `path`."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        harden(conn)
    except sqlite3.Error as exc:
        raise CorruptFile(path, f"{name_of(path)} cannot be opened: {exc}.") from None
    return conn


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Raise CorruptFile unless SQLite's quick_check answers `ok`."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:
        raise CorruptFile(path, Sentence.of("{file} is damaged and cannot be read.",
                                             file=name_of(path))) from None
    if rows != [("ok",)]:
        raise CorruptFile(path, Sentence.of("{file} is damaged and cannot be read.",
                                             file=name_of(path)))


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Everything integrity_check and foreign_key_check report (empty when sound)."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
    return problems


def schema_of(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """The schema as (type, name, sql) rows, SQLite's own objects left out."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").fetchall()
    return {(t, n, " ".join((s or "").split())) for t, n, s in rows}


def fsync_path(path: Path, directory: bool = False) -> None:
    """Flush a file (or a directory entry) to stable storage where the OS allows."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:
            return  # Windows cannot open directories; rename there is already durable
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
