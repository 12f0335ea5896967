"""Sizing an agent position from its workload: agents per interval, FTE, planned seats.

For each open interval: traffic in Erlangs (contacts × handle time ÷ interval
length), the fewest agents meeting the target (voice: Erlang C; chat: Erlang
C on the handle time divided by the chats an agent handles at once; e-mail
and back office: the work arriving within the response window spread over
it, under the occupancy cap), with the service level, ASA and occupancy they
achieve.  Then the staffed agent-hours of a week ÷ (1 − shrinkage) ÷ the
paid hours of one FTE give the scheduled FTE; rounded up, the position's
planned headcount.  With a callers' patience, Erlang A is sized beside
Erlang C so the difference can be shown.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from orgdesk.design.erlang import (
    QueueFigures,
    Target,
    agents_required,
    agents_required_a,
    erlang_a_figures,
    erlang_c_figures,
)
from orgdesk.design.workload import MINUTES_PER_DAY, Workload


@dataclass(frozen=True, slots=True)
class IntervalSizing:
    """One open interval: its load and the agents it needs."""

    start: int  # minutes from the midnight before the forecast's first day
    contacts: float
    traffic: float  # Erlangs of work (for chat: chat-Erlangs ÷ concurrency = agent-Erlangs)
    agents: int
    service_level: float | None  # 0..1; None for e-mail (worked within the window)
    asa: float | None  # seconds
    occupancy: float  # 0..1
    wait_probability: float | None
    agents_a: int | None = None  # Erlang A, when a patience is given
    service_level_a: float | None = None
    abandon_a: float | None = None

    @property
    def day(self) -> int:
        return self.start // MINUTES_PER_DAY


@dataclass(frozen=True, slots=True)
class Sizing:
    """The sizing of one workload: per interval, at the peak, and as FTE and seats."""

    workload: Workload
    intervals: tuple[IntervalSizing, ...]
    peak: IntervalSizing
    weekly_hours: float  # staffed agent-hours in a week
    fte: float
    headcount: int
    weekly_hours_a: float | None = None
    fte_a: float | None = None
    headcount_a: int | None = None
    occupancy_capped: bool = False  # the occupancy cap, not the target, set the peak

    @property
    def model(self) -> str:
        return "erlang_c" if self.workload.channel != "email" else "workload"


def target_of(workload: Workload) -> Target:
    share = None if workload.service_level is None else workload.service_level / 100.0
    return Target(share, workload.threshold, workload.asa, workload.max_occupancy / 100.0)


def _queue_interval(workload: Workload, start: int, contacts: float, target: Target,
                    cache: dict[float, tuple[QueueFigures, QueueFigures | None]]
                    ) -> IntervalSizing:
    seconds = workload.interval_minutes * 60.0
    aht = workload.aht / workload.concurrency  # chat: an agent works c chats at once
    traffic = contacts * aht / seconds
    found = cache.get(traffic)
    if found is None:
        figures = agents_required(traffic, aht, target)
        if figures.agents < workload.min_agents:
            figures = erlang_c_figures(workload.min_agents, traffic, aht, target.threshold)
        erlang_a = None
        if workload.patience is not None:
            erlang_a = agents_required_a(traffic, aht, workload.patience, target,
                                         hint=figures.agents)
            if erlang_a.agents < workload.min_agents:
                erlang_a = erlang_a_figures(workload.min_agents, traffic, aht,
                                            target.threshold, workload.patience)
        found = cache[traffic] = (figures, erlang_a)
    figures, erlang_a = found
    return IntervalSizing(
        start, contacts, traffic, figures.agents, figures.service_level, figures.asa,
        figures.occupancy, figures.wait_probability,
        None if erlang_a is None else erlang_a.agents,
        None if erlang_a is None else erlang_a.service_level,
        None if erlang_a is None else erlang_a.abandon_probability)


def _deferred_intervals(workload: Workload, slots: list[tuple[int, float]]
                        ) -> list[IntervalSizing]:
    """E-mail and back office: the work arriving in the last response window (of open
    intervals, in order) is worked over that window, under the occupancy cap."""
    seconds = workload.interval_minutes * 60.0
    span = max(1, math.ceil(workload.response_window / workload.interval_minutes))
    cap = workload.max_occupancy / 100.0
    result = []
    window: list[float] = []
    for start, contacts in slots:
        traffic = contacts * workload.aht / seconds
        window.append(traffic)
        if len(window) > span:
            window.pop(0)
        spread = math.fsum(window) / span
        agents = max(workload.min_agents, math.ceil(spread / cap - 1e-9))
        occupancy = min(spread / agents, 1.0) if agents else 0.0
        result.append(IntervalSizing(start, contacts, traffic, agents, None, None, occupancy,
                                     None))
    return result


def _fte(workload: Workload, staffed_hours: float) -> tuple[float, float, int]:
    weekly = staffed_hours * workload.days_per_week / workload.days
    fte = weekly / (1.0 - workload.shrinkage / 100.0) / workload.paid_hours
    return weekly, fte, math.ceil(fte - 1e-9)


def size(workload: Workload) -> Sizing:
    """Size `workload`: every open interval, the peak, the FTE and the planned seats."""
    slots = workload.intervals()
    if workload.channel == "email":
        rows = _deferred_intervals(workload, slots)
    else:
        target = target_of(workload)
        cache: dict[float, tuple[QueueFigures, QueueFigures | None]] = {}
        rows = [_queue_interval(workload, start, contacts, target, cache)
                for start, contacts in slots]
    hours = workload.interval_minutes / 60.0
    weekly, fte, headcount = _fte(workload, math.fsum(r.agents for r in rows) * hours)
    peak = max(rows, key=lambda r: (r.agents, r.traffic, -r.start))
    weekly_a = fte_a = headcount_a = None
    if workload.patience is not None and workload.channel != "email":
        weekly_a, fte_a, headcount_a = _fte(
            workload, math.fsum(r.agents_a or 0 for r in rows) * hours)
    capped = False
    if workload.channel != "email" and peak.traffic > 0:
        uncapped = agents_required(peak.traffic, workload.aht / workload.concurrency,
                                   uncapped_target(workload))
        capped = uncapped.agents < peak.agents and peak.agents > workload.min_agents
    return Sizing(workload, tuple(rows), peak, weekly, fte, headcount, weekly_a, fte_a,
                  headcount_a, capped)


def uncapped_target(workload: Workload) -> Target:
    """The workload's target without its occupancy cap (to tell what the cap adds)."""
    target = target_of(workload)
    return Target(target.service_level, target.threshold, target.asa, 1.0)
