"""How each number of a sizing was reached, in plain words, in the deliverable's language.

The explanation goes to a client with the chart, so like the chart's own words
(layout/words.py) it is in the deliverable's language — chosen by the caller,
by default the document's content's (`content_language`) — not the interface's.
"""
from __future__ import annotations

import math

from orgdesk.design.erlang import agents_required
from orgdesk.design.sizing import IntervalSizing, Sizing, target_of, uncapped_target
from orgdesk.design.workload import MINUTES_PER_DAY, clock
from orgdesk.layout.words import Language

_TEXTS: dict[str, dict[Language, str]] = {
    "traffic": {
        "en": "Traffic at the peak ({when}): {contacts} contacts in {step} minutes × {aht} s "
              "handle time ÷ {seconds} s = {traffic} Erlangs.",
        "zh": "高峰时段（{when}）话务量：{step} 分钟内 {contacts} 个来话 × 平均处理时长 {aht} 秒 "
              "÷ {seconds} 秒 = {traffic} 爱尔兰。",
    },
    "chat": {
        "en": "Each agent handles {concurrency} chats at once, so a chat takes {aht} s of an "
              "agent's time.",
        "zh": "每名座席同时处理 {concurrency} 个会话，因此每个会话占用座席 {aht} 秒。",
    },
    "agents_sl": {
        "en": "Erlang C: {agents} agents are the fewest that answer {target} % within {threshold} s "
              "(they achieve {achieved} %, average speed of answer {asa} s, occupancy "
              "{occupancy} %).",
        "zh": "按 Erlang C 公式：至少需要 {agents} 名座席，才能在 {threshold} 秒内接通 {target}% 的来话"
              "（实际服务水平 {achieved}%，平均应答速度 {asa} 秒，占用率 {occupancy}%）。",
    },
    "agents_asa": {
        "en": "Erlang C: {agents} agents are the fewest that keep the average speed of answer "
              "within {target} s (they achieve {asa} s, {achieved} % answered within "
              "{threshold} s, occupancy {occupancy} %).",
        "zh": "按 Erlang C 公式：至少需要 {agents} 名座席，才能使平均应答速度不超过 {target} 秒"
              "（实际 {asa} 秒，{threshold} 秒内接通 {achieved}%，占用率 {occupancy}%）。",
    },
    "capped": {
        "en": "The occupancy cap of {cap} % raises this to {agents} agents.",
        "zh": "占用率上限为 {cap}%，因此增至 {agents} 名座席。",
    },
    "minimum": {
        "en": "Every open interval keeps at least {agents} on duty, so the peak has {agents}.",
        "zh": "每个营业时段至少安排 {agents} 名座席，因此高峰为 {agents} 名。",
    },
    "email": {
        "en": "The work arriving within each {window}-minute response window is spread over it: "
              "at most {agents} agents at {occupancy} % occupancy.",
        "zh": "每个 {window} 分钟响应时限内到达的工作量在该时限内均匀处理：最多需要 {agents} 名座席，"
              "占用率 {occupancy}%。",
    },
    "hours": {
        "en": "Adding up the agents required in each of the {intervals} open intervals "
              "({hours} each day) gives {weekly} agent-hours a week.",
        "zh": "将 {intervals} 个营业时段（每天 {hours}）所需的座席数相加，每周共需 {weekly} 座席小时。",
    },
    "fte": {
        "en": "Scheduled FTE: {weekly} h ÷ (1 − {shrinkage} % shrinkage) ÷ {paid} paid hours per "
              "FTE = {fte} FTE, so the position plans {headcount} seats.",
        "zh": "排班人力：{weekly} 小时 ÷（1 − {shrinkage}% 缩减率）÷ 每人每周 {paid} 带薪小时 = "
              "{fte} 人，因此该职位定员 {headcount} 人。",
    },
    "erlang_a": {
        "en": "If callers hang up after {patience} s on average (Erlang A), the peak needs "
              "{agents} agents ({abandon} % hang up) and the position {headcount} seats: "
              "{difference} than Erlang C.",
        "zh": "若来电者平均等待 {patience} 秒后挂断（Erlang A），高峰需要 {agents} 名座席"
              "（放弃率 {abandon}%），职位定员 {headcount} 人，{difference}。",
    },
    "fewer": {"en": "{count} fewer", "zh": "比 Erlang C 少 {count} 人"},
    "more": {"en": "{count} more", "zh": "比 Erlang C 多 {count} 人"},
    "same": {"en": "the same", "zh": "与 Erlang C 相同"},
    "day": {"en": "day {day} {time}", "zh": "第 {day} 天 {time}"},
}


