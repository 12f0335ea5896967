"""Workloads (validation, JSON form, the document setting) and their sizing into FTE and seats."""
from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesk.core.errors import Sentence
from orgdesk.core.settings import InvalidSetting, check_setting, parse_setting
from orgdesk.design.erlang import Target, agents_required
from orgdesk.design.explain import explain
from orgdesk.design.sizing import size
from orgdesk.design.workload import (
    Workload,
    WorkloadError,
    parse_hours,
    parse_service_level,
    with_workload,
    workloads_of,
)


def exact_agents(traffic: Fraction, aht: int, share: float, seconds: int) -> int:
    """The fewest agents for share/seconds by the exact Erlang C sum (test-only)."""
    n = math.floor(traffic) + 1
    while True:
        terms = [Fraction(1)]
        for k in range(1, n + 1):
            terms.append(terms[-1] * traffic / k)
        top = terms[-1] * n / (n - traffic)
        c = top / (sum(terms[:-1]) + top)
        if 1 - float(c) * math.exp(-float(n - traffic) * seconds / aht) >= share:
            return n
        n += 1


def test_flat_calls_by_hand() -> None:
    # 200 calls an hour, 240 s, 08:00-22:00 in 30-minute intervals: 100 calls an interval,
    # 100 × 240 / 1800 = 13.33 Erlangs; the exact sum says 17 agents for 80/20.
    workload = Workload(aht=240, daily_volume=200 * 14, shrinkage=30)
    agents = exact_agents(Fraction(40, 3), 240, 0.8, 20)
    assert agents == 17
    sizing = size(workload)
    assert len(sizing.intervals) == 28
    assert all(r.agents == agents for r in sizing.intervals)
    assert sizing.peak.traffic == pytest.approx(40 / 3)
    weekly = agents * 28 * 0.5 * 7  # agent-hours a week, open every day
    assert sizing.weekly_hours == pytest.approx(weekly)
    assert sizing.fte == pytest.approx(weekly / 0.7 / 40)
    assert sizing.headcount == math.ceil(weekly / 0.7 / 40) == 60


