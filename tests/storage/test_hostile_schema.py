"""A document's own schema objects are refused, and never run even if they got through.

`NOT LIKE 'sqlite_%'` once filtered the schema comparison: `_` matches any
character, so a trigger named `sqliteXwipe` passed `check` and every open,
and fired on the user's first edit (DML in trigger bodies runs despite
`trusted_schema=OFF`).
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.storage import migrations
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import CorruptFile, name_of
from orgdesk.storage.reading import read_organisation
from tests.storage.support import file_state, hostile_org, sql_on_copy

WIPE = ("CREATE TRIGGER sqliteXwipe AFTER UPDATE ON positions BEGIN DELETE FROM duties; "
        "UPDATE positions SET title='PWNED '||title; END;")


def _crafted_schema_row(kind: str, name: str, table: str, sql: str) -> tuple[str, ...]:
    """Statements writing a schema row SQLite would refuse to create (a reserved name)."""
    return ("PRAGMA writable_schema = ON",
            ("INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) "
             f"VALUES ('{kind}', '{name}', '{table}', 0, '{sql.replace(chr(39), chr(39) * 2)}')"),
            "PRAGMA writable_schema = OFF")


HOSTILE_OBJECTS: dict[str, tuple[str, ...]] = {
    "trigger-sqliteX": (WIPE,),
    "trigger-SQLITE_-uppercase-crafted": _crafted_schema_row(
        "trigger", "SQLITE_wipe", "positions",
        "CREATE TRIGGER SQLITE_wipe AFTER UPDATE ON positions BEGIN DELETE FROM duties; END"),
    "trigger-sqlite_-prefix-crafted": _crafted_schema_row(
        "trigger", "sqlite_wipe", "positions",
        "CREATE TRIGGER sqlite_wipe AFTER UPDATE ON positions BEGIN DELETE FROM duties; END"),
    "view-sqliteX": ("CREATE VIEW sqliteXview AS SELECT title FROM positions",),
    "table-sqliteX": ("CREATE TABLE sqliteXtable (x)",),
    "index-sqliteX": ("CREATE INDEX sqliteXindex ON positions (title)",),
    "index-sqlite-autoindex-name": ("CREATE INDEX sqliteautoindex_positions_9 ON positions (level)",),
    "trigger-on-meta": ("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM positions; END",),
}


@pytest.fixture
def hostile(tmp_path: Path, small_file_bytes: bytes, request: pytest.FixtureRequest) -> Path:
    path = tmp_path / f"{request.param}.orgdesk"
    path.write_bytes(small_file_bytes)
    sql_on_copy(path, *HOSTILE_OBJECTS[request.param])
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    return path


@pytest.mark.parametrize("hostile", list(HOSTILE_OBJECTS), indirect=True)
def test_reading_and_opening_refuse_any_object_we_did_not_create(hostile: Path) -> None:
    before = file_state(hostile)
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(CorruptFile) as caught:
            opener(hostile)
        assert str(caught.value) == (f"{name_of(hostile)} is not a valid orgdesk file: its "
                                     "tables are not the ones orgdesk writes.")
    assert file_state(hostile) == before


@pytest.mark.parametrize("hostile", ["trigger-sqliteX", "view-sqliteX", "index-sqliteX"],
                         indirect=True)
def test_check_refuses_them(hostile: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "orgdesk", "check", str(hostile)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1, result
    assert "not the ones orgdesk writes" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("hostile", ["trigger-sqliteX", "trigger-sqlite_-prefix-crafted"],
                         indirect=True)
def test_a_trigger_never_reaches_the_working_copy_even_past_the_schema_check(
        hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: with the schema comparison switched off, the trigger still never runs."""
    monkeypatch.setattr(migrations, "check_schema", lambda *args, **kwargs: None)
    expected = hostile_org()
    with DocumentFile.open(hostile) as doc:
        with closing(sqlite3.connect(doc._session_folder.working_path)) as conn:
            kinds = {row[0] for row in conn.execute("SELECT type FROM sqlite_schema")}
            assert kinds == {"table", "index"}
        service = DocumentService(doc)
        service.edit_position(PositionId(3), notes="first edit")
        org = doc.load()
        target = tmp_path / "saved.orgdesk"
        doc.save_as(target)
    assert org.position(PositionId(3)).duties == expected.position(PositionId(3)).duties
    assert all(not p.title.startswith("PWNED") for p in org.positions())
    with closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE type IN "
                            "('trigger', 'view')").fetchone() == (0,)
    assert read_organisation(target).position(PositionId(1)).duties == \
        expected.position(PositionId(1)).duties


def test_the_released_schema_is_what_the_orm_creates() -> None:
    """Changing a table without a new format and an upgrade step must fail here."""
    from orgdesk.storage.schema_history import RELEASED

    conn = sqlite3.connect(":memory:")
    try:
        for statement in RELEASED[migrations.SCHEMA_VERSION]:
            conn.execute(statement)
        frozen = set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema"))
    finally:
        conn.close()
    assert frozen == set(migrations.expected_schema())
    orm = sqlite3.connect(":memory:")
    try:  # expected_schema() is built from RELEASED itself, so the ORM's own output too
        migrations.create_schema(orm)
        assert frozen == set(orm.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema"))
    finally:
        orm.close()
    for version in range(migrations.OLDEST_SUPPORTED, migrations.SCHEMA_VERSION + 1):
        assert version in RELEASED
