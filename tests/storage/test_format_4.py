"""File format 4 (scenarios): real format-3 files open with one scenario, upgrade only the
working copy, and save as 4; an older build refuses a format-4 file; the scenarios are
covered by the checksum; a kill while editing one scenario loses nothing in the others.

The format-3 files here were written by the released format-3 build (see
`tests/storage/v3_fixtures.py`), not by this one pretending.
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
from orgdesk.services.scenarios import ScenarioService
from orgdesk.storage import migrations
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import CorruptFile, FileTooNew
from orgdesk.storage.reading import SCENARIO, read_organisation
from orgdesk.storage.scenario_table import DEFAULT_NAME, SCENARIOS_FORMAT
from orgdesk.storage.schema_history import RELEASED
from orgdesk.storage.sqlite_file import schema_of
from tests.storage.support import big_org, file_state, header_fields, hostile_org, integrity
from tests.storage.v3_fixtures import BIG_COUNT, BIG_DUTY_CHARS

FIXTURES = Path(__file__).with_name("fixtures")
FORMAT_3 = FIXTURES / "format-3.orgdesk"
FORMAT_3_SAMPLES = sorted((FIXTURES / "format-3-samples").glob("*.orgdesk.gz"))
FORMAT_3_BIG = FIXTURES / "format-3-10000.orgdesk.gz"
KILL_CHILD = Path(__file__).with_name("scenario_kill_child.py")


def _contents(org: Organisation) -> tuple[object, ...]:
    """An organisation's snapshot without the save time (a save stamps `modified`)."""
    info, *rest = org.snapshot()
    assert isinstance(info, DocumentInfo)
    return (info.title, info.client, info.author, info.notes, info.created, *rest)


def _read(path: Path, scenario: str | None = None) -> Organisation:
    token = SCENARIO.set(scenario)
    try:
        return read_organisation(path)
    finally:
        SCENARIO.reset(token)


def _unpacked(packed: Path, target: Path) -> Path:
    target.write_bytes(gzip.decompress(packed.read_bytes()))
    return target


@pytest.fixture
def v3_file(tmp_path: Path) -> Path:
    path = tmp_path / "client 2026.orgdesk"
    shutil.copyfile(FORMAT_3, path)
    return path


def test_the_fixture_is_a_real_format_3_file_and_format_3_is_frozen() -> None:
    assert SCENARIOS_FORMAT == 4 == migrations.SCHEMA_VERSION
    assert header_fields(FORMAT_3)["user_version"] == 3
    with closing(sqlite3.connect(f"file:{FORMAT_3}?mode=ro", uri=True)) as conn:
        assert schema_of(conn) == migrations.normalised(migrations.expected_schema(3))
    assert set(RELEASED[4]) - set(RELEASED[3]) == {
        next(sql for sql in RELEASED[4] if sql.startswith("CREATE TABLE scenarios"))}


def test_a_format_3_file_opens_with_one_scenario_and_is_written_only_by_save(
        v3_file: Path, tmp_path: Path) -> None:
    before = file_state(v3_file)
    assert _read(v3_file).snapshot() == hostile_org().snapshot()
    assert _read(v3_file, DEFAULT_NAME).snapshot() == hostile_org().snapshot()
    with DocumentFile.open(v3_file) as doc:
        assert doc.upgraded_from == 3
        assert doc.modified  # the upgraded copy differs from the file until saved
        service = DocumentService(doc)
        scenarios = ScenarioService(service)
        assert [(s.name, s.active) for s in scenarios.scenarios()] == [(DEFAULT_NAME, True)]
        scenarios.create("方案A", switch=True)
        service.edit_position(PositionId(1), title="方案A 的总经理")
        assert file_state(v3_file) == before  # the user's file is untouched until Save
        doc.save()
    assert header_fields(v3_file)["user_version"] == 4
    assert integrity(v3_file) == [("ok",)]
    assert _read(v3_file).position(PositionId(1)).title == "方案A 的总经理"
    assert _contents(_read(v3_file, DEFAULT_NAME)) == _contents(hostile_org())


def test_closing_an_upgraded_file_unsaved_leaves_it_format_3(v3_file: Path) -> None:
    before = file_state(v3_file)
    with DocumentFile.open(v3_file) as doc:
        ScenarioService(DocumentService(doc)).create("方案A")
    assert file_state(v3_file) == before
    assert header_fields(v3_file)["user_version"] == 3


@pytest.mark.parametrize("packed", FORMAT_3_SAMPLES, ids=lambda p: p.name.split(".")[0])
def test_every_released_sample_upgrades(packed: Path, tmp_path: Path) -> None:
    path = _unpacked(packed, tmp_path / packed.name.removesuffix(".gz"))
    assert header_fields(path)["user_version"] == 3
    source = load_sample_source(find_sample(path.name.removesuffix(".orgdesk")).source)
    assert read_organisation(path).snapshot() == source.snapshot()
    target = tmp_path / "saved.orgdesk"
    with DocumentFile.open(path) as doc:
        assert doc.upgraded_from == 3
        doc.save_as(target)
    assert header_fields(target)["user_version"] == 4
    assert header_fields(path)["user_version"] == 3
    assert _contents(read_organisation(target)) == _contents(source)


