"""The chart beside the tree: wiring between the ChartView and the document.

Selection is shared both ways with the tree; dragging a box onto another
re-parents through the same undoable command as the tree; the chart's
orientation, detail and per-position arrangement are document settings
(undoable, saved with the file); collapsing is view state.  Rebuilding a
large chart is deferred a moment so a burst of typing rebuilds it once.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import PositionId
from orgdesk.layout import Detail
from orgdesk.ui.chart_view import ChartView
from orgdesk.ui.fonts import cjk_family

if TYPE_CHECKING:
    from orgdesk.ui.main_window import MainWindow

CHART_SETTING = "chart"
#: Above this many positions the chart opens with levels below 3 collapsed.
LARGE_CHART = 300
REFRESH_DELAY_MS = 250


class ChartPane(QObject):
    """Keeps one ChartView in step with one window's document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.view = ChartView(window, cjk_family())
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
        org = self.controller.org
        if len(org) > LARGE_CHART:
            self.view.set_collapsed({p.id for p in org.positions()
                                     if org.level_of(p.id) >= 3 and org.report_count(p.id)})

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
             if str(pid).isdigit() and mode in ("horizontal", "vertical", "two_columns")})

    def change_setting(self, text: str, **values: Any) -> None:
        settings = self.settings()
        for key, value in values.items():
            if value is None:
                settings.pop(key, None)
            else:
                settings[key] = value
        self.controller.execute(text, lambda s: s.set_setting(CHART_SETTING, settings or None))

    def set_arrangement(self, pid: PositionId, mode: str | None) -> None:
        overrides = dict(self.settings().get("overrides", {}))
        if mode is None:
            overrides.pop(str(int(pid)), None)
        else:
            overrides[str(int(pid))] = mode
        title = self.controller.org.position(pid).title
        self.change_setting(self.tr("Arrange the reports of %1").replace("%1", title),
                            overrides=overrides or None)

    # ------------------------------------------------------------ refreshing
    def refresh(self) -> None:
        self._timer.stop()
        self._apply_settings()
        self.view.refresh(self.controller.org)
        current = self.window.current_id()
        if current is not None:
            self.view.select_position(int(current))

    def _document_changed(self, changes: ChangeSet, structural: bool) -> None:
        # The tree and panels follow at once; the chart a moment later, once
        # for a whole burst of edits (typing, a paste of many positions).
        if CHART_SETTING in changes.settings_changed:
            self.refresh()
        else:
            self._timer.start()

    # ----------------------------------------------------------- selection
    def show_selection(self, pid: PositionId | None) -> None:
        if self._syncing or pid is None:
            return
        self.view.select_position(int(pid))

    def _chart_selected(self, pid: int) -> None:
        self._syncing = True
        try:
            self.window.select_position(PositionId(pid))
        finally:
            self._syncing = False

    def _chart_activated(self, pid: int) -> None:
        self.window.select_position(PositionId(pid))
        self.window.start_rename()

    def _chart_reparent(self, pid: int, superior: int) -> None:
        self.window.move_position_to(PositionId(pid), PositionId(superior))
