"""The one label of a position's node: title, ×N badge, department, headcount, duties.

A position is one Graphviz node, so one SVG `<g>` holds its box and all its
text (moving it in Inkscape or PowerPoint moves everything; re-running `dot`
keeps each text with its box).  The system Graphviz draws an HTML-like table
(bold title, a red ×N badge cell beside it, smaller detail lines); the
embedded WebAssembly Graphviz has no HTML-like labels, so there the node has
a plain label of centred lines with the badge after the title.  User text
reaches either form only through `dot_text`.
"""
from __future__ import annotations

import functools

from orgdesk.export.dot_text import html_lines, label
from orgdesk.layout.style import (
    BADGE_FILL,
    BADGE_H,
    BADGE_PT,
    BADGE_TEXT,
    DETAIL_TEXT,
    TITLE_TEXT,
    estimate_size_badge,
)
from orgdesk.layout.text import DETAIL_PT, DUTY_PT, TITLE_PT, BoxText


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@functools.lru_cache(maxsize=16)
def _face(name: str) -> str:
    """A font family name as an attribute value (fontconfig's names, but still escaped)."""
    return "".join(ch for ch in name if ch.isalnum() or ch in " -_.")


def html_label(text: BoxText, font: str, bold: str) -> str:
    """The HTML-like label (including its outer `<` `>`) of a box's text."""
    font, bold = _face(font), _face(bold)
    title = (f'<FONT FACE="{bold}" POINT-SIZE="{_num(TITLE_PT)}" COLOR="{TITLE_TEXT}">'
             f"{html_lines(text.title_lines)}</FONT>")
    span = ""
    badge = ""
    if text.badge:
        span = ' COLSPAN="3"'
        bw, _ = estimate_size_badge(text.badge)
        # A table of its own inside the cell, so the pill keeps its size beside a
        # title of several lines instead of growing to the row's height.
        badge = (f'<TD WIDTH="4"></TD><TD VALIGN="TOP"><TABLE BORDER="0" CELLSPACING="0" '
                 f'CELLPADDING="0" BGCOLOR="{BADGE_FILL}" STYLE="rounded"><TR>'
                 f'<TD FIXEDSIZE="TRUE" WIDTH="{round(bw)}" HEIGHT="{round(BADGE_H)}">'
                 f'<FONT FACE="{bold}" POINT-SIZE="{_num(BADGE_PT)}" COLOR="{BADGE_TEXT}">'
                 f"{html_lines([text.badge])}</FONT></TD></TR></TABLE></TD>")
    rows = [f"<TR><TD>{title}</TD>{badge}</TR>"]
    if text.detail_lines:
        rows.append(f'<TR><TD{span}><FONT FACE="{font}" POINT-SIZE="{_num(DETAIL_PT)}" '
                    f'COLOR="{DETAIL_TEXT}">{html_lines(text.detail_lines)}</FONT></TD></TR>')
    if text.duty_lines:
        rows.append(f'<TR><TD{span}><FONT FACE="{font}" POINT-SIZE="{_num(DUTY_PT)}" '
                    f'COLOR="{DETAIL_TEXT}">{html_lines(text.duty_lines)}</FONT></TD></TR>')
    return ('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
            + "".join(rows) + "</TABLE>>")


def plain_lines(text: BoxText) -> list[str]:
    """The lines of the plain (embedded Graphviz) label: the badge follows the title."""
    title = list(text.title_lines)
    if text.badge:
        title[-1] = f"{title[-1]} {text.badge}"
    return title + list(text.detail_lines + text.duty_lines)


def plain_label(text: BoxText) -> str:
    """The plain label of a box's text, quoted for DOT."""
    import graphviz

    return str(graphviz.quoting.quote(label(plain_lines(text))))
