"""The local cache of base versions (team/bases.py): every scenario comes back as it
was kept, and a damaged or foreign cache file is as if there were none (the version is
then fetched again), never an error."""
from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

import pytest

from orgdesk.samples import template_organisation
from orgdesk.team.bases import base_document, cache_path, remember_base
from orgdesk.team.documents import Scenario, TeamDocument
from orgdesk.ui.team_edits import Edits, organisation_edits


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ORGDESK_STATE_DIR", str(tmp_path))
    return tmp_path


def _document() -> TeamDocument:
    org = template_organisation("call_center_chart")
    other = org.copy()
    first = min(p.id for p in other.positions())
    other.update_position(replace(other.position(first), title="另一个方案的 \"总监\"\n"))
    return TeamDocument((Scenario("现状", org), Scenario("方案 B", other, True)))


def test_every_scenario_comes_back(state: Path) -> None:
    document = _document()
    remember_base("postgresql://a@h/db", "项目", 7, document)
    back = base_document("postgresql://a@h/db", "项目", 7)
    assert back is not None
    assert [(s.name, s.open) for s in back.scenarios] == [("现状", False), ("方案 B", True)]
    for kept, original in zip(back.scenarios, document.scenarios, strict=True):
        assert organisation_edits(kept.org, original.org) == Edits()
    assert base_document("postgresql://a@h/db", "项目", 8) is None  # another version
    assert base_document("postgresql://b@h/db", "项目", 7) is None  # another library


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # cut short
    lambda raw: b"not gzip at all",
    lambda raw: gzip.compress(gzip.decompress(raw).replace(b'"positions": 7', b'"positions": 3')),
    lambda raw: gzip.compress(gzip.decompress(raw).replace(b"orgdesk-team-base-1", b"other")),
    lambda raw: gzip.compress(gzip.decompress(raw).replace(b'"title": "', b'"title": 5, "x": "')),
])
def test_a_damaged_cache_file_is_as_if_there_were_none(state: Path, damage) -> None:  # type: ignore[no-untyped-def]
    remember_base("postgresql://a@h/db", "项目", 7, _document())
    path = cache_path("postgresql://a@h/db", "项目", 7)
    path.write_bytes(damage(path.read_bytes()))
    assert base_document("postgresql://a@h/db", "项目", 7) is None
