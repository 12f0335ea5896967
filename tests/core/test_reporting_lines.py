"""The organisation's own reporting-line graph answers as networkx's DiGraph does."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.core.errors import (
    CycleError,
    DomainError,
    UnknownDepartmentError,
    UnknownPositionError,
)
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.reporting_lines import ReportingLines

ROOT = Path(__file__).resolve().parents[2]

ids = st.integers(min_value=1, max_value=8).map(PositionId)
operations = st.lists(st.tuples(st.sampled_from(["node", "edge", "unedge", "unnode"]), ids, ids),
                      max_size=40)


def _same(ours: ReportingLines, theirs: nx.DiGraph[PositionId]) -> None:
    assert ours.number_of_nodes() == theirs.number_of_nodes()
    assert list(ours.in_degree()) == list(theirs.in_degree())
    for pid in theirs.nodes:
        assert pid in ours
        assert list(ours.successors(pid)) == list(theirs.successors(pid))
        assert list(ours.predecessors(pid)) == list(theirs.predecessors(pid))
        assert ours.out_degree(pid) == theirs.out_degree(pid)
        assert ours.descendants(pid) == nx.descendants(theirs, pid)
    has_cycle = not nx.is_directed_acyclic_graph(theirs)
    if has_cycle:
        assert ours.find_cycle() == list(nx.find_cycle(theirs))


@settings(max_examples=300, deadline=None)
@given(operations)
def test_every_answer_and_order_is_networkxs(steps: list[tuple[str, PositionId, PositionId]]
                                             ) -> None:
    ours = ReportingLines()
    theirs: nx.DiGraph[PositionId] = nx.DiGraph()
    for operation, a, b in steps:
        if operation == "node":
            ours.add_node(a)
            theirs.add_node(a)
        elif operation == "edge":
            ours.add_edge(a, b)
            theirs.add_edge(a, b)
        elif operation == "unedge" and theirs.has_edge(a, b):
            ours.remove_edge(a, b)
            theirs.remove_edge(a, b)
        elif operation == "unnode" and a in theirs:
            ours.remove_node(a)
            theirs.remove_node(a)
        _same(ours, theirs)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), ids), max_size=8))
def test_lines_added_at_once_answer_as_added_one_by_one(superiors: list[PositionId | None]
                                                         ) -> None:
    reports = [PositionId(i) for i in range(1, len(superiors) + 1)]
    superiors = [s if s is None or s <= len(reports) else None for s in superiors]
    ours = ReportingLines()
    ours.add_lines(reports, superiors)
    theirs: nx.DiGraph[PositionId] = nx.DiGraph()
    theirs.add_nodes_from(reports)
    theirs.add_edges_from((s, r) for s, r in zip(superiors, reports) if s is not None)
    _same(ours, theirs)
    tops = [r for s, r in zip(superiors, reports) if s is None]
    below = set(tops).union(*(nx.descendants(theirs, top) for top in tops))
    assert ours.count_below(tops) == len(below)  # a forest: each position met once


def test_an_organisation_refuses_the_first_position_that_is_wrong() -> None:
    """Read a field at a time, the positions are still refused in their order."""
    def build(*positions: Position) -> None:
        Organisation(positions=positions)
    with pytest.raises(DomainError, match="Position id 2 appears twice"):
        build(Position(PositionId(2), "A", superior_id=PositionId(9)), Position(PositionId(2), "B"))
    with pytest.raises(UnknownDepartmentError, match="“A” belongs to department 5"):
        build(Position(PositionId(1), "A", department_id=5),  # type: ignore[arg-type]  # a plain id
              Position(PositionId(2), "B", superior_id=PositionId(9)))
    with pytest.raises(UnknownPositionError, match="“B” reports to position 9"):
        build(Position(PositionId(1), "A"), Position(PositionId(2), "B", superior_id=PositionId(9)),
              Position(PositionId(3), "C", department_id=5))  # type: ignore[arg-type]  # a plain id


def test_an_absent_position_is_an_error_not_an_empty_answer() -> None:
    lines = ReportingLines()
    for ask in (lines.successors, lines.predecessors, lines.out_degree, lines.descendants,
                lines.remove_node):
        with pytest.raises(KeyError):
            ask(PositionId(1))


def test_a_cycle_in_a_file_is_named_in_order() -> None:
    positions = [Position(id=PositionId(1), title="A", superior_id=PositionId(3)),
                 Position(id=PositionId(2), title="B", superior_id=PositionId(1)),
                 Position(id=PositionId(3), title="C", superior_id=PositionId(2)),
                 Position(id=PositionId(4), title="Root")]
    with pytest.raises(CycleError, match="A → B → C"):
        Organisation(positions=positions)


def test_an_organisation_is_built_and_queried_without_networkx(tmp_path: Path) -> None:
    """networkx costs 0.2 s to import: a chart export never needs it."""
    code = textwrap.dedent("""
        import sys
        from orgdesk.core.model import Position, PositionId
        from orgdesk.core.organisation import Organisation
        org = Organisation(positions=[Position(id=PositionId(1), title="Boss"),
                                      Position(id=PositionId(2), title="Aide",
                                               superior_id=PositionId(1))])
        assert org.descendant_ids(PositionId(1)) == {2} and org.is_forest()
        org.check_move(PositionId(2), None)
        print("networkx" in sys.modules)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"]
