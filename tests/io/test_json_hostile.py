"""Hostile or malformed JSON is refused at once with one sentence, and nothing is written."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.io import json_peers
from orgdesk.io.interchange import import_to_file, preview, read_source
from orgdesk.io.json_format import long_run_after_quote
from orgdesk.io.problems import HostileFile, ImportFailed, MalformedFile

ROOT = Path(__file__).resolve().parents[2]


def refused(tmp_path: Path, name: str, text: str | bytes) -> str:
    """The sentence an import of `text` is refused with; the target is never created."""
    source = tmp_path / name
    source.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    target = tmp_path / "out.orgdesk"
    with pytest.raises((MalformedFile, ImportFailed)) as caught:
        import_to_file(source, target)
    assert not target.exists()
    error = caught.value
    if isinstance(error, ImportFailed):
        return "\n".join(str(p) for p in error.problems)
    return str(error)


def test_nesting_a_hundred_thousand_levels_deep(tmp_path: Path) -> None:
    depth = 100_000
    arrays = "[" * depth + "]" * depth
    tree = '{"title": "a", "children": [' * depth + '{"title": "b"}' + "]}" * depth
    for name, text in (("arrays.json", arrays), ("tree.json", tree)):
        message = refused(tmp_path, name, text)
        assert "is nested too deeply to be read" in message
        assert "flat list of entries with id and parent keys" in message


def test_a_200_megabyte_string(tmp_path: Path) -> None:
    source = tmp_path / "long.json"
    with open(source, "wb") as handle:
        handle.write(b'{"nodes": [\n{"id": 1, "title": "Agent", "notes": "')
        chunk = b"x" * (1 << 20)
        for _ in range(200):
            handle.write(chunk)
        handle.write(b'"}]}')
    with pytest.raises(HostileFile, match=r"“long.json” line 2 holds a text longer than 16 "
                                          r"million characters.*shorten that text"):
        read_source(source)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([b'"', b"x", b"\n", b"\\", b"xxxxxx"]), max_size=60),
       st.integers(min_value=1, max_value=12))
def test_the_long_run_scan_finds_what_a_full_scan_finds(parts: list[bytes], length: int
                                                         ) -> None:
    """The scan that measures runs at a few points finds the first quote followed by
    `length` bytes without a quote exactly as the regular expression over every byte."""
    raw = b"".join(parts)
    expected = re.search(rb'"[^"]{%d}' % length, raw)
    assert long_run_after_quote(raw, length) == (expected.start() if expected else None)


def test_a_long_run_that_is_no_string_is_not_refused(tmp_path: Path) -> None:
    """Runs without quotes that follow no quote (leading white space) are no text."""
    assert long_run_after_quote(b" " * 100 + b'["a"]', 50) is None
    assert long_run_after_quote(b'["a", "' + b"y" * 100, 50) == 6


def test_a_long_text_written_with_escapes_is_a_problem_of_its_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_peers, "MAX_TEXT_CHARS", 10)
    message = refused(tmp_path, "escaped.json", json.dumps(
        [{"id": 1, "title": "Lead"}, {"id": 2, "pid": 1, "title": "Agent",
                                      "data": {"bio": "\\u0041" * 20}}]))
    assert message == ("Entry 2: “data.bio” holds 120 characters, more than the 10 orgdesk "
                       "reads; shorten it.")


def test_duplicate_keys(tmp_path: Path) -> None:
    message = refused(tmp_path, "twice.json", '[{"id": 1, "title": "经理"}, '
                                              '{"id": 2, "pid": 1, "title": "主管", "title": "组长"}]')
    assert message == ("Entry 2: it names “title” twice, so it is unclear which one counts; "
                       "remove one of them.")
    nested = refused(tmp_path, "nested.json", '[{"id": 1, "title": "经理", '
                                              '"data": {"phone": "1", "phone": "2"}}]')
    assert "Entry 1: it names “data.phone” twice" in nested
    top = refused(tmp_path, "top.json", '{"nodes": [], "nodes": [{"id": 1, "title": "a"}]}')
    assert top == ("“top.json” names “nodes” twice in its top object, so it is unclear which "
                   "one counts; remove one of them.")


def test_cycles_through_children_references(tmp_path: Path) -> None:
    message = refused(tmp_path, "loop.json", json.dumps([
        {"code": "A", "role": "经理", "children": ["B"]},
        {"code": "B", "role": "主管", "children": ["C"]},
        {"code": "C", "role": "组长", "children": ["A"]}], ensure_ascii=False))
    assert "entries 1, 2, 3 form a cycle" in message
    # a nested tree whose inner node takes an outer node's id again
    back = refused(tmp_path, "back.json", json.dumps(
        {"id": 1, "title": "经理", "children": [
            {"id": 2, "title": "主管", "children": [{"id": 1, "title": "组长"}]}]},
        ensure_ascii=False))
    assert "Entry 3: the id “1” in key “id” is already used by entry 1;" in back


def test_two_parents_by_children_lists(tmp_path: Path) -> None:
    message = refused(tmp_path, "two.json", json.dumps([
        {"code": "A", "role": "经理", "children": ["C"]},
        {"code": "B", "role": "主管", "children": ["C"]},
        {"code": "C", "role": "组长"}], ensure_ascii=False))
    assert "Entry 3: it is listed in the “children” of both “A” and “B”; keep it under one." \
        in message


@pytest.mark.parametrize(("text", "what"), [
    ("42", "a number"), ('"org chart"', "a text"), ("null", "null"), ("true", "a true/false value"),
])
def test_scalar_roots(tmp_path: Path, text: str, what: str) -> None:
    message = refused(tmp_path, "scalar.json", text)
    assert message.startswith(f"“scalar.json” holds {what}, not an organisation chart; orgdesk "
                              "reads an array of objects")


@pytest.mark.parametrize(("text", "what"), [
    ("[1, 2, 3]", "numbers"), ('["a", "b"]', "texts"), ("[null, true]", "true/false values"),
])
def test_arrays_of_values(tmp_path: Path, text: str, what: str) -> None:
    message = refused(tmp_path, "values.json", text)
    assert message.startswith(f"“values.json” is an array of {what}")
    assert "“id”, “parentId” and “name”" in message


def test_an_object_without_positions_lists_its_keys(tmp_path: Path) -> None:
    message = refused(tmp_path, "meta.json", '{"version": 3, "author": "x", "layout": {}, '
                                             '"theme": []}')
    assert "its keys are “version”, “author”, “layout”, “theme”" in message


def test_entries_that_are_not_objects(tmp_path: Path) -> None:
    message = refused(tmp_path, "mixed.json", '[{"id": 1, "title": "经理"}, 7]')
    assert message == ("Entry 2: it is a number or true/false value, not an object holding a "
                       "position's keys.")


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    assert refused(tmp_path, "broken.json", '[\n{"id": 1,\n "title": }]') == \
        "“broken.json” line 3: not valid JSON (Expecting value)."


def test_preview_refuses_the_same_way(tmp_path: Path) -> None:
    source = tmp_path / "deep.json"
    source.write_text("[" * 50_000 + "]" * 50_000, "utf-8")
    with pytest.raises(HostileFile):
        preview(source)


def test_cli_refuses_with_one_sentence_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "deep.json"
    source.write_text('{"children": [' * 20_000 + "]}" * 20_000, "utf-8")
    out = tmp_path / "out.orgdesk"
    result = subprocess.run([sys.executable, "-m", "orgdesk", "import", str(source), "-o",
                             str(out)], capture_output=True, text=True, cwd=ROOT,
                            env=os.environ.copy(), timeout=120, check=False)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        ("orgdesk: “deep.json” is nested too deeply to be read (hundreds of levels); write a "
         "deep hierarchy as a flat list of entries with id and parent keys instead.")]
    assert not out.exists()


def test_an_empty_list_of_nodes(tmp_path: Path) -> None:
    assert refused(tmp_path, "empty.json", '{"nodes": []}') == (
        "“empty.json” holds no positions (a list of nodes without entries).")
