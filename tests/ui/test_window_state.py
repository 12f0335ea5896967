"""The window remembers itself: frame, docks and splitter for the next window, the
chart's zoom per document, new windows cascaded, across two real processes too."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSize
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from orgdesk.ui import window_state
from orgdesk.ui.app import OrgdeskApp
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.preferences import settings


def _chart_ready(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.chart.view.chart_layout() is not None)


def _splitter(window: MainWindow) -> QSplitter:
    splitter = window.centralWidget()
    assert isinstance(splitter, QSplitter)
    return splitter


def test_the_next_window_has_the_last_ones_frame_docks_and_splitter(
        open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    first = open_window()
    first.resize(QSize(760, 560))
    first.docks["history"].show()
    _splitter(first).setSizes([420, 500])
    qtbot.waitUntil(lambda: first.size() == QSize(760, 560))
    sizes = _splitter(first).sizes()
    assert first.close()

    second = open_window()
    assert second.size() == QSize(760, 560)
    assert second.docks["history"].isVisible()
    assert _splitter(second).sizes() == sizes


def test_a_documents_zoom_and_centre_come_back_and_another_document_fits(
        open_window: Callable[..., MainWindow], sample_copy: Callable[..., Path],
        qtbot: QtBot) -> None:
    path = sample_copy("software_ops_department")
    window = open_window(path)
    _chart_ready(qtbot, window)
    window.chart.view.zoom_in()
    window.chart.view.zoom_in()
    zoom = window.chart.view.scale_factor()
    assert window.close()

    again = open_window(path)
    _chart_ready(qtbot, again)
    qtbot.waitUntil(lambda: not again.chart.view.is_fitting())
    assert again.chart.view.scale_factor() == pytest.approx(zoom)

    other = open_window("bank_service_center")
    _chart_ready(qtbot, other)
    assert other.chart.view.is_fitting()


def test_a_document_fitted_again_is_forgotten(open_window: Callable[..., MainWindow],
                                              sample_copy: Callable[..., Path],
                                              qtbot: QtBot) -> None:
    path = sample_copy("software_ops_department")
    window = open_window(path)
    _chart_ready(qtbot, window)
    window.chart.view.zoom_in()
    assert window.close()
    assert window_state.chart_view_of(path) is not None
    again = open_window(path)
    _chart_ready(qtbot, again)
    again.chart.view.zoom_to_fit()
    assert again.close()
    assert window_state.chart_view_of(path) is None


@pytest.mark.parametrize("zoom, centre", [("lots", [1, 2]), (1e9, [0, 0]), ("nan", [0, 0]),
                                          (2.0, "x"), (2.0, [1]), (2.0, ["a", "b"])])
def test_damaged_remembered_values_are_ignored(tmp_path: Path, zoom: object,
                                               centre: object) -> None:
    path = tmp_path / "a.orgdesk"
    window_state.save_chart_view(path, _FakeView(), 2.0)  # a valid entry first
    key = window_state._document_key(path)
    store = settings()
    store.setValue(f"documents/{key}/zoom", zoom)
    store.setValue(f"documents/{key}/centre", centre)
    assert window_state.chart_view_of(path) is None


def test_damaged_frame_settings_leave_the_default_window(
        open_window: Callable[..., MainWindow]) -> None:
    store = settings()
    store.setValue("window/geometry", b"not a geometry")
    store.setValue("window/state", "text")
    store.setValue("window/splitter", 12)
    window = open_window()
    assert window.size() == QSize(1180, 760)


def test_only_the_most_recent_documents_are_kept(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(range(1000))
    monkeypatch.setattr(window_state.time, "time", lambda: float(next(clock)))
    paths = [tmp_path / f"d{i}.orgdesk" for i in range(window_state.KEEP_DOCUMENTS + 5)]
    for path in paths:
        window_state.save_chart_view(path, _FakeView(), 1.5)
    assert [window_state.chart_view_of(p) is not None for p in paths] == \
        [False] * 5 + [True] * window_state.KEEP_DOCUMENTS


def test_new_windows_cascade_instead_of_stacking(orgdesk: OrgdeskApp, qtbot: QtBot) -> None:
    first = orgdesk.new_document()
    second = orgdesk.new_document()
    third = orgdesk.new_document()
    positions = {w.pos().toTuple() for w in (first, second, third)}
    assert len(positions) == 3


class _FakeView:
    """The two calls save_chart_view makes of a view."""

    def viewport(self) -> _FakeView:
        return self

    def rect(self) -> _FakeView:
        return self

    def center(self) -> _FakeView:
        return self

    def mapToScene(self, _point: object) -> QPointF:
        return QPointF(10, 20)


_CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication
    from orgdesk.services import DocumentService
    from orgdesk.storage.document import DocumentFile
    from orgdesk.ui.controller import DocumentController
    from orgdesk.ui.main_window import MainWindow

    app = QApplication([])
    window = MainWindow(DocumentController(DocumentService(DocumentFile.new())))
    window.show()
    app.processEvents()
    if sys.argv[1] == "set":
        window.resize(QSize(770, 550))
        window.docks["history"].show()
        app.processEvents()
    print(window.width(), window.height(), window.docks["history"].isVisible())
    window.close()
""")


def test_two_application_processes_share_the_remembered_window(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "ORGDESK_STATE_DIR": str(tmp_path / "state")}

    def run(mode: str) -> str:
        done = subprocess.run([sys.executable, "-c", _CHILD, mode], env=env, text=True,
                              capture_output=True, timeout=120, check=True)
        return done.stdout.split("\n")[-2]

    assert run("set") == "770 550 True"
    assert run("get") == "770 550 True"
    assert (tmp_path / "orgdesk" / "orgdesk.conf").exists()
