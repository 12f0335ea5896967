"""Pay in the window (issue 14, cost): the overview's pay row (each field one undoable
edit), the Analysis panel's cost table (copied and exported like the other figures),
and the currency in File → Properties."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QSpinBox

from orgdesk.core.model import PositionId
from orgdesk.storage.document import create_file
from orgdesk.ui import dialogs
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.properties_dialog import PropertiesDialog
from tests.analysis.test_cost import priced
from tests.ui.conftest import undo_texts, wait_for
from tests.ui.test_analysis_window import open_analysis

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def spin(window: MainWindow, name: str) -> QSpinBox:
    found = window.overview.findChild(QSpinBox, name)
    assert found is not None, name
    return found


def pay_of(window: MainWindow, pid: int) -> tuple[int, int, int]:
    position = window.controller.org.position(PositionId(pid))
    return position.pay_min, position.pay_max, position.on_cost_percent


@pytest.fixture
def priced_window(open_window: OpenWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "priced.orgdesk"
    create_file(path, priced())
    return open_window(path)


def type_into(box: QSpinBox, text: str) -> None:
    """Select the box's text, type `text` and press Enter, as a user would."""
    box.setFocus()
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), text)
    QTest.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def test_the_overview_edits_each_pay_field_as_one_step(priced_window: MainWindow) -> None:
    window = priced_window
    window.select_position(PositionId(4))  # 培训师: no pay yet
    QApplication.processEvents()
    assert (spin(window, "payMinSpin").text(), spin(window, "payMaxSpin").text()) == ("—", "—")
    label = window.overview.findChild(QLabel, "payLabel")
    assert label is not None and label.text() == "Monthly pay (CNY)"
    before = len(undo_texts(window))
    type_into(spin(window, "payMinSpin"), "6500")  # one edit, not 6, 65, 650, 6500
    type_into(spin(window, "payMaxSpin"), "9000")
    type_into(spin(window, "onCostSpin"), "35")
    assert pay_of(window, 4) == (6_500, 9_000, 35)
    assert undo_texts(window)[before:] == ["Change minimum monthly pay of 培训师",
                                           "Change maximum monthly pay of 培训师",
                                           "Change on-cost of 培训师"]
    assert spin(window, "onCostSpin").text() == "+35%"
    stack = window.controller.undo_stack
    stack.undo()
    assert pay_of(window, 4) == (6_500, 9_000, 0)
    stack.undo()
    assert pay_of(window, 4) == (6_500, 0, 0)
    assert spin(window, "payMaxSpin").value() == 0  # the panel follows undo
    stack.redo()
    stack.redo()
    assert pay_of(window, 4) == (6_500, 9_000, 35)
    assert spin(window, "onCostSpin").value() == 35


def test_a_minimum_above_the_maximum_moves_both_in_one_step(priced_window: MainWindow) -> None:
    window = priced_window
    window.select_position(PositionId(1))  # 经理: 20,000-30,000
    QApplication.processEvents()
    assert spin(window, "payMinSpin").text() == "20,000"
    before = len(undo_texts(window))
    type_into(spin(window, "payMinSpin"), "32000")
    assert pay_of(window, 1) == (32_000, 32_000, 35)
    assert spin(window, "payMaxSpin").value() == 32_000  # shown at once
    assert len(undo_texts(window)) == before + 1
    type_into(spin(window, "payMaxSpin"), "25000")  # below the minimum: a single figure
    assert pay_of(window, 1) == (25_000, 25_000, 35)
    assert spin(window, "payMinSpin").value() == 25_000
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert pay_of(window, 1) == (20_000, 30_000, 35)
    assert (spin(window, "payMinSpin").value(), spin(window, "payMaxSpin").value()) == (
        20_000, 30_000)


