"""Every kind of bad input gives its typed, one-sentence error and leaves the file alone."""
from __future__ import annotations

import os
import random
import re
import sqlite3
import struct
import zlib
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from orgdesk.core.organisation import Organisation
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import (
    CorruptFile,
    FileMissing,
    FileProblem,
    FileTooNew,
    FileTooOld,
    ForeignDatabase,
    NotAFile,
    NotOrgdeskFile,
    name_of,
)
from orgdesk.storage.file_format import SCHEMA_VERSION
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.recovery import find_recoverable
from orgdesk.storage.session import sessions_dir
from tests.storage.support import (
    file_state,
    header_fields,
    hostile_org,
    listing,
    sql_on_copy,
)

OLD_TIME = 1_000_000_000  # 2001-09-09: any write would move the mtime away from it


def _png_bytes() -> bytes:
    """A real, decodable 2×2 RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


HTML = ("<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>组织架构</title></head>"
        "<body><h1>Org chart</h1><p>Saved from the intranet.</p></body></html>\n").encode()


def _truncate(fraction: float) -> Callable[[Path, bytes], None]:
    def build(path: Path, big: bytes) -> None:
        path.write_bytes(big[: int(len(big) * fraction)])
    return build


def _truncate_at_page_boundary(path: Path, big: bytes) -> None:
    page_size = int.from_bytes(big[16:18], "big")
    pages = len(big) // page_size
    assert pages > 100
    cut = (pages // 2) * page_size
    assert cut % page_size == 0 and cut < len(big)
    path.write_bytes(big[:cut])


def _random_page(fraction: float) -> Callable[[Path, bytes], None]:
    def build(path: Path, big: bytes) -> None:
        page_size = int.from_bytes(big[16:18], "big")
        pages = len(big) // page_size
        page = int(pages * fraction)
        data = bytearray(big)
        data[page * page_size:(page + 1) * page_size] = random.Random(page).randbytes(page_size)
        path.write_bytes(bytes(data))
        assert path.stat().st_size == len(big)
    return build


def _small_then(*statements: str) -> Callable[[Path, bytes, bytes], None]:
    def build(path: Path, small: bytes, big: bytes) -> None:
        path.write_bytes(small)
        sql_on_copy(path, *statements)
    return build


def _foreign_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)")
        conn.executemany("INSERT INTO contacts (name, phone) VALUES (?, ?)",
                         [("张三", "138"), ("Li", "139")])
        conn.commit()


# name -> (builder(path, small, big), expected error, words the message must contain)
CASES: dict[str, tuple[Callable[[Path, bytes, bytes], None], type[FileProblem], str]] = {
    "missing": (lambda p, s, b: None, FileMissing, "does not exist"),
    "directory": (lambda p, s, b: p.mkdir(), NotAFile, "folder"),
    "png": (lambda p, s, b: p.write_bytes(_png_bytes()), NotOrgdeskFile, "not an orgdesk file"),
    "html": (lambda p, s, b: p.write_bytes(HTML), NotOrgdeskFile, "not an orgdesk file"),
    "random-bytes": (lambda p, s, b: p.write_bytes(random.Random(7).randbytes(20000)),
                     NotOrgdeskFile, "not an orgdesk file"),
    "zero-length": (lambda p, s, b: p.write_bytes(b""), CorruptFile, "empty"),
    "header-only-fragment": (lambda p, s, b: p.write_bytes(s[:60]), CorruptFile, "truncated"),
    "other-programs-sqlite": (lambda p, s, b: _foreign_sqlite(p), ForeignDatabase,
                              "another program"),
    "orgdesk-tables-foreign-id": (_small_then("PRAGMA application_id = 0"), ForeignDatabase,
                                  "another program"),
    "truncated-half": (lambda p, s, b: _truncate(1 / 2)(p, b), CorruptFile, "truncated"),
    "truncated-third": (lambda p, s, b: _truncate(1 / 3)(p, b), CorruptFile, "truncated"),
    "truncated-page-boundary": (lambda p, s, b: _truncate_at_page_boundary(p, b), CorruptFile,
                                "truncated"),
    "random-page-third": (lambda p, s, b: _random_page(1 / 3)(p, b), CorruptFile, "damaged"),
    "random-page-middle": (lambda p, s, b: _random_page(1 / 2)(p, b), CorruptFile, "damaged"),
    "random-page-two-thirds": (lambda p, s, b: _random_page(2 / 3)(p, b), CorruptFile,
                               "damaged"),
    # Tables intact (the document would load), an index damaged: only quick_check sees it.
    "index-on-wrong-btree": (_small_then(
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_schema SET rootpage = (SELECT rootpage FROM sqlite_schema"
        " WHERE name = 'ix_positions_department_id') WHERE name = 'ix_positions_superior_id'"),
        CorruptFile, "damaged"),
    "user-version-next": (_small_then(f"PRAGMA user_version = {SCHEMA_VERSION + 1}"), FileTooNew,
                          "newer version"),
    "user-version-huge": (_small_then("PRAGMA user_version = 2000000000"), FileTooNew,
                          "newer version"),
    "user-version-0": (_small_then("PRAGMA user_version = 0"), FileTooOld,
                       "can no longer upgrade"),
    "extra-trigger": (_small_then(
        "CREATE TRIGGER wipe AFTER UPDATE ON meta BEGIN DELETE FROM positions; END"),
        CorruptFile, "not a valid orgdesk file"),
    "extra-view": (_small_then("CREATE VIEW v AS SELECT title FROM positions"),
                   CorruptFile, "not a valid orgdesk file"),
    "extra-table": (_small_then("CREATE TABLE notes (x)"), CorruptFile,
                    "not a valid orgdesk file"),
    "missing-index": (_small_then("DROP INDEX ix_positions_superior_id"), CorruptFile,
                      "not a valid orgdesk file"),
    # Right header, right schema, passes quick_check, but the rows are not a valid
    # organisation: a crafted or damaged file must still give a typed error.
    "invalid-utf8-text": (_small_then(
        "UPDATE positions SET title = CAST(x'ff41' AS TEXT) WHERE id = 1"),
        CorruptFile, "not a valid orgdesk file"),
    "blob-in-text-column": (_small_then("UPDATE positions SET title = x'4142' WHERE id = 1"),
                            CorruptFile, "not a valid orgdesk file"),
    "text-in-integer-column": (_small_then(
        "UPDATE positions SET min_years = 'ten' WHERE id = 1"),
        CorruptFile, "not a valid orgdesk file"),
    "real-in-integer-column": (_small_then("UPDATE positions SET age_min = 1.5 WHERE id = 1"),
                               CorruptFile, "not a valid orgdesk file"),
    "unknown-position-kind": (_small_then(
        "PRAGMA ignore_check_constraints = ON", "UPDATE positions SET kind = 'boss' WHERE id = 1"),
        CorruptFile, "not a valid orgdesk file"),
    "empty-title": (_small_then("UPDATE positions SET title = '  ' WHERE id = 3"),
                    CorruptFile, "not a valid orgdesk file"),
    "reporting-cycle": (_small_then("UPDATE positions SET superior_id = 10 WHERE id = 1"),
                        CorruptFile, "not a valid orgdesk file"),
    "dangling-superior": (_small_then("UPDATE positions SET superior_id = 99 WHERE id = 3"),
                          CorruptFile, "not a valid orgdesk file"),
    "orphan-duty-row": (_small_then("INSERT INTO duties (position_id, seq, text) VALUES (99, 0, 'x')"),
                        CorruptFile, "not a valid orgdesk file"),
    "bad-date": (_small_then("UPDATE meta SET value = 'yesterday' WHERE key = 'created'"),
                 CorruptFile, "not a valid orgdesk file"),
    "bad-colour": (_small_then("UPDATE departments SET colour = 'red' WHERE id = 1"),
                   CorruptFile, "not a valid orgdesk file"),
}


def _open_and_close(path: Path) -> object:
    doc = DocumentFile.open(path)
    doc.close()
    return doc


OPENERS: dict[str, Callable[[Path], object]] = {
    "read_organisation": read_organisation,
    "DocumentFile.open": _open_and_close,
    "DocumentFile.open(recover=False)": lambda p: DocumentFile.open(p, recover=False).close(),
}


def _is_one_sentence(message: str) -> bool:
    return (message.endswith(".") and "\n" not in message
            and re.search(r"[.!?][”\"')]?\s", message[:-1]) is None)


@pytest.mark.parametrize("opener", list(OPENERS))
@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gives_typed_error_and_is_left_alone(
        case: str, opener: str, tmp_path: Path, small_file_bytes: bytes,
        big_file_bytes: bytes) -> None:
    build, expected, words = CASES[case]
    folder = tmp_path / "mail attachments"
    folder.mkdir()
    path = folder / f"{case}.orgdesk"
    build(path, small_file_bytes, big_file_bytes)
    if path.is_file():
        os.utime(path, ns=(OLD_TIME * 10**9, OLD_TIME * 10**9))
    before = file_state(path) if path.is_file() else None
    folder_before = listing(folder)
    inside_before = listing(path) if path.is_dir() else None

    with pytest.raises(FileProblem) as caught:
        OPENERS[opener](path)

    error = caught.value
    assert type(error) is expected, f"{case}: {type(error).__name__}: {error}"
    message = str(error)
    assert name_of(path) in message
    assert words in message.replace(name_of(path), "")  # the case name is in the file name
    assert _is_one_sentence(message), message
    assert error.path == path
    # Nothing changed, moved, deleted or created.
    assert listing(folder) == folder_before
    if before is not None:
        assert file_state(path) == before
    elif inside_before is not None:
        assert listing(path) == inside_before
    else:
        assert not path.exists() and not os.path.lexists(path)
    # No working copy, lock folder or recovery offer is left behind.
    assert not sessions_dir().exists() or list(sessions_dir().iterdir()) == []
    assert find_recoverable() == []


def test_the_fixtures_really_are_what_the_cases_claim(small_file_bytes: bytes,
                                                      big_file_bytes: bytes,
                                                      tmp_path: Path) -> None:
    """Guards against a case passing because its fixture was broken differently."""
    page_size = int.from_bytes(big_file_bytes[16:18], "big")
    assert len(big_file_bytes) // page_size > 300
    png = tmp_path / "x.png"
    png.write_bytes(_png_bytes())
    # sqlite "opens" a PNG happily and fails only at the first read.
    with (closing(sqlite3.connect(png)) as conn,
          pytest.raises(sqlite3.DatabaseError, match="not a database")):
        conn.execute("SELECT * FROM sqlite_schema").fetchall()
    for case in ("user-version-next", "user-version-0", "extra-trigger"):
        path = tmp_path / f"{case}.orgdesk"
        CASES[case][0](path, small_file_bytes, big_file_bytes)
        fields = header_fields(path)
        assert fields["application_id"] == 0x4F726744
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert (header_fields(tmp_path / "user-version-next.orgdesk")["user_version"]
            == SCHEMA_VERSION + 1)
    assert header_fields(tmp_path / "user-version-0.orgdesk")["user_version"] == 0


def test_control_a_valid_copy_opens_and_is_left_alone(tmp_path: Path,
                                                      small_file_bytes: bytes) -> None:
    path = tmp_path / "valid.orgdesk"
    path.write_bytes(small_file_bytes)
    os.utime(path, ns=(OLD_TIME * 10**9, OLD_TIME * 10**9))
    before = file_state(path)
    assert read_organisation(path).snapshot() == hostile_org().snapshot()
    with DocumentFile.open(path) as doc:
        loaded: Organisation = doc.load()
        with doc.transaction() as session:
            session.execute(text("DELETE FROM relations"))
        assert doc.modified
    assert loaded.snapshot() == hostile_org().snapshot()
    assert file_state(path) == before
    assert [name for name in listing(tmp_path) if name != "state"] == ["valid.orgdesk"]


def test_a_missing_path_creates_nothing_even_in_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "chart.orgdesk"
    for opener in OPENERS.values():
        with pytest.raises(FileMissing, match="does not exist"):
            opener(path)
    assert not path.parent.exists()


def test_a_path_given_as_str_is_refused_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "gone.orgdesk"
    with pytest.raises(FileMissing) as caught:
        DocumentFile.open(str(path))
    assert caught.value.path == path
    assert not path.exists()
