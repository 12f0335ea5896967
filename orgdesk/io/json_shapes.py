"""Which of the peer tools' JSON shapes a parsed file has, and its nodes in document order.

The shapes orgdesk recognises (everything is decided by the structure, not the file name):

- a flat array of objects, one per position, linked by an id and a parent key
  (d3-org-chart `id`/`parentId`, `key`/`parent`, `id`/`pid`, `managerId` …), or by
  `children` lists of ids;
- a nested tree: objects holding their reports in `children`, `subordinates`,
  `reports`, `items` … (dabeng/OrgChart, d3-hierarchy), one root or an array of roots;
- GoJS models `{"class": "go.TreeModel", "nodeDataArray": […]}` and GraphLinksModel
  with `linkDataArray` (`from`/`to`), honouring their `nodeKeyProperty` and friends;
- OrgChart JS `{"nodes": […]}` (`id`/`pid`, `stpid`, `tags`) and other `nodes` wrappers;
- yFiles `{"nodeList": […], "edgeList": [{"source", "target"}]}` and node/edge lists
  such as Cytoscape's `{"elements": {"nodes": …, "edges": …}}`;
- Google Charts org rows `[[{"v": id, "f": label}, parent, tooltip], …]` and the
  DataTable JSON `{"cols": […], "rows": [{"c": […]}]}`.

Every walk here is iterative: a parsed file is at most as deep as the parser's stack,
but the code that reads it must not need a stack of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

from orgdesk.core.errors import Sentence
from orgdesk.io.json_format import Duplicated
from orgdesk.io.problems import MalformedFile, Problem, name_of

#: Keys that hold a node's reports in nested trees (compared without case; a set, as
#: every list-valued key of every node is looked up).
CHILD_KEYS = frozenset(("children", "_children", "subordinates", "reports", "directreports",
                        "direct_reports", "items", "staff", "members", "下级", "下属", "子节点"))
#: Keys of an object that wraps the list of nodes, in the order they are looked for.
NODE_LIST_KEYS = ("nodeDataArray", "nodeList", "nodes", "positions", "employees", "people",
                  "records", "data", "items", "children")
#: Keys of an object that holds the edges besides the nodes.
EDGE_LIST_KEYS = ("linkDataArray", "edgeList", "edges", "links")
#: The pairs of keys an edge names its ends with (superior first), and wrappers around them.
EDGE_ENDS = (("from", "to"), ("source", "target"), ("sourceId", "targetId"),
             ("parent", "child"), ("superior", "report"))
#: Keys of a wrapper that list links besides the reporting lines (OrgChart JS `slinks`
#: second links and `clinks` curved links): dotted-line relations, `{"from", "to", "label"}`.
SECOND_LINK_KEYS = ("slinks", "clinks", "dottedLines", "dotted_lines")
#: How deep wrappers such as {"elements": {"nodes": …}} are looked into.
MAX_WRAPPERS = 3


@dataclass(slots=True)
class Shape:
    """The nodes of a peer file and how the file itself says they are linked."""

    name: str  # for messages: "a nested tree", "a GoJS model" …
    nodes: list[Any]  # one per position, in document order (not all objects, maybe)
    nesting: list[int | None] | None = None  # nested trees: the index of each node's parent
    child_key: str = ""  # the key the nesting used (kept out of the columns)
    edges: list[tuple[int, Any, Any]] | None = None  # (edge number, superior, report)
    key_hint: str = ""  # the key the format names nodes by (GoJS key, yFiles id)
    parent_hint: str = ""  # the key the format names the parent by (GoJS parent)
    google: bool = False  # Google Charts rows: nodes are lists of cells
    links: list[Any] = field(default_factory=list)  # the wrapper's second links (SECOND_LINK_KEYS)
    problems: list[Problem] = field(default_factory=list)


def shape_of(path: Path, data: Any) -> Shape:
    """The shape of a parsed peer JSON file; a value that holds no positions raises."""
    for _ in range(MAX_WRAPPERS + 1):
        if isinstance(data, list):
            return _array(path, data)
        if not isinstance(data, dict):
            break
        if isinstance(data, Duplicated):
            raise MalformedFile(path, Sentence.of(
                "{file} names “{key}” twice in its top object, so it is unclear which one "
                "counts; remove one of them.", file=name_of(path), key=data.twice[0]))
        found = _object(path, data)
        if found is not None:
            found.links = [link for key in SECOND_LINK_KEYS
                           if isinstance(data.get(key), list) for link in data[key]]
            return found
        inner = [v for v in data.values() if isinstance(v, (dict, list))]
        if len(inner) != 1:
            raise MalformedFile(path, Sentence.of(
                "{file} is a JSON object without a list of positions (its keys are {keys}); "
                "orgdesk reads an array of objects with id and parent keys, a tree with "
                "“children”, or an object holding such a list under “nodes”.",
                file=name_of(path), keys=_listed(data)))
        data = inner[0]
    raise MalformedFile(path, Sentence.of(
        "{file} holds {what}, not an organisation chart; orgdesk reads an array of objects "
        "(one per position), a tree of objects with “children”, or an object holding such "
        "a list.", file=name_of(path), what=_what(data)))


def _listed(data: dict[str, Any], limit: int = 12) -> str:
    keys = [f"“{k}”" for k in list(data)[:limit]]
    return ", ".join(keys) + (" …" if len(data) > limit else "") if keys else "none"


def _what(value: Any) -> str:
    if value is None:
        return Sentence.of("null")
    if isinstance(value, bool):
        return Sentence.of("a true/false value")
    if isinstance(value, (int, float)):
        return Sentence.of("a number")
    if isinstance(value, str):
        return Sentence.of("a text")
    if isinstance(value, list):
        return Sentence.of("an array")
    return Sentence.of("an object")


def _plural(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return Sentence.of("true/false values or nulls")
    if isinstance(value, (int, float)):
        return Sentence.of("numbers")
    return Sentence.of("texts")


def child_key(node: dict[str, Any]) -> str:
    """The key holding a node's reports as objects ("" for a leaf or a flat entry)."""
    for key, value in node.items():
        if (type(value) is list and key.casefold() in CHILD_KEYS and value
                and all(isinstance(item, dict) for item in value)):
            return key
    return ""


