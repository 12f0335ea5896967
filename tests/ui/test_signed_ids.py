"""The tree model and the chart never depend on an id's sign or size.

A file with negative position ids crashed the window while it was built: the
tree model used the id as the index's internal id, which Qt keeps as an
unsigned pointer (`createIndex` with -1).  Ids near 2⁶³ were cut by
`Signal(int)`, a 32-bit C++ int.  Organisations are built in memory here, so
the model and the view are tested whatever the file reader lets through.
"""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.ui.chart_view import ChartView
from orgdesk.ui.tree_model import MIME_POSITIONS, OrgTreeModel, PositionIdRole

P = PositionId
BIG = 2**63 - 1
SMALLEST = -(2**63)


def signed_org() -> Organisation:
    return Organisation(positions=[
        Position(P(BIG), "top"), Position(P(-1), "minus one", P(BIG), 0),
        Position(P(0), "zero", P(BIG), 1), Position(P(SMALLEST), "smallest", P(-1), 0),
        Position(P(-2), "second root", None, 1), Position(P(2**40), "big", P(-2), 0),
    ])


def test_model_answers_for_every_id(qtmodeltester: ModelTester) -> None:
    org = signed_org()
    model = OrgTreeModel(org)
    qtmodeltester.check(model)
    for position in org.positions():
        index = model.index_of(position.id)
        assert model.id_at(index) == position.id
        assert index.data(PositionIdRole) == position.id
        assert index.data() == position.title
        parent = model.parent(index)
        assert model.id_at(parent) == position.superior_id
        assert model.index(index.row(), 0, parent) == index
        assert model.rowCount(index) == org.report_count(position.id)


def test_drop_names_the_top_level_apart_from_id_minus_one(qtbot: QtBot) -> None:
    model = OrgTreeModel(signed_org())
    data = QMimeData()
    data.setData(MIME_POSITIONS, json.dumps([BIG, SMALLEST]).encode("ascii"))
    seen: list[tuple[object, ...]] = []
    model.move_requested.connect(lambda *args: seen.append(args))
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(P(-1)))
    model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert seen == [([BIG, SMALLEST], -1, 0, True), ([BIG, SMALLEST], None, 1, True)]
    dragged = model.mimeData([model.index_of(P(SMALLEST)), model.index_of(P(BIG))])
    assert json.loads(bytes(dragged.data(MIME_POSITIONS).data())) == [SMALLEST, BIG]


@pytest.mark.gui
def test_chart_selection_carries_the_whole_id(qtbot: QtBot) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.refresh(signed_org())
    for pid in (BIG, SMALLEST, -1):
        with qtbot.waitSignal(view.position_selected) as signal:
            view.scene().clearSelection()
            view._items[pid].setSelected(True)
        assert signal.args == [pid]
