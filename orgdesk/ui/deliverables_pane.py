"""The consultant's deliverables in the window: analysis dock, compare, handbook.

The analysis panel follows the document (refreshed a moment after edits, so
typing does not recompute it per keystroke); its edited span-of-control
rules are a document setting, changed as one undoable step.  Compare With…
highlights the changed positions in the tree; Export Handbook… runs the
handbook dialog on the document or the selected branch.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDockWidget

from orgdesk.analysis.span_rules import SPAN_RULES_SETTING, SpanRules, document_span_rules
from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import UserError
from orgdesk.core.model import PositionId
from orgdesk.ui.analysis_panel import AnalysisPanel
from orgdesk.ui.messages import user_message

if TYPE_CHECKING:
    from orgdesk.ui.main_window import MainWindow

HIGHLIGHT = QColor("#FFE699")


class DeliverablesPane(QObject):
    """Owns the analysis dock and the compare/handbook actions of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self._panel: AnalysisPanel | None = None
        self.dock = QDockWidget(self.tr("Analysis"), window)
        self.dock.setObjectName("analysisPanelDock")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda visible: visible and self.refresh())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        self.controller.changed.connect(self._changed)
        self.highlighted: set[PositionId] = set()

    @property
    def panel(self) -> AnalysisPanel:
        """The analysis panel, built the first time it is needed: a hidden one costs nothing."""
        if self._panel is None:
            self._panel = AnalysisPanel(self.controller.org, self.rules())
            self._panel.setObjectName("analysisPanel")
            self._panel.position_activated.connect(
                lambda pid: self.window.select_position(PositionId(pid)))
            self._panel.rules_edited.connect(self._rules_edited)
            self.dock.setWidget(self._panel)
        return self._panel

    def rules(self) -> SpanRules:
        try:
            return document_span_rules(self.controller.org.settings)
        except UserError as exc:
            self.window.show_problem(user_message(exc))
            return SpanRules()

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

        dialog = compare_with_file(self.window, self.controller.org,
                                   self.window.document_name())
        if dialog is None:
            return
        dialog.highlight_requested.connect(self.highlight)
        dialog.position_activated.connect(lambda pid: self.window.select_position(PositionId(pid)))
        dialog.finished.connect(lambda _result: self.highlight([]))

    def highlight(self, ids: list[int]) -> None:
        """Mark positions in the tree (a compare result); [] clears the marks."""
        self.highlighted = {PositionId(i) for i in ids if PositionId(i) in self.controller.org}
        self.window.model.set_highlighted(self.highlighted, QBrush(HIGHLIGHT))

    # --------------------------------------------------------------- handbook
    def export_handbook(self) -> None:
        from orgdesk.ui.handbook_dialog import HandbookDialog

        file = self.controller.service.file
        name = file.path.stem if file.path else (self.controller.org.info.title or "")
        dialog = HandbookDialog(self.controller.org, name, self.window.current_id(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
