"""Several positions selected at once, in the tree and the chart, and what acts on them.

The tree's selection model holds the selection (Ctrl/Shift+click, Shift+arrows);
its current row stays the panels' subject, the one last clicked.  The chart
highlights every selected box and adds its own ways to choose (Ctrl+click a
box, a rubber band with Ctrl or Shift held on the empty chart).  Bulk edit,
delete and move of the selection are each one undo step through
orgdesk.services.bulk.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from orgdesk.core.model import PositionId
from orgdesk.services import bulk
from orgdesk.ui import dialogs
from orgdesk.ui.chart_pane import ChartPane
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.tree_model import OrgTreeModel
from orgdesk.ui.tree_view import OrgTreeView


class MainWindow(Protocol):
    """What multi-selection uses of the main window (which imports this module)."""

    controller: DocumentController
    tree: OrgTreeView
    model: OrgTreeModel
    chart: ChartPane

    def current_id(self) -> PositionId | None: ...

    def show_problem(self, sentence: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def move_positions(self, ids: list[int], target: int | None, row: int,
                       with_reports: bool) -> None: ...


def _widget(window: MainWindow) -> QWidget:
    assert isinstance(window, QWidget)
    return window


def install(window: MainWindow) -> None:
    """Keep the chart's highlighted boxes in step with the tree's selection, and take
    the chart's own choices (connected after the window's own handlers, so the chart
    ends up showing the whole selection whatever changed first)."""
    count = QLabel(window.statusBar())
    count.setObjectName("selectionCount")
    count.hide()
    window.statusBar().addPermanentWidget(count)
    selection = window.tree.selectionModel()
    selection.selectionChanged.connect(lambda *_: _show_in_chart(window))
    selection.currentChanged.connect(lambda *_: _show_in_chart(window))
    view = window.chart.view
    view.selection_requested.connect(lambda ids, current: _chart_chose(window, ids, current))
    view.move_selection_requested.connect(
        lambda ids, superior, with_reports: window.move_positions(
            [int(i) for i in ids], superior, -1, with_reports))


def _chart_chose(window: MainWindow, ids: list[int], current: int | None) -> None:
    if not ids:  # a band over the empty chart, or the last box Ctrl+clicked away
        window.tree.selectionModel().clearSelection()
        _show_in_chart(window)  # the current position alone stays highlighted
        return
    select_ids(window, [PositionId(i) for i in ids],
               None if current is None else PositionId(current))


def _show_in_chart(window: MainWindow) -> None:
    current = window.current_id()
    ids = {int(pid) for pid in _selected(window)}
    if not ids and current is not None:
        ids.add(int(current))  # a Ctrl+click took the current one out: it shows alone
    window.chart.view.select_positions(ids, None if current is None else int(current))
    count = window.statusBar().findChild(QLabel, "selectionCount")
    if count is not None:  # how many an Edit Selected…, Delete or drag acts on
        count.setText(tr_n("MainWindow", "{count} position selected",
                           "{count} positions selected", len(ids)))
        count.setVisible(len(ids) > 1)


def _selected(window: MainWindow) -> list[PositionId]:
    # Read range by range: selectedRows() asks the model for parents quadratically in
    # the number of ranges (seconds for 1,000 scattered rows of 10,000).
    model, org = window.model, window.controller.org
    found: list[PositionId] = []
    selection = window.tree.selectionModel().selection()
    for i in range(selection.size()):
        selected = selection.at(i)
        parent = selected.parent()
        for row in range(selected.top(), selected.bottom() + 1):
            pid = model.id_at(model.index(row, 0, parent))
            if pid is not None and pid in org:
                found.append(pid)
    return found


def selected_ids(window: MainWindow) -> list[PositionId]:
    """The selected positions in tree order (the current one alone when none is)."""
    chosen = _selected(window)
    if not chosen:
        current = window.current_id()
        return [current] if current is not None else []
    return bulk.tree_ordered(window.controller.org, chosen)


def select_ids(window: MainWindow, ids: Iterable[PositionId],
               current: PositionId | None = None) -> None:
    """Select exactly `ids` in the tree (and so the chart); `current` (None: the first
    of them, or the current one if it is among them) becomes the panels' subject."""
    org = window.controller.org
    wanted = [pid for pid in ids if pid in org]
    if not wanted:
        return
    if current is None or current not in org:
        now = window.current_id()
        current = now if now in wanted else wanted[0]
    model = window.model
    # Runs of adjacent siblings as one range each: Qt compares selections range by range.
    rows: dict[PositionId | None, list[int]] = {}
    for pid in set(wanted):
        rows.setdefault(org.position(pid).superior_id, []).append(org.row_of(pid))
    selection = QItemSelection()
    for superior, taken in rows.items():
        parent = QModelIndex() if superior is None else model.index_of(superior)
        taken.sort()
        first = previous = taken[0]
        for row in [*taken[1:], -2]:
            if row != previous + 1:
                selection.select(model.index(first, 0, parent), model.index(previous, 0, parent))
                first = row
            previous = row
    tree = window.tree
    flags = QItemSelectionModel.SelectionFlag
    # Cleared first, then selected, without the Rows flag (the tree has one column, so a
    # range is whole rows already): ClearAndSelect compares the old ranges with the new
    # pairwise and Rows merges the ranges into each other one by one, each asking the
    # model for parents: seconds for 1,000 scattered rows, instead of milliseconds.
    tree.selectionModel().clearSelection()
    tree.selectionModel().select(selection, flags.Select)
    index = model.index_of(current)
    tree.selectionModel().setCurrentIndex(index, flags.NoUpdate)
    tree.scrollTo(index)
    _show_in_chart(window)


