"""The GraphML tree (already parsed by defusedxml and checked) as plain nodes and edges.

orgdesk reads the tree itself instead of handing it to networkx's reader:
that reader prints Python warnings for what orgdesk ignores on purpose (“No
key type for id d4. Using string” for every yFiles key, “GraphML port tag not
supported” for every port), reads only one label of a yEd node, none of
yFiles for HTML and no `<y:Json>`, and refuses files that mix directed and
undirected edges.  Values are converted by their declared `attr.type` the
way networkx does (graphml_checks has already refused what would not convert).
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from orgdesk.io.graphml_checks import BOOLEANS, FLOAT_TYPES, INTEGER_TYPES, NS
from orgdesk.io.graphml_yed import Drawing, read_drawing


@dataclass(slots=True)
class Key:
    """One declared `<key>`: the name its data goes by and how its values convert."""

    name: str
    kind: str  # attr.type ("string" when undeclared)
    domain: str  # for=: node, edge, graph, all …
    graphics: bool  # a yEd/yFiles drawing key (yfiles.type or y:attr.uri), not user data
    default: object = None


@dataclass(slots=True)
class SourceNode:
    xml_id: str
    data: dict[str, object] = field(default_factory=dict)  # key name → value
    drawing: Drawing = field(default_factory=Drawing)
    group: str = ""  # the xml id of the yEd group node it is drawn in
    is_group: bool = False


@dataclass(slots=True)
class SourceEdge:
    source: str
    target: str
    directed: bool
    data: dict[str, object] = field(default_factory=dict)
    drawing: Drawing = field(default_factory=Drawing)


@dataclass(slots=True)
class SourceGraph:
    nodes: list[SourceNode]
    edges: list[SourceEdge]
    data: dict[str, object]  # the graph's own data (orgdesk's document info)
    node_keys: list[Key]  # the keys nodes may use, in declaration order


def _convert(text: str, kind: str) -> object:
    if kind in INTEGER_TYPES:
        return int(text.strip())
    if kind in FLOAT_TYPES:
        return float(text.strip())
    if kind == "boolean":
        return text.strip().lower() in BOOLEANS - {"false", "0"}
    return text


def _keys(root: Any) -> dict[str, Key]:
    keys: dict[str, Key] = {}
    for element in root.findall(f"{NS}key"):
        ident = str(element.get("id"))
        yfiles = element.get("yfiles.type")
        uri = next((v for k, v in element.attrib.items() if k.endswith("attr.uri")), "")
        name = element.get("attr.name") or yfiles or ident
        kind = element.get("attr.type") or "string"
        key = Key(name, kind, element.get("for") or "all", bool(yfiles) or "yworks.com" in uri)
        default = element.find(f"{NS}default")
        if default is not None and default.text is not None and not len(default):
            key.default = _convert(default.text, kind)
        keys[ident] = key
    return keys


def _read_data(element: Any, keys: dict[str, Key], data: dict[str, object]) -> Drawing:
    drawing = Drawing()
    for item in element.findall(f"{NS}data"):
        key = keys[str(item.get("key"))]
        if len(item):  # child elements: a yEd / yFiles drawing or <y:Json>
            found = read_drawing(item)
            drawing.labels += found.labels
            for name, value in found.json.items():
                drawing.json.setdefault(name, value)
            if found.json_text and not key.graphics:
                data[key.name] = found.json_text
            drawing.fill = drawing.fill or found.fill
            drawing.dashed = drawing.dashed or found.dashed
        elif not key.graphics:
            data[key.name] = _convert(item.text or "", key.kind)
    return drawing


def read_graph(root: Any) -> SourceGraph:
    """Nodes (yEd groups' members included, in document order), edges and graph data."""
    keys = _keys(root)
    top = root.find(f"{NS}graph")
    directed = top.get("edgedefault", "directed") != "undirected"
    nodes: list[SourceNode] = []
    edges: list[SourceEdge] = []
    graph_data: dict[str, object] = {}
    _read_data(top, keys, graph_data)
    pending: deque[tuple[Any, str]] = deque([(top, "")])
    while pending:  # nested graphs without recursion (yEd groups nest deeply)
        graph, group = pending.popleft()
        for element in graph.findall(f"{NS}node"):
            node = SourceNode(str(element.get("id")), group=group)
            node.drawing = _read_data(element, keys, node.data)
            inner = element.find(f"{NS}graph")
            if inner is not None:
                node.is_group = True
                pending.append((inner, node.xml_id))
            nodes.append(node)
        for element in graph.findall(f"{NS}edge"):
            flag = element.get("directed")
            edge = SourceEdge(str(element.get("source")), str(element.get("target")),
                              directed if flag is None else flag == "true")
            edge.drawing = _read_data(element, keys, edge.data)
            edges.append(edge)
    node_keys = [k for k in keys.values() if k.domain in ("node", "all") and not k.graphics]
    for node in nodes:  # a declared default is the value of a node that gives none
        for key in node_keys:
            if key.default is not None and key.name not in node.data:
                node.data[key.name] = key.default
    return SourceGraph(nodes, edges, graph_data, node_keys)
