"""A new document's checksum is taken from its rows as they are inserted.

`checksum.write_stamped` hashes batches on their way into SQLite instead of
reading the whole document back; the value must be exactly what
`checksum.digest(fetch_rows(...))` gives for the rows SQLite stores, or every
later read would refuse the user's new file as "changed outside orgdesk".
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings

from orgdesk.core.model import DocumentInfo, Kpi, Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.storage import checksum, mapping, migrations
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.errors import SaveFailed
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.sqlite_file import schema_of
from tests.io.strategies import organisations
from tests.storage.support import hostile_org


def _written(org: Organisation, info: DocumentInfo | None = None) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.create_schema(conn)
    conn.execute("BEGIN")
    checksum.write_stamped(conn, org, info)
    conn.execute("COMMIT")
    return conn


def _agrees(conn: sqlite3.Connection) -> bool:
    rows = mapping.fetch_rows(conn)
    return checksum.stored(rows) == checksum.digest(rows)


@settings(max_examples=60, deadline=None)
@given(org=organisations(max_positions=10))
def test_the_streamed_checksum_is_the_checksum_of_the_stored_rows(org: Organisation) -> None:
    with closing(_written(org)) as conn:
        assert _agrees(conn)
        assert mapping.load_organisation(conn).positions_by_id() == org.positions_by_id()


def _big(count: int = 9_000, title: str = "座席员") -> Organisation:
    positions = [Position(PositionId(1), "总监", None, 0, None, duties=("全面负责",))]
    positions += [Position(PositionId(i), f"{title}{i}", PositionId(1), i, None,
                           duties=("接听来电", f"回访{i}", ""),
                           kpis=(Kpi("接通率", "≥90%"),), holders=(f"员工{i}",))
                  for i in range(2, count)]
    return Organisation(DocumentInfo(title="大型"), [], positions, [])


def test_batches_join_into_one_stream() -> None:
    """Thousands of rows per table: several batches, one `[table, rows]` text."""
    org = _big()
    with closing(_written(org)) as conn:
        assert conn.execute("SELECT count(*) FROM duties").fetchone()[0] > 3 * 4096
        assert _agrees(conn)
        assert mapping.load_organisation(conn).positions_by_id() == org.positions_by_id()


def test_an_error_in_a_later_batch_reaches_the_caller_and_nothing_is_written(
        tmp_path: Path) -> None:
    """Text SQLite cannot store (a lone surrogate) fails an insert after several batches
    went in: the caller gets the error, and no file appears."""
    org = _big(title="座席员\ud800")
    target = tmp_path / "new.orgdesk"
    with pytest.raises(UnicodeEncodeError):
        create_file(target, org)
    assert list(tmp_path.iterdir()) == []


def test_the_info_given_replaces_the_organisations_own() -> None:
    org = hostile_org()
    when = datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC)
    with closing(_written(org, replace(org.info, modified=when))) as conn:
        assert _agrees(conn)
        assert mapping.load_info(conn).modified == when


@pytest.mark.parametrize(("field", "value"), [
    ("planned_headcount", True), ("planned_headcount", "12"), ("planned_headcount", 3.0),
    ("notes", 12)])
def test_a_value_sqlite_would_convert_makes_it_read_the_rows_back(field: str,
                                                                 value: object) -> None:
    """A bool (JSON `true`, stored 1), digits as text in an INTEGER column (stored as a
    number), a float, a number in a TEXT column (stored as text): the hash of what was
    given would not be the hash of what is stored, so the stream is abandoned for a
    read-back and the sum still agrees."""
    position = Position(PositionId(1), "总监", None, 0, None)
    object.__setattr__(position, field, value)  # past the entity's checks: the point here
    org = Organisation(DocumentInfo(), [], [position], [])
    with closing(_written(org)) as conn:
        assert _agrees(conn)


def test_create_file_writes_a_document_every_reader_accepts(tmp_path: Path) -> None:
    org = hostile_org()
    target = tmp_path / "new.orgdesk"
    create_file(target, org)
    assert read_organisation(target).positions_by_id() == org.positions_by_id()
    with closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as conn:
        assert _agrees(conn)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    doc = DocumentFile.open(target)
    try:
        assert doc.notices == []
    finally:
        doc.close()


def test_create_file_leaves_no_working_copy_or_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "new.orgdesk"
    create_file(target, hostile_org())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.orgdesk"]


def test_tables_first_then_indexes_is_the_schema_the_orm_creates() -> None:
    with closing(sqlite3.connect(":memory:")) as late, \
            closing(sqlite3.connect(":memory:")) as orm:
        create_indexes = migrations.create_tables(late)
        assert not late.execute("SELECT name FROM sqlite_schema WHERE type = 'index' "
                                "AND sql IS NOT NULL").fetchall()
        create_indexes()
        migrations.create_schema(orm)
        assert schema_of(late) == schema_of(orm) == migrations.normalised(
            migrations.expected_schema())
        for pragma in ("application_id", "user_version"):
            assert late.execute(f"PRAGMA {pragma}").fetchone() == orm.execute(
                f"PRAGMA {pragma}").fetchone()


@pytest.mark.parametrize("limit", [21, 22, 100, 999])
def test_rows_go_in_several_to_a_statement_within_sqlites_parameter_limit(limit: int) -> None:
    """Rows are inserted many to a statement, as many as SQLite's limit on parameters allows
    (999 in builds before 3.32; a position row has 21): every row arrives once, whole, in
    order, whether a batch ends on a statement's boundary or not."""
    org = _big(count=2 * checksum._BATCH + 5)
    conn = sqlite3.connect(":memory:", isolation_level=None)
    with closing(conn):
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
        migrations.create_schema(conn)
        conn.execute("BEGIN")
        checksum.write_stamped(conn, org, None)
        conn.execute("COMMIT")
        assert _agrees(conn)
        assert mapping.load_organisation(conn).positions_by_id() == org.positions_by_id()


def test_a_failed_fill_of_a_new_file_leaves_nothing_and_the_old_file_unchanged(
        tmp_path: Path) -> None:
    """The new document is written straight into its temporary file (no journal, no
    synced writes): an error while filling it removes that file, and the file it was to
    replace is untouched."""
    target = tmp_path / "old.orgdesk"
    create_file(target, hostile_org())
    before = target.read_bytes()
    with pytest.raises(UnicodeEncodeError):
        create_file(target, _big(count=5_000, title="座席员\ud800"))
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.orgdesk"]


def test_a_new_file_is_complete_and_sound(tmp_path: Path) -> None:
    """Written without a journal and synced once at the end: SQLite's own check finds
    nothing, and no journal is left beside it."""
    target = tmp_path / "new.orgdesk"
    org = _big(count=3_000)
    create_file(target, org)
    with closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)
        assert _agrees(conn)
    assert read_organisation(target).positions_by_id() == org.positions_by_id()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.orgdesk"]


def test_a_new_file_that_cannot_be_put_in_place_is_a_clear_failure_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The full temporary file is written and synced, then the rename fails (a full disk):
    the caller gets the sentence, the temporary file is gone, the old file is as it was."""
    target = tmp_path / "old.orgdesk"
    create_file(target, hostile_org())
    before = target.read_bytes()
    refused: list[Path] = []

    def refuse(src: Path, dst: Path) -> None:
        assert src.stat().st_size > 0
        refused.append(src)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("orgdesk.storage.new_document.files.replace_durably", refuse)
    with pytest.raises(SaveFailed, match="disk is full"):
        create_file(target, _big(count=2_000))
    assert len(refused) == 1
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.orgdesk"]