# ------------------------------------------------------------------ bulk edit
def edit_selected(window: MainWindow) -> None:
    """Edit → Edit Selected…: the dialog, then the ticked fields on every selected one."""
    from orgdesk.ui.bulk_edit_dialog import BulkEditDialog

    ids = selected_ids(window)
    if not ids:
        window.show_problem(tr("MainWindow", "Select the positions to edit first."))
        return
    dialog = BulkEditDialog(window.controller.org, len(ids), _widget(window))

    def apply() -> None:
        fields, arrangement = dialog.values()
        if fields or arrangement is not None:
            apply_edit(window, ids, fields, arrangement)
    dialog.accepted.connect(apply)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def apply_edit(window: MainWindow, ids: list[PositionId], fields: dict[str, object],
               arrangement: str | None) -> bool:
    """Set `fields` (and `arrangement`) on `ids` as one undo step."""
    text = tr_n("MainWindow", "Edit {count} position", "Edit {count} positions", len(ids))
    current = window.current_id()
    done = window.controller.execute(
        text, lambda s: bulk.edit_positions(s, ids, fields, arrangement))
    # Field edits keep the tree's rows, and with them the selection; only a reload of
    # the organisation (after a refused edit) loses it.
    if done is not None and window.current_id() != current and current is not None:
        select_ids(window, ids, current)
    return done is not None


# --------------------------------------------------------------------- delete
def delete_selected(window: MainWindow, ids: list[PositionId]) -> None:
    """Delete several positions in one step; asked once, as for one, when any of them has
    reports that are not themselves being deleted."""
    org = window.controller.org
    chosen = set(ids)
    kept_reports = sum(1 for pid in ids for report in org.report_ids(pid)
                       if report not in chosen)
    count = len(ids)
    lift = False
    if kept_reports:
        superiors = {org.position(pid).superior_id for pid in bulk.top_most(org, ids)}
        superior = next(iter(superiors)) if len(superiors) == 1 else None
        where = org.position(superior).title if superior is not None else (
            tr("MainWindow", "the top level") if len(superiors) == 1
            else tr("MainWindow", "their superiors"))
        mode = dialogs.ask_delete_mode(
            _widget(window), tr_n("MainWindow", "{count} selected position", "{count} selected positions",
                         count), kept_reports, where)
        if mode == "cancel":
            return
        lift = mode == "lift"
    text = tr_n("MainWindow", "Delete {count} position", "Delete {count} positions", count)
    if kept_reports and not lift:
        text = tr_n("MainWindow", "Delete {count} position and their reports",
                    "Delete {count} positions and their reports", count)
    window.controller.execute(text, lambda s: bulk.remove_positions(s, ids, lift))


# ----------------------------------------------------------------------- move
def move_selected(window: MainWindow, ids: list[PositionId], superior: PositionId | None,
                  row: int, with_reports: bool) -> bool:
    """A drop of several positions (tree or chart) under `superior` at `row` (-1: at the
    end; counted as the rows are before the move) as one undo step."""
    org = window.controller.org
    ordered = bulk.tree_ordered(org, ids)
    if not ordered:
        return False
    index: int | None = None
    if row >= 0:
        # Rows above the drop that are themselves moving no longer count.
        index = row - sum(1 for pid in ordered if org.position(pid).superior_id == superior
                          and org.position(pid).order < row)
    target = org.position(superior).title if superior is not None else \
        tr("MainWindow", "the top level")
    count = len(ordered)
    text = tr_n("MainWindow", "Move {count} position under {target}",
                "Move {count} positions under {target}", count, target=target) \
        if with_reports else tr_n("MainWindow", "Move only {count} position under {target}",
                                  "Move only {count} positions under {target}", count,
                                  target=target)
    current = window.current_id()
    done = window.controller.execute(
        text, lambda s: bulk.move_positions(s, ordered, superior, index, with_reports))
    select_ids(window, ordered, current)
    return done is not None


# ------------------------------------------------------------------ clipboard
def copy_selected(window: MainWindow, ids: list[PositionId], mime_type: str) -> None:
    """Copy the branches of several selected positions as `mime_type` (the window's
    clipboard type for branches), and as text: an indented list."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    from orgdesk.analysis.texts import tree_indent

    org = window.controller.org
    data = bulk.copy_branches(org, ids)
    mime = QMimeData()
    mime.setData(mime_type, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    lines: list[str] = []
    for top in bulk.top_most(org, ids):
        base = org.level_of(top)
        lines.extend(tree_indent(org.level_of(p.id) - base + 1) + p.title
                     + (f" ×{p.planned_headcount}" if p.planned_headcount > 1 else "")
                     for p in org.branch(top))
    mime.setText("\n".join(lines))
    QGuiApplication.clipboard().setMimeData(mime)
    window.statusBar().showMessage(tr_n("MainWindow", "Copied {count} position",
                                        "Copied {count} positions", len(ids)), 4000)


def cut_selected(window: MainWindow, ids: list[PositionId], mime_type: str) -> None:
    """Copy, then delete the selected positions' branches: one undo step."""
    copy_selected(window, ids, mime_type)
    window.controller.execute(
        tr_n("MainWindow", "Cut {count} position", "Cut {count} positions", len(ids)),
        lambda s: bulk.remove_positions(s, ids))


def paste_several(window: MainWindow, data: dict[str, object],
                  superior: PositionId | None) -> None:
    """Paste several copied branches under `superior` as one step, and select them."""
    done = window.controller.execute(
        tr("MainWindow", "Paste"), lambda s: bulk.paste_branches(s, data, superior))
    if done is not None and done.result:
        select_ids(window, done.result, done.result[0])
