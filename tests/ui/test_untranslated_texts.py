"""Issue 13 defect 7: no interface text, error or Compare detail escapes translation.

With `Marking` installed every text that went through a translation comes
out between ⟪ ⟫; English words outside the marks could never be shown in
Chinese.  Dialogs are scanned like the window; errors from the lower layers
(a fixed sentence raised as plain text, a CSV reader's complaint) and
Compare's details must reach the user through the "errors" catalogue.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from orgdesk.analysis.compare import compare
from orgdesk.analysis.span_rules import SpanRules, SpanRulesError
from orgdesk.core.model import PositionId
from orgdesk.io.interchange import preview
from orgdesk.io.options import ImportOptions
from orgdesk.samples import template_organisation
from orgdesk.ui.messages import user_message
from tests.ui.untranslated import Marking, unmarked_words, untranslated

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import i18n


@pytest.fixture
def marking(qapp: QApplication) -> Iterator[Marking]:
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def _changed_copy():
    old = template_organisation("bank_service_center")
    new = template_organisation("bank_service_center")
    positions = list(new.positions())
    new.remove_branch(positions[-1].id)
    new.update_position(positions[1].evolve(title="改名岗位",
                                            planned_headcount=positions[1].planned_headcount + 3))
    new.move_position(positions[3].id, positions[2].id)
    return old, new


def test_compare_details_are_translated(marking: Marking, qtbot: QtBot) -> None:
    from orgdesk.ui.compare_dialog import CompareDialog

    old, new = _changed_copy()
    dialog = CompareDialog(compare(old, new), "old.orgdesk", "new.orgdesk")
    qtbot.addWidget(dialog)
    cells: list[str] = []

    def walk(item: QTreeWidgetItem) -> None:
        for i in range(item.childCount()):
            child = item.child(i)
            cells.extend(child.text(column) for column in (0, 2) if child.text(column))
            cells.append(child.text(1) if child.parent() is not None else "")  # field names
            walk(child)
    walk(dialog.changes.invisibleRootItem())
    assert any("Removed" in c for c in cells) and any("Changed" in c for c in cells)
    assert [c for c in cells if unmarked_words(c)] == []
    assert untranslated(dialog) == []


def test_the_dialogs_have_no_text_outside_translation(marking: Marking, qtbot: QtBot,
                                                      open_window) -> None:
    from orgdesk.ui.departments_dialog import DepartmentsDialog
    from orgdesk.ui.export_dialog import ExportChartDialog
    from orgdesk.ui.handbook_dialog import HandbookDialog
    from orgdesk.ui.import_dialog import ImportDialog
    from orgdesk.ui.library_dialog import LibraryDialog
    from orgdesk.ui.properties_dialog import PropertiesDialog

    window = open_window("bank_service_center")
    window.select_position(PositionId(2))
    org = window.controller.org
    dialogs: list[QWidget] = [
        ExportChartDialog(org, window), HandbookDialog(org, "x", window),
        PropertiesDialog(window.controller, window), DepartmentsDialog(window.controller, window),
        LibraryDialog(window), ImportDialog(window)]
    try:
        for dialog in dialogs:
            dialog.show()
        QApplication.processEvents()
        found = [(type(d).__name__, *entry) for d in [window, *dialogs]
                 for entry in untranslated(d)]
        assert found == []
        # Every text orgdesk looked up is in its catalogue (a filled-in sentence never
        # is): Qt's own contexts and bare names (UTF-8, GBK) aside.
        catalogue = {(context, text) for context, texts in i18n.extract().items()
                     for text in texts}
        looked_up = {(context, text) for context, text in marking.asked - catalogue
                     if not context.startswith("Q") and unmarked_words(text)}
        assert looked_up == set()
    finally:
        for dialog in dialogs:
            dialog.close()
            dialog.deleteLater()


def test_a_fixed_sentence_raised_as_plain_text_is_translated(marking: Marking) -> None:
    with pytest.raises(SpanRulesError) as raised:
        SpanRules.from_json("{not json")
    assert user_message(raised.value) == "⟪The span-of-control rules are not valid JSON.⟫"
    # …because the extractor collects it for the translator.
    source = Path(sys.modules["orgdesk.analysis.span_rules"].__file__ or "")
    assert ("errors", "The span-of-control rules are not valid JSON.") in \
        i18n.extract_sentences(source)


def test_a_broken_csv_is_reported_in_the_interface_language(marking: Marking,
                                                            tmp_path: Path) -> None:
    from orgdesk.core.errors import UserError

    source = tmp_path / "open.csv"
    source.write_text('id,title,superior\n1,"Boss,\n2,Agent,1\n', "utf-8")
    with pytest.raises(UserError) as raised:
        preview(source, ImportOptions())
    marking.asked.clear()
    message = user_message(raised.value)
    assert "open.csv" in message and unmarked_words(message) == [], message
    # What was looked up is a template in the catalogue, not one filled-in sentence.
    catalogue = {("errors", text) for text in i18n.extract()["errors"]}
    assert marking.asked and marking.asked <= catalogue, marking.asked - catalogue


def test_the_handbook_scope_reads_as_english_grammar_wants(qtbot: QtBot) -> None:
    from orgdesk.core.model import Position
    from orgdesk.core.organisation import Organisation
    from orgdesk.ui.handbook_dialog import HandbookDialog

    org = Organisation()
    org.add_position(Position(PositionId(1), "经理"))
    dialog = HandbookDialog(org, "x")
    qtbot.addWidget(dialog)
    assert "(1 position)" in dialog.scope.text()
    org.add_position(Position(PositionId(2), "组长", PositionId(1)))
    dialog = HandbookDialog(org, "x")
    qtbot.addWidget(dialog)
    dialog.root.setCurrentIndex(dialog.root.findData(1))
    assert "the 1 position under it" in dialog.scope.text()


def test_every_tr_call_is_one_the_extractor_sees() -> None:
    """`window.tr("…")` or `parent.tr("…")` is translated in the runtime class's context,
    which the extractor cannot know: such texts never reached the catalogue."""
    import ast

    offences = []
    for path in sorted(i18n.SOURCES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "tr" and not (
                        isinstance(node.func.value, ast.Name) and node.func.value.id == "self"):
                offences.append(f"{path.relative_to(i18n.ROOT)}:{node.lineno}")
    assert offences == []
