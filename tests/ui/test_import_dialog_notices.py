"""The import dialog says how it read the source (the reader's notices), in the interface's
language, as the CLI prints them after an import."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from orgdesk.ui.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures" / "json"
SELF_TOP = "Employee ID,Manager ID,Job Title\n100,100,CEO\n101,100,CFO\n"


class _Chinese(QTranslator):
    """Translates the few texts a test names, so it sees which ones went through tr."""

    def __init__(self, texts: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.texts = texts

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return self.texts.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportDialog:
    widget = ImportDialog()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[None]:
    translator = _Chinese({
        ("errors", ("The value in column “{column}” of {places} is its own id, so it was read "
                   "as a top position.")): "{places}的“{column}”列是它自己的编号，已作为最高职位读入。",
        ("errors", "line {rows}"): "第 {rows} 行",
    })
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def open_and_wait(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.open_source(path)


def write(tmp_path: Path, text: str, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_a_peer_json_file_says_which_keys_it_took(dialog: ImportDialog, qtbot: QtBot) -> None:
    open_and_wait(qtbot, dialog, FIXTURES / "d3_org_chart.json")
    assert dialog.import_button.isEnabled()
    assert not dialog.notices.isHidden()
    text = dialog.notices.text()
    assert text.startswith("Read as ") and "“parentId”" in text


def test_the_top_person_as_their_own_manager_is_said(dialog: ImportDialog, qtbot: QtBot,
                                                    tmp_path: Path) -> None:
    open_and_wait(qtbot, dialog, write(tmp_path, SELF_TOP))
    assert dialog.import_button.isEnabled()
    assert dialog.notices.text() == ("The value in column “Manager ID” of line 2 is its own id, "
                                     "so it was read as a top position.")


def test_notices_are_translated(dialog: ImportDialog, qtbot: QtBot, tmp_path: Path,
                                chinese: None) -> None:
    open_and_wait(qtbot, dialog, write(tmp_path, SELF_TOP))
    assert dialog.notices.text() == "第 2 行的“Manager ID”列是它自己的编号，已作为最高职位读入。"


def test_a_file_without_notices_shows_none(dialog: ImportDialog, qtbot: QtBot,
                                           tmp_path: Path) -> None:
    open_and_wait(qtbot, dialog, write(tmp_path, SELF_TOP))
    assert not dialog.notices.isHidden()
    open_and_wait(qtbot, dialog, write(tmp_path, "id,pid,title\n1,,经理\n2,1,主管\n", "b.csv"))
    assert dialog.import_button.isEnabled()
    assert dialog.notices.isHidden() and dialog.notices.text() == ""


def test_the_roots_problem_names_the_choice_beside_it(dialog: ImportDialog, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    open_and_wait(qtbot, dialog, write(tmp_path, "id,pid,title\n1,,甲\n2,,乙\n"))
    text = dialog.problems.item(0, 1).text()
    assert "choose what to do with several top positions" in text
    assert "keep them side by side" in text and "new top position" in text
