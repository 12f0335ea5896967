"""No clipped text at the default window size (issue 13, defect 13): the direct-reports
panel and the tree rows show their whole text, and the Overview panel needs no
scrolling on a 1366×768 screen."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QTableWidget

from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui.fonts import cjk_family
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
SAMPLES = ("training_call_center_50", "tax_invoice_call_center", "bank_service_center",
           "call_center_chart")


def settle(window: MainWindow) -> None:
    for _ in range(5):
        QApplication.processEvents()


def visible_rows(window: MainWindow) -> list[QModelIndex]:
    rows: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(window.model.rowCount(parent)):
            index = window.model.index(row, 0, parent)
            rows.append(index)
            if window.tree.isExpanded(index):
                walk(index)
    walk(QModelIndex())
    return rows


#: A call center as consultants title it: long titles five levels deep.
LONG_CHAIN = ("客户服务中心总经理", "呼叫中心运营部高级经理", "呼入业务一部项目主管",
              "呼入业务一部夜班班组长", "呼叫中心客户服务专员（夜班）")


def long_titles(tmp_path: Path) -> Path:
    service = DocumentService(DocumentFile.new())
    superior = None
    for title in LONG_CHAIN:
        superior = service.new_position(title, superior).id
    service.edit_position(superior, planned_headcount=14)
    target = tmp_path / "long.orgdesk"
    service.save_as(target)
    service.file.close()
    return target


@pytest.mark.parametrize("sample", [*SAMPLES, "long titles"])
def test_tree_rows_show_their_whole_text(open_window: OpenWindow, sample: str,
                                         tmp_path: Path) -> None:
    window = open_window(long_titles(tmp_path) if sample == "long titles" else sample)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # Expand All: every row on screen
    assert all(window.tree.isExpanded(i) for i in visible_rows(window)
               if window.model.rowCount(i))
    settle(window)
    tree = window.tree
    width = tree.viewport().width()
    metrics = tree.fontMetrics()
    for index in visible_rows(window):
        rect = tree.visualRect(index)
        # After the branch indentation: the swatch and the whole text, as the delegate sizes it.
        needed = tree.sizeHintForIndex(index).width()
        assert metrics.horizontalAdvance(str(index.data())) < needed
        assert rect.left() + needed <= width, (sample, index.data(), rect, width)
    assert not tree.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_direct_reports_panel_is_not_cut_off(open_window: OpenWindow, sample: str) -> None:
    window = open_window(sample)
    org = window.controller.org
    manager = max(org.positions(), key=lambda p: len(org.direct_reports(p.id)))
    window.select_position(manager.id)
    window.docks["reportsPanel"].raise_()
    settle(window)
    scroll = window.docks["reportsPanel"].widget()
    assert isinstance(scroll, QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible(), "the panel is wider than its dock"
    table = window.findChild(QTableWidget, "reportsTable")
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        label = table.horizontalHeaderItem(column).text()
        assert metrics.horizontalAdvance(label) + 8 <= header.sectionSize(column), label
        for row in range(table.rowCount()):
            text = table.item(row, column).text()
            assert table.fontMetrics().horizontalAdvance(text) + 6 <= table.columnWidth(column)
    assert header.sectionViewportPosition(table.columnCount() - 1) \
        + header.sectionSize(table.columnCount() - 1) <= table.viewport().width()
    totals = window.findChild(QLabel, "reportsTotals")
    needed = totals.heightForWidth(totals.width()) if totals.wordWrap() else -1
    if needed < 0:
        assert totals.sizeHint().width() <= totals.width(), totals.text()
    else:
        assert needed <= totals.height(), totals.text()


@pytest.fixture
def application_font(qapp: QApplication) -> Iterator[None]:
    """The font the application sets at start (with the CJK family), as users see it."""
    before = QFont(qapp.font())
    family = cjk_family()
    if family is not None:
        font = QFont(before)
        font.setFamilies([before.family(), family])
        qapp.setFont(font)
    yield
    qapp.setFont(before)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_overview_needs_no_scrolling(open_window: OpenWindow, size: tuple[int, int],
                                         application_font: None) -> None:
    window = open_window("call_center_chart")
    window.resize(*size)
    window.select_position(pid(window, "客服主管"))
    settle(window)
    scroll = window.docks["overviewPanel"].widget()
    assert isinstance(scroll, QScrollArea)
    assert not scroll.verticalScrollBar().isVisible(), (
        scroll.viewport().height(), window.overview.minimumSizeHint().height())
    # The duties below it keep a few rows.
    assert window.docks["dutiesPanel"].height() >= 120


def test_the_analysis_dock_leaves_the_panels_their_height(open_window: OpenWindow,
                                                          application_font: None) -> None:
    window = open_window("call_center_chart")
    window.resize(1366, 768)
    settle(window)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    settle(window)
    analysis = window.deliverables.dock
    assert analysis.isVisible()
    overview = window.docks["overviewPanel"]
    # Under the tree and the chart only, not under the panels.
    assert analysis.geometry().right() < overview.geometry().left()
    scroll = overview.widget()
    assert isinstance(scroll, QScrollArea)
    assert not scroll.verticalScrollBar().isVisible()
