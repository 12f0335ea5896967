"""Peer tools' JSON read as a table, so it goes through the same mapping and checks as CSV.

Each node becomes a row; its keys become the columns, nested objects as paths
(`data.name`, `tag.position`), lists as one item per line.  The structure the
file expresses by nesting (`children`), by edge lists or by `children` lists of
ids becomes a synthetic superior column (“parent (nesting)”, “parent (edges)”,
“parent (children)”) that names each node's superior by its key.  Which keys
are the id and the parent is decided by the field aliases and then by the
values: the parent key's values are ids of other entries.  The user's `--map`
choices win over all of this, and naming a key the file lacks is an error.
Problems are counted in entries, in the order the file lists them.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgdesk.core.errors import Sentence
from orgdesk.core.model import RelationKind
from orgdesk.io.cells import cell_text
from orgdesk.io.colours import department_colours, is_colour_header
from orgdesk.io.fields import UNMAPPED, normalise, recognise
from orgdesk.io.json_format import MAX_TEXT_CHARS, Duplicated
from orgdesk.io.json_shapes import CHILD_KEYS, Shape, shape_of
from orgdesk.io.options import ImportOptions
from orgdesk.io.peer_columns import DOTTED_KEYS, VIRTUAL_KEY
from orgdesk.io.problems import MalformedFile, Problem, name_of
from orgdesk.io.tables import OwnExtras, PendingRelation, Table, effective_mapping

UNIT = "entry"
ID_OF_ENTRY = "id (entry)"
PARENT_BY = {"nesting": "parent (nesting)", "edges": "parent (edges)",
             "children": "parent (children)"}
#: What a parent value says when it means “no superior” (compared without case).
NULL_TOKENS = frozenset({"null", "(null)", "none", "n/a", "na", "nil", "undefined", "-"})
#: Keys that title a node in peer tools (GoJS `text`) when no key is named like a title.
TITLE_KEYS = ("text", "caption", "displayname", "display_name", "heading")
_DOTTED_SPLIT = re.compile(r"\s*[\n,;，；、]\s*")
_RELATION_KINDS = {kind.value: kind for kind in RelationKind if kind.value != "reports_to"}
#: A superior used when the parent key is empty (OrgChart JS: the sub-tree's parent).
FALLBACK_PARENTS = ("stpid",)
#: Words in a key that say it names another entry's id (for keys the aliases miss).
_PARENT_WORDS = re.compile(r"parent|pid|manager|boss|report|superior|supervisor|上级|汇报",
                           re.IGNORECASE)
_ID_WORDS = re.compile(r"(?:^|[._\s-])(?:id|key|code|no)$|^(?:id|key)|编号|工号|编码",
                       re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")

Record = dict[str, Any]


@dataclass(slots=True)
class _Read:
    """The nodes as flat records, with what the file says about their structure."""

    records: list[Record | None]  # None: the entry is no object (a problem)
    headers: list[str]
    parents: list[Any] | None = None  # the superior of each record, when the file's structure says
    child_refs: dict[int, list[Any]] = field(default_factory=dict)  # entry → ids of its reports
    parent_header: str = ""
    key_hint: str = ""
    parent_hint: str = ""
    problems: list[Problem] = field(default_factory=list)


def peer_table(path: Path, data: Any, options: ImportOptions) -> Table:
    """The table of a parsed peer JSON value; `Table.guessed` is its whole automatic mapping."""
    shape = shape_of(path, data)
    if shape.edges is not None and options.edges == "up":  # edges point from report to superior
        shape.edges = [(number, report, top) for number, top, report in shape.edges]
    read = _google(shape) if shape.google else _records(shape)
    read.problems[:0] = shape.problems
    if not shape.nodes:
        raise MalformedFile(path, Sentence.of("{file} holds no positions ({shape} without "
                                              "entries).", file=name_of(path), shape=shape.name))
    structured = bool(read.child_refs) or shape.nesting is not None or shape.edges is not None
    mapping = _auto_mapping(read, structured)
    synthetic: list[str] = []
    key_header = next((h for h, k in mapping.items() if k == "id"), "")
    if structured:
        key_header = _structure(read, shape, key_header)
        if key_header == ID_OF_ENTRY:
            synthetic.append(ID_OF_ENTRY)
        synthetic.append(read.parent_header)
        for header, key in mapping.items():
            if key in ("id", "superior") and header != key_header:
                mapping[header] = UNMAPPED  # the file's structure names ids and superiors
        mapping[key_header] = "id"
        mapping[read.parent_header] = "superior"
    extras = _second_lines(read, shape, mapping, key_header)
    headers = [*read.headers, *synthetic]
    guessed = {h: mapping.get(h, UNMAPPED) for h in headers}
    chosen = effective_mapping(headers, options.mapping, guessed)
    _drop_virtual(read, chosen)
    count = sum(1 for record in read.records if record is not None)
    rows = _rows(read, headers, chosen, options)
    return Table(Path(path), headers, rows, UNIT, count, extras=extras, problems=read.problems,
                 guessed=guessed, notices=[_how_read(shape, chosen)])


def _second_lines(read: _Read, shape: Shape, mapping: dict[str, str], key_header: str
                  ) -> OwnExtras:
    """Dotted lines and department colours the peer layouts carry, out of the notes.

    A node's list of the ids it has a dotted line to (`dotted_lines`, as orgdesk's d3
    and GoJS exports write), the wrapper's second links (OrgChart JS `slinks`), and a
    colour key (GoJS `color`) that colours the departments become what they mean; the
    keys they used are then mapped to “ignore”.
    """
    extras = OwnExtras()
    records = read.records
    for number, link in enumerate(shape.links, 1):
        if isinstance(link, dict) and link.get("from") is not None and link.get("to") is not None:
            kind = _RELATION_KINDS.get(cell_text(link.get("kind")).strip(), RelationKind.DOTTED)
            label = link.get("label", link.get("text"))
            extras.relations.append(PendingRelation(
                number, None, cell_text(link["from"]).strip(), cell_text(link["to"]).strip(),
                kind, cell_text(label).strip() if label is not None else "", "edge",
                ("from", "to")))
    keyed = key_header in read.headers
    for header in read.headers:
        if mapping.get(header) not in (UNMAPPED, None):
            continue
        if keyed and normalise(header) in DOTTED_KEYS:
            for index, record in enumerate(records):
                if record is None:
                    continue
                own = cell_text(record.get(key_header)).strip()
                for target in _DOTTED_SPLIT.split(cell_text(record.get(header)).strip()):
                    if target and own:
                        extras.relations.append(PendingRelation(
                            index + 1, None, own, target, RelationKind.DOTTED, "", UNIT,
                            (key_header, header)))
            mapping[header] = "ignore"
    department = next((h for h, k in mapping.items() if k == "department"), "")
    colour_key = next((h for h in read.headers if is_colour_header(h)
                       and mapping.get(h) in (UNMAPPED, None)), "")
    if department and colour_key:
        found = department_colours((r.get(department), r.get(colour_key))
                                   for r in records if r is not None)
        if found is not None:
            extras.departments = found or None
            mapping[colour_key] = "ignore"
    return extras


def _drop_virtual(read: _Read, mapping: dict[str, str]) -> None:
    """Remove the node orgdesk's d3 export adds above several top positions
    (`"orgdesk_virtual": true`): its reports are top positions again, side by side."""
    marked = [i for i, r in enumerate(read.records)
              if r is not None and r.get(VIRTUAL_KEY) is True]
    if not marked:
        return
    key = next((h for h, k in mapping.items() if k == "id"), "")
    superior = next((h for h, k in mapping.items() if k == "superior"), "")
    virtual = {cell_text(read.records[i].get(key)).strip() for i in marked} if key else set()  # type: ignore[union-attr]  # marked records are objects
    for index in marked:
        read.records[index] = None
    if superior in read.headers and virtual:
        for record in read.records:
            if record is not None and cell_text(record.get(superior)).strip() in virtual:
                record[superior] = None


def _how_read(shape: Shape, mapping: dict[str, str]) -> str:
    """What the reader took for the structure, so a surprising guess can be corrected."""
    key = next((h for h, k in mapping.items() if k == "id"), "")
    superior = next((h for h, k in mapping.items() if k == "superior"), "")
    if not superior:
        return Sentence.of("Read as {shape}: no key names the entries' superiors; "
                           "--map KEY=superior names one.", shape=shape.name)
    return Sentence.of("Read as {shape}: “{key}” names each entry and “{superior}” its "
                       "superior (--map KEY=id or KEY=superior chooses others).",
                       shape=shape.name, key=key or "—", superior=superior)


# ------------------------------------------------------------------ records
def _records(shape: Shape) -> _Read:
    records: list[Record | None] = []
    problems: list[Problem] = []
    seen: dict[str, None] = {}
    refs: dict[int, list[Any]] = {}  # entry index → the ids its `children` list names
    skip = shape.child_key if shape.nesting is not None else ""
    for index, node in enumerate(shape.nodes):
        if not isinstance(node, dict):
            problems.append(Problem(index + 1, Sentence.of(
                "it is {what}, not an object holding a position's keys.",
                what=_kind_of(node)), UNIT))
            records.append(None)
            continue
        record, listed = _flatten(node, skip, index + 1, problems)
        tags = record.get("tags")
        if type(tags) is str and "assistant" in tags.casefold().split("\n"):
            # OrgChart JS draws its “assistant” tag as staff: said by the kind, not a note
            rest = "\n".join(t for t in tags.split("\n") if t.casefold() != "assistant")
            record = {"kind": "staff", **record, "tags": rest}
        if listed is not None:
            refs[index] = listed
        records.append(record)
        if len(seen) < len(record) or not seen.keys() >= record.keys():
            seen.update(dict.fromkeys(record))  # new keys go last, known ones keep their place
    read = _Read(records, list(seen), key_hint=shape.key_hint, parent_hint=shape.parent_hint,
                 problems=problems)
    if shape.nesting is None and shape.edges is None:
        read.child_refs = refs  # resolved by key once the key is known
    return read


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return Sentence.of("an array")
    if isinstance(value, str):
        return Sentence.of("a text")
    if value is None:
        return Sentence.of("null")
    return Sentence.of("a number or true/false value")


def _flatten(node: dict[str, Any], skip: str, number: int, problems: list[Problem]
             ) -> tuple[Record, list[Any] | None]:
    """A node's keys as paths; `children` lists of ids are returned apart.

    The parsed object becomes the record itself (lists turned into text, the
    nesting removed), so no second copy of a large file is made; only a node
    holding objects is rebuilt with their keys as paths (“data.name”).
    """
    listed: list[Any] | None = None
    if type(node) is not dict:
        _check_keys(node, "", number, problems)
    drop: list[str] = []
    nested = False
    for key, value in node.items():
        kind = type(value)
        if kind is str:
            if len(value) > MAX_TEXT_CHARS:
                node[key] = _too_long(key, value, number, problems)
        elif kind is list:
            if skip and key.casefold() in CHILD_KEYS and all(isinstance(i, dict) for i in value):
                drop.append(key)  # the nesting (or an empty one): read by the shape as reports
            elif not skip and key.casefold() in CHILD_KEYS and all(
                    not isinstance(item, (dict, list)) for item in value):
                listed = value  # the ids of this entry's reports
                drop.append(key)
            else:
                text = _list_text(value)
                node[key] = _too_long(key, text, number, problems) \
                    if len(text) > MAX_TEXT_CHARS else text
        elif kind is dict or kind is Duplicated:
            nested = True
    for key in drop:
        del node[key]
    if not nested:
        return node, listed
    record: Record = {}
    for key, value in node.items():
        if isinstance(value, dict):
            _nested_keys(record, f"{key}.", value, number, problems)
        else:
            record[key] = value
    return record, listed


def _nested_keys(record: Record, prefix: str, node: dict[str, Any], number: int,
                 problems: list[Problem]) -> None:
    """The keys of an object inside an entry, as paths (“data.name”), in the file's order."""
    _check_keys(node, prefix, number, problems)
    prefixes = [prefix]
    iterators = [iter(node.items())]
    while iterators:
        prefix = prefixes[-1]
        for key, value in iterators[-1]:
            name = prefix + str(key)
            if isinstance(value, dict):
                _check_keys(value, name + ".", number, problems)
                prefixes.append(name + ".")
                iterators.append(iter(value.items()))
                break
            if isinstance(value, list):
                value = _list_text(value)
            if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
                value = _too_long(name, value, number, problems)
            record[name] = value
        else:
            iterators.pop()
            prefixes.pop()