def test_a_10000_position_format_3_file_upgrades(tmp_path: Path) -> None:
    path = _unpacked(FORMAT_3_BIG, tmp_path / "big.orgdesk")
    expected = big_org(BIG_COUNT, BIG_DUTY_CHARS)
    assert len(read_organisation(path)) == BIG_COUNT
    target = tmp_path / "big4.orgdesk"
    with DocumentFile.open(path) as doc:
        assert doc.upgraded_from == 3
        service = DocumentService(doc)
        assert service.org.snapshot()[1:] == expected.snapshot()[1:]  # (made on another day)
        ScenarioService(service).create("方案A", switch=True)
        doc.save_as(target)
    assert header_fields(target)["user_version"] == 4
    assert _read(target, DEFAULT_NAME).snapshot()[1:] == expected.snapshot()[1:]
    assert _read(target, "方案A").snapshot()[1:] == expected.snapshot()[1:]


def test_a_format_4_file_is_too_new_for_a_format_3_build(v3_file: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    target = tmp_path / "scenarios.orgdesk"
    with DocumentFile.open(v3_file) as doc:
        ScenarioService(DocumentService(doc)).create("方案A")
        doc.save_as(target)
    before = file_state(target)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    migrations.expected_schema.cache_clear()
    try:
        for opener in (read_organisation, DocumentFile.open):
            with pytest.raises(FileTooNew, match="saved by a newer version of orgdesk"):
                opener(target)
    finally:
        monkeypatch.undo()
        migrations.expected_schema.cache_clear()
    assert file_state(target) == before


def test_the_checksum_covers_the_scenarios(v3_file: Path, tmp_path: Path) -> None:
    with DocumentFile.open(v3_file) as doc:
        ScenarioService(DocumentService(doc)).create("方案A")
        doc.save()
    with closing(sqlite3.connect(v3_file)) as conn:
        # Still valid JSON, one byte more: only the checksum can tell.
        changed = conn.execute("UPDATE scenarios SET snapshot = snapshot || ' ' "
                               "WHERE snapshot IS NOT NULL").rowcount
        conn.commit()
    assert changed == 1
    with pytest.raises(CorruptFile, match="changed outside orgdesk"):
        read_organisation(v3_file)


def test_a_file_whose_scenarios_do_not_say_which_is_open_is_refused(
        v3_file: Path) -> None:
    with DocumentFile.open(v3_file) as doc:
        ScenarioService(DocumentService(doc)).create("方案A")
        doc.save()
    with closing(sqlite3.connect(v3_file)) as conn:
        conn.execute("UPDATE scenarios SET snapshot = '{}' WHERE snapshot IS NULL")
        conn.execute("DELETE FROM meta WHERE key = 'checksum'")
        conn.commit()
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(CorruptFile, match="does not say which one is open"):
            opener(v3_file)


def test_a_kill_while_editing_one_scenario_loses_nothing_in_the_others(
        v3_file: Path, spawn_scenarios) -> None:
    with DocumentFile.open(v3_file) as doc:
        service = DocumentService(doc)
        ScenarioService(service).create("方案A", switch=True)
        doc.save()
    for round_number in range(3):
        child = spawn_scenarios(v3_file)
        child.wait_for("ready")
        # Let it edit and switch a while: kills land on edits and on switches alike.
        child.wait_for(f"edited {'方案A' if round_number % 2 == 0 else DEFAULT_NAME} "
                       f"{7 + 5 * round_number}")
        child.kill()
        reported: dict[str, int] = {}
        for line in child.lines():
            if line.startswith("edited "):
                _, name, number = line.split(" ")
                reported[name] = int(number)
        with DocumentFile.open(v3_file, recover=True) as doc:
            scenarios = ScenarioService(DocumentService(doc))
            for name, number in reported.items():
                notes = scenarios.organisation(scenarios.find(name).id) \
                    .position(PositionId(1)).notes
                scenario, kept = notes.split(" ")
                assert scenario == name and int(kept) >= number, (name, notes, number)
            doc.save()
        assert integrity(v3_file) == [("ok",)]


@pytest.fixture
def spawn_scenarios(tmp_path: Path, state_dir: Path):
    import os
    import subprocess
    import sys

    from tests.storage.conftest import Child

    children: list[Child] = []

    def start(path: Path) -> Child:
        n = len(children)
        status, stderr_path = tmp_path / f"kill-{n}.status", tmp_path / f"kill-{n}.stderr"
        env = {**os.environ, "ORGDESK_STATE_DIR": str(state_dir), "PYTHONDONTWRITEBYTECODE": "1"}
        with open(stderr_path, "wb") as stderr:
            proc = subprocess.Popen([sys.executable, str(KILL_CHILD), str(path), str(status)],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=stderr, env=env)
        child = Child(proc, status, stderr_path)
        children.append(child)
        return child

    yield start
    for child in children:
        if child.proc.poll() is None:
            child.proc.kill()
        child.proc.wait(timeout=30)


@pytest.mark.parametrize("name", ["x" * 41, "", " 方案", "方案\x1b]0;", "方案\u202e"])
def test_a_scenario_name_the_editor_could_not_have_given_is_refused(
        v3_file: Path, name: str) -> None:
    with DocumentFile.open(v3_file) as doc:
        ScenarioService(DocumentService(doc)).create("方案A")
        doc.save()
    with closing(sqlite3.connect(v3_file)) as conn:
        conn.execute("UPDATE scenarios SET name = ? WHERE name = '方案A'", (name,))
        conn.execute("DELETE FROM meta WHERE key = 'checksum'")
        conn.commit()
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(CorruptFile, match="has a name orgdesk cannot show"):
            opener(v3_file)
