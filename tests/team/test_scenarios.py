"""Documents of several scenarios (file format 4) in the team library, on a real server:
a version holds every scenario (name, order, which one is open, each one's organisation
and settings), pull writes them all back, versions without scenarios still pull, and a
stale publish of documents with scenarios shows the difference and merges scenario by
scenario (test_scenario_merge.py has the cases)."""
from __future__ import annotations

import contextvars
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from orgdesk.cli import main
from orgdesk.core.model import PositionId
from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.samples import template_organisation
from orgdesk.services.editor import DocumentService
from orgdesk.services.scenarios import ScenarioService
from orgdesk.storage import intake
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.scenario_table import DEFAULT_NAME
from orgdesk.team.documents import (
    SCENARIOS_KEY,
    SHARES_KEY,
    Origin,
    Scenario,
    TeamDocument,
    document_from_text,
    document_text,
    origin_of,
    read_document,
    team_document_from_text,
    without_origin,
)
from orgdesk.team.errors import LibraryProblem
from orgdesk.team.library import Library
from orgdesk.team.schema import versions
from tests.team.conftest import sample_file

LEAN, GROWTH = "精简方案", "扩张方案"


def _three_scenarios(tmp_path: Path) -> Path:
    """A sample with three scenarios, each edited differently: the order is
    GROWTH, 现状, LEAN (GROWTH moved first) and LEAN is the open one."""
    path = sample_file(tmp_path)
    with DocumentFile.open(path, recover=False) as file:
        service = DocumentService(file)
        scenarios = ScenarioService(service)
        ids = sorted(p.id for p in service.org.positions())
        service.edit_position(ids[1], title="现状的经理")
        scenarios.create(LEAN, switch=True)
        service.remove_branch(ids[-1])
        service.set_setting("currency", "USD")
        scenarios.create(GROWTH, switch=True)
        service.new_position("新设的岗位", PositionId(ids[0]))
        service.edit_position(ids[1], title="扩张的经理")
        scenarios.move(scenarios.find(GROWTH).id, 0)
        scenarios.switch(scenarios.find(LEAN).id)
        file.save()
    return path


def _stored(path: Path) -> list[tuple[Any, ...]]:
    """The file's scenario rows as stored: name, order, open, snapshot text (ids aside)."""
    return intake.read_validated(path, lambda conn, _version: conn.execute(
        "SELECT name, ordinal, snapshot IS NULL, snapshot FROM scenarios "
        "ORDER BY ordinal").fetchall())


def _plain(document: TeamDocument) -> list[tuple[str, bool, Any]]:
    return [(s.name, s.open, without_origin(s.org).snapshot()[1:])
            for s in document.scenarios]


