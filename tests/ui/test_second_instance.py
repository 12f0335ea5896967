"""Issue 13 defect 10: a document open in one orgdesk is shown there, never opened twice.

Two real orgdesk processes: the second, started only to open a document the
first has open, asks the first to bring its window forward and exits; it
leaves no untitled window (nor working copy) behind.  File → Open of a table
or chart offers to import it (the real import dialog).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from orgdesk.paths import sample_orgs_dir
from orgdesk.storage.session import session_owner, sessions_dir
from orgdesk.ui import app as app_module
from orgdesk.ui.app import OrgdeskApp
from orgdesk.ui.import_dialog import ImportDialog
from orgdesk.ui.instances import InstanceServer, forward_open
from orgdesk.ui.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"


def _orgdesk(path: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               HOME=str(tmp_path / "home"))
    return subprocess.Popen([sys.executable, "-m", "orgdesk", str(path)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def first(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    document = tmp_path / "centre.orgdesk"
    shutil.copyfile(sample_orgs_dir() / "software_ops_department.orgdesk", document)
    proc = _orgdesk(document, tmp_path)
    try:
        deadline = time.monotonic() + 60
        while session_owner(document) != proc.pid:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "the first orgdesk never opened the document"
            time.sleep(0.05)
        yield proc, document
    finally:
        proc.kill()
        proc.communicate()


def test_a_second_orgdesk_shows_the_document_in_the_first_and_exits(
        first: tuple[subprocess.Popen[bytes], Path], tmp_path: Path) -> None:
    proc, document = first
    second = _orgdesk(document, tmp_path)
    try:
        out, err = second.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        second.kill()
        second.communicate()
        pytest.fail("the second orgdesk kept running (an untitled window or a message box)")
    assert second.returncode == 0, err.decode()
    assert "centre.orgdesk" in out.decode() and "brought forward" in out.decode()
    assert proc.poll() is None  # the first one still has it open
    assert session_owner(document) == proc.pid
    # Nothing opened twice, no untitled working copy left by the second process.
    assert len(list(sessions_dir().iterdir())) == 1


def test_the_server_brings_forward_the_window_of_an_open_document(
        orgdesk: OrgdeskApp, qtbot: QtBot, sample_copy, monkeypatch: pytest.MonkeyPatch) -> None:
    """In one process: the answering side raises the window and says so; a document it
    does not have open is refused (the asking orgdesk then says "in use" as before)."""
    path = sample_copy("software_ops_department")
    window = orgdesk.open_path(path)
    assert window is not None
    raised: list[object] = []
    monkeypatch.setattr(app_module, "bring_forward", raised.append)
    assert orgdesk.show_open_document(path)
    assert raised == [window]
    assert not orgdesk.show_open_document(path.with_name("other.orgdesk"))
    server = InstanceServer(lambda p: p == path)
    assert server.listening
    assert not forward_open(os.getpid(), path)  # never to itself


def _import_when_ready(qtbot: QtBot) -> None:
    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportDialog) and dialog.import_button.isEnabled():
            dialog.import_button.click()
        else:
            QTimer.singleShot(50, step)
    QTimer.singleShot(0, step)


@pytest.mark.parametrize("name", ["visio_orgchart.csv", "chinese.xlsx",
                                  "yed_orgchart.graphml"])
def test_open_of_a_table_or_chart_offers_to_import_it(
        orgdesk: OrgdeskApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    asked: list[str] = []
    monkeypatch.setattr(app_module, "ask_import_instead",
                        lambda parent, file: asked.append(file) or True)
    _import_when_ready(qtbot)
    window = orgdesk.open_path(FIXTURES / name)
    assert asked == [name]
    assert window is not None and len(window.controller.org) > 1
    assert window.controller.service.file.path is None  # a new document, ready for Save As


def test_declining_the_import_opens_nothing(orgdesk: OrgdeskApp,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "ask_import_instead", lambda parent, file: False)
    assert orgdesk.open_path(FIXTURES / "visio_orgchart.csv") is None
    assert orgdesk.windows == []


def _drop(window: MainWindow, *paths: Path) -> bool:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    if enter.isAccepted():
        window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    return enter.isAccepted()


def test_a_table_dropped_on_the_window_goes_to_the_import_dialog(
        orgdesk: OrgdeskApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = orgdesk.new_document()
    asked: list[str] = []
    monkeypatch.setattr(app_module, "ask_import_instead",  # a drop needs no second question
                        lambda parent, file: asked.append(file) or True)
    _import_when_ready(qtbot)
    assert _drop(window, FIXTURES / "visio_orgchart.csv")
    assert asked == []
    imported = [w for w in orgdesk.windows if len(w.controller.org) > 1]
    assert len(imported) == 1 and imported[0].controller.service.file.path is None


def test_a_dropped_file_orgdesk_cannot_read_is_refused_at_the_door(
        orgdesk: OrgdeskApp, tmp_path: Path) -> None:
    window = orgdesk.new_document()
    picture = tmp_path / "chart.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert not _drop(window, picture, tmp_path / "missing.csv")
    assert orgdesk.windows == [window]
