"""What networkx's GraphML reader would get wrong silently or with a Python error, refused first.

networkx reads the first `<graph>` and drops any other, drops nested graphs
that are not yEd groups, merges nodes that share an id (or have none, as
“None”), converts typed data with Python's int()/float() (a 5,000-digit
number is a ValueError about `sys.set_int_max_str_digits`, “5.0” a bare
`invalid literal`), and raises TypeError on a file without a graph.  Each of
those is checked here on the tree defusedxml already parsed, so the user
reads which node and which value is wrong.
"""
from __future__ import annotations

from typing import Any

from orgdesk.core.errors import Sentence
from orgdesk.io.problems import MalformedFile, name_of

NS = "{http://graphml.graphdrawing.org/xmlns}"
#: GraphML attr.type values networkx reads, by what they convert to.
INTEGER_TYPES = frozenset({"int", "integer", "long"})
FLOAT_TYPES = frozenset({"float", "double"})
TEXT_TYPES = frozenset({"string", "yfiles"})
BOOLEANS = frozenset({"true", "false", "0", "1"})
#: Digits of the longest whole number converted (2⁶³ has 19; Python stops at 4,300).
MAX_INT_DIGITS = 30


def _fail(path: Any, template: str, **arguments: object) -> MalformedFile:
    return MalformedFile(path, Sentence.of(template, file=name_of(path), **arguments))


def _short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}…"


def check_tree(path: Any, root: Any) -> None:
    """Raise MalformedFile for anything networkx would misread in the parsed tree `root`."""
    if root.tag != f"{NS}graphml":
        raise _fail(path, "{file} is not a GraphML file: it holds no <graphml> element in the "
                          "GraphML namespace.")
    graphs = root.findall(f"{NS}graph")
    if not graphs:
        raise _fail(path, "{file} holds no graph.")
    if len(graphs) > 1:
        raise _fail(path, "{file} holds {count} graphs; orgdesk imports a file with one.",
                    count=len(graphs))
    keys = _keys(path, root)
    seen: set[str] = set()
    _check_graph(path, graphs[0], keys, seen)


def _keys(path: Any, root: Any) -> dict[str, tuple[str, str]]:
    """key id → (attribute name, attr.type) for every declared key; checks the defaults."""
    keys: dict[str, tuple[str, str]] = {}
    for key in root.findall(f"{NS}key"):
        ident = key.get("id")
        name = key.get("attr.name") or key.get("yfiles.type") or str(ident)
        kind = key.get("attr.type")
        if kind is None:
            kind = "string"  # yEd's graphics keys: networkx reads them as text
        if kind not in INTEGER_TYPES | FLOAT_TYPES | TEXT_TYPES | {"boolean"}:
            raise _fail(path, "{file} declares the data “{name}” with the unknown type "
                              "“{kind}”.", name=_short(name), kind=_short(kind))
        keys[str(ident)] = (name, kind)
        default = key.find(f"{NS}default")
        if default is not None and default.text is not None:
            _check_value(path, default.text, name, kind, "the default")
    return keys


def _check_graph(path: Any, graph: Any, keys: dict[str, tuple[str, str]], seen: set[str]
                 ) -> None:
    if graph.find(f"{NS}hyperedge") is not None:
        raise _fail(path, "{file} holds hyperedges, which orgdesk cannot import.")
    _check_data(path, graph, keys, "the graph")
    for node in graph.findall(f"{NS}node"):
        ident = node.get("id")
        if ident is None:
            raise _fail(path, "{file} has a node without an id.")
        if ident in seen:
            raise _fail(path, "{file} has two nodes with the id “{id}”.", id=_short(ident))
        seen.add(ident)
        where = f"node “{_short(ident)}”"
        _check_data(path, node, keys, where)
        inner = node.find(f"{NS}graph")
        if inner is not None:
            if node.get("yfiles.foldertype") != "group":  # networkx would drop it
                raise _fail(path, "{file}: the node “{id}” contains a graph of its own; "
                                  "orgdesk imports flat graphs (yEd groups are fine).",
                            id=_short(ident))
            _check_graph(path, inner, keys, seen)
    for edge in graph.findall(f"{NS}edge"):
        _check_data(path, edge, keys, "an edge")


def _check_data(path: Any, element: Any, keys: dict[str, tuple[str, str]], where: str) -> None:
    for data in element.findall(f"{NS}data"):
        key = str(data.get("key"))
        if key not in keys:
            raise _fail(path, "{file}: {where} uses the data key “{key}”, which the file never "
                              "declares.", where=where, key=_short(key))
        if data.text is None or len(data):  # empty, or yEd graphics read by networkx itself
            continue
        name, kind = keys[key]
        _check_value(path, data.text, name, kind, where)


def _check_value(path: Any, text: str, name: str, kind: str, where: str) -> None:
    value = text.strip()
    if kind in INTEGER_TYPES:
        digits = len(value.lstrip("+-"))
        if digits > MAX_INT_DIGITS:
            raise _fail(path, "{file}: {where} holds a number of {digits} digits in “{name}”; "
                              "orgdesk reads whole numbers of up to {limit} digits.",
                        where=where, digits=f"{digits:,}", name=_short(name),
                        limit=MAX_INT_DIGITS)
        try:
            int(value)
        except ValueError:
            raise _fail(path, "{file}: {where} holds “{value}” in “{name}”, which is declared "
                              "a whole number.", where=where, value=_short(value),
                        name=_short(name)) from None
    elif kind in FLOAT_TYPES:
        try:
            float(value)
        except ValueError:
            raise _fail(path, "{file}: {where} holds “{value}” in “{name}”, which is declared "
                              "a number.", where=where, value=_short(value),
                        name=_short(name)) from None
    elif kind == "boolean" and text.lower() not in BOOLEANS:
        raise _fail(path, "{file}: {where} holds “{value}” in “{name}”, which is declared true "
                          "or false.", where=where, value=_short(value), name=_short(name))
