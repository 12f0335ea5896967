"""What a chart box says, and how big it is.

The same `BoxText` is drawn by the chart view (Qt) and by the Graphviz export,
so both show the same lines; only the measuring differs.  The layout asks a
`Measure` callback for each box's size: Qt passes one built on QFontMetrics,
headless callers use `estimate_size`, which counts characters (a CJK
character counts double) and errs on the wide side so text never overflows a
Graphviz box of that size.
"""
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from orgdesk.core.model import Position
from orgdesk.core.organisation import Organisation
from orgdesk.layout.words import ENGLISH, Words, hidden_text, seats_text

__all__ = ["BoxText", "Detail", "Measure", "Words", "box_text", "clean", "estimate_size",
           "truncate", "wrap"]


class Detail(IntEnum):
    """Level of detail of a box's content."""

    TITLE = 1  # title (and ×N)
    SUMMARY = 2  # + department and headcount
    DUTIES = 3  # + the first duties


@dataclass(frozen=True, slots=True)
class BoxText:
    """The lines of one box: a bold title (wrapped), a ×N badge, smaller detail lines."""

    title_lines: tuple[str, ...]
    badge: str = ""  # "×14" for a position of 14 seats
    detail_lines: tuple[str, ...] = ()  # department, headcount
    duty_lines: tuple[str, ...] = ()


#: Font sizes in points; the view and the export use the same ones.
TITLE_PT = 11.0
DETAIL_PT = 9.0
DUTY_PT = 8.0
PADDING_X = 8.0
PADDING_Y = 6.0
LINE_SPACING = 1.35
MIN_WIDTH = 96.0
#: Wrapping and truncation limits in character units (a CJK character is 2 units).
TITLE_UNITS = 22
TITLE_LINES = 3  # a longer title is cut with "…" (a box is not a document)
DETAIL_UNITS = 26
DUTY_UNITS = 30
FIRST_DUTIES = 2

Measure = Callable[[BoxText], tuple[float, float]]


