"""The Export Handbook dialog with pytest-qt: options, background writing, progress, cancel."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.storage.reading import read_organisation
from orgdesk.ui import handbook_dialog
from orgdesk.ui.handbook_dialog import HandbookDialog

SAMPLE = Path(__file__).resolve().parents[2] / "sample_orgs" / "training_call_center_50.orgdesk"
pytestmark = pytest.mark.gui


@pytest.fixture()
def org() -> Organisation:
    return read_organisation(SAMPLE)


@pytest.fixture()
def dialog(qtbot: QtBot, org: Organisation) -> HandbookDialog:
    box = HandbookDialog(org, "培训中心")
    qtbot.addWidget(box)
    box.open()
    return box


def test_options(dialog: HandbookDialog, org: Organisation) -> None:
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == [
        "pdf", "docx", "html"]
    assert dialog.root.count() == 1 + len(org)  # the whole organisation, or any branch
    assert dialog.chosen_root() is None
    dialog.root.setCurrentIndex(dialog.root.findData(2))
    assert dialog.chosen_root() == PositionId(2)
    assert "项目经理" in dialog.root.currentText()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_export_writes_in_the_background(dialog: HandbookDialog, qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    asked: list[tuple[str, str]] = []

    def choose(_parent: object, suggested: str, chosen: str) -> Path:
        asked.append((suggested, chosen))
        return tmp_path / f"手册.{chosen}"

    monkeypatch.setattr(handbook_dialog, "choose_target", choose)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.root.setCurrentIndex(dialog.root.findData(2))  # 项目经理's branch
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.handbook_finished, timeout=60_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.running and not dialog.format.isEnabled()
    assert done.args == [""]
    assert asked == [(f"培训中心.{fmt}", fmt)]
    out = tmp_path / f"手册.{fmt}"
    assert out.stat().st_size > 1000
    assert seen and seen[-1] == 100 and seen == sorted(seen)
    assert not dialog.isVisible()  # accepted once written


def test_cancel_writes_nothing(dialog: HandbookDialog, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "h.pdf"
    with qtbot.waitSignal(dialog.handbook_finished, timeout=60_000) as done:
        dialog.export_to(target)
        dialog.buttons.rejected.emit()  # Cancel while it runs
    assert done.args == ["cancel"]
    assert not target.exists() and list(tmp_path.iterdir()) == []
    assert dialog.isVisible() and dialog.format.isEnabled()  # the dialog stays for another try


def test_failure_is_one_sentence(dialog: HandbookDialog, qtbot: QtBot, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(handbook_dialog, "show_error", lambda _parent, text: errors.append(text))
    with qtbot.waitSignal(dialog.handbook_finished, timeout=60_000) as done:
        dialog.export_to(tmp_path / "missing folder" / "h.pdf")
    assert done.args[0].startswith("Cannot write “h.pdf”")
    assert errors == done.args and dialog.status.text() == errors[0]


def test_chooser_cancel_does_nothing(dialog: HandbookDialog, qtbot: QtBot,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handbook_dialog, "choose_target", lambda *_args: None)
    with qtbot.assertNotEmitted(dialog.handbook_finished):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.running


def test_worker_gets_a_copy(dialog: HandbookDialog, org: Organisation, qtbot: QtBot,
                            tmp_path: Path) -> None:
    # An edit in the window while the handbook is written must not reach the worker.
    with qtbot.waitSignal(dialog.handbook_finished, timeout=60_000):
        dialog.export_to(tmp_path / "h.html")
        org.update_position(org.position(PositionId(1)).evolve(title="改名后的总监"))
    assert "改名后的总监" not in (tmp_path / "h.html").read_text("utf-8")
