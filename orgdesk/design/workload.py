"""The workload of an agent position (a queue or skill group), as a consultant states it.

A workload is either an interval table (contacts per 15, 30 or 60 minutes,
typed in or read from a forecast file, possibly over several days) or a daily
volume spread over the opening hours by an intraday profile; with the average
handle time, the target (service level within a threshold and/or an average
speed of answer), the most occupancy allowed, shrinkage, the opening hours,
the paid hours per FTE and the channel (voice, chat with concurrency, e-mail
worked within a response window).

Workloads are kept in the document setting `workloads`: a JSON object keyed
by position id (core/settings.py checks only that shape, as for span_rules);
`Workload.from_dict` checks the meaning and refuses a bad value with one
sentence, wherever a workload enters — a file, the dialog, the CLI.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from orgdesk.core.errors import InvalidValueError, Sentence

WORKLOADS_SETTING = "workloads"
CHANNELS = ("voice", "chat", "email")
INTERVAL_MINUTES = (15, 30, 60)
MINUTES_PER_DAY = 24 * 60
#: The longest forecast: a quarter (93 days) of 15-minute intervals.  Sizing costs
#: O(√A) a distinct interval, so a hostile file cannot keep orgdesk busy for long.
MAX_INTERVALS = 93 * 96
#: The most traffic in one interval (the largest call centres staff a few thousand agents).
MAX_ERLANGS = 50_000.0
#: Erlang A costs far more than Erlang C per interval; beyond this it is refused.
MAX_ERLANGS_A = 500.0
#: Far above any real queue (a national carrier answers well under a million an hour).
MAX_CONTACTS = 10_000_000.0
MAX_AHT = 24 * 3600.0
#: Opening hours when none are given: 08:00-22:00, as minutes after midnight.
DEFAULT_OPENS, DEFAULT_CLOSES = 8 * 60, 22 * 60


class WorkloadError(InvalidValueError):
    """A workload value that cannot be sized; the sentence says which and why."""


def _error(template: str, **arguments: object) -> WorkloadError:
    return WorkloadError(Sentence.of(template, **arguments))


def _is_number(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))


def clock(minute: int) -> str:
    """08:00 for 480; 24:00 for the end of a day."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


_CLOCK = re.compile(r"\s*(\d{1,2})[:：.](\d{2})\s*")


