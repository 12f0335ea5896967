"""The position tree (orgTree): the item model, its marks, expansion."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSpinBox, QTreeView
from pytestqt.modeltest import ModelTester

from orgdesk.core.model import PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.tree_model import OrgTreeModel, PositionIdRole
from tests.ui.conftest import pid, tree_rows

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def test_the_tree_is_the_window_centre(open_window: OpenWindow) -> None:
    window = open_window()
    tree = window.findChild(QTreeView, "orgTree")
    assert tree is window.tree
    central = window.centralWidget()
    assert tree is central or central.isAncestorOf(tree)  # alone or beside the chart
    assert tree.isVisible()
    assert isinstance(tree.model(), OrgTreeModel)
    # A document opens showing three levels.
    assert tree_rows(window) == [
        "运营经理", "  项目经理", "    项目督导", "  质检专员", "  培训专员",
    ]
    # The first root is selected, so the panels are never empty on open.
    assert window.current_id() == pid(window, "运营经理")


def test_model_passes_the_model_tester_through_edits(open_window: OpenWindow,
                                                     qtmodeltester: ModelTester) -> None:
    window = open_window("training_call_center_50")
    qtmodeltester.check(window.model)
    service = window.controller
    lead = pid(window, "项目组长", 1)
    service.execute("add", lambda s: s.new_position("座席员", lead, 0))
    service.execute("move", lambda s: s.move_position(lead, pid(window, "运营总监"), 0))
    service.execute("lift", lambda s: s.remove_position_lifting_reports(pid(window, "项目经理")))
    service.execute("branch", lambda s: s.remove_branch(pid(window, "运营助理")))
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    qtmodeltester.check(window.model)
    # The model answers from the document: it matches the organisation row for row.
    org = window.controller.org
    for position in org.positions():
        index = window.model.index_of(position.id)
        assert index.data(PositionIdRole) == position.id
        assert window.model.parent(index) == (
            QModelIndex() if position.superior_id is None
            else window.model.index_of(position.superior_id))
        assert window.model.rowCount(index) == len(org.direct_reports(position.id))


def test_model_tester_on_an_empty_document(qtmodeltester: ModelTester) -> None:
    model = OrgTreeModel(Organisation())
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_headcount_badge_only_above_one(open_window: OpenWindow) -> None:
    window = open_window()
    assert window.model.index_of(pid(window, "客户服务专员")).data() == "客户服务专员 ×14"
    assert window.model.index_of(pid(window, "项目督导")).data() == "项目督导"
    # Editing is on the bare title, not on the badge.
    index = window.model.index_of(pid(window, "客户服务专员"))
    assert index.data(Qt.ItemDataRole.EditRole) == "客户服务专员"


def test_staff_positions_are_italic(open_window: OpenWindow) -> None:
    window = open_window()
    org = window.controller.org
    for position in org.positions():
        font = window.model.index_of(position.id).data(Qt.ItemDataRole.FontRole)
        italic = isinstance(font, QFont) and font.italic()
        assert italic == (position.kind is PositionKind.STAFF), position.title
    assert {p.title for p in org.positions() if p.kind is PositionKind.STAFF} == {"质检专员", "培训专员"}


def test_department_colour_decoration(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    org = window.controller.org
    group3 = next(d for d in org.departments if d.name == "项目组3")
    colour = window.model.index_of(pid(window, "话务员", 2)).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(colour, QColor) and colour == QColor(group3.colour)
    # Without a department: a transparent swatch that keeps titles aligned.
    none = window.model.index_of(pid(window, "运营总监")).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(none, QColor) and none.alpha() == 0


def test_department_swatches_follow_a_recolour_and_its_undo(open_window: OpenWindow) -> None:
    """The rows keep their look in items: a department's new colour must reach every
    row of the department (and only those), and undo must bring the old one back."""
    from dataclasses import replace

    window = open_window("training_call_center_50")
    org = window.controller.org
    group3 = next(d for d in org.departments if d.name == "项目组3")
    members = [p.id for p in org.positions() if p.department_id == group3.id]
    others = [p.id for p in org.positions() if p.department_id not in (None, group3.id)]
    assert members and others

    def swatch(position: object) -> QColor:
        colour = window.model.index_of(position).data(Qt.ItemDataRole.DecorationRole)  # type: ignore[arg-type]  # a position id
        assert isinstance(colour, QColor)
        return colour

    before = {p: swatch(p) for p in others}
    window.controller.execute("recolour", lambda s: s.update_department(
        replace(group3, colour="#123456")))
    assert all(swatch(p) == QColor("#123456") for p in members)
    assert {p: swatch(p) for p in others} == before
    window.controller.undo_stack.undo()
    assert all(swatch(p) == QColor(group3.colour) for p in members)
    window.controller.execute("remove", lambda s: s.remove_department(group3.id))
    assert all(swatch(p).alpha() == 0 for p in members)


def test_vacancy_marker_appears_once_seats_are_filled(open_window: OpenWindow) -> None:
    window = open_window()
    assert not [row for row in tree_rows(window) if "vacant" in row]
    csr = pid(window, "客户服务专员")
    window.select_position(csr)
    expanded_before = window.tree.expanded_ids()
    filled = window.overview.findChild(QSpinBox, "filledSpin")
    filled.setValue(10)
    assert window.controller.org.position(csr).filled_headcount == 10
    assert window.model.index_of(csr).data() == "客户服务专员 ×14  (4 vacant)"
    assert window.model.index_of(pid(window, "项目督导")).data() == "项目督导  (1 vacant)"
    assert window.model.index_of(csr).data(Qt.ItemDataRole.ForegroundRole) is not None
    # Turning the marks on repaints the tree; it must not collapse it or lose the selection.
    assert window.tree.expanded_ids() == expanded_before
    assert window.current_id() == csr
    window.controller.undo_stack.undo()
    assert not [row for row in tree_rows(window) if "vacant" in row]
    assert window.tree.expanded_ids() == expanded_before
    assert window.current_id() == csr


def _expanded_levels(window: MainWindow) -> dict[str, bool]:
    org = window.controller.org
    return {f"{p.title}#{p.id}@{org.level_of(p.id)}": window.tree.isExpanded(
        window.model.index_of(p.id)) for p in org.positions() if org.direct_reports(p.id)}


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_expand_all_collapse_all_and_levels(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    org = window.controller.org
    with_reports = [p for p in org.positions() if org.direct_reports(p.id)]
    _action(window, "actionCollapseAll").trigger()
    assert not any(_expanded_levels(window).values())
    assert tree_rows(window) == ["运营总监"]
    _action(window, "actionExpandAll").trigger()
    assert all(_expanded_levels(window).values())
    assert len(tree_rows(window)) == len(org)
    for level in range(1, 6):
        _action(window, f"actionExpandLevel{level}").trigger()
        for position in with_reports:
            expanded = window.tree.isExpanded(window.model.index_of(position.id))
            assert expanded == (org.level_of(position.id) < level), (level, position.title)
        assert {len(row) - len(row.lstrip()) for row in tree_rows(window)} == {
            2 * depth for depth in range(min(level, org.depth()))}


def test_expansion_shortcuts(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tree_rows(window) == ["运营总监"]
    QTest.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert tree_rows(window) == ["运营总监", "  项目经理", "  运营助理"]
    QTest.keyClick(window.tree, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(tree_rows(window)) == len(window.controller.org)


def test_expansion_survives_edits_and_undo(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    _action(window, "actionExpandLevel2").trigger()
    window.tree.setExpanded(window.model.index_of(pid(window, "项目组长", 2)), True)
    before = window.tree.expanded_ids()
    leader = pid(window, "项目组长", 0)
    window.controller.execute("move", lambda s: s.move_position(leader, None))
    assert window.tree.expanded_ids() == before
    window.controller.undo_stack.undo()
    assert window.tree.expanded_ids() == before


def test_highlights_follow_each_new_set_and_brush(open_window: OpenWindow) -> None:
    """Only the rows whose background changes are touched: rows leaving the set lose
    it, a new brush repaints the rows that stay."""
    from PySide6.QtGui import QBrush

    window = open_window("training_call_center_50")
    ids = [p.id for p in window.controller.org.positions()]
    yellow, blue = QBrush(QColor("#FFE699")), QBrush(QColor("#DDEEFF"))

    def marked() -> dict[object, str]:
        found = {}
        for position in ids:
            brush = window.model.index_of(position).data(Qt.ItemDataRole.BackgroundRole)
            if brush is not None:
                found[position] = QBrush(brush).color().name()
        return found

    window.model.set_highlighted(set(ids[:3]), yellow)
    assert marked() == dict.fromkeys(ids[:3], "#ffe699")
    window.model.set_highlighted(set(ids[2:5]), yellow)
    assert marked() == dict.fromkeys(ids[2:5], "#ffe699")
    window.model.set_highlighted(set(ids[2:5]), blue)
    assert marked() == dict.fromkeys(ids[2:5], "#ddeeff")
    window.model.set_highlighted(set(), blue)
    assert marked() == {}
