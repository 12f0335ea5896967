"""The JSON the peers' own charts load: d3-org-chart, OrgChart JS and GoJS.

* d3-org-chart: a flat array, `id` / `parentId` (null for the root), `name`,
  `positionName`, and every other field under its key.  d3-org-chart builds
  its tree with d3.stratify, which accepts one root only, so a document with
  several top positions gets one more node above them, named by the document
  title and marked `"orgdesk_virtual": true`.
* OrgChart JS: `{"nodes": [{"id", "pid", "name", "title", "tags", …}]}`; staff
  positions carry the tag "assistant" (OrgChart JS draws those beside their
  superior's line) and dotted lines are OrgChart JS's second links, `slinks`
  (`{"from", "to", "label"}`), beside the nodes.
* GoJS: the TreeModel that `go.Model.fromJson` reads,
  `{"class": "go.TreeModel", "nodeDataArray": [{"key", "parent", "name", "title", …}]}`.

json escapes every text; the output is UTF-8 without a BOM (JSON's own rule).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from orgdesk.core.model import PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.peers.records import Lookup, display_name, other_json

VIRTUAL_ROOT = "orgdesk-root"
VIRTUAL_KEY = "orgdesk_virtual"  # what orgdesk's import reads to drop that node again


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _array(items: list[dict[str, Any]]) -> str:
    """One node per line: readable and diffable, and the C encoder stays in use
    (indent= switches json to its pure-Python encoder, ten times slower)."""
    return "[\n" + ",\n".join(_encode(item) for item in items) + "\n]" if items else "[]"


def _write(text: str, handle: IO[bytes]) -> None:
    handle.write((text + "\n").encode("utf-8"))


def _d3_nodes(org: Organisation) -> Iterator[dict[str, Any]]:
    look = Lookup(org)
    top: str | None = None
    if len(org.roots()) > 1:
        top = VIRTUAL_ROOT
        yield {"id": top, "parentId": None, "name": "", "positionName": org.info.title,
               VIRTUAL_KEY: True}
    for p in look.positions():
        node: dict[str, Any] = {
            "id": p.id, "parentId": p.superior_id if p.superior_id is not None else top,
            "name": display_name(p), "positionName": p.title, "department": look.department(p),
            "headcount": p.planned_headcount, "filled": p.filled_headcount}
        node.update(other_json(p))
        node["dotted_lines"] = look.relations.get(p.id, [])
        yield node


def write_d3_json(org: Organisation, handle: IO[bytes]) -> None:
    _write(_array(list(_d3_nodes(org))), handle)


def write_orgchartjs(org: Organisation, handle: IO[bytes]) -> None:
    look = Lookup(org)
    nodes: list[dict[str, Any]] = []
    for p in look.positions():
        node: dict[str, Any] = {"id": p.id}
        if p.superior_id is not None:  # OrgChart JS reads a missing pid as a root
            node["pid"] = p.superior_id
        node.update(name=display_name(p), title=p.title, department=look.department(p),
                    headcount=p.planned_headcount, filled=p.filled_headcount,
                    tags=["assistant"] if p.kind is PositionKind.STAFF else [])
        node.update(other_json(p))
        nodes.append(node)
    links = [{"from": r.source_id, "to": r.target_id, "label": r.label, "kind": r.kind.value}
             for r in org.relations]
    _write(f'{{"nodes": {_array(nodes)},\n"slinks": {_array(links)}}}', handle)


def write_gojs(org: Organisation, handle: IO[bytes]) -> None:
    look = Lookup(org)
    nodes: list[dict[str, Any]] = []
    for p in look.positions():
        node: dict[str, Any] = {"key": p.id}
        if p.superior_id is not None:  # a TreeModel root has no parent key at all
            node["parent"] = p.superior_id
        node.update(name=display_name(p), title=p.title, department=look.department(p),
                    color=look.colour(p), headcount=p.planned_headcount,
                    filled=p.filled_headcount)
        node.update(other_json(p))
        node["dotted_lines"] = look.relations.get(p.id, [])
        nodes.append(node)
    model = _encode({"title": org.info.title})
    _write(f'{{"class": "go.TreeModel", "modelData": {model},\n"nodeDataArray": {_array(nodes)}}}',
           handle)
