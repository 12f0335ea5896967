"""Three-way merge of documents with several scenarios, on a real server: scenarios
matched by name, each one's positions merged by id; a scenario one side added is kept,
one deleted on one side and left alone on the other is deleted, one deleted on one side
and changed on the other (or added on both sides differently) is a conflict naming it;
the merged version pulls back with every scenario."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.services.scenarios import ScenarioService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.scenario_table import DEFAULT_NAME
from orgdesk.team.documents import (
    TeamDocument,
    document_origin,
    read_document,
    without_origin,
    write_document,
)
from orgdesk.team.errors import MergeConflicts
from orgdesk.team.library import Library
from tests.team.conftest import sample_file

LEAN, GROWTH = "精简方案", "扩张方案"
Edit = Callable[[DocumentService, ScenarioService], object]


def _published_three(library: Library, project: str, tmp_path: Path) -> Path:
    """A file of three scenarios (现状, LEAN, GROWTH; LEAN open) published as version 1."""
    path = sample_file(tmp_path)
    with DocumentFile.open(path, recover=False) as file:
        service = DocumentService(file)
        scenarios = ScenarioService(service)
        scenarios.create(LEAN, switch=True)
        service.set_setting("currency", "USD")
        scenarios.create(GROWTH, switch=True)
        service.new_position("新设的岗位", _first(service))
        scenarios.switch(scenarios.find(LEAN).id)
        file.save()
    library.publish(read_document(path), project, "v1")
    return path


def _first(service: DocumentService) -> PositionId:
    return min(p.id for p in service.org.positions())


def _second(service: DocumentService) -> PositionId:
    return sorted(p.id for p in service.org.positions())[1]


def _copy(library: Library, project: str, tmp_path: Path, name: str) -> Path:
    """A pulled copy of the project's latest version (every scenario, with its origin)."""
    _, document = library.pull_document(project)
    target = tmp_path / f"{name}.orgdesk"
    write_document(target, document)
    return target


def _edit(path: Path, scenario: str | None, edit: Edit) -> None:
    with DocumentFile.open(path, recover=False) as file:
        service = DocumentService(file)
        scenarios = ScenarioService(service)
        opened = scenarios.active().name
        if scenario is not None and scenario != opened:
            scenarios.switch(scenarios.find(scenario).id)
        edit(service, scenarios)
        if scenario is not None and scenario != opened and any(
                s.name == opened for s in scenarios.scenarios()):
            scenarios.switch(scenarios.find(opened).id)
        file.save()


def _publish(library: Library, path: Path, message: str, **options: object) -> TeamDocument:
    document = read_document(path)
    origin = document_origin(document)
    assert origin is not None
    published = library.publish(document, origin.project, message, base=origin.version,
                                **options)  # type: ignore[arg-type]
    return published.merged_document or document


def _titles(document: TeamDocument) -> dict[str, dict[int, str]]:
    return {s.name: {int(p.id): p.title for p in s.org.positions()} for s in document.scenarios}


def _retitle(scenario: str, which: Callable[[DocumentService], PositionId], title: str
             ) -> tuple[str, Edit]:
    return scenario, lambda service, _s: service.edit_position(which(service), title=title)


