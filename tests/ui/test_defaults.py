"""Defaults (issue 13, defect 15): Save offers the organisation's title as the file
name, exports remember the last folder and format, a new document asks for its
title and client once."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QToolBar
from pytestqt.qtbot import QtBot

from orgdesk.ui import dialogs, export_dialog
from orgdesk.ui.export_dialog import ExportChartDialog
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import type_text, undo_texts, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def info_bar(window: MainWindow) -> QToolBar | None:
    bar = window.findChild(QToolBar, "documentInfoBar")
    return bar if bar is not None and bar.isVisible() else None


def test_a_new_document_asks_for_title_and_client_once(open_window: OpenWindow,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(None)
    bar = info_bar(window)
    assert bar is not None, "a new document does not ask for its title"
    title = bar.findChild(QLineEdit, "newDocumentTitleEdit")
    QTest.mouseClick(title, Qt.MouseButton.LeftButton)
    type_text(title, "华东/华南 客服中心")
    QTest.keyClick(title, Qt.Key.Key_Tab)
    client = QApplication.focusWidget()
    assert client is bar.findChild(QLineEdit, "newDocumentClientEdit")
    type_text(client, "某银行")
    QTest.keyClick(client, Qt.Key.Key_Return)
    info = window.controller.org.info
    assert (info.title, info.client) == ("华东/华南 客服中心", "某银行")
    assert undo_texts(window) == ["Name the organisation"]
    assert wait_for(lambda: info_bar(window) is None)  # asked once
    # Save offers the title as the file name (made safe: “/” would be a folder).
    offered: list[str] = []

    def ask(parent: object, suggested: str) -> Path:
        offered.append(suggested)
        return tmp_path / f"saved{len(offered)}.orgdesk"
    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    window.tree.setFocus()
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Save))
    assert offered, "Save did not ask where"
    suggested = Path(offered[0])
    assert suggested.name == "华东 华南 客服中心.orgdesk"
    assert suggested.is_absolute() and suggested.parent.is_dir()
    # The next new document is offered the folder of this one.
    second = open_window(None)
    second.controller.execute("title", lambda s: s.set_info(
        second.controller.org.info.__class__(title="Second")))
    second.save_as()
    assert Path(offered[1]) == tmp_path / "Second.orgdesk"


def test_escape_dismisses_the_question_for_good(open_window: OpenWindow) -> None:
    window = open_window(None)
    bar = info_bar(window)
    assert bar is not None
    title = bar.findChild(QLineEdit, "newDocumentTitleEdit")
    QTest.mouseClick(title, Qt.MouseButton.LeftButton)
    QTest.keyClick(title, Qt.Key.Key_Escape)
    assert wait_for(lambda: info_bar(window) is None)
    assert undo_texts(window) == [] and window.controller.org.info.title == ""
    assert window.tree.hasFocus()


def test_a_file_or_a_titled_document_is_not_asked(open_window: OpenWindow) -> None:
    assert info_bar(open_window("training_call_center_50")) is None


def test_chart_export_remembers_folder_and_format(open_window: OpenWindow, qtbot: QtBot,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("training_call_center_50")
    folder = tmp_path / "deliverables"
    folder.mkdir()
    offered: list[tuple[str, str]] = []

    def choose(parent: object, suggested: str, fmt: str) -> Path:
        offered.append((suggested, fmt))
        return folder / f"chart.{fmt}"
    monkeypatch.setattr(export_dialog, "choose_target", choose)

    def export(fmt: str | None) -> ExportChartDialog:
        window.export_chart()
        dialog = window.findChildren(ExportChartDialog)[-1]
        qtbot.waitExposed(dialog)
        if fmt is not None:
            dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as done:
            QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert done.args == [""]
        return dialog
    export("svg")
    assert Path(offered[0][0]).name == f"{window.controller.org.info.title}.svg"
    # A new dialog starts with SVG chosen and offers the same folder.
    export(None)
    assert offered[1][1] == "svg"
    assert Path(offered[1][0]).parent == folder
    assert (folder / "chart.svg").is_file()
