"""Departments dialog keys and colour dialog; the KPI panel's Add and columns
(issue 13, defect 11)."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QColorDialog,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
)

from orgdesk.core.model import Kpi
from orgdesk.ui.departments_dialog import DepartmentsDialog
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, type_text, undo_texts, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def departments(window: MainWindow) -> tuple[DepartmentsDialog, QListWidget]:
    window.edit_departments()
    dialog = window.findChild(DepartmentsDialog)
    assert dialog is not None
    assert wait_for(dialog.isVisible)
    dialog.activateWindow()
    assert wait_for(lambda: QApplication.activeWindow() is dialog)
    listing = dialog.findChild(QListWidget, "departmentsList")
    return dialog, listing


def names(window: MainWindow) -> list[str]:
    return [d.name for d in window.controller.org.departments]


def test_f2_renames_and_return_commits_instead_of_adding(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    before = names(window)
    dialog, listing = departments(window)
    # The list has the keyboard from the start, on the first department.
    assert listing.hasFocus() and listing.currentRow() == 0
    # F2 renames wherever the focus is in the dialog (here: after using a button).
    colour = dialog.findChild(QPushButton, "colourDepartmentButton")
    colour.setFocus()
    QTest.keyClick(colour, Qt.Key.Key_F2)
    assert wait_for(lambda: listing.state() == QAbstractItemView.State.EditingState)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, "运营中心")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert wait_for(lambda: listing.state() != QAbstractItemView.State.EditingState)
    assert names(window) == ["运营中心", *before[1:]]  # renamed, nothing added
    assert undo_texts(window)[-1] == f"Rename department {before[0]} → 运营中心"
    assert dialog.isVisible()
    # Return on the list (not editing) neither adds nor closes.
    QTest.keyClick(listing, Qt.Key.Key_Return)
    QTest.keyClick(dialog.findChild(QPushButton, "upDepartmentButton"), Qt.Key.Key_Return)
    assert names(window) == ["运营中心", *before[1:]] and dialog.isVisible()
    assert listing.currentRow() == 0
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.findChildren(QPushButton))
    dialog.reject()


def test_the_colour_dialog_leaves_the_list_in_view(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    dialog, listing = departments(window)
    listing.setCurrentRow(1)
    seen: list[tuple[QRect, QRect]] = []

    def answer() -> None:
        colour = QApplication.activeModalWidget()
        if not isinstance(colour, QColorDialog):
            QTimer.singleShot(20, answer)
            return
        top_left = listing.mapToGlobal(listing.rect().topLeft())
        seen.append((colour.frameGeometry(), QRect(top_left, listing.size())))
        colour.setCurrentColor(QColor("#123456"))
        colour.accept()
    QTimer.singleShot(20, answer)
    QTest.mouseClick(dialog.findChild(QPushButton, "colourDepartmentButton"),
                     Qt.MouseButton.LeftButton)
    assert seen, "no colour dialog was shown"
    colour_rect, list_rect = seen[0]
    assert not colour_rect.intersects(list_rect), (colour_rect, list_rect)
    assert window.controller.org.departments[1].colour == "#123456"
    dialog.reject()


def kpi_table(window: MainWindow) -> QTableWidget:
    window.docks["kpiPanel"].raise_()
    table = window.findChild(QTableWidget, "kpiTable")
    assert table is not None
    return table


def test_kpi_add_opens_its_editor_like_duties(open_window: OpenWindow) -> None:
    window = open_window()
    position = pid(window, "客户服务专员")
    window.select_position(position)
    table = kpi_table(window)
    steps = window.controller.undo_stack.count()
    QTest.mouseClick(window.findChild(QPushButton, "addKpiButton"), Qt.MouseButton.LeftButton)
    assert wait_for(lambda: table.state() == QAbstractItemView.State.EditingState)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == ""
    # Nothing reaches the document until it is typed.
    assert window.controller.org.position(position).kpis == ()
    assert window.controller.undo_stack.count() == steps
    type_text(editor, "一次解决率")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert wait_for(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert window.controller.org.position(position).kpis == (Kpi("一次解决率"),)
    assert window.controller.undo_stack.count() == steps + 1
    # Escape on a new row leaves nothing behind.
    QTest.mouseClick(window.findChild(QPushButton, "addKpiButton"), Qt.MouseButton.LeftButton)
    assert wait_for(lambda: table.state() == QAbstractItemView.State.EditingState)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert wait_for(lambda: table.rowCount() == 1)
    assert window.controller.org.position(position).kpis == (Kpi("一次解决率"),)
    assert window.controller.undo_stack.count() == steps + 1


def test_kpi_columns_fit_their_text(open_window: OpenWindow) -> None:
    window = open_window()
    window.resize(1366, 768)
    position = pid(window, "客户服务专员")
    window.select_position(position)
    kpis = (Kpi("客户满意度（按月度回访抽样统计，不含投诉类来电的回访结果）",
                "≥ 95%（每月，按回访抽样）"),
            Kpi("平均处理时长 AHT", "≤ 180 秒"),
            Kpi("首次来电解决率", "≥ 85%"))
    window.controller.execute("kpis", lambda s: s.edit_position(position, kpis=kpis))
    table = kpi_table(window)
    QApplication.processEvents()
    metrics = QFontMetrics(table.font())
    for row, kpi in enumerate(kpis):
        for column, text in enumerate((kpi.name, kpi.target)):
            rect = table.visualRect(table.model().index(row, column))
            needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 10_000),
                                          int(Qt.TextFlag.TextWordWrap), text)
            assert needed.width() <= rect.width() - 8 and needed.height() <= rect.height(), \
                (text, rect, needed)
    header = table.horizontalHeader()
    for column in range(2):
        label = table.horizontalHeaderItem(column).text()
        assert metrics.horizontalAdvance(label) < header.sectionSize(column)