def test_edits_in_different_scenarios_and_positions_merge_into_one_version(
        library: Library, project: str, tmp_path: Path) -> None:
    source = _published_three(library, project, tmp_path)
    anna, ben = (_copy(library, project, tmp_path, n) for n in ("anna", "ben"))
    _edit(anna, *_retitle(LEAN, _first, "安娜的精简"))
    _edit(anna, *_retitle(GROWTH, _second, "安娜的扩张"))
    _edit(ben, *_retitle(GROWTH, _first, "本的扩张"))
    _edit(ben, *_retitle(DEFAULT_NAME, _first, "本的现状"))
    _publish(library, anna, "anna")
    with pytest.raises(Exception, match="after your base version"):
        _publish(library, ben, "ben")  # without --merge: refused with the difference
    merged = _publish(library, ben, "ben, merged", mode="merge")
    version, pulled = library.pull_document(project)
    assert version.base_id == library.log(project)[-1].id  # merged from version 1
    assert [(s.name, s.open) for s in pulled.scenarios] == [
        (DEFAULT_NAME, False), (LEAN, True), (GROWTH, False)]
    titles = _titles(pulled)
    original = _titles(read_document(source))
    first, second = sorted(original[LEAN])[:2]
    assert titles[LEAN][first] == "安娜的精简"
    assert (titles[GROWTH][first], titles[GROWTH][second]) == ("本的扩张", "安娜的扩张")
    assert titles[DEFAULT_NAME][first] == "本的现状"
    assert titles[DEFAULT_NAME][second] == original[DEFAULT_NAME][second]
    assert "新设的岗位" in titles[GROWTH].values()  # each scenario keeps its own positions
    assert "新设的岗位" not in titles[LEAN].values()
    lean = next(s.org for s in pulled.scenarios if s.name == LEAN)
    assert lean.settings.get("currency") == "USD"  # and its own settings
    assert _titles(merged) == titles  # what publish returned is what the server holds
    # The merged version opens as a file, every scenario intact.
    opened = tmp_path / "opened.orgdesk"
    write_document(opened, pulled)
    assert _titles(read_document(opened)) == titles
    assert [without_origin(s.org).snapshot()[1:] for s in read_document(opened).scenarios] == [
        without_origin(s.org).snapshot()[1:] for s in pulled.scenarios]


def test_a_clash_inside_a_scenario_is_a_conflict_naming_it_and_prefer_settles_it(
        library: Library, project: str, tmp_path: Path) -> None:
    _published_three(library, project, tmp_path)
    anna, ben = (_copy(library, project, tmp_path, n) for n in ("anna", "ben"))
    _edit(anna, *_retitle(GROWTH, _second, "安娜的"))
    _edit(ben, *_retitle(GROWTH, _second, "本的"))
    _edit(ben, *_retitle(LEAN, _first, "本的精简"))  # no clash: merged once settled
    _publish(library, anna, "anna")
    before = ben.read_bytes()
    with pytest.raises(MergeConflicts) as refused:
        _publish(library, ben, "ben", mode="merge")
    [line] = refused.value.conflicts
    assert line.startswith(f"Scenario “{GROWTH}”: Both sides changed the position")
    assert "title" in line
    assert ben.read_bytes() == before and len(library.log(project)) == 2  # nothing written
    merged = _publish(library, ben, "ben", mode="merge", prefer="theirs")
    titles = _titles(merged)
    second = sorted(titles[GROWTH])[1]
    assert titles[GROWTH][second] == "安娜的"
    assert "本的精简" in titles[LEAN].values()
    assert _titles(library.pull_document(project)[1]) == titles


def test_scenarios_added_on_either_side_are_kept(library: Library, project: str,
                                                 tmp_path: Path) -> None:
    _published_three(library, project, tmp_path)
    anna, ben = (_copy(library, project, tmp_path, n) for n in ("anna", "ben"))

    def add(name: str, title: str) -> Edit:
        def edit(service: DocumentService, scenarios: ScenarioService) -> None:
            scenarios.create(name, switch=True)
            service.edit_position(_first(service), title=title)
        return edit

    _edit(anna, None, add("安娜方案", "安娜的新方案"))
    _edit(ben, None, add("本方案", "本的新方案"))
    _publish(library, anna, "anna")
    ours = [(s.name, s.open) for s in read_document(ben).scenarios]
    assert ("本方案", True) in ours and len(ours) == 4
    merged = _publish(library, ben, "ben", mode="merge")
    # Ours (ben's) in our order, then theirs added; ben's open scenario stays open.
    assert [(s.name, s.open) for s in merged.scenarios] == [*ours, ("安娜方案", False)]
    titles = _titles(library.pull_document(project)[1])
    assert "安娜的新方案" in titles["安娜方案"].values()
    assert "本的新方案" in titles["本方案"].values()