def _holds_reports(items: list[Any]) -> bool:
    """Whether some object among `items` holds its reports (`child_key`): a nested tree.

    The nodes of a flat list share a few sets of keys; a set without a key named like
    reports is settled once, not node by node.
    """
    named: dict[tuple[str, ...], bool] = {}  # a node's keys → whether one is a CHILD_KEYS name
    for item in items:
        if not isinstance(item, dict):
            continue
        keys = tuple(item)
        maybe = named.get(keys)
        if maybe is None:
            maybe = named[keys] = any(key.casefold() in CHILD_KEYS for key in keys)
        if maybe and child_key(item):
            return True
    return False


def _object(path: Path, data: dict[str, Any]) -> Shape | None:
    if isinstance(data.get("nodeDataArray"), list):
        return _gojs(path, data)
    if isinstance(data.get("nodeList"), list):
        return _with_edges(path, data, "nodeList", Sentence.of("a yFiles graph"), "id")
    if isinstance(data.get("cols"), list) and isinstance(data.get("rows"), list):
        return _datatable(path, data)
    if child_key(data) and any(not isinstance(v, (dict, list)) for v in data.values()):
        return _nested(path, [data])  # the root node itself
    for key in NODE_LIST_KEYS:
        if isinstance(data.get(key), list):
            return _with_edges(path, data, key, Sentence.of("a list of nodes"), "")
    lists = [k for k, v in data.items() if isinstance(v, list) and v
             and all(isinstance(item, dict) for item in v)]
    if len(lists) == 1:
        return _with_edges(path, data, lists[0], Sentence.of("a list of nodes"), "")
    return None


def _array(path: Path, items: list[Any]) -> Shape:
    if items and all(isinstance(item, list) for item in items):
        return Shape(Sentence.of("Google Charts rows"), items, google=True)
    if items and not any(isinstance(item, dict) for item in items):
        raise MalformedFile(path, Sentence.of(
            "{file} is an array of {what}, not of positions; orgdesk reads an array of "
            "objects, one per position, with keys such as “id”, “parentId” and “name”.",
            file=name_of(path), what=_plural(items[0])))
    if _holds_reports(items):
        return _nested(path, items)
    return Shape(Sentence.of("a flat list"), items)


