"""Exports in the peers' own layouts: each re-imports as the same chart, and each is
checked against what the peer's own reader expects (networkx for yEd's GraphML, the
draw.io CSV import's header and line rules, the JSON wrappers of d3-org-chart,
OrgChart JS and GoJS, the Visio wizard's columns)."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, example, given, settings

from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
    RelationKind,
)
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import export_to, read_source
from orgdesk.io.peers import LAYOUTS, peer_writer
from orgdesk.io.peers.geometry import chart_options
from orgdesk.io.problems import ExportFailed
from orgdesk.layout.chart import layout_chart
from tests.io.strategies import organisations

EVERY = [(layout, suffix) for layout, writers in LAYOUTS.items() for suffix in writers]
HOSTILE = "=HYPERLINK(\"http://x\",\"a, b\") <b>&amp;</b> \\"


def chart() -> Organisation:
    """A small chart with everything a layout carries: departments with colours, a
    staff post, a position of 14 seats, a dotted line, lists, and hostile text."""
    ops, qa = DepartmentId(1), DepartmentId(2)
    departments = [Department(ops, "运营部", "#8FB8DE"), Department(qa, "R&D \"质量\"", "#A8D5A2")]
    p = PositionId
    positions = [
        Position(p(1), "客服经理", None, 0, ops, duties=("全面负责", "- 汇报"), source_id="M-1"),
        Position(p(2), "经理助理", p(1), 0, ops, kind=PositionKind.STAFF),
        Position(p(3), HOSTILE, p(1), 1, qa, kpis=(Kpi("准确率", "≥98%"),), notes="a\nb"),
        Position(p(4), "座席员", p(3), 0, ops, planned_headcount=14, filled_headcount=12,
                 holders=("张三", "李四")),
        Position(p(5), "质检员", p(1), 2, qa, duties=("抽检, 复核",)),
    ]
    relations = [Relation(RelationId(1), p(5), p(4), RelationKind.DOTTED, "抽检")]
    return Organisation(DocumentInfo(title="客服中心"), departments, positions, relations)


def shape(org: Organisation, same: Callable[[str], str] = str
          ) -> dict[int, tuple[int | None, str, str]]:
    """Each position's superior, title and department name, by id."""
    names = {d.id: same(d.name) for d in org.departments}
    return {p.id: (p.superior_id, same(p.title), names.get(p.department_id, "")  # type: ignore[arg-type]  # None looks up ""
                   ) for p in org.positions()}


def as_drawio_writes(text: str) -> str:
    """draw.io's line parser takes no line break, no RFC 4180 "" and no backslash before
    a closing quote: the draw.io CSV writes those as “ / ”, U+FF02 and U+FF3C (its docstring)."""
    if "\n" in text or "\r" in text:  # only a value with a line break loses its lines' edges
        text = " / ".join(line.strip() for line in re.split("\r\n|\r|\n", text))
    text = text.replace('"', "\uff02")
    return text[:-1] + "\uff3c" if text.endswith("\\") else text


def as_written(layout: str, suffix: str, text: str) -> str:
    """A text as the layout's file holds it: CSV has no NUL and XML 1.0 no control
    characters (both become U+FFFD, as in orgdesk's own files)."""
    if layout == "yed":
        return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)
    if suffix == ".csv":
        text = text.replace("\x00", "\ufffd")
    return as_drawio_writes(text) if layout == "drawio" else text


def by_title(org: Organisation, same: Callable[[str], str] = str
             ) -> dict[str, tuple[str, str]]:
    """Each title with its superior's title and its department (titles unique here)."""
    names = {d.id: same(d.name) for d in org.departments}
    return {same(p.title): (same(org.position(p.superior_id).title) if p.superior_id else "",
                            names.get(p.department_id, ""))  # type: ignore[arg-type]  # None looks up ""
            for p in org.positions()}


