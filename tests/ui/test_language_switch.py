"""Issue 13 defect 7: the interface language changes at once, Qt's own dialogs included,
and no interface text escapes translation.

`untranslated` (tests/ui/untranslated.py) marks every text that went through a
translation; English words outside the marks were written into the interface
directly and could never be shown in Chinese.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMenuBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.ui.app import OrgdeskApp
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import flush_deletes
from tests.ui.untranslated import Marking, untranslated


def menu_titles(window: MainWindow) -> list[str]:
    bar = window.findChild(QMenuBar)
    assert bar is not None
    return [action.text() for action in bar.actions()]


def qt_file_dialog_label() -> str:
    """The “Look in:” label of Qt's own (non-native) file dialog, as it reads now."""
    dialog = QFileDialog(None)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    try:
        label = dialog.findChild(QLabel, "lookInLabel")
        assert label is not None
        return label.text()
    finally:
        dialog.deleteLater()


@pytest.fixture
def english(orgdesk: OrgdeskApp) -> Iterator[OrgdeskApp]:
    orgdesk.set_language("en")
    yield orgdesk
    orgdesk.set_language("en")  # leave no translator behind for the next test


def test_switching_language_retranslates_the_open_window_and_qt_dialogs(
        english: OrgdeskApp, qtbot: QtBot, sample_copy) -> None:
    orgdesk = english
    window = orgdesk.open_path(sample_copy("software_ops_department"))
    assert window is not None
    qtbot.waitExposed(window)
    assert "&File" in menu_titles(window)
    assert "Look in:" in qt_file_dialog_label()
    window.select_position(PositionId(3))
    window.controller.execute("Rename", lambda s: s.edit_position(PositionId(3), title="改名"))

    orgdesk.set_language("zh_CN")
    flush_deletes()
    [chinese] = orgdesk.windows
    assert "文件(&F)" in menu_titles(chinese)
    assert chinese.docks and all(
        not dock.windowTitle().isascii() for dock in chinese.docks.values())
    assert "查找范围" in qt_file_dialog_label()
    # The same document, selection and undo history: nothing was reopened.
    assert chinese.controller is window.controller
    assert chinese.current_id() == PositionId(3)
    chinese.controller.undo_stack.undo()
    assert chinese.controller.org.position(PositionId(3)).title != "改名"
    assert chinese.controller.service.file.path is not None

    orgdesk.set_language("en")
    flush_deletes()
    [back] = orgdesk.windows
    assert "&File" in menu_titles(back)
    assert "Look in:" in qt_file_dialog_label()


def test_no_interface_text_of_the_window_escapes_translation(
        english: OrgdeskApp, qtbot: QtBot, sample_copy) -> None:
    """Every menu, action, dock, panel, tab, header and tooltip of a rebuilt window."""
    marking = Marking()
    QCoreApplication.installTranslator(marking)
    try:
        window = english.open_path(sample_copy("software_ops_department"))
        assert window is not None
        window.select_position(PositionId(4))
        window.act["analysis"].trigger()  # the Analysis dock is built when first shown
        qtbot.waitUntil(lambda: any(d.isVisible() and "Analysis" in d.windowTitle()
                                    for d in window.findChildren(QDockWidget)), timeout=5000)
        QApplication.processEvents()
        assert untranslated(window) == []
    finally:
        QCoreApplication.removeTranslator(marking)


def test_a_restarted_orgdesk_keeps_the_chosen_language(english: OrgdeskApp, qtbot: QtBot,
                                                       tmp_path: Path) -> None:
    from orgdesk.ui.app import language_setting

    english.set_language("zh_CN")
    assert language_setting() == "zh_CN"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："


class _Recorder(QTranslator):
    """Installed first, so asked last: records what no other catalogue answered."""

    def __init__(self) -> None:
        super().__init__()
        self.unanswered: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if context.startswith("Q") and source:
            self.unanswered.add((context, source))
        return ""

    def isEmpty(self) -> bool:
        return False


#: Asked by Qt but never shown as words: a layout direction, key names, an ellipsis.
NOT_WORDS = {("QGuiApplication", "QT_LAYOUT_DIRECTION"), ("QShortcut", "Control"),
             ("QShortcut", "Keyboard"), ("QPrintWidget", "...")}


def test_every_text_of_qts_own_dialogs_has_a_chinese_catalogue(qapp: QApplication) -> None:
    """What Qt's zh_CN catalogue lacks for the dialogs orgdesk uses is in orgdesk's."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
    from PySide6.QtWidgets import QColorDialog, QInputDialog, QLineEdit, QMessageBox

    from orgdesk.ui.qt_texts import QT_OWN_TEXTS

    recorder = _Recorder()
    qt = QTranslator()
    assert qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qapp.installTranslator(recorder)
    qapp.installTranslator(qt)
    widgets: list[QWidget] = []
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            files = QFileDialog(None, "", str(Path.home()), "A (*.a);;B (*.b)")
            files.setOption(QFileDialog.Option.DontUseNativeDialog)
            files.setAcceptMode(mode)
            widgets.append(files)
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                               | QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel
                               | QMessageBox.StandardButton.Ok)
        colours = QColorDialog()
        colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        edit = QLineEdit()
        widgets += [box, colours, QInputDialog(), QPrintDialog(), QPrintPreviewDialog(), edit]
        for widget in widgets:
            widget.show()
        widgets.append(edit.createStandardContextMenu())  # its texts are asked for when made
        QApplication.processEvents()
        missing = recorder.unanswered - NOT_WORDS - set(QT_OWN_TEXTS)
        assert not missing, sorted(missing)
    finally:
        for widget in widgets:
            widget.close()
            widget.deleteLater()
        qapp.removeTranslator(qt)
        qapp.removeTranslator(recorder)
        flush_deletes()