def test_a_scenario_deleted_on_one_side_and_untouched_on_the_other_is_deleted(
        library: Library, project: str, tmp_path: Path) -> None:
    _published_three(library, project, tmp_path)
    anna, ben = (_copy(library, project, tmp_path, n) for n in ("anna", "ben"))

    def delete(name: str) -> Edit:
        return lambda _service, scenarios: scenarios.delete(scenarios.find(name).id)

    _edit(anna, None, delete(GROWTH))
    _edit(ben, None, delete(DEFAULT_NAME))
    _edit(ben, *_retitle(LEAN, _first, "本的精简"))
    _publish(library, anna, "anna")
    merged = _publish(library, ben, "ben", mode="merge")
    assert [(s.name, s.open) for s in merged.scenarios] == [(LEAN, True)]
    assert merged.plain is False
    _, pulled = library.pull_document(project)
    assert [s.name for s in pulled.scenarios] == [LEAN]
    assert "本的精简" in _titles(pulled)[LEAN].values()


@pytest.mark.parametrize("deleter", ["anna", "ben"])
def test_a_scenario_deleted_on_one_side_and_changed_on_the_other_is_a_conflict(
        library: Library, project: str, tmp_path: Path, deleter: str) -> None:
    _published_three(library, project, tmp_path)
    copies = {n: _copy(library, project, tmp_path, n) for n in ("anna", "ben")}
    changer = "ben" if deleter == "anna" else "anna"
    _edit(copies[deleter], None,
          lambda _service, scenarios: scenarios.delete(scenarios.find(GROWTH).id))
    _edit(copies[changer], *_retitle(GROWTH, _first, "改过的"))
    _publish(library, copies["anna"], "anna")
    with pytest.raises(MergeConflicts) as refused:
        _publish(library, copies["ben"], "ben", mode="merge")
    who = "you" if deleter == "ben" else "the other side"
    assert list(refused.value.conflicts) == [
        f"Scenario “{GROWTH}”: The scenario was deleted by {who} and changed by the other."]
    kept = _publish(library, copies["ben"], "ben", mode="merge",
                    prefer="mine" if changer == "ben" else "theirs")
    assert "改过的" in _titles(kept)[GROWTH].values()
    assert [s.name for s in library.pull_document(project)[1].scenarios] == [
        DEFAULT_NAME, LEAN, GROWTH]


def test_a_scenario_both_sides_added_differently_under_one_name_is_a_conflict(
        library: Library, project: str, tmp_path: Path) -> None:
    _published_three(library, project, tmp_path)
    anna, ben = (_copy(library, project, tmp_path, n) for n in ("anna", "ben"))
    def add(title: str) -> Edit:
        return lambda service, scenarios: (scenarios.create("新方案", switch=True),
                                           service.edit_position(_first(service), title=title))

    for path, title in ((anna, "安娜的"), (ben, "本的")):
        _edit(path, None, add(title))
    _publish(library, anna, "anna")
    with pytest.raises(MergeConflicts) as refused:
        _publish(library, ben, "ben", mode="merge")
    assert list(refused.value.conflicts) == [
        "Scenario “新方案”: Both sides added a scenario of this name with different contents."]
    merged = _publish(library, ben, "ben", mode="merge", prefer="mine")
    assert "本的" in _titles(merged)["新方案"].values()


def test_a_one_scenario_document_merges_with_one_that_gained_scenarios(
        library: Library, project: str, tmp_path: Path) -> None:
    library.publish(read_document(sample_file(tmp_path)), project, "plain v1")
    anna, ben = (_copy(library, project, tmp_path, n) for n in ("anna", "ben"))
    assert read_document(anna).plain
    _edit(anna, None, lambda service, scenarios: (
        scenarios.create(LEAN, switch=True), service.edit_position(_first(service), title="甲")))
    _edit(ben, *_retitle(DEFAULT_NAME, _second, "乙"))
    _publish(library, anna, "anna")
    merged = _publish(library, ben, "ben", mode="merge")
    assert [(s.name, s.open) for s in merged.scenarios] == [(DEFAULT_NAME, True), (LEAN, False)]
    titles = _titles(library.pull_document(project)[1])
    assert "乙" in titles[DEFAULT_NAME].values() and "甲" not in titles[DEFAULT_NAME].values()
    assert "甲" in titles[LEAN].values()
