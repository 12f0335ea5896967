"""Several positions selected at once in a real window (Ctrl/Shift+click and Shift+arrows
in the tree, Ctrl+click and a rubber band in the chart), and what acts on all of them
as one undo step: Edit Selected…, Delete, a drag in the tree or the chart."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
)

from orgdesk.core.model import PositionId
from orgdesk.ui import dialogs
from orgdesk.ui.bulk_edit_dialog import BulkEditDialog
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import on_disk, titles_under, undo_texts, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
P = PositionId
# training_call_center_50: 运营总监(1) → 项目经理(2) → 项目组长 4, 6, 8, 10 (项目组1…4),
# each over 话务员 ×10 (5, 7, 9, 11); 运营助理(3, staff) → 培训师 12, 人事专员 13, 质检专员 14.
LEADERS = [P(4), P(6), P(8), P(10)]


def opened(open_window: OpenWindow) -> MainWindow:
    window = open_window("training_call_center_50")
    window.resize(1366, 768)
    window.tree.expandAll()
    window.chart.refresh()
    assert wait_for(lambda: window.chart.view.chart_layout() is not None)
    window.chart.view.zoom_to_fit()
    QApplication.processEvents()
    return window


def click(window: MainWindow, position: PositionId,
          modifiers: Qt.KeyboardModifier = NONE) -> None:
    index = window.model.index_of(position)
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    assert rect.isValid()
    QTest.mouseClick(window.tree.viewport(), LEFT, modifiers, rect.center())


def box_point(window: MainWindow, position: PositionId) -> QPoint:
    view = window.chart.view
    layout = view.chart_layout()
    assert layout is not None
    box = layout.boxes[position]
    return view.mapFromScene(QPointF(box.x + box.w / 2, box.y + box.h / 2))


def click_box(window: MainWindow, position: PositionId,
              modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.mouseClick(window.chart.view.viewport(), LEFT, modifiers, box_point(window, position))


def drag(window: MainWindow, start: QPoint, end: QPoint,
         modifiers: Qt.KeyboardModifier = NONE) -> None:
    """Press at `start`, move there in steps to `end` and release, `modifiers` held."""
    viewport = window.chart.view.viewport()
    QTest.mousePress(viewport, LEFT, modifiers, start)
    for step in range(1, 9):
        point = QPointF(start + (end - start) * step / 8)
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, point, viewport.mapToGlobal(point), Qt.MouseButton.NoButton,
            LEFT, modifiers))
    QTest.mouseRelease(viewport, LEFT, modifiers, end)


def test_ctrl_and_shift_click_select_several_rows_and_the_chart_shows_them(
        open_window: OpenWindow) -> None:
    window = opened(open_window)
    click(window, P(4))
    click(window, P(8), CTRL)
    assert window.selected_ids() == [P(4), P(8)]
    assert window.current_id() == P(8)  # the panels show the one last clicked
    assert window.overview.title_edit.text() == "项目组长"
    assert window.chart.view.selected_positions() == {4, 8}
    click(window, P(10), CTRL)
    click(window, P(4), CTRL)  # Ctrl+click again takes it out
    assert window.selected_ids() == [P(8), P(10)]
    assert window.chart.view.selected_positions() == {8, 10}
    # Shift+click: the range from the last plain click, in tree order.
    click(window, P(6))
    click(window, P(9), SHIFT)
    assert window.selected_ids() == [P(6), P(7), P(8), P(9)]
    assert window.current_id() == P(9)
    assert window.chart.view.selected_positions() == {6, 7, 8, 9}
    count = window.statusBar().findChild(QLabel, "selectionCount")
    assert count.isVisible() and count.text() == "4 positions selected"
    # Shift+arrows extend it from the keyboard.
    click(window, P(12))
    QTest.keyClick(window.tree, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(window.tree, Qt.Key.Key_Down, SHIFT)
    assert window.selected_ids() == [P(12), P(13), P(14)]
    assert window.current_id() == P(14)
    # A plain click selects only that one again, in both views.
    click(window, P(2))
    assert window.selected_ids() == [P(2)]
    assert window.chart.view.selected_positions() == {2}
    assert not count.isVisible()


def test_the_chart_keeps_the_selection_through_a_rebuild(open_window: OpenWindow) -> None:
    window = opened(open_window)
    click(window, P(4))
    click(window, P(6), CTRL)
    window.chart.refresh()  # as after an edit
    assert window.chart.view.selected_positions() == {4, 6}
    assert window.selected_ids() == [P(4), P(6)]


def test_ctrl_click_on_chart_boxes_selects_them_in_the_tree(open_window: OpenWindow) -> None:
    window = opened(open_window)
    click_box(window, P(4))
    assert window.selected_ids() == [P(4)]
    click_box(window, P(8), CTRL)
    click_box(window, P(6), CTRL)
    assert window.selected_ids() == [P(4), P(6), P(8)]
    assert window.current_id() == P(6)
    rows = {window.model.id_at(i) for i in window.tree.selectionModel().selectedRows()}
    assert rows == {P(4), P(6), P(8)}
    click_box(window, P(8), CTRL)
    assert window.selected_ids() == [P(4), P(6)]
    assert window.chart.view.selected_positions() == {4, 6}
    # Shift+click adds a box too (a Shift+drag still moves one box alone).
    click_box(window, P(10), SHIFT)
    assert window.selected_ids() == [P(4), P(6), P(10)]
    assert window.current_id() == P(10)
    assert window.chart.view.selected_positions() == {4, 6, 10}
    # A plain click on one of several selected boxes selects only it.
    click_box(window, P(4))
    assert window.selected_ids() == [P(4)]
    assert window.chart.view.selected_positions() == {4}


def test_rubber_band_on_the_empty_chart_selects_the_boxes_it_covers(
        open_window: OpenWindow) -> None:
    window = opened(open_window)
    view = window.chart.view
    layout = view.chart_layout()
    assert layout is not None
    boxes = [layout.boxes[p] for p in LEADERS]
    left, top = min(b.x for b in boxes) - 4, min(b.y for b in boxes) - 4
    right, bottom = max(b.x + b.w for b in boxes) + 4, max(b.y + b.h for b in boxes) + 4
    start = view.mapFromScene(QPointF(left, top))
    end = view.mapFromScene(QPointF(right, bottom))
    assert view.box_at(start) is None  # the band starts on the empty chart
    click(window, P(2))
    drag(window, start, end, SHIFT)  # Shift: the band replaces the selection
    assert window.selected_ids() == LEADERS
    assert view.selected_positions() == {int(p) for p in LEADERS}
    assert window.current_id() in LEADERS
    assert view.dragMode() == view.DragMode.ScrollHandDrag  # a plain drag pans again
    # A plain drag on the empty chart pans; it selects nothing.
    drag(window, start, end)
    assert window.selected_ids() == LEADERS
    # Ctrl: the band adds to the selection.
    click(window, P(2))
    drag(window, start, end, CTRL)
    assert window.selected_ids() == [P(2), *LEADERS]
    assert view.selected_positions() == {2, *(int(p) for p in LEADERS)}


def test_edit_selected_changes_exactly_the_chosen_fields_of_the_selected_positions(
        open_window: OpenWindow) -> None:
    window = opened(open_window)
    org = window.controller.org
    start, before = org.snapshot(), {p.id: p for p in org.positions()}
    click(window, P(4))
    click(window, P(8), CTRL)
    click(window, P(13), CTRL)
    window.findChild(type(window.act["delete"]), "actionEditSelected").trigger()
    dialog = window.findChild(BulkEditDialog, "bulkEditDialog")
    assert dialog is not None and dialog.isVisible()
    department = dialog.findChild(QComboBox, "bulkDepartment")
    assert not department.isEnabled()  # unchanged until ticked
    tick = dialog.findChild(QCheckBox, "bulkSet_department_id")
    QTest.mouseClick(tick, LEFT, NONE, QPoint(6, tick.height() // 2))
    assert department.isEnabled()
    department.setCurrentIndex(department.findText("项目组4"))
    level = dialog.findChild(QLineEdit, "bulkLevel")
    level.setText("P5")  # typed, but its box is not ticked: unchanged
    buttons = dialog.findChild(QDialogButtonBox, "bulkButtons")
    QTest.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    after = {p.id: p for p in org.positions()}
    for position in (P(4), P(8), P(13)):
        assert after[position] == before[position].evolve(department_id=4)
    assert {p for p in after if after[p] != before[p]} == {P(4), P(8), P(13)}
    assert undo_texts(window) == ["Edit 3 positions"]
    assert on_disk(window) == org.snapshot()
    assert window.selected_ids() == [P(4), P(8), P(13)]  # the selection stays
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert org.snapshot() == start == on_disk(window)


def test_delete_several_is_one_step(open_window: OpenWindow) -> None:
    window = opened(open_window)
    org = window.controller.org
    start = org.snapshot()
    click(window, P(12))
    click(window, P(14), CTRL)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_Delete)
    assert titles_under(window, P(3)) == ["人事专员"]
    assert undo_texts(window) == ["Delete 2 positions"]
    window.controller.undo_stack.undo()
    assert org.snapshot() == start == on_disk(window)


def test_delete_several_with_reports_asks_once(open_window: OpenWindow,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window = opened(open_window)
    org = window.controller.org
    start = org.snapshot()
    asked: list[tuple[str, int, str]] = []

    def ask(parent: object, title: str, reports: int, superior: str) -> str:
        asked.append((title, reports, superior))
        return "lift"
    monkeypatch.setattr(dialogs, "ask_delete_mode", ask)
    click(window, P(4))
    click(window, P(6), CTRL)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_Delete)
    assert asked == [("2 selected positions", 2, "项目经理")]
    assert titles_under(window, P(2)) == ["话务员", "话务员", "项目组长", "项目组长"]
    assert undo_texts(window) == ["Delete 2 positions"]
    window.controller.undo_stack.undo()
    assert org.snapshot() == start == on_disk(window)


def test_dragging_several_rows_in_the_tree_is_one_move(open_window: OpenWindow) -> None:
    window = opened(open_window)
    org = window.controller.org
    start = org.snapshot()
    click(window, P(12))
    click(window, P(14), CTRL)
    # What the tree's drag carries: the mime data of its selected rows.
    model = window.model
    data = model.mimeData(window.tree.selectedIndexes())
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(P(4)))
    assert titles_under(window, P(4)) == ["话务员", "培训师", "质检专员"]
    assert undo_texts(window) == ["Move 2 positions under 项目组长"]
    assert window.selected_ids() == [P(12), P(14)]
    window.controller.undo_stack.undo()
    assert org.snapshot() == start == on_disk(window)


def test_dragging_several_selected_boxes_in_the_chart_is_one_move(
        open_window: OpenWindow) -> None:
    window = opened(open_window)
    org = window.controller.org
    start = org.snapshot()
    click_box(window, P(12))
    click_box(window, P(13), CTRL)
    drag(window, box_point(window, P(13)), box_point(window, P(10)))
    assert titles_under(window, P(10)) == ["话务员", "培训师", "人事专员"]
    assert undo_texts(window) == ["Move 2 positions under 项目组长"]
    window.controller.undo_stack.undo()
    assert org.snapshot() == start == on_disk(window)
    # A single box dragged still moves alone, as before.
    click_box(window, P(14))
    drag(window, box_point(window, P(14)), box_point(window, P(10)))
    assert titles_under(window, P(10)) == ["话务员", "质检专员"]


def test_a_new_report_takes_its_superiors_department(open_window: OpenWindow) -> None:
    window = opened(open_window)
    click(window, P(8))  # 项目组长 of 项目组3
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_Insert)
    added = window.current_id()
    assert added is not None and added != P(8)
    assert window.controller.org.position(added).superior_id == P(8)
    assert window.controller.org.position(added).department_id == 3
    assert window.overview.department_combo.currentText() == "项目组3"


def test_a_search_step_with_shift_held_selects_only_the_match(open_window: OpenWindow) -> None:
    """Selecting from code (search, panels, chart) never extends the selection, whatever
    modifier is held (Shift+F3 steps back through the matches)."""
    window = opened(open_window)
    click(window, P(12))
    window.search_box.setText("项目组长")
    QTest.keyClick(window.search_box, Qt.Key.Key_Return, SHIFT)
    assert len(window.selected_ids()) == 1
    assert window.selected_ids() == [window.current_id()]


def test_cut_and_paste_of_several_is_one_step_each(open_window: OpenWindow) -> None:
    window = opened(open_window)
    org = window.controller.org
    start = org.snapshot()
    click(window, P(12))
    click(window, P(14), CTRL)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_X, CTRL)
    assert titles_under(window, P(3)) == ["人事专员"]
    assert QApplication.clipboard().text() == "培训师\n质检专员"
    click(window, P(4))
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_V, CTRL)
    assert titles_under(window, P(4)) == ["话务员", "培训师", "质检专员"]
    assert undo_texts(window) == ["Cut 2 positions", "Paste"]
    assert [org.position(p).title for p in window.selected_ids()] == ["培训师", "质检专员"]
    window.controller.undo_stack.undo()
    assert titles_under(window, P(4)) == ["话务员"]
    window.controller.undo_stack.undo()
    assert org.snapshot() == start == on_disk(window)


@pytest.mark.qt_log_ignore("This plugin does not support raise",
                           "This plugin does not support grabbing the keyboard")
def test_the_context_menu_of_one_of_several_selected_acts_on_all(
        open_window: OpenWindow) -> None:
    window = opened(open_window)
    org = window.controller.org
    click(window, P(12))
    click(window, P(14), CTRL)
    index = window.model.index_of(P(12))
    point = window.tree.visualRect(index).center()
    QTest.mousePress(window.tree.viewport(), Qt.MouseButton.RightButton, NONE, point)
    QTest.mouseRelease(window.tree.viewport(), Qt.MouseButton.RightButton, NONE, point)
    viewport = window.tree.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                       viewport.mapToGlobal(point)))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert window.selected_ids() == [P(12), P(14)]
    assert window.current_id() == P(12)
    delete = next(a for a in menu.actions() if a.objectName() == "actionDelete")
    menu.close()
    delete.trigger()
    assert titles_under(window, P(3)) == ["人事专员"]
    assert undo_texts(window) == ["Delete 2 positions"]
    assert len(org) == 12


def test_edit_selected_arranges_the_reports_of_every_selected_team(
        open_window: OpenWindow) -> None:
    window = opened(open_window)
    org = window.controller.org
    start = org.snapshot()
    click(window, P(2))
    click(window, P(3), CTRL)
    click(window, P(5), CTRL)  # 话务员 has no reports: nothing to arrange
    window.edit_selected()
    dialog = window.findChild(BulkEditDialog, "bulkEditDialog")
    assert dialog is not None
    dialog.ticks["arrangement"].setChecked(True)
    dialog.arrangement.setCurrentIndex(dialog.arrangement.findData("vertical"))
    dialog.ticks["planned_headcount"].setChecked(True)
    dialog.planned.setValue(3)
    QTest.mouseClick(dialog.findChild(QDialogButtonBox, "bulkButtons").button(
        QDialogButtonBox.StandardButton.Ok), LEFT)
    assert org.settings["chart"]["overrides"] == {"2": "vertical", "3": "vertical"}
    assert [org.position(p).planned_headcount for p in (P(2), P(3), P(5))] == [3, 3, 3]
    assert org.position(P(4)).planned_headcount == 1
    assert undo_texts(window) == ["Edit 3 positions"]
    window.controller.undo_stack.undo()
    assert org.snapshot() == start == on_disk(window)



def test_a_band_over_the_empty_chart_leaves_only_the_current_position(
        open_window: OpenWindow) -> None:
    window = opened(open_window)
    view = window.chart.view
    click(window, P(4))
    click(window, P(6), CTRL)
    corner = view.mapFromScene(QPointF(2, 2))
    assert view.box_at(corner) is None
    drag(window, corner, corner + QPoint(30, 30), SHIFT)
    assert window.selected_ids() == [P(6)]  # the current one, as the panels show it
    assert view.selected_positions() == {6}
    rows = window.tree.selectionModel().selectedRows()
    assert rows == []


def test_a_library_entry_inserted_as_a_report_takes_its_superiors_department(
        open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+L inserts a report: with the entry's department when the document has one of
    that name, else (as every new report) its superior's."""
    from orgdesk.library import position_library
    from orgdesk.ui.library_dialog import LibraryChoice

    window = opened(open_window)
    org = window.controller.org
    template = next(t for t in position_library()
                    if t.department not in {d.name for d in org.departments})
    monkeypatch.setattr(dialogs, "choose_template",
                        lambda parent, target=None: LibraryChoice(template.title, template))
    click(window, P(6))  # 项目组长 of 项目组2
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_L, CTRL)
    added = window.current_id()
    assert added is not None and org.position(added).superior_id == P(6)
    assert org.position(added).department_id == 2


def test_several_rows_dropped_between_rows_land_there_in_tree_order(
        open_window: OpenWindow) -> None:
    window = opened(open_window)
    org = window.controller.org
    model = window.model

    def drop_selection(superior: PositionId, row: int) -> None:
        data = model.mimeData(window.tree.selectedIndexes())
        model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, model.index_of(superior))

    click(window, P(14))
    click(window, P(12), CTRL)  # chosen out of order: they move in the tree's order
    drop_selection(P(2), 0)
    assert [p.id for p in org.direct_reports(P(2))] == [P(12), P(14), *LEADERS]
    click(window, P(4))
    click(window, P(8), CTRL)
    drop_selection(P(2), 3)  # between 培训师…项目组长(4) and 项目组长(6): after 4's row
    assert [p.id for p in org.direct_reports(P(2))] == [P(12), P(14), P(4), P(8), P(6),
                                                        P(10)]
    assert undo_texts(window) == ["Move 2 positions under 项目经理"] * 2
