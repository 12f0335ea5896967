"""The words a deck adds around the chart (slide titles, links, the title slide), per
deliverable language.  The boxes and the legend speak through `orgdesk.layout.words`."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from orgdesk.layout.words import Language, date_words


@dataclass(frozen=True, slots=True)
class DeckWords:
    chart: str = "Organisation chart"
    overview: str = "Organisation chart: overview"
    branch: str = "{title}"
    part: str = "{title} ({part} of {parts})"
    back: str = "◂ Back to {title}"
    to_overview: str = "⌂ Overview"
    next_part: str = "Continued ▸"
    client: str = "Client: {client}"
    totals: str = "{positions} positions · {seats} seats"
    branch_hint: str = "Boxes with a branch slide are links: click to open it."


ENGLISH = DeckWords()
CHINESE = DeckWords(
    chart="组织架构图",
    overview="组织架构图：总览",
    branch="{title}",
    part="{title}（{part}/{parts}）",
    back="◂ 返回：{title}",
    to_overview="⌂ 返回总览",
    next_part="下一页 ▸",
    client="客户：{client}",
    totals="{positions} 个职位 · {seats} 个席位",
    branch_hint="带下级分页的方框可点击跳转。",
)


def deck_words(language: Language) -> DeckWords:
    return CHINESE if language == "zh" else ENGLISH


def deck_day(language: Language, when: date) -> str:
    """The date on the title slide: "23 November 2025" or "2025年11月23日"."""
    return date_words(language, when)
