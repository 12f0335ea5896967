"""Lists in peer JSON become one item per line whatever they hold: texts, objects of texts,
objects with numbers, nulls or nested values, and mixtures (each read as before the fast paths)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from orgdesk.io.interchange import read_source
from orgdesk.io.options import ImportOptions


def _notes_of(tmp_path: Path, value: Any) -> str:
    path = tmp_path / "chart.json"
    path.write_text(json.dumps([{"id": "1", "title": "Director", "remarks": value}],
                               ensure_ascii=False), "utf-8")
    (position,) = read_source(path, ImportOptions()).require().positions()
    return position.notes


@pytest.mark.parametrize(("value", "expected"), [
    (["接听来电", "跟进工单"], "接听来电\n跟进工单"),
    ([], ""),
    (["text", 3, None, 2.0, True], "text\n3\n2\ntrue"),  # a text first, then other values
    ([{"name": "接通率", "target": "≥90%"}, {"name": "投诉率", "target": "≤1%"}],
     "接通率：≥90%\n投诉率：≤1%"),
    ([{"name": "Calls", "target": 90}, {"name": "Wait", "target": None}], "Calls：90\nWait"),
    ([{"name": "Calls", "detail": {"a": 1}, "list": [1]}, "plain"], "Calls\nplain"),
    ([{"name": "Calls"}, ["a", "b"], 5], 'Calls\n["a", "b"]\n5'),
    ([["a"], {"name": "x"}], '["a"]\nx'),
])
def test_a_list_is_one_item_per_line(tmp_path: Path, value: Any, expected: str) -> None:
    assert _notes_of(tmp_path, value) == expected  # “remarks” is read as the notes