def _too_long(name: str, value: str, number: int, problems: list[Problem]) -> str:
    problems.append(Problem(number, Sentence.of(
        "“{key}” holds {count} characters, more than the {limit} orgdesk reads; shorten it.",
        key=name, count=f"{len(value):,}", limit=f"{MAX_TEXT_CHARS:,}"), UNIT))
    return ""


def _check_keys(node: dict[str, Any], prefix: str, number: int, problems: list[Problem]) -> None:
    if isinstance(node, Duplicated):
        problems.append(Problem(number, Sentence.of(
            "it names “{key}” twice, so it is unclear which one counts; remove one of them.",
            key=prefix + node.twice[0]), UNIT))


def _list_text(items: list[Any]) -> str:
    """A list as one item per line: tags, duties; objects as their values (“name：target”)."""
    if not items:
        return ""
    if type(items[0]) is str:  # the common case: duties, tags
        try:  # join refuses anything but text (and JSON makes no str subclass)
            return "\n".join(items)
        except TypeError:  # a later item is not text (raising costs more than joining)
            pass
    elif type(items[0]) is dict:  # KPIs {"name", "target"} of texts: nothing to leave out
        try:  # (maps, not a comprehension: no Python step per item)
            return "\n".join(map("：".join, map(dict.values, items)))
        except TypeError:  # a value that is no text, an item no object
            pass
    lines = []
    for item in items:
        if isinstance(item, dict):
            try:  # a KPI {"name", "target"} of texts: nothing to leave out or convert
                lines.append("：".join(item.values()))
            except TypeError:
                lines.append("：".join([cell_text(v) for v in item.values()
                                       if not isinstance(v, (dict, list)) and v is not None]))
        elif isinstance(item, list):
            try:
                lines.append(json.dumps(item, ensure_ascii=False))
            except RecursionError:
                lines.append("…")
        elif item is not None:
            lines.append(cell_text(item))
    return "\n".join(lines)


