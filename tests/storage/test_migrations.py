"""Schema upgrades: one transaction per step, version checks, upgrade on the working copy only."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.storage import migrations
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import CorruptFile, FileTooNew, FileTooOld, name_of
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.session import sessions_dir
from tests.storage.support import file_state, header_fields, hostile_org, integrity, listing

INDEX_SQL = "CREATE INDEX ix_positions_title ON positions (title)"
#: The format this build writes, and the one the tests below pretend a newer build writes.
CURRENT = migrations.SCHEMA_VERSION
NEXT = CURRENT + 1


class StepFailed(Exception):
    pass


@pytest.fixture
def v1_db(tmp_path: Path) -> Iterator[tuple[sqlite3.Connection, Path]]:
    """A format-1 database file and an autocommit connection to it."""
    path = tmp_path / "upgrade.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.create_released_schema(conn, 1)
    conn.execute("INSERT INTO positions (id, title, kind, sort_order, planned_headcount, "
                 "filled_headcount, level, headcount_note, education, other_requirements, "
                 "career_path, notes) VALUES (1, 'Boss', 'line', 0, 1, 0, '', '', '', '', '', '')")
    try:
        yield conn, path
    finally:
        conn.close()


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}


def _committed_version(path: Path) -> int:
    """user_version as another connection sees it: only committed work counts."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as other:
        return other.execute("PRAGMA user_version").fetchone()[0]


# ------------------------------------------------------------------ upgrade()
def test_each_step_runs_in_its_own_transaction(v1_db: tuple[sqlite3.Connection, Path]) -> None:
    conn, path = v1_db
    seen: list[tuple[int, bool, int, int]] = []

    def step(version: int):
        def run(c: sqlite3.Connection) -> None:
            # Inside a transaction; the previous step is already committed.
            seen.append((version, c.in_transaction, _version(c), _committed_version(path)))
            c.execute(f"CREATE TABLE added_by_{version} (x)")
        return run

    old = migrations.upgrade(conn, path, steps={1: step(1), 2: step(2), 3: step(3)}, target=4)
    assert old == 1
    assert seen == [(1, True, 1, 1), (2, True, 2, 2), (3, True, 3, 3)]
    assert _version(conn) == 4 and _committed_version(path) == 4
    assert {"added_by_1", "added_by_2", "added_by_3"} <= _tables(conn)
    assert not conn.in_transaction


def test_upgrade_starts_from_the_files_version(v1_db: tuple[sqlite3.Connection, Path]) -> None:
    conn, path = v1_db
    conn.execute("PRAGMA user_version = 2")
    ran: list[int] = []
    steps = {v: (lambda c, v=v: ran.append(v)) for v in (1, 2, 3)}
    assert migrations.upgrade(conn, path, steps=steps, target=4) == 2
    assert ran == [2, 3] and _version(conn) == 4
    assert migrations.upgrade(conn, path, steps=steps, target=4) == 4  # nothing left to do
    assert ran == [2, 3]


@pytest.mark.parametrize("failing", [1, 2, 3])
def test_a_failing_step_rolls_back_and_leaves_the_version(
        v1_db: tuple[sqlite3.Connection, Path], failing: int) -> None:
    conn, path = v1_db

    def step(version: int):
        def run(c: sqlite3.Connection) -> None:
            c.execute(f"CREATE TABLE added_by_{version} (x)")
            c.execute("UPDATE positions SET title = ? WHERE id = 1", (f"step {version}",))
            if version == failing:
                raise StepFailed(f"step {version} failed half-way")
        return run

    with pytest.raises(StepFailed):
        migrations.upgrade(conn, path, steps={v: step(v) for v in (1, 2, 3)}, target=4)
    assert not conn.in_transaction
    assert _version(conn) == failing == _committed_version(path)
    assert f"added_by_{failing}" not in _tables(conn)
    assert {f"added_by_{v}" for v in range(1, failing)} <= _tables(conn)
    title = conn.execute("SELECT title FROM positions WHERE id = 1").fetchone()[0]
    assert title == ("Boss" if failing == 1 else f"step {failing - 1}")
    assert integrity(path) == [("ok",)]


