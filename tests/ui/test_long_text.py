"""Long unbroken text is drawn in part and wrapped anywhere; the document keeps all of it."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.ui.long_text import DISPLAY_CHARS, EDIT_CHARS, LongTextEdit, elide
from orgdesk.ui.panels.list_editor import ListEditor
from orgdesk.ui.tree_model import OrgTreeModel

WORD = "长" * 600_000 + "x" * 600_000  # 1.2 MB without a space


def test_elide_keeps_short_text_and_cuts_long_text() -> None:
    assert elide("abc") == "abc"
    assert elide("a" * DISPLAY_CHARS) == "a" * DISPLAY_CHARS
    cut = elide(WORD)
    assert len(cut) == DISPLAY_CHARS and cut.endswith("…") and WORD.startswith(cut[:-1])


def test_text_field_shows_a_huge_word_in_part_and_keeps_it(qtbot: QtBot) -> None:
    edit = LongTextEdit()
    qtbot.addWidget(edit)
    edit.set_text(WORD)
    assert edit.text() == WORD
    assert edit.isReadOnly() and edit.is_partial()
    assert len(edit.toPlainText()) < EDIT_CHARS + 200
    assert edit.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere


def test_text_field_edits_ordinary_and_long_unbroken_text(qtbot: QtBot) -> None:
    edit = LongTextEdit()
    qtbot.addWidget(edit)
    edit.set_text("ordinary words wrap at spaces")
    assert not edit.isReadOnly()
    assert edit.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    unbroken = "x" * (EDIT_CHARS - 1)
    edit.set_text(unbroken)
    assert not edit.isReadOnly() and edit.text() == unbroken
    assert edit.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    edit.setPlainText("typed")
    assert edit.text() == "typed"


def test_list_draws_part_of_a_huge_item_and_keeps_it(qtbot: QtBot) -> None:
    for numbered in (False, True):
        editor = ListEditor(numbered=numbered)
        qtbot.addWidget(editor)
        editor.set_items([WORD, "short"])
        assert editor.items() == [WORD, "short"]
        option = QStyleOptionViewItem()
        index = editor.list.model().index(0, 0, QModelIndex())
        editor.list.itemDelegate().initStyleOption(option, index)
        assert len(option.text) <= DISPLAY_CHARS + 4


def test_tree_row_shows_part_of_a_huge_title() -> None:
    model = OrgTreeModel(Organisation(positions=[Position(PositionId(1), WORD)]))
    index = model.index_of(PositionId(1))
    assert len(index.data()) <= DISPLAY_CHARS
    assert model.data(index, 2) == WORD  # EditRole: renaming edits the whole title