# ------------------------------------------------------------ Google Charts
def _google(shape: Shape) -> _Read:
    """Rows of [id or {"v", "f"}, parent, tooltip, …] as id, label, parent, tooltip."""
    rows = shape.nodes
    problems: list[Problem] = []
    first = rows[0] if rows else []
    skip_first = (len(rows) > 1 and bool(first) and all(type(c) is str for c in first)
                  and not any(len(r) > 1 and _cell(r[1])[0] == first[0] for r in rows[1:]))
    extra = max((len(r) for r in rows), default=0)
    headers = ["id", "name", "label", "parent", "tooltip",
               *(f"column {i + 1}" for i in range(3, extra))]
    records: list[Record | None] = []
    for number, row in enumerate(rows, 1):
        if number == 1 and skip_first:
            records.append(None)  # the header row (arrayToDataTable): named, not a position
            continue
        if not isinstance(row, list) or not row:
            problems.append(Problem(number, Sentence.of(
                "it is not a row of cells [id, parent, tooltip]."), UNIT))
            records.append(None)
            continue
        value, parts = _cell(row[0])
        # “Mike<div>President</div>”: the first words name the person, the rest the position
        record: Record = {"id": value, "name": parts[0] if len(parts) > 1 else None,
                          "label": " ".join(parts[1:] if len(parts) > 1 else parts)
                          or cell_text(value)}
        if len(row) > 1:
            record["parent"] = _cell(row[1])[0]
        if len(row) > 2:
            record["tooltip"] = " ".join(_cell(row[2])[1]) or cell_text(_cell(row[2])[0])
        for index in range(3, len(row)):
            record[headers[index + 2]] = _cell(row[index])[0]
        records.append(record)
    return _Read(records, headers, key_hint="id", parent_hint="parent", problems=problems)


