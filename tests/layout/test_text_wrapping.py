"""Box titles wrap like typeset text, and the boxes speak the deliverable's language.

Before: "Marketing Representative" wrapped as "Marketing Representati / ve",
CJK lines could start with "，" or "）", and boxes said "0/1 filled" whatever
the language of the chart.
"""
from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.layout.text import NO_LINE_END, NO_LINE_START, box_text, text_units, wrap
from orgdesk.layout.words import CHINESE, ENGLISH, content_language, hidden_text

WORDS = ["Marketing", "Representative", "Customer", "Service", "Senior", "Team", "Lead",
         "of", "the", "Northern", "Region", "e-mail", "Quality-Assurance", "Agent"]


def test_latin_title_breaks_between_words() -> None:
    assert wrap("Marketing Representative", 22) == ("Marketing", "Representative")
    assert wrap("Senior Customer Service Representative", 20) == (
        "Senior Customer", "Service", "Representative")


def test_hyphenated_word_breaks_after_its_hyphen() -> None:
    assert wrap("Quality-Assurance Specialist", 19) == ("Quality-Assurance", "Specialist")
    assert wrap("Senior Quality-Assurance", 16) == ("Senior Quality-", "Assurance")


def test_word_wider_than_the_box_is_split_with_a_visible_hyphen() -> None:
    lines = wrap("Kundenservicemitarbeiterin", 20)
    assert lines[0].endswith("-") and len(lines) == 2
    assert lines[0][:-1] + lines[1] == "Kundenservicemitarbeiterin"


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
def test_latin_words_are_never_cut(words: list[str]) -> None:
    title = " ".join(words)
    lines = wrap(title, 22)
    assert all(text_units(line) <= 22 for line in lines)
    if not lines[-1].endswith("…"):  # not truncated: the lines are the title, cut at
        # spaces or after the title's own hyphens (an added hyphen would not join back)
        joined = lines[0]
        for line in lines[1:]:
            joined += line if joined.endswith("-") else " " + line
        assert joined == title, lines


CJK = "客服中心运营管理部门高级经理华东区负责人"
PUNCTUATION = "，。、）」』》！？：；（「《"


@given(st.text(alphabet=CJK + PUNCTUATION, min_size=1, max_size=60))
def test_cjk_line_never_starts_with_closing_punctuation(title: str) -> None:
    lines = wrap(title, 20)
    for previous, line in itertools.pairwise(lines):
        # Only a run of punctuation longer than a line may break the rule.
        if any(ch not in PUNCTUATION for ch in previous):
            assert line[0] not in NO_LINE_START, lines
            assert previous[-1] not in NO_LINE_END, lines


def test_kinsoku_example() -> None:
    # "，" would start the second line: the line breaks one character earlier.
    assert wrap("客服中心运营管理部门，华东区负责人", 20) == (
        "客服中心运营管理部", "门，华东区负责人")


def test_content_language() -> None:
    assert content_language(["客服经理", "KPI专员", "座席员"]) == "zh"
    assert content_language(["Manager", "Agent", "客服"]) == "zh"  # a third is Chinese
    assert content_language(["Manager", "Agent", "Lead", "客服"]) == "en"
    assert content_language([]) == "en"


def test_box_words_per_language() -> None:
    org = Organisation(positions=[Position(PositionId(1), "座席员", planned_headcount=3,
                                           filled_headcount=1)])
    position = org.position(PositionId(1))
    assert box_text(position, org, words=CHINESE).detail_lines == ("在岗 1/3",)
    assert box_text(position, org, words=ENGLISH).detail_lines == ("1/3 filled",)
    text = box_text(position, org, words=CHINESE, hidden=(4, 12))
    assert text.detail_lines[-1] == "另有 4 个职位 / 12 席"
    assert hidden_text(ENGLISH, 1, 12) == "+1 position / 12 seats hidden"


def test_one_seat_is_singular_in_english() -> None:
    assert hidden_text(ENGLISH, 1, 1) == "+1 position / 1 seat hidden"
    assert hidden_text(ENGLISH, 2, 1) == "+2 positions / 1 seat hidden"
    assert hidden_text(ENGLISH, 1200, 3400) == "+1,200 positions / 3,400 seats hidden"
    assert hidden_text(CHINESE, 1, 1) == "另有 1 个职位 / 1 席"
    boss = Position(PositionId(1), "Team Leader")
    agent = Position(PositionId(2), "Agent", superior_id=PositionId(1))
    org = Organisation(positions=[boss, agent])
    lines = box_text(org.position(PositionId(1)), org, words=ENGLISH, team=(1, 0)).detail_lines
    assert "Team 1 seat" in lines
    lines = box_text(org.position(PositionId(1)), org, words=ENGLISH, staffing=True,
                     team=(2, 1)).detail_lines
    assert "Team 2 seats, 1 filled" in lines