@functools.lru_cache(maxsize=8192)
def char_units(ch: str) -> int:
    """2 for wide (CJK, full-width) characters, 0 for combining marks, else 1."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@functools.lru_cache(maxsize=16384)  # titles repeat: 座席员 ×12 in every team
def text_units(text: str) -> int:
    return sum(char_units(ch) for ch in text)


def clean(text: str) -> str:
    """One line of user text: control characters and line breaks become spaces."""
    if text.isprintable():  # none of the categories below (nor any other Other or Separator)
        return text.strip()
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        # Cc (controls), Cs (lone surrogates), Cn (non-characters such as U+FFFE)
        # cannot be drawn and would make the SVG / HTML-like label invalid XML.
        out.append(" " if category in ("Cc", "Cs", "Cn", "Zl", "Zp") else ch)
    # Inner runs of spaces are kept: the label must come back as the user typed it.
    return "".join(out).strip()


#: Characters a CJK line may not start with (kinsoku shori): closing brackets and
#: quotes, sentence and clause punctuation, small kana, the prolonged sound mark.
NO_LINE_START = frozenset(
    "，。、）」』》〉】〕〗〙〛｝］！？：；,.!?:;)]}’”・ー…‥"  # noqa: RUF001  # CJK punctuation is the point
    "ぁぃぅぇぉっゃゅょァィゥェォッャュョ々〻")
#: Characters a line may not end with: opening brackets and quotes.
NO_LINE_END = frozenset("（「『《〈【〔〖〘〚｛［([{‘“")  # noqa: RUF001  # CJK brackets, which is the point
_HYPHENS = frozenset("-\u2010\u2011\u2013")


def _wide(ch: str) -> bool:
    return char_units(ch) == 2


def _break_allowed(text: str, index: int) -> bool:
    """May a line end before `text[index]`?  (0 < index < len(text))"""
    before, after = text[index - 1], text[index]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if after == " " or before == " ":
        return True
    if before in _HYPHENS and not after.isspace():
        return index > 1 and not text[index - 2].isspace()  # "e-mail" breaks after "e-", not "- x"
    # Between two CJK characters, or between a CJK character and a Latin one.
    return _wide(before) or _wide(after)


def _split_word(text: str, cut: int) -> tuple[str, str]:
    """A word wider than the line, split at `cut` with a visible hyphen between letters."""
    if cut >= 2 and text[cut - 1].isalnum() and text[cut].isalnum() and not _wide(text[cut]):
        return text[:cut - 1] + "-", text[cut - 1:]
    return text[:cut], text[cut:]


def _next_line(text: str, units: int) -> tuple[str, str]:
    """The first line of `text` (at most `units` wide) and the rest."""
    used, cut = 0, 0
    for index, ch in enumerate(text):
        used += char_units(ch)
        if used > units:
            break
        cut = index + 1
    cut = max(cut, 1)
    # The last place a line may end, at or before the cut.
    for index in range(cut, 0, -1):
        if index < len(text) and _break_allowed(text, index):
            return text[:index].rstrip(), text[index:].lstrip()
    # One word wider than the line: split it (a CJK run whose only break points
    # are refused by kinsoku also lands here and is cut as it is).
    head, rest = _split_word(text, cut)
    return head, rest


def wrap(text: str, units: int) -> tuple[str, ...]:
    """Wrap at `units` per line, at most TITLE_LINES lines (the last cut with "…").

    Latin text breaks at spaces and after hyphens, never inside a word unless
    the word alone is wider than the line (then with a visible hyphen); CJK text
    breaks between characters, but a line never starts with closing punctuation
    nor ends with an opening bracket (kinsoku).
    """
    # Only the first lines are shown, so a hostile 100k-character title costs nothing.
    text = clean(text[:units * (TITLE_LINES + 1)])
    lines: list[str] = []
    while text_units(text) > units:
        if len(lines) == TITLE_LINES - 1:
            lines.append(truncate(text, units))
            return tuple(lines)
        head, text = _next_line(text, units)
        lines.append(head)
    lines.append(text)
    return tuple(lines)


def truncate(text: str, units: int) -> str:
    """One line of at most `units`, cut with "…"; only the start of `text` is read."""
    # Every character but a combining mark takes a unit or two, so the first few
    # `units` characters decide: a 10 MB duty costs what a short one does.
    whole = text.strip()
    head = whole[:4 * units + 64]
    text = clean(head) if len(head) == len(whole) else clean(head) + "\u2026" * (units + 1)
    if text_units(text) <= units:
        return text
    used = 0
    for index, ch in enumerate(text):
        used += char_units(ch)
        if used > units - 1:
            return text[:index].rstrip() + "…"
    return text


def tracks_staffing(org: Organisation) -> bool:
    """True when the document records filled seats at all.

    A design document leaves every filled headcount at 0; calling each of its
    positions "vacant" would be noise, so vacancies are only shown once some
    position records people in post.
    """
    return any(p.filled_headcount for p in org.positions())


def box_text(position: Position, org: Organisation, detail: Detail = Detail.SUMMARY,
             words: Words = ENGLISH, staffing: bool | None = None,
             hidden: tuple[int, int] | None = None,
             team: tuple[int, int] | None = None) -> BoxText:
    """The lines shown for `position` at `detail`.

    `hidden` is (positions, seats) a collapsed box hides below it; it adds the
    line "+N positions / M seats hidden" in `words`' language.  `team` is
    (seats, filled) of everything below a manager: the team roll-up line.
    """
    badge = f"×{position.planned_headcount}" if position.planned_headcount > 1 else ""
    title = wrap(position.title, TITLE_UNITS - (text_units(badge) + 1 if badge else 0))
    details: list[str] = []
    duties: tuple[str, ...] = ()
    if detail >= Detail.SUMMARY:
        if position.department_id is not None:
            details.append(truncate(org.department(position.department_id).name, DETAIL_UNITS))
        if staffing if staffing is not None else tracks_staffing(org):
            filled = words.filled.format(filled=position.filled_headcount,
                                         planned=position.planned_headcount)
            if position.over:  # 超编 said on the box, not only by its border
                filled += " · " + words.over.format(over=position.over)
            details.append(filled)
    if team is not None:
        seats, in_post = team
        tracked = staffing if staffing is not None else tracks_staffing(org)
        details.append(truncate((words.team if tracked else words.team_planned).format(
            seats=seats_text(words, seats), filled=f"{in_post:,}"), DETAIL_UNITS + 6))
    if hidden is not None and hidden[0]:
        details.append(truncate(hidden_text(words, *hidden), DETAIL_UNITS + 6))
    if detail >= Detail.DUTIES:
        duties = tuple(truncate(words.duty_bullet + duty, DUTY_UNITS)
                       for duty in position.duties[:FIRST_DUTIES])
    return BoxText(title, badge, tuple(details), duties)


def _estimate_width(text: str, size: float, bold: bool = False) -> float:
    # Latin glyphs average ~0.55 em, CJK glyphs 1 em; bold adds ~6 %.
    return text_units(text) * 0.55 * size * (1.06 if bold else 1.0)


def estimate_size(text: BoxText) -> tuple[float, float]:
    """Width and height in points of a box, from character counts."""
    widths = [_estimate_width(line, TITLE_PT, True) for line in text.title_lines]
    if text.badge and widths:
        widths[-1] += _estimate_width(" " + text.badge, TITLE_PT, True)
    widths += [_estimate_width(line, DETAIL_PT) for line in text.detail_lines]
    widths += [_estimate_width(line, DUTY_PT) for line in text.duty_lines]
    height = (len(text.title_lines) * TITLE_PT + len(text.detail_lines) * DETAIL_PT
              + len(text.duty_lines) * DUTY_PT) * LINE_SPACING
    return max(MIN_WIDTH, max(widths, default=0.0) + 2 * PADDING_X), height + 2 * PADDING_Y
