"""What a file contains is validated before anything trusts it.

Ids, undecodable answers from SQLite, byte-flip mutants, WAL-mode files and a
destination without room: each read gives a valid Organisation or one
sentence (a UserError), never another exception, and nothing is written
beside the user's file.
"""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from orgdesk.core.errors import UserError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.storage import migrations
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import CorruptFile, WorkingCopyProblem, name_of
from orgdesk.storage.reading import _validated_copy, read_organisation
from tests.storage.support import file_state, hostile_org, listing, sql_on_copy

MAX_ID = 2**63 - 1
_POSITION_COLUMNS = ("(id, superior_id, sort_order, title, department_id, kind, level, "
                     "planned_headcount, headcount_note, filled_headcount, education, "
                     "other_requirements, career_path, notes, source_id, pay_min, pay_max, "
                     "on_cost_percent)")


def _position(pid: int | str, superior: int | str = "NULL") -> str:
    return (f"INSERT INTO positions {_POSITION_COLUMNS} VALUES ({pid}, {superior}, 9, 'crafted', "
            "NULL, 'line', '', 1, '', 0, '', '', '', '', '', 0, 0, 0)")


def _open_and_close(path: Path) -> Organisation:
    with DocumentFile.open(path) as doc:
        return doc.load()


OPENERS: dict[str, Callable[[Path], Organisation]] = {
    "read_organisation": read_organisation,
    "DocumentFile.open": _open_and_close,
}

BAD_IDS: dict[str, tuple[str, ...]] = {
    "negative-position-id": (_position(-1),),
    "zero-position-id": (_position(0),),
    "most-negative-position-id": (_position(-MAX_ID - 1),),
    "negative-superior": (_position(-3), _position(20, -3)),
    "negative-department-id": (
        "INSERT INTO departments (id, name, colour, sort_order) VALUES (-2, 'x', '#000000', 5)",),
    "zero-relation-id": (
        ("INSERT INTO relations (id, source_id, target_id, kind, label) "
         "VALUES (0, 1, 2, 'dotted', '')"),),
    "negative-duty-position": (
        "PRAGMA foreign_keys = OFF",
        "INSERT INTO duties (position_id, seq, text) VALUES (-1, 0, 'x')"),
}


@pytest.mark.parametrize("opener", list(OPENERS))
@pytest.mark.parametrize("case", list(BAD_IDS))
def test_ids_must_be_positive(case: str, opener: str, tmp_path: Path,
                              small_file_bytes: bytes) -> None:
    path = tmp_path / f"{case}.orgdesk"
    path.write_bytes(small_file_bytes)
    sql_on_copy(path, *BAD_IDS[case])
    before = file_state(path)
    with pytest.raises(CorruptFile) as caught:
        OPENERS[opener](path)
    assert str(caught.value) == (f"{name_of(path)} is not a valid orgdesk file: it holds an id "
                                 "that is not a positive whole number.")
    assert file_state(path) == before


@pytest.mark.parametrize("opener", list(OPENERS))
def test_a_real_number_as_id_is_refused(opener: str, tmp_path: Path,
                                        small_file_bytes: bytes) -> None:
    path = tmp_path / "real-id.orgdesk"
    path.write_bytes(small_file_bytes)
    # Beyond 2^63 SQLite keeps a number REAL (an INTEGER PRIMARY KEY refuses it).
    sql_on_copy(path, "UPDATE relations SET source_id = 1e20 WHERE id = 1")
    with pytest.raises(CorruptFile, match="contents are damaged"):
        OPENERS[opener](path)


@pytest.mark.parametrize("opener", list(OPENERS))
def test_the_largest_id_is_valid(opener: str, tmp_path: Path, small_file_bytes: bytes) -> None:
    path = tmp_path / "largest-id.orgdesk"
    path.write_bytes(small_file_bytes)
    sql_on_copy(path, _position(MAX_ID, 1))
    org = OPENERS[opener](path)
    assert org.position(PositionId(MAX_ID)).superior_id == 1


# ------------------------------------------------ answers that are not UTF-8
def _mutant(data: bytes, rng: random.Random, low: int, high: int, count: int = 1) -> bytes:
    mutated = bytearray(data)
    for _ in range(count):
        mutated[rng.randrange(low, min(high, len(data)))] = rng.randrange(256)
    return bytes(mutated)


def _raises_unicode_error_in_sqlite3(path: Path) -> bool:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        try:
            conn.execute("PRAGMA quick_check").fetchall()
        except UnicodeDecodeError:
            return True
        except sqlite3.Error:
            return False
    return False


def test_a_schema_page_quoting_bytes_that_are_not_utf8_is_damage(
        tmp_path: Path, small_file_bytes: bytes) -> None:
    """quick_check quotes damaged names; Python's default decoder raised UnicodeDecodeError."""
    rng = random.Random(20261203)
    page_size = int.from_bytes(small_file_bytes[16:18], "big")
    found = 0
    for number in range(400):
        path = tmp_path / f"schema-flip-{number}.orgdesk"
        path.write_bytes(_mutant(small_file_bytes, rng, 100, page_size))
        if not _raises_unicode_error_in_sqlite3(path):
            continue
        found += 1
        for opener in OPENERS.values():
            with pytest.raises(CorruptFile, match="damaged"):
                opener(path)
    assert found >= 3  # the sample really holds such files


