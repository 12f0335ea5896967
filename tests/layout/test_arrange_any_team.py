"""Arranging a team's reports stacked or in two columns works for any team: sub-trees
hang in rows off a spine (one per row, or two), nested arrangements included, with
the layout's rules kept (no overlaps, superiors above their reports, every line)."""
from __future__ import annotations

import random

import pytest

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.layout import LayoutOptions, layout_chart
from orgdesk.layout.model import Arrangement
from tests.layout.shapes import SHAPES, staffed
from tests.layout.test_balance import check_connectors_clear, check_geometry

MODES: tuple[Arrangement, ...] = ("horizontal", "vertical", "two_columns")


def managers_of_managers(org: Organisation) -> list[PositionId]:
    return [p.id for p in org.positions()
            if any(org.report_count(r.id) for r in org.direct_reports(p.id))
            and org.report_count(p.id) >= 2]


@pytest.mark.parametrize("orientation", ["tb", "lr"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("seed", range(3))
def test_random_arrangements_keep_the_rules(shape: str, orientation: str, seed: int) -> None:
    org = SHAPES[shape](160)
    rng = random.Random(seed)
    chosen = managers_of_managers(org)
    assert chosen
    overrides = {pid: rng.choice(MODES) for pid in chosen if rng.random() < 0.6}
    for balance in (True, False):
        chart = layout_chart(org, LayoutOptions(orientation=orientation,  # type: ignore[arg-type]  # parametrized literal
                                                overrides=overrides, balance=balance))
        check_geometry(org, chart)
        check_connectors_clear(chart)


def test_stacked_sub_trees_go_one_below_the_other() -> None:
    org = staffed(60)  # staff posts beside trunks: the trunk's reports are arranged
    for pid in managers_of_managers(org):
        reports = [r.id for r in org.direct_reports(pid) if org.report_count(r.id)]
        if len(reports) < 2:
            continue
        plain = layout_chart(org, LayoutOptions(balance=False))
        chart = layout_chart(org, LayoutOptions(overrides={pid: "vertical"}, balance=False))
        check_geometry(org, chart)
        tops = [chart.boxes[r].y for r in reports]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)
        assert len({plain.boxes[r].y for r in reports}) == 1
        columns = layout_chart(org, LayoutOptions(overrides={pid: "two_columns"}, balance=False))
        check_geometry(org, columns)
        rows = sorted({columns.boxes[r].y for r in reports})
        assert len(rows) == (len(reports) + 1) // 2
        return
    pytest.fail("no manager of managers in the sample")


def test_a_deep_arranged_chain_needs_no_recursion() -> None:
    """Every level arranged, 3,000 levels deep: worked out without recursion."""
    from orgdesk.core.model import Position

    positions = [Position(id=PositionId(1), title="top")]
    for i in range(2, 6002, 2):
        positions.append(Position(id=PositionId(i), title="m", superior_id=PositionId(i - 1
                                  if i > 2 else 1), order=0))
        positions.append(Position(id=PositionId(i + 1), title="leaf", superior_id=PositionId(
            i - 1 if i > 2 else 1), order=1))
    org = Organisation(positions=positions)
    overrides = {p.id: "vertical" for p in org.positions() if org.report_count(p.id) >= 2}
    chart = layout_chart(org, LayoutOptions(overrides=overrides, balance=False))  # type: ignore[arg-type]  # literal values
    assert len(chart.boxes) == len(positions)
