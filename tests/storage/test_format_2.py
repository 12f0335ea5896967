"""File format 2 (source ids and holders): real format-1 files open, upgrade and save as 2.

The format-1 files here were written by the released format-1 build (see
`tests/storage/v1_sample.py`), not by this one pretending.
"""
from __future__ import annotations

import gzip
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from orgdesk.core.model import DocumentInfo, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.samples import find_sample, load_sample_source
from orgdesk.services.editor import DocumentService
from orgdesk.storage import checksum, mapping, migrations
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.errors import CorruptFile
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.schema_history import RELEASED
from orgdesk.storage.sqlite_file import schema_of
from tests.storage.support import file_state, header_fields, hostile_org, integrity, sql_on_copy
from tests.storage.v1_sample import v1_sample_org

FIXTURES = Path(__file__).with_name("fixtures")
FORMAT_1 = FIXTURES / "format-1.orgdesk"
FORMAT_1_SAMPLES = sorted((FIXTURES / "format-1-samples").glob("*.orgdesk.gz"))
#: The format this build writes: a format-1 file is upgraded through every step to it.
CURRENT = migrations.SCHEMA_VERSION


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    path = tmp_path / "client 2025.orgdesk"
    shutil.copyfile(FORMAT_1, path)
    return path


def _schema(path: Path) -> set[tuple[str, str, str, str]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return schema_of(conn)


def _contents(org: Organisation) -> tuple[object, ...]:
    """An organisation's snapshot without the save time (a save stamps `modified`)."""
    info, *rest = org.snapshot()
    assert isinstance(info, DocumentInfo)
    return (info.title, info.client, info.author, info.notes, info.created, *rest)


def _columns(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def test_the_fixture_is_a_real_format_1_file_and_format_1_is_frozen() -> None:
    """RELEASED[1] must stay what the released build wrote: its schema equals the fixture's."""
    assert header_fields(FORMAT_1)["user_version"] == 1
    assert _schema(FORMAT_1) == migrations.normalised(migrations.expected_schema(1))
    assert "source_id" not in _columns(FORMAT_1, "positions")
    assert "holders" not in {name for _kind, name, _tbl, _sql in _schema(FORMAT_1)}
    assert {1, 2} <= set(RELEASED)


def test_read_organisation_upgrades_a_format_1_file_in_memory(v1_file: Path) -> None:
    before = file_state(v1_file)
    org = read_organisation(v1_file)  # its format-1 checksum is verified too
    assert org.snapshot() == v1_sample_org().snapshot()
    assert all(p.source_id == "" and p.holders == () for p in org.positions())
    assert file_state(v1_file) == before


def test_a_format_1_file_opens_upgraded_and_is_written_only_by_save(v1_file: Path) -> None:
    before = file_state(v1_file)
    doc = DocumentFile.open(v1_file)
    try:
        assert doc.upgraded_from == 1 and doc.modified
        working = doc._session_folder.working_path
        assert header_fields(working)["user_version"] == CURRENT
        assert _schema(working) == migrations.normalised(migrations.expected_schema())
        assert doc.load().snapshot() == v1_sample_org().snapshot()
        DocumentService(doc).edit_position(PositionId(7), source_id="O-6066",
                                           holders=("张三", "李四"))
        assert file_state(v1_file) == before  # still format 1 until the user saves
        doc.save()
    finally:
        doc.close()
    assert header_fields(v1_file)["user_version"] == CURRENT
    assert _schema(v1_file) == migrations.normalised(migrations.expected_schema())
    assert integrity(v1_file) == [("ok",)]
    with DocumentFile.open(v1_file) as again:
        assert again.upgraded_from is None and not again.modified
        agent = again.load().position(PositionId(7))
        assert (agent.source_id, agent.holders) == ("O-6066", ("张三", "李四"))
        expected = v1_sample_org()
        expected.update_position(expected.position(PositionId(7)).evolve(
            source_id="O-6066", holders=("张三", "李四")))
        assert _contents(again.load()) == _contents(expected)


def test_closing_an_upgraded_file_unsaved_leaves_it_format_1(v1_file: Path) -> None:
    before = file_state(v1_file)
    with DocumentFile.open(v1_file) as doc:
        assert doc.upgraded_from == 1
    assert file_state(v1_file) == before
    assert header_fields(v1_file)["user_version"] == 1


@pytest.mark.parametrize("packed", FORMAT_1_SAMPLES, ids=lambda p: p.name.split(".")[0])
def test_every_released_sample_upgrades(packed: Path, tmp_path: Path) -> None:
    path = tmp_path / packed.name.removesuffix(".gz")
    path.write_bytes(gzip.decompress(packed.read_bytes()))
    assert header_fields(path)["user_version"] == 1
    source = load_sample_source(find_sample(path.name.removesuffix(".orgdesk")).source)
    assert read_organisation(path).snapshot() == source.snapshot()
    target = tmp_path / "saved.orgdesk"
    with DocumentFile.open(path) as doc:
        assert doc.upgraded_from == 1
        doc.save_as(target)
    assert header_fields(target)["user_version"] == CURRENT
    assert header_fields(path)["user_version"] == 1
    assert _contents(read_organisation(target)) == _contents(source)


def test_the_upgrade_keeps_every_list_row_with_foreign_keys_on(tmp_path: Path) -> None:
    """Rebuilding positions must not cascade into duties, KPIs … whatever the connection's pragma."""
    path = tmp_path / "fk.orgdesk"
    shutil.copyfile(FORMAT_1, path)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("positions", "duties", "kpis", "languages", "skills", "relations")}
        assert min(counts.values()) > 0
        assert migrations.upgrade(conn, path) == 1
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in counts} == counts
        assert conn.execute("SELECT DISTINCT source_id FROM positions").fetchall() == [("",)]
        assert schema_of(conn) == migrations.normalised(migrations.expected_schema())
        org = mapping.load_organisation(conn)
    assert org.snapshot() == v1_sample_org().snapshot()


