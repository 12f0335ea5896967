"""Fixtures of the editor-window tests: isolated settings, sample copies, windows.

Every window a test opens is closed at teardown with the unsaved-changes
question answered "discard", so each document's working copy and lock are
released before the application goes away; no modal dialog can stay open
because every question goes through `orgdesk.ui.dialogs`, which the tests
replace.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.paths import sample_orgs_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui import dialogs
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.main_window import MainWindow

_FORMATS = (QSettings.Format.IniFormat, QSettings.Format.NativeFormat)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """QSettings of this test live in its own folder, never the user's."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    # NativeFormat too: on Unix it is an INI file, and QSettings(org, app)
    # always uses it, whatever the default format says.
    for fmt in _FORMATS:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question no test expected fails the test instead of blocking on a modal box."""
    def unexpected(name: str) -> Callable[..., object]:
        def ask(*args: object, **kwargs: object) -> object:
            raise AssertionError(f"unexpected dialog dialogs.{name}{args[1:]!r}")
        return ask
    for name in ("show_error", "show_info", "ask_recover", "ask_save_changes",
                 "ask_delete_mode", "ask_open_path", "ask_save_path", "choose_template"):
        monkeypatch.setattr(dialogs, name, unexpected(name))


@pytest.fixture
def sample_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a bundled sample organisation into this test's folder."""
    def copy(slug: str, name: str | None = None) -> Path:
        target = tmp_path / (name or f"{slug}.orgdesk")
        shutil.copyfile(sample_orgs_dir() / f"{slug}.orgdesk", target)
        return target
    return copy


def close_window(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Close a window for good, discarding unsaved changes."""
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    if window.isVisible():
        assert window.close(), "a window refused to close at teardown"
    window.deleteLater()


@pytest.fixture
def open_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, sample_copy: Callable[..., Path]
                ) -> Iterator[Callable[..., MainWindow]]:
    """Open a sample (or a path) in a shown MainWindow without an application object."""
    windows: list[MainWindow] = []

    def open_(source: str | Path = "software_ops_department") -> MainWindow:
        path = source if isinstance(source, Path) else sample_copy(source)
        service = DocumentService(DocumentFile.open(path))
        window = MainWindow(DocumentController(service))
        windows.append(window)
        show(qtbot, window)
        return window

    yield open_
    for window in windows:
        close_window(window, monkeypatch)
    flush_deletes()


def show(qtbot: QtBot, window: MainWindow) -> None:
    """Show a window and make it the active one (keyboard shortcuts need that)."""
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def flush_deletes() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)



# ------------------------------------------------------------------ helpers
def pid(window: MainWindow, title: str, nth: int = 0) -> PositionId:
    """The id of the `nth` position (tree order) called `title`."""
    found = [p.id for p in window.controller.org.positions() if p.title == title]
    assert len(found) > nth, f"no position {title!r} #{nth}: {found}"
    return found[nth]


def titles_under(window: MainWindow, superior: PositionId | None) -> list[str]:
    return [p.title for p in window.controller.org.direct_reports(superior)]


def current_title(window: MainWindow) -> str | None:
    current = window.current_id()
    return None if current is None else window.controller.org.position(current).title


def tree_rows(window: MainWindow) -> list[str]:
    """What the tree shows, depth-first, indented by level, expanded rows only."""
    model = window.model
    rows: list[str] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append("  " * depth + str(index.data()))
            if window.tree.isExpanded(index):
                walk(index, depth + 1)
    walk(QModelIndex(), 0)
    return rows


def on_disk(window: MainWindow) -> tuple[object, ...]:
    """The snapshot of what the working copy on disk holds."""
    return window.controller.service.file.load().snapshot()
