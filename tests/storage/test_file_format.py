"""The on-disk format: header fields, journal mode, pragmas, and lossless round trips."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from orgdesk.core.model import (
    DocumentInfo,
    Kpi,
    PositionId,
    PositionKind,
    RelationKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.services.editor import DocumentService
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from orgdesk.storage.session import sessions_dir
from tests.storage.support import HOSTILE, header_fields, hostile_org, side_files


def _without_modified(org: Organisation) -> tuple[object, ...]:
    info, *rest = org.snapshot()
    assert isinstance(info, DocumentInfo)
    return (replace(info, modified=info.created), *rest)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "chart.orgdesk"
    path.parent.mkdir()
    create_file(path, hostile_org(), touch_modified=False)
    return path


# ---------------------------------------------------------------- header bytes
def test_application_id_and_user_version_are_in_the_header_bytes(saved: Path) -> None:
    raw = saved.read_bytes()
    assert raw[:16] == b"SQLite format 3\x00"
    assert APPLICATION_ID == 0x4F726744 and raw[68:72] == b"OrgD"
    assert int.from_bytes(raw[68:72], "big") == 0x4F726744
    assert int.from_bytes(raw[60:64], "big") == 4 == SCHEMA_VERSION


def test_save_as_writes_the_same_header(tmp_path: Path) -> None:
    target = tmp_path / "saved-as.orgdesk"
    with DocumentFile.new(hostile_org()) as doc:
        doc.save_as(target)
    fields = header_fields(target)
    assert fields["application_id"] == 0x4F726744
    assert fields["user_version"] == 4


# ---------------------------------------------------------------- journal mode
def test_saved_file_is_a_rollback_journal_database_not_wal(saved: Path) -> None:
    fields = header_fields(saved)
    # Header bytes 18/19 are 1 for rollback-journal databases and 2 for WAL.
    assert (fields["write_version"], fields["read_version"]) == (1, 1)
    with closing(sqlite3.connect(f"file:{saved}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_working_engine_pragmas(saved: Path) -> None:
    with DocumentFile.open(saved) as doc, doc.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "delete"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA trusted_schema")).scalar() == 0
        assert conn.execute(text("PRAGMA cell_size_check")).scalar() == 1
    assert not doc._session_folder.working_path.exists()  # closing deleted the working copy


def test_foreign_keys_are_enforced_in_the_working_copy(saved: Path) -> None:
    with DocumentFile.open(saved) as doc:
        before = doc.load().snapshot()
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), doc.transaction() as session:
            session.execute(text("INSERT INTO duties (position_id, seq, text) VALUES (999, 0, 'x')"))
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), doc.transaction() as session:
            session.execute(text("UPDATE positions SET superior_id = 4242 WHERE id = 3"))
        assert doc.load().snapshot() == before
        assert not doc.modified


def test_no_journal_wal_or_shm_files_remain(tmp_path: Path, saved: Path, state_dir: Path) -> None:
    doc = DocumentFile.open(saved)
    try:
        service = DocumentService(doc)
        for i in range(5):
            service.edit_position(PositionId(3), notes=f"edit {i}")
        working = doc._session_folder.working_path
        assert working.is_file()
        # Rollback journals are deleted at each commit; WAL is never used.
        assert side_files(working.parent) == []
        assert side_files(saved.parent) == []
        doc.save()
        service.edit_position(PositionId(3), notes="after save")
        doc.save_as(saved.with_name("copy.orgdesk"))
        assert side_files(tmp_path) == []
    finally:
        doc.close()
    assert side_files(tmp_path) == []
    assert sorted(p.name for p in saved.parent.iterdir()) == ["chart.orgdesk", "copy.orgdesk"]
    assert not any(sessions_dir().iterdir())  # the working copy went with the session
    for path in saved.parent.iterdir():
        assert header_fields(path)["write_version"] == 1


# ------------------------------------------------------------------ round trips
def test_hostile_fixture_really_uses_every_field() -> None:
    org = hostile_org()
    root = org.position(PositionId(1))
    assert root.duties == HOSTILE and len(org.relations) == 3
    assert {r.kind for r in org.relations} == set(RelationKind)
    assert {p.kind for p in org.positions()} == set(PositionKind)
    assert root.requirements == Requirements(
        education="硕士", min_years=10, age_min=30, age_max=55,
        languages=("普通话", "English", HOSTILE[5]), skills=tuple(reversed(HOSTILE)),
        other=HOSTILE[3])
    assert Kpi("no target") in root.kpis


def test_save_then_read_organisation_is_lossless(saved: Path) -> None:
    loaded = read_organisation(saved)
    expected = hostile_org()
    assert loaded.snapshot() == expected.snapshot()
    # Spot checks that would catch a snapshot that compared too little.
    assert loaded.info.modified.utcoffset() is not None
    assert loaded.info.modified == expected.info.modified
    assert loaded.position(PositionId(1)).duties == HOSTILE
    assert loaded.position(PositionId(3)).duties == (
        "z last alphabetically", "a first alphabetically", "m")
    assert loaded.position(PositionId(3)).requirements.min_years is None
    assert loaded.position(PositionId(2)).requirements.min_years == 0
    assert [p.id for p in loaded.direct_reports(PositionId(1))] == [2, 3]
    assert [p.id for p in loaded.roots()] == [1, 5]


def test_save_then_open_and_load_is_lossless(saved: Path) -> None:
    with DocumentFile.open(saved) as doc:
        assert doc.load().snapshot() == hostile_org().snapshot()
        assert not doc.modified


def test_new_document_save_as_then_open_is_lossless(tmp_path: Path) -> None:
    target = tmp_path / "new.orgdesk"
    with DocumentFile.new(hostile_org()) as doc:
        doc.save_as(target)
        in_working_copy = doc.load()
    assert _without_modified(in_working_copy) == _without_modified(hostile_org())
    with DocumentFile.open(target) as reopened:
        assert reopened.load().snapshot() == in_working_copy.snapshot()
    assert read_organisation(target).snapshot() == in_working_copy.snapshot()


def test_edits_through_the_service_survive_save_and_reopen(tmp_path: Path) -> None:
    """The incremental writer (write_changes), not only the whole-document one."""
    target = tmp_path / "edited.orgdesk"
    with DocumentFile.new() as doc:
        service = DocumentService(doc)
        source = hostile_org()
        for department in source.departments:
            service.add_department(department.name, department.colour)
        id_map = {}
        for position in source.positions():
            superior = None if position.superior_id is None else id_map[position.superior_id]
            fields = {name: getattr(position, name) for name in (
                "kind", "level", "planned_headcount", "headcount_note", "filled_headcount",
                "duties", "requirements", "kpis", "career_path", "notes")}
            created = service.new_position(position.title, superior, **fields)
            id_map[position.id] = created.id
        root = id_map[PositionId(1)]
        service.edit_position(root, duties=tuple(reversed(HOSTILE)),
                              kpis=(Kpi(HOSTILE[8], HOSTILE[2]),))
        service.move_position(id_map[PositionId(10)], id_map[PositionId(1)], 0)
        service.add_relation(id_map[PositionId(10)], id_map[PositionId(5)],
                             RelationKind.ADVISORY, HOSTILE[3])
        service.set_info(replace(service.org.info, title=HOSTILE[9], notes=HOSTILE[3]))
        doc.save_as(target)
        expected = service.org
        assert doc.load().position(root).duties == tuple(reversed(HOSTILE))
    loaded = read_organisation(target)
    assert _without_modified(loaded) == _without_modified(expected)
    assert [p.title for p in loaded.direct_reports(root)] == [HOSTILE[9], HOSTILE[0], HOSTILE[12]]
    assert loaded.position(root).kpis == (Kpi(HOSTILE[8], HOSTILE[2]),)
    with DocumentFile.open(target) as reopened:
        assert reopened.load().snapshot() == loaded.snapshot()
