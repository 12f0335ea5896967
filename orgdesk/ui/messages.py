"""Sentences from the core in the interface's language.

The core raises errors whose text is a `Sentence`: English, plus the template
and arguments it was made from.  Here the template is translated (context
"errors", extracted by tools/i18n.py from every `Sentence.of(...)` call) and
filled with the same arguments; anything else is shown as it is.
"""
from __future__ import annotations

from orgdesk.core.errors import Sentence
from orgdesk.ui.i18n import translate_sentence


def user_message(error: BaseException | str) -> str:
    text = error.args[0] if isinstance(error, BaseException) and error.args else error
    return translate_sentence(text) if isinstance(text, Sentence) else str(error)
