"""One position = one Graphviz node = one SVG group, in the chart's own language.

Before: each box was three nodes (an empty box and two pinned plaintext nodes
on top), so moving a box in an SVG editor left its text behind and re-running
`dot` on the exported `.dot` scattered the texts; boxes said "0/1 filled" in a
Chinese chart.  Everything here is checked on what the real Graphviz draws,
parsed with a real XML parser.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from orgdesk.core.errors import UserError
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
from orgdesk.export.chart_export import render_chart
from orgdesk.export.dot_build import build_dot, node_name
from orgdesk.export.graphviz_engine import Engine, current_engine
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.chart import layout_chart

P = PositionId
D = DepartmentId
SVG = "{http://www.w3.org/2000/svg}"
DOT = shutil.which("dot")
pytestmark = pytest.mark.skipif(DOT is None, reason="the system Graphviz is installed by make")

HOSTILE = ["a\\N b\\G", "<TABLE>x</TABLE>", '"]; n9 [label="x', "R&D &amp; 'QA'", "end\\",
           "Marketing Representative", "x]>y", "\\\\n"]


def org_of(titles: list[str], filled: bool = True) -> Organisation:
    positions = [Position(P(1), titles[0], department_id=D(1), filled_headcount=1)]
    for i, title in enumerate(titles[1:], start=2):
        positions.append(Position(
            P(i), title, P(1 if i < 4 else 2), i, department_id=D(1 + i % 2),
            planned_headcount=1 + i % 3, filled_headcount=i % 2 if filled else 0,
            kind=PositionKind.STAFF if i == 3 else PositionKind.LINE))
    return Organisation(
        departments=[Department(D(1), "运营部"), Department(D(2), "品质部", colour="#7A9E3B")],
        positions=positions,
        relations=[Relation(RelationId(1), P(3), P(len(titles)), label="协助")])


def position_groups(svg: bytes) -> dict[str, str]:
    """Each position's SVG group (by its id) and all the text drawn inside it."""
    root = ET.fromstring(svg)
    groups = {}
    for g in root.iter(f"{SVG}g"):
        classes = g.get("class", "").split()
        if "node" in classes and "position" in classes:
            groups[g.get("id", "")] = "".join(
                "".join(t.itertext()) for t in g.iter(f"{SVG}text")).replace("\xa0", " ")
    return groups


def expected_text(org: Organisation, options: ChartExportOptions) -> dict[str, str]:
    from orgdesk.export.dot_build import layout_options

    chart = layout_chart(org, layout_options(options, org))
    return {node_name(pid): "".join(box.text.title_lines) + box.text.badge
            + "".join(box.text.detail_lines) for pid, box in chart.boxes.items()}


@pytest.mark.parametrize("layout", ["compact", "dot"])
def test_svg_has_one_group_per_position_holding_all_its_text(layout: str) -> None:
    org = org_of(HOSTILE + ["中文岗位（客服）", "座席员"])
    options = ChartExportOptions(layout=layout, lang="en")  # type: ignore[arg-type]  # a parametrised Literal value
    svg = render_chart(org, options)
    groups = position_groups(svg)
    assert sorted(groups) == sorted(node_name(p.id) for p in org.positions())
    # Exactly one node group per position: nothing else is drawn as a node.
    nodes = [g for g in ET.fromstring(svg).iter(f"{SVG}g") if "node" in g.get("class", "")]
    assert len(nodes) == len(org)
    for name, text in expected_text(org, options).items():
        assert groups[name] == text