def test_a_step_failing_inside_sqlite_rolls_back(v1_db: tuple[sqlite3.Connection, Path]) -> None:
    conn, path = v1_db

    def bad(c: sqlite3.Connection) -> None:
        c.execute("UPDATE positions SET title = 'changed'")
        c.execute("INSERT INTO positions (id, title, planned_headcount) VALUES (2, 'x', -1)")

    with pytest.raises(CorruptFile, match="could not be upgraded to file format 2") as caught:
        migrations.upgrade(conn, path, steps={1: bad}, target=2)
    assert isinstance(caught.value.__cause__, sqlite3.IntegrityError)
    assert _version(conn) == 1 and not conn.in_transaction
    assert conn.execute("SELECT title FROM positions").fetchall() == [("Boss",)]


def test_a_step_that_ends_its_own_transaction_is_not_stamped(
        v1_db: tuple[sqlite3.Connection, Path]) -> None:
    """executescript() COMMITs first: the step is no longer atomic, so it must not count."""
    conn, path = v1_db

    def uses_executescript(c: sqlite3.Connection) -> None:
        c.executescript("CREATE TABLE t (x); CREATE TABLE u (y);")

    with pytest.raises(RuntimeError, match="ended its own transaction"):
        migrations.upgrade(conn, path, steps={1: uses_executescript}, target=2)
    assert _version(conn) == 1 and not conn.in_transaction


def test_an_upgrade_that_breaks_foreign_keys_is_refused(
        v1_db: tuple[sqlite3.Connection, Path]) -> None:
    conn, path = v1_db

    def orphan(c: sqlite3.Connection) -> None:
        c.execute("INSERT INTO duties (position_id, seq, text) VALUES (77, 0, 'orphan')")

    with pytest.raises(CorruptFile, match="could not be upgraded"):
        migrations.upgrade(conn, path, steps={1: orphan}, target=2)


# -------------------------------------------------------------- check_version
def test_check_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "old or new.orgdesk"
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    migrations.check_version(3, path, steps={})
    migrations.check_version(1, path, steps={1: noop, 2: noop})
    migrations.check_version(2, path, steps={2: noop})
    with pytest.raises(FileTooNew) as new:
        migrations.check_version(4, path, steps={1: noop, 2: noop, 3: noop})
    assert name_of(path) in str(new.value) and "newer version" in str(new.value)
    assert "file format 4" in str(new.value) and "up to 3" in str(new.value)
    with pytest.raises(FileTooOld) as old:
        migrations.check_version(1, path, steps={2: noop})  # no way from 1 to 2
    assert name_of(path) in str(old.value) and "file format 1" in str(old.value)
    with pytest.raises(FileTooOld):
        migrations.check_version(0, path, steps={1: noop, 2: noop})
    with pytest.raises(FileTooOld):
        migrations.check_version(1, path, steps={1: noop})  # gap at 2
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: noop, 2: noop})
    migrations.check_version(1, path)  # the module's own chain is the default


def test_the_released_chain_is_consistent() -> None:
    assert migrations.OLDEST_SUPPORTED <= migrations.SCHEMA_VERSION
    for version in range(migrations.OLDEST_SUPPORTED, migrations.SCHEMA_VERSION):
        assert version in migrations.MIGRATIONS


# ------------------------------------------- a real upgrade path, file to file
@pytest.fixture
def schema_v2() -> Iterator[None]:
    """Pretend this build writes format NEXT = the current one + an index, with a step to it."""
    original_create = migrations.create_schema

    def create_v2(conn: sqlite3.Connection) -> None:
        original_create(conn)
        conn.execute(INDEX_SQL)

    def step_1_to_2(conn: sqlite3.Connection) -> None:
        conn.execute(INDEX_SQL)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", NEXT)
        patch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, CURRENT: step_1_to_2})
        patch.setattr(migrations, "create_schema", create_v2)
        migrations.expected_schema.cache_clear()
        try:
            yield
        finally:
            migrations.expected_schema.cache_clear()
    migrations.expected_schema.cache_clear()
    assert ("index", "ix_positions_title") not in {
        (t, n) for t, n, *_ in migrations.expected_schema()}


def _has_title_index(path: Path) -> bool:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'ix_positions_title'"
                            ).fetchone() is not None


