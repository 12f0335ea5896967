"""GraphML import and export (networkx; readable by yEd, Gephi and networkx).

Export: one node per position with its title as `label` and every field as
node data (lists one item per line), an edge superior → report for each
reporting line (`kind` = reports_to) and one per dotted line.  Import: the
bytes are parsed first by defusedxml with DTDs forbidden — billion laughs and
external entities need a DTD, so both stop there — under size caps, and only
then handed to networkx.  The graph becomes a table (node data as columns,
the reporting edge as the superior) and goes through the same mapping and
checks as CSV and Excel.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import networkx as nx

from orgdesk.core.errors import Sentence
from orgdesk.core.model import DocumentInfo, RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import xml_escape, xml_unescape
from orgdesk.io.damage import is_damage
from orgdesk.io.export_table import position_rows
from orgdesk.io.fields import EXPORT_FIELDS
from orgdesk.io.graphml_checks import check_tree
from orgdesk.io.limits import MAX_GRAPHML_BYTES
from orgdesk.io.options import ImportOptions
from orgdesk.io.problems import (
    ExportFailed,
    HostileFile,
    MalformedFile,
    Problem,
    name_of,
)
from orgdesk.io.tables import OwnExtras, PendingRelation, Table, unique_headers

GRAPHML_FORMAT = "orgdesk-graphml/1"
MAX_NODES = 500_000
REPORTS_TO = "reports_to"
_INFO = ("title", "client", "author", "notes", "created", "modified")


def _node_id(pid: int) -> str:
    return f"p{pid}"


def write_graphml(org: Organisation, handle: IO[bytes]) -> None:
    if len(org) > MAX_NODES:  # the reader refuses more: never write what it cannot read
        raise ExportFailed(Sentence.of(
            "A GraphML file of {count} positions is more than orgdesk imports ({limit}); "
            "export CSV or JSON instead.", count=f"{len(org):,}", limit=f"{MAX_NODES:,}"))
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(orgdesk_format=GRAPHML_FORMAT)
    info = org.info
    for key in _INFO:
        value = getattr(info, key)
        graph.graph[key] = xml_escape(value.isoformat() if isinstance(value, datetime) else value)
    colours = {d.name: d.colour for d in org.departments}
    keys = [f.key for f in EXPORT_FIELDS]
    for row in position_rows(org):
        data = {k: (xml_escape(v) if isinstance(v, str) else v) for k, v in zip(keys, row)
                if v is not None and v != "" and k != "superior"}
        data["label"] = data.get("title", "")
        department = data.get("department")
        if isinstance(department, str) and department in colours:
            data["department_colour"] = colours[department]
        graph.add_node(_node_id(row[0]), **data)  # type: ignore[arg-type]  # the id column holds the position's int id
    for position in org.positions():
        if position.superior_id is not None:
            graph.add_edge(_node_id(position.superior_id), _node_id(position.id), kind=REPORTS_TO)
    for relation in org.relations:
        graph.add_edge(_node_id(relation.source_id), _node_id(relation.target_id),
                       kind=relation.kind.value, label=xml_escape(relation.label),
                       relation_id=relation.id)
    nx.write_graphml(graph, handle, encoding="utf-8", prettyprint=True)


def _parse(path: Path) -> Any:
    from defusedxml import DefusedXmlException
    from defusedxml import ElementTree as safe_tree  # noqa: N813 - the name says it is the safe one

    try:
        size = path.stat().st_size
        if size > MAX_GRAPHML_BYTES:
            raise HostileFile(path, Sentence.of("{file} is larger than the {limit} MB orgdesk "
                                                "reads.",
                                                file=name_of(path), limit=MAX_GRAPHML_BYTES >> 20))
        data = path.read_bytes()
    except OSError as exc:
        raise MalformedFile(path, Sentence.of("{file} cannot be read: {reason}.",
                                              file=name_of(path), reason=exc.strerror)) from None
    if not data.strip():
        raise MalformedFile(path, Sentence.of("{file} is empty.", file=name_of(path)))
    try:
        root = safe_tree.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                    forbid_external=True)
    except DefusedXmlException:
        raise HostileFile(path, Sentence.of("{file} declares a DTD or entities, which orgdesk "
                                            "refuses to read.", file=name_of(path))) from None
    except safe_tree.ParseError as exc:
        line = getattr(exc, "position", (0, 0))[0]
        raise MalformedFile(path, Sentence.of("{file} line {line}: not well-formed XML.",
                                              file=name_of(path), line=line)) from None
    except Exception as exc:  # a parser's report of damage, told from a bug
        # expat's other answers: an unknown or multi-byte declared encoding (LookupError,
        # ValueError), bytes the declared codec cannot decode (UnicodeError), …
        if not is_damage(exc):
            raise
        raise MalformedFile(path, Sentence.of("{file} is not well-formed XML.",
                                              file=name_of(path))) from None
    nodes = sum(1 for element in root.iter() if element.tag.endswith("}node"))
    if nodes > MAX_NODES:
        raise HostileFile(path, Sentence.of("{file} has {nodes} nodes; orgdesk reads at most "
                                            "{limit}.",
                                            file=name_of(path), nodes=f"{nodes:,}",
                                            limit=f"{MAX_NODES:,}"))
    check_tree(path, root)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # “port tag not supported”: ports carry no data
            return nx.parse_graphml(data, node_type=str, force_multigraph=True)  # type: ignore[call-overload]  # networkx reads bytes too (its stub says str), keeping the declared encoding
    except nx.NetworkXError as exc:  # networkx's own messages are sentences about the file
        raise MalformedFile(path, Sentence.of("{file} is not valid GraphML ({reason}).",
                                              file=name_of(path),
                                              reason=str(exc).rstrip("."))) from None
    except Exception as exc:  # a parser's report of damage, told from a bug
        if not is_damage(exc):
            raise
        raise MalformedFile(path, Sentence.of("{file} is not GraphML that orgdesk can read.",
                                              file=name_of(path))) from None


def read_graphml(path: Path, options: ImportOptions | None = None) -> Table:
    path = Path(path)
    graph = _parse(path)
    if not graph.is_directed():
        graph = graph.to_directed()  # an undirected chart: edges read as drawn, first end above
    own = str(graph.graph.get("orgdesk_format", "")).startswith("orgdesk-graphml/")
    text = xml_unescape if own else (lambda value: value)
    nodes = list(graph.nodes)
    keys = {node: str(graph.nodes[node].get("id", node)) for node in nodes}
    number = {node: index for index, node in enumerate(nodes, 1)}
    attributes: list[str] = []
    for node in nodes:
        for name in graph.nodes[node]:
            if name not in attributes and name not in ("id", "superior", "label"):
                attributes.append(name)
    if own:
        attributes = [a for a in attributes if a != "department_colour"]
    label = any("label" in graph.nodes[n] for n in nodes) and "title" not in attributes
    headers = unique_headers(["id", "superior", *(["label"] if label else []), *attributes])
    problems: list[Problem] = []
    superiors: dict[Any, list[Any]] = {node: [] for node in nodes}
    extras = OwnExtras()
    for source, target, data in graph.edges(data=True):
        kind = str(data.get("kind", REPORTS_TO))
        if kind in (RelationKind.DOTTED.value, RelationKind.ADVISORY.value):
            rid = data.get("relation_id")
            extras.relations.append(PendingRelation(
                number[source], rid if isinstance(rid, int) else None, keys[source],
                keys[target], RelationKind(kind), text(str(data.get("label", "")))))
        else:
            superiors[target].append(source)
    for node, found in superiors.items():
        if len(found) > 1:
            names = ", ".join(f"“{keys[s]}”" for s in found)
            problems.append(Problem(number[node], Sentence.of(
                "it has {count} superiors ({names}); a position reports to one.",
                count=len(found), names=names), "node"))

    def rows() -> Iterator[tuple[int, Sequence[object]]]:
        for node in nodes:
            data = graph.nodes[node]
            above = superiors[node]
            values: list[object] = [keys[node], keys[above[0]] if above else ""]
            if label:
                values.append(text(str(data.get("label", ""))))
            values += [text(v) if isinstance(v, str) else v
                       for v in (data.get(a) for a in attributes)]
            yield number[node], values

    if own:
        info = {k: xml_unescape(str(graph.graph.get(k, ""))) for k in _INFO}
        try:
            dates = {k: datetime.fromisoformat(info[k]) for k in _INFO[4:] if info[k]}
            extras.info = DocumentInfo(info["title"], info["client"], info["author"],
                                       info["notes"], **dates)
        except ValueError:
            problems.append(Problem(None, "The graph holds an unreadable date."))
        headers = [_own_header(h) for h in headers]
    return Table(path, headers, rows(), unit="node", total=len(nodes), own=own, extras=extras,
                 problems=problems)


_HEADER_OF_KEY = {f.key: f.header for f in EXPORT_FIELDS}


def _own_header(key: str) -> str:
    """orgdesk's own graphs use field keys as data names: read them as those fields."""
    return _HEADER_OF_KEY.get(key, key)


