"""Publish, pull and log on a real PostgreSQL server, through the library and the CLI:
every sample round-trips identically, a stale base is refused with the difference,
--branch and --merge settle it, and two clients publishing at once get one winner."""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from orgdesk.cli import main
from orgdesk.core.organisation import Organisation
from orgdesk.samples import samples, template_organisation
from orgdesk.storage.document import create_file
from orgdesk.storage.reading import read_organisation
from orgdesk.team.documents import origin_of, without_origin
from orgdesk.team.errors import MergeConflicts, NothingToPublish, PublishConflict
from orgdesk.team.library import Library
from tests.team.conftest import sample_file


def _edit_title(path: Path, pid: int, title: str) -> None:
    org = read_organisation(path)
    org.update_position(replace(org.position(pid), title=title))  # type: ignore[arg-type]
    create_file(path, org, touch_modified=False)


@pytest.mark.parametrize("slug", [s.slug for s in samples()])
def test_every_sample_round_trips_identically(slug: str, library: Library, project: str,
                                              tmp_path: Path) -> None:
    org = template_organisation(slug)
    published = library.publish(org, project, f"{slug} as delivered")
    assert published.version.position_count == len(org)
    version, pulled = library.pull(project)
    assert version.id == published.version.id
    origin = origin_of(pulled)
    assert origin is not None and (origin.project, origin.version) == (project, version.id)
    assert without_origin(pulled).snapshot() == org.snapshot()
    target = tmp_path / "pulled.orgdesk"
    create_file(target, pulled, touch_modified=False)
    assert without_origin(read_organisation(target)).snapshot() == org.snapshot()


