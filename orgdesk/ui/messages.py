"""Sentences from the core in the interface's language.

The core raises errors whose text is a `Sentence`: English, plus the template
and arguments it was made from.  Here the template is translated (context
"errors", extracted by tools/i18n.py from every `Sentence.of(...)` call) and
filled with the same arguments; anything else is shown as it is.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from orgdesk.core.errors import Sentence


def user_message(error: BaseException | str) -> str:
    text = error.args[0] if isinstance(error, BaseException) and error.args else error
    if not isinstance(text, Sentence):
        return str(error)
    translated = QCoreApplication.translate("errors", text.template)
    values = {name: user_message(value) if isinstance(value, Sentence) else value
              for name, value in text.arguments.items()}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(text)
