"""The interchange columns are derived from the core's field metadata."""
from __future__ import annotations

from orgdesk.core.model import CONTENT_FIELDS, POSITION_FIELDS
from orgdesk.io.fields import EXPORT_FIELDS, FIELD_BY_KEY
from orgdesk.io.tables import _EXACT, _LENIENT


def test_every_position_field_is_an_exported_column_with_the_core_header() -> None:
    exported = {f.key: f for f in EXPORT_FIELDS}
    renamed = {"superior_id": "superior", "department_id": "department"}
    assert len(exported) == len(POSITION_FIELDS)
    for spec in POSITION_FIELDS:
        column = exported[renamed.get(spec.key, spec.key)]
        assert column.header == f"{spec.label} {spec.chinese}"
        assert column.is_list == spec.is_list


def test_every_content_field_has_a_reader() -> None:
    for spec in CONTENT_FIELDS:
        assert spec.key in _LENIENT and spec.key in _EXACT
        assert spec.key in FIELD_BY_KEY
