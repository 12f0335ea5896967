"""Edit → Size Agent Position…: inputs, chart, explanation, structure, Apply as one undo step
(issue 14)."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
)

from orgdesk.core.model import PositionId
from orgdesk.design.workload import WORKLOADS_SETTING, workloads_of
from orgdesk.ui import sizing_dialog, structure_dialog
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.sizing_dialog import SizingDialog
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
AGENT = "呼叫中心座席员"


def open_dialog(window: MainWindow, title: str = AGENT) -> SizingDialog:
    pid = next(p.id for p in window.controller.org.positions() if p.title == title)
    window.select_position(pid)
    assert wait_for(lambda: window.current_id() == pid)
    action = window.findChild(QAction, "actionSizePosition")
    assert action is not None
    action.trigger()
    assert wait_for(lambda: any(d.isVisible() for d in window.findChildren(SizingDialog)))
    # A closed dialog waits for deletion: take the one on screen.
    return next(d for d in window.findChildren(SizingDialog) if d.isVisible())


def set_inputs(dialog: SizingDialog, per_hour: float = 200, aht: float = 240) -> None:
    source = dialog.findChild(QComboBox, "sizingSource")
    source.setCurrentIndex(source.findData("hourly"))
    dialog.findChild(QDoubleSpinBox, "sizingOccupancy").setValue(100)
    dialog.findChild(QDoubleSpinBox, "sizingVolume").setValue(per_hour)
    dialog.findChild(QDoubleSpinBox, "sizingAht").setValue(aht)


def test_sizing_and_apply_is_one_undo_step(open_window: OpenWindow) -> None:
    window = open_window("private_company_call_center")
    controller = window.controller
    before = controller.org.snapshot()
    steps = controller.undo_stack.count()
    dialog = open_dialog(window)
    set_inputs(dialog)
    # 200 calls an hour × 240 s → 13.33 Erlangs at every half hour → 17 agents for 80/20;
    # 17 × 28 × 0.5 h × 7 = 1,666 agent-hours ÷ 0.7 ÷ 40 = 59.5 FTE → 60 seats.
    summary = dialog.findChild(QLabel, "sizingSummary").text()
    assert summary.startswith("60 seats (59.50 FTE; now 1)"), summary
    assert dialog.sizing is not None and dialog.chart.sizing is dialog.sizing
    assert "17 agents" in dialog.explanation.toPlainText()
    assert dialog.plan is not None and dialog.plan.agents == 60
    apply = dialog.findChild(QPushButton, "sizingApplyButton")
    QTest.mouseClick(apply, Qt.MouseButton.LeftButton)
    pid = PositionId(4)
    assert controller.org.position(pid).planned_headcount == 60
    assert workloads_of(controller.org.settings)[4].aht == 240
    leaders = sum(p.planned_headcount for p in controller.org.positions() if "组长" in p.title)
    assert leaders >= 5  # the derived structure came with it
    assert controller.undo_stack.count() == steps + 1
    assert controller.undo_stack.undoText() == f"Size “{AGENT}”: 60 seats"
    controller.undo_stack.undo()
    assert controller.org.snapshot() == before
    assert WORKLOADS_SETTING not in controller.org.settings
    controller.undo_stack.redo()
    assert controller.org.position(pid).planned_headcount == 60
    dialog.close()
    # Opened again, the dialog starts from the stored workload.
    again = open_dialog(window)
    assert again.findChild(QDoubleSpinBox, "sizingAht").value() == 240
    assert again.sizing is not None and again.sizing.headcount == 60
    again.close()


def test_a_bad_input_says_why_and_disables_apply(open_window: OpenWindow) -> None:
    window = open_window("private_company_call_center")
    dialog = open_dialog(window)
    set_inputs(dialog)
    dialog.findChild(QLineEdit, "sizingHours").setText("22:00-08:00")
    problem = dialog.findChild(QLabel, "sizingProblem").text()
    assert problem == "The opening hours 22:00-08:00 must close after they open."
    assert not dialog.findChild(QPushButton, "sizingApplyButton").isEnabled()
    dialog.findChild(QLineEdit, "sizingHours").setText("08:00-22:00")
    assert dialog.findChild(QPushButton, "sizingApplyButton").isEnabled()
    dialog.close()


def test_import_forecast(open_window: OpenWindow, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    forecast = tmp_path / "f.csv"
    forecast.write_text("start,calls\n09:00,50\n09:15,80\n09:30,20\n", encoding="utf-8")
    monkeypatch.setattr(sizing_dialog, "ask_forecast_path", lambda parent: forecast)
    window = open_window("private_company_call_center")
    dialog = open_dialog(window)
    dialog.findChild(QLineEdit, "sizingHours").setText("09:00-10:00")
    QTest.mouseClick(dialog.findChild(QPushButton, "sizingForecastButton"),
                     Qt.MouseButton.LeftButton)
    assert dialog.sizing is not None
    assert dialog.sizing.workload.interval_minutes == 15
    assert dialog.sizing.peak.start == 9 * 60 + 15
    dialog.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_explanation_and_picture_in_both_languages(open_window: OpenWindow, language: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(structure_dialog, "interface_language", lambda: language)
    monkeypatch.setattr(sizing_dialog, "interface_language", lambda: language)
    window = open_window("private_company_call_center")
    dialog = open_dialog(window)
    set_inputs(dialog)
    text = dialog.explanation.toPlainText()
    assert ("爱尔兰" in text) == (language == "zh")
    picture = dialog.grab()
    assert not picture.isNull()
    shots = os.environ.get("ORGDESK_SHOTS")  # a folder to look at the dialog by hand
    if shots:
        dialog.chart.grab().save(str(Path(shots) / f"sizing-chart-{language}.png"))
        picture.save(str(Path(shots) / f"sizing-dialog-{language}.png"))
        tabs = dialog.findChild(QTabWidget, "sizingTabs")
        for index in (1, 2):
            tabs.setCurrentIndex(index)
            dialog.grab().save(str(Path(shots) / f"sizing-dialog-{language}-tab{index}.png"))
    dialog.close()


def test_erlang_a_sizes_once_the_typing_pauses(open_window: OpenWindow) -> None:
    window = open_window("private_company_call_center")
    dialog = open_dialog(window)
    set_inputs(dialog)
    dialog.findChild(QCheckBox, "sizingUsePatience").setChecked(True)
    assert wait_for(lambda: dialog.sizing is not None and dialog.sizing.headcount_a is not None)
    assert "Erlang A: " in dialog.findChild(QLabel, "sizingSummary").text()
    assert dialog.sizing is not None and dialog.sizing.headcount_a <= dialog.sizing.headcount
    dialog.close()


def test_one_agent_is_said_in_the_singular(open_window: OpenWindow) -> None:
    window = open_window("private_company_call_center")
    dialog = open_dialog(window)
    set_inputs(dialog, per_hour=1, aht=60)  # 0.02 Erlangs: one agent at the peak
    summary = dialog.findChild(QLabel, "sizingSummary").text()
    assert "Erlangs, 1 agent." in summary, summary
    assert "1 agents" not in summary
