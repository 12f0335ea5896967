"""The words a chart adds to the document's own text, per deliverable language.

A chart handed to a client is in one language: a Chinese chart must not say
"0/1 filled".  The deliverable's language is its own choice (`--lang`, the
export dialog), by default the language of the document's content, never the
interface's; so the words live here, as a table, not in Qt's translations.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Words:
    """The few words a box and the legend add to the document's text."""

    filled: str = "{filled}/{planned} filled"
    over: str = "{over} over"  # seats filled beyond the plan (超编)
    #: A manager's team roll-up: the seats of everything below it, and how many are filled.
    #: `{seats}` in the templates below is `seats` or `seat_one` filled in (“1 seat”).
    team: str = "Team {seats}, {filled} filled"
    team_planned: str = "Team {seats}"  # a design without filled seats
    duty_bullet: str = "· "
    hidden: str = "+{positions} positions / {seats} hidden"
    hidden_one: str = "+1 position / {seats} hidden"
    seats: str = "{count} seats"
    seat_one: str = "{count} seat"
    legend: str = "Legend"
    legend_vacant: str = "Vacant (seats to fill)"
    legend_over: str = "Over-staffed (more filled than planned)"
    legend_seats: str = "Number of seats"
    legend_staff: str = "Staff position"
    legend_dotted: str = "Dotted-line relation"
    legend_department: str = "No department"


ENGLISH = Words()
CHINESE = Words(
    filled="在岗 {filled}/{planned}",
    over="超编 {over}",
    team="团队 {seats}，在岗 {filled}",
    team_planned="团队 {seats}",
    hidden="另有 {positions} 个职位 / {seats}",
    hidden_one="另有 1 个职位 / {seats}",
    seats="{count} 席",
    seat_one="{count} 席",
    legend="图例",
    legend_vacant="空缺（待补员）",
    legend_over="超编（在岗多于定员）",
    legend_seats="席位数",
    legend_staff="直属职能岗位",
    legend_dotted="虚线汇报关系",
    legend_department="未分部门",
)
WORDS: dict[Language, Words] = {"en": ENGLISH, "zh": CHINESE}


def is_cjk(ch: str) -> bool:
    """A Han, kana or Hangul character (what makes a title Chinese, Japanese or Korean)."""
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF
            or 0xF900 <= code <= 0xFAFF or 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF)


def content_language(texts: Iterable[str], limit: int = 2000) -> Language:
    """"zh" when the document's own text is Chinese, else "en".

    A title with any Han character counts as Chinese (`KPI专员` is a Chinese
    title); the language is Chinese when at least a third of the titles are,
    so a Chinese organisation with a few English job codes stays Chinese.  Only
    the first `limit` texts are read: a 100,000-position file decides as fast.
    """
    chinese = total = 0
    for text in texts:
        total += 1
        if any(is_cjk(ch) for ch in text):
            chinese += 1
        if total >= limit:
            break
    return "zh" if total and chinese * 3 >= total else "en"


def words_for(language: Language) -> Words:
    return WORDS[language]


def seats_text(words: Words, seats: int) -> str:
    """“1 seat”, “1,200 seats” (English has a singular; Chinese says 个席位 for any count)."""
    return (words.seat_one if seats == 1 else words.seats).format(count=f"{seats:,}")


def hidden_text(words: Words, positions: int, seats: int) -> str:
    """What a collapsed box says it hides: "+3 positions / 12 seats hidden"."""
    template = words.hidden_one if positions == 1 else words.hidden
    return template.format(positions=f"{positions:,}", seats=seats_text(words, seats))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def date_words(language: Language, day: date) -> str:
    """A date in a deliverable: "2025年11月23日" or "23 November 2025" (not %B: the locale's)."""
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
