"""Any other tool's GraphML as a table: labels, data keys and JSON as columns, edges as superiors.

Columns, in this order: the node's id, its superior (from the edges), the
first line of its first label (titled “label”, which imports read as the
title unless a data key names the title), the data keys declared for nodes,
then the keys of `<y:Json>` objects.  Further label lines and labels go to the
notes (“Label text”); a second label that names a department becomes the
department when no data key gives one.  Every other key is an unmapped column
and so ends in the notes as “Key: value”, like a spreadsheet's.  Drawing data
(yEd graphics, Gephi's x/y/z/size/r/g/b) is left out.  A yEd fill colour becomes
the colour of the node's department.  Dashed yEd edges are dotted lines when
the chart also has solid ones.  A yEd group that no edge touches is a box drawn
round a department: not a position, but the department (and colour) of the
nodes in it.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from orgdesk.core.errors import Sentence
from orgdesk.core.model import Department, DepartmentId, RelationKind
from orgdesk.io.cells import cell_text
from orgdesk.io.drafts import EDGE_SUPERIORS
from orgdesk.io.fields import normalise
from orgdesk.io.graphml_graph import SourceGraph, SourceNode
from orgdesk.io.graphml_orient import Hints, Orientation, orient_directed, orient_undirected
from orgdesk.io.graphml_yed import colour, json_cell
from orgdesk.io.options import ImportOptions
from orgdesk.io.problems import Problem
from orgdesk.io.tables import OwnExtras, PendingRelation, Table, effective_mapping, unique_headers

REPORTS_TO = "reports_to"
#: An edge `kind` (as orgdesk's own and yEd exports write it) that is not a reporting line.
_RELATION_KINDS = {kind.value: kind for kind in RelationKind}
#: Node data naming the colour of the node's department (a column no field takes).
_COLOUR_KEYS = frozenset({"departmentcolour", "departmentcolor", "deptcolour", "deptcolor",
                          "colour", "color", "fillcolour", "fillcolor", "部门颜色", "颜色"})
LABEL = "label"
MORE_LABEL = "Label text"
#: Numeric node data Gephi writes for its drawing, not about the position.
_DRAWING_KEYS = frozenset({"x", "y", "z", "size", "r", "g", "b"})
#: The box sizes and shape networkx's yEd reading adds to a node's data.
_SIZE_KEYS = frozenset({"width", "height"})
_SHAPE_KEYS = frozenset({"shape_type"})
#: Words that end a department's name: a second yEd label so named is the department.
_DEPARTMENT_ENDINGS = ("部", "部门", "中心", "科", "室", "组", "处", "团队", "事业部",
                       "department", "dept", "division", "team", "unit", "office", "group",
                       "section", "branch")


def looks_like_department(text: str) -> bool:
    words = normalise(text)
    return bool(words) and words.endswith(_DEPARTMENT_ENDINGS)


def _columns(graph: SourceGraph) -> tuple[list[str], list[str]]:
    """The data-key columns and the JSON columns, in first-declared / first-seen order."""
    data: list[str] = []
    for key in graph.node_keys:
        if key.name in data or (key.name.lower() in _DRAWING_KEYS
                                and key.kind not in ("string",)):
            continue
        data.append(key.name)
    json: list[str] = []
    seen = set(data)
    for node in graph.nodes:
        for name in node.drawing.json:
            if name not in seen:
                seen.add(name)
                json.append(name)
    return data, json


def _cells(node: SourceNode, data: list[str], json: list[str]) -> list[object]:
    values: list[object] = [node.data.get(name, "") for name in data]
    values += [json_cell(node.drawing.json.get(name)) for name in json]
    return values


def _text(value: object) -> str:
    return cell_text(value).strip() if value is not None else ""


def _boxes(graph: SourceGraph) -> dict[str, tuple[str, str]]:
    """yEd groups that touch no edge: boxes drawn round a department, not positions.

    Group id → (the department's name from the group's label, its fill colour).
    """
    linked = {end for edge in graph.edges for end in (edge.source, edge.target)}
    members = {node.group for node in graph.nodes if node.group}
    return {node.xml_id: (node.drawing.labels[0].split("\n")[0], node.drawing.fill)
            for node in graph.nodes
            if node.is_group and node.xml_id not in linked and node.xml_id in members
            and node.drawing.labels}


def foreign_table(path: Path, graph: SourceGraph, options: ImportOptions) -> Table:
    boxes = _boxes(graph)
    nodes = [node for node in graph.nodes if node.xml_id not in boxes]
    boxed = [boxes.get(node.group, ("", ""))[0] for node in nodes]
    index = {node.xml_id: i for i, node in enumerate(nodes)}
    problems: list[Problem] = []
    data, json = _columns(graph)
    raw_headers = [*data, *json]
    cells = [_cells(node, data, json) for node in nodes]
    drawn = _drawing_columns(raw_headers, cells)
    if drawn:  # a yEd drawing as networkx copies it into data keys: not about the position
        raw_headers = [h for i, h in enumerate(raw_headers) if i not in drawn]
        cells = [[v for i, v in enumerate(row) if i not in drawn] for row in cells]
    mapping = effective_mapping(unique_headers(raw_headers), options.mapping)
    mapped = [mapping.get(header, "") for header in unique_headers(raw_headers)]

    def column_of(field: str) -> int | None:
        return mapped.index(field) if field in mapped else None

    keys = _keys(nodes, cells, column_of("id"))
    if keys is not None:  # the data key is the id column now: not repeated in the notes
        id_column = column_of("id")
        for row in cells:
            row[id_column] = ""  # type: ignore[index]  # _keys returned ids only with a column
    keys = keys or [node.xml_id for node in nodes]
    reporting: list[tuple[int, int, bool]] = []
    relations: list[PendingRelation] = []
    solid = any(not edge.drawing.dashed for edge in graph.edges)
    for edge in graph.edges:
        if edge.source not in index or edge.target not in index:
            missing = edge.target if edge.source in index else edge.source
            problems.append(Problem(None, Sentence.of(
                "An edge names the node “{id}”, which is not in the file.", id=missing)))
            continue
        source, target = index[edge.source], index[edge.target]
        kind = str(edge.data.get("kind", ""))
        if kind in _RELATION_KINDS or (edge.drawing.dashed and solid):
            label = edge.drawing.labels[0] if edge.drawing.labels else ""
            relations.append(PendingRelation(source + 1, None, keys[source], keys[target],
                                             _RELATION_KINDS.get(kind, RelationKind.DOTTED),
                                             str(edge.data.get("label", label))))
        else:
            reporting.append((source, target, edge.directed))

    # Titles: a data key that names the title wins over the drawn label.
    title_column = column_of("title")
    has_label = any(node.drawing.labels for node in nodes)
    department_column = column_of("department")
    second_labels = department_column is None and any(
        len(node.drawing.labels) > 1 and looks_like_department(node.drawing.labels[1])
        for node in nodes)
    titles = [_text(row[title_column]) if title_column is not None else
              (node.drawing.labels[0].split("\n")[0] if node.drawing.labels else "")
              for node, row in zip(nodes, cells)]

    superior_column = column_of("superior")
    parentless = None
    if superior_column is not None:
        parentless = frozenset(i for i, row in enumerate(cells)
                               if not _text(row[superior_column]))
    hints = Hints(keys, titles, options.root_id.strip(), options.root_title, options.edges,
                  parentless)
    count = len(nodes)
    pairs = [(s, t) for s, t, _ in reporting]
    if any(not directed for _, _, directed in reporting):
        orientation = orient_undirected(count, pairs, hints)
    else:
        orientation = orient_directed(count, pairs, hints)
    _several_superiors(orientation, keys, hints.edges, problems)
    problems += orientation.problems

    parts = [_labels(node, second_labels) for node in nodes]
    if department_column is None:  # the group box a node is drawn in names its department
        parts = [(first, more, department or box)
                 for (first, more, department), box in zip(parts, boxed)]
        second_labels = any(department for _, _, department in parts)
    else:
        for row, box in zip(cells, boxed):
            if box and not _text(row[department_column]):
                row[department_column] = box
    if title_column is not None:  # labels that start with the title only draw the data
        parts = [("", "", department) if _draws(first + more, title) else
                 (first, more, department)
                 for (first, more, department), title in zip(parts, titles)]
    drawn_title = has_label and title_column is None
    label_apart = has_label and title_column is not None and any(
        first and first != title for (first, _, _), title in zip(parts, titles))
    more_text = any(more for _, more, _ in parts)
    lead = ["id"]
    if reporting:
        lead.append(EDGE_SUPERIORS)
    if drawn_title:
        lead.append(LABEL)
    tail = []
    if label_apart:
        tail.append(LABEL)
    if second_labels:
        tail.append("department")
    if more_text:
        tail.append(MORE_LABEL)
    headers = unique_headers([*lead, *raw_headers, *tail])

    def rows() -> Iterator[tuple[int, Sequence[object]]]:
        for i in range(count):
            above = orientation.superiors[i]
            values: list[object] = [keys[i]]
            if reporting:
                values.append(keys[above[0]] if above else "")
            first, more, department = parts[i]
            if drawn_title:
                values.append(first)
            values += cells[i]
            if label_apart:
                values.append("" if first == titles[i] else first)
            if second_labels:
                values.append(department)
            if more_text:
                values.append(more)
            yield i + 1, values

    colour_column = next((i for i, header in enumerate(raw_headers)
                          if normalise(header) in _COLOUR_KEYS and not mapped[i]), None)
    names = [_text(row[department_column]) if department_column is not None else department
             for row, (_, _, department) in zip(cells, parts)]
    departments = _departments(nodes, cells, names, colour_column,
                               {name: shade for name, shade in boxes.values() if shade})
    if colour_column is not None and department_column is not None:
        for row in cells:  # the colour is the department's now, not a note
            if colour(_text(row[colour_column])):
                row[colour_column] = ""
    extras = OwnExtras(relations=relations, departments=departments)
    return Table(path, headers, rows(), unit="node", total=count, extras=extras,
                 problems=problems, notices=orientation.notices,
                 root_named=orientation.root_named)


def _keys(nodes: list[SourceNode], cells: list[list[object]], column: int | None
          ) -> list[str] | None:
    """The nodes' ids from a data key read as the id, when it is filled and unique."""
    if column is not None and nodes:
        values = [_text(row[column]) for row in cells]
        if all(values) and len(set(values)) == len(values):
            return values
    return None


