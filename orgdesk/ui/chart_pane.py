"""The chart beside the tree: wiring between the ChartView and the document.

The pane talks to its window only through signals: a box picked
(`position_selected`), a box to rename (`rename_requested`), a box dropped on
another (`move_requested`, the same move the tree asks for: Shift moves the
position alone, its reports moving up).  The chart's
orientation, detail and per-position arrangement are document settings
(undoable, saved with the file); collapsing is view state.  Rebuilding a
large chart is deferred a moment so a burst of typing rebuilds it once.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.layout import Detail
from orgdesk.ui.chart_view import ChartView
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.fonts import cjk_family
from orgdesk.ui.i18n import tr

CHART_SETTING = "chart"
ARRANGEMENTS = ("horizontal", "vertical", "two_columns")
#: Above this many positions the chart opens with its deeper levels collapsed.
LARGE_CHART = 300
#: Levels a large chart opens with, and the most boxes it opens with: a chart of
#: 100,000 reports under one position, or 100,000 levels, opens in a moment with
#: its deeper levels collapsed (each can be expanded, one level at a time).
OPENING_LEVELS = 3
OPENING_BOXES = 2000


def opening_collapsed(org: Organisation) -> set[PositionId]:
    """Positions whose reports are hidden when a document opens.

    A small organisation shows everything.  A large one shows whole levels, at
    most `OPENING_LEVELS` of them, while they hold at most `OPENING_BOXES`
    boxes (the roots always show); positions on the last shown level that have
    reports start collapsed.
    """
    if len(org) <= LARGE_CHART:
        return set()
    levels = org.levels()
    per_level = Counter(levels.values())
    shown_levels, boxes = 1, per_level[1]
    while shown_levels < OPENING_LEVELS and boxes + per_level[shown_levels + 1] <= OPENING_BOXES \
            and per_level[shown_levels + 1]:
        shown_levels += 1
        boxes += per_level[shown_levels]
    return {pid for pid, level in levels.items()
            if level >= shown_levels and org.report_count(pid)}
REFRESH_DELAY_MS = 250


class ChartPane(QObject):
    """Keeps one ChartView in step with one document."""

    # Ids are objects, not Signal(int): that is a 32-bit C++ int and ids reach 2⁶³−1.
    #: The user picked a box.
    position_selected = Signal(object)
    #: The user double-clicked a box to rename it.
    rename_requested = Signal(object)
    #: (position, new superior or None, index or None, with its reports)
    move_requested = Signal(object, object, object, bool)
    #: The window's current position changed (the arrange menu follows it).
    position_changed = Signal()

    def __init__(self, controller: DocumentController, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.view = ChartView(parent, cjk_family())
        self._current: PositionId | None = None
        self._syncing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.view.position_selected.connect(self._chart_selected)
        self.view.position_activated.connect(self._chart_activated)
        self.view.reparent_requested.connect(self._chart_reparent)
        self.controller.changed.connect(self._document_changed)
        self._apply_settings()
        self.view.set_collapsed(opening_collapsed(self.controller.org))

    # -------------------------------------------------------------- settings
    def settings(self) -> dict[str, Any]:
        value = self.controller.org.settings.get(CHART_SETTING)
        return dict(value) if isinstance(value, dict) else {}

    def _apply_settings(self) -> None:
        # Settings come from a file that may have been edited by hand: anything
        # unexpected falls back to the default rather than failing.
        settings = self.settings()
        orientation = settings.get("orientation")
        try:
            detail = Detail(int(settings.get("detail", Detail.SUMMARY)))
        except (TypeError, ValueError):
            detail = Detail.SUMMARY
        overrides = settings.get("overrides")
        self.view.configure(
            orientation if orientation in ("tb", "lr") else "tb", detail,
            {PositionId(int(pid)): mode for pid, mode in
             (overrides.items() if isinstance(overrides, dict) else ())
             if str(pid).isdigit() and mode in ("horizontal", "vertical", "two_columns")},
            settings.get("rollup") is True)

    def change_setting(self, text: str, **values: Any) -> None:
        settings = self.settings()
        for key, value in values.items():
            if value is None:
                settings.pop(key, None)
            else:
                settings[key] = value
        self.controller.execute(text, lambda s: s.set_setting(CHART_SETTING, settings or None))

    def arrangement_of(self, pid: PositionId) -> str | None:
        """The arrangement chosen for `pid`'s reports; None: automatic."""
        overrides = self.settings().get("overrides")
        mode = overrides.get(str(int(pid))) if isinstance(overrides, dict) else None
        return mode if mode in ARRANGEMENTS else None

    def can_arrange(self, pid: PositionId | None) -> bool:
        """Whether arranging `pid`'s reports can change anything: two of them at least."""
        return pid is not None and pid in self.controller.org and sum(
            1 for r in self.controller.org.direct_reports(pid)
            if r.kind is not PositionKind.STAFF) >= 2

    def set_arrangement(self, pid: PositionId, mode: str | None) -> bool:
        """Arrange `pid`'s reports (None: automatic) as one undo step; False when that
        changes nothing (the same choice again, or too few reports), and no step is added.
        A choice left from when there were more reports can always go back to automatic."""
        if mode == self.arrangement_of(pid) or (mode is not None and not self.can_arrange(pid)):
            return False
        overrides = dict(self.settings().get("overrides", {}))
        if mode is None:
            overrides.pop(str(int(pid)), None)
        else:
            overrides[str(int(pid))] = mode
        title = self.controller.org.position(pid).title
        self.change_setting(tr("ChartPane", "Arrange the reports of {title}", title=title),
                            overrides=overrides or None)
        return True

    def fill_arrange_menu(self, menu: QMenu, current: Callable[[], PositionId | None]) -> None:
        """The arrangements as exclusive checkable actions; each time the menu opens it
        shows the current position's choice (disabled when it has too few reports)."""
        group = QActionGroup(menu)
        group.setExclusive(True)
        actions: dict[str | None, QAction] = {}
        for mode, text in ((None, tr("MainWindow", "Automatic")),
                           ("horizontal", tr("MainWindow", "Side by side")),
                           ("vertical", tr("MainWindow", "Stacked")),
                           ("two_columns", tr("MainWindow", "Two columns"))):
            action = menu.addAction(text)
            action.setObjectName(f"actionArrange_{mode or 'auto'}")
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, m=mode: self._arrange_current(current(), m))
            actions[mode] = action

        def sync() -> None:
            pid = current()
            chosen = self.arrangement_of(pid) if pid is not None and pid in \
                self.controller.org else None
            enabled = self.can_arrange(pid) or chosen is not None
            for mode, action in actions.items():
                action.setEnabled(enabled and (mode is None or self.can_arrange(pid)))
                action.setChecked(mode == chosen)  # shown even when there is nothing to arrange
        menu.aboutToShow.connect(sync)
        self.controller.changed.connect(lambda _c, _s: sync())
        self.position_changed.connect(sync)
        sync()

    def add_rollup_action(self, menu: QMenu) -> QAction:
        """A checkable “Team Totals on Manager Boxes” (a document setting, undoable)."""
        action = menu.addAction(tr("ChartPane", "&Team Totals on Manager Boxes"))
        action.setObjectName("actionTeamTotals")
        action.setCheckable(True)
        action.setToolTip(tr("ChartPane", "Each manager's box shows the seats of its whole "
                                          "team and how many are filled"))
        action.toggled.connect(self._rollup_toggled)

        def sync() -> None:
            action.blockSignals(True)
            action.setChecked(self.settings().get("rollup") is True)
            action.blockSignals(False)
        menu.aboutToShow.connect(sync)
        self.controller.changed.connect(lambda _c, _s: sync())
        sync()
        return action

    def _rollup_toggled(self, on: bool) -> None:
        if on != (self.settings().get("rollup") is True):
            self.change_setting(tr("ChartPane", "Show team totals") if on
                                else tr("ChartPane", "Hide team totals"), rollup=on or None)

    def _arrange_current(self, pid: PositionId | None, mode: str | None) -> None:
        if pid is not None:
            self.set_arrangement(pid, mode)
        self.position_changed.emit()  # the checks show what is in force

    # ------------------------------------------------------------ refreshing
    def refresh(self) -> None:
        self._timer.stop()
        self._apply_settings()
        self.view.refresh(self.controller.org)
        if self._current is not None and self._current in self.controller.org:
            self.view.select_position(int(self._current))

    def _document_changed(self, changes: ChangeSet, structural: bool) -> None:
        # The tree and panels follow at once; the chart a moment later, once
        # for a whole burst of edits (typing, a paste of many positions).
        if CHART_SETTING in changes.settings_changed:
            self.refresh()
        else:
            self._timer.start()

    # ----------------------------------------------------------- selection
    def show_selection(self, pid: PositionId | None) -> None:
        """The window's current position changed: select its box."""
        self._current = pid
        self.position_changed.emit()
        if self._syncing or pid is None:
            return
        self.view.select_position(int(pid))

    def _chart_selected(self, pid: int) -> None:
        self._syncing = True
        try:
            self.position_selected.emit(pid)
        finally:
            self._syncing = False

    def _chart_activated(self, pid: int) -> None:
        self.rename_requested.emit(pid)

    def _chart_reparent(self, pid: int, superior: int, with_reports: bool) -> None:
        # The view read Shift from the drag's own mouse events (press or drop).
        self.move_requested.emit(pid, superior, None, with_reports)
