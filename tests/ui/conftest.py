"""Fixtures of the editor-window tests: isolated settings, sample copies, windows.

Every window a test opens is closed at teardown with the unsaved-changes
question answered "discard", so each document's working copy and lock are
released before the application goes away; no modal dialog can stay open
because every question goes through `orgdesk.ui.dialogs`, which the tests
replace.
"""
from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.paths import sample_orgs_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui import dialogs
from orgdesk.ui.app import OrgdeskApp
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
def empty_clipboard(qapp: QApplication) -> Iterator[None]:
    """Start and end each test with an empty clipboard.

    The offscreen platform keeps clipboard data in a C++ global destroyed after
    Python has shut down; a QMimeData made in Python (Copy) still held there
    crashes the process at exit.  Clearing it at teardown deletes it in time.
    """
    QApplication.clipboard().clear()
    yield
    QApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question no test expected fails the test instead of blocking on a modal box."""
    def unexpected(name: str) -> Callable[..., object]:
        def ask(*args: object, **kwargs: object) -> object:
            raise AssertionError(f"unexpected dialog dialogs.{name}{args[1:]!r}")
        return ask
    for name in ("show_error", "show_info", "ask_recover", "ask_save_changes",
                 "ask_delete_mode", "ask_open_path", "ask_save_path", "choose_template",
                 "ask_changed_on_disk"):
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

    def open_(source: str | Path | None = "software_ops_department") -> MainWindow:
        """A sample by slug, a file by path, or a new blank document for None."""
        if source is None:
            file = DocumentFile.new()
        else:
            file = DocumentFile.open(source if isinstance(source, Path) else sample_copy(source))
        service = DocumentService(file)
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


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key, as a keyboard or input method would (Chinese included)."""
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                           Qt.KeyboardModifier.NoModifier)


def undo_texts(window: MainWindow) -> list[str]:
    stack = window.controller.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def click_row(window: MainWindow, position: PositionId) -> None:
    """Click a position's row in the tree, as the user would."""
    index = window.model.index_of(position)
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    assert rect.isValid(), "the row is not visible"
    QTest.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())


def double_click(widget: QWidget, pos: QPoint) -> None:
    """Press, release, double-click: the event sequence a real double-click gives
    (QTest.mouseDClick alone sends only the double-click, which item views ignore)."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def wait_for(condition: Callable[[], object], timeout: float = 2.0) -> bool:
    """Process events until `condition()` holds; False after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(0.005)
    return True


@pytest.fixture
def orgdesk(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[OrgdeskApp]:
    """The application object; every window it still has is closed at teardown."""
    application = OrgdeskApp()
    yield application
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    for window in list(application.windows):
        assert window.close()
        window.deleteLater()
    assert application.windows == []
    flush_deletes()


#: Background columns at least between a menu button's text and its arrow.
MIN_GAP_PX = 4


def text_to_arrow_gap(button: QWidget) -> int:
    """Background columns between a menu button's text and its menu arrow, as painted
    (the frame's rows and columns left out); the arrow is the rightmost ink."""
    image = button.grab().toImage()
    width, height = image.width(), image.height()
    inked = [any(image.pixelColor(x, y).lightness() < 150 for y in range(3, height - 3))
             for x in range(3, width - 3)]
    right = max(i for i, ink in enumerate(inked) if ink)  # the arrow's right edge
    arrow_left = right
    while arrow_left > 0 and inked[arrow_left - 1]:
        arrow_left -= 1
    gap = arrow_left
    while gap > 0 and not inked[gap - 1]:
        gap -= 1
    assert gap > 0, "no text found left of the arrow"
    return arrow_left - gap
