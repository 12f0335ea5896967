"""orgdesk.ui.i18n: the interface's one translation helper."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from orgdesk.core.errors import Sentence
from orgdesk.ui.i18n import tr, tr_n, translate_sentence


class _Dictionary(QTranslator):
    """A translator holding a few texts, so a test controls what each becomes."""

    def __init__(self, texts: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.texts = texts

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return self.texts.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[_Dictionary]:
    translator = _Dictionary({
        ("T", "Opened {file}."): "已打开 {file}。",
        ("T", "Lost {file}."): "丢了 {name}。",  # a translation with a misspelt placeholder
        ("T", "{count} seat"): "{count} 个座位",
        ("T", "{count} seats"): "{count} 个座位",
        ("errors", "{file} does not exist."): "{file} 不存在。",
        ("errors", "a position"): "职位条目",
        ("errors", "{what} must be an object."): "{what}必须是对象。",
    })
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_named_placeholders_are_filled_after_translation(chinese: _Dictionary) -> None:
    assert tr("T", "Opened {file}.", file="“a.orgdesk”") == "已打开 “a.orgdesk”。"


def test_a_translation_that_lost_its_placeholder_falls_back_to_english(chinese: _Dictionary
                                                                      ) -> None:
    assert tr("T", "Lost {file}.", file="“a”") == "Lost “a”."


def test_text_without_arguments_keeps_its_braces(qapp: QCoreApplication) -> None:
    assert tr("T", "{not a placeholder}") == "{not a placeholder}"


def test_counts_read_as_english_grammar_wants(qapp: QCoreApplication) -> None:
    assert tr_n("T", "{count} seat", "{count} seats", 1) == "1 seat"
    assert tr_n("T", "{count} seat", "{count} seats", 0) == "0 seats"
    assert tr_n("T", "{count} seat", "{count} seats", 12345) == "12,345 seats"


def test_counts_translate_both_forms(chinese: _Dictionary) -> None:
    assert tr_n("T", "{count} seat", "{count} seats", 1) == "1 个座位"


def test_sentences_and_their_sentence_arguments_are_translated(chinese: _Dictionary) -> None:
    assert translate_sentence(Sentence.of("{file} does not exist.", file="“a”")) == "“a” 不存在。"
    nested = Sentence.of("{what} must be an object.", what=Sentence.of("a position"))
    assert str(nested) == "a position must be an object."
    assert translate_sentence(nested) == "职位条目必须是对象。"


def test_violation_counts_read_in_the_singular(qapp: QCoreApplication) -> None:
    """One QA inspector seat for one agent seat is not “1 QA inspector seats”."""
    from orgdesk.analysis.span_check import RuleKind, Violation
    from orgdesk.core.model import PositionId
    from orgdesk.ui.analysis_panel import AnalysisPanel

    text = AnalysisPanel.violation_text(None, Violation(  # type: ignore[arg-type]  # the method reads no state: no panel needed
        RuleKind.QA, PositionId(1), "Team A", 1, 1, 1, "", agents=1, rule_range=(10, 12)))
    assert text == ("1 QA inspector seat for 1 agent seat (“Team A”); "
                    "one per 10–12 agents means 1."), text
