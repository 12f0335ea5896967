"""The chart view with pytest-qt: selection both ways, collapse, zoom, drag to re-parent."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.layout import Detail
from orgdesk.storage.reading import read_organisation
from orgdesk.ui.chart_view import ChartView

SAMPLE = Path(__file__).resolve().parents[2] / "sample_orgs" / "training_call_center_50.orgdesk"
pytestmark = pytest.mark.gui


@pytest.fixture()
def org() -> Organisation:
    return read_organisation(SAMPLE)


@pytest.fixture()
def view(qtbot: QtBot, org: Organisation) -> ChartView:
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.refresh(org)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def centre_of(view: ChartView, pid: int) -> QPoint:
    box = view.chart_layout().boxes[PositionId(pid)]  # type: ignore[union-attr]  # a refreshed view has a layout
    view.ensureVisible(box.x, box.y, box.w, box.h, 10, 10)
    return view.mapFromScene(QPointF(box.x + box.w / 2, box.y + 10))


def test_object_name_and_same_layout_as_export(view: ChartView, org: Organisation) -> None:
    assert view.objectName() == "chartView"
    assert set(view.chart_layout().boxes) == {p.id for p in org.positions()}  # type: ignore[union-attr]  # a refreshed view has a layout


def test_click_selects_and_emits(view: ChartView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.position_selected) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(view, 2))
    assert signal.args == [2]
    assert view.selected_position() == 2


def test_select_position_does_not_echo(view: ChartView, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(view.position_selected):
        view.select_position(5)
    assert view.selected_position() == 5


def test_double_click_activates(view: ChartView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.position_activated) as signal:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(view, 4))
    assert signal.args == [4]


def toggle_of(view: ChartView, pid: int) -> QPoint:
    box = view.chart_layout().boxes[PositionId(pid)]  # type: ignore[union-attr]  # a refreshed view has a layout
    return view.mapFromScene(QPointF(box.x + box.w / 2, box.y + box.h))


def test_toggle_collapses_and_expands(view: ChartView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.collapsed_changed):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=toggle_of(view, 2))
    assert view.collapsed() == {PositionId(2)}
    assert set(view.chart_layout().boxes) == {PositionId(1), PositionId(2), PositionId(3),  # type: ignore[union-attr]  # a refreshed view has a layout
                                              PositionId(12), PositionId(13), PositionId(14)}
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=toggle_of(view, 2))
    assert view.collapsed() == frozenset()


def drag(view: ChartView, qtbot: QtBot, source: int, target: int) -> None:
    start, end = centre_of(view, source), None
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    end = centre_of(view, target)
    start = centre_of(view, source)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + (end - start) * step / 5)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)


def test_drag_onto_another_box_requests_reparent(view: ChartView, qtbot: QtBot,
                                                 org: Organisation) -> None:
    view.zoom_to_fit()
    before = org.snapshot()
    with qtbot.waitSignal(view.reparent_requested) as signal:
        drag(view, qtbot, 5, 6)  # 话务员 of group 1 under the leader of group 2
    assert signal.args == [5, 6, True]
    assert org.snapshot() == before  # the view never edits


def test_drag_that_would_make_a_cycle_is_refused(view: ChartView, qtbot: QtBot) -> None:
    view.zoom_to_fit()
    with qtbot.assertNotEmitted(view.reparent_requested):
        drag(view, qtbot, 2, 4)  # 项目经理 under its own 项目组长


def test_refresh_keeps_zoom_scroll_and_selection(view: ChartView, org: Organisation) -> None:
    view.zoom_in()
    view.zoom_in()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    scale, scroll = view.scale_factor(), view.horizontalScrollBar().value()
    view.select_position(7)
    org.update_position(org.position(PositionId(7)).evolve(title="话务员（新）"))
    view.refresh(org)
    assert view.scale_factor() == pytest.approx(scale)
    assert view.horizontalScrollBar().value() == scroll
    assert view.selected_position() == 7
    assert view.chart_layout().boxes[PositionId(7)].text.title_lines == ("话务员（新）",)  # type: ignore[union-attr]  # a refreshed view has a layout


def test_zoom_keys_wheel_and_fit(view: ChartView, qtbot: QtBot) -> None:
    start = view.scale_factor()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.scale_factor() > start
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.scale_factor() < start
    view.zoom_to_fit()
    assert view.mapFromScene(view.sceneRect()).boundingRect().width() <= view.viewport().width() + 2


def test_level_of_detail_changes_box_content(view: ChartView) -> None:
    view.set_detail(Detail.TITLE)
    assert view.chart_layout().boxes[PositionId(4)].text.detail_lines == ()  # type: ignore[union-attr]  # a refreshed view has a layout
    view.set_detail(Detail.DUTIES)
    assert view.chart_layout().boxes[PositionId(4)].text.duty_lines  # type: ignore[union-attr]  # a refreshed view has a layout


def test_zoom_in_works_from_a_fit_below_the_minimum_scale(qtbot: QtBot) -> None:
    from orgdesk.ui.chart_view import MIN_SCALE, ChartView

    view = ChartView()
    qtbot.addWidget(view)
    view.scale(MIN_SCALE / 10, MIN_SCALE / 10)  # as "fit" leaves a very wide chart
    before = view.scale_factor()
    view.zoom_in()
    assert view.scale_factor() > before
    view.resetTransform()
    view.scale(MIN_SCALE, MIN_SCALE)
    view.zoom_out()  # below the minimum from inside the range: refused
    assert view.scale_factor() == pytest.approx(MIN_SCALE)
