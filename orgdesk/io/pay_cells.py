"""Pay as client spreadsheets write it: “12,000”, “¥4,500元”, “1.2万”, “8k”, “35%”, 0.35,
and ranges “4500-6000”, “4,500~6,000元/月”, “8k–12k”, “1.2万至1.5万”.

Read by imports into a position's whole-unit monthly pay (`pay_min`, `pay_max`)
and its on-cost in whole percent; anything else is a ValueError with a
sentence naming the cell, as the other cell readers give.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from orgdesk.core.errors import Sentence
from orgdesk.core.model import MAX_MONTHLY_PAY, MAX_ON_COST_PERCENT
from orgdesk.io.cells import cell_text

#: Currency words and signs around an amount, and “a month”, which say nothing more.
_NOISE = re.compile(r"(?i)(?:rmb|cny|usd|hkd|eur|人民币|港币|美元|元|¥|￥|\$|/\s*月|每月|per\s+month"
                    r"|/\s*month|a\s+month|monthly|税前|税后|左右|以上)")
_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*(万|w|千|k)?$", re.IGNORECASE)
_SCALE = {"万": 10_000, "w": 10_000, "千": 1_000, "k": 1_000}
#: Between the ends of a range: a hyphen, a tilde, an em or en dash, 至 or 到.
_RANGE = re.compile("^(.+?)\\s*(?:-|~|\u2014|\u2013|至|到)\\s*(.+)$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%?$")


def _plain(value: object) -> str:
    text = unicodedata.normalize("NFKC", cell_text(value)).strip()
    # Thousands separators: “12,000”, “12 000”, “12，000” (NFKC made it a comma).
    return re.sub(r"(?<=\d)[,\s](?=\d{3}\b)", "", _NOISE.sub("", text)).strip()


def _whole(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_money(value: object) -> int:
    """A month's pay in whole units of the currency."""
    if isinstance(value, bool):
        raise ValueError(Sentence.of("“{value}” is not an amount of pay", value=value))
    if isinstance(value, int | float):
        amount = Decimal(str(value))
    else:
        match = _AMOUNT.match(_plain(value))
        if match is None:
            raise ValueError(Sentence.of("“{value}” is not an amount of pay such as 4500, "
                                         "4,500元 or 1.2万", value=cell_text(value)))
        amount = Decimal(match.group(1)) * _SCALE.get((match.group(2) or "").lower(), 1)
    if not amount.is_finite() or not 0 <= amount <= MAX_MONTHLY_PAY:
        raise ValueError(Sentence.of("{value} is outside 0-{limit}", value=cell_text(value),
                                     limit=f"{MAX_MONTHLY_PAY:,}"))
    return _whole(amount)


def parse_pay_range(value: object) -> tuple[int, int]:
    """(minimum, maximum) of a pay cell: a range, or one figure as both ends."""
    if not isinstance(value, str):
        single = parse_money(value)
        return single, single
    match = _RANGE.match(_plain(value))
    if match is None:
        single = parse_money(value)
        return single, single
    low, high = match.group(1), match.group(2)
    # “8-12k”, “1.2-1.5万”: a unit written once applies to both ends.
    low_match, high_match = _AMOUNT.match(low), _AMOUNT.match(high)
    if low_match and high_match and high_match.group(2) and not low_match.group(2):
        low += high_match.group(2)
    try:
        return parse_money(low), parse_money(high)
    except ValueError:
        raise ValueError(Sentence.of("“{value}” is not a pay range such as 4500-6000",
                                     value=cell_text(value))) from None


def parse_percent(value: object) -> int:
    """An on-cost in whole percent: 35, “35%”, “35.5 %” (36), or 0.35 from a cell a
    spreadsheet formats as a percentage (a fraction below one)."""
    if isinstance(value, bool):
        raise ValueError(Sentence.of("“{value}” is not a percentage", value=value))
    try:
        if isinstance(value, float) and 0 < value < 1:
            amount = Decimal(str(value)) * 100
        elif isinstance(value, int | float):
            amount = Decimal(str(value))
        else:
            match = _PERCENT.match(_plain(value))
            if match is None:
                raise ValueError(Sentence.of("“{value}” is not a percentage such as 35%",
                                             value=cell_text(value)))
            amount = Decimal(match.group(1))
    except InvalidOperation:
        raise ValueError(Sentence.of("“{value}” is not a percentage such as 35%",
                                     value=cell_text(value))) from None
    if not amount.is_finite() or not 0 <= amount <= MAX_ON_COST_PERCENT:
        raise ValueError(Sentence.of("{value} is outside 0-{limit}", value=cell_text(value),
                                     limit=MAX_ON_COST_PERCENT))
    return _whole(amount)
