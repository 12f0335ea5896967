"""Sentences from the core in the interface's language.

The core raises errors whose text is a `Sentence`: English, plus the template
and arguments it was made from.  Here the template is translated (context
"errors", extracted by tools/i18n.py from every `Sentence.of(...)` call) and
filled with the same arguments; a fixed sentence raised as plain text is
translated as it stands (tools/i18n.py extracts those from `raise` statements).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from orgdesk.core.errors import Sentence
from orgdesk.ui.i18n import translate_sentence


def user_message(error: BaseException | str) -> str:
    text = error.args[0] if isinstance(error, BaseException) and error.args else error
    if isinstance(text, Sentence):
        return translate_sentence(text)
    # A fixed English sentence raised as it is (`raise SpanRulesError("…")`): the
    # extractor collects those too, in the same context.
    message = str(error)
    return QCoreApplication.translate("errors", message) if message else message