def _drawing_columns(headers: list[str], cells: list[list[object]]) -> set[int]:
    """Data keys that only repeat the drawing (networkx reads yEd's graphics into `x`,
    `y`, `shape_type` and `label` and writes them back as data): coordinates and sizes
    that are numbers whatever their declared type, the shape, and a label drawn from a
    `title` key's text."""
    title = next((i for i, h in enumerate(headers) if normalise(h) == "title"), None)
    found: set[int] = set()
    for at, header in enumerate(headers):
        name = header.lower()
        values = [_text(row[at]) for row in cells]
        shape = name in _SHAPE_KEYS
        placed = name in _DRAWING_KEYS | _SIZE_KEYS and all(_is_number(v) for v in values if v)
        label = name == LABEL and title is not None and all(
            _draws(v, _text(row[title])) for v, row in zip(values, cells) if v)
        if shape or placed or label:
            found.add(at)
    return found


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _draws(label: str, title: str) -> bool:
    """Whether a label starts with the title as drawn: wrapped over lines (the title's
    spaces become line breaks) or not, so the label only draws what the data holds."""
    squashed = "".join(title.split())
    return bool(squashed) and "".join(label.split()).startswith(squashed)


def _labels(node: SourceNode, second_is_department: bool) -> tuple[str, str, str]:
    """The first label line, the rest of the label text (for the notes), the department."""
    labels = node.drawing.labels
    if not labels:
        return "", "", ""
    lines = labels[0].split("\n")
    rest = [*lines[1:]]
    department = ""
    for number, label in enumerate(labels[1:], 2):
        if number == 2 and second_is_department and looks_like_department(label):
            department = label
        else:
            rest.append(label)
    return lines[0], "\n".join(rest), department


