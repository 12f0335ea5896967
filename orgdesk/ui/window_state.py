"""The editor window remembers itself: geometry, maximised state, docks, splitter and
the chart's zoom per document (QSettings, through orgdesk.ui.preferences).

The window's frame and docks are one user choice (the last window closed
wins), kept under `window/`.  The chart's zoom and scroll position belong to a
document, kept under `documents/<key>/` for the last `KEEP_DOCUMENTS` documents,
keyed by a digest of the file's absolute path (so no path is written twice,
and a name with any character is a valid key).  A new window opened while
another is on screen is cascaded from it instead of covering it exactly.
"""
from __future__ import annotations

import hashlib
import math
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QPointF, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGraphicsView, QMainWindow, QSplitter

from orgdesk.ui.preferences import settings

#: Bumped when the set of docks changes, so Qt never restores a stale dock layout.
STATE_VERSION = 1
#: Documents whose chart view is remembered (the oldest are forgotten first).
KEEP_DOCUMENTS = 50
#: How far a new window is moved from the one it would otherwise cover exactly.
CASCADE = 32
#: Zoom factors outside this range are not restored (a damaged settings file).
ZOOM_RANGE = (0.01, 20.0)


def save_window(window: QMainWindow, splitter: QSplitter | None) -> None:
    """Remember `window`'s frame, its docks and its central splitter."""
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState(STATE_VERSION))
    if splitter is not None:
        store.setValue("window/splitter", splitter.saveState())


def restore_window(window: QMainWindow, splitter: QSplitter | None) -> bool:
    """Give `window` the frame, docks and splitter last remembered; False if none was."""
    store = settings()
    geometry = store.value("window/geometry")
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    state = store.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state, STATE_VERSION)
    sizes = store.value("window/splitter")
    if splitter is not None and isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)
    return bool(restored)


def cascade(window: QMainWindow, others: list[QMainWindow]) -> None:
    """Move `window` down and right while it would sit exactly on another visible window,
    keeping it on the screen it is on."""
    taken = {other.pos().toTuple() for other in others
             if other is not window and other.isVisible()}
    if not taken:
        return
    position = window.pos()
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    steps = 0
    while position.toTuple() in taken and steps < 100:
        position = QPoint(position.x() + CASCADE, position.y() + CASCADE)
        if area is not None and (position.x() + min(window.width(), area.width()) > area.right()
                                 or position.y() + 80 > area.bottom()):
            position = QPoint(area.left() + CASCADE * (steps % 8), area.top())
        steps += 1
    window.move(position)


def _document_key(path: Path) -> str:
    text = str(Path(path).absolute())
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def save_chart_view(path: Path | None, view: QGraphicsView, zoom: float | None) -> None:
    """Remember the chart's zoom and the scene point at its centre for the document at
    `path`; with `zoom` None (the chart fits the window) forget it, so it fits next time."""
    if path is None:
        return
    store = settings()
    key = _document_key(path)
    if zoom is None:
        store.remove(f"documents/{key}")
        return
    centre = view.mapToScene(view.viewport().rect().center())
    store.setValue(f"documents/{key}/zoom", float(zoom))
    store.setValue(f"documents/{key}/centre", [float(centre.x()), float(centre.y())])
    store.setValue(f"documents/{key}/used", time.time())
    _forget_oldest(store)


def chart_view_of(path: Path | None) -> tuple[float, QPointF] | None:
    """The remembered zoom and centre of the document at `path`, if any (and sane)."""
    if path is None:
        return None
    store = settings()
    key = _document_key(path)
    zoom_value, centre = store.value(f"documents/{key}/zoom"), store.value(f"documents/{key}/centre")
    if not isinstance(centre, list) or len(centre) != 2:
        return None
    try:  # QSettings's INI files give numbers back as text
        zoom = float(zoom_value)
        x, y = float(centre[0]), float(centre[1])
    except (TypeError, ValueError):
        return None
    if not all(map(math.isfinite, (zoom, x, y))):
        return None
    if not ZOOM_RANGE[0] <= zoom <= ZOOM_RANGE[1]:
        return None
    return zoom, QPointF(x, y)


def _forget_oldest(store: QSettings) -> None:
    store.beginGroup("documents")
    keys = store.childGroups()
    store.endGroup()
    if len(keys) <= KEEP_DOCUMENTS:
        return

    def used(key: str) -> float:
        try:
            return float(store.value(f"documents/{key}/used", 0.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0.0

    for key in sorted(keys, key=used)[:len(keys) - KEEP_DOCUMENTS]:
        store.remove(f"documents/{key}")
