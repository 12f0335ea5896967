"""The overview panel shows and edits a position's source ID and holders, compactly."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from orgdesk.analysis.compare import compare
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.storage.document import create_file
from orgdesk.ui.compare_dialog import CompareDialog
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.panels.overview import holders_from_text, holders_text
from tests.ui.conftest import click_row, type_text, undo_texts

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
P = PositionId


@pytest.fixture
def keyed(tmp_path: Path) -> Path:
    path = tmp_path / "imported.orgdesk"
    create_file(path, Organisation(positions=[
        Position(P(1), "客服经理", source_id="O-6066", holders=("张三",)),
        Position(P(2), "座席员", P(1), planned_headcount=3, source_id="emi",
                 holders=("李四", "王五")),
        Position(P(3), "质检员", P(1), holders=("Smith; John",)),
        Position(P(4), "培训师", P(1))]))
    return path


def _edit(window: MainWindow, name: str) -> QLineEdit:
    found = window.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def test_the_panel_shows_source_id_and_holders(open_window: OpenWindow, keyed: Path) -> None:
    window = open_window(keyed)
    click_row(window, P(2))
    assert _edit(window, "sourceIdEdit").text() == "emi"
    assert _edit(window, "holdersEdit").text() == "李四; 王五"
    click_row(window, P(4))
    assert _edit(window, "sourceIdEdit").text() == "" and _edit(window, "holdersEdit").text() == ""
    assert window.controller.undo_stack.count() == 0  # showing is not editing


def test_typing_edits_them_as_undoable_steps(open_window: OpenWindow, keyed: Path) -> None:
    window = open_window(keyed)
    click_row(window, P(4))
    source = _edit(window, "sourceIdEdit")
    source.setFocus()
    type_text(source, "ID001")
    assert window.controller.org.position(P(4)).source_id == "ID001"
    holders = _edit(window, "holdersEdit")
    holders.setFocus()
    type_text(holders, "赵六；钱七; ")
    assert window.controller.org.position(P(4)).holders == ("赵六", "钱七")
    assert holders.text() == "赵六；钱七; "  # what was typed stays while typing
    assert undo_texts(window) == ["Edit source ID of 培训师", "Edit holders of 培训师"]
    window.controller.undo_stack.undo()
    assert window.controller.org.position(P(4)).holders == ()
    assert holders.text() == ""
    window.controller.undo_stack.undo()
    assert source.text() == "" and window.controller.org.position(P(4)).source_id == ""
    assert window.controller.service.file.load().snapshot() == window.controller.org.snapshot()


def test_names_a_line_cannot_give_back_are_shown_read_only(open_window: OpenWindow,
                                                          keyed: Path) -> None:
    window = open_window(keyed)
    click_row(window, P(3))
    holders = _edit(window, "holdersEdit")
    assert holders.text() == "Smith; John" and holders.isReadOnly()
    click_row(window, P(2))
    assert not holders.isReadOnly()


def test_the_line_round_trips_ordinary_names() -> None:
    for names in [(), ("张三",), ("李四", "王五", "Anna Müller")]:
        assert holders_from_text(holders_text(names)) == names
    assert holders_from_text(" a ;; b；") == ("a", "b")


def test_the_two_fields_make_the_overview_no_taller(open_window: OpenWindow, keyed: Path
                                                   ) -> None:
    """At 1366×768 the overview dock is about 330 px high beside the duties: the
    source ID and holders share rows with level and filled headcount rather than
    adding two, and the panel still fits the dock's width."""
    window = open_window(keyed)
    window.resize(1366, 768)
    click_row(window, P(2))
    panel = window.overview
    with_them = panel.minimumSizeHint()
    for widget in (panel.source_id_label, panel.source_id_edit, panel.holders_label,
                   panel.holders_edit):
        widget.hide()
    without = panel.minimumSizeHint()
    assert with_them.height() - without.height() <= 8  # a line edit vs a spin box, not a row
    viewport = window.docks["overviewPanel"].widget().viewport()  # type: ignore[attr-defined]  # the dock holds a QScrollArea
    assert with_them.width() <= viewport.width()


def test_the_compare_dialog_says_positions_were_matched_by_source_ids(qtbot: QtBot) -> None:
    old = Organisation(positions=[Position(P(1), "经理", source_id="O-1"),
                                  Position(P(2), "主管", P(1), source_id="O-2"),
                                  Position(P(3), "专员", P(2), source_id="O-3")])
    new = Organisation(positions=[  # another import: other ids, one title changed
        Position(P(1), "经理", source_id="O-1"),
        Position(P(2), "质检员", P(1), source_id="O-3"),
        Position(P(3), "主管组长", P(1), source_id="O-2")])
    new.move_position(P(2), P(3))
    box = CompareDialog(compare(old, new), "jan.orgdesk", "feb.orgdesk")
    qtbot.addWidget(box)
    assert "matched by their source IDs" in box.summary.text()
    assert [box.changes.topLevelItem(i).text(1) for i in range(box.changes.topLevelItemCount())
            ] == ["主管组长", "质检员"]
