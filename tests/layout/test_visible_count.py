"""The export's box count before layout is the number of positions the chart shows."""
from __future__ import annotations

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.layout.chart import visible_count, visible_tree
from orgdesk.layout.model import LayoutOptions


def _org() -> Organisation:
    """1 → (2 → (4, 5 → 7), 3 → 6), and a second root 8."""
    superiors = {1: None, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 5, 8: None}
    return Organisation(positions=[
        Position(id=PositionId(pid), title=f"P{pid}",
                 superior_id=None if sup is None else PositionId(sup))
        for pid, sup in superiors.items()])


def test_the_count_is_the_visible_trees_for_every_way_of_hiding() -> None:
    org = _org()
    cases = [(LayoutOptions(), 8), (LayoutOptions(depth=1), 4),
             (LayoutOptions(collapsed=frozenset({PositionId(2)})), 5),
             (LayoutOptions(root=PositionId(2)), 4),
             (LayoutOptions(root=PositionId(2), depth=0), 1)]
    for options, expected in cases:
        assert visible_count(org, options) == len(visible_tree(org, options)[1]) == expected
