"""The Simplified Chinese translation: complete, compiled, and shown by a real window."""
from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QFormLayout

from orgdesk.paths import resources_dir
from orgdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def load_i18n() -> ModuleType:
    """tools/i18n.py, which is a script rather than a package module."""
    spec = importlib.util.spec_from_file_location("orgdesk_tools_i18n", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QTranslator]:
    """orgdesk's Chinese translation installed on the application for one test."""
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "orgdesk_zh_CN.qm"))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_every_string_is_translated_and_the_qm_is_current() -> None:
    i18n = load_i18n()
    assert i18n.missing() == []
    assert i18n.main(["i18n.py", "check"]) == 0


def test_a_window_speaks_chinese(chinese: QTranslator,
                                 open_window: Callable[..., MainWindow]) -> None:
    window = open_window("software_ops_department")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "文件(&F)"
    assert {"编辑(&E)", "视图(&V)", "帮助(&H)"} <= set(menus)
    assert all(not title.isascii() for title in menus), menus
    form = window.overview.layout()
    assert isinstance(form, QFormLayout)
    assert form.labelForField(window.overview.title_edit).text() == "职位名称"
    assert window.docks["overviewPanel"].windowTitle() == "概况"
    assert window.deliverables.dock.windowTitle() == "编制分析"
    assert window.act["save_as"].text() == "另存为(&A)…"


def test_without_the_translator_the_window_stays_english(
        open_window: Callable[..., MainWindow]) -> None:
    window = open_window(None)
    assert window.menuBar().actions()[0].text() == "&File"
