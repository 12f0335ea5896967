"""A staff box sits beside its superior's connector, however wide the row below.

Before: the tidy layout never pulls a subtree left towards a shallower left
sibling, so a staff post left of a trunk whose reports spread wide stayed
above the first report, hundreds of points from its superior (the 质检员 of a
60-seat call center).
"""
from __future__ import annotations

import itertools

import pytest

from orgdesk.core.model import Position, PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.layout.chart import layout_chart
from orgdesk.layout.model import LayoutOptions

P = PositionId


def centre_org(reports: int, staff: int) -> Organisation:
    positions = [Position(P(1), "呼叫中心经理"), Position(P(2), "运营主管", P(1), staff)]
    positions += [Position(P(10 + i), f"staff{i}", P(1), i, kind=PositionKind.STAFF)
                  for i in range(staff)]
    positions += [Position(P(100 + i), f"第{i}组组长", P(2), i) for i in range(reports)]
    positions += [Position(P(200 + i), "座席员", P(100 + i), 0, planned_headcount=10)
                  for i in range(reports)]
    return Organisation(positions=positions)


@pytest.mark.parametrize(("reports", "staff"), [(5, 1), (9, 2), (12, 3), (2, 1)])
def test_staff_boxes_hug_the_trunk(reports: int, staff: int) -> None:
    options = LayoutOptions()
    chart = layout_chart(centre_org(reports, staff), options)
    root = chart.boxes[P(1)]
    trunk = root.x + root.w / 2
    staff_boxes = sorted((chart.boxes[P(10 + i)] for i in range(staff)), key=lambda b: b.x)
    left = [b for b in staff_boxes if b.x + b.w <= trunk]
    right = [b for b in staff_boxes if b.x >= trunk]
    assert len(left) + len(right) == staff
    if left:  # the nearest left staff box is one gap from the trunk (plus the line's width)
        assert trunk - (left[-1].x + left[-1].w) <= options.h_gap * 1.5
    if right:
        assert right[0].x - trunk <= options.h_gap * 1.5
    for a, b in itertools.combinations(chart.boxes.values(), 2):  # and nothing overlaps
        assert (a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y), (a, b)
