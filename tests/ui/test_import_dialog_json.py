"""The import dialog offers a mapping table for peer tools' JSON, as it does for tables."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from orgdesk.ui.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures" / "json"


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportDialog:
    widget = ImportDialog()
    qtbot.addWidget(widget)
    return widget


def field_of(dialog: ImportDialog, header: str) -> str:
    for row in range(dialog.mapping.rowCount()):
        if dialog.mapping.item(row, 0).text() == header:
            combo = dialog.mapping.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            return combo.currentData()
    raise KeyError(header)


def test_peer_json_gets_an_editable_mapping(dialog: ImportDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.open_source(FIXTURES / "yfiles.json")
    assert dialog.mapping.isEnabled()
    assert field_of(dialog, "tag.position") == "title"
    assert field_of(dialog, "parent (edges)") == "superior"
    assert dialog.mapping.item(2, 1).text() == "Service Desk Manager"
    result = dialog.check_result
    assert result is not None and result.organisation is not None
    assert [p.title for p in result.organisation.roots()] == ["Service Desk Manager"]
    dialog.set_field("tag.name", "title")
    qtbot.waitUntil(lambda: not dialog.is_checking() and not dialog._timer.isActive(),
                    timeout=20_000)
    result = dialog.check_result
    assert result is not None and result.organisation is not None
    assert [p.title for p in result.organisation.roots()] == ["Priya Nair"]


def test_problems_of_peer_json_are_placed_by_entry(dialog: ImportDialog, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text('[{"id": 1, "title": "经理"}, {"id": 2, "pid": 1, "title": ""}]', "utf-8")
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.open_source(source)
    table = dialog.problems
    places = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert places == ["Entry 2"]
    assert not dialog.import_button.isEnabled()
