"""Scenarios of one document: create (a copy), rename, delete, reorder, switch, and undo.

Each operation is one transaction returning its steps; `apply(edit.inverse())`
undoes it exactly.  The scenarios are whole organisations: an edit in one
never shows in another, settings included, and every one survives a save.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services import DocumentService
from orgdesk.services.scenarios import (
    MAX_NAME_LENGTH,
    ScenarioEdit,
    ScenarioError,
    ScenarioService,
    check_name,
)
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import CorruptFile
from orgdesk.storage.reading import SCENARIO, read_organisation
from orgdesk.storage.scenario_table import DEFAULT_NAME
from orgdesk.storage.scenarios import UnknownScenario


@pytest.fixture
def scenarios(service: DocumentService) -> ScenarioService:
    return ScenarioService(service)


def _names(scenarios: ScenarioService) -> list[str]:
    return [("*" if s.active else "") + s.name for s in scenarios.scenarios()]


def _read(path: Path, name: str | None = None):
    token = SCENARIO.set(name)
    try:
        return read_organisation(path)
    finally:
        SCENARIO.reset(token)


def test_a_document_starts_with_one_scenario(scenarios: ScenarioService) -> None:
    assert _names(scenarios) == [f"*{DEFAULT_NAME}"]


def test_create_copies_the_open_scenario_and_places_it_after_it(
        scenarios: ScenarioService, service: DocumentService) -> None:
    before = service.org.snapshot()
    edit = scenarios.create("  方案A ")
    assert _names(scenarios) == [f"*{DEFAULT_NAME}", "方案A"]
    copy = scenarios.organisation(scenarios.find("方案A").id)
    assert copy.snapshot() == before
    assert [s.kind for s in edit.steps] == ["add"]
    scenarios.switch(scenarios.find("方案A").id)
    scenarios.create("方案B")
    assert _names(scenarios) == [DEFAULT_NAME, "*方案A", "方案B"]


def test_each_scenario_is_its_own_organisation_with_its_own_settings(
        scenarios: ScenarioService, service: DocumentService, sample_path: Path) -> None:
    original = service.org.snapshot()
    scenarios.create("方案A", switch=True)
    service.edit_position(PositionId(4), planned_headcount=28)
    service.set_setting("span_rules", {"team_leader": {"max_agents": 12, "min_agents": 10}})
    removed = service.org.direct_reports(PositionId(1))[-1].id
    service.remove_branch(removed)
    designed = service.org.snapshot()
    scenarios.switch(scenarios.find(DEFAULT_NAME).id)
    assert service.org.snapshot() == original
    assert "span_rules" not in service.org.settings
    scenarios.switch(scenarios.find("方案A").id)
    assert service.org.snapshot() == designed
    # The working copy holds exactly what memory holds, and Save keeps both scenarios.
    assert service.file.load().snapshot() == designed
    service.save()
    assert _read(sample_path).snapshot()[1:] == designed[1:]
    assert _read(sample_path, DEFAULT_NAME).snapshot()[1:] == original[1:]
    with pytest.raises(UnknownScenario, match="“方案Z”"):
        _read(sample_path, "方案Z")


def test_switch_and_its_inverse(scenarios: ScenarioService, service: DocumentService) -> None:
    scenarios.create("方案A", switch=True)
    service.edit_position(PositionId(1), title="总监 A")
    edit = scenarios.switch(scenarios.find(DEFAULT_NAME).id)
    assert service.org.position(PositionId(1)).title != "总监 A"
    scenarios.apply(edit.inverse())
    assert scenarios.active().name == "方案A"
    assert service.org.position(PositionId(1)).title == "总监 A"
    scenarios.apply(edit)
    assert scenarios.active().name == DEFAULT_NAME
    assert scenarios.switch(scenarios.active().id).steps == ()


@pytest.mark.parametrize("name, message", [
    ("   ", "needs a name"),
    ("x" * (MAX_NAME_LENGTH + 1), f"at most {MAX_NAME_LENGTH} characters"),
    ("方案\x1b]0;A", "control characters"),
    ("现状", "already a scenario named “现状”"),
    ("option a", "already a scenario named “option a”"),
])
def test_names_are_checked(name: str, message: str) -> None:
    with pytest.raises(ScenarioError, match=message) as caught:
        check_name(name, ["现状", "Option A"])
    assert str(caught.value).count(".") == 1  # one sentence


def test_rename_is_checked_and_undone(scenarios: ScenarioService) -> None:
    scenarios.create("方案A")
    first = scenarios.find(DEFAULT_NAME).id
    with pytest.raises(ScenarioError, match="already"):
        scenarios.rename(first, "方案A")
    edit = scenarios.rename(first, "现状 2025")
    assert _names(scenarios) == ["*现状 2025", "方案A"]
    scenarios.apply(edit.inverse())
    assert _names(scenarios) == [f"*{DEFAULT_NAME}", "方案A"]


def test_the_default_name_reads_in_each_language_and_is_never_rewritten(
        scenarios: ScenarioService, sample_path: Path) -> None:
    """现状 is orgdesk's name for the first scenario, so a reader sees it in their language;
    the file keeps 现状 (an old file, a new one, the checksum, `--scenario 现状`), a name the
    user typed is shown as typed, and no two scenarios can read the same in either language."""
    from orgdesk.services.scenario_names import DEFAULT_NAMES, shown_name

    english = DEFAULT_NAMES["en"]
    assert [shown_name(s.name, "en") for s in scenarios.scenarios()] == [english]
    assert [shown_name(s.name, "zh") for s in scenarios.scenarios()] == [DEFAULT_NAME]
    for taken in (english, english.upper(), DEFAULT_NAME):
        with pytest.raises(ScenarioError, match="already"):
            scenarios.create(taken)
    first = scenarios.active().id
    assert not scenarios.rename(first, f" {english} ").steps  # confirmed as the window shows it
    scenarios.create("方案A")
    assert _names(scenarios) == [f"*{DEFAULT_NAME}", "方案A"]  # stored as the file names it
    scenarios.documents.file.save()
    assert len(_read(sample_path, DEFAULT_NAME)) > 0
    # Named as it reads in English, the default is found (the CLI's --scenario too).
    assert scenarios.find(english).id == first
    assert _read(sample_path, english).snapshot() == _read(sample_path, DEFAULT_NAME).snapshot()
    # The user's own English name stays English in Chinese, and 现状 may not join it.
    scenarios.rename(first, "Current State")
    assert [shown_name(s.name, "zh") for s in scenarios.scenarios()] == ["Current State", "方案A"]
    with pytest.raises(ScenarioError, match="already"):
        scenarios.rename(scenarios.find("方案A").id, DEFAULT_NAME)
    assert shown_name("方案A", "en") == "方案A"


def test_the_last_scenario_cannot_be_deleted(scenarios: ScenarioService) -> None:
    with pytest.raises(ScenarioError, match="only scenario"):
        scenarios.delete(scenarios.active().id)


def test_deleting_the_open_scenario_opens_its_neighbour_and_undo_brings_it_back(
        scenarios: ScenarioService, service: DocumentService) -> None:
    original = service.org.snapshot()
    scenarios.create("方案A", switch=True)
    scenarios.create("方案B")
    service.edit_position(PositionId(1), title="总监 A")
    designed = service.org.snapshot()
    edit = scenarios.delete(scenarios.find("方案A").id)
    assert _names(scenarios) == [DEFAULT_NAME, "*方案B"]
    assert service.org.snapshot() == original  # 方案B was copied before the edit
    undo = edit.inverse()
    scenarios.apply(undo)
    assert _names(scenarios) == [DEFAULT_NAME, "*方案A", "方案B"]
    assert service.org.snapshot() == designed
    scenarios.apply(edit)  # redo
    assert _names(scenarios) == [DEFAULT_NAME, "*方案B"]


def test_reorder_and_undo(scenarios: ScenarioService) -> None:
    scenarios.create("B")
    scenarios.create("A")  # after the open one: 现状, A, B
    assert _names(scenarios) == [f"*{DEFAULT_NAME}", "A", "B"]
    edit = scenarios.move(scenarios.find(DEFAULT_NAME).id, 5)
    assert _names(scenarios) == ["A", "B", f"*{DEFAULT_NAME}"]
    scenarios.apply(edit.inverse())
    assert _names(scenarios) == [f"*{DEFAULT_NAME}", "A", "B"]


def test_an_edit_round_trips_through_json(scenarios: ScenarioService) -> None:
    edit = scenarios.create("方案A", switch=True)
    assert ScenarioEdit.from_json(edit.to_json()) == edit


def test_a_damaged_snapshot_is_refused_and_nothing_changes(
        scenarios: ScenarioService, service: DocumentService, sample_path: Path) -> None:
    scenarios.create("方案A")
    service.save()
    service.file.close()
    with closing(sqlite3.connect(sample_path)) as conn:
        conn.execute("UPDATE scenarios SET snapshot = replace(snapshot, '\"tables\"', "
                     "'\"tablez\"') WHERE snapshot IS NOT NULL")
        conn.execute("DELETE FROM meta WHERE key = 'checksum'")  # edited on purpose
        conn.commit()
    with DocumentFile.open(sample_path) as file:
        documents = DocumentService(file)
        again = ScenarioService(documents)
        before = documents.org.snapshot()
        with pytest.raises(CorruptFile, match="one of its scenarios cannot be read"):
            again.switch(again.find("方案A").id)
        assert again.active().name == DEFAULT_NAME
        assert documents.org.snapshot() == before == file.load().snapshot()


def test_a_snapshot_with_list_rows_out_of_order_is_refused(
        scenarios: ScenarioService, service: DocumentService) -> None:
    """Grouping list rows by position relies on their order: a crafted snapshot must not
    make memory and the tables disagree."""
    import json

    from orgdesk.storage.scenarios import load_snapshot, snapshot_of

    data = json.loads(snapshot_of(service.org))
    data["tables"]["duties"].reverse()
    with pytest.raises(CorruptFile):
        load_snapshot(json.dumps(data), service.org.info, Path("x.orgdesk"))
    data = json.loads(snapshot_of(service.org))
    data["tables"]["positions"][0][2] = True  # a boolean where a number belongs
    with pytest.raises(CorruptFile):
        load_snapshot(json.dumps(data), service.org.info, Path("x.orgdesk"))


def test_a_scenario_read_ahead_is_switched_to_without_reading_it_again(
        scenarios: ScenarioService, service: DocumentService,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from orgdesk.storage import scenarios as store

    scenarios.create("方案A", switch=True)
    service.edit_position(PositionId(1), title="总监 A")
    designed = service.org.snapshot()
    scenarios.switch(scenarios.find(DEFAULT_NAME).id)
    scenarios._kept.clear()  # as after opening the file: nothing in memory
    scenarios.prefetch()
    for future in list(scenarios._pending.values()):
        future.result()

    def read_again(*args: object) -> None:
        raise AssertionError("the snapshot was read again")

    monkeypatch.setattr(store, "load_snapshot", read_again)
    scenarios.switch(scenarios.find("方案A").id)
    assert service.org.snapshot() == designed == service.file.load().snapshot()


def test_a_stale_read_ahead_is_not_used(scenarios: ScenarioService,
                                        service: DocumentService) -> None:
    scenarios.create("方案A")
    scenarios.prefetch()
    for future in list(scenarios._pending.values()):
        future.result()
    # 方案A changes after it was read ahead: opened, edited, left again.
    sid = scenarios.find("方案A").id
    stale = scenarios._pending[sid]
    scenarios.switch(sid)
    service.edit_position(PositionId(1), title="总监 A")
    scenarios.switch(scenarios.find(DEFAULT_NAME).id)
    scenarios._kept.clear()
    scenarios._pending[sid] = stale
    scenarios.switch(sid)
    assert service.org.position(PositionId(1)).title == "总监 A"
    assert service.file.load().snapshot() == service.org.snapshot()
