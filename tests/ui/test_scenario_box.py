"""The toolbar's scenario box and the scenario comparison, in a real window."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from orgdesk.services.scenario_names import DEFAULT_NAMES
from orgdesk.storage.scenario_table import DEFAULT_NAME
from orgdesk.ui import dialogs, scenario_box, scenario_compare
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, titles_under, tree_rows

#: The default scenario (stored as 现状) as the English window shows it.
SHOWN = DEFAULT_NAMES["en"]


def _box_names(window: MainWindow) -> list[str]:
    combo = window.scenario_box.combo
    return [("*" if i == combo.currentIndex() else "") + combo.itemText(i)
            for i in range(combo.count())]


def _answer_name(monkeypatch: pytest.MonkeyPatch, name: str | None) -> None:
    monkeypatch.setattr(scenario_box, "ask_name", lambda *args: name)


def test_new_switch_rename_delete_and_undo_through_the_box(
        open_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window()
    box = window.scenario_box
    assert _box_names(window) == [f"*{SHOWN}"]
    assert not box.act_delete.isEnabled()
    original_rows = tree_rows(window)
    _answer_name(monkeypatch, "方案A")
    box.act_new.trigger()
    assert _box_names(window) == [SHOWN, "*方案A"]
    manager = pid(window, "运营经理")
    window.controller.execute("Delete", lambda s: s.remove_branch(pid(window, "培训专员")))
    assert "培训专员" not in titles_under(window, manager)
    # Switching through the combo box shows the other organisation in the tree at once.
    box.combo.activated.emit(0)
    assert _box_names(window) == [f"*{SHOWN}", "方案A"]
    assert tree_rows(window) == original_rows
    # Undo of the switch switches back; undo again restores the deleted branch in 方案A.
    window.undo_action.trigger()
    assert _box_names(window) == [SHOWN, "*方案A"]
    assert "培训专员" not in titles_under(window, manager)
    window.undo_action.trigger()
    assert "培训专员" in titles_under(window, manager)
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert _box_names(window) == [f"*{SHOWN}", "方案A"]
    _answer_name(monkeypatch, "  ")
    box.act_rename.trigger()
    assert window.statusBar().currentMessage() == "A scenario needs a name."
    _answer_name(monkeypatch, "现状 2026")
    box.act_rename.trigger()
    assert _box_names(window) == ["*现状 2026", "方案A"]
    monkeypatch.setattr(scenario_box, "confirm", lambda *args: True)
    box.act_delete.trigger()
    assert _box_names(window) == ["*方案A"]
    assert "培训专员" not in titles_under(window, manager)
    window.undo_action.trigger()
    assert _box_names(window) == ["*现状 2026", "方案A"]
    assert tree_rows(window) == original_rows


def test_the_default_scenario_reads_in_english_but_stays_stored_as_it_is(
        open_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    """The default name is orgdesk's word: shown in the window's language, while the file
    keeps 现状 (old files, checksums, `--scenario 现状`, the team library's merge by name).
    Confirming it as shown changes nothing; a second scenario may not read the same."""
    window = open_window()
    box, controller = window.scenario_box, window.controller
    assert _box_names(window) == [f"*{SHOWN}"]
    steps = controller.undo_stack.count()
    _answer_name(monkeypatch, SHOWN)  # the rename prompt, accepted as it is offered
    box.act_rename.trigger()
    assert [s.name for s in controller.scenarios.scenarios()] == [DEFAULT_NAME]
    assert controller.undo_stack.count() == steps
    _answer_name(monkeypatch, "current STATE")
    box.act_new.trigger()
    assert window.statusBar().currentMessage() == \
        "There is already a scenario named “current STATE”."
    assert _box_names(window) == [f"*{SHOWN}"]
    _answer_name(monkeypatch, "Baseline")  # the user's own name is stored and shown as typed
    box.act_rename.trigger()
    assert _box_names(window) == ["*Baseline"]
    assert [s.name for s in controller.scenarios.scenarios()] == ["Baseline"]


def test_the_comparison_shows_both_charts_marked_and_exports(
        open_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch,
        qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    _answer_name(monkeypatch, "方案A")
    window.scenario_box.act_new.trigger()
    agents = pid(window, "客户服务专员")
    window.controller.execute("Seats", lambda s: s.edit_position(agents, planned_headcount=28))
    window.controller.execute("Delete", lambda s: s.remove_branch(pid(window, "培训专员")))
    dialog = scenario_compare.compare_scenarios_dialog(window, window.controller)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.comparison is not None
    total = dialog.comparison.total
    assert total.delta("seats") == 14 - 1 and total.delta("positions") == -1
    # A: the removed trainer and the changed agents outlined; B: the changed agents.
    assert dialog.marked(dialog.chart_a) == 2
    assert dialog.marked(dialog.chart_b) == 1
    last = dialog.impact.rowCount() - 1
    assert dialog.impact.item(last, 0).text() == "Total"
    monkeypatch.setattr(dialogs, "show_info", lambda *args: None)
    for pdf, name in ((True, "cmp.pdf"), (False, "cmp.xlsx")):
        target = tmp_path / name
        monkeypatch.setattr(scenario_compare, "ask_export_path",
                            lambda *args, target=target: target)
        assert dialog.export(pdf)
        assert target.stat().st_size > 1000
    assert (tmp_path / "cmp.pdf").read_bytes().startswith(b"%PDF")
    # An English window's deliverables name the default scenario in English.
    import subprocess

    from openpyxl import load_workbook

    text = subprocess.run(["pdftotext", str(tmp_path / "cmp.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert f"{SHOWN} → 方案A" in text and DEFAULT_NAME not in text
    book = load_workbook(tmp_path / "cmp.xlsx", read_only=True)
    heading = next(book["Impact"].iter_rows(values_only=True))
    book.close()
    assert heading[1:3] == (f"Positions ({SHOWN})", "Positions (方案A)")
    dialog.close()
    QApplication.processEvents()


def test_a_language_switch_keeps_the_scenarios_and_their_undo(
        orgdesk, qtbot: QtBot, sample_copy, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window is rebuilt around the same controller: the new box lists the same
    scenarios, switching still works and the old box no longer listens."""
    from tests.ui.conftest import flush_deletes

    orgdesk.set_language("en")
    try:
        window = orgdesk.open_path(sample_copy("software_ops_department"))
        assert window is not None
        _answer_name(monkeypatch, "方案A")
        window.scenario_box.act_new.trigger()
        assert _box_names(window) == [SHOWN, "*方案A"]
        old_box = window.scenario_box
        orgdesk.set_language("zh_CN")
        flush_deletes()
        [rebuilt] = orgdesk.windows
        assert rebuilt.scenario_box is not old_box
        assert _box_names(rebuilt) == [DEFAULT_NAME, "*方案A"]
        rebuilt.scenario_box.combo.activated.emit(0)
        assert _box_names(rebuilt) == [f"*{DEFAULT_NAME}", "方案A"]
        rebuilt.undo_action.trigger()
        assert _box_names(rebuilt) == [DEFAULT_NAME, "*方案A"]
    finally:
        orgdesk.set_language("en")


def test_the_exported_comparison_lists_every_change_in_the_interface_language(
        open_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch,
        qtbot: QtBot, tmp_path: Path) -> None:
    """A client gets the changes themselves, not only their count: the PDF lists each
    change (page after page when there are many) and the workbook's headings, sheets
    and details are in the window's language, as the dialog shows them."""
    import subprocess

    from openpyxl import load_workbook
    from PySide6.QtCore import QTranslator

    from orgdesk.paths import resources_dir

    translator = QTranslator()
    assert translator.load(str(resources_dir() / "orgdesk_zh_CN.qm"))
    QApplication.instance().installTranslator(translator)  # type: ignore[union-attr]
    try:
        window = open_window()
        _answer_name(monkeypatch, "方案A")
        window.scenario_box.act_new.trigger()
        manager = pid(window, "客户服务专员")

        def grow(service: object) -> None:
            for n in range(60):  # 60 new positions: more changes than one page holds
                service.new_position(f"新增座席{n:02d}", manager)  # type: ignore[attr-defined]
        window.controller.execute("Grow", grow)
        dialog = scenario_compare.compare_scenarios_dialog(window, window.controller)
        assert dialog is not None and dialog.comparison is not None
        qtbot.addWidget(dialog)
        monkeypatch.setattr(dialogs, "show_info", lambda *args: None)
        pdf, xlsx = tmp_path / "cmp.pdf", tmp_path / "cmp.xlsx"
        for target in (pdf, xlsx):
            monkeypatch.setattr(scenario_compare, "ask_export_path",
                                lambda *args, target=target: target)
            assert dialog.export(target.suffix == ".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        pages = text.count("\f")
        assert pages >= 4, pages  # the changes ran onto a second page, then two charts
        assert all(f"新增座席{n:02d}" in text for n in range(60))
        assert "职位" in text and "Changed positions" not in text
        # Chinese punctuation and the deliverable's own words, as the CLI writes them.
        assert "变动的职位：新增 60" in text and "现状 → 方案A" in text
        book = load_workbook(xlsx, read_only=True)
        assert book.sheetnames == ["影响对比", "变动的职位"]
        heading = next(book["影响对比"].iter_rows(values_only=True))
        assert heading[:4] == ("部门", "职位数（现状）", "职位数（方案A）", "职位数（增减）")
        changes = list(book[book.sheetnames[1]].iter_rows(values_only=True))
        book.close()
        assert len(changes) == 1 + 60
        assert all(row[0] != "added" for row in changes[1:])  # the kind in Chinese
        dialog.close()
        QApplication.processEvents()
    finally:
        QApplication.instance().removeTranslator(translator)  # type: ignore[union-attr]
