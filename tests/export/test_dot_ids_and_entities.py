"""Node names that do not depend on an id's sign or size, and titles drawn literally.

Graphviz read the node name `n-1` (a negative id) as the two tokens `n` and
`-1`, and decoded HTML entities in plain labels, so a title "&lt;" was drawn
as "<" and "&#65;" as "A".  Both are checked against the real `dot`: what it
parses (-Tjson) and what it draws (-Tsvg, read back as text).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from orgdesk.core.model import Position, PositionId, PositionKind, Relation, RelationId
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_build import build_dot, id_key, node_name
from orgdesk.export.options import ChartExportOptions

P = PositionId
DOT = shutil.which("dot")
pytestmark = pytest.mark.skipif(DOT is None, reason="the system Graphviz is installed by make")

BIG = 2**63 - 1
IDS = [BIG, -1, -2, 0, -BIG - 1, 7]
ENTITY_TITLES = ["&lt;b&gt;", "&#65;&#x42;", "&amp;", "&nbsp;x", "R&D", "a&b;c", "&", "&&lt;"]


def graphviz(source: str, engine: str, fmt: str) -> bytes:
    assert DOT is not None
    result = subprocess.run([DOT, f"-K{engine}", f"-T{fmt}"], input=source.encode("utf-8"),
                            capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def signed_org() -> Organisation:
    """A chain and a fork over ids of every sign and the extremes of 64 bits."""
    positions = [Position(P(BIG), "top")]
    positions += [Position(P(pid), f"p{pid}", P(BIG), order)
                  for order, pid in enumerate(IDS[1:4])]
    positions += [Position(P(IDS[4]), "staff", P(-1), 0, kind=PositionKind.STAFF,
                           planned_headcount=3),
                  Position(P(7), "seven", P(-2), 0)]
    return Organisation(positions=positions,
                        relations=[Relation(RelationId(1), P(-BIG - 1), P(7), label="dotted")])


def test_id_keys_are_distinct_names_of_letters_and_digits() -> None:
    keys = [id_key(P(pid)) for pid in IDS + [1, 2, 12, -12]]
    assert len(set(keys)) == len(keys)
    assert all(key.isalnum() and key.isascii() for key in keys)


@pytest.mark.parametrize("layout", ["compact", "dot"])
def test_graphviz_reads_one_node_per_position_whatever_the_id(layout: str) -> None:
    org = signed_org()
    dot = build_dot(org, ChartExportOptions(layout=layout))  # type: ignore[arg-type]  # a parametrised Literal value
    data = json.loads(graphviz(dot.source, dot.engine, "json"))
    objects = [o for o in data["objects"] if "nodes" not in o]
    by_gvid = {o["_gvid"]: o["name"] for o in objects}
    boxes = {node_name(p.id) for p in org.positions()}
    assert boxes <= set(by_gvid.values())
    names = {o["name"] for o in objects}
    # Nothing else: no stray `n` or `-1` node from a name cut in two.
    allowed = boxes  # one node per position, none cut in two
    assert names <= allowed, names - allowed
    edges = {(by_gvid[e["tail"]], by_gvid[e["head"]]) for e in data["edges"]
             if e.get("style") != "invis"}  # invisible ones only order staff beside superiors
    expected = {(node_name(p.superior_id), node_name(p.id))
                for p in org.positions() if p.superior_id is not None}
    expected.add((node_name(P(-BIG - 1)), node_name(P(7))))
    assert edges == expected


def drawn_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("layout", ["compact", "dot"])
def test_entities_in_titles_are_drawn_literally(layout: str) -> None:
    positions = [Position(P(1), ENTITY_TITLES[0])]
    positions += [Position(P(i), title, P(1), i) for i, title in enumerate(ENTITY_TITLES[1:], 2)]
    org = Organisation(positions=positions,
                       relations=[Relation(RelationId(1), P(2), P(3), label="&gt;&#67;")])
    from dataclasses import replace

    org.info = replace(org.info, title="&quot;Q&quot;")
    dot = build_dot(org, ChartExportOptions(layout=layout))  # type: ignore[arg-type]  # a parametrised Literal value
    texts = drawn_texts(graphviz(dot.source, dot.engine, "svg"))
    for title in ENTITY_TITLES + ["&gt;&#67;", "&quot;Q&quot;"]:
        assert title in texts, (title, texts)