def _nested(path: Path, roots: list[Any]) -> Shape:
    """Nodes in document order (pre-order) with the index of each one's parent."""
    nodes: list[Any] = []
    nesting: list[int | None] = []
    used = ""
    stack: list[tuple[Any, int | None]] = [(node, None) for node in reversed(roots)]
    # The keys named like reports, per distinct set of node keys (in the node's order):
    # only their values need looking at.
    named: dict[tuple[str, ...], list[str]] = {}
    while stack:
        node, parent = stack.pop()
        index = len(nodes)
        nodes.append(node)
        nesting.append(parent)
        if isinstance(node, dict):
            names = tuple(node)
            candidates = named.get(names)
            if candidates is None:
                candidates = named[names] = [k for k in names if k.casefold() in CHILD_KEYS]
            # every list of reports a node holds (“children” and “assistants” …) in file order
            keys = [key for key in candidates if type(value := node[key]) is list and value
                    and all(isinstance(i, dict) for i in value)]
            used = used or next(iter(keys), "")
            for key in reversed(keys):
                stack.extend(zip(reversed(node[key]), repeat(index)))
    return Shape(Sentence.of("a nested tree"), nodes, nesting, used or "children")


def _gojs(path: Path, data: dict[str, Any]) -> Shape:
    key = _text_setting(data, "nodeKeyProperty", "key")
    parent = _text_setting(data, "nodeParentKeyProperty", "parent")
    links = data.get("linkDataArray")
    if not isinstance(links, list):
        return Shape(Sentence.of("a GoJS model"), data["nodeDataArray"], key_hint=key,
                     parent_hint=parent)
    ends = (_text_setting(data, "linkFromKeyProperty", "from"),
            _text_setting(data, "linkToKeyProperty", "to"))
    shape = Shape(Sentence.of("a GoJS model"), data["nodeDataArray"], key_hint=key)
    shape.edges = _edges(links, shape.problems, ends)
    return shape


def _text_setting(data: dict[str, Any], name: str, default: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) and value else default


def _with_edges(path: Path, data: dict[str, Any], key: str, name: str, hint: str) -> Shape:
    nodes = data[key]
    if nodes and all(isinstance(node, list) for node in nodes):
        return Shape(Sentence.of("Google Charts rows"), nodes, google=True)
    nested = _holds_reports(nodes)
    shape = _nested(path, nodes) if nested else Shape(name, nodes, key_hint=hint)
    for edge_key in EDGE_LIST_KEYS:
        links = data.get(edge_key)
        if isinstance(links, list) and links:
            shape.edges = _edges(links, shape.problems, None)
            break
    return shape


def _edges(links: list[Any], problems: list[Problem], ends: tuple[str, str] | None
           ) -> list[tuple[int, Any, Any]]:
    """(number, superior, report) of each edge; an edge without two ends is a problem."""
    edges: list[tuple[int, Any, Any]] = []
    for number, link in enumerate(links, 1):
        if isinstance(link, dict) and isinstance(link.get("data"), dict) and ends is None:
            link = link["data"]  # Cytoscape: {"data": {"source": …, "target": …}}
        pair = None
        if isinstance(link, dict):
            for first, second in (ends,) if ends else EDGE_ENDS:
                if link.get(first) is not None and link.get(second) is not None:
                    pair = (link[first], link[second])
                    break
        if pair is None:
            problems.append(Problem(number, Sentence.of(
                "it does not name both of its ends (“{first}” and “{second}”).",
                first=(ends or EDGE_ENDS[1])[0], second=(ends or EDGE_ENDS[1])[1]), "edge"))
            continue
        edges.append((number, *pair))
    return edges


def _datatable(path: Path, data: dict[str, Any]) -> Shape:
    rows: list[Any] = []
    problems: list[Problem] = []
    for number, row in enumerate(data["rows"], 1):
        cells = row.get("c") if isinstance(row, dict) else None
        if not isinstance(cells, list):
            problems.append(Problem(number, Sentence.of("it has no list of cells “c”."), "entry"))
            cells = []
        rows.append(cells)
    return Shape(Sentence.of("a Google Charts DataTable"), rows, google=True, problems=problems)
