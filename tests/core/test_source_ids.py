"""A position's source id and holders: described fields, in the dict form, searchable."""
from __future__ import annotations

from orgdesk.core.model import (
    CONTENT_FIELDS,
    POSITION_FIELD_BY_KEY,
    FieldKind,
    Position,
    PositionId,
    position_from_values,
    position_values,
)
from orgdesk.core.organisation import Organisation
from orgdesk.core.search import find_positions
from orgdesk.core.serialize import position_from_dict, position_to_dict

P = PositionId


def test_both_fields_are_described_content_with_defaults() -> None:
    source, holders = POSITION_FIELD_BY_KEY["source_id"], POSITION_FIELD_BY_KEY["holders"]
    assert (source.kind, source.label, source.chinese, source.default) == (
        FieldKind.TEXT, "Source ID", "来源编号", "")
    assert (holders.kind, holders.label, holders.chinese, holders.default) == (
        FieldKind.TEXTS, "Holders", "在岗人员", ())
    assert {"source_id", "holders"} <= {f.key for f in CONTENT_FIELDS}
    created = Position(P(1), "经理")
    assert (created.source_id, created.holders) == ("", ())


def test_flat_values_and_the_dict_form_carry_them() -> None:
    position = Position(P(4), "座席员", source_id="O-6066", holders=("张三", "李四"))
    assert position_values(position)["source_id"] == "O-6066"
    assert position_from_values(position_values(position)) == position
    data = position_to_dict(position)
    assert data["source_id"] == "O-6066" and data["holders"] == ["张三", "李四"]
    assert position_from_dict(data) == position
    # A dict from before format 2 (an older clipboard) has neither: the defaults.
    del data["source_id"], data["holders"]
    assert position_from_dict(data) == position.evolve(source_id="", holders=())


def test_search_finds_source_ids_and_holders() -> None:
    org = Organisation(positions=[
        Position(P(1), "客服经理", source_id="O-6066"),
        Position(P(2), "座席员", superior_id=P(1), source_id="emi", holders=("Zhang Wei", "李四")),
        Position(P(3), "质检员", superior_id=P(1), source_id="n0")])
    assert find_positions(org, "o-6066") == [P(1)]
    assert find_positions(org, "zhang") == [P(2)]
    assert find_positions(org, "李四") == [P(2)]
    assert find_positions(org, "N0") == [P(3)]
    assert find_positions(org, "座席") == [P(2)]
