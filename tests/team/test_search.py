"""Search across the library (Chinese and English, titles, duties, requirements, project,
author), the team's job descriptions, and hostile text in every field on a real server."""
from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from orgdesk.cli import main
from orgdesk.core.model import DocumentInfo, Position, PositionId, Requirements
from orgdesk.core.organisation import Organisation
from orgdesk.samples import template_organisation
from orgdesk.storage.document import create_file
from orgdesk.storage.reading import read_organisation
from orgdesk.team.documents import without_origin
from orgdesk.team.library import Library
from tests.io.strategies import HOSTILE, organisations


def small_org(title: str = "检索测试") -> Organisation:
    org = Organisation(DocumentInfo(title=title))
    org.add_position(Position(PositionId(1), "呼叫中心经理", duties=("负责整体运营",)))
    org.add_position(Position(PositionId(2), "Quality Analyst", superior_id=PositionId(1),
                              duties=("Monitor 100%_of calls",),
                              requirements=Requirements(education="本科", skills=("粤语",))))
    org.add_position(Position(PositionId(3), "在线客服座席", superior_id=PositionId(1),
                              duties=("处理在线咨询", "回访客户")))
    return org


def test_search_finds_chinese_and_english_in_titles_duties_and_requirements(
        library: Library, project: str) -> None:
    library.publish(small_org(), project, "v1")
    def titles(words: str) -> set[str]:
        return {hit.title for hit in library.search(words, project=project)}
    assert titles("座席") == {"在线客服座席"}
    assert titles("回访") == {"在线客服座席"}  # a duty
    assert titles("粤语") == {"Quality Analyst"}  # a requirement
    assert titles("quality ANALYST") == {"Quality Analyst"}  # case does not matter
    assert titles("100%_of") == {"Quality Analyst"}
    assert titles("0%_o") == {"Quality Analyst"} and titles("x%") == set()  # % and _ literal
    hit = library.search("回访", project=project)[0]
    assert hit.excerpt == "回访客户" and hit.project == project


def test_search_by_project_and_author_and_latest_versions_only(library: Library,
                                                                project: str) -> None:
    first = library.publish(small_org(), project, "v1").version
    changed = small_org()
    changed.update_position(replace(changed.position(PositionId(3)), title="电话座席"))
    library.publish(changed, project, "v2", base=first.id)
    latest = {hit.title for hit in library.search("座席", project=project)}
    assert latest == {"电话座席"}
    every = {hit.title for hit in library.search("座席", project=project, all_versions=True)}
    assert every == {"电话座席", "在线客服座席"}
    assert len(library.search(project, project=project)) == 3  # the project's name matches
    future = datetime.now(UTC) + timedelta(days=1)
    assert library.search("座席", project=project, since=future) == []
    assert library.search("座席", project=project, since=future - timedelta(days=2))
    assert library.search(library.whoami(), project=project)  # the author matches


def test_cli_search_and_team_positions(url: str, project: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "small.orgdesk"
    create_file(source, small_org())
    assert main(["publish", str(source), "--project", project, "-m", "v1", "--url", url]) == 0
    capsys.readouterr()
    assert main(["library", "search", url, "在线咨询", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any(h["title"] == "在线客服座席" and h["project"] == project for h in hits)
    assert main(["library", "search", url, "在线咨询", "--since", "2999-01-01"]) == 0
    assert "No position in the library matches." in capsys.readouterr().out
    marker = uuid.uuid4().hex[:8]
    org = read_organisation(source)  # published: it remembers its project
    org.update_position(replace(org.position(PositionId(2)), title=f"质检专员 {marker}"))
    create_file(source, org, touch_modified=False)
    assert main(["library", "add-position", url, str(source), "--position", "2"]) == 0
    capsys.readouterr()
    assert main(["library", "positions", url, "--text", marker, "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["title"] for e in entries] == [f"质检专员 {marker}"]
    assert entries[0]["position"]["requirements"]["skills"] == ["粤语"]
    assert entries[0]["source_project"] == project  # the file remembers its project


HOSTILE_TEXT = "\x1b]0;pwned\x07 '; DROP TABLE orgdesk.versions; -- \u202e%_\\ 座席\x00"


def test_hostile_text_in_the_message_project_and_branch(library: Library, url: str,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    project = HOSTILE_TEXT.replace("\x00", "") + uuid.uuid4().hex[:6]
    message = HOSTILE_TEXT.replace("\x00", "") + "\n第二行"
    org = small_org(HOSTILE_TEXT)
    org.update_position(replace(org.position(PositionId(1)), title=HOSTILE_TEXT,
                                duties=(HOSTILE_TEXT, *HOSTILE)))
    published = library.publish(org, project, message, mode="branch",
                                 branch=HOSTILE_TEXT.replace("\x00", ""))
    assert published.version.message == message
    _, pulled = library.pull(f"{project}@{published.version.id}")
    assert without_origin(pulled).snapshot() == org.snapshot()
    assert library.search("DROP TABLE", project=project)[0].position_id == 1
    capsys.readouterr()
    assert main(["library", "log", project, "--url", url]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown  # escaped for the terminal
    with pytest.raises(Exception, match="NUL"):
        library.publish(org, project, "a\x00b")


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(org=organisations())
def test_any_document_with_hostile_text_round_trips(org: Organisation, library: Library) -> None:
    project = f"hostile {uuid.uuid4().hex}"
    library.publish(org, project, "hostile")
    _, pulled = library.pull(project)
    assert without_origin(pulled).snapshot() == org.snapshot()


def test_a_sample_position_goes_to_the_team_library(library: Library) -> None:
    org = template_organisation("bank_service_center")
    position = next(org.positions())
    entry = library.add_position(position, "", "")
    found = [e for e in library.team_positions(position.title) if e.id == entry]
    assert found and found[0].position["title"] == position.title
