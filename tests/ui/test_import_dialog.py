"""The import dialog alone: mapping table, tree preview, problem list, progress and cancel."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from orgdesk.io.interchange import export_to
from orgdesk.io.options import RootPolicy
from orgdesk.samples import template_organisation
from orgdesk.ui import import_dialog
from orgdesk.ui.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportDialog:
    widget = ImportDialog()
    qtbot.addWidget(widget)
    return widget


def open_and_wait(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.open_source(path)


def wait_check(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_checking() and not dialog._timer.isActive(),
                    timeout=20_000)


def problems(dialog: ImportDialog) -> list[tuple[str, str]]:
    table = dialog.problems
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def tree_titles(dialog: ImportDialog) -> list[str]:
    titles = []

    def walk(item) -> None:
        titles.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))
    for i in range(dialog.tree.topLevelItemCount()):
        walk(dialog.tree.topLevelItem(i))
    return titles


def field_of(dialog: ImportDialog, header: str) -> str:
    for row in range(dialog.mapping.rowCount()):
        if dialog.mapping.item(row, 0).text() == header:
            combo = dialog.mapping.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            return combo.currentData()
    raise KeyError(header)


def test_choose_file_shows_mapping_sheets_tree_and_imports(dialog: ImportDialog, qtbot: QtBot,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_dialog, "choose_source", lambda parent: FIXTURES / "chinese.xlsx")
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.findChildren(type(dialog.import_button))[0].click()  # “Choose…”
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["岗位说明", "说明"]
    assert dialog.sheet.isEnabled() and not dialog.encoding.isEnabled()
    assert field_of(dialog, "岗位") == "title" and field_of(dialog, "直接上级") == "superior"
    assert field_of(dialog, "联系电话") == ""
    assert dialog.mapping.item(5, 1).text().startswith("1、全面负责")
    assert tree_titles(dialog) == ["客服经理", "客服主管", "座席员", "质检员"]
    assert problems(dialog) == []
    assert dialog.import_button.isEnabled()
    assert "Ready to import 4 positions." in dialog.status.text()
    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.organisation is not None and len(dialog.organisation) == 4


def test_changing_the_mapping_rechecks(dialog: ImportDialog, qtbot: QtBot) -> None:
    open_and_wait(qtbot, dialog, FIXTURES / "visio_orgchart.csv")
    assert tree_titles(dialog)[0] == "客服经理"
    dialog.set_field("Name", "title")  # the title field moves from “Title” to “Name”
    assert field_of(dialog, "Title") == ""
    assert not dialog.import_button.isEnabled()  # until the new check is done
    wait_check(qtbot, dialog)
    assert tree_titles(dialog)[:2] == ["张伟", "李娜"]
    org = dialog.check_result
    assert org is not None and org.organisation is not None
    assert "Title: 客服经理" in org.organisation.roots()[0].notes


def test_problems_are_listed_with_rows_and_block_the_import(dialog: ImportDialog, qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text("id,pid,title,定员\n1,,经理,1\n2,9,主管,很多\n3,,顾问,1\n", "utf-8")
    open_and_wait(qtbot, dialog, source)
    found = problems(dialog)
    assert ("Line 3", ("“定员”: “很多” is not a whole number; correct the value, or keep the column "
                      "in the notes (--map \"定员=notes\") or leave it out (--map "
                      "\"定员=ignore\").")) in found
    assert ("Line 3", ("The value “9” in column “pid” is not the id or title of any row; correct "
                      "it, or if it means “no superior”, name it as a no-superior token "
                      "(--null 9).")) in found
    assert any(text.startswith("2 positions have no superior") for _, text in found)
    assert dialog.problem_box.title() == "Problems (3)"
    assert not dialog.import_button.isEnabled()
    dialog.accept()  # even if asked, nothing is accepted while problems remain
    assert dialog.organisation is None and dialog.result() == 0


def test_several_roots_choice_with_a_named_root(dialog: ImportDialog, qtbot: QtBot,
                                                tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text("title\n客服部\n品质部\n", "utf-8")
    open_and_wait(qtbot, dialog, source)
    assert len(problems(dialog)) == 1
    dialog.roots.setCurrentIndex(dialog.roots.findData(RootPolicy.ADD_ROOT.value))
    assert dialog.root_title.isEnabled()
    dialog.root_title.setText("呼叫中心")
    wait_check(qtbot, dialog)
    assert problems(dialog) == []
    assert tree_titles(dialog) == ["呼叫中心", "客服部", "品质部"]
    assert dialog.import_button.isEnabled()


def test_broken_file_shows_its_sentence(dialog: ImportDialog, qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    rows = "".join(f"岗位{i},1\n" for i in range(8))
    source.write_text(f'title,x\n{rows}"never closed\n', "utf-8")
    open_and_wait(qtbot, dialog, source)  # the preview reads the first rows; the check finds it
    assert problems(dialog) == [("", ("“bad.csv” line 10: a quoted cell is never closed "
                                     "(its closing quote mark is missing)."))]
    assert not dialog.import_button.isEnabled()


def test_unreadable_preview_is_shown_without_a_check(dialog: ImportDialog, tmp_path: Path) -> None:
    source = tmp_path / "bad.xlsx"
    source.write_bytes(b"not a workbook")
    dialog.open_source(source)
    assert problems(dialog) == [("", "“bad.xlsx” is not an Excel workbook (.xlsx).")]
    assert not dialog.is_checking() and dialog.mapping.rowCount() == 0


def test_encoding_choice_rereads_the_file(dialog: ImportDialog, qtbot: QtBot) -> None:
    open_and_wait(qtbot, dialog, FIXTURES / "chinese_gbk.csv")
    assert field_of(dialog, "岗位") == "title"
    assert dialog.encoding.isEnabled() and not dialog.sheet.isEnabled()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))  # the preview fails
    assert problems(dialog) == [("", ("“chinese_gbk.csv” is not utf-8 text; choose another "
                                     "encoding."))]


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_own_export_is_read_exactly_with_its_mapping_locked(dialog: ImportDialog, qtbot: QtBot,
                                                            tmp_path: Path, suffix: str) -> None:
    org = template_organisation("tax_invoice_call_center")
    path = tmp_path / f"back{suffix}"
    export_to(org, path)
    open_and_wait(qtbot, dialog, path)
    assert dialog.sheet.currentText() == ("Positions 岗位" if suffix == ".xlsx" else "")
    # Locked, yet readable: plain text, not greyed-out choosers (issue 13 defect 10).
    assert dialog.mapping.isEnabled() and dialog.mapping_locked()
    assert dialog.check_result is not None and dialog.check_result.organisation is not None
    assert dialog.check_result.organisation.snapshot() == org.snapshot()


def test_big_file_shows_progress_and_can_be_stopped(dialog: ImportDialog, qtbot: QtBot,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "big.csv"
    lines = ["id,pid,title"] + [f"{i},{'' if i == 1 else i // 2},岗位{i}" for i in range(1, 60_001)]
    source.write_text("\n".join(lines) + "\n", "utf-8")
    # The check waits at its first report until Stop has been clicked: a fast machine
    # (or a faster import) would otherwise finish the whole check before the click.
    clicked = threading.Event()
    report = import_dialog._Progress.report

    def held(progress: import_dialog._Progress, stage: str, done: int, total: int | None
             ) -> None:
        report(progress, stage, done, total)
        clicked.wait(20)
    monkeypatch.setattr(import_dialog._Progress, "report", held)
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.open_source(source)
    assert dialog.is_checking() and not dialog.progress.isHidden()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    dialog.cancel_check_button.click()
    clicked.set()
    assert not dialog.is_checking()
    assert dialog.status.text() == "Check stopped; change a choice to check again."
    assert not dialog.import_button.isEnabled()


def test_closing_while_checking_stops_the_worker(qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    lines = ["title"] + [f"岗位{i}" for i in range(50_000)]
    source.write_text("\n".join(lines) + "\n", "utf-8")
    dialog = ImportDialog(path=source)
    qtbot.addWidget(dialog)
    assert dialog.is_checking()
    dialog.reject()
    assert dialog._pool.activeThreadCount() == 0
    assert dialog.organisation is None
