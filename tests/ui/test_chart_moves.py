"""Moving positions by dragging boxes in the chart of a real window: the same move as
the tree's (Shift: only this position, its reports moving up into its place)."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from orgdesk.core.model import PositionId
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, titles_under, undo_texts, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
LEFT = Qt.MouseButton.LeftButton
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def box_point(window: MainWindow, position: PositionId) -> QPoint:
    view = window.chart.view
    layout = view.chart_layout()
    assert layout is not None
    box = layout.boxes[position]
    view.ensureVisible(box.x, box.y, box.w, box.h, 10, 10)
    return view.mapFromScene(QPointF(box.x + box.w / 2, box.y + 8))


def chart_drag(window: MainWindow, source: PositionId, target: PositionId,
               modifiers: Qt.KeyboardModifier = NONE,
               at_release: Qt.KeyboardModifier | None = None) -> None:
    """Press on `source`'s box, move in steps onto `target`'s and release, with `modifiers`
    held all along (as the user holding Shift gives every mouse event), or `at_release`
    when the key was let go just before the button."""
    view = window.chart.view
    viewport = view.viewport()
    view.zoom_to_fit()
    QApplication.processEvents()
    start = box_point(window, source)
    QTest.mousePress(viewport, LEFT, modifiers, start)
    end = box_point(window, target)
    start = box_point(window, source)
    for step in range(1, 7):
        point = QPointF(start + (end - start) * step / 6)
        event = QMouseEvent(QEvent.Type.MouseMove, point, viewport.mapToGlobal(point),
                            Qt.MouseButton.NoButton, LEFT, modifiers)
        QApplication.sendEvent(viewport, event)
    QTest.mouseRelease(viewport, LEFT, modifiers if at_release is None else at_release, end)


def shown(window: MainWindow) -> None:
    window.resize(1366, 768)
    window.chart.refresh()
    assert wait_for(lambda: window.chart.view.chart_layout() is not None)


def test_shift_drag_in_the_chart_moves_only_the_position(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    shown(window)
    org = window.controller.org
    start = org.snapshot()
    director, manager, assistant = pid(window, "运营总监"), pid(window, "项目经理"), pid(window, "运营助理")
    chart_drag(window, manager, assistant, SHIFT)
    assert titles_under(window, assistant)[-1] == "项目经理"
    assert titles_under(window, manager) == []
    # Its four team leaders moved up into its place under the director.
    assert titles_under(window, director) == ["项目组长"] * 4 + ["运营助理"]
    assert undo_texts(window) == ["Move only 项目经理 under 运营助理"]
    window.controller.undo_stack.undo()
    assert org.snapshot() == start


def test_shift_let_go_just_before_the_button_still_moves_only_the_position(
        open_window: OpenWindow) -> None:
    """A Shift+drag is decided when the drag starts: letting go of Shift a moment
    before the mouse button (as hands do) must not turn it into a branch move."""
    window = open_window("training_call_center_50")
    shown(window)
    manager, assistant = pid(window, "项目经理"), pid(window, "运营助理")
    chart_drag(window, manager, assistant, SHIFT, at_release=NONE)
    assert titles_under(window, manager) == []
    assert undo_texts(window) == ["Move only 项目经理 under 运营助理"]


def test_shift_drag_onto_one_of_its_own_reports(open_window: OpenWindow) -> None:
    """Alone, a position may go under its own report (the tree allows it too)."""
    window = open_window("training_call_center_50")
    shown(window)
    director, manager = pid(window, "运营总监"), pid(window, "项目经理")
    leader = pid(window, "项目组长")
    chart_drag(window, manager, leader, SHIFT)
    assert window.controller.org.position(manager).superior_id == leader
    assert window.controller.org.position(leader).superior_id == director
    assert titles_under(window, manager) == []


def test_a_plain_drag_in_the_chart_moves_the_branch(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    shown(window)
    manager, assistant = pid(window, "项目经理"), pid(window, "运营助理")
    chart_drag(window, manager, assistant)
    assert titles_under(window, assistant)[-1] == "项目经理"
    assert titles_under(window, manager) == ["项目组长"] * 4
    assert undo_texts(window) == ["Move 项目经理 under 运营助理"]


def test_a_plain_drag_onto_its_own_report_is_refused(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    shown(window)
    start = window.controller.org.snapshot()
    chart_drag(window, pid(window, "项目经理"), pid(window, "项目组长"))
    assert window.controller.org.snapshot() == start
    assert undo_texts(window) == []


def test_tree_and_chart_share_one_move(open_window: OpenWindow) -> None:
    """The chart's drop and the tree's drop end in the same window method."""
    window = open_window("training_call_center_50")
    shown(window)
    seen: list[tuple[object, ...]] = []
    original = window.move_positions

    def spy(*args: object) -> None:
        seen.append(args)
        original(*args)  # type: ignore[arg-type]  # forwarded as received
    window.move_positions = spy  # type: ignore[method-assign]  # a spy on the one move path
    chart_drag(window, pid(window, "项目经理"), pid(window, "运营助理"), SHIFT)
    assert seen and seen[0][3] is False
