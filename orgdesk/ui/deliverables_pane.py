"""The consultant's deliverables in the window: analysis dock, compare, handbook.

The analysis panel follows the document (refreshed a moment after edits, so
typing does not recompute it per keystroke); its edited span-of-control
rules are a document setting, changed as one undoable step.  Compare With…
highlights the changed positions in the tree; Export Handbook… runs the
handbook dialog on the whole document (a branch only when chosen in it).  The pane talks to
its window through signals (`position_selected`, `problem`,
`highlight_changed`) and learns the current position from `show_selection`.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDockWidget, QMainWindow

from orgdesk.analysis.span_rules import SPAN_RULES_SETTING, SpanRules, document_span_rules
from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import UserError
from orgdesk.core.model import DocumentInfo, PositionId
from orgdesk.ui.analysis_panel import AnalysisPanel
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.messages import user_message

HIGHLIGHT = QColor("#FFE699")
#: The analysis dock's share of the window's height when first shown: the tables
#: and the chart stay usable without hiding the tree and the chart above.
DOCK_SHARE = 0.3


class DeliverablesPane(QObject):
    """Owns the analysis dock and the compare/handbook actions of one window."""

    #: Select this position in the window (a row of the analysis or the comparison).
    position_selected = Signal(object)  # an id: Signal(int) is 32-bit
    #: One sentence for the status bar.
    problem = Signal(str)
    #: (ids, brush): mark these positions in the tree; an empty set clears the marks.
    highlight_changed = Signal(object, object)

    def __init__(self, controller: DocumentController, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window  # where the dock lives and the dialogs' parent
        self.controller = controller
        self._current: PositionId | None = None
        self._panel: AnalysisPanel | None = None
        self.dock = QDockWidget(self.tr("Analysis"), window)
        self.dock.setObjectName("analysisPanelDock")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        # The analysis spans the tree and the chart only: the position panels on the
        # right keep their full height (the Overview fits without scrolling).
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._visibility_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        self.controller.changed.connect(self._changed)
        self.highlighted: set[PositionId] = set()
        self._sized = False  # the dock gets its default height the first time it is shown

    @property
    def panel(self) -> AnalysisPanel:
        """The analysis panel, built the first time it is needed: a hidden one costs nothing."""
        if self._panel is None:
            self._panel = AnalysisPanel(self.controller.org, self.rules())
            self._panel.setObjectName("analysisPanel")
            self._panel.position_activated.connect(self.position_selected)
            self._panel.rules_edited.connect(self._rules_edited)
            self.dock.setWidget(self._panel)
        return self._panel

    def rules(self) -> SpanRules:
        try:
            return document_span_rules(self.controller.org.settings)
        except UserError as exc:
            self.problem.emit(user_message(exc))
            return SpanRules()

    def toggle(self) -> None:
        """Show the analysis (Ctrl+Shift+A) or hide it when it is shown, like History."""
        if self.dock.isVisible():
            self.dock.hide()
            return
        first = not self._sized
        self.dock.show()
        self.dock.raise_()
        if first and not self.dock.isFloating():
            self._sized = True
            height = max(self.dock.minimumSizeHint().height(),
                         int(self._window.height() * DOCK_SHARE))
            self._window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        if not self.dock.isVisible():
            return  # computed when shown; a hidden panel costs nothing
        if self._panel is None:
            self.panel  # noqa: B018 - built now, from the current document
            return
        self._panel.set_organisation(self.controller.org)
        self._panel.set_rules(self.rules())

    def _changed(self, changes: ChangeSet, _structural: bool) -> None:
        if self.dock.isVisible():
            self._timer.start()

    def _rules_edited(self, rules: SpanRules) -> None:
        self.controller.execute(self.tr("Edit span-of-control rules"),
                                lambda s: s.set_setting(SPAN_RULES_SETTING, rules.to_dict()))

    # ---------------------------------------------------------------- compare
    def compare_with(self) -> None:
        from orgdesk.ui.compare_dialog import compare_with_file

        path = self.controller.service.file.path
        name = path.name if path is not None else self.tr("Untitled")
        dialog = compare_with_file(self._window, self.controller.org, name)
        if dialog is None:
            return
        dialog.highlight_requested.connect(self.highlight)
        dialog.position_activated.connect(self.position_selected)
        dialog.finished.connect(lambda _result: self.highlight([]))

    def highlight(self, ids: list[int]) -> None:
        """Mark positions in the tree (a compare result); [] clears the marks."""
        self.highlighted = {PositionId(i) for i in ids if PositionId(i) in self.controller.org}
        self.highlight_changed.emit(self.highlighted, QBrush(HIGHLIGHT))

    def show_selection(self, pid: PositionId | None) -> None:
        """The window's current position (kept for the pane's own use; the handbook
        no longer starts from it)."""
        self._current = pid

    # --------------------------------------------------------------- handbook
    def export_handbook(self) -> None:
        from orgdesk.ui.handbook_dialog import HandbookDialog

        file = self.controller.service.file
        name = file.path.stem if file.path else (self.controller.org.info.title or "")
        # The whole organisation by default; the cover's fields typed in the dialog are
        # one undoable edit of the document.
        def save_info(info: DocumentInfo) -> None:
            self.controller.execute(self.tr("Edit document properties"),
                                    lambda s: s.set_info(info))

        dialog = HandbookDialog(self.controller.org, name, self._window, save_info=save_info)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
