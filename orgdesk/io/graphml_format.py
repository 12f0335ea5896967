"""GraphML import and export (readable by yEd, Gephi and networkx).

Export (through networkx's writer): one node per position with its title as
`label` and every field as node data (lists one item per line), an edge
superior → report for each reporting line (`kind` = reports_to) and one per
dotted line; the graph carries the document info, the department table
(names, colours, order) and the document settings as JSON text, so a round
trip loses nothing.

Import: the bytes are parsed by defusedxml with DTDs forbidden — billion
laughs and external entities need a DTD, so both stop there — under size
caps, checked (graphml_checks) and read into plain nodes and edges
(graphml_graph; no networkx reader, so no Python warnings).  orgdesk's own
files are read exactly; any other file is read as drawn (graphml_table):
yEd and yFiles labels and JSON data become columns, undirected edges are
oriented from a root and directed ones read in the direction given or
detected (graphml_orient).  The table then goes through the same mapping
and checks as CSV and Excel.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from orgdesk.core.errors import DomainError, Sentence, sentence_of
from orgdesk.core.model import Department, DepartmentId, DocumentInfo, RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.core.serialize import department_from_dict, department_to_dict
from orgdesk.io.cells import xml_escape, xml_unescape
from orgdesk.io.damage import is_damage
from orgdesk.io.export_table import position_rows
from orgdesk.io.fields import EXPORT_FIELDS
from orgdesk.io.graphml_checks import check_tree
from orgdesk.io.graphml_graph import SourceGraph, read_graph
from orgdesk.io.graphml_table import REPORTS_TO, foreign_table
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
DEPARTMENTS = "departments"  # graph data: the department table as JSON
SETTINGS = "settings"  # graph data: the document settings as JSON
#: Node data of the own format that is not a column: the label repeats the title.
_OWN_SKIPPED = frozenset({"id", "superior", "label", "department_colour"})
_INFO = ("title", "client", "author", "notes", "created", "modified")


def _node_id(pid: int) -> str:
    return f"p{pid}"


def write_graphml(org: Organisation, handle: IO[bytes]) -> None:
    import networkx as nx  # loaded for a GraphML export only: 0.3 s every import paid before

    if len(org) > MAX_NODES:  # the reader refuses more: never write what it cannot read
        raise ExportFailed(Sentence.of(
            "A GraphML file of {count} positions is more than orgdesk imports ({limit}); "
            "export CSV or JSON instead.", count=f"{len(org):,}", limit=f"{MAX_NODES:,}"))
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(orgdesk_format=GRAPHML_FORMAT)
    info = org.info
    for key in _INFO:
        value = getattr(info, key)
        graph.graph[key] = xml_escape(value.isoformat() if isinstance(value, datetime) else value)
    graph.graph[DEPARTMENTS] = xml_escape(json.dumps(
        [department_to_dict(d) for d in org.departments], ensure_ascii=False))
    graph.graph[SETTINGS] = xml_escape(json.dumps(dict(org.settings), ensure_ascii=False))
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
    return root


def read_graphml(path: Path, options: ImportOptions | None = None) -> Table:
    """The nodes of a GraphML file as a table: orgdesk's own exactly, any other as drawn."""
    path = Path(path)
    graph = read_graph(_parse(path))
    if str(graph.data.get("orgdesk_format", "")).startswith("orgdesk-graphml/"):
        return _own_table(path, graph)
    return foreign_table(path, graph, options or ImportOptions())


