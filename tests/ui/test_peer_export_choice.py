"""File → Export Data… offers the peers' layouts as file types and remembers the last one."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from orgdesk.ui import data_actions
from orgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_every_peer_layout_has_a_file_type() -> None:
    from orgdesk.io.peers import LAYOUTS

    offered = {(layout, f".{ext}") for layout, ext in data_actions.EXPORT_TYPES if layout}
    assert offered == {(layout, suffix) for layout, writers in LAYOUTS.items()
                       for suffix in writers}
    filters = data_actions.export_filters()
    assert len(filters) == len(data_actions.EXPORT_TYPES)
    for (_, ext), text in zip(data_actions.EXPORT_TYPES, filters):
        assert text.endswith(f"(*.{ext})")


def test_the_chosen_file_type_sets_layout_and_extension_and_is_remembered(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    filters = data_actions.export_filters()
    drawio = data_actions.EXPORT_TYPES.index(("drawio", "csv"))
    offered: list[tuple[Any, ...]] = []

    def dialog(*args: Any) -> tuple[str, str]:
        offered.append(args)
        return str(tmp_path / "chart"), filters[drawio]

    monkeypatch.setattr(data_actions.QFileDialog, "getSaveFileName", dialog)
    choice = data_actions.ask_export_path(None, "ops.xlsx")  # type: ignore[arg-type]  # no parent needed
    assert choice == data_actions.ExportChoice(tmp_path / "chart.csv", "drawio")
    assert offered[0][-1] == filters[0]  # the first time: orgdesk's own Excel
    data_actions.ask_export_path(None, "ops.xlsx")  # type: ignore[arg-type]  # no parent needed
    assert offered[1][-1] == filters[drawio] and offered[1][2] == "ops.csv"


def test_export_data_writes_the_chosen_peer_layout(
        qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("software_ops_department")
    target = tmp_path / "chart.graphml"
    monkeypatch.setattr(data_actions, "ask_export_path",
                        lambda parent, suggested: data_actions.ExportChoice(target, "yed"))
    window.act["export_data"].trigger()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    assert "<y:ShapeNode>" in target.read_text("utf-8")
