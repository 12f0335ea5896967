"""The core's field metadata: one description of every position field."""
from __future__ import annotations

from dataclasses import fields

import pytest

from orgdesk.core.errors import InvalidValueError
from orgdesk.core.model import (
    CONTENT_FIELDS,
    PLACE_KEYS,
    POSITION_FIELD_BY_KEY,
    POSITION_FIELDS,
    POSITION_GROUPS,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Requirements,
    position_from_values,
    position_values,
)
from orgdesk.core.serialize import position_from_dict, position_to_dict

FULL = Position(
    PositionId(7), "组长", PositionId(3), 2, None, PositionKind.STAFF, "M1", 3, "含一名副组长", 2,
    ("带班", "排班"), Requirements("本科", 2, 22, 40, ("英语",), ("沟通",), "能倒班"),
    (Kpi("接通率", "≥90%"),), "主管", "备注")


def test_every_dataclass_field_is_described_once() -> None:
    described = [f.path for f in POSITION_FIELDS]
    expected = []
    for spec in fields(Position):
        if spec.name in POSITION_GROUPS:
            expected += [(spec.name, sub.name) for sub in fields(POSITION_GROUPS[spec.name])]
        else:
            expected.append((spec.name,))
    assert described == expected
    assert len(POSITION_FIELD_BY_KEY) == len(POSITION_FIELDS)  # flat keys are unique
    assert all(f.label and f.chinese for f in POSITION_FIELDS)


def test_place_and_content_fields_partition_the_fields() -> None:
    assert set(PLACE_KEYS) | {f.key for f in CONTENT_FIELDS} == set(POSITION_FIELD_BY_KEY)
    assert not set(PLACE_KEYS) & {f.key for f in CONTENT_FIELDS}


def test_flat_values_round_trip() -> None:
    values = position_values(FULL)
    assert values["other_requirements"] == "能倒班" and values["headcount_note"] == "含一名副组长"
    assert position_from_values(values) == FULL
    assert position_from_values({"id": 1, "title": "x"}) == Position(PositionId(1), "x")


def test_dict_form_follows_the_attribute_paths() -> None:
    data = position_to_dict(FULL)
    assert data["requirements"]["other"] == "能倒班"
    assert data["kpis"] == [{"name": "接通率", "target": "≥90%"}]
    assert data["kind"] == "staff" and data["duties"] == ["带班", "排班"]
    assert position_from_dict(data) == FULL


@pytest.mark.parametrize("bad", [{"title": "x"}, {"id": 1}, {"id": 1, "title": 5},
                                 {"id": 1, "title": "x", "requirements": []},
                                 {"id": 1, "title": "x", "kind": "boss"}])
def test_malformed_dicts_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(InvalidValueError):
        position_from_dict(bad)


def test_valid_values_build_no_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading 100,000 positions builds as many Requirements: no per-value sentence work."""
    from orgdesk.core import errors

    built: list[str] = []
    original = errors.Sentence.of.__func__  # type: ignore[attr-defined]  # a classmethod

    def counting(cls: type[errors.Sentence], template: str, **arguments: object
                 ) -> errors.Sentence:
        built.append(template)
        return original(cls, template, **arguments)  # type: ignore[no-any-return]  # the unbound classmethod is untyped

    monkeypatch.setattr(errors.Sentence, "of", classmethod(counting))
    Requirements("本科", 2, 22, 40, ("英语",), ("沟通",), "能倒班")
    Position(PositionId(1), "x", requirements=Requirements(min_years=3))
    assert built == []
    with pytest.raises(InvalidValueError, match="between 0 and 200"):
        Requirements(min_years=500)