# ------------------------------------------------------------ re-import
@pytest.mark.parametrize(("layout", "suffix"), EVERY)
def test_every_layout_reimports_as_the_same_chart(layout: str, suffix: str,
                                                  tmp_path: Path) -> None:
    org = chart()
    target = tmp_path / f"{layout}{suffix}"
    export_to(org, target, layout)
    back = read_source(target).require()
    same = as_drawio_writes if layout == "drawio" else str
    assert by_title(back) == by_title(org, same)
    assert [p.planned_headcount for p in back.positions()] == [
        p.planned_headcount for p in org.positions()]
    assert [p.filled_headcount for p in back.positions()] == [
        p.filled_headcount for p in org.positions()]
    assert [tuple(map(same, p.holders)) if layout != "drawio" else (same("\n".join(p.holders)),)
            if p.holders else () for p in org.positions()] == [p.holders for p in back.positions()]
    assert [p.source_id for p in back.positions()] == [p.source_id for p in org.positions()]
    assert [p.kind for p in back.positions()] == [p.kind for p in org.positions()]
    titles = {p.id: same(p.title) for p in org.positions()}
    back_titles = {p.id: p.title for p in back.positions()}
    assert {(back_titles[r.source_id], back_titles[r.target_id]) for r in back.relations} == (
        set() if layout == "visio" else
        {(titles[r.source_id], titles[r.target_id]) for r in org.relations})
    if layout in ("gojs", "drawio", "yed"):  # the layouts that carry a position's fill
        assert {same(d.name): d.colour for d in org.departments} == {
            d.name: d.colour for d in back.departments}
    # what a layout writes only for the peer (its tags, colours, labels) is no note
    assert [p.notes for p in back.positions()] == [same(p.notes) for p in org.positions()]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(org=organisations(max_positions=6))
# A backslash followed by a space or form feed is no backslash before the closing quote:
# it is written as it is, and only the reader's stripping of spaces removes the space.
@example(org=Organisation(DocumentInfo(), [], [
    Position(PositionId(1), "\\\x0c", None, 0, None, source_id="\\ ")], []))
@pytest.mark.parametrize(("layout", "suffix"), EVERY)
def test_any_document_keeps_its_tree_titles_and_departments(
        layout: str, suffix: str, org: Organisation, tmp_path: Path) -> None:
    target = tmp_path / f"{layout}{suffix}"
    export_to(org, target, layout)
    # The defaults: nothing says these rows are positions, nor that several top positions
    # (d3's added node above them dropped again) stay side by side.
    result = read_source(target)
    assert result.problems == []
    back = result.require()
    # A peer's file is read leniently: spaces around a value are the peer's, not data.
    assert shape(back, str.strip) == shape(org, lambda t: as_written(layout, suffix, t).strip())
    assert [(p.planned_headcount, p.filled_headcount, p.source_id.strip())
            for p in back.positions()] == [
        (p.planned_headcount, p.filled_headcount, as_written(layout, suffix, p.source_id).strip())
        for p in org.positions()]
    if layout != "visio":  # the wizard has no dotted lines
        assert {(r.source_id, r.target_id) for r in back.relations} == {
            (r.source_id, r.target_id) for r in org.relations}


def test_d3_puts_one_node_above_several_top_positions(tmp_path: Path) -> None:
    org = chart()
    second = Position(PositionId(9), "独立岗位")
    org = Organisation(org.info, org.departments, [*org.positions(), second], org.relations)
    export_to(org, tmp_path / "d3.json", "d3")
    nodes = json.loads((tmp_path / "d3.json").read_text("utf-8"))
    assert [n["id"] for n in nodes if n["parentId"] is None] == ["orgdesk-root"]
    assert nodes[0]["positionName"] == "客服中心" and nodes[0]["orgdesk_virtual"] is True
    assert {n["id"] for n in nodes if n["parentId"] == "orgdesk-root"} == {1, 9}
    export_to(org, tmp_path / "d3.csv", "d3")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "d3.csv").read_text("utf-8-sig"))))
    assert [r["id"] for r in rows if not r["parentId"]] == ["orgdesk-root"]
    assert rows[0]["orgdesk_virtual"] == "true"
    assert {r["id"] for r in rows if r["parentId"] == "orgdesk-root"} == {"1", "9"}
    for name in ("d3.json", "d3.csv"):  # and the import drops that node again
        back = read_source(tmp_path / name).require()
        assert sorted(p.title for p in back.roots()) == ["客服经理", "独立岗位"]
        assert len(back) == len(org)