@pytest.fixture
def v1_file(tmp_path: Path, small_file_bytes: bytes) -> Path:
    path = tmp_path / "from 2023.orgdesk"
    path.write_bytes(small_file_bytes)
    assert header_fields(path)["user_version"] == CURRENT  # "v1" of the pretence
    return path


def test_opening_an_older_file_upgrades_only_the_working_copy(
        v1_file: Path, schema_v2: None) -> None:
    before = file_state(v1_file)
    doc = DocumentFile.open(v1_file)
    try:
        assert doc.upgraded_from == CURRENT
        assert doc.modified  # the upgrade is an unsaved change
        working = doc._session_folder.working_path
        assert header_fields(working)["user_version"] == NEXT
        assert _has_title_index(working)
        assert doc.load().snapshot() == hostile_org().snapshot()
        assert file_state(v1_file) == before  # the user's file is untouched …
        DocumentService(doc).edit_position(PositionId(3), notes="edited in v2")
        assert file_state(v1_file) == before  # … also after edits
        doc.save()
        assert not doc.modified
    finally:
        doc.close()
    fields = header_fields(v1_file)
    assert fields["user_version"] == NEXT and fields["application_id"] == 0x4F726744
    assert _has_title_index(v1_file)
    assert integrity(v1_file) == [("ok",)]
    with DocumentFile.open(v1_file) as again:
        assert again.upgraded_from is None and not again.modified
        assert again.load().position(PositionId(3)).notes == "edited in v2"
    assert listing(v1_file.parent) == ["from 2023.orgdesk", "state"]


def test_closing_an_upgraded_file_without_saving_leaves_it_at_v1(
        v1_file: Path, schema_v2: None) -> None:
    before = file_state(v1_file)
    with DocumentFile.open(v1_file) as doc:
        assert doc.modified
    assert file_state(v1_file) == before
    assert list(sessions_dir().iterdir()) == []


def test_read_organisation_upgrades_in_memory(v1_file: Path, schema_v2: None) -> None:
    before = file_state(v1_file)
    assert read_organisation(v1_file).snapshot() == hostile_org().snapshot()
    assert file_state(v1_file) == before


def test_the_saved_v2_file_is_too_new_for_a_v1_build(v1_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "upgraded.orgdesk"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", NEXT)
        patch.setattr(migrations, "MIGRATIONS",
                      {**migrations.MIGRATIONS, CURRENT: lambda c: c.execute(INDEX_SQL)})
        original_create = migrations.create_schema
        patch.setattr(migrations, "create_schema",
                      lambda c: (original_create(c), c.execute(INDEX_SQL)))
        migrations.expected_schema.cache_clear()
        try:
            with DocumentFile.open(v1_file) as doc:
                doc.save_as(target)
        finally:
            migrations.expected_schema.cache_clear()
    before = file_state(target)
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(FileTooNew, match="newer version"):
            opener(target)
    assert file_state(target) == before


def test_an_older_file_without_an_upgrade_path_is_refused(
        v1_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: migrations.MIGRATIONS[1]})
    before = file_state(v1_file)
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(FileTooOld, match="can no longer upgrade"):
            opener(v1_file)
    assert file_state(v1_file) == before


@pytest.mark.parametrize("failure", ["python", "sqlite"])
def test_a_failing_upgrade_during_open_leaves_everything_as_it_was(
        v1_file: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    def broken_step(conn: sqlite3.Connection) -> None:
        conn.execute(INDEX_SQL)
        if failure == "python":
            raise StepFailed("bug in a migration step")
        conn.execute("UPDATE positions SET planned_headcount = -1")  # CHECK constraint

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, CURRENT: broken_step})
    before = file_state(v1_file)
    expected = StepFailed if failure == "python" else CorruptFile
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(expected) as caught:
            opener(v1_file)
        if expected is CorruptFile:
            assert name_of(v1_file) in str(caught.value)
            assert "could not be upgraded" in str(caught.value)
    assert file_state(v1_file) == before
    assert list(sessions_dir().iterdir()) == []


def noop(conn: sqlite3.Connection) -> None:
    """A migration step that changes nothing."""