def _departments(nodes: list[SourceNode], cells: list[list[object]], names: list[str],
                 colour_column: int | None, boxes: dict[str, str]) -> list[Department] | None:
    """Departments coloured by a colour key, else as their nodes are filled (first seen),
    else as the group box round them is."""
    colours: dict[str, str] = {}
    for node, row, name in zip(nodes, cells, names):
        shade = colour(_text(row[colour_column])) if colour_column is not None else ""
        shade = shade or node.drawing.fill or boxes.get(name, "")
        if name and shade and name not in colours:
            colours[name] = shade
    if not colours:
        return None
    return [Department(DepartmentId(number), name, shade, number - 1)
            for number, (name, shade) in enumerate(colours.items(), 1)]


def _several_superiors(orientation: Orientation, keys: list[str], edges: str,
                       problems: list[Problem]) -> None:
    for node, found in enumerate(orientation.superiors):
        if len(found) > 1:
            names = ", ".join(f"“{keys[s]}”" for s in found[:8])
            if edges:
                problems.append(Problem(node + 1, Sentence.of(
                    "it has {count} superiors ({names}); a position reports to one.",
                    count=len(found), names=names), "node"))
            else:
                problems.append(Problem(node + 1, Sentence.of(
                    "it has {count} superiors ({names}); a position reports to one (if the "
                    "edges point from report to superior, use --edges up).",
                    count=len(found), names=names), "node"))