# ------------------------------------------------------------ JSON wrappers
def test_d3_json_is_a_flat_array_with_its_keys(tmp_path: Path) -> None:
    export_to(chart(), tmp_path / "d3.json", "d3")
    nodes = json.loads((tmp_path / "d3.json").read_text("utf-8"))
    assert isinstance(nodes, list)
    first, hostile = nodes[0], nodes[2]
    assert first["parentId"] is None and first["positionName"] == "客服经理"
    assert first["department"] == "运营部" and first["source_id"] == "M-1"
    assert hostile["positionName"] == HOSTILE and hostile["parentId"] == 1
    assert hostile["kpis"] == [{"name": "准确率", "target": "≥98%"}]
    seats = nodes[3]
    assert (seats["headcount"], seats["filled"], seats["name"]) == (14, 12, "张三, 李四")
    assert nodes[4]["dotted_lines"] == [4]


def test_orgchartjs_nodes_tags_and_second_links(tmp_path: Path) -> None:
    export_to(chart(), tmp_path / "o.json", "orgchartjs")
    data = json.loads((tmp_path / "o.json").read_text("utf-8"))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert "pid" not in nodes[1] and nodes[3]["pid"] == 1
    assert nodes[2]["tags"] == ["assistant"] and nodes[3]["tags"] == []
    assert nodes[3]["title"] == HOSTILE
    assert data["slinks"] == [{"from": 5, "to": 4, "label": "抽检", "kind": "dotted"}]


def test_gojs_tree_model_is_what_model_from_json_reads(tmp_path: Path) -> None:
    export_to(chart(), tmp_path / "g.json", "gojs")
    data = json.loads((tmp_path / "g.json").read_text("utf-8"))
    assert data["class"] == "go.TreeModel"
    nodes = {n["key"]: n for n in data["nodeDataArray"]}
    assert "parent" not in nodes[1] and nodes[4]["parent"] == 3
    assert nodes[3]["title"] == HOSTILE and nodes[3]["color"] == "#A8D5A2"
    # GoJS gives "class" and "points" values a meaning of their own: none may appear.
    assert not any({"class", "points"} & set(n) for n in nodes.values())


# ------------------------------------------------------------ draw.io
#: draw.io's own line parser (Editor.csvToArray): one row per line, values bare,
#: in single or double quotes with backslash escapes; None for a line it refuses.
_DRAWIO_VALUE = (r"""\s*(?:'([^'\\]*(?:\\[\S\s][^'\\]*)*)'"""
                 r"""|"([^"\\]*(?:\\[\S\s][^"\\]*)*)"|([^,'"\s\\]*(?:\s+[^,'"\s\\]+)*))\s*""")
_DRAWIO_LINE = re.compile(rf"^{_DRAWIO_VALUE}(?:,{_DRAWIO_VALUE})*$")


def drawio_values(line: str) -> list[str] | None:
    if not _DRAWIO_LINE.match(line):
        return None
    values = [next((g for g in m.groups() if g is not None), "")
              for m in re.finditer(rf"(?:^|,)(?:{_DRAWIO_VALUE})", line)]
    return [v.replace("\\'", "'").replace('\\"', '"') for v in values]


