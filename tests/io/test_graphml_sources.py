"""GraphML as other tools write it: yEd and yFiles labels and JSON, Gephi's undirected
graphs, networkx's own Graph and DiGraph output, edge direction and the root, and
failures that print one message and no Python warnings."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

from orgdesk.core.model import RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import ImportResult, export_to, read_source
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.samples import template_organisation
from orgdesk.storage.reading import read_organisation
from tests.io.strategies import organisations

FIXTURES = Path(__file__).parent / "fixtures"
#: A chart as (title, superior title): the CEO has three reports, two of them have two.
CHART = [("CEO", None), ("Ops", "CEO"), ("Sales", "CEO"), ("HR", "CEO"),
         ("Agent 1", "Ops"), ("Agent 2", "Ops"), ("Rep 1", "Sales"), ("Rep 2", "Sales")]


def tree(org: Organisation) -> set[tuple[str, str | None]]:
    """Each position's title with its superior's title."""
    return {(p.title, org.position(p.superior_id).title if p.superior_id else None)
            for p in org.positions()}


def _networkx_file(path: Path, graph: nx.Graph[str]) -> Path:
    for number, (title, _) in enumerate(CHART):
        graph.add_node(f"k{number}", title=title)
    nx.write_graphml(graph, path)
    return path


def _ids() -> dict[str, str]:
    return {title: f"k{number}" for number, (title, _) in enumerate(CHART)}


def undirected_chart(path: Path) -> Path:
    graph: nx.Graph[str] = nx.Graph()
    ids = _ids()
    for number, (_, superior) in enumerate(CHART):
        if superior:  # drawn in either order: an undirected edge has no direction
            ends = (ids[superior], f"k{number}")
            graph.add_edge(*(ends if number % 2 else ends[::-1]))
    return _networkx_file(path, graph)


def reversed_chart(path: Path) -> Path:
    graph: nx.DiGraph[str] = nx.DiGraph()
    ids = _ids()
    for number, (_, superior) in enumerate(CHART):
        if superior:
            graph.add_edge(f"k{number}", ids[superior])  # report → superior
    return _networkx_file(path, graph)


def _org(result: ImportResult) -> Organisation:
    assert [str(p) for p in result.problems] == []
    return result.require()


# ------------------------------------------------------------ networkx's own files
def test_networkx_undirected_graph_imports_as_the_tree(tmp_path: Path) -> None:
    result = read_source(undirected_chart(tmp_path / "g.graphml"))
    assert tree(_org(result)) == set(CHART)
    assert result.notices == [("The edges have no direction: the chart was read from “k0” down, "
                              "the centre of the tree; name another root with --root-id.")]


def test_the_centre_with_most_links_is_the_root_of_an_undirected_tree(tmp_path: Path) -> None:
    # A path a – b – c – d has two centres (b and c); c has an extra leaf, so c leads.
    graph: nx.Graph[str] = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("c", "e")])
    for node in graph:
        graph.nodes[node]["title"] = node.upper()
    nx.write_graphml(graph, tmp_path / "g.graphml")
    org = _org(read_source(tmp_path / "g.graphml"))
    assert tree(org) == {("C", None), ("B", "C"), ("A", "B"), ("D", "C"), ("E", "C")}


def test_networkx_digraph_with_edges_pointing_up_is_detected(tmp_path: Path) -> None:
    result = read_source(reversed_chart(tmp_path / "g.graphml"))
    assert tree(_org(result)) == set(CHART)
    assert result.notices == [("The edges were read as pointing from each report to its superior "
                              "(--edges up): every node has at most one outgoing edge.")]


def test_a_digraph_pointing_down_keeps_its_direction(tmp_path: Path) -> None:
    graph: nx.DiGraph[str] = nx.DiGraph()
    ids = _ids()
    for number, (_, superior) in enumerate(CHART):
        if superior:
            graph.add_edge(ids[superior], f"k{number}")
    result = read_source(_networkx_file(tmp_path / "g.graphml", graph))
    assert tree(_org(result)) == set(CHART)
    assert "(--edges down)" in result.notices[0]


def test_edges_option_overrides_the_detection(tmp_path: Path) -> None:
    path = reversed_chart(tmp_path / "g.graphml")
    problems = [str(p) for p in read_source(path, ImportOptions(edges="down")).problems]
    assert any(p.endswith(": it has 3 superiors (“k1”, “k2”, “k3”); a position reports to one.")
               for p in problems)


def test_a_chain_is_read_down_unless_the_named_root_says_up(tmp_path: Path) -> None:
    graph: nx.DiGraph[str] = nx.DiGraph([("a", "b"), ("b", "c")])
    for node in graph:
        graph.nodes[node]["title"] = node.upper()
    nx.write_graphml(graph, tmp_path / "g.graphml")
    down = _org(read_source(tmp_path / "g.graphml"))
    assert tree(down) == {("A", None), ("B", "A"), ("C", "B")}
    up = _org(read_source(tmp_path / "g.graphml", ImportOptions(root_id="c")))
    assert tree(up) == {("C", None), ("B", "C"), ("A", "B")}


def test_root_id_orients_an_undirected_graph_from_that_node(tmp_path: Path) -> None:
    result = read_source(undirected_chart(tmp_path / "g.graphml"), ImportOptions(root_id="k1"))
    org = _org(result)
    assert tree(org) == {("Ops", None), ("CEO", "Ops"), ("Agent 1", "Ops"), ("Agent 2", "Ops"),
                         ("Sales", "CEO"), ("HR", "CEO"), ("Rep 1", "Sales"),
                         ("Rep 2", "Sales")}
    assert "the root named by --root-id" in result.notices[0]


def test_an_unknown_root_id_is_a_problem(tmp_path: Path) -> None:
    result = read_source(undirected_chart(tmp_path / "g.graphml"), ImportOptions(root_id="zz"))
    assert [str(p) for p in result.problems] == [
        "No node has the id “zz” given as the root; the ids are like “k0”, “k1”, “k2”."]


def test_root_title_names_an_existing_node_of_an_undirected_graph(tmp_path: Path) -> None:
    path = undirected_chart(tmp_path / "g.graphml")
    options = ImportOptions(roots=RootPolicy.ADD_ROOT, root_title="Sales")
    org = _org(read_source(path, options))
    assert len(org) == len(CHART)  # no new top position
    assert ("Sales", None) in tree(org) and ("CEO", "Sales") in tree(org)


def test_root_title_matching_no_node_still_adds_a_top_position(tmp_path: Path) -> None:
    path = undirected_chart(tmp_path / "g.graphml")
    options = ImportOptions(roots=RootPolicy.ADD_ROOT, root_title="Board")
    org = _org(read_source(path, options))
    assert tree(org) == {("Board", None), *(
        (t, s or "Board") for t, s in CHART)}


def test_an_undirected_cycle_is_named(tmp_path: Path) -> None:
    graph: nx.Graph[str] = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    for node in graph:
        graph.nodes[node]["title"] = node.upper()
    nx.write_graphml(graph, tmp_path / "g.graphml")
    problems = [str(p) for p in read_source(tmp_path / "g.graphml").problems]
    assert len(problems) == 1
    assert "form a cycle (c – a – b – c)" in problems[0] or "form a cycle (" in problems[0]
    assert all(f"“{n}”" in problems[0] for n in "abc") and "“d”" not in problems[0]
    assert "superiors" not in problems[0]


@pytest.mark.parametrize("edges", ["up", None])  # read "down", ops has two superiors
def test_a_directed_cycle_asks_for_an_edge_to_be_fixed(tmp_path: Path, edges: str | None) -> None:
    """GraphML has no superior key to correct: the message points at the edges."""
    graph: nx.DiGraph[str] = nx.DiGraph([("ceo", "ops"), ("ops", "lead"), ("lead", "agent"),
                                         ("agent", "ops")])
    for node in graph:
        graph.nodes[node]["title"] = node.upper()
    nx.write_graphml(graph, tmp_path / "g.graphml")
    options = ImportOptions(edges=edges) if edges else ImportOptions()
    problems = [str(p) for p in read_source(tmp_path / "g.graphml", options).problems]
    cycles = [p for p in problems if "cycle" in p]
    assert cycles and all("edges between" in p and "turn it round" in p for p in cycles), problems
    assert not any("key “superior”" in p for p in problems)


def test_disconnected_undirected_parts_are_roots_to_keep_or_join(tmp_path: Path) -> None:
    graph: nx.Graph[str] = nx.Graph([("a", "b"), ("a", "c"), ("x", "y")])
    for node in graph:
        graph.nodes[node]["title"] = node.upper()
    nx.write_graphml(graph, tmp_path / "g.graphml")
    asked = read_source(tmp_path / "g.graphml")
    assert [p.code for p in asked.problems] == ["roots"]
    kept = _org(read_source(tmp_path / "g.graphml", ImportOptions(roots=RootPolicy.FOREST)))
    assert tree(kept) == {("A", None), ("B", "A"), ("C", "A"), ("X", None), ("Y", "X")}


def test_directed_false_edges_in_a_directed_graph_are_undirected(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="t" for="node" attr.name="title" attr.type="string"/>'
        '<graph edgedefault="directed">'
        '<node id="a"><data key="t">A</data></node><node id="b"><data key="t">B</data></node>'
        '<node id="c"><data key="t">C</data></node>'
        '<edge source="b" target="a" directed="false"/>'
        '<edge source="c" target="a" directed="false"/></graph></graphml>', encoding="utf-8")
    assert tree(_org(read_source(path))) == {("A", None), ("B", "A"), ("C", "A")}


# ------------------------------------------------------------ yEd, yFiles and Gephi
def test_yed_labels_json_colours_groups_and_dashed_edges() -> None:
    result = read_source(FIXTURES / "yed_orgchart.graphml")
    org = _org(result)
    by_title = {p.title: p for p in org.positions()}
    assert tree(org) == {("Call Centre Director", None), ("客服主管", "Call Centre Director"),
                         ("座席员", "客服主管"), ("Quality Lead", "Call Centre Director"),
                         ("Quality Inspector", "Quality Lead")}
    departments = {d.name: d.colour for d in org.departments}
    # a second label naming a department is the department, coloured as the node is filled
    assert departments == {"Management Office": "#FFCC00", "客服部": "#99CCFF",
                           "Quality Team": "#CAECFF"}
    director = by_title["Call Centre Director"]
    assert director.notes == ("Budget Code: CC-100\ndescription: Runs the centre\n"
                              "Label text: Wang Fang")  # the second label line
    agent = by_title["座席员"]  # an HTML label loses its markup
    assert agent.notes == "employeeId: E-3001\nshift: night\nLabel text: 14 seats"
    assert by_title["客服主管"].requirements.languages == ("普通话", "English")  # y:Json list
    inspector, agent_id = by_title["Quality Inspector"].id, agent.id
    assert [(r.source_id, r.target_id, r.kind, r.label) for r in org.relations] == [
        (inspector, agent_id, RelationKind.DOTTED, "checks calls")]
    assert set(result.kept_in_notes) >= {"Budget Code", "employeeId", "shift"}


def test_yfiles_for_html_labels_and_json_tags() -> None:
    org = _org(read_source(FIXTURES / "yfiles_html.graphml"))
    assert tree(org) == {("Chief Executive", None), ("Sales Lead", "Chief Executive")}
    assert {d.name for d in org.departments} == {"Board", "Sales"}  # the tag's "dept"


def test_gephi_undirected_file_is_oriented_from_the_node_without_a_superior() -> None:
    result = read_source(FIXTURES / "gephi_undirected.graphml")
    org = _org(result)
    # The tree's centre is the Operations Manager; the data says the General Manager is top.
    assert tree(org) == {("General Manager", None), ("Operations Manager", "General Manager"),
                         ("Quality Manager", "General Manager"),
                         ("Team Lead North", "Operations Manager"),
                         ("Agent North", "Team Lead North"),
                         ("Agent North 2", "Team Lead North")}
    assert "the only node without a superior in its data" in result.notices[0]
    notes = {p.title: p.notes for p in org.positions()}
    assert notes["General Manager"] == "Modularity Class: 0"  # no x, y, size, r, g, b
    assert {d.name for d in org.departments} == {"Management", "Operations", "Quality"}


def test_source_node_ids_are_the_keys(tmp_path: Path) -> None:
    from orgdesk.io.graphml_format import read_graphml

    table = read_graphml(FIXTURES / "gephi_undirected.graphml", ImportOptions())
    assert [row[0] for _, row in table.rows] == ["A1", "A2", "O-1", "CEO-0", "Q-1", "A3"]


# ------------------------------------------------------------ our own GraphML
def test_own_graphml_keeps_department_colours_order_and_settings(tmp_path: Path) -> None:
    org = template_organisation("bank_service_center")
    departments = [replace(d, colour=f"#{10 * i:02X}3456", order=len(org.departments) - i)
                   for i, d in enumerate(org.departments)]
    changed = Organisation(org.info, departments, list(org.positions()), org.relations,
                           {**org.settings})
    export_to(changed, tmp_path / "c.graphml")
    back = read_source(tmp_path / "c.graphml").require()
    assert back.snapshot() == changed.snapshot()


# ------------------------------------------------------------ the command line
def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Every warning shown, as a user with PYTHONWARNINGS set would see them.
    env = {**os.environ, "PYTHONWARNINGS": "always"}
    return subprocess.run([sys.executable, "-m", "orgdesk", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, check=False, env=env)


def test_cli_root_id_root_title_and_edges(tmp_path: Path) -> None:
    undirected_chart(tmp_path / "u.graphml")
    reversed_chart(tmp_path / "r.graphml")
    done = _cli("import", "u.graphml", "-o", "a.orgdesk", "--root-id", "k2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "the root named by --root-id" in done.stdout
    assert ("Sales", None) in tree(read_organisation(tmp_path / "a.orgdesk"))
    done = _cli("import", "u.graphml", "-o", "b.orgdesk", "--root-title", "HR", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    org = read_organisation(tmp_path / "b.orgdesk")
    assert len(org) == len(CHART) and ("HR", None) in tree(org)
    done = _cli("import", "r.graphml", "-o", "c.orgdesk", "--edges", "up", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert tree(read_organisation(tmp_path / "c.orgdesk")) == set(CHART)
    done = _cli("import", "r.graphml", "-o", "d.orgdesk", "--edges", "down", cwd=tmp_path)
    assert done.returncode == 1 and "it has 3 superiors" in done.stderr
    assert not (tmp_path / "d.orgdesk").exists()


BAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0">
  <key id="d0" for="node" attr.name="Cost"/>
  <key id="d1" for="node" attr.name="Remark"/>
  <key id="d2" for="node" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="a"><data key="d0">1</data><data key="d2">1.5</data><port name="p"/></node>
    <node id="b"><data key="d1">x</data><data key="d6"/><port name="p"/></node>
    <edge source="a" target="b" sourceport="p" targetport="p"><port name="q"/></edge>
  </graph>
</graphml>
""".replace('<data key="d6"/>', "")