# ------------------------------------------------------------ byte flips
def _mutants(data: bytes, count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    page_size = int.from_bytes(data[16:18], "big")
    result = []
    for number in range(count):
        shape = number % 4
        if shape == 0:  # one byte anywhere after the header
            result.append(_mutant(data, rng, 100, len(data)))
        elif shape == 1:  # one byte of the schema page
            result.append(_mutant(data, rng, 100, page_size))
        elif shape == 2:  # a few bytes of one page
            page = rng.randrange(len(data) // page_size)
            result.append(_mutant(data, rng, max(100, page * page_size),
                                  (page + 1) * page_size, count=rng.randint(2, 8)))
        else:  # a run of random bytes
            start = rng.randrange(100, len(data) - 32)
            mutated = bytearray(data)
            mutated[start:start + 16] = rng.randbytes(16)
            result.append(bytes(mutated))
    return result


def _reads_cleanly(opener: Callable[[Path], Organisation], path: Path) -> str:
    try:
        org = opener(path)
    except UserError as exc:
        message = str(exc)
        assert "\n" not in message and message.endswith("."), message
        return "refused"
    assert isinstance(org, Organisation)
    return "read"


def test_byte_flip_mutants_give_an_organisation_or_a_sentence(
        tmp_path: Path, small_file_bytes: bytes) -> None:
    outcomes: dict[str, int] = {"read": 0, "refused": 0}
    for number, data in enumerate(_mutants(small_file_bytes, 400, seed=9)):
        path = tmp_path / f"mutant-{number}.orgdesk"
        path.write_bytes(data)
        opener = OPENERS["DocumentFile.open"] if number % 8 == 0 else read_organisation
        try:
            outcomes[_reads_cleanly(opener, path)] += 1
        except Exception as exc:  # noqa: BLE001 - the point of the test
            pytest.fail(f"mutant {number}: {type(exc).__name__}: {exc}")
        assert path.read_bytes() == data
        assert [n for n in listing(tmp_path) if not n.startswith("mutant-") and n != "state"] == []
    assert outcomes["refused"] > 50 and outcomes["read"] > 50, outcomes


# --------------------------------------------------------------- WAL files
def _to_wal(path: Path) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    assert path.read_bytes()[18:20] == b"\x02\x02"


@pytest.mark.parametrize("opener", list(OPENERS))
def test_a_wal_mode_file_is_read_without_writing_beside_it(
        opener: str, tmp_path: Path, small_file_bytes: bytes) -> None:
    folder = tmp_path / "usb stick"
    folder.mkdir()
    path = folder / "wal.orgdesk"
    path.write_bytes(small_file_bytes)
    _to_wal(path)
    before = file_state(path)
    assert OPENERS[opener](path).snapshot() == hostile_org().snapshot()
    assert listing(folder) == ["wal.orgdesk"]  # no -wal, no -shm
    assert file_state(path) == before


@pytest.mark.parametrize("opener", list(OPENERS))
def test_a_pending_wal_is_applied_privately(opener: str, tmp_path: Path,
                                            small_file_bytes: bytes) -> None:
    """A crashed writer's WAL holds committed changes: they are read, the folder is untouched."""
    writer_folder = tmp_path / "writer"
    writer_folder.mkdir()
    source = writer_folder / "doc.orgdesk"
    source.write_bytes(small_file_bytes)
    _to_wal(source)
    left = tmp_path / "left behind"
    left.mkdir()
    with closing(sqlite3.connect(source, isolation_level=None)) as conn:
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("DELETE FROM meta WHERE key = 'checksum'")  # another program's edit
        conn.execute("UPDATE positions SET title = 'committed in the WAL' WHERE id = 3")
        for suffix in ("", "-wal"):  # what a crash leaves: no -shm needed
            shutil.copyfile(f"{source}{suffix}", left / f"doc.orgdesk{suffix}")
    path = left / "doc.orgdesk"
    states = {p.name: file_state(p) for p in left.iterdir()}
    assert OPENERS[opener](path).position(PositionId(3)).title == "committed in the WAL"
    assert {p.name: file_state(p) for p in left.iterdir()} == states


# ------------------------------------------------------ no room to copy into
def test_no_room_for_the_copy_is_not_called_damage(tmp_path: Path,
                                                   small_file_bytes: bytes) -> None:
    path = tmp_path / "intact.orgdesk"
    path.write_bytes(small_file_bytes)
    destination = sqlite3.connect(tmp_path / "working.orgdesk", isolation_level=None)
    try:
        destination.execute("PRAGMA max_page_count = 4")  # the disk fills after 4 pages
        with pytest.raises(WorkingCopyProblem) as caught:
            _validated_copy(path, destination)
    finally:
        destination.close()
    message = str(caught.value)
    assert "full" in message and "intact" in message and "damaged" not in message
    assert read_organisation(path).snapshot() == hostile_org().snapshot()


# ------------------------------------------------------- older file formats
def test_an_older_files_schema_is_checked_before_its_upgrade(
        tmp_path: Path, small_file_bytes: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of this build's format read by a (pretended) next build is compared with its
    own format's schema."""
    index = "CREATE INDEX ix_positions_title ON positions (title)"
    original_create = migrations.create_schema
    current = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        {**migrations.MIGRATIONS, current: lambda c: c.execute(index)})
    monkeypatch.setattr(migrations, "create_schema",
                        lambda c: (original_create(c), c.execute(index)))
    migrations.expected_schema.cache_clear()
    try:
        clean = tmp_path / "clean-v1.orgdesk"
        clean.write_bytes(small_file_bytes)
        hostile = tmp_path / "hostile-v1.orgdesk"
        hostile.write_bytes(small_file_bytes)
        sql_on_copy(hostile, "CREATE TRIGGER sqliteXwipe AFTER UPDATE ON positions BEGIN "
                             "DELETE FROM duties; END")
        for opener in OPENERS.values():
            assert opener(clean).snapshot() == hostile_org().snapshot()
            with pytest.raises(CorruptFile, match="not the ones orgdesk writes"):
                opener(hostile)
    finally:
        migrations.expected_schema.cache_clear()
    assert os.path.exists(clean)