def test_drawio_header_configures_the_chart(tmp_path: Path) -> None:
    export_to(chart(), tmp_path / "d.csv", "drawio")
    text = (tmp_path / "d.csv").read_bytes().decode("utf-8")
    assert text.startswith("#")  # no BOM: draw.io reads the # lines only at the very start
    lines = text.splitlines()
    meta = [line for line in lines if line.startswith("#")]
    header = lines[len(meta)].split(",")
    assert lines[:len(meta)] == meta  # every # line comes before the header row
    settings = {}
    connects = []
    for line in meta:
        if line.startswith("##"):
            continue
        key, _, value = line[1:].partition(":")
        if key.strip() == "connect":
            connects.append(json.loads(value))
        else:
            settings[key.strip()] = value.strip()
    assert settings["layout"] in ("verticaltree", "horizontaltree")
    for column in re.findall(r"%(\w+)%", settings["label"] + settings["style"]):
        assert column in header
    assert set(settings["ignore"].split(",")) <= set(header)
    reports, dotted = connects
    assert reports["from"] in header and reports["to"] in header and reports["invert"] is True
    assert dotted["from"] in header and "dashed=1" in dotted["style"]
    assert "dashed=1" not in reports["style"]


def test_drawio_rows_read_the_same_by_drawio_and_by_csv(tmp_path: Path) -> None:
    org = chart()
    export_to(org, tmp_path / "d.csv", "drawio")
    lines = (tmp_path / "d.csv").read_text("utf-8").splitlines()
    table = [line for line in lines if not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(table)), strict=True))
    assert len(rows) == len(table) == len(org) + 1  # one line per row
    header = rows[0]
    for line, row in zip(table[1:], rows[1:]):
        assert drawio_values(line) == row
    records = [dict(zip(header, row)) for row in rows[1:]]
    hostile = next(r for r in records if r["id"] == "3")
    assert hostile["manager"] == "1" and hostile["fill"] == "#A8D5A2"
    assert hostile["title"].startswith("'=HYPERLINK")  # a formula is never one
    assert hostile["notes"] == "a / b"
    assert next(r for r in records if r["id"] == "5")["refs"] == "4"


def test_drawio_orientation_follows_the_document(tmp_path: Path) -> None:
    org = chart()
    org = Organisation(org.info, org.departments, org.positions(), org.relations,
                       {"chart": {"orientation": "lr"}})
    export_to(org, tmp_path / "d.csv", "drawio")
    assert "# layout: horizontaltree" in (tmp_path / "d.csv").read_text("utf-8")


# ------------------------------------------------------------ yEd
Y = "{http://www.yworks.com/xml/graphml}"
G = "{http://graphml.graphdrawing.org/xmlns}"


def test_yed_graphml_parses_in_networkx_with_the_right_edges(tmp_path: Path) -> None:
    org = chart()
    export_to(org, tmp_path / "y.graphml", "yed")
    graph = nx.read_graphml(tmp_path / "y.graphml", force_multigraph=True)
    edges = {(s, t, d["kind"]) for s, t, d in graph.edges(data=True)}
    assert edges == {("n1", "n2", "reports_to"), ("n1", "n3", "reports_to"),
                     ("n3", "n4", "reports_to"), ("n1", "n5", "reports_to"),
                     ("n5", "n4", "dotted")}
    assert graph.nodes["n3"]["title"] == HOSTILE
    assert graph.nodes["n3"]["department"] == "R&D \"质量\""
    assert graph.nodes["n1"]["label"].startswith("客服经理")  # yEd's own label, first one