def test_a_failed_import_prints_the_message_and_no_python_warnings(tmp_path: Path) -> None:
    # networkx's reader warned “No key type for id d0. Using string” and “GraphML port tag
    # not supported” for files like this; orgdesk reads the tree itself.
    (tmp_path / "bad.graphml").write_text(BAD, encoding="utf-8")
    done = _cli("import", "bad.graphml", "-o", "x.orgdesk", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == ("  No key holds the nodes' titles and they have no labels; map a key to "
                        "the field “title” (its keys are: Cost, Remark, weight).")
    assert [line[:25] for line in lines[1:-2]] == ["  Node 1: it has no title", "  Node 2: it has no title"]
    # What the reader decided is said even when the import fails (a sentence, not a warning).
    assert lines[-2] == ("  The edges were read as pointing from each superior to its reports "
                         "(--edges down).")
    assert lines[-1] == "orgdesk: Nothing was imported: “bad.graphml” has 3 problems."
    assert not (tmp_path / "x.orgdesk").exists()


def test_mapping_a_listed_key_fixes_it(tmp_path: Path) -> None:
    (tmp_path / "bad.graphml").write_text(BAD.replace(">x<", ">Boss<").replace(
        '<data key="d0">1</data>', '<data key="d1">Lead</data>'), encoding="utf-8")
    org = _org(read_source(tmp_path / "bad.graphml",
                           ImportOptions(mapping={"Remark": "title"})))
    assert tree(org) == {("Lead", None), ("Boss", "Lead")}


@pytest.mark.parametrize("shape", ["json-list", "json-text"])
def test_json_that_is_not_an_object_is_kept_as_the_key_value(tmp_path: Path, shape: str) -> None:
    value = json.dumps(["a", "b"]) if shape == "json-list" else "not json {"
    (tmp_path / "g.graphml").write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:y="http://www.yworks.com/xml/graphml">'
        '<key id="t" for="node" attr.name="Tag"/><key id="l" for="node" attr.name="title" '
        'attr.type="string"/><graph edgedefault="directed">'
        f'<node id="a"><data key="l">A</data><data key="t"><y:Json>{value}</y:Json></data>'
        '</node></graph></graphml>', encoding="utf-8")
    org = _org(read_source(tmp_path / "g.graphml"))
    assert next(iter(org.positions())).notes == f"Tag: {value}"


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(org=organisations(max_positions=6))
def test_own_graphml_round_trip_is_identical(org: Organisation, tmp_path: Path) -> None:
    export_to(org, tmp_path / "doc.graphml")
    assert read_source(tmp_path / "doc.graphml").require().snapshot() == org.snapshot()


