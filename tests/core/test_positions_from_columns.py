"""Positions built a field at a time are the positions built one by one, and a set of
positions any one of which would be refused is not built that way at all."""
from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.core import model
from orgdesk.core.errors import DomainError
from orgdesk.core.model import Kpi, Position, Requirements, positions_from_columns

_TEXT = st.text(alphabet=" a座席\t", max_size=4)
_ROW = st.fixed_dictionaries({}, optional={
    "title": _TEXT, "planned_headcount": st.integers(-1, 3),
    "filled_headcount": st.integers(-1, 3), "notes": _TEXT, "headcount_note": _TEXT,
    "duties": st.lists(_TEXT, max_size=2).map(tuple),
    "kpis": st.lists(st.builds(Kpi, _TEXT, _TEXT), max_size=2).map(tuple),
    "requirements": st.builds(Requirements, education=st.sampled_from(["", "本科"])),
    "pay_min": st.integers(-1, 2), "source_id": _TEXT})


def _one_by_one(ids: list[int], superiors: list[int | None], rows: list[dict[str, Any]]
                ) -> list[Position] | None:
    try:
        return [Position(id=i, superior_id=s, **row)  # type: ignore[arg-type]  # random test values
                for i, s, row in zip(ids, superiors, rows)]
    except (DomainError, TypeError):
        return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 4)), _ROW), max_size=5))
def test_built_by_field_as_one_by_one(entries: list[tuple[int | None, dict[str, Any]]]) -> None:
    ids = list(range(1, len(entries) + 1))
    superiors = [superior for superior, _ in entries]
    rows = [dict(row) for _, row in entries]
    expected = _one_by_one(ids, superiors, rows)
    saved, model._BLOCK = model._BLOCK, 2  # several blocks, a refusal in any of them
    try:
        built = positions_from_columns(len(ids), {"id": ids, "superior_id": superiors}, rows)
    finally:
        model._BLOCK = saved
    if expected is None:
        assert built is None
        return
    if any(row.get("pay_min") for row in rows):  # pay is checked one by one
        assert built is None
        return
    assert built == expected
    assert [type(p) for p in built] == [Position] * len(built)


def test_a_field_given_twice_or_unknown_is_left_to_the_constructor() -> None:
    assert positions_from_columns(1, {"id": [1]}, [{"title": "a", "id": 2}]) is None
    assert positions_from_columns(1, {"id": [1]}, [{"title": "a", "colour": "red"}]) is None
    assert positions_from_columns(1, {"id": [1], "title": ["a"]}, [{}]) == [Position(1, "a")]


def test_missing_ids_or_titles_are_left_to_the_constructor() -> None:
    assert positions_from_columns(2, {"id": [1, 2]}, [{"title": "a"}, {}]) is None
    assert positions_from_columns(1, {"title": ["a"]}, [{}]) is None


def test_built_positions_stay_frozen_and_compare_by_value() -> None:
    built = positions_from_columns(1, {"id": [7], "title": ["组长"], "superior_id": [3]})
    assert built == [Position(7, "组长", superior_id=3)]
    assert hash(built[0]) == hash(Position(7, "组长", superior_id=3))  # type: ignore[index]  # built is a list here
    with pytest.raises(FrozenInstanceError):
        built[0].title = "x"  # type: ignore[index, misc]  # frozen
