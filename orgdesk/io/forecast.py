"""Reading a contact forecast (interval start, contacts) from a CSV or Excel file.

A forecast is what a workforce-management tool or a spreadsheet gives a
consultant: one row per interval with its start (a date and time, or a time
of day) and the contacts expected.  The columns are found by their headers
(English or Chinese: “interval start”, “时段”, “contacts”, “话务量” …), else the
first two columns are taken.  Times of day without a date that go backwards
start a new day, so a week of “00:00 … 23:45” rows reads as seven days.  The
file is decoded and checked as every other import is (io/csv_format.py,
io/xlsx_format.py); a bad row is refused with its line and one sentence.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from orgdesk.core.errors import Sentence
from orgdesk.design.workload import INTERVAL_MINUTES, MAX_CONTACTS, MAX_INTERVALS, MINUTES_PER_DAY
from orgdesk.io.drafts import Table
from orgdesk.io.problems import MalformedFile, name_of

_START_WORDS = ("interval", "start", "time", "period", "slot", "datetime", "date",
                "时段", "时间", "开始", "日期", "区间")
_DATE_WORDS = ("date", "day", "日期")
_CONTACT_WORDS = ("contacts", "contact", "calls", "call", "volume", "offered", "forecast",
                  "chats", "emails", "话务量", "来电", "呼入", "进线", "量", "数")
_DATE_TIME = re.compile(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})"
                        r"(?::\d{2}(?:\.\d+)?)?)?\s*")
_TIME = re.compile(r"\s*(\d{1,2})[:：](\d{2})(?::\d{2})?\s*(?:[-–~至].*)?")


@dataclass(frozen=True, slots=True)
class Forecast:
    """Contacts per interval: (start minute from the first day's midnight, contacts)."""

    volumes: tuple[tuple[int, float], ...]
    interval_minutes: int


def busy_hours(forecast: Forecast) -> tuple[int, int] | None:
    """The opening hours a forecast implies: from its earliest interval with contacts to the
    end of its latest, as minutes of the day; None when it has no contacts at all."""
    minutes = [start % MINUTES_PER_DAY for start, contacts in forecast.volumes if contacts > 0]
    if not minutes:
        return None
    return min(minutes), max(minutes) + forecast.interval_minutes


def _column(headers: Sequence[str], words: tuple[str, ...], taken: int | None) -> int | None:
    for word in words:
        for index, header in enumerate(headers):
            if index != taken and word in header.strip().lower():
                return index
    return None


def _moment(value: object) -> tuple[dt.date | None, int] | None:
    """(date or None, minute of the day) of a cell, or None when it is not a time."""
    if isinstance(value, dt.datetime):
        return value.date(), value.hour * 60 + value.minute
    if isinstance(value, dt.time):
        return None, value.hour * 60 + value.minute
    if not isinstance(value, str):
        return None
    match = _DATE_TIME.fullmatch(value)
    if match is not None:
        year, month, day, hour, minute = match.groups()
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
        return date, (int(hour or 0) * 60 + int(minute or 0))
    match = _TIME.fullmatch(value)
    if match is not None and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return None, int(match.group(1)) * 60 + int(match.group(2))
    return None


def _contacts(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.replace(",", "").replace("，", "").strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) and 0 <= number <= MAX_CONTACTS else None


def read_forecast(path: Path, interval_minutes: int | None = None) -> Forecast:
    """The forecast in `path` (.csv or .xlsx); MalformedFile with one sentence if it is not one."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv" or suffix == ".txt":
        from orgdesk.io.csv_format import read_csv

        table = read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        from orgdesk.io.xlsx_format import read_xlsx

        table = read_xlsx(path)
    else:
        raise MalformedFile(path, Sentence.of("{file} is not a forecast orgdesk reads; save it "
                                              "as CSV or Excel (.xlsx).", file=name_of(path)))
    start = _column(table.headers, _START_WORDS, None)
    contacts = _column(table.headers, _CONTACT_WORDS, start)
    # A WFM export often gives the day and the time of day in two columns (Date, Interval).
    day = _column(table.headers, _DATE_WORDS, start)
    if day == contacts:
        day = None
    if start is None or contacts is None:
        if len(table.headers) < 2:
            raise MalformedFile(path, Sentence.of("{file} needs two columns: the interval start "
                                                  "and the contacts.", file=name_of(path)))
        start, contacts = 0, 1
    try:
        moments = _moments(path, table, start, contacts, day)
    finally:
        close = getattr(table.rows, "close", None)  # the file stays open until its rows end
        if close is not None:
            close()
    if not moments:
        raise MalformedFile(path, Sentence.of("{file} holds no intervals.", file=name_of(path)))
    volumes = _starts(path, moments)
    step = interval_minutes or _step(path, [s for s, _ in volumes])
    return Forecast(tuple(volumes), step)


def _moments(path: Path, table: Table, start: int, contacts: int, day: int | None
             ) -> list[tuple[int, dt.date | None, int, float]]:
    moments: list[tuple[int, dt.date | None, int, float]] = []
    for number, cells in table.rows:
        if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
            continue
        if len(moments) >= MAX_INTERVALS:
            raise MalformedFile(path, Sentence.of("{file} has more than {limit:,} intervals.",
                                                  file=name_of(path), limit=MAX_INTERVALS))
        when = _moment(cells[start] if start < len(cells) else None)
        if when is not None and when[0] is None and day is not None and day < len(cells):
            date = _moment(cells[day])
            if date is not None and date[0] is not None:
                when = (date[0], when[1])
        if when is None:
            raise MalformedFile(path, Sentence.of(
                "{unit} {line} of {file}: “{value}” is not an interval start such as 08:00 or "
                "2026-12-07 08:00.", unit=table.unit.capitalize(), line=number,
                file=name_of(path), value=str(cells[start] if start < len(cells) else "")[:40]))
        count = _contacts(cells[contacts] if contacts < len(cells) else None)
        if count is None:
            raise MalformedFile(path, Sentence.of(
                "{unit} {line} of {file}: “{value}” is not a number of contacts.",
                unit=table.unit.capitalize(), line=number, file=name_of(path),
                value=str(cells[contacts] if contacts < len(cells) else "")[:40]))
        moments.append((number, when[0], when[1], count))
    return moments


def _starts(path: Path, moments: list[tuple[int, dt.date | None, int, float]]
            ) -> list[tuple[int, float]]:
    dated = [date for _, date, _, _ in moments if date is not None]
    if dated and len(dated) != len(moments):
        raise MalformedFile(path, Sentence.of("{file} gives a date for some intervals but not "
                                              "for others.", file=name_of(path)))
    first = min(dated) if dated else None
    day = 0
    previous = -1
    volumes = []
    for _, date, minute, count in moments:
        if first is not None and date is not None:
            day = (date - first).days
        elif minute <= previous:  # a time of day going back: the next day
            day += 1
        previous = minute
        volumes.append((day * MINUTES_PER_DAY + minute, count))
    return volumes


def _step(path: Path, starts: list[int]) -> int:
    ordered = sorted(set(starts))
    gaps = [b - a for a, b in itertools.pairwise(ordered)]
    step = min(gaps) if gaps else 30
    if step not in INTERVAL_MINUTES:
        raise MalformedFile(path, Sentence.of("The intervals of {file} are {step} minutes "
                                              "apart; orgdesk sizes 15, 30 or 60-minute "
                                              "intervals.", file=name_of(path), step=step))
    return step