def _text(key: str, lang: Language, **values: object) -> str:
    return _TEXTS[key][lang].format(**values)


def number(value: float, digits: int = 1) -> str:
    """12, 12.5, 1,234.5: whole numbers without a point."""
    rounded = round(value, digits)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.{digits}f}"


def _percent(share: float | None) -> str:
    return "—" if share is None else number(share * 100, 1)


def when(interval: IntervalSizing, days: int, lang: Language) -> str:
    day, minute = divmod(interval.start, MINUTES_PER_DAY)
    if days == 1:
        return clock(minute)
    return _text("day", lang, day=day + 1, time=clock(minute))


def explain(sizing: Sizing, lang: Language) -> list[str]:
    """The steps from the workload to the planned seats, one sentence each."""
    workload, peak = sizing.workload, sizing.peak
    aht = workload.aht / workload.concurrency
    lines = []
    if workload.channel == "chat":
        lines.append(_text("chat", lang, concurrency=number(workload.concurrency),
                           aht=number(aht)))
    lines.append(_text("traffic", lang, when=when(peak, workload.days, lang),
                       contacts=number(peak.contacts), step=workload.interval_minutes,
                       aht=number(aht), seconds=workload.interval_minutes * 60,
                       traffic=number(peak.traffic, 2)))
    if workload.channel == "email":
        lines.append(_text("email", lang, window=number(workload.response_window),
                           agents=peak.agents, occupancy=_percent(peak.occupancy)))
    else:
        # The target alone, then what the occupancy cap and the minimum staffing add.
        base = agents_required(peak.traffic, aht, uncapped_target(workload))
        key = "agents_sl" if workload.service_level is not None else "agents_asa"
        target = workload.service_level if workload.service_level is not None else workload.asa
        lines.append(_text(key, lang, agents=base.agents, target=number(target or 0),
                           threshold=number(workload.threshold),
                           achieved=_percent(base.service_level),
                           asa=number(base.asa if math.isfinite(base.asa) else 0),
                           occupancy=_percent(base.occupancy)))
        capped = agents_required(peak.traffic, aht, target_of(workload)).agents
        if capped > base.agents:
            lines.append(_text("capped", lang, cap=number(workload.max_occupancy),
                               agents=capped))
        if peak.agents > max(base.agents, capped):
            lines.append(_text("minimum", lang, agents=peak.agents))
    lines.append(_text("hours", lang, intervals=len(sizing.intervals),
                       hours=f"{clock(workload.opens)}-{clock(workload.closes)}",
                       weekly=number(sizing.weekly_hours)))
    lines.append(_text("fte", lang, weekly=number(sizing.weekly_hours),
                       shrinkage=number(workload.shrinkage), paid=number(workload.paid_hours),
                       fte=number(sizing.fte, 2), headcount=sizing.headcount))
    if sizing.headcount_a is not None and peak.agents_a is not None:
        change = sizing.headcount_a - sizing.headcount
        difference = (_text("same", lang) if change == 0 else
                      _text("fewer" if change < 0 else "more", lang, count=abs(change)))
        lines.append(_text("erlang_a", lang, patience=number(workload.patience or 0),
                           agents=peak.agents_a, abandon=_percent(peak.abandon_a),
                           headcount=sizing.headcount_a, difference=difference))
    return lines