def parse_clock(text: str) -> int:
    """Minutes after midnight of “08:00” (24:00 is the end of the day)."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        raise _error("“{text}” is not a time of day such as 08:00.", text=text[:20])
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes >= 60 or hours > 24 or (hours == 24 and minutes):
        raise _error("“{text}” is not a time of day such as 08:00.", text=text[:20])
    return hours * 60 + minutes


def parse_hours(text: str) -> tuple[int, int]:
    """The opening hours “08:00-22:00” as minutes after midnight (opens, closes)."""
    opens, dash, closes = text.replace("–", "-").replace("~", "-").partition("-")
    if not dash:
        raise _error("“{text}” is not opening hours such as 08:00-22:00.", text=text[:40])
    return parse_clock(opens), parse_clock(closes)


def parse_service_level(text: str) -> tuple[float, float]:
    """“80/20” as (80.0 per cent, 20.0 seconds)."""
    share, slash, seconds = text.replace("%", "").partition("/")
    try:
        values = float(share), float(seconds)
    except ValueError:
        values = (math.nan, math.nan)
    if not slash or not all(math.isfinite(v) for v in values):
        raise _error("“{text}” is not a service-level target such as 80/20 (80 % answered "
                     "within 20 seconds).", text=text[:40])
    return values


@dataclass(frozen=True, slots=True)
class Workload:
    """One agent position's workload and targets (percentages as 0–100, times in seconds).

    `volumes` holds (start minute, contacts) pairs, the minute counted from the
    midnight before the first day of the forecast (a week runs to 10,080); when
    it is empty, `daily_volume` is spread over the opening hours by `profile`
    (any non-negative weights, one per interval; empty for an even spread).
    """

    aht: float
    service_level: float | None = 80.0
    threshold: float = 20.0
    asa: float | None = None
    max_occupancy: float = 100.0
    shrinkage: float = 30.0
    opens: int = DEFAULT_OPENS
    closes: int = DEFAULT_CLOSES
    interval_minutes: int = 30
    volumes: tuple[tuple[int, float], ...] = ()
    daily_volume: float | None = None
    profile: tuple[float, ...] = ()
    channel: str = "voice"
    concurrency: float = 1.0
    response_window: float = 240.0  # minutes, e-mail and back office
    patience: float | None = None  # seconds; Erlang A beside Erlang C when given
    paid_hours: float = 40.0  # per FTE per week
    days_per_week: float = 7.0
    min_agents: int = 1  # staffed in every open interval, even without contacts
    days: int = field(init=False, default=1)

    def __post_init__(self) -> None:
        self._validate()
        object.__setattr__(self, "days", self._days())
        self._validate_traffic()

    def _validate_traffic(self) -> None:
        seconds = self.interval_minutes * 60.0
        if self.volumes:
            busiest = max(contacts for _, contacts in self.volumes)
        else:
            weights = self.profile or (1.0,)
            busiest = (self.daily_volume or 0.0) * max(weights) / math.fsum(weights) / (
                1 if self.profile else self.open_slots_per_day)
        erlangs = busiest * self.aht / self.concurrency / seconds
        if erlangs > MAX_ERLANGS:
            raise _error("The busiest interval holds {erlangs:,.0f} Erlangs; orgdesk sizes up "
                         "to {limit:,.0f} Erlangs an interval.", erlangs=erlangs,
                         limit=MAX_ERLANGS)
        if self.patience is not None and self.channel != "email" and erlangs > MAX_ERLANGS_A:
            raise _error("Erlang A is sized up to {limit:,.0f} Erlangs an interval and the "
                         "busiest holds {erlangs:,.0f}; leave out the callers' patience.",
                         erlangs=erlangs, limit=MAX_ERLANGS_A)

    # ------------------------------------------------------------ validation
    def _validate(self) -> None:
        if self.channel not in CHANNELS:
            raise _error("The channel must be voice, chat or email, not “{channel}”.",
                         channel=str(self.channel)[:20])
        _range(self.aht, 1.0, MAX_AHT, "The average handle time must be from 1 to 86,400 "
                                         "seconds.")
        if self.service_level is None and self.asa is None:
            raise _error("A workload needs a service-level target or an ASA target.")
        if self.service_level is not None:
            _range(self.service_level, 0.0, 100.0, "The service-level target must be a "
                                                   "percentage above 0 and below 100.",
                   open_low=True, open_high=True)
        _range(self.threshold, 0.0, MAX_AHT, "The service-level time must be from 0 to "
                                              "86,400 seconds.")
        if self.asa is not None:
            _range(self.asa, 0.0, MAX_AHT, "The ASA target must be more than 0 and at most "
                                           "86,400 seconds.", open_low=True)
        _range(self.max_occupancy, 0.0, 100.0, "The maximum occupancy must be a percentage "
                                               "above 0 and at most 100.", open_low=True)
        _range(self.shrinkage, 0.0, 100.0, "The shrinkage must be a percentage from 0 to "
                                           "below 100.", open_high=True)
        _range(self.concurrency, 1.0, 20.0, "The chats per agent must be from 1 to 20.")
        _range(self.response_window, 1.0, 7 * MINUTES_PER_DAY,
               "The response window must be from 1 minute to 7 days.")
        if self.patience is not None:
            _range(self.patience, 1.0, MAX_AHT, "The callers' patience must be from 1 to "
                                                "86,400 seconds.")
        _range(self.paid_hours, 1.0, 168.0, "The paid hours per FTE must be from 1 to 168 a "
                                            "week.")
        _range(self.days_per_week, 1.0, 7.0, "The opening days must be from 1 to 7 a week.")
        if not (isinstance(self.min_agents, int) and 0 <= self.min_agents <= 100_000):
            raise _error("The minimum agents per interval must be a whole number from 0 to "
                         "100,000.")
        if self.interval_minutes not in INTERVAL_MINUTES or isinstance(self.interval_minutes,
                                                                        bool):
            raise _error("The interval must be 15, 30 or 60 minutes.")
        self._validate_hours()
        if self.volumes:
            self._validate_volumes()
        elif self.daily_volume is None:
            raise _error("A workload needs an interval table or a daily volume.")
        else:
            _range(self.daily_volume, 0.0, MAX_CONTACTS * 96, "The daily volume must be a "
                                                              "number of contacts, not negative.")
            if self.profile:
                self._validate_profile()

    def _validate_hours(self) -> None:
        for minute in (self.opens, self.closes):
            if not (isinstance(minute, int) and 0 <= minute <= MINUTES_PER_DAY):
                raise _error("The opening hours must be times of day such as 08:00-22:00.")
        if self.closes <= self.opens:
            raise _error("The opening hours {opens}-{closes} must close after they open.",
                         opens=clock(self.opens), closes=clock(self.closes))
        step = self.interval_minutes
        if self.opens % step or self.closes % step:
            raise _error("The opening hours {opens}-{closes} must start and end on "
                         "{step}-minute intervals.", opens=clock(self.opens),
                         closes=clock(self.closes), step=step)

    def _validate_volumes(self) -> None:
        if len(self.volumes) > MAX_INTERVALS:
            raise _error("The forecast has more than {limit:,} intervals.", limit=MAX_INTERVALS)
        seen: set[int] = set()
        for start, contacts in self.volumes:
            if not (isinstance(start, int) and not isinstance(start, bool)
                    and 0 <= start < 400 * MINUTES_PER_DAY):
                raise _error("An interval of the forecast starts at an impossible time.")
            day, minute = divmod(start, MINUTES_PER_DAY)
            where = f"{clock(minute)}" if day == 0 else f"day {day + 1} {clock(minute)}"
            if start % self.interval_minutes:
                raise _error("The interval at {time} does not start on a {step}-minute "
                             "boundary.", time=where, step=self.interval_minutes)
            if start in seen:
                raise _error("The forecast gives the interval at {time} twice.", time=where)
            seen.add(start)
            _range(contacts, 0.0, MAX_CONTACTS, "The contacts at {time} must be a number, "
                   "not negative.", time=where)
            if contacts > 0 and not self.opens <= minute < self.closes:
                raise _error("The forecast has contacts at {time}, outside the opening hours "
                             "{opens}-{closes}; widen the hours or remove those rows.",
                             time=where, opens=clock(self.opens), closes=clock(self.closes))

    def _validate_profile(self) -> None:
        slots = self.open_slots_per_day
        if len(self.profile) != slots:
            raise _error("The intraday profile has {given} shares but the opening hours hold "
                         "{slots} intervals.", given=len(self.profile), slots=slots)
        for weight in self.profile:
            _range(weight, 0.0, MAX_CONTACTS, "The intraday profile's shares must be numbers, "
                                              "not negative.")
        if math.fsum(self.profile) <= 0:
            raise _error("The intraday profile's shares add up to nothing.")

    # ---------------------------------------------------------------- shape
    @property
    def open_slots_per_day(self) -> int:
        return (self.closes - self.opens) // self.interval_minutes

    def _days(self) -> int:
        if not self.volumes:
            return 1
        first = min(start for start, _ in self.volumes) // MINUTES_PER_DAY
        last = max(start for start, _ in self.volumes) // MINUTES_PER_DAY
        return last - first + 1

    def intervals(self) -> list[tuple[int, float]]:
        """Every open interval of the forecast's days, (start minute, contacts), in order;
        an open interval the table leaves out has no contacts."""
        step = self.interval_minutes
        if not self.volumes:
            slots = self.open_slots_per_day
            weights = self.profile or (1.0,) * slots
            total = math.fsum(weights)
            volume = self.daily_volume or 0.0
            return [(self.opens + i * step, volume * w / total) for i, w in enumerate(weights)]
        given = dict(self.volumes)
        first = min(given) // MINUTES_PER_DAY
        return [(day * MINUTES_PER_DAY + minute, given.get(day * MINUTES_PER_DAY + minute, 0.0))
                for day in range(first, first + self.days)
                for minute in range(self.opens, self.closes, step)]

    # ----------------------------------------------------------- JSON form
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "channel": self.channel, "aht": self.aht, "service_level": self.service_level,
            "threshold": self.threshold, "asa": self.asa, "max_occupancy": self.max_occupancy,
            "shrinkage": self.shrinkage, "hours": f"{clock(self.opens)}-{clock(self.closes)}",
            "interval_minutes": self.interval_minutes, "paid_hours": self.paid_hours,
            "days_per_week": self.days_per_week, "min_agents": self.min_agents,
            "concurrency": self.concurrency, "response_window": self.response_window,
            "patience": self.patience,
        }
        if self.volumes:
            data["volumes"] = [[start, contacts] for start, contacts in self.volumes]
        else:
            data["daily_volume"] = self.daily_volume
            data["profile"] = list(self.profile)
        return data

    @classmethod
    def from_dict(cls, data: object) -> Workload:
        """A workload from its JSON form; WorkloadError with one sentence if it is not one."""
        if not isinstance(data, Mapping):
            raise _error("A workload must be a JSON object.")
        known = set(_FIELDS) | {"hours", "volumes", "profile"}
        unknown = sorted(str(key) for key in data if key not in known)
        if unknown:
            raise _error("A workload has an unknown entry “{key}”.", key=unknown[0][:40])
        values: dict[str, Any] = {}
        for key, kind in _FIELDS.items():
            if key not in data:
                continue
            value = data[key]
            if value is None and kind.endswith("?"):
                values[key] = None
            elif kind.startswith("int"):
                if not (isinstance(value, int) and not isinstance(value, bool)):
                    raise _error("The workload's “{key}” must be a whole number.", key=key)
                values[key] = value
            elif kind.startswith("str"):
                if not isinstance(value, str):
                    raise _error("The workload's “{key}” must be text.", key=key)
                values[key] = value
            else:
                if not _is_number(value):
                    raise _error("The workload's “{key}” must be a number.", key=key)
                values[key] = float(value)
        if "aht" not in values:
            raise _error("A workload needs an average handle time.")
        if "hours" in data:
            if not isinstance(data["hours"], str):
                raise _error("The workload's opening hours must be text such as 08:00-22:00.")
            values["opens"], values["closes"] = parse_hours(data["hours"])
        if "volumes" in data:
            values["volumes"] = _pairs(data["volumes"])
        if "profile" in data:
            profile = data["profile"]
            if not (isinstance(profile, list) and all(_is_number(w) for w in profile)):
                raise _error("The workload's intraday profile must be a list of numbers.")
            values["profile"] = tuple(float(w) for w in profile)
        return cls(**values)


_FIELDS: dict[str, str] = {
    "channel": "str", "aht": "float", "service_level": "float?", "threshold": "float",
    "asa": "float?", "max_occupancy": "float", "shrinkage": "float",
    "interval_minutes": "int", "paid_hours": "float", "days_per_week": "float",
    "min_agents": "int", "concurrency": "float", "response_window": "float",
    "patience": "float?", "daily_volume": "float?",
}


def _pairs(value: object) -> tuple[tuple[int, float], ...]:
    if not isinstance(value, list) or len(value) > MAX_INTERVALS:
        raise _error("The workload's interval table must be a list of [start minute, "
                     "contacts] pairs.")
    pairs = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], int)
                and not isinstance(item[0], bool) and _is_number(item[1])):
            raise _error("The workload's interval table must be a list of [start minute, "
                         "contacts] pairs.")
        pairs.append((item[0], float(item[1])))
    return tuple(pairs)


def _range(value: object, low: float, high: float, template: str, *, open_low: bool = False,
           open_high: bool = False, **arguments: object) -> None:
    ok = _is_number(value)
    if ok:
        number = float(value)  # type: ignore[arg-type]  # _is_number said int or float
        ok = (number > low if open_low else number >= low) and (
            number < high if open_high else number <= high)
    if not ok:  # Sentence.of here: the callers' literal templates are extracted for translation
        raise WorkloadError(Sentence.of(template, **arguments))


# ------------------------------------------------------------ the document setting
def workloads_of(settings: Mapping[str, Any]) -> dict[int, Workload]:
    """The document's workloads by agent position id (WorkloadError if one is not valid)."""
    data = settings.get(WORKLOADS_SETTING)
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise _error("The document setting “workloads” must be a JSON object.")
    result: dict[int, Workload] = {}
    for key, value in data.items():
        if not (isinstance(key, str) and key.isascii() and key.isdigit() and key[0] != "0"):
            raise _error("The document setting “workloads” names a position “{key}” that is "
                         "not a positive id.", key=str(key)[:40])
        result[int(key)] = Workload.from_dict(value)
    return result


def with_workload(settings: Mapping[str, Any], position: int, workload: Workload | None
                  ) -> dict[str, Any]:
    """The `workloads` setting's new value with `position`'s workload set (or removed)."""
    current = settings.get(WORKLOADS_SETTING)
    value = dict(current) if isinstance(current, Mapping) else {}
    if workload is None:
        value.pop(str(position), None)
    else:
        value[str(position)] = workload.to_dict()
    return value