def test_interval_table_over_a_week_and_the_peak() -> None:
    volumes = tuple((day * 1440 + minute, float((minute // 60) * (day + 1)))
                    for day in range(7) for minute in range(8 * 60, 20 * 60, 60))
    workload = Workload(aht=300, volumes=volumes, interval_minutes=60, opens=8 * 60,
                        closes=20 * 60, days_per_week=7)
    sizing = size(workload)
    assert workload.days == 7 and len(sizing.intervals) == 7 * 12
    assert sizing.peak.start == 6 * 1440 + 19 * 60  # the last day's 19:00 is the busiest
    assert sizing.peak.contacts == 19 * 7
    hours = sum(r.agents for r in sizing.intervals)  # 60-minute intervals: one hour each
    assert sizing.weekly_hours == pytest.approx(hours)  # a week forecast is a week
    for r in sizing.intervals:
        expected = agents_required(r.traffic, 300, Target(0.8, 20)).agents
        assert r.agents == max(expected, 1)


def test_missing_open_intervals_still_staff_the_minimum() -> None:
    workload = Workload(aht=180, volumes=((9 * 60, 30.0),), interval_minutes=30,
                        opens=9 * 60, closes=12 * 60, min_agents=2)
    sizing = size(workload)
    assert [r.agents for r in sizing.intervals][1:] == [2] * 5
    assert sizing.intervals[0].agents >= 2


def test_profile_spreads_the_daily_volume() -> None:
    workload = Workload(aht=180, daily_volume=1000, opens=9 * 60, closes=11 * 60,
                        interval_minutes=30, profile=(1, 3, 4, 2))
    contacts = [c for _, c in workload.intervals()]
    assert contacts == pytest.approx([100, 300, 400, 200])
    assert size(workload).peak.contacts == pytest.approx(400)


def test_occupancy_cap_and_shrinkage() -> None:
    loose = size(Workload(aht=180, daily_volume=20000, max_occupancy=100))
    capped = size(Workload(aht=180, daily_volume=20000, max_occupancy=80))
    assert capped.peak.agents > loose.peak.agents and capped.peak.occupancy <= 0.8
    assert capped.occupancy_capped and not loose.occupancy_capped
    more = size(Workload(aht=180, daily_volume=20000, shrinkage=40))
    assert more.fte == pytest.approx(loose.fte * 0.7 / 0.6)


def test_chat_concurrency_and_email_window() -> None:
    voice = size(Workload(aht=600, daily_volume=5000))
    chat = size(Workload(aht=600, daily_volume=5000, channel="chat", concurrency=3))
    assert chat.peak.agents < voice.peak.agents
    assert chat.peak.agents == agents_required(chat.peak.traffic, 200, Target(0.8, 20)).agents
    # E-mail: 700 an hour of 360 s each is 70 agent-hours an hour of work; spread over a
    # 2-hour window at 85 % occupancy, ⌈70 / 0.85⌉ = 83 agents once the window is full.
    email = size(Workload(aht=360, daily_volume=700 * 14, channel="email",
                          response_window=120, max_occupancy=85))
    assert email.peak.agents == 83
    # The first interval's work may take the whole window: ⌈70 / 4 / 0.85⌉ = 21 agents.
    assert email.intervals[0].agents == 21
    assert email.peak.service_level is None and email.headcount > 0


def test_erlang_a_beside_erlang_c() -> None:
    sizing = size(Workload(aht=240, daily_volume=200 * 14, patience=90))
    assert sizing.headcount_a is not None and sizing.headcount_a <= sizing.headcount
    assert sizing.peak.agents_a is not None and sizing.peak.abandon_a is not None
    words = " ".join(explain(sizing, "en"))
    assert "Erlang A" in words and f"{sizing.headcount_a} seats" in words


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=0, max_value=5000), st.floats(min_value=0, max_value=95),
       st.floats(min_value=0, max_value=95))
def test_more_shrinkage_never_lowers_fte(volume: float, s1: float, s2: float) -> None:
    low, high = sorted((s1, s2))
    a = size(Workload(aht=200, daily_volume=volume, shrinkage=low))
    b = size(Workload(aht=200, daily_volume=volume, shrinkage=high))
    assert a.fte <= b.fte and a.headcount <= b.headcount


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=0, max_value=3000), st.floats(min_value=0, max_value=3000))
def test_more_volume_never_lowers_headcount(v1: float, v2: float) -> None:
    low, high = sorted((v1, v2))
    assert size(Workload(aht=200, daily_volume=low)).headcount <= size(
        Workload(aht=200, daily_volume=high)).headcount


# --------------------------------------------------------------------- explanation
def test_explanation_in_both_languages_names_the_numbers() -> None:
    sizing = size(Workload(aht=240, daily_volume=200 * 14, shrinkage=30))
    english, chinese = explain(sizing, "en"), explain(sizing, "zh")
    assert len(english) == len(chinese) == 4
    assert "13.33 Erlangs" in english[0] and "17 agents" in english[1]
    assert "59.50 FTE" in english[3] and "60 seats" in english[3]
    assert "爱尔兰" in chinese[0] and "定员 60 人" in chinese[3]
    assert not any("Erlangs" in line for line in chinese)


