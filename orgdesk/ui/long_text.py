"""Showing user text of any length in bounded time, without ever changing it.

A 1 MB note without a space froze the window for 99 seconds: QPlainTextEdit's
default wrapping (at word boundaries, else anywhere) looks for a word
boundary again and again along one endless word, and list and tree rows
measure their whole text to size themselves.  Views therefore show at most
`DISPLAY_CHARS` characters of a text (`elide`), a text field wraps anywhere
when its text holds an unbroken run, and a text longer than `EDIT_CHARS` is
shown in part and read-only (`LongTextEdit`).  The document keeps every
character: only what is drawn is cut.
"""
from __future__ import annotations

import re

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from orgdesk.ui.i18n import tr

#: Most characters a row, a tooltip or a list entry shows.
DISPLAY_CHARS = 1000
#: Longest text a text field edits; a longer one is shown in part, read-only.
EDIT_CHARS = 100_000
#: A run of this many characters without a space or line break wraps anywhere.
UNBROKEN_RUN = 160

_UNBROKEN = re.compile(rf"[^\s]{{{UNBROKEN_RUN}}}")



def elide(text: str, limit: int = DISPLAY_CHARS) -> str:
    """`text`, or its first `limit` - 1 characters and "…" when it is longer."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def has_unbroken_run(text: str) -> bool:
    """Whether word-boundary wrapping would have to search along a very long word."""
    return _UNBROKEN.search(text) is not None


class LongTextEdit(QPlainTextEdit):
    """A plain-text field for texts of any length; `text()` is always the whole text.

    Up to `EDIT_CHARS` characters it edits like any QPlainTextEdit (wrapping
    anywhere when a line holds an unbroken run).  A longer text is shown as
    its start and a note saying how long it is, read-only, so nothing typed
    can replace the part not shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole: str | None = None  # the text, while only its start is shown

    def set_text(self, text: str) -> None:
        if len(text) > EDIT_CHARS:
            self._whole = text
            shown = text[:EDIT_CHARS] + "…\n\n" + tr("LongTextEdit",
                "({count} characters in all: too long to edit here; the whole text is kept)",
                count=f"{len(text):,}")
            self.setReadOnly(True)
        else:
            self._whole = None
            shown = text
            self.setReadOnly(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere if has_unbroken_run(shown)
                             else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setPlainText(shown)

    def text(self) -> str:
        return self._whole if self._whole is not None else self.toPlainText()

    def is_partial(self) -> bool:
        """True while only the start of a too long text is shown."""
        return self._whole is not None