def test_cli_publish_pull_log_and_the_origin(url: str, project: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = sample_file(tmp_path)
    assert main(["publish", str(source), "--project", project, "-m", "first", "--url", url]) == 0
    assert "Published version" in capsys.readouterr().out
    local = read_organisation(source)
    origin = origin_of(local)
    assert origin is not None and origin.project == project
    pulled = tmp_path / "mine.orgdesk"
    assert main(["pull", project, "-o", str(pulled), "--url", url]) == 0
    assert main(["pull", project, "-o", str(pulled), "--url", url]) == 1  # never overwritten
    assert "already exists" in capsys.readouterr().err
    _edit_title(pulled, min(p.id for p in local.positions()), "新的总监")
    # The pulled file knows its server, project and base: no --url, no --project.
    assert main(["publish", str(pulled), "-m", "renamed the director"]) == 0
    capsys.readouterr()
    assert main(["library", "log", project, "--url", url]) == 0
    log = capsys.readouterr().out.splitlines()
    assert [line.split()[-1] for line in log] == ["director", "first"]
    assert main(["publish", str(pulled), "-m", "again"]) == 1
    assert "Nothing changed" in capsys.readouterr().err


def test_a_stale_base_is_refused_with_the_difference(url: str, project: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = sample_file(tmp_path)
    assert main(["publish", str(source), "--project", project, "-m", "v1", "--url", url]) == 0
    anna, ben = tmp_path / "anna.orgdesk", tmp_path / "ben.orgdesk"
    for path in (anna, ben):
        assert main(["pull", project, "-o", str(path), "--url", url]) == 0
    ids = sorted(p.id for p in read_organisation(anna).positions())
    _edit_title(anna, ids[1], "安娜改的")
    assert main(["publish", str(anna), "-m", "anna's edit"]) == 0
    _edit_title(ben, ids[2], "本改的")
    before = ben.read_bytes()
    capsys.readouterr()
    assert main(["publish", str(ben), "-m", "ben's edit"]) == 1
    error = capsys.readouterr().err
    assert "after your base version" in error and "--merge" in error
    assert "安娜改的" in error  # the difference base → the newer version
    assert ben.read_bytes() == before  # the local file is untouched
    # --merge: both edits, as a child of anna's version.
    assert main(["publish", str(ben), "-m", "ben's edit, merged", "--merge"]) == 0
    assert "(merged)" in capsys.readouterr().out
    with Library.open(url) as library:
        head, merged = library.pull(project)
        titles = {p.id: p.title for p in merged.positions()}
        assert (titles[ids[1]], titles[ids[2]]) == ("安娜改的", "本改的")
        assert head.base_id is not None and head.parent_id == head.id - 1
    local = read_organisation(ben)
    assert {p.id: p.title for p in local.positions()} == titles  # the merge came home
    assert origin_of(local).version == head.id  # type: ignore[union-attr]


def test_merge_conflicts_are_listed_and_prefer_settles_them(url: str, project: str,
                                                            tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    source = sample_file(tmp_path)
    assert main(["publish", str(source), "--project", project, "-m", "v1", "--url", url]) == 0
    anna, ben = tmp_path / "anna.orgdesk", tmp_path / "ben.orgdesk"
    for path in (anna, ben):
        assert main(["pull", project, "-o", str(path), "--url", url]) == 0
    pid = sorted(p.id for p in read_organisation(anna).positions())[1]
    _edit_title(anna, pid, "甲")
    _edit_title(ben, pid, "乙")
    assert main(["publish", str(anna), "-m", "a"]) == 0
    capsys.readouterr()
    assert main(["publish", str(ben), "-m", "b", "--merge"]) == 1
    error = capsys.readouterr().err
    assert "1 conflicts" in error and "Both sides changed the position “乙”" in error
    assert main(["publish", str(ben), "-m", "b", "--merge", "--prefer", "theirs"]) == 0
    assert {p.id: p.title for p in read_organisation(ben).positions()}[pid] == "甲"


def test_branch_publishes_beside_the_newer_version(library: Library, url: str, project: str,
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = sample_file(tmp_path)
    assert main(["publish", str(source), "--project", project, "-m", "v1", "--url", url]) == 0
    anna, ben = tmp_path / "anna.orgdesk", tmp_path / "ben.orgdesk"
    for path in (anna, ben):
        assert main(["pull", project, "-o", str(path), "--url", url]) == 0
    pid = sorted(p.id for p in read_organisation(anna).positions())[1]
    _edit_title(anna, pid, "甲")
    _edit_title(ben, pid, "乙")
    assert main(["publish", str(anna), "-m", "a"]) == 0
    assert main(["publish", str(ben), "-m", "b", "--branch", "ben-try"]) == 0
    log = library.log(project)
    assert [(v.branch, v.seq) for v in log] == [("ben-try", 1), ("main", 2), ("main", 1)]
    assert log[0].parent_id == log[2].id  # branched from ben's base
    _, on_branch = library.pull(f"{project}@ben-try")
    assert on_branch.position(pid).title == "乙"
    # ben's file now follows the branch: the next publish goes on it.
    _edit_title(ben, pid, "乙二")
    assert main(["publish", str(ben), "-m", "b2"]) == 0
    newest = library.log(project)[0]
    assert (newest.branch, newest.seq) == ("ben-try", 2)
    _, main_head = library.pull(project)
    assert main_head.position(pid).title == "甲"


def test_two_clients_publishing_at_once_one_wins(url: str, project: str) -> None:
    first = template_organisation("call_center_chart")
    with Library.open(url) as setup:
        base = setup.publish(first, project, "v1").version.id
    documents: list[Organisation] = []
    for title in ("甲方案", "乙方案"):
        org = first.copy()
        pid = min(p.id for p in org.positions())
        org.update_position(replace(org.position(pid), title=title))
        documents.append(org)
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def publish(index: int) -> None:
        with Library.open(url) as client:
            client.whoami()  # connected before the race starts
            barrier.wait()
            try:
                outcomes[index] = client.publish(documents[index], project, f"client {index}",
                                                 base=base)
            except PublishConflict as conflict:
                outcomes[index] = conflict

    threads = [threading.Thread(target=publish, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    kinds = sorted(type(o).__name__ for o in outcomes)
    assert kinds == ["PublishConflict", "Published"]
    with Library.open(url) as check:
        assert [v.seq for v in check.log(project)] == [2, 1]


def test_publishing_an_unchanged_pull_is_refused(library: Library, project: str) -> None:
    library.publish(template_organisation("call_center_chart"), project, "v1")
    version, pulled = library.pull(project)
    with pytest.raises(NothingToPublish):
        library.publish(pulled, project, "same", base=version.id)


def test_a_first_publish_into_a_project_with_versions_needs_merge_or_branch(
        library: Library, project: str) -> None:
    library.publish(template_organisation("call_center_chart"), project, "v1")
    other = template_organisation("bank_service_center")
    with pytest.raises(PublishConflict) as refused:
        library.publish(other, project, "mine")
    assert refused.value.details.head_id == library.log(project)[0].id
    branched = library.publish(other, project, "mine", mode="branch")
    assert branched.version.branch.endswith("-1")


def test_merge_conflict_error_lists_each_conflict(library: Library, project: str) -> None:
    org = template_organisation("call_center_chart")
    base = library.publish(org, project, "v1").version.id
    pid = sorted(p.id for p in org.positions())[1]
    theirs, mine = org.copy(), org.copy()
    theirs.update_position(replace(theirs.position(pid), title="他们"))
    mine.update_position(replace(mine.position(pid), title="我们"))
    library.publish(theirs, project, "theirs", base=base)
    with pytest.raises(MergeConflicts) as refused:
        library.publish(mine, project, "mine", base=base, mode="merge")
    assert len(refused.value.conflicts) == 1
    assert len(library.log(project)) == 2  # nothing published