def test_three_scenarios_publish_and_pull_back_identical(
        url: str, project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _three_scenarios(tmp_path)
    before = read_document(source)
    assert [(s.name, s.open) for s in before.scenarios] == [
        (GROWTH, False), (DEFAULT_NAME, False), (LEAN, True)]
    organisations = [s.org.snapshot()[1:] for s in before.scenarios]
    assert len({repr(o) for o in organisations}) == 3  # each scenario is its own
    assert main(["publish", str(source), "--project", project, "-m", "三个方案",
                 "--url", url]) == 0
    # The published file is rewritten with its origin and keeps all three scenarios.
    published = read_document(source)
    assert _plain(published) == _plain(before)
    assert all(origin_of(s.org) is not None for s in published.scenarios)
    pulled = tmp_path / "pulled.orgdesk"
    capsys.readouterr()
    assert main(["pull", project, "-o", str(pulled), "--url", url]) == 0
    assert "3 scenarios" in capsys.readouterr().out
    assert _plain(read_document(pulled)) == _plain(before)
    # Byte for byte: the same names, order, open scenario and snapshot texts, the same
    # open organisation (both files remember the same origin).
    assert _stored(pulled) == _stored(source)
    assert read_organisation(pulled).snapshot() == read_organisation(source).snapshot()
    with Library.open(url) as library:
        version = library.log(project)[0]
        lean = next(s for s in before.scenarios if s.open).org
        assert version.position_count == len(lean)  # the open scenario's, as search's
        hits = library.search("新设的岗位", project=project)
        assert hits == []  # only the open scenario is indexed for search
        # The pulled file goes on: a publish from it is based on the pulled version.
        capsys.readouterr()
        assert main(["publish", str(pulled), "-m", "again"]) == 1
        assert "Nothing changed" in capsys.readouterr().err


def test_a_version_without_scenarios_still_pulls(library: Library, url: str, project: str,
                                                 tmp_path: Path) -> None:
    org = template_organisation("call_center_chart")
    version = library.publish(org, project, "one organisation").version
    with library.engine.connect() as connection:
        stored = connection.execute(versions.select().with_only_columns(versions.c.document)
                                    .where(versions.c.id == version.id)).scalar_one()
    assert SCENARIOS_KEY not in json.loads(stored)  # stored as before scenarios
    target = tmp_path / "old.orgdesk"
    assert main(["pull", project, "-o", str(target), "--url", url]) == 0
    document = read_document(target)
    assert [(s.name, s.open) for s in document.scenarios] == [(DEFAULT_NAME, True)]
    assert without_origin(document.org).snapshot() == org.snapshot()


def test_a_stale_multi_scenario_publish_merges_scenario_by_scenario_or_may_branch(
        url: str, project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _three_scenarios(tmp_path)
    assert main(["publish", str(source), "--project", project, "-m", "v1", "--url", url]) == 0
    anna, ben = tmp_path / "anna.orgdesk", tmp_path / "ben.orgdesk"
    for path in (anna, ben):
        assert main(["pull", project, "-o", str(path), "--url", url]) == 0
    for path, title in ((anna, "安娜的"), (ben, "本的")):
        with DocumentFile.open(path, recover=False) as file:
            service = DocumentService(file)
            service.edit_position(min(p.id for p in service.org.positions()), title=title)
            file.save()
    assert main(["publish", str(anna), "-m", "anna"]) == 0
    before = ben.read_bytes()
    capsys.readouterr()
    assert main(["publish", str(ben), "-m", "ben"]) == 1
    error = capsys.readouterr().err
    # The difference scenario by scenario: anna's edit in the open one, none in the others.
    assert f"“{LEAN}” → version" in error and "安娜的" in error
    assert error.count("No differences between") == 2
    # Both retitled one position of the open scenario: a conflict that names the scenario.
    assert main(["publish", str(ben), "-m", "ben", "--merge"]) == 1
    error = capsys.readouterr().err
    assert "found 1 conflicts" in error
    assert f"Scenario “{LEAN}”: Both sides changed the position" in error
    assert ben.read_bytes() == before
    assert main(["publish", str(ben), "-m", "ben", "--branch", "ben"]) == 0
    with Library.open(url) as library:
        _, branched = library.pull_document(f"{project}@ben")
        head = library.log(project)[1]  # anna's, on main
        merged = library.publish(branched, project, "merge", base=library.log(project)[-1].id,
                                 mode="merge", prefer="mine").merged_document
        assert merged is not None and library.log(project)[0].parent_id == head.id
    assert [s.name for s in branched.scenarios] == [GROWTH, DEFAULT_NAME, LEAN]
    assert min(branched.org.positions(), key=lambda p: p.id).title == "本的"
    assert [s.name for s in merged.scenarios] == [GROWTH, DEFAULT_NAME, LEAN]
    assert min(merged.org.positions(), key=lambda p: p.id).title == "本的"


def test_a_merged_publish_from_the_cli_keeps_every_scenario_in_the_local_file(
        url: str, project: str, tmp_path: Path) -> None:
    """The file a merged publish leaves behind is the merged document, every scenario
    of it (it kept only the open one, while the server had them all)."""
    source = _three_scenarios(tmp_path)
    assert main(["publish", str(source), "--project", project, "-m", "v1", "--url", url]) == 0
    anna, ben = tmp_path / "anna.orgdesk", tmp_path / "ben.orgdesk"
    for path in (anna, ben):
        assert main(["pull", project, "-o", str(path), "--url", url]) == 0
    for path, title, which in ((anna, "安娜的", min), (ben, "本的", max)):
        with DocumentFile.open(path, recover=False) as file:
            service = DocumentService(file)
            service.edit_position(which(p.id for p in service.org.positions()), title=title)
            file.save()
    assert main(["publish", str(anna), "-m", "anna"]) == 0
    assert main(["publish", str(ben), "-m", "ben", "--merge"]) == 0
    local = read_document(ben)
    assert [s.name for s in local.scenarios] == [GROWTH, DEFAULT_NAME, LEAN]
    titles = {p.title for p in local.org.positions()}
    assert {"安娜的", "本的"} <= titles
    with Library.open(url) as library:
        _, server = library.pull_document(project)
    assert [s.name for s in server.scenarios] == [s.name for s in local.scenarios]
    assert without_origin(server.org).snapshot() == without_origin(local.org).snapshot()


def test_publish_takes_no_scenario_option(url: str, project: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    source = _three_scenarios(tmp_path)
    # In a context of its own: main() leaves --scenario set for the rest of the process.
    assert contextvars.copy_context().run(main, [
        "publish", str(source), "--project", project, "-m", "v1", "--url", url,
        "--scenario", LEAN]) == 1
    assert "every scenario" in capsys.readouterr().err


@pytest.mark.parametrize("listed", [
    [], "x", [{"name": "a"}], [{"name": "a", "open": True}, {"name": "A", "open": True}],
    [{"name": "a", "open": True}, {"name": "b", "document": {"format": "nope"}}],
    [{"name": " a", "open": True}], [{"name": "a\u0000", "open": True}],
    [{"name": "a"}, {"name": "b", "open": False, "document": None}],
])
def test_a_hostile_scenario_list_is_one_sentence(listed: object) -> None:
    org = template_organisation("call_center_chart")
    data = json.loads(document_text(org))
    data[SCENARIOS_KEY] = listed
    with pytest.raises(LibraryProblem) as refused:
        team_document_from_text(json.dumps(data, ensure_ascii=False), "7")
    assert "Version 7" in str(refused.value)


def test_the_stored_json_of_scenarios_is_the_open_one_first(tmp_path: Path) -> None:
    """An older orgdesk reading a new version gets the open scenario (the top level)."""
    document = read_document(_three_scenarios(tmp_path))
    text = document_text(document)
    assert document_from_text(text, "1").snapshot() == without_origin(document.org).snapshot()
    assert [s["name"] for s in json.loads(text)[SCENARIOS_KEY]] == [GROWTH, DEFAULT_NAME, LEAN]


def test_the_origin_of_another_scenario_serves_when_the_open_one_has_none(
        url: str, project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As the window leaves a file: it publishes, and sets the origin in the open scenario."""
    source = _three_scenarios(tmp_path)
    with Library.open(url) as library:
        version = library.publish(read_document(source), project, "v1").version
        origin_value = Origin(library.address.shown, project, version.id).to_setting()
    with DocumentFile.open(source, recover=False) as file:
        service = DocumentService(file)
        scenarios = ScenarioService(service)
        service.set_setting(TEAM_ORIGIN_SETTING, origin_value)
        scenarios.switch(scenarios.find(GROWTH).id)
        service.edit_position(min(p.id for p in service.org.positions()), title="又改了")
        file.save()
    assert origin_of(read_document(source).org) is None
    capsys.readouterr()
    assert main(["publish", str(source), "-m", "v2"]) == 0  # no --project, no --url
    with Library.open(url) as library:
        assert [v.parent_id for v in library.log(project)] == [version.id, None]


def test_positions_a_scenario_shares_with_the_open_one_are_stored_once(tmp_path: Path) -> None:
    """A scenario's positions alike in the open one are their ids alone in the version."""
    document = read_document(_three_scenarios(tmp_path))
    data = json.loads(document_text(document))
    open_count = len(data["positions"])
    for entry in data[SCENARIOS_KEY]:
        if entry.get("open"):
            continue
        assert entry[SHARES_KEY] is True
        listed = entry["document"]["positions"]
        full = [p for p in listed if isinstance(p, dict)]
        assert 0 < len(full) < 4 < len(listed) and len(listed) >= open_count - 1
        assert all(isinstance(p, int) for p in listed if not isinstance(p, dict))
    back = team_document_from_text(document_text(document), "1")
    assert _plain(back) == _plain(TeamDocument(tuple(
        replace(s, org=without_origin(s.org)) for s in document.scenarios)))


def test_a_department_renamed_in_a_scenario_keeps_its_positions_whole(tmp_path: Path) -> None:
    org = template_organisation("call_center_chart")
    other = org.copy()
    department = next(d for d in other.departments
                      if any(p.department_id == d.id for p in other.positions()))
    other.update_department(replace(department, name="改名的部门"))
    document = TeamDocument((Scenario(DEFAULT_NAME, org, True), Scenario(LEAN, other)))
    text = document_text(document)
    entry = json.loads(text)[SCENARIOS_KEY][1]
    members = [p for p in entry["document"]["positions"] if isinstance(p, dict)]
    assert members and all(p["department_id"] == department.id for p in members)
    back = team_document_from_text(text, "1")
    lean = back.scenarios[1].org
    assert lean.snapshot()[1:] == other.snapshot()[1:]
    assert {d.name for d in lean.departments} >= {"改名的部门"}


@pytest.mark.parametrize("positions", [[99999], "x", [True], [{"id": "bad"}]])
def test_a_hostile_shared_positions_list_is_one_sentence(tmp_path: Path,
                                                         positions: object) -> None:
    document = read_document(_three_scenarios(tmp_path))
    data = json.loads(document_text(document))
    data[SCENARIOS_KEY][0]["document"]["positions"] = positions
    with pytest.raises(LibraryProblem) as refused:
        team_document_from_text(json.dumps(data, ensure_ascii=False), "8")
    assert "Version 8" in str(refused.value)
