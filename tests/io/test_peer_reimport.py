"""Peer-layout exports re-import with the defaults: the id/parent pair the format names,
rows that are positions (not people), several top positions kept side by side."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Position,
    PositionId,
    Relation,
    RelationId,
    RelationKind,
)
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import export_to, read_source
from orgdesk.io.peers import LAYOUTS

EVERY = [(layout, suffix) for layout, writers in LAYOUTS.items() for suffix in writers]


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_gojs_model_without_any_parent_key_is_all_roots(tmp_path: Path) -> None:
    """A list of ids that all name entries (`dotted_lines`) is not the parent key when
    the format names its own (GoJS `nodeParentKeyProperty`, default “parent”)."""
    nodes = [{"key": 1, "title": "A", "dotted_lines": [2]}, {"key": 2, "title": "B"}]
    source = _write(tmp_path / "g.json", {"class": "go.TreeModel", "nodeDataArray": nodes})
    from orgdesk.io.interchange import ImportOptions, RootPolicy

    org = read_source(source, ImportOptions(roots=RootPolicy.FOREST)).require()
    assert [(p.title, p.superior_id) for p in org.positions()] == [("A", None), ("B", None)]


def test_gojs_named_parent_property_wins(tmp_path: Path) -> None:
    nodes = [{"k": "a", "boss": None, "title": "A", "ref": "b"},
             {"k": "b", "boss": "a", "title": "B", "ref": "a"}]
    source = _write(tmp_path / "g.json", {"class": "go.TreeModel", "nodeKeyProperty": "k",
                                          "nodeParentKeyProperty": "boss",
                                          "nodeDataArray": nodes})
    org = read_source(source).require()
    by_title = {p.title: p for p in org.positions()}
    assert by_title["B"].superior_id == by_title["A"].id


def test_a_recognised_headcount_is_never_taken_for_the_id(tmp_path: Path) -> None:
    nodes = [{"headcount": 1, "title": "A"}, {"headcount": 2, "title": "B", "ref": 1}]
    from orgdesk.io.interchange import ImportOptions, RootPolicy

    org = read_source(_write(tmp_path / "f.json", nodes),
                      ImportOptions(roots=RootPolicy.FOREST)).require()
    assert sorted(p.planned_headcount for p in org.positions()) == [1, 2]
    assert all(p.superior_id is None for p in org.positions())


def _forest(agents: tuple[str, ...] = ("张三", "李四")) -> Organisation:
    ops = DepartmentId(1)
    p = PositionId
    positions = [
        Position(p(1), "经理", None, 0, ops, planned_headcount=1, filled_headcount=1,
                 holders=("王五",), source_id="M-1"),
        Position(p(2), "座席员", p(1), 0, ops, planned_headcount=3, filled_headcount=2,
                 holders=agents),
        Position(p(3), "座席员", p(1), 1, ops, planned_headcount=2, filled_headcount=0),
        Position(p(4), "独立岗位", None, 1, None),
    ]
    relations = [Relation(RelationId(1), p(3), p(2), RelationKind.DOTTED, "")]
    return Organisation(DocumentInfo(title="t"), [Department(ops, "运营部", "#8FB8DE")],
                        positions, relations)


@pytest.mark.parametrize(("layout", "suffix"), EVERY)
def test_a_forest_of_positions_comes_back_with_the_defaults(layout: str, suffix: str,
                                                            tmp_path: Path) -> None:
    """Same titles under one superior stay two positions, names are their holders, and
    the two top positions come back side by side without --forest."""
    org = _forest()
    target = tmp_path / f"{layout}{suffix}"
    export_to(org, target, layout)
    result = read_source(target)
    assert result.problems == []
    back = result.require()

    def seen(o: Organisation) -> list[tuple[str, str, int, int, tuple[str, ...]]]:
        return sorted((p.title, o.position(p.superior_id).title if p.superior_id else "",
                       p.planned_headcount, p.filled_headcount, p.holders)
                      for p in o.positions())
    if layout == "drawio":  # draw.io's line parser: a list's line breaks are written “ / ”
        org = _forest(("张三 / 李四",))
    assert seen(back) == seen(org)


def test_yed_export_through_networkx_keeps_no_drawing_as_notes(tmp_path: Path) -> None:
    """networkx reads yEd's graphics into `x`, `y`, `shape_type` and `label` and writes
    them back as data keys: drawing data, not notes, and the `title` key stays the title."""
    import networkx as nx

    from tests.io.test_peer_exports import chart

    org = chart()
    export_to(org, tmp_path / "y.graphml", "yed")
    nx.write_graphml(nx.read_graphml(tmp_path / "y.graphml", force_multigraph=True),
                     tmp_path / "again.graphml")
    back = read_source(tmp_path / "again.graphml").require()
    assert [(p.title, p.notes) for p in back.positions()] == [
        (p.title, p.notes) for p in org.positions()]
