"""The balancing's passes skip subtrees that cannot wrap at a limit: the result is the
full computation's, exactly (random trees, random limits, both ways of measuring)."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.layout.balance import _Model
from orgdesk.layout.tidy import TidyNode

sizes = st.floats(min_value=1.0, max_value=400.0, allow_nan=False)


@st.composite
def trees(draw: st.DrawFn) -> tuple[TidyNode, list[TidyNode]]:
    """A random tree of up to 60 boxes; the holders are some of the nodes with children."""
    count = draw(st.integers(min_value=1, max_value=60))
    nodes = [TidyNode(draw(sizes), draw(sizes)) for _ in range(count)]
    for index in range(1, count):
        parent = nodes[draw(st.integers(min_value=0, max_value=index - 1))]
        parent.children = [*parent.children, nodes[index]]
    holders = [node for node in nodes if node.children and draw(st.booleans())]
    return nodes[0], holders


@settings(max_examples=300, deadline=None)
@given(trees(), st.lists(st.floats(min_value=1.0, max_value=20000.0), min_size=1, max_size=6),
       st.floats(min_value=0.0, max_value=60.0))
def test_skipping_what_cannot_wrap_changes_nothing(
        tree: tuple[TidyNode, list[TidyNode]], limits: list[float], gap: float) -> None:
    top, holders = tree
    model = _Model(top, holders, gap)
    for limit in [math.inf, *limits]:
        rows: dict[int, list[int]] = {}
        full_rows: dict[int, list[int]] = {}
        full = _Model(top, holders, gap)  # never measured: every node in the pass
        assert model.measure(limit, rows) == full._measured(limit, full_rows, full.inner)
        assert rows == full_rows
