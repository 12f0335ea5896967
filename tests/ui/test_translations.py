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


def test_core_errors_are_shown_in_the_interface_language(
        chinese: QTranslator, open_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    from orgdesk.storage.errors import FileProblem
    from orgdesk.storage.reading import read_organisation
    from orgdesk.ui.messages import user_message

    missing = tmp_path / "客户方案.orgdesk"
    with pytest.raises(FileProblem) as caught:
        read_organisation(missing)
    assert str(caught.value) == "“客户方案.orgdesk” does not exist."  # the CLI's English
    assert user_message(caught.value) == "“客户方案.orgdesk” 不存在。"
    window = open_window("software_ops_department")
    org = window.controller.org
    boss = next(p.id for p in org.positions() if p.title == "运营经理")
    under = next(p.id for p in org.positions() if p.title == "项目督导")
    assert not window.move_position_to(boss, under)
    assert window.statusBar().currentMessage() == \
        "“运营经理”不能向“项目督导”汇报，因为后者是它自己的下属。"


def test_untranslated_errors_stay_english(qapp: QApplication) -> None:
    from orgdesk.core.errors import Sentence, UserError
    from orgdesk.ui.messages import user_message

    assert user_message(UserError("plain sentence")) == "plain sentence"
    assert user_message(UserError(Sentence.of("{n} things.", n=3))) == "3 things."