# ---------------------------------------------------------------------- validation
@pytest.mark.parametrize(("changes", "words"), [
    ({"aht": 0}, "average handle time"),
    ({"service_level": 100}, "service-level target"),
    ({"service_level": None, "asa": None}, "service-level target or an ASA"),
    ({"shrinkage": 100}, "shrinkage"),
    ({"max_occupancy": 0}, "maximum occupancy"),
    ({"channel": "fax"}, "channel"),
    ({"interval_minutes": 20}, "15, 30 or 60"),
    ({"opens": 600, "closes": 540}, "close after they open"),
    ({"opens": 8 * 60 + 10}, "intervals"),
    ({"daily_volume": None}, "interval table or a daily volume"),
    ({"daily_volume": -1.0}, "daily volume"),
    ({"profile": (1.0, 2.0)}, "intraday profile"),
    ({"volumes": ((7 * 60, 5.0),)}, "outside the opening hours"),
    ({"volumes": ((8 * 60, 5.0), (8 * 60, 6.0))}, "twice"),
    ({"volumes": ((8 * 60 + 5, 5.0),)}, "boundary"),
    ({"aht": math.nan}, "average handle time"),
    ({"daily_volume": 14 * 2 * 60_000.0, "aht": 1800.0}, "up to 50,000 Erlangs"),
    ({"volumes": ((480, 1e6),), "aht": 100.0}, "up to 50,000 Erlangs"),
    ({"daily_volume": 28 * 6000.0, "patience": 60.0}, "Erlang A is sized up to 500"),
])
def test_each_bad_value_is_refused_with_one_sentence(changes: dict[str, object],
                                                     words: str) -> None:
    values: dict[str, object] = {"aht": 180.0, "daily_volume": 100.0, **changes}
    with pytest.raises(WorkloadError) as caught:
        Workload(**values)  # type: ignore[arg-type]
    message = caught.value.args[0]
    assert isinstance(message, Sentence)
    assert words in message and message.count(". ") == 0 and message.endswith(".")


def test_json_form_round_trips_and_is_checked() -> None:
    workload = Workload(aht=200, volumes=((480, 10.0), (510, 12.5)), opens=480, closes=600,
                        asa=15.0, patience=100.0, channel="chat", concurrency=2)
    assert Workload.from_dict(workload.to_dict()) == workload
    flat = Workload(aht=200, daily_volume=300, profile=(1.0,) * 28)
    assert Workload.from_dict(flat.to_dict()) == flat
    for bad in ({"aht": "180"}, {"aht": 180, "hours": 8}, {"aht": 180, "volumes": [[1]]},
                {"aht": 180, "daily_volume": 10, "surprise": 1}, [], {"daily_volume": 10},
                {"aht": True, "daily_volume": 10}):
        with pytest.raises(WorkloadError):
            Workload.from_dict(bad)


def test_document_setting_shape_and_meaning() -> None:
    workload = Workload(aht=180, daily_volume=100)
    value = with_workload({}, 7, workload)
    check_setting("workloads", value)
    assert workloads_of({"workloads": value}) == {7: workload}
    assert with_workload({"workloads": value}, 7, None) == {}
    for bad in ('[]', '{"x": {}}', '{"0": {}}', '{"5": 3}', '{"-1": {}}'):
        with pytest.raises(InvalidSetting):
            parse_setting("workloads", bad)
    with pytest.raises(WorkloadError):  # the right shape, a meaning that is not a workload
        workloads_of({"workloads": {"5": {"aht": -3, "daily_volume": 1}}})


def test_parse_hours_and_service_level() -> None:
    assert parse_hours("08:00-22:00") == (480, 1320)
    assert parse_hours("0:00–24:00") == (0, 1440)
    assert parse_service_level("80/20") == (80.0, 20.0)
    assert parse_service_level("90%/30") == (90.0, 30.0)
    for bad in ("8-22", "25:00-26:00", "08:00", "08:60-09:00"):
        with pytest.raises(WorkloadError):
            parse_hours(bad)
    for bad in ("80", "a/b", "nan/20"):
        with pytest.raises(WorkloadError):
            parse_service_level(bad)


def test_explanation_separates_the_target_the_cap_and_the_minimum() -> None:
    capped = explain(size(Workload(aht=180, daily_volume=20000, max_occupancy=80)), "en")
    # 71.43 Erlangs: 78 agents meet 80/20 at 91.6 % occupancy; the 80 % cap asks for 90.
    assert "Erlang C: 78 agents are the fewest" in capped[1]
    assert capped[2] == "The occupancy cap of 80 % raises this to 90 agents."
    quiet = explain(size(Workload(aht=180, daily_volume=0, min_agents=2)), "zh")
    assert "至少需要 0 名座席" in quiet[1]
    assert quiet[2] == "每个营业时段至少安排 2 名座席，因此高峰为 2 名。"
