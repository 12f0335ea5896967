"""The Analysis dock in the window: Ctrl+Shift+A toggles it, it opens at a modest
height, every row of its rules tab is labelled, and its figures are copied and
exported (issue 13, defect 14)."""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QFormLayout, QLabel, QPushButton, QTableView

from orgdesk.ui import dialogs
from orgdesk.ui.analysis_panel import AnalysisPanel
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_analysis(window: MainWindow, size: tuple[int, int] | None = (1366, 768)
                  ) -> AnalysisPanel:
    if size is not None:
        window.resize(*size)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_A, CTRL_SHIFT)
    dock = window.deliverables.dock
    assert wait_for(dock.isVisible)
    panel = dock.widget()
    assert isinstance(panel, AnalysisPanel)
    return panel


def test_ctrl_shift_a_toggles_the_analysis_like_ctrl_h_the_history(
        open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    open_analysis(window)
    dock = window.deliverables.dock
    QTest.keyClick(window.tree, Qt.Key.Key_A, CTRL_SHIFT)
    assert wait_for(lambda: not dock.isVisible())
    QTest.keyClick(window.tree, Qt.Key.Key_A, CTRL_SHIFT)
    assert wait_for(dock.isVisible)


def test_the_dock_does_not_take_half_the_window(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    open_analysis(window, None)  # the window's default size
    dock = window.deliverables.dock
    for _shown in range(2):  # also when shown again, once the panel is built
        QApplication.processEvents()
        assert dock.height() <= 0.4 * window.height(), (dock.height(), window.height())
        assert dock.height() >= 150
        # The tree above keeps most of the height.
        assert window.tree.height() >= 0.4 * window.height()
        QTest.keyClick(window.tree, Qt.Key.Key_A, CTRL_SHIFT)
        assert wait_for(lambda: not dock.isVisible())
        QTest.keyClick(window.tree, Qt.Key.Key_A, CTRL_SHIFT)
        assert wait_for(dock.isVisible)


def test_every_row_of_the_rules_tab_is_labelled(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    panel = open_analysis(window)
    forms = panel.rules_editor.findChildren(QFormLayout)
    assert forms
    for form in forms:
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            assert label is not None, f"row {row} has no label"
            widget = label.widget()
            assert isinstance(widget, QLabel | QCheckBox)  # a rule's label is its check box
            text = widget.text()
            assert text.strip(), f"row {row} has an empty label"


def test_figures_are_copied_as_cells(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    panel = open_analysis(window)
    QApplication.clipboard().clear()
    copy = panel.findChild(QPushButton, "copyFiguresButton")
    assert copy is not None, "no Copy button"
    QTest.mouseClick(copy, Qt.MouseButton.LeftButton)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:2] == ["Position", "Department"]
    assert len(lines) == 1 + len(window.controller.org)
    assert lines[1].split("\t")[0] == "运营总监"
    # A selected row alone, through Ctrl+C in the table.
    table = panel.positions_view
    table.selectRow(1)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert len(lines) == 2 and lines[1].startswith("　项目经理\t")
    # The departments tab copies its own table.
    panel.tabs.setCurrentIndex(1)
    QTest.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text().splitlines()[0].startswith("Department\t")


def test_figures_export_to_xlsx_and_csv(open_window: OpenWindow, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("training_call_center_50")
    panel = open_analysis(window)
    asked: list[Path] = []
    target = tmp_path / "out" / "figures.xlsx"
    target.parent.mkdir()

    def ask(parent: object, suggested: Path) -> Path:
        asked.append(suggested)
        return target
    monkeypatch.setattr(dialogs, "ask_figures_path", ask, raising=False)
    export = panel.findChild(QPushButton, "exportFiguresButton")
    assert export is not None, "no Export button"
    QTest.mouseClick(export, Qt.MouseButton.LeftButton)
    book = load_workbook(target, read_only=True)
    assert book.sheetnames[:3] == ["Positions", "Departments", "Levels"]
    rows = list(book["Positions"].values)
    assert rows[0][0] == "Position" and len(rows) == 1 + len(window.controller.org)
    assert isinstance(rows[1][5], int)  # numbers stay numbers
    book.close()
    # The CSV holds the table shown; the next export starts in the last folder.
    panel.tabs.setCurrentIndex(2)
    target = tmp_path / "out" / "levels.csv"
    QTest.mouseClick(export, Qt.MouseButton.LeftButton)
    assert asked[1].parent == tmp_path / "out" and asked[1].suffix == ".xlsx"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][0] == "Level" and len(table) == 1 + panel.levels_model.rowCount()
    QTest.mouseClick(export, Qt.MouseButton.LeftButton)
    assert asked[2].suffix == ".csv"  # the format last chosen


def test_table_views_are_the_tabs(open_window: OpenWindow) -> None:
    window = open_window("training_call_center_50")
    panel = open_analysis(window)
    assert [t.name for t in panel.figure_tables()][:4] == [
        "Positions", "Departments", "Levels", panel.tabs.tabText(3)]
    assert isinstance(panel.tabs.widget(0), QTableView)
