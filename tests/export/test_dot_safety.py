"""DOT building: hostile text comes back from Graphviz unchanged and injects nothing."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesk.core.model import (
    Department,
    DepartmentId,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
)
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_build import FORBIDDEN_ATTRIBUTES, _attrs, build_dot
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.chart import layout_chart
from orgdesk.layout.text import clean

P = PositionId
DOT = shutil.which("dot")
pytestmark = pytest.mark.skipif(DOT is None, reason="the system Graphviz is installed by make")

HOSTILE = [
    'say "hi"', "back\\slash", "\\N", "\\G \\L \\E \\T \\H \\l \\n", "<b>bold</b>", "a & b < c > d",
    '"]; n2 [image="/etc/passwd', '"]; n2 [image="/etc/passwd"]; n3 [label="x', "x ] ; -- y",
    "{braces}", "-- ->", "=SUM(A1)", "+1", "-1", "@cmd", "中文岗位 客服", "ends with \\",
    "trailing \\\\", "line\nbreak", "tab\there", "<<html>>", "'single'", "\\\"quote",
]


def hostile_org(titles: list[str], department: str = 'Dept "]; x', relation: str = "\\N<>") -> Organisation:
    positions = [Position(P(1), titles[0], department_id=DepartmentId(1))]
    for i, title in enumerate(titles[1:], start=2):
        positions.append(Position(P(i), title, P(1 if i < 5 else i - 3), i,
                                  department_id=DepartmentId(1), planned_headcount=i % 3 + 1,
                                  kind=PositionKind.STAFF if i == 3 else PositionKind.LINE))
    relations = [Relation(RelationId(1), P(2), P(len(titles)), label=relation)] if len(titles) > 2 else []
    return Organisation(departments=[Department(DepartmentId(1), department)],
                        positions=positions, relations=relations)


def graphviz_json(source: str, engine: str) -> dict:
    assert DOT is not None
    result = subprocess.run([DOT, f"-K{engine}", "-Tjson"], input=source.encode("utf-8"),
                            capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def drawn_lines(obj: dict) -> list[str]:
    """The text Graphviz actually draws for one node (after its own escape processing)."""
    return [op["text"] for op in obj.get("_ldraw_", []) if op["op"] == "T"]


def check_round_trip(org: Organisation, layout: str) -> None:
    options = ChartExportOptions(layout=layout)  # type: ignore[arg-type]  # a parametrised Literal value
    dot = build_dot(org, options)
    data = graphviz_json(dot.source, dot.engine)
    # Anonymous rank=same subgraphs ("%3") are objects too; only nodes count here.
    objects = {o["name"]: o for o in data.get("objects", []) if "nodes" not in o}
    position_nodes = sorted(n for n in objects if n[0] == "n" and n[1:].isdigit())
    assert position_nodes == sorted(f"n{p.id}" for p in org.positions())
    assert {name[0] for name in objects} <= {"n"}  # one node per position, nothing injected
    for obj in list(objects.values()) + data.get("edges", []) + [data]:
        assert not FORBIDDEN_ATTRIBUTES & set(obj), obj
    report_edges = sum(1 for p in org.positions() if p.superior_id is not None)
    # Invisible edges only order staff posts beside their superior (dot layout).
    drawn = [e for e in data.get("edges", []) if e.get("style") != "invis"]
    assert len(drawn) == report_edges + len(org.relations)
    chart = layout_chart(org)
    for pid, box in chart.boxes.items():
        text = box.text
        # All of a box's text is drawn by its own node, in reading order (a
        # backslash starts a new run of text, so the runs are joined).
        expected = list(text.title_lines) + ([text.badge] if text.badge else [])
        expected += list(text.detail_lines)
        assert "".join(drawn_lines(objects[f"n{pid}"])) == "".join(expected)
    labels = [op["text"] for e in data.get("edges", []) for key in ("_ldraw_", "_tldraw_")
              for op in e.get(key, []) if op["op"] == "T"]
    assert labels == [clean(r.label) for r in org.relations if r.label]
    if org.info.title:
        assert [op["text"] for op in data["_ldraw_"] if op["op"] == "T"] == [org.info.title]


@pytest.mark.parametrize("layout", ["compact", "dot"])
def test_hostile_labels_come_back_unchanged(layout: str) -> None:
    org = hostile_org(HOSTILE)
    from dataclasses import replace

    org.info = replace(org.info, title='Title \\N "x" <y>')
    check_round_trip(org, layout)


def test_injection_adds_no_attribute_or_node() -> None:
    org = hostile_org(["boss", '"]; n2 [image="/etc/passwd"]; n9 [shape=record label="x',
                       'x" URL="http://e" fontpath="/tmp'])
    source = build_dot(org, ChartExportOptions()).source
    data = graphviz_json(source, "nop2")
    names = {o["name"] for o in data["objects"]}
    assert "n9" not in names
    for obj in data["objects"] + data.get("edges", []):
        assert not FORBIDDEN_ATTRIBUTES & set(obj) and obj.get("shape") != "record"
    assert drawn_lines(next(o for o in data["objects"] if o["name"] == "n2"))[0].startswith('"]; n2')


def test_allow_list_refuses_file_reading_attributes() -> None:
    for name in sorted(FORBIDDEN_ATTRIBUTES):
        with pytest.raises(ValueError, match="allow-list"):
            _attrs(**{name: "x"})


hostile_text = st.text(
    alphabet=st.sampled_from(list('\\"<>&[];{}=-+@\'Nn GL中文客服 \n\t\r|') + ["\u3000", "é"]),
    min_size=1, max_size=40).filter(lambda s: clean(s) != "")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_text, min_size=2, max_size=6), hostile_text, hostile_text,
       st.sampled_from(["compact", "dot"]))
def test_any_text_round_trips(titles: list[str], department: str, relation: str,
                              layout: str) -> None:
    check_round_trip(hostile_org(titles, department, relation), layout)


def test_very_long_text_stays_one_box() -> None:
    org = hostile_org(["头" * 5000, "x" * 20000])
    check_round_trip(org, "compact")
