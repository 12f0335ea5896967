"""The labour cost as plain text, in English or Chinese (`orgdesk report --cost`).

The report goes to a client like the handbook, so it is written in the
deliverable's language, which the caller chooses (the CLI: `--lang`, else the
document's own).  Amounts are shown with thousands separators and cents.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Literal

from orgdesk.analysis.cost import MONTHS_PER_YEAR, CostAnalysis, GroupCost, PositionCost
from orgdesk.analysis.report import table
from orgdesk.analysis.texts import tree_indent

CostLanguage = Literal["en", "zh"]

_TEXTS: dict[str, dict[CostLanguage, str]] = {
    "heading": {"en": "{title}: labour cost in {currency} (a year is {months} months)",
                "zh": "{title}：人工成本（{currency}，一年按 {months} 个月计）"},
    "monthly": {"en": "  a month: planned seats {planned}, filled seats {filled}, vacancies {vacant}",
                "zh": "  每月：定员 {planned}，在岗 {filled}，空缺 {vacant}"},
    "annual": {"en": "  a year:  planned seats {planned}, filled seats {filled}, vacancies {vacant}",
               "zh": "  每年：定员 {planned}，在岗 {filled}，空缺 {vacant}"},
    "lacking": {"en": "  {positions} position(s) with seats have no pay ({seats} planned seats): "
                      "their cost is not in these figures.",
                "zh": "  {positions} 个有席位的职位未填月薪（定员 {seats} 席）：其成本未计入以上数字。"},
    "no_pay": {"en": "  No position has pay yet: set a monthly pay on the positions to see "
                     "their cost.",
               "zh": "  尚无职位填写月薪：请为职位填写月薪后查看成本。"},
    "departments": {"en": "Departments:", "zh": "部门："},
    "positions": {"en": "Positions (a seat's cost = midpoint of the pay × (1 + on-cost %)):",
                  "zh": "职位（每席成本 = 月薪中位值 ×（1 + 社保公积金比例））："},
    "no_department": {"en": "(no department)", "zh": "（无部门）"},
    "total": {"en": "total", "zh": "合计"},
}

_GROUP_HEADER: dict[CostLanguage, tuple[str, ...]] = {
    "en": ("department", "positions", "planned", "filled", "vacant", "monthly planned",
           "monthly filled", "monthly vacant", "annual planned", "annual filled",
           "annual vacant", "lacking pay"),
    "zh": ("部门", "职位数", "定员", "在岗", "空缺", "月成本·定员", "月成本·在岗", "月成本·空缺",
           "年成本·定员", "年成本·在岗", "年成本·空缺", "未填月薪"),
}
_POSITION_HEADER: dict[CostLanguage, tuple[str, ...]] = {
    "en": ("position", "planned", "filled", "vacant", "monthly pay", "on-cost %",
           "seat a month", "monthly planned", "annual planned", "annual filled",
           "annual vacant"),
    "zh": ("职位", "定员", "在岗", "空缺", "月薪", "社保公积金%", "每席月成本", "月成本·定员",
           "年成本·定员", "年成本·在岗", "年成本·空缺"),
}


def money(amount: Decimal) -> str:
    """1234567.5 → "1,234,567.50"."""
    return f"{amount:,.2f}"


def pay_range(figure: PositionCost) -> str:
    """"4,000-6,000", one figure "5,000", or "—" when no pay is set."""
    low, high = figure.pay_min, figure.pay_max
    if low and high and low != high:
        return f"{low:,}-{high:,}"
    return f"{low or high:,}" if low or high else "—"


def _group_row(group: GroupCost, name: str) -> tuple[object, ...]:
    cost = group.cost
    return (name, group.positions, group.planned, group.filled, group.vacancies,
            money(cost.monthly_planned), money(cost.monthly_filled), money(cost.monthly_vacant),
            money(cost.annual_planned), money(cost.annual_filled), money(cost.annual_vacant),
            group.lacking_pay or "")


def cost_text(analysis: CostAnalysis, title: str, lang: CostLanguage = "en") -> list[str]:
    """The lines `orgdesk report --cost` prints."""
    def say(key: str, **arguments: object) -> str:
        return _TEXTS[key][lang].format(**arguments)

    total = analysis.total.cost
    lines = [say("heading", title=title, currency=analysis.currency, months=MONTHS_PER_YEAR),
             say("monthly", planned=money(total.monthly_planned),
                 filled=money(total.monthly_filled), vacant=money(total.monthly_vacant)),
             say("annual", planned=money(total.annual_planned),
                 filled=money(total.annual_filled), vacant=money(total.annual_vacant))]
    if not analysis.has_pay:
        lines.append(say("no_pay"))
    elif analysis.total.lacking_pay:
        lines.append(say("lacking", positions=analysis.total.lacking_pay,
                         seats=analysis.total.seats_lacking_pay))
    lines += ["", say("departments")]
    rows = [_group_row(g, g.key or say("no_department")) for g in analysis.departments]
    rows.append(_group_row(analysis.total, say("total")))
    lines += table(_GROUP_HEADER[lang], rows)
    lines += ["", say("positions")]
    lines += table(_POSITION_HEADER[lang], [
        (tree_indent(f.level) + f.title,
         f.planned, f.filled, f.vacancies, pay_range(f),
         f.on_cost_percent if f.has_pay else "—",
         "—" if f.monthly_seat_cost is None else money(f.monthly_seat_cost),
         money(f.cost.monthly_planned), money(f.cost.annual_planned),
         money(f.cost.annual_filled), money(f.cost.annual_vacant))
        for f in analysis.positions])
    return lines
