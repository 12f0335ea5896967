"""The team's job descriptions as position library entries (Ctrl+L): read from the real
server, a malformed stored description left out, an unreachable server a sentence."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from orgdesk.core.model import Kpi, Position, PositionId
from orgdesk.team.errors import LibraryProblem
from orgdesk.team.library import Library, TeamPosition
from orgdesk.team.positions import TEAM_FAMILY, team_entries, template_of


def test_the_team_descriptions_become_entries(library: Library) -> None:
    title = f"客服培训师{uuid.uuid4().hex[:6]}"
    library.add_position(Position(id=PositionId(9), title=title, level="P3",
                                  duties=("编写培训教材", "组织新人培训"),
                                  kpis=(Kpi("培训满意度", "≥90%"),)), "培训部", "项目X")
    found = [e for e in team_entries(library.address.shown) if e.title == title]
    assert len(found) == 1 and found[0].family == TEAM_FAMILY
    template = found[0].variants[0]
    assert (template.department, template.level, template.duties, template.source) == (
        "培训部", "P3", ("编写培训教材", "组织新人培训"), "项目X")
    assert template.kpis == (Kpi("培训满意度", "≥90%"),)
    position = template.to_position(PositionId(5), None)
    assert position.title == title and position.duties == template.duties


@pytest.mark.parametrize("stored", [{"title": 5}, {"duties": "not a list"}, {"title": ""}])
def test_a_malformed_description_is_left_out(stored: dict[str, object]) -> None:
    entry = TeamPosition(1, "x", "", stored, "", "someone", datetime.now(UTC))
    template = template_of(entry)
    assert template is None or not template.title.strip()


def test_an_unreachable_library_is_a_sentence(tmp_path: object) -> None:
    with pytest.raises(LibraryProblem):
        team_entries(f"postgresql://nobody@/orgdesk?host={tmp_path}&port=5999")