def test_yed_nodes_have_our_chart_geometry_colours_and_labels(tmp_path: Path) -> None:
    org = chart()
    export_to(org, tmp_path / "y.graphml", "yed")
    root = ET.parse(tmp_path / "y.graphml").getroot()
    keys = {k.get("id"): k.get("yfiles.type") for k in root.iter(f"{G}key")}
    assert "nodegraphics" in keys.values() and "edgegraphics" in keys.values()
    boxes = layout_chart(org, chart_options(org)).boxes
    for node in root.iter(f"{G}node"):
        pid = PositionId(int(node.get("id", "")[1:]))
        shape_node = node.find(f".//{Y}ShapeNode")
        assert shape_node is not None
        geometry = shape_node.find(f"{Y}Geometry")
        assert geometry is not None
        box = boxes[pid]
        assert [float(geometry.get(a, "")) for a in ("x", "y", "width", "height")] == [
            pytest.approx(v, abs=0.05) for v in (box.x, box.y, box.w, box.h)]
        labels = shape_node.findall(f"{Y}NodeLabel")
        assert labels and labels[0].text is not None
        assert shape_node.find(f"{Y}Fill") is not None
    seats = root.find(f".//{G}node[@id='n4']")
    assert seats is not None
    texts = [label.text for label in seats.iter(f"{Y}NodeLabel")]
    assert texts[0] == "座席员 ×14" and "运营部" in (texts[1] or "")
    styles = {e.get("target") + e.get("source", ""): e.find(f".//{Y}LineStyle")  # type: ignore[operator]  # every edge has both ends
              for e in root.iter(f"{G}edge")}
    assert styles["n4n5"].get("type") == "dashed"  # type: ignore[union-attr]  # the dotted line has a style
    assert styles["n4n3"].get("type") == "line"  # type: ignore[union-attr]  # the reporting line has one


def test_yed_escapes_markup_and_control_characters(tmp_path: Path) -> None:
    org = chart()
    nasty = Position(PositionId(3), "</y:NodeLabel>]]>&\x01<!--", PositionId(1), 1)
    org = Organisation(org.info, org.departments,
                       [nasty if p.id == 3 else p for p in org.positions()], org.relations)
    export_to(org, tmp_path / "y.graphml", "yed")
    graph = nx.read_graphml(tmp_path / "y.graphml")
    assert graph.nodes["n3"]["title"] == "</y:NodeLabel>]]>&\ufffd<!--"


# ------------------------------------------------------------ Visio
def test_visio_csv_has_the_wizards_columns(tmp_path: Path) -> None:
    export_to(chart(), tmp_path / "v.csv", "visio")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "v.csv").read_text("utf-8-sig"))))
    assert list(rows[0])[:5] == ["Unique_ID", "Name", "Reports_To", "Title", "Department"]
    assert rows[0]["Reports_To"] == "" and rows[2]["Reports_To"] == "1"
    assert rows[2]["Title"].startswith("'=")
    assert rows[3]["Name"] == "张三, 李四"


def test_visio_xlsx_keeps_formulas_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    export_to(chart(), tmp_path / "v.xlsx", "visio")
    sheet = load_workbook(tmp_path / "v.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[union-attr]  # the one sheet
    assert rows[0][:5] == ("Unique_ID", "Name", "Reports_To", "Title", "Department")
    assert rows[3][3] == HOSTILE  # a typed string: no formula element
    with __import__("zipfile").ZipFile(tmp_path / "v.xlsx") as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist())


# ------------------------------------------------------------ refusals
@pytest.mark.parametrize(("layout", "name", "formats"), [
    ("gojs", "x.csv", ".json"), ("yed", "x.json", ".graphml"),
    ("visio", "x.graphml", ".csv or .xlsx"), ("drawio", "x.xlsx", ".csv")])
def test_a_layout_refuses_a_format_it_does_not_write(layout: str, name: str, formats: str,
                                                     tmp_path: Path) -> None:
    with pytest.raises(ExportFailed) as failed:
        export_to(chart(), tmp_path / name, layout)
    message = str(failed.value)
    assert formats in message and "\n" not in message and message.count(". ") == 0
    assert not (tmp_path / name).exists()
    with pytest.raises(ExportFailed):
        peer_writer(layout, Path(name))
