"""File → Import… and File → Export Data… wired into the window."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from orgdesk.io.interchange import ImportOptions, read_source
from orgdesk.storage.reading import read_organisation
from orgdesk.ui import data_actions, dialogs
from orgdesk.ui.app import OrgdeskApp
from orgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_import_opens_the_organisation_in_a_new_unsaved_window(
        orgdesk: OrgdeskApp, sample_copy: Callable[..., Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = orgdesk.open_path(sample_copy("call_center_chart"))
    assert window is not None
    imported = read_organisation(sample_copy("training_call_center_50"))
    monkeypatch.setattr(data_actions, "ask_import", lambda parent: imported)
    window.act["import"].trigger()
    assert len(orgdesk.windows) == 2
    new = orgdesk.windows[-1]
    assert new.controller.org.snapshot()[2] == imported.snapshot()[2]
    assert new.controller.service.file.path is None
    assert new.isWindowModified()  # imported, not yet saved anywhere


def test_cancelled_import_opens_nothing(orgdesk: OrgdeskApp, sample_copy: Callable[..., Path],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = orgdesk.open_path(sample_copy("call_center_chart"))
    assert window is not None
    monkeypatch.setattr(data_actions, "ask_import", lambda parent: None)
    window.act["import"].trigger()
    assert orgdesk.windows == [window]


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".csv", ".graphml"])
def test_export_data_writes_every_position(qtbot: QtBot, open_window: Callable[..., MainWindow],
                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           suffix: str) -> None:
    window = open_window("software_ops_department")
    target = tmp_path / f"out{suffix}"
    monkeypatch.setattr(data_actions, "ask_export_path",
                        lambda parent, suggested: data_actions.ExportChoice(target))
    window.act["export_data"].trigger()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    assert target.is_file()
    back = read_source(target, ImportOptions())
    titles = sorted(p.title for p in back.organisation.positions())
    assert titles == sorted(p.title for p in window.controller.org.positions())
    if suffix == ".json":
        json.loads(target.read_text("utf-8"))


def test_export_failure_is_one_sentence(qtbot: QtBot, open_window: Callable[..., MainWindow],
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("software_ops_department")
    target = tmp_path / "missing-folder" / "out.json"
    errors: list[str] = []
    monkeypatch.setattr(data_actions, "ask_export_path",
                        lambda parent, suggested: data_actions.ExportChoice(target))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text: errors.append(text))
    window.act["export_data"].trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert len(errors) == 1 and "\n" not in errors[0]
    assert not target.exists()
