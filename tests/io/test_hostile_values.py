"""Values Python's JSON and networkx's GraphML readers accept but orgdesk cannot store.

A lone surrogate (`"\\ud800"`), a 5,000-digit number, duplicate keys, NaN, a
nested graph…: each is a problem naming its entry or one sentence naming the
file, never a traceback, and nothing is written.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.core.errors import UserError
from orgdesk.io.interchange import import_to_file, read_source
from orgdesk.io.problems import ImportFailed

ROOT = Path(__file__).resolve().parents[2]
HEAD = b'{"format": "orgdesk", "version": 1, '
ONE = b'"positions": [{"id": 1, "title": "a"}]'

JSON_CASES: dict[str, tuple[bytes, str]] = {
    "lone surrogate in a title": (HEAD + b'"positions": [{"id": 1, "title": "\\ud800"}]}',
                                  "Position 1: “title” holds text that is not valid Unicode"),
    "lone surrogate in a duty": (HEAD + b'"positions": [{"id": 1, "title": "a", "duties": '
                                        b'["x", "\\udfff"]}]}', "Position 1: “duties” holds text"),
    "lone surrogate in the info": (HEAD + b'"info": {"title": "\\udc00"}, ' + ONE + b"}",
                                   "The document information is unreadable: “title” holds"),
    "lone surrogate in a department": (HEAD + b'"departments": [{"id": 1, "name": "\\ud83d"}], '
                                       + ONE + b"}", "Department 1: “name” holds text that"),
    "5,000-digit id": (HEAD + b'"positions": [{"id": ' + b"9" * 5000 + b', "title": "a"}]}',
                       ("Position 1: “id” must be a whole number from 0 to 1,000,000,000, not a "
                       "5,000-digit number.")),
    "5,000-digit negative headcount": (HEAD + b'"positions": [{"id": 1, "title": "a", '
                                       b'"planned_headcount": -' + b"1" * 5000 + b"}]}",
                                       "not a 5,000-digit number."),
    "5,000-digit version": (b'{"format": "orgdesk", "version": ' + b"1" * 5000 + b"}",
                            "has no valid format version."),
    "5,000-digit setting": (HEAD + ONE + b', "settings": {"x": ' + b"7" * 5000 + b"}}",
                            "The document setting “x”"),
    "NaN id": (HEAD + b'"positions": [{"id": NaN, "title": "a"}]}', "not nan."),
    "Infinity headcount": (HEAD + b'"positions": [{"id": 1, "title": "a", '
                                  b'"planned_headcount": -Infinity}]}', "not -inf."),
    "1e999 age": (HEAD + b'"positions": [{"id": 1, "title": "a", "requirements": '
                         b'{"age_min": 1e999}}]}', "“age_min” must be a whole number"),
    "NaN setting": (HEAD + ONE + b', "settings": {"x": NaN}}', "The document setting “x”"),
    "duplicate key in a position": (HEAD + b'"positions": [{"id": 1, "title": "a", '
                                           b'"title": "b"}]}',
                                    "Position 1: a position names “title” twice."),
    "duplicate top-level key": (HEAD + ONE + b', "positions": []}',
                                "names “positions” twice at its top level"),
    "duplicate setting": (HEAD + ONE + b', "settings": {"x": 1, "x": 2}}',
                          "The document settings name “x” twice."),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "is nested too deeply to be read ("),
    "deep nesting in a note": (HEAD + b'"positions": [{"id": 1, "title": "a", "notes": '
                               + b"{\"a\": " * 50_000 + b"1" + b"}" * 50_000 + b"}]}",
                               "is nested too deeply to be read ("),
    "not UTF-8": (HEAD + b'\n"positions": [{"id": 1, "title": "\xc4\xe3"}]}',
                  "line 2 is not UTF-8 text"),
    "relation kind of a list": (HEAD + b'"positions": [{"id": 1, "title": "a"}, {"id": 2, '
                                       b'"title": "b", "superior_id": 1}], "relations": '
                                       b'[{"id": 1, "source_id": 1, "target_id": 2, '
                                       b'"kind": []}]}',
                                "Relation 1: “kind” must be dotted or advisory, not []."),
    "huge wrong value is shown short": (HEAD + b'"positions": [{"id": 1, "title": ["'
                                        + b"x" * 10_000 + b'"]}]}', "must be text, not ['xxx"),
}

GRAPH = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
         b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n%s\n'
         b'<graph edgedefault="directed">\n%s\n</graph></graphml>')
LABEL = b'<key id="d0" for="node" attr.name="label" attr.type="string"/>'


def _typed(kind: bytes, value: bytes, name: bytes = b"planned_headcount") -> bytes:
    return GRAPH % (LABEL + b'<key id="d1" for="node" attr.name="' + name + b'" attr.type="'
                    + kind + b'"/>', b'<node id="a"><data key="d0">A</data><data key="d1">'
                    + value + b"</data></node>")


GRAPHML_CASES: dict[str, tuple[bytes, str]] = {
    "5,000-digit int": (_typed(b"int", b"9" * 5000), ("node “a” holds a number of 5,000 digits "
                                                      "in “planned_headcount”")),
    "5,000-digit long default": (GRAPH % (LABEL + b'<key id="d1" for="node" attr.name="n" '
                                          b'attr.type="long"><default>' + b"1" * 5000
                                          + b"</default></key>", b'<node id="a"/>'),
                                 "the default holds a number of 5,000 digits in “n”"),
    "a decimal where an int belongs": (_typed(b"int", b"5.0"),
                                       ("node “a” holds “5.0” in “planned_headcount”, which is "
                                       "declared a whole number.")),
    "text where a double belongs": (_typed(b"double", b"many"), "which is declared a number."),
    "a boolean that is neither": (_typed(b"boolean", b"maybe", b"flag"),
                                  "declared true or false."),
    "an unknown data type": (_typed(b"decimal", b"1"), "with the unknown type “decimal”."),
    "an undeclared data key": (GRAPH % (LABEL, b'<node id="a"><data key="zz">1</data></node>'),
                               "uses the data key “zz”, which the file never declares."),
    "infinite double": (_typed(b"double", b"1e999"), "Node 1: “planned_headcount”: inf is not"),
    "not UTF-8": (GRAPH % (LABEL, b'<node id="a"><data key="d0">\xc4\xe3</data></node>'),
                  "not well-formed XML."),
    "a surrogate character reference": (GRAPH % (LABEL, (b'<node id="a"><data key="d0">&#xD800;'
                                                        b"</data></node>")),
                                        "not well-formed XML."),
    "an escaped surrogate in orgdesk's own graph": (
        (GRAPH % ((b'<key id="f" for="graph" attr.name="orgdesk_format" attr.type="string"/>'
                  b'<key id="t" for="node" attr.name="title" attr.type="string"/>'),
                  (b'<data key="f">orgdesk-graphml/1</data>'
                  b'<node id="p1"><data key="t">_xD800_</data></node>'))),
        "imported"),  # kept as the literal text “_xD800_”: half a character is no text
    "two nodes with one id": (GRAPH % (LABEL, (b'<node id="a"><data key="d0">A</data></node>'
                                              b'<node id="a"><data key="d0">B</data></node>')),
                              "has two nodes with the id “a”."),
    "a node without an id": (GRAPH % (LABEL, b'<node><data key="d0">A</data></node>'),
                             "has a node without an id."),
    "a nested graph": (GRAPH % (LABEL, (b'<node id="a"><graph id="g" edgedefault="directed">'
                                       b'<node id="b"/></graph></node>')),
                       "the node “a” contains a graph of its own"),
    "two graphs": (GRAPH.replace(b"</graph>", b'</graph><graph edgedefault="directed">'
                                              b'<node id="z"/></graph>') % (LABEL, b""),
                   "holds 2 graphs; orgdesk imports a file with one."),
    "no graph": (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', "holds no graph."),
    "no namespace": (b"<graphml><graph><node id='a'/></graph></graphml>",
                     "is not a GraphML file"),
    "HTML": (b"<html><body>org chart</body></html>", "is not a GraphML file"),
    "hyperedge": (GRAPH % (LABEL, b'<node id="a"/><hyperedge><endpoint node="a"/></hyperedge>'),
                  "holds hyperedges, which orgdesk cannot import."),
}


def _outcome(path: Path, target: Path) -> str:
    """The one sentence, or every problem, that importing `path` gives."""
    try:
        import_to_file(path, target)
    except ImportFailed as failed:
        return " | ".join(str(p) for p in failed.problems)
    except UserError as error:
        return str(error)
    return "imported"


@pytest.mark.parametrize("case", sorted(JSON_CASES))
def test_hostile_json_values(case: str, tmp_path: Path) -> None:
    data, expected = JSON_CASES[case]
    source = tmp_path / "doc.json"
    source.write_bytes(data)
    target = tmp_path / "out.orgdesk"
    outcome = _outcome(source, target)
    assert expected in outcome
    assert not target.exists()
    assert "\n" not in outcome and len(outcome) < 400


@pytest.mark.parametrize("case", sorted(GRAPHML_CASES))
def test_hostile_graphml_values(case: str, tmp_path: Path) -> None:
    data, expected = GRAPHML_CASES[case]
    source = tmp_path / "chart.graphml"
    source.write_bytes(data)
    target = tmp_path / "out.orgdesk"
    outcome = _outcome(source, target)
    assert expected in outcome
    assert target.exists() == (outcome == "imported")
    assert "\n" not in outcome and len(outcome) < 400


def test_yed_groups_are_read_with_their_members(tmp_path: Path) -> None:
    """A yEd group node holds a graph of its own; networkx flattens it, and so do we."""
    source = tmp_path / "chart.graphml"
    source.write_bytes(GRAPH % (LABEL, (b'<node id="a"><data key="d0">A</data></node>'
                                       b'<node id="g" yfiles.foldertype="group">'
                                       b'<data key="d0">G</data>'
                                       b'<graph id="g:" edgedefault="directed">'
                                       b'<node id="g::b"><data key="d0">B</data></node></graph>'
                                       b'</node><edge source="a" target="g"/>'
                                       b'<edge source="a" target="g::b"/>')))
    org = read_source(source).require()
    assert sorted(p.title for p in org.positions()) == ["A", "B", "G"]


def test_ports_are_ignored_without_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "chart.graphml"
    source.write_bytes(GRAPH % (LABEL, (b'<node id="a"><data key="d0">A</data><port name="p"/>'
                                       b"</node>")))
    assert [p.title for p in read_source(source).require().positions()] == ["A"]


@pytest.mark.parametrize("name, data", [
    ("surrogate.json", JSON_CASES["lone surrogate in a title"][0]),
    ("digits.json", JSON_CASES["5,000-digit id"][0]),
    ("digits.graphml", GRAPHML_CASES["5,000-digit int"][0]),
])
def test_the_cli_says_one_thing_and_exits_1(name: str, data: bytes, tmp_path: Path) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "orgdesk", "import", str(source), "-o",
                             str(tmp_path / "out.orgdesk")], capture_output=True, text=True,
                            check=False, cwd=ROOT, env=os.environ.copy(), timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("orgdesk: ")
    assert not (tmp_path / "out.orgdesk").exists()


@pytest.mark.parametrize(("cell", "text"), [
    ("_xD83D__xDE00_", "😀"),  # a pair written as two escapes is one character
    ("_xD800_", "_xD800_"),  # half a character stays the text it is
    ("a_xDC00_b_x0041_", "a_xDC00_bA"),
    ("_x005F_xD800_", "_xD800_"),
])
def test_excel_escapes_never_give_half_a_character(cell: str, text: str) -> None:
    from orgdesk.io.cells import xml_unescape

    assert xml_unescape(cell) == text
    text.encode("utf-8")  # storable
