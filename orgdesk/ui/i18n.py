"""The interface's one translation helper.

`tr("MainWindow", "Opened {file}.", file=name)` translates the English
template in its context and fills in named arguments, so a translator can
move `{file}` wherever Chinese wants it.  An argument that is itself a
`Sentence` (an error from the core, a field name made translatable) is
translated too.  A translation that lost or misspelt a placeholder falls back
to the English template rather than showing a half-filled text.

`tr_n` picks the English singular or plural by a count ("1 seat", "2 seats");
Chinese has one form and translates both the same.  tools/i18n.py extracts
the literal context and texts of every call for Qt Linguist.
"""
from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication

from orgdesk.core.errors import Sentence


def tr(context: str, text: str, /, **arguments: object) -> str:
    """`text` translated in `context`, with `{name}` placeholders filled from `arguments`."""
    translated = QCoreApplication.translate(context, text)
    if not arguments:
        return translated
    values = {name: translate_sentence(value) if isinstance(value, Sentence) else value
              for name, value in arguments.items()}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return text.format(**values)


def tr_n(context: str, singular: str, plural: str, count: int, /, **arguments: object) -> str:
    """The singular or plural English template by `count`, translated; `{count}` is filled."""
    arguments.setdefault("count", f"{count:,}")
    return tr(context, singular if count == 1 else plural, **arguments)


def translate_sentence(sentence: Sentence) -> str:
    """A core `Sentence` in the interface's language (its template's context is "errors")."""
    template = getattr(sentence, "template", None)
    if template is None:  # a Sentence made by hand, not by Sentence.of
        return str(sentence)
    return tr("errors", template, **sentence.arguments) if sentence.arguments \
        else QCoreApplication.translate("errors", template)


def interface_language() -> Literal["zh", "en"]:
    """"zh" when the Chinese translation is installed, else "en" (for texts that come in both
    languages from a table rather than from Qt's translations)."""
    # The language menu's own title is translated whenever orgdesk's Chinese .qm is loaded.
    chinese = QCoreApplication.translate("OrgdeskApp", "&Language") != "&Language"
    return "zh" if chinese else "en"
