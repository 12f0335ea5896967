"""Turning user text into DOT label values that can only ever mean that text.

Plain (not HTML-like) labels are used on purpose: the embedded WebAssembly
Graphviz has no HTML-label support.  A plain label has three special things
once quoted: the quote (escaped by the `graphviz` package); the backslash,
which Graphviz would otherwise read as `\\N`, `\\G`, `\\L`, `\\n`…
(`graphviz.escape` doubles it and marks the value as never-HTML, so a title
such as "<b>" stays text); and the ampersand, because Graphviz decodes HTML
entities in every label (`&lt;` is drawn as `<`, `&#65;` as `A`), so each `&`
is written `&amp;`, which it decodes back to `&`.  Control characters are
replaced before that.
"""
from __future__ import annotations

from collections.abc import Iterable

import graphviz

from orgdesk.layout.text import clean


def label(lines: Iterable[str]) -> str:
    """A DOT label showing `lines` centred, one per line, exactly as given."""
    escaped = [graphviz.escape(clean(line).replace("&", "&amp;")) for line in lines]
    return graphviz.nohtml("\\n".join(escaped))
