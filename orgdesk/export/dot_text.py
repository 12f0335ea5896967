"""Turning user text into DOT label values that can only ever mean that text.

Two forms.  `html_lines` escapes text for the HTML-like labels the system
Graphviz draws a position's box with (see `html_line` for the backslash).
`label` gives plain labels, for the embedded WebAssembly Graphviz (which has
no HTML-label support) and for graph and edge labels.  A plain label has three special things
once quoted: the quote (escaped by the `graphviz` package); the backslash,
which Graphviz would otherwise read as `\\N`, `\\G`, `\\L`, `\\n`…
(`graphviz.escape` doubles it and marks the value as never-HTML, so a title
such as "<b>" stays text); and the ampersand, because Graphviz decodes HTML
entities in every label (`&lt;` is drawn as `<`, `&#65;` as `A`), so each `&`
is written `&amp;`, which it decodes back to `&`.  Control characters are
replaced before that.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import graphviz

from orgdesk.layout.text import clean


def label(lines: Iterable[str]) -> str:
    """A DOT label showing `lines` centred, one per line, exactly as given."""
    escaped = [graphviz.escape(clean(line).replace("&", "&amp;")) for line in lines]
    return graphviz.nohtml("\\n".join(escaped))


#: What HTML-like labels must not see raw: markup, quotes, and `]` (harmless
#: there, but a hand-edited file may copy the text into a plain label).
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "'": "&#39;", "]": "&#93;"})


_BACKSLASH = re.compile(r"\\(?=.)", re.DOTALL)


def html_line(line: str) -> str:
    """One line of user text as the content of an HTML-like label.

    Markup characters become entities.  A backslash cannot be escaped in an
    HTML-like label: Graphviz expands `\\N`, `\\G`… there even when the backslash
    is written `&#92;`; but it expands only within one run of text, so after
    each backslash a new (attribute-less, so identical-looking) `<FONT>` run starts.
    """
    text = clean(line).translate(_HTML_ESCAPES)
    if "\\" not in text:
        return text
    # A backslash ending the line needs no new run (and `<FONT></FONT>` is an error).
    text, runs = _BACKSLASH.subn("\\\\<FONT>", text)
    return text + "</FONT>" * runs


def html_lines(lines: Iterable[str]) -> str:
    """Lines of user text, escaped, separated by `<BR/>`."""
    return "<BR/>".join(html_line(line) for line in lines)