def _cell(cell: Any) -> tuple[Any, list[str]]:
    """A Google cell's value and the texts of its formatted HTML, element by element."""
    if isinstance(cell, dict):
        shown = cell.get("f")
        parts = [text for part in _TAG.split(shown)
                 if (text := _SPACE.sub(" ", html.unescape(part)).strip())] \
            if isinstance(shown, str) else []
        value = cell.get("v")
        return (value if not isinstance(value, (dict, list)) else None), parts
    if isinstance(cell, list):
        return None, []
    return cell, []


# ---------------------------------------------------------------- mapping
def _auto_mapping(read: _Read, structured: bool) -> dict[str, str]:
    """Aliases on the full path, then on its last part (“data.name”), then the format's hints."""
    headers = read.headers
    mapping = recognise(headers)
    taken = {key for key in mapping.values() if key}
    for header in headers:
        if not mapping[header] and "." in header:
            key = recognise([header.rsplit(".", 1)[1]])[header.rsplit(".", 1)[1]]
            if key and key != "ignore" and key not in taken:
                mapping[header] = key
                taken.add(key)
    for hint, key in ((read.key_hint, "id"), (read.parent_hint, "superior")):
        if hint in mapping:
            for header, current in mapping.items():
                if current == key:
                    mapping[header] = UNMAPPED
            mapping[hint] = key
    if not {"title", "name"} & set(mapping.values()):
        label = next((h for h in headers if h.rsplit(".", 1)[-1].casefold() in TITLE_KEYS
                      and not mapping[h]), "")
        if label:
            mapping[label] = "title"
    named = bool(read.parent_hint)  # the format names its parent key: absent, every node is a root
    if not structured and not named:  # else the nesting, edges, children lists or format say it
        _pair_by_values(read, mapping)
    return mapping