def test_dot_file_relaid_by_dot_keeps_each_label_with_its_box() -> None:
    org = org_of(HOSTILE + ["Senior Customer Service Representative", "座席员"])
    options = ChartExportOptions(format="dot", lang="en")
    source = render_chart(org, options).decode("utf-8")
    assert DOT is not None
    result = subprocess.run([DOT, "-Tsvg"], input=source.encode("utf-8"), capture_output=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    groups = position_groups(result.stdout)
    assert len(groups) == len(org)
    for name, text in expected_text(org, options).items():
        assert groups[name] == text


def test_embedded_graphviz_gets_one_plain_node_per_position() -> None:
    org = org_of(HOSTILE)
    dot = build_dot(org, ChartExportOptions(lang="en"), html=False)
    assert "label=<" not in dot.source
    try:
        engine = Engine("embedded", "test")
        svg = render_chart(org, ChartExportOptions(lang="en"), engine=engine)
    except UserError as exc:  # the embedded build is optional; the system one still checks
        pytest.skip(f"embedded Graphviz unavailable: {exc}")
    groups = position_groups(svg)
    assert len(groups) == len(org)
    chart = layout_chart(org)
    for pid, box in chart.boxes.items():
        title = "".join(box.text.title_lines)
        assert groups[node_name(pid)].startswith(title)


def _latin_words(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    return [w for text in texts for w in re.findall(r"[A-Za-z]+", text)]


def test_chinese_chart_has_no_english_word() -> None:
    titles = ["客服中心经理", "客服主管", "质检员", "座席员", "培训师", "组长"]
    org = org_of(titles)
    options = ChartExportOptions(legend=True, collapsed=frozenset({P(2)}), layout="dot")
    assert current_engine().kind == "system"
    svg = render_chart(org, options)
    assert _latin_words(svg) == []
    text = "".join(ET.fromstring(svg).itertext())
    assert "在岗 1/1" in text
    assert "另有 3 个职位" in text  # the collapsed 客服主管 says what it hides
    assert "图例" in text and "运营部" in text
    svg = render_chart(org, ChartExportOptions(legend=True))  # compact, content's language
    assert _latin_words(svg) == []


def test_english_chart_on_request() -> None:
    org = org_of(["客服中心经理", "客服主管", "座席员", "组长"])
    svg = render_chart(org, ChartExportOptions(lang="en", legend=True))
    text = "".join(ET.fromstring(svg).itertext())
    assert "1/1 filled" in text and "Legend" in text and "在岗" not in text


def test_legend_explains_what_the_chart_shows() -> None:
    org = org_of(["经理", "主管", "质检员", "座席员"])
    source = build_dot(org, ChartExportOptions(legend=True)).source
    legend = [line for line in source.splitlines() if line.strip().startswith("legend")]
    text = "\n".join(legend)
    for word in ("图例", "运营部", "品质部", "空缺", "×3", "席位数", "直属职能岗位", "虚线汇报关系"):
        assert word in text, word
    assert 'style="rounded,filled,dashed"' in next(line for line in legend if "空缺" in line)
    # Off by default for SVG, PNG and DOT; on for PDF.
    assert "legend0" not in build_dot(org, ChartExportOptions()).source
    assert ChartExportOptions(format="pdf").legend_shown()
    assert not ChartExportOptions(format="png").legend_shown()
    # In the dot layout too, and Graphviz draws it.
    dot = build_dot(org, ChartExportOptions(legend=True, layout="dot"))
    assert DOT is not None
    result = subprocess.run([DOT, "-Tsvg"], input=dot.source.encode("utf-8"),
                            capture_output=True, timeout=60, check=False)
    assert result.returncode == 0 and "虚线汇报关系" in result.stdout.decode("utf-8")


def test_no_legend_entry_for_what_is_not_there() -> None:
    org = Organisation(positions=[Position(P(1), "Boss"), Position(P(2), "Clerk", P(1), 0)])
    source = build_dot(org, ChartExportOptions(legend=True)).source
    assert "Legend" in source and "No department" in source
    for absent in ("Vacant", "seats", "Staff position", "Dotted-line"):
        assert absent not in source


def test_dot_layout_puts_staff_on_both_sides_of_their_superior() -> None:
    """Before: every staff post went right of its superior, the second one past the
    first, with its connector arching over it."""
    positions = [Position(P(1), "经理"), Position(P(2), "质检员", P(1), 0, kind=PositionKind.STAFF),
                 Position(P(3), "行政助理", P(1), 1, kind=PositionKind.STAFF)]
    positions += [Position(P(10 + i), f"组长{i}", P(1), 2 + i) for i in range(4)]
    dot = build_dot(Organisation(positions=positions), ChartExportOptions(layout="dot"))
    assert DOT is not None
    result = subprocess.run([DOT, "-Tjson"], input=dot.source.encode("utf-8"),
                            capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    import json

    objects = {o["name"]: o for o in json.loads(result.stdout)["objects"] if "nodes" not in o}
    x = {name: float(o["pos"].split(",")[0]) for name, o in objects.items()}
    y = {name: float(o["pos"].split(",")[1]) for name, o in objects.items()}
    assert y["n2"] == y["n1"] == y["n3"]  # beside their superior, not in the row
    assert x["n2"] < x["n1"] < x["n3"]  # one on each side
    # and nothing sits between a staff post and its superior
    assert not [n for n in x if y[n] == y["n1"] and x["n2"] < x[n] < x["n3"] and n != "n1"]
