"""Document settings follow one set of rules, whether read, imported or edited."""
from __future__ import annotations

import json
import typing

import pytest

from orgdesk.core import settings as rules
from orgdesk.core.errors import DomainError
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import InvalidSetting, check_setting, parse_setting

MAX_ID = 2**63 - 1

#: (setting, JSON text) that must be refused, with a word the sentence holds.
BAD_VALUES: dict[str, tuple[str, str]] = {
    "detail-1e999": ("chart", '{"detail": 1e999}'),
    "detail-text": ("chart", '{"detail": "2"}'),
    "detail-out-of-range": ("chart", '{"detail": 9}'),
    "detail-true": ("chart", '{"detail": true}'),
    "detail-real": ("chart", '{"detail": 2.0}'),
    "orientation-unknown": ("chart", '{"orientation": "bt"}'),
    "override-superscript-key": ("chart", '{"overrides": {"²": "vertical"}}'),
    "override-negative-key": ("chart", '{"overrides": {"-1": "vertical"}}'),
    "override-leading-zero": ("chart", '{"overrides": {"07": "vertical"}}'),
    "override-too-large": ("chart", '{"overrides": {"9223372036854775808": "vertical"}}'),
    "override-unknown-mode": ("chart", '{"overrides": {"3": "diagonal"}}'),
    "overrides-list": ("chart", '{"overrides": ["3"]}'),
    "chart-list": ("chart", "[]"),
    "high-water-text": ("last_position_id", '"x"'),
    "high-water-negative": ("last_position_id", "-1"),
    "high-water-real": ("last_position_id", "3.0"),
    "high-water-beyond-64-bit": ("last_position_id", "9223372036854775808"),
    "span-rules-text": ("span_rules", '"strict"'),
    "nan": ("anything", "NaN"),
    "infinity-inside": ("from_a_newer_orgdesk", '{"a": [1, -Infinity]}'),
    "huge-number": ("from_a_newer_orgdesk", "1" * 5000),
    "lone-surrogate": ("from_a_newer_orgdesk", '"\\ud800"'),
    "lone-surrogate-key": ("from_a_newer_orgdesk", '{"\\udfff": 1}'),
    "deep-nesting": ("from_a_newer_orgdesk", "[" * 100_000 + "]" * 100_000),
    "moderately-deep": ("from_a_newer_orgdesk", "[" * 50 + "]" * 50),
    "not-json": ("chart", "{detail: 2}"),
}


@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_bad_stored_values_are_refused_naming_the_setting(case: str) -> None:
    name, text = BAD_VALUES[case]
    with pytest.raises(InvalidSetting) as caught:
        parse_setting(name, text)
    assert caught.value.setting == name
    assert f"“{name}”" in str(caught.value)
    assert str(caught.value).endswith(".") and "\n" not in str(caught.value)


GOOD_VALUES: dict[str, tuple[str, object]] = {
    "chart-full": ("chart", {"orientation": "lr", "detail": 3,
                             "overrides": {"12": "two_columns", str(MAX_ID): "horizontal"}}),
    "chart-empty": ("chart", {}),
    "chart-newer-key-kept": ("chart", {"detail": 1, "theme": {"name": "dark"}}),
    "high-water-zero": ("last_position_id", 0),
    "high-water-max": ("last_position_id", MAX_ID),
    "span-rules": ("span_rules", {"format": 1, "qa": {"min_agents": 20}}),
    "unknown-newer-setting": ("from_a_newer_orgdesk", {"x": [1, 2.5, "三", None, True]}),
}


@pytest.mark.parametrize("case", list(GOOD_VALUES))
def test_good_values_round_trip(case: str) -> None:
    name, value = GOOD_VALUES[case]
    assert parse_setting(name, rules.dump_setting(value)) == value


def test_the_rules_agree_with_the_chart_layout() -> None:
    from orgdesk.layout.model import Arrangement
    from orgdesk.layout.text import Detail

    assert set(rules.CHART_DETAILS) == {int(d) for d in Detail}
    assert set(rules.ARRANGEMENTS) == set(typing.get_args(Arrangement))


def test_dump_refuses_what_json_is_not() -> None:
    with pytest.raises(ValueError):
        rules.dump_setting(float("inf"))


@pytest.mark.parametrize("case", ["detail-1e999", "override-superscript-key", "high-water-text",
                                  "nan", "lone-surrogate"])
def test_an_edit_obeys_the_same_rules(case: str) -> None:
    name, text = BAD_VALUES[case]
    value = json.loads(text)  # Python's json accepts these; the rules do not
    org = Organisation()
    with pytest.raises(InvalidSetting):
        org.set_setting(name, value)
    assert org.settings == {}
    with pytest.raises(InvalidSetting):  # an import builds an Organisation with settings
        Organisation(settings={name: value})


def test_an_edit_with_a_good_value_is_kept() -> None:
    org = Organisation()
    changes = org.set_setting("chart", {"detail": 3})
    assert changes.settings_changed == ["chart"] and org.settings == {"chart": {"detail": 3}}
    check_setting("chart", org.settings["chart"])


def test_ids_that_run_out_give_a_sentence_not_an_overflow() -> None:
    org = Organisation(positions=[Position(PositionId(1), "总经理")],
                       settings={"last_position_id": MAX_ID})
    with pytest.raises(DomainError, match="No new id is left"):
        org.next_position_id()
    assert Organisation(positions=[Position(PositionId(5), "a")]).next_position_id() == 6
