"""Help → User Guide and Keyboard Shortcuts, in both languages, read from the real window."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from orgdesk.paths import resources_dir
from orgdesk.ui.help_dialog import ShortcutSheet, UserGuide, guide_html, plain_text
from orgdesk.ui.main_window import MainWindow


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "orgdesk_zh_CN.qm"))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def _rows(sheet: ShortcutSheet) -> list[tuple[str, str, str]]:
    table = sheet.table
    return [tuple(table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(table.rowCount())]


def _menu_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())  # type: ignore[arg-type]
            elif not action.shortcut().isEmpty():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())  # type: ignore[arg-type]
    return found


def test_the_sheet_lists_every_menu_key_of_the_window(open_window: Callable[..., MainWindow],
                                                      qtbot: QtBot) -> None:
    window = open_window()
    sheet = ShortcutSheet(window)
    qtbot.addWidget(sheet)
    rows = _rows(sheet)
    keys_by_command = {command: keys for _menu, command, keys in rows}
    actions = _menu_actions(window)
    assert len(actions) >= 25
    for action in actions:
        assert keys_by_command[plain_text(action)] == action.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText)
    assert keys_by_command["Export Chart"] == "Ctrl+E"
    assert ("View → Expand to Level", "Level 2", "Ctrl+2") in rows
    assert keys_by_command["Move a position without its reports"] == "Shift+Drag"


def test_the_sheet_follows_the_windows_actual_keys(open_window: Callable[..., MainWindow],
                                                   qtbot: QtBot) -> None:
    window = open_window()
    window.act["export_chart"].setShortcut("Ctrl+Alt+P")
    sheet = ShortcutSheet(window)
    qtbot.addWidget(sheet)
    assert {c: k for _m, c, k in _rows(sheet)}["Export Chart"] == "Ctrl+Alt+P"


def test_help_menu_opens_both(open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_window()
    window.findChild(QAction, "actionShortcuts").trigger()
    sheet = window.findChild(ShortcutSheet)
    assert sheet is not None and sheet.isVisible()
    sheet.close()
    window.findChild(QAction, "actionUserGuide").trigger()
    guide = window.findChild(UserGuide)
    assert guide is not None and guide.isVisible()
    assert "Shift" in guide.browser.toPlainText()
    guide.close()


def test_in_chinese_the_sheet_and_the_guide_are_chinese(
        chinese: QTranslator, open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_window()
    sheet = ShortcutSheet(window)
    qtbot.addWidget(sheet)
    assert sheet.windowTitle() == "键盘快捷键"
    commands = {command for _menu, command, _keys in _rows(sheet)}
    assert "导出组织结构图" in commands
    guide = UserGuide(window)
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "使用简介" in text and "a short guide" not in text


def test_the_english_guide_is_english_and_names_the_windows_menus(
        open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    text = guide_html("guide.en.html")
    assert "a short guide" in text
    for key in ("import", "export_chart", "export_handbook", "analysis", "export_data"):
        shortcut = window.act[key].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert f"<b>{shortcut}</b>" in text, key


@pytest.mark.parametrize("name", ["../orgdesk_zh_CN.ts", "missing.html", ""])
def test_a_damaged_translation_falls_back_to_the_english_guide(name: str) -> None:
    assert "a short guide" in guide_html(name)


def test_the_chinese_guide_names_the_windows_chinese_menus(
        chinese: QTranslator, open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    text = guide_html("guide.zh_CN.html")
    for key in ("import", "export_chart", "export_handbook", "export_data", "departments"):
        assert plain_text(window.act[key]) in text, plain_text(window.act[key])
