"""The Compare dialog with pytest-qt: the list of changes, filtering, highlighting."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from orgdesk.analysis.compare import compare
from orgdesk.core.model import Position
from orgdesk.core.organisation import Organisation
from orgdesk.storage.document import create_file
from orgdesk.storage.reading import read_organisation
from orgdesk.ui import compare_dialog
from orgdesk.ui.compare_dialog import CompareDialog, compare_with_file

SAMPLE = Path(__file__).resolve().parents[2] / "sample_orgs" / "software_ops_department.orgdesk"
pytestmark = pytest.mark.gui


def edited() -> Organisation:
    """software_ops_department with one of each kind of change."""
    org = read_organisation(SAMPLE)
    by_title = {p.title: p for p in org.positions()}
    org.update_position(by_title["项目督导"].evolve(title="项目组长"))
    org.move_position(by_title["质检专员"].id, by_title["项目经理"].id)
    # Added before the removal: next_position_id() is max + 1, so adding after
    # removing the highest id would reuse it (and read as a rename).
    org.add_position(Position(org.next_position_id(), "排班专员", by_title["运营经理"].id,
                              department_id=by_title["运营经理"].department_id))
    org.remove_position(by_title["培训专员"].id)
    org.update_position(org.position(by_title["客户服务专员"].id).evolve(planned_headcount=12))
    return org


@pytest.fixture()
def dialog(qtbot: QtBot) -> CompareDialog:
    box = CompareDialog(compare(read_organisation(SAMPLE), edited()), "v1.orgdesk", "v2.orgdesk")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


def test_lists_every_change(dialog: CompareDialog) -> None:
    rows = [(dialog.changes.topLevelItem(i).text(0), dialog.changes.topLevelItem(i).text(1))
            for i in range(dialog.changes.topLevelItemCount())]
    assert sorted(rows) == sorted([("Renamed", "项目组长"), ("Moved", "质检专员"),
                                   ("Added", "排班专员"), ("Changed", "客户服务专员"),
                                   ("Removed", "培训专员")])
    changed = next(dialog.changes.topLevelItem(i) for i in range(len(rows))
                   if dialog.changes.topLevelItem(i).text(0) == "Changed")
    assert changed.childCount() == 1 and changed.child(0).text(2) == "14  →  12"
    # 运营部: 19 seats before; +1 排班专员, -1 培训专员, -2 客户服务专员 = 17
    table = dialog.departments
    assert [table.item(0, c).text() for c in range(4)] == ["运营部", "19", "17", "-2"]
    assert "planned seats 19 → 17 (-2)" in dialog.summary.text()
    assert "v1.orgdesk" in dialog.windowTitle()


def test_filter_by_kind(dialog: CompareDialog) -> None:
    dialog.kind_filter.setCurrentIndex(dialog.kind_filter.findData("moved"))
    assert [c.title for c in dialog.visible_changes()] == ["质检专员"]
    dialog.kind_filter.setCurrentIndex(0)
    assert len(dialog.visible_changes()) == 5


def test_selection_highlights_and_activation_goes_to_the_position(
        dialog: CompareDialog, qtbot: QtBot) -> None:
    item = next(dialog.changes.topLevelItem(i) for i in range(5)
                if dialog.changes.topLevelItem(i).text(0) == "Moved")
    change = item.data(0, Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(dialog.highlight_requested) as signal:
        dialog.changes.setCurrentItem(item)
    assert signal.args == [[int(change.new_id)]]
    with qtbot.waitSignal(dialog.position_activated) as activated:
        dialog.changes.itemActivated.emit(item, 0)
    assert activated.args == [int(change.new_id)]


def test_removed_positions_highlight_nothing(dialog: CompareDialog, qtbot: QtBot) -> None:
    item = next(dialog.changes.topLevelItem(i) for i in range(5)
                if dialog.changes.topLevelItem(i).text(0) == "Removed")
    with qtbot.assertNotEmitted(dialog.highlight_requested):
        dialog.changes.setCurrentItem(item)
    with qtbot.assertNotEmitted(dialog.position_activated):
        dialog.changes.itemActivated.emit(item, 0)


def test_highlight_all(dialog: CompareDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dialog.highlight_requested) as signal:
        qtbot.mouseClick(dialog.highlight_all, Qt.MouseButton.LeftButton)
    assert len(signal.args[0]) == 4  # every change but the removed position


def test_identical_versions(qtbot: QtBot) -> None:
    box = CompareDialog(compare(read_organisation(SAMPLE), read_organisation(SAMPLE)), "a", "b")
    qtbot.addWidget(box)
    assert box.summary.text() == "The two versions are the same."
    assert box.departments.rowCount() == 0 and not box.highlight_all.isEnabled()
    assert box.visible_changes() == []


def test_compare_with_file(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    older = tmp_path / "older.orgdesk"
    create_file(older, read_organisation(SAMPLE))
    monkeypatch.setattr(compare_dialog, "choose_file", lambda _parent: older)
    box = compare_with_file(parent, edited(), "current.orgdesk")
    assert box is not None and box.isVisible()
    assert len(box.comparison.changes) == 5
    box.close()
    monkeypatch.setattr(compare_dialog, "choose_file", lambda _parent: None)
    assert compare_with_file(parent, edited(), "current.orgdesk") is None


def test_compare_with_a_broken_file_says_why(qtbot: QtBot, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    broken = tmp_path / "photo.orgdesk"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    errors: list[str] = []
    monkeypatch.setattr(compare_dialog, "choose_file", lambda _parent: broken)
    monkeypatch.setattr(compare_dialog, "show_error", lambda _parent, text: errors.append(text))
    assert compare_with_file(parent, edited(), "current.orgdesk") is None
    assert len(errors) == 1 and "photo.orgdesk" in errors[0]
