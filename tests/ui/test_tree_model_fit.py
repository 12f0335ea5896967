"""The tree widens for the rows an edit shows by measuring those rows alone.

Measuring every open row (QTreeView.sizeHintForColumn) after each edit and each
change of the current row cost 0.1-0.2 s on 10,000 positions: the work is
bounded here by counting those whole-tree measurements.
"""
from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QSplitter

from orgdesk.core.model import PositionId
from orgdesk.ui import window_fit
from orgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
P = PositionId
LONG = "呼叫中心客户服务部夜班高级质检与培训专员（兼任新员工带教导师）"


def settle() -> None:
    """Until the rows an edit showed have been measured (a moment after the edit)."""
    end = time.monotonic() + (window_fit.ROWS_FIT_DELAY_MS + 100) / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def tree_width(window: MainWindow) -> int:
    splitter = window.centralWidget()
    assert isinstance(splitter, QSplitter)
    return splitter.sizes()[0]


def fits(window: MainWindow, pid: PositionId, before: int) -> bool:
    """The row shows its whole text, or the tree widened as far as it may."""
    tree = window.tree
    index = window.model.index_of(pid)
    tree.scrollTo(index)
    settle()
    rect = tree.visualRect(index)
    splitter = window.centralWidget()
    assert isinstance(splitter, QSplitter)
    at_most = int(sum(splitter.sizes()) * window_fit.TREE_SHARE)
    whole = rect.isValid() and rect.left() + tree.sizeHintForIndex(index).width() \
        <= tree.viewport().width()
    return tree_width(window) > before and (whole or tree_width(window) >= at_most - 1)


@pytest.fixture
def counted(open_window: OpenWindow) -> tuple[MainWindow, list[int]]:
    window = open_window("training_call_center_50")
    window.resize(1366, 768)
    window.tree.expandAll()
    settle()
    calls: list[int] = []
    whole = window.tree.sizeHintForColumn

    def counting(column: int) -> int:
        calls.append(column)
        return whole(column)
    window.tree.sizeHintForColumn = counting  # type: ignore[method-assign]  # counted
    return window, calls


def test_a_long_row_inserted_deep_down_widens_the_tree(
        counted: tuple[MainWindow, list[int]]) -> None:
    window, calls = counted
    before = tree_width(window)
    done = window.controller.execute("add", lambda s: s.new_position(LONG, P(9)))
    assert done is not None and done.result is not None
    settle()
    assert fits(window, done.result.id, before)
    assert calls == []  # measured alone, not with every open row


def test_a_long_row_moved_deeper_widens_the_tree(counted: tuple[MainWindow, list[int]]
                                                 ) -> None:
    window, calls = counted
    window.controller.execute("rename", lambda s: s.edit_position(P(13), title=LONG[:12]))
    settle()
    before = tree_width(window)
    window.controller.execute("move", lambda s: s.move_position(P(13), P(11)))
    settle()
    assert fits(window, P(13), before)
    assert calls == []


def test_changing_the_current_row_measures_no_rows(counted: tuple[MainWindow, list[int]]
                                                   ) -> None:
    window, calls = counted
    for pid in (P(5), P(12), P(2)):
        window.select_position(pid)
        settle()
    assert calls == []
    # Opening a branch measures what it shows; Expand All measures everything.
    window.tree.collapseAll()
    window.tree.expand(window.model.index(0, 0, QModelIndex()))
    settle()
    assert calls == []
    expand_all = window.findChild(QAction, "actionExpandAll")
    assert expand_all is not None
    expand_all.trigger()
    settle()
    assert calls == [0]