def _values(records: Sequence[Record | None], header: str) -> list[str]:
    cells = [r.get(header) if r is not None else "" for r in records]
    return [v.strip() if type(v) is str else cell_text(v).strip() for v in cells]


def _scalar(records: Iterable[Record | None], header: str) -> bool:
    """Whether every record's value of `header` is a text, a whole number, true/false or null.

    Decided by the set of the values' types (one pass in C), so only a column holding
    fractions looks at its numbers one by one.
    """
    values = [r.get(header) for r in records if r is not None]
    kinds = set(map(type, values))
    if any(issubclass(kind, (dict, list)) for kind in kinds):
        return False
    if any(issubclass(kind, float) for kind in kinds):
        return all(v.is_integer() for v in values if isinstance(v, float))
    return True


def _pair_by_values(read: _Read, mapping: dict[str, str]) -> None:
    """Settle the id and parent keys by what they hold when the aliases did not."""
    records = [r for r in read.records if r is not None]
    if len(records) < 2:
        return
    id_header = next((h for h, k in mapping.items() if k == "id"), "")
    if next((h for h, k in mapping.items() if k == "superior"), ""):
        return  # named by its alias (its values may be titles or names: assemble resolves those)
    columns = [h for h in read.headers if _scalar(records, h)]
    values = {h: _values(records, h) for h in columns}
    # a key recognised as another field (a headcount, an order) is never taken for the id
    unique = [h for h in columns if all(values[h]) and len(set(values[h])) == len(records)
              and mapping.get(h) in (UNMAPPED, None)]
    ids = [id_header] if id_header in values else sorted(
        unique, key=lambda h: not _ID_WORDS.search(h))
    best: tuple[tuple[bool, int], str, str] | None = None
    for key in ids:
        known = set(values[key])
        zero_is_null = "0" not in known
        for header in columns:
            if header == key or mapping.get(header) not in (UNMAPPED, None):
                continue
            # Each distinct value is tested once: a column repeats its superiors' ids.
            nulls = {v for v in set(values[header]) if _is_null(v, zero_is_null, ())}
            refs = [v for v in values[header] if v not in nulls]
            if not refs or values[header] == values[key]:
                continue  # a copy of the key (d3's `nodeId`) names no superior
            if known.issuperset(refs):
                score = (bool(_PARENT_WORDS.search(header)), len(refs))
                if best is None or score > best[0]:
                    best = (score, key, header)
    if best is not None:
        _, key, header = best
        if not id_header:
            mapping[key] = "id"
        mapping[header] = "superior"


def _is_null(text: str, zero_is_null: bool, extra: Sequence[str]) -> bool:
    folded = text.casefold()
    return (not folded or folded in NULL_TOKENS or (zero_is_null and folded == "0")
            or folded in extra)


# ---------------------------------------------------------------- structure
def _structure(read: _Read, shape: Shape, key_header: str) -> str:
    """Fill `read.parents` from nesting, edges or children lists; the key header used."""
    records = read.records
    keys = _values(records, key_header) if key_header else []  # "" for a record that is None
    complete = bool(key_header) and ("" not in keys or all(
        r is None for key, r in zip(keys, records) if not key))
    if not complete and shape.nesting is None:
        ends = ({cell_text(e).strip() for _, s, t in shape.edges for e in (s, t)}
                if shape.edges is not None else
                {cell_text(c).strip() for listed in read.child_refs.values() for c in listed})
        holding = _key_holding(read, ends) or key_header
        if holding != key_header:
            keys = _values(records, holding)
        key_header = holding
        complete = bool(key_header)
    if not complete:
        keys = [str(i + 1) for i in range(len(records))]
    if shape.nesting is not None:
        read.parent_header = PARENT_BY["nesting"]
        read.parents = [keys[p] if p is not None else None for p in shape.nesting]
    elif shape.edges is not None:
        read.parent_header = PARENT_BY["edges"]
        read.parents = _from_edges(read, shape.edges, keys)
    else:
        read.parent_header = PARENT_BY["children"]
        read.parents = _from_children(read, read.child_refs, keys)
    return key_header if complete else ID_OF_ENTRY