def test_a_yed_group_without_edges_is_the_department_of_the_nodes_in_it(tmp_path: Path) -> None:
    def box(ident: str, label: str, inner: str = "", group: bool = False) -> str:
        kind = "ProxyAutoBoundsNode" if group else "ShapeNode"
        look = (f'<y:{kind}><y:Realizers active="0"><y:GroupNode><y:Fill color="#AABBCC"/>'
                f'<y:NodeLabel>{label}</y:NodeLabel></y:GroupNode></y:Realizers></y:{kind}>'
                if group else f'<y:{kind}><y:NodeLabel>{label}</y:NodeLabel></y:{kind}>')
        folder = ' yfiles.foldertype="group"' if group else ""
        return (f'<node id="{ident}"{folder}><data key="g">{look}</data>'
                f'{f"<graph>{inner}</graph>" if inner else ""}</node>')

    (tmp_path / "g.graphml").write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:y="http://www.yworks.com/xml/graphml">'
        '<key id="g" for="node" yfiles.type="nodegraphics"/><graph edgedefault="directed">'
        + box("n0", "Sales Team", box("n0::n0", "Sales Lead") + box("n0::n1", "Seller"), True)
        + '<edge source="n0::n0" target="n0::n1"/></graph></graphml>', encoding="utf-8")
    org = _org(read_source(tmp_path / "g.graphml"))
    assert tree(org) == {("Sales Lead", None), ("Seller", "Sales Lead")}
    assert [(d.name, d.colour) for d in org.departments] == [("Sales Team", "#AABBCC")]
    assert {p.department_id for p in org.positions()} == {org.departments[0].id}
