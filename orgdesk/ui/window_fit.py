"""Room for what the window shows: the tree as wide as its rows, the Overview panel
as tall as its fields.

At the default size (and on a 1366×768 screen) the splitter's fixed share cut
long titles deep in the tree, and the Overview dock had half the right-hand
side, so its fields scrolled.  Both are fitted when the window first shows and
again when it is resized or the tree opens rows; only ever widened or heightened
up to a cap, so the chart and the other panels keep their room.  Rows the tree
newly shows (a branch opened, rows inserted or moved by an edit) are measured
alone: measuring every open row of a 10,000-position tree took 0.1-0.2 s, after
every edit and every change of the current row.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QStyle, QTreeView

#: The editor window (orgdesk.ui.main_window.MainWindow), not imported: it imports this
#: module, and the import graph stays free of cycles.
MainWindow = Any

#: The tree takes at most this share of the splitter's width.
TREE_SHARE = 0.45
#: The panels' docks are narrowed for the tree down to this width at most.
PANELS_MIN_WIDTH = 380
#: The panels tabbed below the Overview keep at least this height.
LOWER_PANELS_MIN = 120
#: Rows an edit shows are measured once the edit is on the screen and the user
#: pauses (ms), like the chart's rebuild: a pasted branch took ~10 ms to measure,
#: a fifth of a structural edit's time on 10,000 positions.  Successive edits are
#: measured together.
ROWS_FIT_DELAY_MS = 120


def _widest(tree: QTreeView, shown: Iterable[QPersistentModelIndex]) -> int:
    """The width the rows `shown` and the open rows under them need, indentation
    included (as QTreeView.sizeHintForColumn counts it, for these rows alone)."""
    indent = tree.indentation()
    model = tree.model()
    widest = 0
    # A pasted branch opens level by level: each row once (a row is known by its
    # parent's internal id and its row: siblings share the internal id).
    measured: set[tuple[int, int]] = set()
    for start in shown:
        if not start.isValid() or (start.internalId(), start.row()) in measured:
            continue
        top = model.index(start.row(), 0, start.parent())
        level, above = 0, top.parent()
        while above.isValid():
            level, above = level + 1, above.parent()
        stack = [(top, level)]
        while stack:
            index, level = stack.pop()
            key = (index.internalId(), index.row())
            if key in measured:
                continue
            measured.add(key)
            if not tree.isRowHidden(index.row(), index.parent()):
                widest = max(widest, tree.sizeHintForIndex(index).width()
                             + indent * (level + int(tree.rootIsDecorated())))
            if tree.isExpanded(index):
                stack.extend((model.index(row, 0, index), level + 1)
                             for row in range(model.rowCount(index)))
    return widest


def fit_tree(window: MainWindow, shown: Iterable[QPersistentModelIndex] | None = None) -> None:
    """Widen the tree (never narrow it) so that its open rows show their whole text;
    `shown`: only these rows (and the open rows under them) are new to the view."""
    splitter = window.centralWidget()
    if not isinstance(splitter, QSplitter) or splitter.count() < 2:
        return
    tree = window.tree
    sizes = splitter.sizes()
    total = sum(sizes)
    if total <= 0:
        return
    scrollbar = (tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
                 if tree.verticalScrollBar().isVisible() else 0)
    # The widest open row, its indentation included.
    widest = tree.sizeHintForColumn(0) if shown is None else _widest(tree, shown)
    needed = widest + 2 * tree.frameWidth() + scrollbar + 2
    if needed <= sizes[0]:
        return
    if needed > int(total * TREE_SHARE) and _narrow_panels(window):
        sizes = splitter.sizes()
        total = sum(sizes)
    wanted = min(needed, int(total * TREE_SHARE))
    if wanted > sizes[0]:
        splitter.setSizes([wanted, total - wanted, *sizes[2:]][:len(sizes)])


def _narrow_panels(window: MainWindow) -> bool:
    """Narrow the panels' docks to what their panels need (not below PANELS_MIN_WIDTH),
    giving the centre the rest; True when they were wider."""
    docks = [dock for dock in window.docks.values()
             if dock.isVisible() and not dock.isFloating()
             and window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea]
    if not docks:
        return False
    panels = (window.overview, window.duties, window.requirements, window.reports, window.kpis)
    needed = max(PANELS_MIN_WIDTH, *(panel.minimumSizeHint().width() + 24 for panel in panels))
    if docks[0].width() <= needed:
        return False
    window.resizeDocks(docks, [needed] * len(docks), Qt.Orientation.Horizontal)
    return True


def fit_overview(window: MainWindow) -> None:
    """Give the Overview dock the height its fields need (the panel below keeps
    LOWER_PANELS_MIN), so that it shows them without scrolling."""
    overview = window.docks.get("overviewPanel")
    below = window.docks.get("dutiesPanel")
    if overview is None or below is None or overview.isFloating() or below.isFloating():
        return
    scroll = overview.widget()
    viewport = getattr(scroll, "viewport", None)
    if viewport is None:
        return
    missing = window.overview.minimumSizeHint().height() - viewport().height()
    if missing <= 0:
        return
    total = overview.height() + below.height()
    # The Overview comes first; the duties below keep a few rows (their list scrolls).
    height = min(overview.height() + missing + 2, total - LOWER_PANELS_MIN)
    if height > overview.height():
        window.resizeDocks([overview, below], [height, total - height],
                           Qt.Orientation.Vertical)


class _Refit(QObject):
    """Fits again after the window is resized (once the layout has settled)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        #: Rows newly shown since the last fit (measured alone), or every row.
        self._shown: list[QPersistentModelIndex] = []
        self._all_rows = True
        window.installEventFilter(self)
        tree = window.tree
        tree.expanded.connect(lambda index: self._show(index))
        # Rows an edit inserts or moves (a pasted branch, a longer title deeper down).
        model = tree.model()
        model.rowsInserted.connect(lambda parent, first, last: self._show_rows(
            parent, first, last))
        model.rowsMoved.connect(lambda _parent, first, last, target, row: self._show_rows(
            target, row, row + last - first))
        model.modelReset.connect(self._show_all)
        # Another position's fields may need more height (a longer note wraps); the
        # tree's rows stay as they are.
        tree.selectionModel().currentChanged.connect(lambda *_: self._soon())
        # Expand All and Expand to Level open rows without the `expanded` signal.
        for action in window.findChildren(QAction):
            if action.objectName().startswith(("actionExpandAll", "actionExpandLevel")):
                action.triggered.connect(lambda _checked=False: self._show_all())

    def _show(self, index: QModelIndex) -> None:
        self._shown.append(QPersistentModelIndex(index))
        self._later()

    def _soon(self) -> None:
        """Fit at the next turn of the event loop, unless a fit is already due."""
        if not self._timer.isActive():
            self._timer.start(0)

    def _later(self) -> None:
        """Fit once the rows are on the screen (see ROWS_FIT_DELAY_MS)."""
        if not self._timer.isActive():
            self._timer.start(ROWS_FIT_DELAY_MS)

    def _show_rows(self, parent: QModelIndex, first: int, last: int) -> None:
        tree = self._window.tree
        if parent.isValid() and not tree.isExpanded(parent):
            return  # out of sight until opened, and measured then
        model = tree.model()
        self._shown.extend(QPersistentModelIndex(model.index(row, 0, parent))
                           for row in range(first, last + 1))
        self._later()

    def _show_all(self) -> None:
        self._all_rows = True
        self._timer.start(0)

    def fit(self) -> None:
        shown, self._shown = self._shown, []
        if self._all_rows:
            self._all_rows = False
            fit_tree(self._window)
        elif shown:
            fit_tree(self._window, shown)
        fit_overview(self._window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._show_all()
        return False


def install(window: MainWindow) -> None:
    """Fit the tree and the Overview now and whenever the window or the tree changes size."""
    _Refit(window)