@pytest.mark.parametrize("version, statement", [
    # format 1 plus format 2's table
    (1, ("CREATE TABLE holders (position_id INTEGER NOT NULL, seq INTEGER NOT NULL, "
         "text TEXT NOT NULL, PRIMARY KEY (position_id, seq))")),
    (2, "DROP TABLE holders"),  # format 2 without it
])
def test_the_schema_must_be_exactly_that_of_the_files_format(
        tmp_path: Path, version: int, statement: str) -> None:
    path = tmp_path / "mixed.orgdesk"
    if version == 1:
        shutil.copyfile(FORMAT_1, path)
    else:
        create_file(path, hostile_org())
    sql_on_copy(path, statement)
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(CorruptFile, match="not the ones orgdesk writes"):
            opener(path)


def test_a_format_2_file_labelled_format_1_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "relabelled.orgdesk"
    create_file(path, hostile_org())
    sql_on_copy(path, "PRAGMA user_version = 1")
    with pytest.raises(CorruptFile, match="not the ones orgdesk writes"):
        read_organisation(path)


@pytest.mark.parametrize("statement", [
    "UPDATE positions SET source_id = 'O-6067' WHERE source_id = 'O-6066'",
    "UPDATE holders SET text = '王芳芳' WHERE text = '王芳'",
    "DELETE FROM holders WHERE text = '王芳'",
])
def test_the_checksum_covers_source_ids_and_holders(tmp_path: Path, statement: str) -> None:
    path = tmp_path / "summed.orgdesk"
    create_file(path, hostile_org())
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute(statement).rowcount == 1  # the checksum row stays as saved
    with pytest.raises(CorruptFile, match="changed outside orgdesk"):
        read_organisation(path)
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        rows = checksum.schema_rows(conn, CURRENT)
    assert "holders" in rows and len(rows["positions"][0]) == len(_columns(path, "positions"))


def _downgrade_to_format_1(working: Path) -> None:
    """Turn a working copy into what a format-1 orgdesk left: the same rows in format 1."""
    columns = ", ".join(migrations._POSITIONS_V1)
    with closing(sqlite3.connect(working, isolation_level=None)) as conn:
        conn.execute("BEGIN")
        conn.execute(f"CREATE TEMP TABLE kept AS SELECT {columns} FROM positions")
        conn.execute("DROP TABLE positions")
        conn.execute("DROP TABLE holders")
        conn.execute("DROP TABLE IF EXISTS scenarios")  # format 4's table
        for statement in RELEASED[1]:
            if " positions " in statement.split("(")[0] + " ":
                conn.execute(statement)
        conn.execute(f"INSERT INTO positions ({columns}) SELECT {columns} FROM temp.kept")
        for table in migrations._LIST_TABLES_V1:  # back to rowid tables
            conn.execute(f"CREATE TEMP TABLE {table}_kept AS SELECT * FROM {table}")
            conn.execute(f"DROP TABLE {table}")
            conn.execute(next(s for s in RELEASED[1]
                              if s.startswith(f"CREATE TABLE {table} (")))
            conn.execute(f"INSERT INTO {table} SELECT * FROM temp.{table}_kept")
        conn.execute("PRAGMA user_version = 1")
        conn.execute("COMMIT")
        assert schema_of(conn) == migrations.normalised(migrations.expected_schema(1))


@pytest.mark.parametrize("how", ["open", "recover"])
def test_unsaved_edits_left_by_a_format_1_orgdesk_are_recovered_and_editable(
        v1_file: Path, how: str) -> None:
    from orgdesk.storage.recovery import find_recoverable
    from tests.storage.support import abandon

    doc = DocumentFile.open(v1_file)
    DocumentService(doc).edit_position(PositionId(9), notes="unsaved in format 1")
    working = doc._session_folder.working_path
    abandon(doc)
    _downgrade_to_format_1(working)
    if how == "open":
        recovered = DocumentFile.open(v1_file, recover=True)
    else:
        (left,) = find_recoverable()
        recovered = DocumentFile.recover(left.key)
    try:
        assert header_fields(working)["user_version"] == CURRENT
        assert recovered.load().position(PositionId(9)).notes == "unsaved in format 1"
        DocumentService(recovered).edit_position(PositionId(9), source_id="n0", holders=("赵六",))
        recovered.save()
    finally:
        recovered.close()
    nine = read_organisation(v1_file).position(PositionId(9))
    assert (nine.notes, nine.source_id, nine.holders) == ("unsaved in format 1", "n0", ("赵六",))
    assert header_fields(v1_file)["user_version"] == CURRENT
