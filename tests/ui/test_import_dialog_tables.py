"""The import dialog's choices for SQL and HR-system tables: header row, no-superior
tokens, a title for rows without one, grouping people into positions."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from orgdesk.ui.import_dialog import ImportDialog

HR = Path(__file__).resolve().parents[1] / "io" / "fixtures" / "hr"


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportDialog:
    widget = ImportDialog()
    qtbot.addWidget(widget)
    return widget


def open_and_wait(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.open_source(path)


def wait_check(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.check_result is not None and not dialog.is_checking(),
                    timeout=20_000)


def headers(dialog: ImportDialog) -> list[str]:
    return [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())]


def seats(dialog: ImportDialog) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(item) -> None:  # type: ignore[no-untyped-def]  # a QTreeWidgetItem
        found[item.text(0)] = item.text(2)
        for i in range(item.childCount()):
            walk(item.child(i))
    for i in range(dialog.tree.topLevelItemCount()):
        walk(dialog.tree.topLevelItem(i))
    return found


def test_a_headerless_file_is_shown_as_data_and_the_box_can_say_otherwise(
        dialog: ImportDialog, qtbot: QtBot) -> None:
    open_and_wait(qtbot, dialog, HR / "headerless_hr.csv")
    assert not dialog.header_row.isChecked()
    assert headers(dialog)[:3] == ["Column A", "Column B", "Column C"]
    assert "Chief Executive Officer" in seats(dialog) and dialog.import_button.isEnabled()
    dialog.header_row.setChecked(True)  # the user says: the first row is a header
    assert headers(dialog)[:3] == ["1", "Column B", "Chief Executive Officer"]
    assert dialog.options().header is True
    dialog.header_row.setChecked(False)
    assert headers(dialog)[0] == "Column A" and dialog.options().header is None


def test_people_are_grouped_unless_the_box_is_cleared(dialog: ImportDialog, qtbot: QtBot) -> None:
    open_and_wait(qtbot, dialog, HR / "english_hr.csv")
    assert dialog.group_people.checkState() == Qt.CheckState.PartiallyChecked
    assert seats(dialog)["Customer Service Agent"] == "3"
    dialog.group_people.setCheckState(Qt.CheckState.Unchecked)
    wait_check(qtbot, dialog)
    assert dialog.options().group_people is False
    assert dialog.check_result is not None and dialog.check_result.organisation is not None
    assert len(dialog.check_result.organisation) == 7


def test_no_superior_token_and_empty_title_fields(dialog: ImportDialog, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text("id,parent,title\n1,ROOT,CEO\n2,1,\n", encoding="utf-8")
    open_and_wait(qtbot, dialog, source)
    assert dialog.problems.rowCount() == 2 and not dialog.import_button.isEnabled()
    dialog.null_tokens.setText("ROOT, TOP")
    dialog.empty_title.setText("(untitled)")
    wait_check(qtbot, dialog)
    assert dialog.options().null_tokens == ("ROOT", "TOP")
    assert dialog.problems.rowCount() == 0 and dialog.import_button.isEnabled()
    assert list(seats(dialog)) == ["CEO", "(untitled)"]
