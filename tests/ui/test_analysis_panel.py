"""The analysis panel with pytest-qt: tables, violations that go to positions, the rules
editor, the bar chart."""
from __future__ import annotations

import sys
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from orgdesk.analysis.span_rules import RatioRule, SpanRules
from orgdesk.core.organisation import Organisation
from orgdesk.storage.reading import read_organisation
from orgdesk.ui.analysis_panel import POSITION_ROLE, SORT_ROLE, AnalysisPanel, FiguresModel

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"
pytestmark = pytest.mark.gui


@pytest.fixture()
def training() -> Organisation:
    return read_organisation(SAMPLES / "training_call_center_50.orgdesk")


@pytest.fixture()
def panel(qtbot: QtBot, training: Organisation) -> AnalysisPanel:
    widget = AnalysisPanel(training, SpanRules())
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def column(model: FiguresModel, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, panel: AnalysisPanel) -> None:
    for model in (panel.positions_model, panel.departments_model, panel.levels_model):
        qtmodeltester.check(model, force_py=True)
    empty = FiguresModel(("a", "b"))
    qtmodeltester.check(empty, force_py=True)


def test_tables_show_the_hand_checked_figures(panel: AnalysisPanel) -> None:
    # training_call_center_50.toml: 项目组1-4 with 2 positions / 11 seats each, 6 posts
    # without a department; levels 1/1, 2/2, 7/7, 4/40.
    departments = panel.departments_model
    assert column(departments, 0) == ["项目组1", "项目组2", "项目组3", "项目组4", "(no department)"]
    assert column(departments, 2, SORT_ROLE) == [11, 11, 11, 11, 6]
    assert column(panel.levels_model, 1, SORT_ROLE) == [1, 2, 7, 4]
    assert column(panel.levels_model, 2, SORT_ROLE) == [1, 2, 7, 40]
    positions = panel.positions_model
    assert positions.rowCount() == 14
    # 项目经理: 4 direct reports, 8 positions and 44 seats under it
    row = [str(v).strip() for v in column(positions, 0)].index("项目经理")
    assert [positions.index(row, c).data(SORT_ROLE) for c in (3, 4, 8)] == [4, 8, 44]
    assert positions.index(row, 5).data(Qt.ItemDataRole.TextAlignmentRole) & \
        Qt.AlignmentFlag.AlignRight
    assert "14 positions, 50 planned seats" in panel.summary.text()


def test_sorting_is_numeric(panel: AnalysisPanel) -> None:
    view = panel.positions_view
    view.sortByColumn(8, Qt.SortOrder.DescendingOrder)  # planned under
    proxy = view.model()
    top = [proxy.index(r, 8).data(SORT_ROLE) for r in range(3)]
    assert top == [49, 44, 10]  # 运营总监, 项目经理, a 项目组长 — 49 > 10 as numbers, not text


def test_a_click_on_a_violation_goes_to_the_position(panel: AnalysisPanel, qtbot: QtBot,
                                                     training: Organisation) -> None:
    items = [panel.violation_list.item(i) for i in range(panel.violation_list.count())]
    assert len(items) == 2 and "QA inspector" in items[0].text() and "trainer" in items[1].text()
    qa = next(p for p in training.positions() if p.title == "质检专员")
    panel.tabs.setCurrentIndex(3)
    rect = panel.violation_list.visualItemRect(items[0])
    with qtbot.waitSignal(panel.position_activated) as signal:
        qtbot.mouseClick(panel.violation_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert signal.args == [int(qa.id)]
    assert panel.tabs.tabText(3).endswith("(2)")


def test_activating_a_table_row_goes_to_the_position(panel: AnalysisPanel, qtbot: QtBot) -> None:
    view = panel.positions_view
    index = view.model().index(1, 0)
    with qtbot.waitSignal(panel.position_activated) as signal:
        view.activated.emit(index)
    assert signal.args == [index.data(POSITION_ROLE)]


def test_editing_rules_emits_them_and_rechecks(panel: AnalysisPanel, qtbot: QtBot) -> None:
    editor = panel.rules_editor
    editor.enabled["qa"].setChecked(False)
    editor.low["trainer"].setValue(10)
    editor.high["trainer"].setValue(40)  # 40 agents, one trainer: now within one per 10-40
    editor.keywords["agent"].setText("话务员，座席")
    with qtbot.waitSignal(panel.rules_edited) as signal:
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    rules = signal.args[0]
    assert isinstance(rules, SpanRules)
    assert rules.qa == RatioRule(False, 25, 30) and rules.trainer == RatioRule(True, 10, 40)
    assert rules.roles.agent.keywords == ("话务员", "座席")
    assert panel.violations == [] and panel.rules == rules
    assert panel.violation_list.item(0).text() == "No span-of-control violations."


def test_rules_that_make_no_sense_are_explained_not_emitted(panel: AnalysisPanel,
                                                            qtbot: QtBot) -> None:
    panel.rules_editor.low["team_leader"].setValue(20)  # 20-15
    with qtbot.assertNotEmitted(panel.rules_edited):
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert "20-15" in panel.rules_problem.text()
    panel.defaults_button.click()
    assert panel.rules_editor.rules() == SpanRules()


def test_set_rules_and_organisation_refresh(panel: AnalysisPanel, training: Organisation) -> None:
    panel.set_rules(SpanRules(qa=RatioRule(False), trainer=RatioRule(False, 15, 25)))
    assert panel.violations == [] and not panel.rules_editor.enabled["qa"].isChecked()
    agents = next(p for p in training.positions() if p.title == "话务员")
    training.update_position(agents.evolve(planned_headcount=30))
    panel.set_organisation(training)
    assert [v.rule.value for v in panel.violations] == ["team_leader"]  # 30 > 15
    assert column(panel.departments_model, 2, SORT_ROLE)[0] == 31


def test_bar_chart_is_painted(panel: AnalysisPanel) -> None:
    chart = panel.chart
    by_department, by_level = chart.series
    assert [b.planned for b in by_department.bars] == [11, 11, 11, 11, 6]
    assert [b.label for b in by_level.bars] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    image = chart.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5)
               for y in range(0, image.height(), 5)}
    assert len(colours) > 5  # bars of the department colours, not an empty widget
    assert chart.minimumHeight() > 200


def test_empty_organisation(qtbot: QtBot) -> None:
    widget = AnalysisPanel(Organisation())
    qtbot.addWidget(widget)
    assert widget.positions_model.rowCount() == 0
    assert widget.positions_model.index(0, 0).data() is None
    assert widget.positions_model.rowCount(QModelIndex()) == 0


_NONE_LEAK = (sys.version_info < (3, 12)
              and tuple(int(p) for p in PySide6.__version__.split(".")[:2]) == (6, 12))


@pytest.mark.xfail(_NONE_LEAK, strict=True,
                   reason="PySide6 6.12.0 on Python 3.11 returns None from every void method "
                          "without a reference: ~5,000 calls (one panel refresh of a large "
                          "organisation, one big PDF handbook) abort the process with "
                          "'none_dealloc'; 6.11.3 is sound. Lead's fix pending: pin <6.12")
def test_void_qt_calls_keep_none_alive(panel: AnalysisPanel) -> None:
    before = sys.getrefcount(None)
    for _ in range(50):  # few enough that the leak cannot take None's count to zero here
        panel.summary.setText("x")
    assert sys.getrefcount(None) >= before - 5
