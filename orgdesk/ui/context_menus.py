"""Context menus on tree rows, chart boxes and the empty chart.

A menu is built when it is asked for, from the window's own actions (so each
entry is the same command, shortcut and undo step as in the main menus): the
position under the pointer is selected first, then the menu acts on it.  On
the chart a box's menu adds collapse/expand of its branch; the empty chart's
menu holds the view's commands.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from orgdesk.core.model import PositionId
from orgdesk.ui.chart_pane import ChartPane
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr
from orgdesk.ui.tree_model import OrgTreeModel
from orgdesk.ui.tree_view import OrgTreeView


class MainWindow(Protocol):
    """What the menus use of the main window (which imports this module)."""

    controller: DocumentController
    tree: OrgTreeView
    model: OrgTreeModel
    chart: ChartPane
    act: dict[str, QAction]

    def tr(self, text: str) -> str: ...

    def select_position(self, pid: PositionId) -> None: ...

    def selected_ids(self) -> list[PositionId]: ...

    def export_chart(self, root: PositionId | None = None) -> None: ...

#: The window's actions in a position's menu, in groups (None: a separator).
POSITION_ACTIONS = ("add_report", "add_sibling", "library", None, "rename", "cut", "copy",
                    "paste", "duplicate", "delete")
CHART_ACTIONS = ("zoom_in", "zoom_out", "zoom_fit", None, "export_chart", "print_preview")


def install(window: MainWindow) -> None:
    """Give the window's tree and chart their context menus."""
    tree = window.tree
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    tree.customContextMenuRequested.connect(lambda pos: _tree_menu(window, pos))
    view = window.chart.view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(lambda pos: _chart_menu(window, pos))


def _tree_menu(window: MainWindow, pos: QPoint) -> None:
    pid = window.model.id_at(window.tree.indexAt(pos))
    menu = position_menu(window, pid) if pid is not None else blank_menu(window)
    menu.popup(window.tree.viewport().mapToGlobal(pos))


def _chart_menu(window: MainWindow, pos: QPoint) -> None:
    view = window.chart.view
    item = view.box_at(pos)
    menu = chart_menu(window) if item is None else \
        position_menu(window, PositionId(item.pid), in_chart=True)
    menu.popup(view.viewport().mapToGlobal(pos))


def position_menu(window: MainWindow, pid: PositionId, in_chart: bool = False) -> QMenu:
    """The menu of position `pid` (selected first, so every entry acts on it; one of
    several selected keeps them all, so Cut, Copy and Delete act on all of them)."""
    selected = window.selected_ids()
    if pid in selected and len(selected) > 1:
        from orgdesk.ui import multi_select

        multi_select.select_ids(window, selected, pid)  # type: ignore[arg-type]  # the Protocol stands for the MainWindow
    else:
        window.select_position(pid)
    menu = QMenu(_widget(window))
    menu.setObjectName("positionMenu")
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _add(menu, window, POSITION_ACTIONS)
    menu.addSeparator()
    arrange = menu.addMenu(tr("MainWindow", "&Arrange Reports"))
    arrange.setObjectName("arrangeMenu")
    window.chart.fill_arrange_menu(arrange, lambda: pid)
    if in_chart and window.controller.org.report_count(pid):
        view = window.chart.view
        hidden = pid in view.collapsed()
        toggle = menu.addAction(tr("MainWindow", "E&xpand Branch") if hidden
                                else tr("MainWindow", "C&ollapse Branch"))
        toggle.setObjectName("actionToggleBranch")
        toggle.triggered.connect(lambda _c=False: view.set_branch_collapsed(pid, not hidden))
    menu.addSeparator()
    export = menu.addAction(tr("MainWindow", "E&xport This Branch…"))
    export.setObjectName("actionExportBranch")
    export.triggered.connect(lambda _c=False: window.export_chart(root=pid))
    return menu


def chart_menu(window: MainWindow) -> QMenu:
    """The empty chart's menu: the view's commands."""
    menu = QMenu(_widget(window))
    menu.setObjectName("chartMenu")
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _add(menu, window, CHART_ACTIONS)
    view = window.chart.view
    if view.collapsed():
        expand = menu.addAction(tr("MainWindow", "Expand &All Branches"))
        expand.setObjectName("actionExpandAllBranches")
        expand.triggered.connect(lambda _c=False: view.expand_all_branches())
    return menu


def blank_menu(window: MainWindow) -> QMenu:
    """The tree's menu below its rows: the tree's view commands."""
    menu = QMenu(_widget(window))
    menu.setObjectName("treeMenu")
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _add(menu, window, ("expand_all", "collapse_all"))
    return menu


def _add(menu: QMenu, window: MainWindow, keys: tuple[str | None, ...]) -> None:
    for key in keys:
        if key is None:
            menu.addSeparator()
        else:
            menu.addAction(window.act[key])


def _widget(window: MainWindow) -> QWidget:
    assert isinstance(window, QWidget)
    return window
