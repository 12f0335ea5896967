"""`orgdesk pull` and `orgdesk publish` keep the base version in the local cache
(team/bases.py) exactly as the window's Open Version and publish do, so a file pulled
or published from the command line has its edits counted from the start, offline too
(review defect 2: the CLI left the cache empty and the window said "edits not counted"
until it had reached the library once)."""
from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

import pytest

from orgdesk.cli import main
from orgdesk.samples import template_organisation
from orgdesk.storage.session import state_dir
from orgdesk.team.bases import base_document, cache_dir, cache_path, remember_base
from orgdesk.team.documents import (
    Origin,
    Scenario,
    TeamDocument,
    document_origin,
    read_document,
    without_origin,
    write_document,
)
from orgdesk.team.library import Library


def _two_scenarios() -> TeamDocument:
    org = template_organisation("call_center_chart")
    other = org.copy()
    first = min(p.id for p in other.positions())
    other.update_position(replace(other.position(first), title="精简后的总监"))
    return TeamDocument((Scenario("现状", org), Scenario("精简方案", other, True)))


def _cached(origin: Origin) -> TeamDocument:
    cached = base_document(origin.server, origin.project, origin.version)
    assert cached is not None, "the version was not kept in the local cache"
    return cached


def _same(a: TeamDocument, b: TeamDocument) -> None:
    assert [(s.name, s.open) for s in a.scenarios] == [(s.name, s.open) for s in b.scenarios]
    for x, y in zip(a.scenarios, b.scenarios, strict=True):
        assert without_origin(x.org).snapshot() == without_origin(y.org).snapshot()


def test_cli_pull_keeps_the_base_as_the_window_does(library: Library, url: str, project: str,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    version = library.publish(_two_scenarios(), project, "两个方案").version.id
    target = tmp_path / "pulled.orgdesk"
    assert main(["pull", f"{project}@{version}", "-o", str(target), "--url", url]) == 0
    pulled = read_document(target)
    origin = document_origin(pulled)
    assert origin is not None and origin.version == version
    # Found under the key the status bar looks up: the file's own origin.
    _same(_cached(origin), pulled)
    from_cli = gzip.decompress(cache_path(origin.server, project, version).read_bytes())
    # What the window's Open Version keeps (team_library_dialog.open_version's work).
    monkeypatch.setenv("ORGDESK_STATE_DIR", str(tmp_path / "window-state"))
    window_version, window_pulled = library.pull_document(f"{project}@{version}")
    remember_base(library.address.shown, window_version.project, window_version.id,
                  window_pulled)
    assert gzip.decompress(cache_path(origin.server, project, version).read_bytes()) == from_cli


def test_cli_publish_keeps_the_version_it_published(library: Library, url: str, project: str,
                                                    tmp_path: Path) -> None:
    source = tmp_path / "mine.orgdesk"
    write_document(source, _two_scenarios())
    assert main(["publish", str(source), "--project", project, "-m", "v1", "--url", url]) == 0
    published = read_document(source)
    origin = document_origin(published)
    assert origin is not None and origin.project == project
    _same(_cached(origin), published)
    _same(library.team_document(origin.version), published)  # what the server holds


def test_cli_merge_keeps_the_merged_version(library: Library, url: str, project: str,
                                            tmp_path: Path) -> None:
    """--merge leaves the merged document in the file: that is the version's base."""
    org = template_organisation("call_center_chart")
    first = library.publish(org, project, "v1").version.id
    anna, ben = tmp_path / "anna.orgdesk", tmp_path / "ben.orgdesk"
    for path in (anna, ben):
        assert main(["pull", f"{project}@{first}", "-o", str(path), "--url", url]) == 0
    ids = sorted(p.id for p in org.positions())
    for path, pid, title in ((anna, ids[1], "安娜改的"), (ben, ids[2], "本改的")):
        document = read_document(path)
        changed = document.org.copy()
        changed.update_position(replace(changed.position(pid), title=title))
        write_document(path, TeamDocument.single(changed))
    assert main(["publish", str(anna), "-m", "anna"]) == 0
    assert main(["publish", str(ben), "-m", "ben", "--merge"]) == 0
    merged = read_document(ben)
    origin = document_origin(merged)
    assert origin is not None
    _same(_cached(origin), merged)
    _same(library.team_document(origin.version), merged)
    assert cache_dir().parent == state_dir()
