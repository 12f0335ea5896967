"""Issue 13 defect 10: the import dialog's path field takes a pasted path; its mapping is readable."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from orgdesk.io.interchange import export_to
from orgdesk.samples import template_organisation
from orgdesk.ui.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportDialog:
    widget = ImportDialog()
    qtbot.addWidget(widget)
    widget.resize(1366 - 100, 768 - 100)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("form", ["plain", "quoted", "url"])
def test_a_pasted_path_opens_the_file(dialog: ImportDialog, qtbot: QtBot, form: str) -> None:
    source = FIXTURES / "visio_orgchart.csv"
    text = {"plain": str(source), "quoted": f"'{source}'",
            "url": QUrl.fromLocalFile(str(source)).toString()}[form]
    QGuiApplication.clipboard().setText(text)
    dialog.file_edit.setFocus()
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        QTest.keyClick(dialog.file_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.path == source
    assert dialog.mapping.rowCount() > 0


def test_a_typed_path_that_names_no_file_says_so(dialog: ImportDialog, qtbot: QtBot,
                                                 tmp_path: Path) -> None:
    dialog.file_edit.setFocus()
    QTest.keyClicks(dialog.file_edit, str(tmp_path / "nothing.csv"))
    QTest.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    assert dialog.path is None
    assert "nothing.csv" in dialog.problems.item(0, 1).text()


def _visible_whole(dialog: ImportDialog) -> None:
    table = dialog.mapping
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        name = table.item(row, 0).text()
        assert metrics.horizontalAdvance(name) <= header.sectionSize(0), name
        combo = table.cellWidget(row, 2)
        if isinstance(combo, QComboBox):
            assert combo.isEnabled()
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                 QStyle.SubControl.SC_ComboBoxEditField, combo)
            shown = combo.fontMetrics().horizontalAdvance(combo.currentText())
            assert shown <= field.width(), combo.currentText()
        else:
            text = table.item(row, 2).text()
            assert metrics.horizontalAdvance(text) <= header.sectionSize(2), text
    # Both columns lie inside the visible part of the table: nothing cut off at the right.
    assert header.sectionViewportPosition(2) + header.sectionSize(2) <= viewport
    assert header.sectionViewportPosition(0) >= 0


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    """The interface in English, or in Chinese with orgdesk's and Qt's catalogues."""
    from orgdesk.ui.app import install_translators
    from orgdesk.ui.preferences import settings

    settings().setValue("language", request.param)
    install_translators(qapp)
    yield request.param
    settings().setValue("language", "en")
    install_translators(qapp)


def test_the_mapping_table_shows_column_names_and_choices_whole(
        language: str, qtbot: QtBot) -> None:
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.resize(1366 - 100, 768 - 100)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.open_source(FIXTURES / "visio_orgchart.csv")
    if language == "zh_CN":
        assert dialog.mapping.cellWidget(4, 2).currentText() == "（存入备注）"
    assert dialog.mapping.isEnabled() and not dialog.mapping_locked()
    _visible_whole(dialog)


def test_an_own_export_shows_its_locked_mapping_readable(dialog: ImportDialog, qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "back.json"
    export_to(template_organisation("tax_invoice_call_center"), path)
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.open_source(path)
    assert dialog.mapping.isEnabled() and dialog.mapping_locked()
    _visible_whole(dialog)