def _own_table(path: Path, graph: SourceGraph) -> Table:
    """orgdesk's own export: field keys as data names, reporting lines pointing down."""
    nodes = graph.nodes
    number = {node.xml_id: index for index, node in enumerate(nodes, 1)}
    keys = {node.xml_id: str(node.data.get("id", node.xml_id)) for node in nodes}
    attributes: list[str] = []
    for key in graph.node_keys:
        if key.name not in attributes and key.name not in _OWN_SKIPPED:
            attributes.append(key.name)
    headers = unique_headers(["id", "superior", *attributes])
    problems: list[Problem] = []
    superiors: dict[str, list[str]] = {node.xml_id: [] for node in nodes}
    extras = OwnExtras()
    for edge in graph.edges:
        if edge.source not in number or edge.target not in number:
            problems.append(Problem(None, Sentence.of(
                "An edge names the node “{id}”, which is not in the file.",
                id=edge.target if edge.source in number else edge.source)))
            continue
        kind = str(edge.data.get("kind", REPORTS_TO))
        if kind in (RelationKind.DOTTED.value, RelationKind.ADVISORY.value):
            rid = edge.data.get("relation_id")
            extras.relations.append(PendingRelation(
                number[edge.source], rid if isinstance(rid, int) else None, keys[edge.source],
                keys[edge.target], RelationKind(kind), xml_unescape(str(edge.data.get("label", "")))))
        else:
            superiors[edge.target].append(edge.source)
    for node in nodes:
        found = superiors[node.xml_id]
        if len(found) > 1:
            problems.append(Problem(number[node.xml_id], Sentence.of(
                "it has {count} superiors ({names}); a position reports to one.",
                count=len(found), names=", ".join(f"“{keys[s]}”" for s in found)), "node"))

    def rows() -> Iterator[tuple[int, Sequence[object]]]:
        for node in nodes:
            above = superiors[node.xml_id]
            values: list[object] = [keys[node.xml_id], keys[above[0]] if above else ""]
            values += [xml_unescape(v) if isinstance(v, str) else v
                       for v in (node.data.get(a) for a in attributes)]
            yield number[node.xml_id], values

    info = {k: xml_unescape(str(graph.data.get(k, ""))) for k in _INFO}
    try:
        dates = {k: datetime.fromisoformat(info[k]) for k in _INFO[4:] if info[k]}
        extras.info = DocumentInfo(info["title"], info["client"], info["author"],
                                   info["notes"], **dates)
    except ValueError:
        problems.append(Problem(None, "The graph holds an unreadable date."))
    extras.departments = _own_departments(graph, problems)
    extras.settings = _own_settings(graph, problems)
    return Table(path, [_own_header(h) for h in headers], rows(), unit="node",
                 total=len(nodes), own=True, extras=extras, problems=problems)


def _own_departments(graph: SourceGraph, problems: list[Problem]) -> list[Department] | None:
    """The department table (files before it was written: names and colours of the nodes)."""
    text = graph.data.get(DEPARTMENTS)
    if not isinstance(text, str):
        departments: dict[str, Department] = {}
        for node in graph.nodes:
            name, shade = node.data.get("department"), node.data.get("department_colour")
            if isinstance(name, str) and name.strip() and name not in departments:
                try:
                    departments[name] = Department(DepartmentId(len(departments) + 1),
                                                   xml_unescape(name),
                                                   str(shade or "#D9E2F3"), len(departments))
                except DomainError:
                    continue
        return list(departments.values()) or None
    result = []
    try:
        entries = json.loads(xml_unescape(text))
        for entry in entries:
            result.append(department_from_dict(entry))
    except (ValueError, TypeError, RecursionError, DomainError) as exc:
        problems.append(Problem(None, Sentence.of("The graph's department table is unreadable "
                                                  "({reason}).", reason=sentence_of(exc))))
    return result


def _own_settings(graph: SourceGraph, problems: list[Problem]) -> dict[str, Any]:
    text = graph.data.get(SETTINGS)
    if not isinstance(text, str):
        return {}
    try:
        settings = json.loads(xml_unescape(text))
    except (ValueError, RecursionError):
        settings = None
    if not isinstance(settings, dict):
        problems.append(Problem(None, "The graph's document settings are unreadable."))
        return {}
    return settings


_HEADER_OF_KEY = {f.key: f.header for f in EXPORT_FIELDS}


def _own_header(key: str) -> str:
    """orgdesk's own graphs use field keys as data names: read them as those fields."""
    return _HEADER_OF_KEY.get(key, key)


