"""The main window: one per open document.

The position tree is the centre; the selected position's panels (overview,
duties, requirements, direct reports, KPIs) are docks with stable object
names.  Every edit goes through the document controller as one undoable
command; document handling (new, open, save, close) is delegated to the
application object, which owns the windows.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QToolBar,
    QUndoView,
    QWidget,
)

from orgdesk.analysis.texts import tree_indent
from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import UserError
from orgdesk.core.model import Position, PositionId
from orgdesk.core.search import find_positions
from orgdesk.files import title_stem
from orgdesk.storage.errors import FileChangedOnDisk
from orgdesk.ui import (
    chart_navigator,
    context_menus,
    data_actions,
    dialogs,
    preferences,
    search_marks,
    undo_actions,
    window_state,
)
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr
from orgdesk.ui.messages import user_message
from orgdesk.ui.panels.base import PositionPanel
from orgdesk.ui.panels.duties import DutiesPanel
from orgdesk.ui.panels.kpis import KpiPanel
from orgdesk.ui.panels.overview import OverviewPanel, rename_text
from orgdesk.ui.panels.reports import ReportsPanel
from orgdesk.ui.panels.requirements import RequirementsPanel
from orgdesk.ui.rename_flow import RenameFlow
from orgdesk.ui.tree_model import OrgTreeModel
from orgdesk.ui.tree_view import OrgTreeView

if TYPE_CHECKING:
    from orgdesk.ui.window_host import WindowHost

MIME_BRANCH = "application/x-orgdesk-branch"
FIRST_CHART_DELAY_MS = 30


class MainWindow(QMainWindow):
    """The editor window of one document."""

    def __init__(self, controller: DocumentController, app: WindowHost | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.controller = controller
        self.app = app
        self.setAcceptDrops(True)
        self.model = OrgTreeModel(controller.org, self)
        # Qt would delete the tree's items recursively with the window (deep chains
        # overflowed the stack): the model lets go of them first, level by level.  A
        # widget says it is going before it deletes its children.
        model = self.model
        self.destroyed.connect(lambda *_: model.dismantle())
        self.model.rename_requested.connect(self.rename_position)
        # The tree's drops and the chart's go through the one move path, move_positions.
        self.model.move_requested.connect(
            lambda ids, target, row, with_reports: self.move_positions(
                ids, target, row, with_reports))
        self.tree = OrgTreeView(self)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        from orgdesk.ui.chart_pane import ChartPane

        self.chart = ChartPane(controller, self)
        self.chart.position_selected.connect(lambda pid: self.select_position(PositionId(pid)))
        self.chart.rename_requested.connect(self._rename_from_chart)
        self.renames = RenameFlow(self, self)
        self.chart.move_requested.connect(
            lambda pid, superior, index, with_reports: self.move_positions(
                [pid], superior, -1 if index is None else index, with_reports))
        from orgdesk.ui.deliverables_pane import DeliverablesPane

        self.deliverables = DeliverablesPane(controller, self)
        self.deliverables.position_selected.connect(
            lambda pid: self.select_position(PositionId(pid)))
        self.deliverables.problem.connect(self.show_problem)
        self.deliverables.highlight_changed.connect(self.model.set_highlighted)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("centralSplitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(self.chart.view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        self.setCentralWidget(splitter)
        self.overview = OverviewPanel(controller)
        self.duties = DutiesPanel(controller)
        self.requirements = RequirementsPanel(controller)
        self.reports = ReportsPanel(controller)
        self.kpis = KpiPanel(controller)
        self.panels: list[PositionPanel] = [self.overview, self.duties, self.requirements,
                                            self.reports, self.kpis]
        self.reports.add_report_requested.connect(self.add_report)
        self.docks: dict[str, QDockWidget] = {}
        titles = (self.tr("Overview"), self.tr("Duties"), self.tr("Requirements"),
                  self.tr("Direct reports"), self.tr("KPIs"))
        areas = (Qt.DockWidgetArea.RightDockWidgetArea,) * 5
        for panel, title, area in zip(self.panels, titles, areas):
            panel.navigate.connect(lambda pid: self.select_position(PositionId(pid)))
            dock = QDockWidget(title, self)
            dock.setObjectName(panel.objectName() + "Dock")
            # Scrolling keeps a tall panel from forcing the window taller than the screen.
            scroll = QScrollArea(dock)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(panel)
            dock.setWidget(scroll)
            self.addDockWidget(area, dock)
            self.docks[panel.objectName()] = dock
        self.tabifyDockWidget(self.docks["overviewPanel"], self.docks["reportsPanel"])
        self.tabifyDockWidget(self.docks["dutiesPanel"], self.docks["requirementsPanel"])
        self.tabifyDockWidget(self.docks["requirementsPanel"], self.docks["kpiPanel"])
        self.docks["overviewPanel"].raise_()
        self.docks["dutiesPanel"].raise_()
        self.history = QUndoView(controller.undo_stack, self)
        self.history.setObjectName("historyView")
        history_dock = QDockWidget(self.tr("History"), self)
        history_dock.setObjectName("historyDock")
        history_dock.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, history_dock)
        history_dock.hide()
        self.docks["history"] = history_dock
        self._matches: list[PositionId] = []
        self._match_index = -1
        self._build_actions()
        self._build_menus_and_toolbar()
        controller.changed.connect(self._on_changed)
        controller.problem.connect(self.show_problem)
        from orgdesk.ui.warnings_button import WarningsButton

        # What `orgdesk info` warns of (超编 among them), kept in view while editing.
        self.warnings_button = WarningsButton(controller, self)
        self.statusBar().addPermanentWidget(self.warnings_button)
        from orgdesk.ui.team_status import TeamStatusLabel

        # Where a pulled document came from, and whether its library is reachable.
        self.team_status = TeamStatusLabel(controller, self)
        self.statusBar().addPermanentWidget(self.team_status)
        controller.modified_changed.connect(lambda _m: self.update_title())
        self.resize(1180, 760)
        window_state.restore_window(self, splitter)
        self.tree.expand_to_level(3)
        roots = controller.org.roots()
        if roots:
            self.select_position(roots[0].id)
        else:
            self._show_panels(None)
        self.update_title()
        from orgdesk.ui import document_info_bar

        document_info_bar.ask_once(self)  # a new document's title and client, asked once
        from orgdesk.ui import window_fit

        window_fit.install(self)  # the tree's rows and the Overview's fields fit
        # The chart is built just after the window (and its tree) is on screen.
        QTimer.singleShot(FIRST_CHART_DELAY_MS, self._first_chart)
        context_menus.install(self)
        self.navigator = chart_navigator.install(self)
        from orgdesk.ui import multi_select

        multi_select.install(self)  # several selected: the chart follows the tree

    def _first_chart(self) -> None:
        self.chart.refresh()
        remembered = window_state.chart_view_of(self.controller.service.file.path)
        if remembered is not None:
            self.chart.view.set_zoom(*remembered)
        else:
            self.chart.view.zoom_to_fit()

    # ------------------------------------------------------------------ actions
    def _action(self, name: str, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut if not isinstance(shortcut, str) else QKeySequence(shortcut))
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey  # noqa: N806 - one letter keeps the shortcut table readable
        tree_only = Qt.ShortcutContext.WidgetWithChildrenShortcut
        app = self.app
        self.act = {
            "new": self._action("actionNew", self.tr("&New"), lambda: app and app.new_document(),
                                S.New),
            "open": self._action("actionOpen", self.tr("&Open…"),
                                 lambda: app and app.open_dialog(self), S.Open),
            "save": self._action("actionSave", self.tr("&Save"), self.save, S.Save),
            "save_as": self._action("actionSaveAs", self.tr("Save &As…"), self.save_as, S.SaveAs),
            "close": self._action("actionClose", self.tr("&Close"), self.close, S.Close),
            "quit": self._action("actionQuit", self.tr("&Quit"),
                                 lambda: app and app.quit_all(),
                                 # Windows' key scheme has no Quit key; Ctrl+Q everywhere.
                                 S.Quit if not QKeySequence(S.Quit).isEmpty() else "Ctrl+Q"),
            "add_report": self._action("actionAddReport", self.tr("Add &Direct Report"),
                                       self.add_report, "Insert"),
            "add_sibling": self._action("actionAddSibling", self.tr("Add &Sibling"),
                                        self.add_sibling, "Return"),
            "rename": self._action("actionRename", self.tr("&Rename"), self.start_rename, "F2"),
            "delete": self._action("actionDelete", self.tr("De&lete…"), self.delete_position,
                                   S.Delete),
            "edit_selected": self._action("actionEditSelected", self.tr("&Edit Selected…"),
                                          self.edit_selected),
            "move_up": self._action("actionMoveUp", self.tr("Move &Up"),
                                    lambda: self.move_sibling(-1), "Alt+Up"),
            "move_down": self._action("actionMoveDown", self.tr("Move Do&wn"),
                                      lambda: self.move_sibling(1), "Alt+Down"),
            "cut": self._action("actionCut", self.tr("Cu&t"), self.cut, S.Cut),
            "copy": self._action("actionCopy", self.tr("&Copy"), self.copy, S.Copy),
            "paste": self._action("actionPaste", self.tr("&Paste"), self.paste, S.Paste),
            "duplicate": self._action("actionDuplicate", self.tr("Dupl&icate"), self.duplicate,
                                      "Ctrl+D"),
            "library": self._action("actionInsertFromLibrary",
                                    self.tr("Insert from Li&brary…"), self.insert_from_library,
                                    "Ctrl+L"),
            "find": self._action("actionFind", self.tr("&Find…"), self.focus_search, S.Find),
            "find_next": self._action("actionFindNext", self.tr("Find &Next"),
                                      lambda: self.step_match(1), S.FindNext),
            "find_previous": self._action("actionFindPrevious", self.tr("Find Pre&vious"),
                                          lambda: self.step_match(-1), S.FindPrevious),
            "departments": self._action("actionDepartments", self.tr("Depart&ments…"),
                                        self.edit_departments),
            "properties": self._action("actionProperties", self.tr("Proper&ties…"),
                                       self.edit_properties),
            "export_chart": self._action("actionExportChart", self.tr("&Export Chart…"),
                                         self.export_chart, "Ctrl+E"),
            "import": self._action("actionImport", self.tr("&Import…"),
                                   lambda: data_actions.import_data(
                                       self, app.show_imported if app else None), "Ctrl+I"),
            "export_data": self._action("actionExportData", self.tr("Export &Data…"),
                                        lambda: data_actions.export_data(
                                            self, self.controller, self.statusBar()),
                                        "Ctrl+Shift+D"),
            "export_handbook": self._action("actionExportHandbook",
                                            self.tr("Export &Handbook…"),
                                            lambda: self.deliverables.export_handbook(),
                                            "Ctrl+Shift+H"),
            "print_chart": self._action("actionPrintChart", self.tr("&Print Chart…"),
                                        self.print_chart, QKeySequence.StandardKey.Print),
            "print_preview": self._action("actionPrintPreview", self.tr("Print Pre&view…"),
                                          self.print_preview, "Ctrl+Shift+P"),
            "print_handbook": self._action("actionPrintHandbook",
                                           self.tr("Print Hand&book…"), self.print_handbook),
            "compare": self._action("actionCompareWith", self.tr("Co&mpare With…"),
                                    lambda: self.deliverables.compare_with()),
            "team_library": self._action("actionTeamLibrary", self.tr("Team Librar&y…"),
                                         self.open_team_library),
            "analysis": self._action("actionAnalysis", self.tr("&Analysis"),
                                     self._show_analysis,
                                     "Ctrl+Shift+A"),
            "zoom_in": self._action("actionZoomIn", self.tr("Zoom &In"),
                                    lambda: self.chart.view.zoom_in(), S.ZoomIn),
            "zoom_out": self._action("actionZoomOut", self.tr("Zoom &Out"),
                                     lambda: self.chart.view.zoom_out(), S.ZoomOut),
            "zoom_fit": self._action("actionZoomFit", self.tr("&Fit Chart to Window"),
                                     lambda: self.chart.view.zoom_to_fit(), "Ctrl+0"),
            "expand_all": self._action("actionExpandAll", self.tr("&Expand All"),
                                       self.tree.expandAll, "Ctrl+Shift+E"),
            "collapse_all": self._action("actionCollapseAll", self.tr("&Collapse All"),
                                         self.tree.collapseAll, "Ctrl+Shift+C"),
        }
        # Keys that mean something else while typing in a field act on the tree only.
        for key in ("add_sibling", "delete", "rename", "move_up", "move_down", "cut", "copy",
                    "paste", "add_report"):
            action = self.act[key]
            self.removeAction(action)
            self.tree.addAction(action)
            action.setShortcutContext(tree_only)
        # No accelerator in the prefix: the step's text follows it (shortened; whole in
        # the tooltip and History).
        self.undo_action, self.redo_action = undo_actions.create(
            self, self.controller.undo_stack, self.tr("Undo"), self.tr("Redo"))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act["new"])
        self.samples_menu = file_menu.addMenu(self.tr("New from Samp&le"))
        self.samples_menu.setObjectName("samplesMenu")
        self.samples_menu.aboutToShow.connect(self._fill_samples_menu)
        file_menu.addAction(self.act["open"])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act["save"])
        file_menu.addAction(self.act["save_as"])
        file_menu.addSeparator()
        file_menu.addAction(self.act["import"])
        file_menu.addAction(self.act["export_data"])
        file_menu.addSeparator()
        file_menu.addAction(self.act["export_chart"])
        file_menu.addAction(self.act["export_handbook"])
        file_menu.addSeparator()
        for key in ("print_chart", "print_preview", "print_handbook"):
            file_menu.addAction(self.act[key])
        file_menu.addAction(self.act["compare"])
        file_menu.addAction(self.act["team_library"])
        file_menu.addSeparator()
        file_menu.addAction(self.act["properties"])
        file_menu.addSeparator()
        file_menu.addAction(self.act["close"])
        file_menu.addAction(self.act["quit"])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        history = self.docks["history"].toggleViewAction()
        history.setText(self.tr("&History"))
        history.setObjectName("actionHistory")
        history.setShortcut("Ctrl+H")
        edit_menu.addAction(history)
        edit_menu.addSeparator()
        for key in ("cut", "copy", "paste", "duplicate"):
            edit_menu.addAction(self.act[key])
        edit_menu.addSeparator()
        for key in ("add_report", "add_sibling", "library", "rename", "edit_selected", "delete",
                    "move_up", "move_down"):
            edit_menu.addAction(self.act[key])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act["departments"])
        structure = edit_menu.addAction(self.tr("Derive Supp&ort Structure…"),
                                        self.derive_structure)
        structure.setObjectName("actionDeriveStructure")
        sizing = edit_menu.addAction(self.tr("Si&ze Agent Position…"), self.size_position)
        sizing.setObjectName("actionSizePosition")
        edit_menu.addSeparator()
        for key in ("find", "find_next", "find_previous"):
            edit_menu.addAction(self.act[key])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act["expand_all"])
        view_menu.addAction(self.act["collapse_all"])
        levels = view_menu.addMenu(self.tr("Expand to &Level"))
        for level in range(1, 6):
            action = levels.addAction(tr("MainWindow", "Level {level}", level=level))
            action.setObjectName(f"actionExpandLevel{level}")
            action.setShortcut(f"Ctrl+{level}")
            action.triggered.connect(lambda _c=False, n=level: self.tree.expand_to_level(n))
        view_menu.addAction(self.act["analysis"])
        self.act["analysis"].setCheckable(True)  # Ctrl+Shift+A shows and hides it
        self.deliverables.dock.toggleViewAction().toggled.connect(self.act["analysis"].setChecked)
        view_menu.addSeparator()
        for key in ("zoom_in", "zoom_out", "zoom_fit"):
            view_menu.addAction(self.act[key])
        self._add_chart_menus(view_menu)
        view_menu.addSeparator()
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        if self.app is not None:
            view_menu.addSeparator()
            self.app.add_language_menu(view_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        guide = help_menu.addAction(self.tr("&User Guide"), self.show_guide)
        guide.setObjectName("actionUserGuide")
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        keys = help_menu.addAction(self.tr("&Keyboard Shortcuts"), self.show_shortcuts)
        keys.setObjectName("actionShortcuts")
        keys.setShortcut("Ctrl+/")
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&About orgdesk"), self.about)
        about.setObjectName("actionAbout")
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for key in ("new", "open", "save"):
            toolbar.addAction(self.act[key])
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        undo_actions.fit_buttons(toolbar, self.undo_action, self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.act["add_report"])
        toolbar.addAction(self.act["library"])
        # Toolbar buttons show short texts without the menus' accelerators
        # (otherwise Chinese reads "新建(N)").
        for key, text in (("new", self.tr("New")), ("open", self.tr("Open")),
                          ("save", self.tr("Save")), ("add_report", self.tr("Add Report")),
                          ("library", self.tr("From Library"))):
            self.act[key].setIconText(text)
        toolbar.addSeparator()
        from orgdesk.ui.scenario_box import ScenarioBox

        self.scenario_box = ScenarioBox(self.controller, self)  # which scenario is edited
        toolbar.addWidget(self.scenario_box)
        toolbar.addSeparator()
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Find positions, duties, requirements…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(320)
        self.search_box.textChanged.connect(self._search_changed)
        self.search_box.returnPressed.connect(self._search_return)
        search_marks.EscapeClears(self.search_box, self.tree)
        toolbar.addWidget(self.search_box)
        self.search_status = QLabel(self)
        self.search_status.setObjectName("searchStatus")
        toolbar.addWidget(self.search_status)
        self.addToolBar(toolbar)

    # ---------------------------------------------------------------- state
    def update_title(self) -> None:
        self.setWindowTitle(tr("MainWindow", "{name}[*] — orgdesk", name=self.document_name()))
        self.setWindowModified(self.controller.is_modified)

    def document_name(self) -> str:
        path = self.controller.service.file.path
        return path.name if path is not None else self.tr("Untitled")

    def show_problem(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 10000)

    def current_id(self) -> PositionId | None:
        return self.tree.current_id()

    def selected_ids(self) -> list[PositionId]:
        """Every selected position in tree order (the current one when only it is)."""
        from orgdesk.ui import multi_select

        return multi_select.selected_ids(self)

    def edit_selected(self) -> None:
        """Edit → Edit Selected…: fields set on every selected position, one undo step."""
        from orgdesk.ui import multi_select

        multi_select.edit_selected(self)

    def select_position(self, pid: PositionId) -> None:
        if pid in self.controller.org:
            self.tree.select(pid)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pid = self.model.id_at(current)
        if pid is not None and pid in self.controller.org:
            position = self.controller.org.position(pid)
            self._current_place = (position.superior_id, position.order)
        self._show_panels(pid)
        self.chart.show_selection(pid)
        self.deliverables.show_selection(pid)

    def _neighbour_of_removed(self) -> PositionId | None:
        """Like an outliner: the next sibling, else the previous one, else the superior."""
        superior, order = getattr(self, "_current_place", (None, 0))
        org = self.controller.org
        if superior is not None and superior not in org:
            return None
        siblings = org.direct_reports(superior)
        if siblings:
            return siblings[min(order, len(siblings) - 1)].id
        return superior

    def _show_panels(self, pid: PositionId | None) -> None:
        for panel in self.panels:
            panel.show_position(pid)

    def _on_changed(self, changes: ChangeSet, structural: bool) -> None:
        if structural:
            # Precise row inserts, moves and removals (a reset only for huge edits).
            self.tree.follow_structure(changes, self.controller.org,
                                       self._neighbour_of_removed)
            if self.current_id() is None:
                self._show_panels(None)
        else:
            self.model.refresh_changes(changes)  # the rows' fields, the departments' colours
        if self.search_box.text():
            self._search_changed(self.search_box.text(), jump=False)

    # -------------------------------------------------------------- editing
    def _position_or_none(self) -> Position | None:
        pid = self.current_id()
        return self.controller.org.position(pid) if pid is not None else None

    def _show_analysis(self) -> None:
        self.deliverables.toggle()

    def _add(self, superior: PositionId | None, index: int | None, text: str) -> None:
        title = self.tr("New position")
        previous, token = self.current_id(), self.renames.add_token()
        done = self.controller.execute(text, lambda s: s.new_position(title, superior, index),
                                       token)
        if done is not None and done.result is not None:
            self.select_position(done.result.id)
            self.renames.added(done.result.id, token, previous)  # Escape cancels the add
            self.start_rename()

    def add_report(self) -> None:
        position = self._position_or_none()
        if position is None:
            self._add(None, None, self.tr("Add position"))
            return
        self._add(position.id, None,
                  tr("MainWindow", "Add report to {title}", title=position.title))

    def add_sibling(self) -> None:
        position = self._position_or_none()
        if position is None:
            self._add(None, None, self.tr("Add position"))
            return
        self._add(position.superior_id, position.order + 1,
                  tr("MainWindow", "Add sibling of {title}", title=position.title))

    def start_rename(self) -> None:
        # From the chart (its context menu), the title is edited in the box itself.
        current = self.current_id()
        if current is not None and self.chart.view.hasFocus() \
                and self.renames.rename_in_chart(current):
            return
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index)

    def rename_position(self, pid: int, title: str) -> None:
        position = self.controller.org.position(PositionId(pid))
        self.controller.execute(rename_text(position.title, title),
                                lambda s: s.edit_position(position.id, title=title))

    def delete_position(self) -> None:
        selected = self.selected_ids()
        if len(selected) > 1:  # several selected: all of them, one step, asked once
            from orgdesk.ui import multi_select

            multi_select.delete_selected(self, selected)
            return
        position = self._position_or_none()
        if position is None:
            return
        reports = self.controller.org.direct_reports(position.id)
        if not reports:
            self.controller.execute(tr("MainWindow", "Delete {title}", title=position.title),
                                    lambda s: s.remove_branch(position.id))
            return
        superior = self.controller.org.superior(position.id)
        mode = dialogs.ask_delete_mode(self, position.title, len(reports),
                                       superior.title if superior else self.tr("the top level"))
        if mode == "branch":
            self.controller.execute(
                tr("MainWindow", "Delete {title} and its reports", title=position.title),
                lambda s: s.remove_branch(position.id))
        elif mode == "lift":
            self.controller.execute(
                tr("MainWindow", "Delete {title}, keep its reports", title=position.title),
                lambda s: s.remove_position_lifting_reports(position.id))

    def move_sibling(self, step: int) -> None:
        position = self._position_or_none()
        if position is None:
            return
        siblings = self.controller.org.direct_reports(position.superior_id)
        target = siblings.index(position) + step
        if not 0 <= target < len(siblings):
            return
        self.controller.execute(tr("MainWindow", "Reorder {title}", title=position.title),
                                lambda s: s.move_position(position.id, position.superior_id,
                                                          target))
        self.select_position(position.id)

    def move_positions(self, ids: list[int], target: int | None, row: int,
                       with_reports: bool) -> None:
        """A drop in the tree or the chart (`target` None: the top level; `row` -1: at the
        end), with the branch or alone; `row` counts the rows as they are before the move."""
        superior = None if target is None else PositionId(target)
        if len(ids) > 1:  # several dragged together: one step
            from orgdesk.ui import multi_select

            multi_select.move_selected(self, [PositionId(i) for i in ids], superior, row,
                                       with_reports)
            return
        for pid in ids:
            position = self.controller.org.position(PositionId(pid))
            index = None if row < 0 else row
            if superior == position.superior_id and index is not None and index > position.order:
                index -= 1  # the row counted the dragged position itself
                if not with_reports:
                    # Its reports are lifted into its place first, pushing the target down.
                    index += len(self.controller.org.direct_reports(position.id))
            self.move_position(position.id, superior, index, with_reports)

    def move_position(self, pid: PositionId, superior: PositionId | None, index: int | None = None,
             with_reports: bool = True) -> bool:
        """The one move of every view (tree, chart): `pid` under `superior` at `index`,
        with its whole branch, or alone (its reports then move up into its place)."""
        org = self.controller.org
        position = org.position(pid)
        target_title = org.position(superior).title if superior else self.tr("the top level")
        text = tr("MainWindow", "Move {title} under {target}", title=position.title,
                  target=target_title) if with_reports else \
            tr("MainWindow", "Move only {title} under {target}", title=position.title,
               target=target_title)
        if with_reports:
            done = self.controller.execute(text, lambda s: s.move_position(pid, superior, index))
        else:
            done = self.controller.execute(
                text, lambda s: s.move_position_alone(pid, superior, index))
        self.select_position(pid)
        return done is not None

    def move_position_to(self, pid: PositionId, superior: PositionId | None,
                         with_reports: bool = True) -> bool:
        """Re-parent to the end of `superior`'s reports (the same move as `move`)."""
        return self.move_position(pid, superior, None, with_reports)

    def _rename_from_chart(self, pid: int) -> None:
        self.renames.rename_in_chart(PositionId(pid))  # in the box itself

    # ---------------------------------------------------------- clipboard
    def copy(self) -> None:
        from orgdesk.ui import multi_select

        selected = self.selected_ids()
        if len(selected) > 1:  # several: their branches, pasted together
            multi_select.copy_selected(self, selected, MIME_BRANCH)
            return
        position = self._position_or_none()
        if position is None:
            return
        data = self.controller.service.copy_branch(position.id)
        mime = QMimeData()
        mime.setData(MIME_BRANCH, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        mime.setText("\n".join(
            tree_indent(self.controller.org.level_of(p.id)
                        - self.controller.org.level_of(position.id) + 1)
            + p.title + (f" ×{p.planned_headcount}" if p.planned_headcount > 1 else "")
            for p in self.controller.org.branch(position.id)))
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(tr("MainWindow", "Copied {title}", title=position.title),
                                     4000)

    def cut(self) -> None:
        from orgdesk.ui import multi_select

        selected = self.selected_ids()
        if len(selected) > 1:  # several: one undo step
            multi_select.cut_selected(self, selected, MIME_BRANCH)
            return
        position = self._position_or_none()
        if position is None:
            return
        self.copy()
        self.controller.execute(tr("MainWindow", "Cut {title}", title=position.title),
                                lambda s: s.remove_branch(position.id))

    def _clipboard_branch(self) -> dict | None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(MIME_BRANCH):
            self.show_problem(self.tr("The clipboard holds no orgdesk positions."))
            return None
        try:
            return json.loads(bytes(mime.data(MIME_BRANCH).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            self.show_problem(self.tr("The clipboard holds no orgdesk positions."))
            return None

    def paste(self) -> None:
        data = self._clipboard_branch()
        if data is None:
            return
        superior = self.current_id()
        from orgdesk.services import bulk

        if bulk.is_branches(data):  # several copied positions: one undo step
            from orgdesk.ui import multi_select

            multi_select.paste_several(self, data, superior)
            return
        done = self.controller.execute(self.tr("Paste"), lambda s: s.paste_branch(data, superior))
        if done is not None and done.result is not None:
            self.select_position(done.result)

    def duplicate(self) -> None:
        position = self._position_or_none()
        if position is None:
            return
        data = self.controller.service.copy_branch(position.id)
        done = self.controller.execute(
            tr("MainWindow", "Duplicate {title}", title=position.title),
            lambda s: s.paste_branch(data, position.superior_id, position.order + 1))
        if done is not None and done.result is not None:
            self.select_position(done.result)

    def insert_from_library(self) -> None:
        """Ctrl+L: insert a library entry as a report, or apply it to the selection."""
        from orgdesk.ui import library_actions

        library_actions.insert_from_library(self)

    # --------------------------------------------------------------- search
    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _search_changed(self, text: str, jump: bool = True) -> None:
        self._matches = find_positions(self.controller.org, text)
        search_marks.show_matches(self, self._matches, reveal=jump)
        if not text.strip():
            self.search_status.clear()
            return
        if not self._matches:
            self.search_status.setText(self.tr("no match"))
            return
        if jump:
            self._match_index = 0
            self.select_position(self._matches[0])
            search_marks.raise_panel_of(self, self._matches[0], text)
        self._match_index = min(max(self._match_index, 0), len(self._matches) - 1)
        self._update_search_status()

    def _update_search_status(self) -> None:
        self.search_status.setText(f" {self._match_index + 1}/{len(self._matches)} ")

    def _search_return(self) -> None:
        shift = QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        self.step_match(-1 if shift else 1)

    def step_match(self, step: int) -> None:
        if not self._matches:
            self._search_changed(self.search_box.text())
            return
        self._match_index = (self._match_index + step) % len(self._matches)
        self.select_position(self._matches[self._match_index])
        search_marks.raise_panel_of(self, self._matches[self._match_index],
                                    self.search_box.text())
        self._update_search_status()

    # ------------------------------------------------------------- document
    def save(self) -> bool:
        return self._save(overwrite=False)

    def _save(self, overwrite: bool) -> bool:
        if self.controller.service.file.path is None:
            return self.save_as()
        try:
            self.controller.service.save(overwrite=overwrite)
        except FileChangedOnDisk as exc:
            # Another program changed the file since it was opened: the user chooses.
            answer = dialogs.ask_changed_on_disk(self, user_message(exc))
            if answer == "overwrite":
                return self._save(overwrite=True)
            return self.save_as() if answer == "save_as" else False
        except UserError as exc:
            dialogs.show_error(self, user_message(exc))
            return False
        self.controller.mark_saved()
        if self.app is not None:
            self.app.remember_recent(self.controller.service.file.path)
        self.statusBar().showMessage(self.tr("Saved"), 3000)
        return True

    def save_as(self) -> bool:
        file = self.controller.service.file
        # A new document: its title as the name (made safe for files), in the folder of
        # the last document saved.
        suggested = str(file.path) if file.path else str(
            preferences.document_folder()
            / ((title_stem(self.controller.org.info.title) or self.tr("Untitled")) + ".orgdesk"))
        target = dialogs.ask_save_path(self, suggested)
        if target is None:
            return False
        preferences.remember_document_folder(target)
        try:
            self.controller.service.save_as(target)
        except UserError as exc:
            dialogs.show_error(self, user_message(exc))
            return False
        self.controller.mark_saved()
        if self.app is not None and file.path is not None:
            self.app.remember_recent(file.path)
        self.update_title()
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when the window may close."""
        if not self.controller.is_modified:
            return True
        answer = dialogs.ask_save_changes(self, self.document_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "replaced", False):  # rebuilt in another language: the document
            event.accept()                     # stays open in the new window (ui/app.py)
            return
        if not self.maybe_save():
            event.ignore()
            return
        self._remember_window()
        self.controller.undo_stack.clear()
        self.controller.service.file.close()
        if self.app is not None:
            self.app.window_closed(self)
        event.accept()

    def _remember_window(self) -> None:
        """Keep the frame, docks and splitter for the next window, and this document's zoom."""
        splitter = self.centralWidget()
        window_state.save_window(self, splitter if isinstance(splitter, QSplitter) else None)
        view = self.chart.view
        window_state.save_chart_view(self.controller.service.file.path, view,
                                     None if view.is_fitting() else view.scale_factor())

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        """The documents, tables and charts among the dropped URLs (others are ignored)."""
        from orgdesk.io.interchange import IMPORT_FORMATS  # the readers load on first drag, not at start

        accepted = {".orgdesk", *IMPORT_FORMATS}
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        return [path for path in paths if path.suffix.lower() in accepted and path.is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        event.acceptProposedAction()
        for path in files:
            if self.app is not None:
                self.app.open_dropped(path, self)

    def _fill_samples_menu(self) -> None:
        from orgdesk.samples import samples

        self.samples_menu.clear()
        for sample in samples():
            action = self.samples_menu.addAction(sample.title)
            action.triggered.connect(lambda _c=False, slug=sample.slug:
                                     self.app and self.app.new_from_sample(slug))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.app.recent_files() if self.app is not None else []
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.app and self.app.open_path(
                Path(p), self))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _add_chart_menus(self, menu: QMenu) -> None:
        orientation = menu.addMenu(self.tr("Chart &Direction"))
        for code, text in (("tb", self.tr("Top-down")), ("lr", self.tr("Left to right"))):
            action = orientation.addAction(text)
            action.setObjectName(f"actionOrientation_{code}")
            action.triggered.connect(lambda _c=False, c=code: self.chart.change_setting(
                self.tr("Change chart direction"), orientation=c))
        detail = menu.addMenu(self.tr("Chart De&tail"))
        for level, text in ((1, self.tr("Titles")), (2, self.tr("Titles, department, headcount")),
                            (3, self.tr("Also the first duties"))):
            action = detail.addAction(text)
            action.setObjectName(f"actionDetail{level}")
            action.triggered.connect(lambda _c=False, n=level: self.chart.change_setting(
                self.tr("Change chart detail"), detail=n))
        detail.addSeparator()
        self.chart.add_rollup_action(detail)
        arrange = menu.addMenu(self.tr("Arra&nge Reports of the Selection"))
        # Checkable: the menu shows the current position's choice.
        self.chart.fill_arrange_menu(arrange, self.current_id)

    def export_chart(self, root: PositionId | None = None) -> None:
        """The export dialog, for the whole organisation or the branch under `root`."""
        from orgdesk.ui.export_dialog import ExportChartDialog

        dialog = ExportChartDialog(self.controller.org, self,
                                   layout=self.chart.view.chart_layout(),
                                   collapsed=self.chart.view.collapsed())
        if root is not None:
            dialog.root.setCurrentIndex(max(dialog.root.findData(int(root)), 0))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def print_chart(self) -> None:
        from orgdesk.ui import printing

        printing.print_chart(self, self.controller.org, self.chart.view.chart_layout(),
                             self.chart.view.collapsed())

    def print_preview(self) -> None:
        from orgdesk.ui import printing

        dialog = printing.chart_preview(self, self.controller.org,
                                        self.chart.view.chart_layout(),
                                        self.chart.view.collapsed())
        if dialog is not None:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def print_handbook(self) -> None:
        from orgdesk.ui import printing

        dialog = printing.handbook_preview(self, self.controller.org)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def edit_departments(self) -> None:
        from orgdesk.ui.departments_dialog import DepartmentsDialog

        dialog = DepartmentsDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def derive_structure(self) -> None:
        from orgdesk.ui.structure_dialog import StructureDialog

        dialog = StructureDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def size_position(self) -> None:
        from orgdesk.ui.sizing_dialog import SizingDialog

        pid = self.current_id()
        if pid is None:
            self.show_problem(self.tr("Select the agent position to size first."))
            return
        dialog = SizingDialog(self.controller, pid, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_team_library(self) -> None:
        from orgdesk.ui.team_library_dialog import TeamLibraryDialog

        app = self.app
        dialog = TeamLibraryDialog(self.controller,
                                   (lambda path: app.open_path(path, self)) if app else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def edit_properties(self) -> None:
        from orgdesk.ui.properties_dialog import PropertiesDialog

        dialog = PropertiesDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_guide(self) -> None:
        from orgdesk.ui.help_dialog import UserGuide

        dialog = UserGuide(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        from orgdesk.ui.help_dialog import ShortcutSheet

        dialog = ShortcutSheet(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def about(self) -> None:
        from orgdesk.version import version_text

        dialogs.show_info(self, version_text() + "\n" + self.tr(
            "Org charts and job descriptions for call-center organisations."))
