"""Balanced layouts of big organisations: bounded aspect ratio, and the chart rules still hold.

Geometry only (no drawing): generated trees of 200, 1,500 and 10,000 positions
in wide, deep and mixed shapes (tests/layout/shapes.py).
"""
from __future__ import annotations

import itertools
from collections import defaultdict

import pytest

from orgdesk.core.model import PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.layout import LayoutOptions, layout_chart
from orgdesk.layout.balance import split_rows
from orgdesk.layout.model import Box, ChartLayout
from tests.layout.shapes import SHAPES, wide

#: The worst aspect ratio a balanced chart may have, either way.
WORST = 3.0
EPS = 1e-6


def overlapping_pairs(boxes: list[Box]) -> list[tuple[Box, Box]]:
    """Pairs of boxes that overlap, found through a grid (linear for charts of boxes of a size)."""
    cell = max(max(b.w for b in boxes), max(b.h for b in boxes))
    grid: dict[tuple[int, int], list[Box]] = defaultdict(list)
    for b in boxes:
        for gx in range(int(b.x // cell), int((b.x + b.w) // cell) + 1):
            for gy in range(int(b.y // cell), int((b.y + b.h) // cell) + 1):
                grid[gx, gy].append(b)
    found = []
    for members in grid.values():
        for a, b in itertools.combinations(members, 2):
            if (a.x < b.x + b.w - EPS and b.x < a.x + a.w - EPS
                    and a.y < b.y + b.h - EPS and b.y < a.y + a.h - EPS):
                found.append((a, b))
    return found


def check_geometry(org: Organisation, chart: ChartLayout) -> None:
    """Every position once, inside the chart, no overlaps, parents before their reports."""
    assert set(chart.boxes) == {p.id for p in org.positions()}
    boxes = list(chart.boxes.values())
    assert not overlapping_pairs(boxes)
    tb = chart.orientation == "tb"
    for box in boxes:
        assert box.x >= -EPS and box.x + box.w <= chart.width + EPS
        assert box.y >= -EPS and box.y + box.h <= chart.height + EPS
        superior = org.position(box.id).superior_id
        if superior is not None:
            boss = chart.boxes[superior]
            if tb:
                assert boss.y + boss.h <= box.y + EPS, (boss, box)
            else:
                assert boss.x + boss.w <= box.x + EPS, (boss, box)
    # One connector into every position that has a superior, from that superior.
    into = {(c.source, c.target) for c in chart.connectors}
    for position in org.positions():
        if position.superior_id is not None:
            assert (position.superior_id, position.id) in into


def check_connectors_clear(chart: ChartLayout) -> None:
    """No reporting line runs through a box other than its own two."""
    boxes = list(chart.boxes.values())
    cell = 200.0
    grid: dict[tuple[int, int], list[Box]] = defaultdict(list)
    for b in boxes:
        for gx in range(int(b.x // cell), int((b.x + b.w) // cell) + 1):
            for gy in range(int(b.y // cell), int((b.y + b.h) // cell) + 1):
                grid[gx, gy].append(b)
    for c in chart.connectors:
        if c.dashed:
            continue
        for (x0, y0), (x1, y1) in itertools.pairwise(c.points):
            lx, hx, ly, hy = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
            near = {id(b): b for gx in range(int(lx // cell), int(hx // cell) + 1)
                    for gy in range(int(ly // cell), int(hy // cell) + 1) for b in grid[gx, gy]}
            for b in near.values():
                if b.id in (c.source, c.target):
                    continue
                inside = (lx < b.x + b.w - 0.5 and b.x + 0.5 < hx + (hx == lx)
                          and ly < b.y + b.h - 0.5 and b.y + 0.5 < hy + (hy == ly))
                assert not inside, (c.source, c.target, (x0, y0, x1, y1), b)


def aspect(chart: ChartLayout) -> float:
    return chart.width / chart.height


@pytest.mark.parametrize("orientation", ["tb", "lr"])
@pytest.mark.parametrize("size", [200, 1500])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_big_trees_are_balanced_and_keep_the_rules(shape: str, size: int,
                                                   orientation: str) -> None:
    org = SHAPES[shape](size)
    chart = layout_chart(org, LayoutOptions(orientation=orientation))  # type: ignore[arg-type]  # parametrized with the two orientations
    assert 1 / WORST <= aspect(chart) <= WORST, (chart.width, chart.height)
    check_geometry(org, chart)
    check_connectors_clear(chart)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_ten_thousand_positions_are_balanced(shape: str) -> None:
    org = SHAPES[shape](10_000)
    chart = layout_chart(org)
    # Near the aim (1.6:1), not just inside the bound: wrapped rows nested in wrapped
    # rows once slid sideways (each spine a hair short of its row) and doubled the width.
    assert 1 / 2 <= aspect(chart) <= 2, (chart.width, chart.height)
    check_geometry(org, chart)


def test_the_plain_wide_layout_is_still_there_on_request() -> None:
    org = wide(1500)
    plain = layout_chart(org, LayoutOptions(balance=False))
    assert aspect(plain) > 20  # every manager in one row, as before
    check_geometry(org, plain)
    managers = [chart_box.y for pid, chart_box in plain.boxes.items()
                if org.position(pid).superior_id == org.roots()[0].id]
    assert len(set(managers)) == 1
    balanced = layout_chart(org)
    rows = {balanced.boxes[r.id].y for r in org.direct_reports(org.roots()[0].id)}
    assert len(rows) > 1


def test_small_charts_are_not_rearranged() -> None:
    org = wide(40)  # a few team leaders: one row reads best, and fits a page
    assert layout_chart(org) == layout_chart(org, LayoutOptions(balance=False))


def test_wrapped_rows_keep_the_document_order_in_reading_order() -> None:
    org = wide(1500)
    chart = layout_chart(org)
    managers = [chart.boxes[r.id] for r in org.direct_reports(org.roots()[0].id)]
    for a, b in itertools.pairwise(managers):
        assert (a.y, a.x) < (b.y, b.x), (a, b)  # row by row, left to right


def test_staff_posts_keep_their_place_beside_the_trunk_when_rows_wrap() -> None:
    positions = list(wide(1500).positions())
    from orgdesk.core.model import Position, PositionId
    positions.append(Position(PositionId(9_999), "质检员", positions[0].id, 10_000,
                              kind=PositionKind.STAFF))
    org = Organisation(positions=positions)
    chart = layout_chart(org)
    check_geometry(org, chart)
    staff, boss = chart.boxes[PositionId(9_999)], chart.boxes[positions[0].id]
    reports = [chart.boxes[r.id] for r in org.direct_reports(boss.id)
               if r.kind is PositionKind.LINE]
    assert staff.y < min(r.y for r in reports)  # beside the trunk, above the first row


def test_rows_split_in_order_into_the_fewest_that_fit() -> None:
    assert split_rows([100.0] * 10, 1000.0) == [0]
    assert split_rows([100.0] * 10, 500.0) == [0, 5]
    assert split_rows([100.0] * 10, 340.0) == [0, 3, 5, 8]  # four rows of 2-3
    assert split_rows([100.0] * 3, 10.0) == [0, 1, 2]  # one item a row at the most
    assert split_rows([100.0], 10.0) == [0]


def test_a_deep_chain_is_laid_out_without_recursion_when_balanced() -> None:
    from orgdesk.core.model import Position, PositionId
    chain = [Position(PositionId(1), "A")]
    chain += [Position(PositionId(i), f"P{i}", PositionId(i - 1), 0) for i in range(2, 20_001)]
    chart = layout_chart(Organisation(positions=chain))
    assert len(chart.boxes) == 20_000


def test_a_staff_post_sits_beside_its_superiors_connector_over_a_wide_team() -> None:
    from orgdesk.core.model import Position, PositionId
    positions = [Position(PositionId(1), "运营总监")]
    managers, pid = [], 2
    for m in range(8):  # managers with a QA post and twelve teams: wrapped in rows
        managers.append(pid)
        positions.append(Position(PositionId(pid), f"运营经理{m}", PositionId(1), m))
        positions.append(Position(PositionId(pid + 1), "质检员", PositionId(pid), 0,
                                  kind=PositionKind.STAFF))
        leader = pid + 2
        for t in range(12):
            positions.append(Position(PositionId(leader), f"组长{t}", PositionId(pid), 1 + t))
            positions += [Position(PositionId(leader + 1 + a), f"座席员{a}", PositionId(leader), a)
                          for a in range(6)]
            leader += 7
        pid = leader
    org = Organisation(positions=positions)
    for balance in (False, True):
        chart = layout_chart(org, LayoutOptions(balance=balance))
        for manager in managers:
            boss, staff = chart.boxes[PositionId(manager)], chart.boxes[PositionId(manager + 1)]
            centre = boss.x + boss.w / 2
            # Right beside the superior's vertical line, not at the far left of the team.
            assert 0 < centre - (staff.x + staff.w) <= LayoutOptions().h_gap, (balance, manager)
        check_geometry(org, chart)


def test_a_position_with_thousands_of_leaf_reports_is_balanced_too() -> None:
    from orgdesk.core.model import Position, PositionId
    positions = [Position(PositionId(1), "客服部经理")]
    positions += [Position(PositionId(i), f"座席员{i}", PositionId(1), i) for i in range(2, 2_002)]
    org = Organisation(positions=positions)
    chart = layout_chart(org)
    assert 1 / WORST <= aspect(chart) <= WORST, (chart.width, chart.height)
    check_geometry(org, chart)
    assert all(box.stacked for pid, box in chart.boxes.items() if pid != PositionId(1))
    plain = layout_chart(org, LayoutOptions(balance=False))  # one stack, two columns
    assert len({box.x for box in plain.boxes.values() if box.stacked}) == 2