def _key_holding(read: _Read, ends: set[str]) -> str:
    """The unique key whose values every reference is among (yFiles `id`, Cytoscape `data.id`)."""
    records = [r for r in read.records if r is not None]
    for header in read.headers:
        values = {cell_text(r.get(header)).strip() for r in records}
        if ends <= values and len(values) == len(records):
            return header
    return ""


def _from_edges(read: _Read, edges: list[tuple[int, Any, Any]], keys: list[str]) -> list[Any]:
    index = {key: i for i, key in enumerate(keys) if key}
    parents: list[Any] = [None] * len(keys)
    for number, superior, report in edges:
        top, bottom = cell_text(superior).strip(), cell_text(report).strip()
        missing = next((end for end in (top, bottom) if end not in index), None)
        if missing is not None:
            read.problems.append(Problem(number, Sentence.of(
                "it names “{end}”, which is not the id of any node; correct the edge or "
                "add that node.", end=missing), "edge"))
            continue
        at = index[bottom]
        if parents[at] is not None and parents[at] != top:
            read.problems.append(Problem(at + 1, Sentence.of(
                "the edge list gives it two superiors, “{first}” and “{second}”; keep one "
                "reporting line.", first=parents[at], second=top), UNIT))
            continue
        parents[at] = top
    return parents


def _from_children(read: _Read, refs: dict[int, list[Any]], keys: list[str]) -> list[Any]:
    parents: list[Any] = [None] * len(keys)
    index = {key: i for i, key in enumerate(keys) if key}
    for at, listed in refs.items():
        for child in listed:
            text = cell_text(child).strip()
            found = index.get(text)
            if found is None:
                read.problems.append(Problem(at + 1, Sentence.of(
                    "its “children” name “{child}”, which is not the id of any entry.",
                    child=text), UNIT))
            elif parents[found] is not None and parents[found] != keys[at]:
                read.problems.append(Problem(found + 1, Sentence.of(
                    "it is listed in the “children” of both “{first}” and “{second}”; keep "
                    "it under one.", first=parents[found], second=keys[at]), UNIT))
            else:
                parents[found] = keys[at]
    return parents


# --------------------------------------------------------------------- rows
def _rows(read: _Read, headers: list[str], mapping: dict[str, str], options: ImportOptions
          ) -> Iterator[tuple[int, list[Any]]]:
    """The records as rows, read once: each record is let go once its row is made.

    A record is the parsed object itself, so the parsed file shrinks while the
    drafts grow (a 100,000-node file would otherwise be held twice).
    """
    superior = next((h for h, k in mapping.items() if k == "superior"), "")
    key = next((h for h, k in mapping.items() if k == "id"), "")
    own_headers = read.headers
    extra = tuple(t.casefold() for t in options.null_tokens)
    zero_is_null = not key or "0" not in _values(read.records, key)
    fallback = next((h for h in FALLBACK_PARENTS if h in own_headers and h != superior), "")
    at = headers.index(superior) if superior else -1
    records = read.records
    synthetic = len(headers) > len(own_headers)
    numbered = ID_OF_ENTRY in headers
    nulls: dict[str, bool] = {}  # each distinct superior text is looked at once
    for index, record in enumerate(records):
        if record is None:
            continue
        records[index] = None
        get = record.get
        cells: list[Any] = list(map(get, own_headers))
        if synthetic:
            if numbered:
                cells.append(str(index + 1))
            cells.append(read.parents[index] if read.parents is not None else None)
        if at >= 0:
            value = cells[at]
            if value is not None:
                if type(value) is str:  # (True == 1 == 1.0 as keys: numbers are not memoised)
                    null = nulls.get(value)
                    if null is None:
                        null = nulls[value] = _is_null(value.strip(), zero_is_null, extra)
                else:
                    null = _is_null(cell_text(value).strip(), zero_is_null, extra)
                if null:
                    value = cells[at] = None
            if value is None and fallback:
                cells[at] = get(fallback)
        yield index + 1, cells