def test_the_cost_table_per_department_and_total(priced_window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = priced_window
    panel = open_analysis(window)
    model = panel.cost_model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["运营部", "品质部", "(no department)", "Total"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[5] == "Monthly, planned (CNY)" and headers[-1] == "Positions without pay"
    total = [model.index(3, c).data() for c in range(model.columnCount())]
    # see tests/analysis/test_cost.py: priced()
    assert total == ["Total", "6", "19", "17", "3", "149,172.00", "143,472.00", "13,500.00",
                     "1,790,063.94", "1,721,663.94", "162,000.00", "1"]
    # The line above the tables gives the total on the Cost tab, the headcount elsewhere.
    assert panel.summary.text().startswith("6 positions, 19 planned seats")
    panel.tabs.setCurrentWidget(panel.cost_view)
    assert panel.summary.text() == (
        "Labour cost a month: 149,172.00 planned, 143,472.00 filled, 13,500.00 vacant; a year: "
        "1,790,063.94 planned (CNY) 1 position with seats has no pay: not counted.")
    # Copied like the other tables: the tab shown, tab-separated, numbers with cents.
    copy = panel.findChild(QPushButton, "copyFiguresButton")
    QTest.mouseClick(copy, Qt.MouseButton.LeftButton)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:2] == ["Department", "Positions"]
    assert lines[-1].split("\t")[:6] == ["Total", "6", "19", "17", "3", "149172.0"]
    # Exported with every table: numbers stay numbers.
    target = tmp_path / "figures.xlsx"
    monkeypatch.setattr(dialogs, "ask_figures_path", lambda parent, suggested: target,
                        raising=False)
    QTest.mouseClick(panel.findChild(QPushButton, "exportFiguresButton"),
                     Qt.MouseButton.LeftButton)
    book = load_workbook(target, read_only=True)
    assert "Cost" in book.sheetnames
    rows = list(book["Cost"].values)
    assert rows[-1][0] == "Total" and rows[-1][8] == 1790063.94
    book.close()
    # An edit shows (after the panel's short delay): 培训师's planned seat now costs 10,000.
    window.controller.execute("pay", lambda s: s.edit_position(PositionId(4), pay_min=10_000))
    assert wait_for(lambda: model.index(3, 5).data() == "159,172.00", timeout=3)
    assert model.index(3, 11).data() == "0"


def test_the_currency_in_the_properties(priced_window: MainWindow,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = priced_window
    panel = open_analysis(window)
    window.select_position(PositionId(2))
    dialog = PropertiesDialog(window.controller, window)
    assert dialog.currency_box.currentText() == "CNY"
    dialog.currency_box.setCurrentText("usd")
    dialog.accept()
    assert window.controller.org.settings["currency"] == "USD"
    QApplication.processEvents()
    assert window.overview.findChild(QLabel, "payLabel").text() == "Monthly pay (USD)"
    assert wait_for(lambda: panel.cost_model.headerData(5, Qt.Orientation.Horizontal)
                    == "Monthly, planned (USD)", timeout=3)
    assert undo_texts(window)[-1] == "Edit document properties"
    window.controller.undo_stack.undo()
    assert window.controller.org.settings["currency"] == "CNY"
    assert window.overview.findChild(QLabel, "payLabel").text() == "Monthly pay (CNY)"
    # A code that is not three letters is refused; the dialog stays open to correct it.
    problems: list[str] = []
    window.controller.problem.connect(problems.append)
    again = PropertiesDialog(window.controller, window)
    again.show()
    again.currency_box.setCurrentText("US")
    again.accept()
    assert again.isVisible() and window.controller.org.settings["currency"] == "CNY"
    assert problems and "currency code of three capital letters" in problems[-1]
    again.reject()


def test_edit_selected_sets_pay_and_on_cost_of_every_selected_position(
        open_window: OpenWindow) -> None:
    """training_call_center_50: 话务员 ×10 are positions 5, 7, 9 and 11."""
    from PySide6.QtWidgets import QCheckBox, QDialogButtonBox

    from orgdesk.ui.bulk_edit_dialog import BulkEditDialog
    from tests.ui.test_multi_select import CTRL, click, opened

    window = opened(open_window)
    org = window.controller.org
    agents = [PositionId(5), PositionId(7), PositionId(9), PositionId(11)]
    click(window, agents[0])
    for pid in agents[1:]:
        click(window, pid, CTRL)
    window.findChild(type(window.act["delete"]), "actionEditSelected").trigger()
    dialog = window.findChild(BulkEditDialog, "bulkEditDialog")
    assert dialog is not None and dialog.isVisible()
    for name in ("pay", "on_cost_percent"):
        dialog.findChild(QCheckBox, f"bulkSet_{name}").setChecked(True)
    dialog.findChild(QSpinBox, "bulkPayMin").setValue(6_000)  # the wrong way round
    dialog.findChild(QSpinBox, "bulkPayMax").setValue(4_500)
    dialog.findChild(QSpinBox, "bulkOnCost").setValue(33)
    buttons = dialog.findChild(QDialogButtonBox, "bulkButtons")
    QTest.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert {pay_of(window, int(p)) for p in agents} == {(4_500, 6_000, 33)}
    others = [p for p in org.positions() if p.id not in agents]
    assert all((p.pay_min, p.pay_max, p.on_cost_percent) == (0, 0, 0) for p in others)
    assert undo_texts(window)[-1] == "Edit 4 positions"
    window.controller.undo_stack.undo()
    assert {pay_of(window, int(p)) for p in agents} == {(0, 0, 0)}
