"""Every menu of the window gives each command its own Alt-key, in English and in Chinese.

Two entries of one menu with the same mnemonic make Alt+key cycle between them
instead of running one (Qt's rule), so a keyboard user cannot reach either
directly.  Checked over the whole menu bar, submenus included.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from orgdesk.paths import resources_dir
from orgdesk.ui.main_window import MainWindow


def mnemonic(text: str) -> str | None:
    """The key after a single “&” (“&&” is a literal ampersand), lower-cased."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":
            index += 2
            continue
        return text[index + 1].casefold()


def clashes(menu: QMenu, path: str) -> list[str]:
    found: list[str] = []
    by_key: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        key = mnemonic(action.text())
        if key is not None:
            by_key[key].append(action.text())
        if action.menu() is not None:
            found += clashes(action.menu(), f"{path} → {action.text()}")  # type: ignore[arg-type]
    found += [f"{path}: {' / '.join(texts)}" for key, texts in by_key.items() if len(texts) > 1]
    return found


def menu_bar_clashes(window: MainWindow) -> list[str]:
    bar = window.menuBar()
    found: list[str] = []
    keys: dict[str, list[str]] = defaultdict(list)
    for top in bar.actions():
        key = mnemonic(top.text())
        if key is not None:
            keys[key].append(top.text())
        found += clashes(top.menu(), top.text())  # type: ignore[arg-type]
    # the top-level menus share one set of keys too
    found += [f"menu bar: {' / '.join(t)}" for t in keys.values() if len(t) > 1]
    return found


def test_mnemonic_reads_the_key_after_a_single_ampersand() -> None:
    assert mnemonic("Save &As…") == "a"
    assert mnemonic("R&&D && &Quality") == "q"
    assert mnemonic("保存(&S)") == "s"
    assert mnemonic("Plain") is None


def test_no_two_commands_of_a_menu_share_an_alt_key_in_english(
        open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    found = menu_bar_clashes(window)
    assert found == [], "\n".join(found)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "orgdesk_zh_CN.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_no_two_commands_of_a_menu_share_an_alt_key_in_chinese(
        chinese: None, open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    found = menu_bar_clashes(window)
    assert found == [], "\n".join(found)
