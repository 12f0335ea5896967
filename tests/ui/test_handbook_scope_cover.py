"""Export Handbook from the window: the whole organisation by default, the handbook's
own language, and the cover's fields asked for once and saved as one undoable edit."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from orgdesk.ui.handbook_dialog import HandbookDialog
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid

pytestmark = pytest.mark.gui


def open_dialog(window: MainWindow, qtbot: QtBot) -> HandbookDialog:
    def shown() -> list[HandbookDialog]:
        return [d for d in window.findChildren(HandbookDialog) if d.isVisible()]

    window.act["export_handbook"].trigger()
    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def close(dialog: HandbookDialog, qtbot: QtBot) -> None:
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_whole_organisation_even_with_a_position_selected(
        open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")
    manager = pid(window, "项目经理")
    window.select_position(manager)
    dialog = open_dialog(window, qtbot)
    assert dialog.chosen_root() is None
    assert dialog.root.currentIndex() == 0
    count = len(window.controller.org)
    assert str(count) in dialog.scope.text() and "项目经理" not in dialog.scope.text()
    # A branch only when the user picks it, and the dialog says which.
    dialog.root.setCurrentIndex(dialog.root.findData(int(manager)))
    assert dialog.chosen_root() == manager
    assert "项目经理" in dialog.scope.text()
    close(dialog, qtbot)


def test_language_follows_the_document_not_the_interface(
        open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")  # Chinese titles, English interface
    dialog = open_dialog(window, qtbot)
    assert dialog.chosen_language() == "zh"
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["zh", "en"]
    close(dialog, qtbot)


def test_missing_cover_fields_are_asked_once_and_saved_undoably(
        open_window: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window("training_call_center_50")  # no client in this sample
    before = window.controller.org.info
    assert not before.client
    dialog = open_dialog(window, qtbot)
    assert dialog.needs_cover and dialog.client_edit.isVisibleTo(dialog)
    assert dialog.title_edit.text() == before.title  # pre-filled
    dialog.client_edit.setText("中国电信某分公司")
    dialog.author_edit.setText("张顾问")
    target = tmp_path / "手册.html"
    with qtbot.waitSignal(dialog.handbook_finished, timeout=60_000) as done:
        dialog.export_to(target)
    assert done.args == [""]
    info = window.controller.org.info
    assert (info.client, info.author, info.title) == ("中国电信某分公司", "张顾问", before.title)
    page = target.read_text("utf-8")
    assert "中国电信某分公司" in page and "张顾问" in page
    # One undo step puts the document back.
    window.controller.undo_stack.undo()
    assert window.controller.org.info.client == "" and window.controller.org.info.author == \
        before.author
    window.controller.undo_stack.redo()
    # Filled in, the next export does not ask again.
    again = open_dialog(window, qtbot)
    assert not again.needs_cover and not again.client_edit.isVisibleTo(again)
    close(again, qtbot)
