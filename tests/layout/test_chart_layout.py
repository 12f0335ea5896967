"""The chart layout: each org-chart rule on its own, then invariants over random forests."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesk.core.model import (
    Department,
    DepartmentId,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
)
from orgdesk.core.organisation import Organisation
from orgdesk.layout import ConnectorKind, LayoutOptions, layout_chart
from orgdesk.layout.model import Box, ChartLayout
from orgdesk.layout.text import BoxText, estimate_size, wrap

P = PositionId


def pos(pid: int, title: str, superior: int | None = None, order: int = 0,
        **fields: object) -> Position:
    return Position(P(pid), title, None if superior is None else P(superior), order,
                    **fields)  # type: ignore[arg-type]  # keyword fields are checked by __post_init__


def team(leaves: int, staff: int = 0) -> Organisation:
    """1 经理 with `leaves` leaf reports (ids 10…) and `staff` staff posts (ids 50…)."""
    positions = [pos(1, "经理")]
    positions += [pos(10 + i, f"座席员{i}", 1, i) for i in range(leaves)]
    positions += [pos(50 + i, f"助理{i}", 1, 100 + i, kind=PositionKind.STAFF)
                  for i in range(staff)]
    return Organisation(positions=positions)


def overlap(a: Box, b: Box) -> bool:
    eps = 1e-6
    return (a.x < b.x + b.w - eps and b.x < a.x + a.w - eps
            and a.y < b.y + b.h - eps and b.y < a.y + a.h - eps)


def check_invariants(org: Organisation, chart: ChartLayout) -> None:
    boxes = list(chart.boxes.values())
    for a, b in itertools.combinations(boxes, 2):
        assert not overlap(a, b), (a, b)
    tb = chart.orientation == "tb"
    for box in boxes:
        assert box.x >= 0 and box.x + box.w <= chart.width + 1e-6
        assert box.y >= 0 and box.y + box.h <= chart.height + 1e-6
        reports = [r for r in org.direct_reports(box.id) if r.id in chart.boxes]
        for report in reports:
            child = chart.boxes[report.id]
            if tb:  # parents above their reports (staff included)
                assert box.y + box.h <= child.y + 1e-6
            else:
                assert box.x + box.w <= child.x + 1e-6
        line = [chart.boxes[r.id] for r in reports if r.kind is PositionKind.LINE]
        for a, b in itertools.pairwise(line):  # document order = reading order
            across, down = (b.x - a.x, b.y - a.y) if tb else (b.y - a.y, b.x - a.x)
            # Reading order: along the row, or down to the next row of a stack or of a
            # row wrapped by balancing (orgdesk.layout.balance).
            assert across > 1e-6 or down > 1e-6, (a, b)


def test_sibling_order_is_the_documents_not_alphabetical() -> None:
    org = Organisation(positions=[pos(1, "经理"), pos(2, "Zeta", 1, 0), pos(3, "Alpha", 1, 1),
                                  pos(4, "Mid", 1, 2)])
    chart = layout_chart(org)
    xs = [chart.boxes[P(i)].x for i in (2, 3, 4)]
    assert xs == sorted(xs) and len(set(xs)) == 3
    check_invariants(org, chart)


def test_parent_is_centred_over_its_reports() -> None:
    org = team(3)
    chart = layout_chart(org)
    parent = chart.boxes[P(1)]
    first, last = chart.boxes[P(10)], chart.boxes[P(12)]
    assert parent.centre[0] == pytest.approx((first.centre[0] + last.centre[0]) / 2)


def test_up_to_the_threshold_leaves_stay_in_a_row() -> None:
    chart = layout_chart(team(4))
    ys = {chart.boxes[P(10 + i)].y for i in range(4)}
    assert len(ys) == 1
    assert not any(b.stacked for b in chart.boxes.values())


def test_more_leaves_than_the_threshold_are_stacked_in_one_column() -> None:
    org = team(5)
    chart = layout_chart(org)
    leaves = [chart.boxes[P(10 + i)] for i in range(5)]
    assert all(b.stacked for b in leaves)
    assert len({b.x for b in leaves}) == 1
    assert [b.y for b in leaves] == sorted(b.y for b in leaves)
    # The chart is far narrower than a row of five would be.
    assert chart.width < 2.5 * leaves[0].w
    # Each stacked box is reached by its own connector ending at the box's side.
    ends = {c.target: c.points[-1] for c in chart.connectors}
    for box in leaves:
        assert ends[box.id] == pytest.approx((box.x, box.y + box.h / 2))
    check_invariants(org, chart)


def test_many_leaves_go_into_two_columns_in_reading_order() -> None:
    org = team(12)
    chart = layout_chart(org)
    leaves = [chart.boxes[P(10 + i)] for i in range(12)]
    assert len({b.x for b in leaves}) == 2
    for left, right in zip(leaves[0::2], leaves[1::2]):
        assert left.y == right.y and left.x < right.x
    check_invariants(org, chart)


def test_threshold_is_an_option() -> None:
    chart = layout_chart(team(5), LayoutOptions(stack_threshold=10))
    assert not any(b.stacked for b in chart.boxes.values())


@pytest.mark.parametrize(("override", "columns", "stacked"),
                         [("horizontal", 8, False), ("vertical", 1, True),
                          ("two_columns", 2, True)])
def test_per_position_override(override: str, columns: int, stacked: bool) -> None:
    org = team(8)
    chart = layout_chart(org, LayoutOptions(overrides={P(1): override}))  # type: ignore[dict-item]  # the test passes a wrong value on purpose
    leaves = [chart.boxes[P(10 + i)] for i in range(8)]
    assert len({b.x for b in leaves}) == columns
    assert all(b.stacked == stacked for b in leaves)
    check_invariants(org, chart)


def test_override_stacks_even_below_the_threshold_and_keeps_mixed_order() -> None:
    # leaf, leaf, manager-with-report, leaf: only the run of two leaves is stacked.
    org = Organisation(positions=[pos(1, "经理"), pos(2, "a", 1, 0), pos(3, "b", 1, 1),
                                  pos(4, "组长", 1, 2), pos(5, "座席", 4, 0), pos(6, "c", 1, 3)])
    chart = layout_chart(org, LayoutOptions(overrides={P(1): "vertical"}))
    assert chart.boxes[P(2)].stacked and chart.boxes[P(3)].stacked
    assert not chart.boxes[P(4)].stacked and not chart.boxes[P(6)].stacked
    check_invariants(org, chart)


def test_staff_sit_beside_the_trunk_not_in_the_row() -> None:
    org = Organisation(positions=[pos(1, "总监"), pos(2, "助理", 1, 0, kind=PositionKind.STAFF),
                                  pos(3, "秘书", 1, 1, kind=PositionKind.STAFF),
                                  pos(4, "经理A", 1, 2), pos(5, "经理B", 1, 3)])
    chart = layout_chart(org)
    boss, left, right = chart.boxes[P(1)], chart.boxes[P(2)], chart.boxes[P(3)]
    row_top = min(chart.boxes[P(4)].y, chart.boxes[P(5)].y)
    trunk_x = boss.centre[0]
    for staff in (left, right):
        assert staff.staff
        assert boss.y + boss.h <= staff.y and staff.y + staff.h <= row_top  # between the levels
    assert left.x + left.w < trunk_x < right.x  # one each side of the trunk, in order
    staff_lines = [c for c in chart.connectors if c.kind is ConnectorKind.STAFF]
    assert {c.target for c in staff_lines} == {P(2), P(3)}
    for line in staff_lines:
        assert line.points[0][0] == pytest.approx(trunk_x)
    check_invariants(org, chart)


def test_staff_with_reports_of_their_own() -> None:
    org = Organisation(positions=[pos(1, "总监"), pos(2, "助理", 1, 0, kind=PositionKind.STAFF),
                                  pos(3, "培训师", 2, 0), pos(4, "人事", 2, 1), pos(5, "经理", 1, 1)])
    check_invariants(org, layout_chart(org))


def test_headcount_is_one_box_with_a_badge() -> None:
    org = Organisation(positions=[pos(1, "组长"), pos(2, "座席员", 1, planned_headcount=14)])
    chart = layout_chart(org)
    assert len(chart.boxes) == 2
    assert chart.boxes[P(2)].text.badge == "×14"
    assert chart.boxes[P(1)].text.badge == ""


def test_collapsed_branch_takes_no_space() -> None:
    org = Organisation(positions=[pos(1, "总监"), pos(2, "经理A", 1, 0), pos(3, "经理B", 1, 1)]
                       + [pos(10 + i, f"座席{i}", 2, i) for i in range(3)])
    full = layout_chart(org)
    folded = layout_chart(org, LayoutOptions(collapsed=frozenset({P(2)})))
    assert set(folded.boxes) == {P(1), P(2), P(3)}
    assert folded.boxes[P(2)].collapsed and folded.boxes[P(2)].reports == 3
    assert folded.width < full.width and folded.height < full.height
    assert all(c.target in folded.boxes for c in folded.connectors)


def test_left_to_right_puts_parents_left_of_reports() -> None:
    org = team(6, staff=1)
    chart = layout_chart(org, LayoutOptions(orientation="lr"))
    assert not any(b.stacked for b in chart.boxes.values())  # a column already is compact
    ys = [chart.boxes[P(10 + i)].y for i in range(6)]
    assert ys == sorted(ys)
    check_invariants(org, chart)


def test_dotted_lines_are_dashed_and_move_nothing() -> None:
    plain = Organisation(positions=[pos(1, "总监"), pos(2, "质检", 1, 0), pos(3, "培训", 1, 1)])
    linked = Organisation(positions=list(plain.positions()),
                          relations=[Relation(RelationId(1), P(2), P(3), label="反馈")])
    a, b = layout_chart(plain), layout_chart(linked)
    assert a.boxes == b.boxes
    dotted = [c for c in b.connectors if c.dashed]
    assert len(dotted) == 1 and dotted[0].label == "反馈"
    start, end = dotted[0].points
    two, three = b.boxes[P(2)], b.boxes[P(3)]
    assert start == pytest.approx((two.x + two.w, two.centre[1]))  # leaves the box's side
    assert end == pytest.approx((three.x, three.centre[1]))


def test_root_and_depth_select_a_branch() -> None:
    org = Organisation(positions=[pos(1, "总监"), pos(2, "经理", 1), pos(3, "组长", 2),
                                  pos(4, "座席", 3), pos(5, "其他", 1, 1)])
    assert set(layout_chart(org, LayoutOptions(root=P(2))).boxes) == {P(2), P(3), P(4)}
    assert set(layout_chart(org, LayoutOptions(root=P(2), depth=1)).boxes) == {P(2), P(3)}
    assert set(layout_chart(org, LayoutOptions(depth=0)).boxes) == {P(1)}


def test_measure_callback_sets_box_sizes() -> None:
    seen: list[BoxText] = []

    def measure(text: BoxText) -> tuple[float, float]:
        seen.append(text)
        return 100.0 + len(text.title_lines[0]) * 10, 40.0

    chart = layout_chart(team(2), LayoutOptions(measure=measure))
    assert len(seen) == 3
    assert chart.boxes[P(1)].w == 120.0 and chart.boxes[P(10)].h == 40.0


def test_default_measure_counts_cjk_double() -> None:
    latin = estimate_size(BoxText(("A" * 30,)))[0]
    chinese = estimate_size(BoxText(("中" * 15,)))[0]
    assert latin == pytest.approx(chinese)
    assert wrap("中" * 30, 22) == ("中" * 11, "中" * 11, "中" * 8)
    assert wrap("x" * 10_000, 22)[-1].endswith("…")  # a huge title stays three lines


def test_a_very_deep_chain_needs_no_recursion() -> None:
    org = Organisation(positions=[pos(1, "根")] + [pos(i, f"p{i}", i - 1) for i in range(2, 3001)])
    chart = layout_chart(org)
    assert len(chart.boxes) == 3000
    assert chart.boxes[P(3000)].y > chart.boxes[P(1)].y


def test_empty_organisation() -> None:
    chart = layout_chart(Organisation())
    assert chart.boxes == {} and chart.connectors == ()


def test_department_and_duties_by_level_of_detail() -> None:
    from orgdesk.layout.text import Detail

    org = Organisation(departments=[Department(DepartmentId(1), "运营部")],
                       positions=[pos(1, "经理", department_id=DepartmentId(1),
                                      duties=("负责运营", "负责培训", "第三条"))])
    texts = [layout_chart(org, LayoutOptions(detail=d)).boxes[P(1)].text for d in Detail]
    assert texts[0].detail_lines == () and texts[0].duty_lines == ()
    assert texts[1].detail_lines == ("运营部",)
    assert len(texts[2].duty_lines) == 2 and "负责运营" in texts[2].duty_lines[0]
    heights = [layout_chart(org, LayoutOptions(detail=d)).boxes[P(1)].h for d in Detail]
    assert heights == sorted(heights) and len(set(heights)) == 3


# ---------------------------------------------------------------- properties
@st.composite
def forests(draw: st.DrawFn) -> tuple[Organisation, LayoutOptions]:
    n = draw(st.integers(1, 45))
    positions = []
    for i in range(1, n + 1):
        superior = draw(st.none() | st.integers(1, i - 1)) if i > 1 else None
        positions.append(pos(
            i, draw(st.sampled_from(["经理", "座席员", "Team lead", "QA", "客户服务专员组长"])),
            superior, draw(st.integers(0, 5)),
            kind=draw(st.sampled_from([PositionKind.LINE] * 3 + [PositionKind.STAFF])),
            planned_headcount=draw(st.integers(0, 20))))
    org = Organisation(positions=positions)
    ids = [P(i) for i in range(1, n + 1)]
    options = LayoutOptions(
        orientation=draw(st.sampled_from(["tb", "lr"])),
        stack_threshold=draw(st.integers(1, 6)),
        overrides=draw(st.dictionaries(st.sampled_from(ids),
                                       st.sampled_from(["horizontal", "vertical", "two_columns"]),
                                       max_size=4)),
        collapsed=frozenset(draw(st.lists(st.sampled_from(ids), max_size=3))),
    )
    return org, options


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forests())
def test_random_forests_keep_the_invariants(case: tuple[Organisation, LayoutOptions]) -> None:
    org, options = case
    chart = layout_chart(org, options)
    check_invariants(org, chart)
    assert layout_chart(org, options) == chart  # deterministic
    shown = set(chart.boxes)
    for box in chart.boxes.values():  # exactly the positions not hidden by a collapse
        superior = org.position(box.id).superior_id
        assert superior is None or (superior in shown and superior not in options.collapsed)
    for position in org.positions():
        superior = position.superior_id
        if superior is None or (superior in shown and superior not in options.collapsed):
            assert position.id in shown


def test_box_text_reads_only_the_start_of_a_huge_field() -> None:
    """A 10 MB duty or department name is cut from its first characters, in no time."""
    from orgdesk.layout.text import DUTY_UNITS, truncate

    huge = "长" * 5_000_000 + "x" * 5_000_000
    assert truncate(huge, DUTY_UNITS) == truncate(huge[:100], DUTY_UNITS)
    assert truncate("  " + "x" * 40 + "  ", DUTY_UNITS) == truncate("x" * 40, DUTY_UNITS)
    assert truncate(" " * 1_000_000 + "short", DUTY_UNITS) == "short"
    assert truncate("exactly ten", 11) == "exactly ten"
