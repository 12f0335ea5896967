"""Document settings: each one orgdesk knows, and the rule its value must follow.

Settings are JSON values kept in the document (meta rows `setting.<name>`).
A file travels by e-mail, so a value may be anything; the same rules apply
wherever a value enters: reading a file, importing one, and an edit
(`Organisation` checks them when built and in `set_setting`).

Known settings and what their users do with them:

* `chart` — the chart's orientation, detail and per-position arrangement
  (ui/chart_pane.py, the export options);
* `last_position_id` — the highest position id ever given out, so a deleted
  position's id is never reused (Organisation.next_position_id);
* `design_fixed` — the ids of positions the consultant marked as fixed, which a
  derived structure (orgdesk/design/structure.py) never changes;
* `span_rules` — the document's span-of-control rules (analysis/span_rules.py).
  Only its shape is checked here (a JSON object within the generic limits):
  its meaning lives in `SpanRules.from_dict`, above this layer, which refuses
  a bad value with its own sentence wherever rules are used (`report` stops,
  the window says so and shows the default rules) — a consultant's chart
  stays readable even when the rules a colleague typed do not make sense.
* `workloads` — each agent position's workload (design/workload.py), keyed by
  position id; checked here as an object of objects keyed by positive ids, its
  meaning by `Workload.from_dict` above this layer, like span_rules.
* `currency` — the currency of the positions' pay (analysis/cost.py): an ISO 4217
  code of three capital letters; CNY when the document has none.

Unknown settings (written by a newer orgdesk) are kept as they are, provided
they are plain JSON within the limits below: this build never reads them, so
they cannot break it, and dropping them would lose the newer build's choices
at the next save.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from orgdesk.core.errors import InvalidValueError, Sentence

#: The largest id SQLite can store (ids are positive 64-bit integers).
MAX_ID = 2**63 - 1

CHART_SETTING = "chart"
HIGH_WATER_SETTING = "last_position_id"
SPAN_RULES_SETTING = "span_rules"
#: Positions the consultant marked as fixed: a derived structure never changes them.
DESIGN_FIXED_SETTING = "design_fixed"
#: Each agent position's workload, by position id (orgdesk/design/workload.py).
WORKLOADS_SETTING = "workloads"
#: The currency of every position's pay: an ISO 4217 code ("CNY", "USD", "EUR" …).
CURRENCY_SETTING = "currency"
DEFAULT_CURRENCY = "CNY"
_CURRENCY = re.compile(r"[A-Z]{3}")  # fullmatch; ASCII only (no "\n" after it)
#: Where a file pulled from a team library came from (orgdesk/team): server, project, version.
TEAM_ORIGIN_SETTING = "team_origin"

#: layout.Detail's values (a test keeps them equal): title, summary, duties.
CHART_DETAILS = (1, 2, 3)
CHART_ORIENTATIONS = ("tb", "lr")
#: layout.model.Arrangement's values (a test keeps them equal).
ARRANGEMENTS = ("horizontal", "vertical", "two_columns")

# Limits on any setting value, known or not: deep nesting would overflow
# the recursion of json and of these checks, and a value is never large.
MAX_DEPTH = 20
MAX_NODES = 1_000_000
MAX_NAME_LENGTH = 200
MAX_INTEGER = 2**63 - 1
_ID_KEY = re.compile(r"[1-9][0-9]{0,18}")  # ASCII digits only: "²".isdigit() is True


class InvalidSetting(InvalidValueError):
    """A document setting whose value breaks its rule; names the setting."""

    def __init__(self, setting: str, sentence: str) -> None:
        self.setting = setting
        super().__init__(sentence)


def _invalid(name: str, template: str, **arguments: object) -> InvalidSetting:
    return InvalidSetting(name, Sentence.of(template, setting=name, **arguments))


def _utf8(name: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from "\ud800" in JSON
        raise _invalid(name, "The document setting “{setting}” holds text that is not "
                             "valid Unicode.") from None


def check_json(name: str, value: Any) -> None:
    """`value` is plain JSON data: finite numbers, text keys, bounded depth and size."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH or nodes > MAX_NODES:
            raise _invalid(name, "The document setting “{setting}” is nested too deeply or "
                                 "is too large.")
        if item is None or isinstance(item, bool):
            continue
        if isinstance(item, int):
            if not -MAX_INTEGER - 1 <= item <= MAX_INTEGER:
                raise _invalid(name, "The document setting “{setting}” holds a number too "
                                     "large to store.")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise _invalid(name, "The document setting “{setting}” holds a number that "
                                     "is not finite.")
        elif isinstance(item, str):
            _utf8(name, item)
        elif isinstance(item, list | tuple):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise _invalid(name, "The document setting “{setting}” is not plain JSON "
                                         "data.")
                _utf8(name, key)
                stack.append((child, depth + 1))
        else:
            raise _invalid(name, "The document setting “{setting}” is not plain JSON data.")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_high_water(name: str, value: Any) -> None:
    if not _whole(value) or not 0 <= value <= MAX_ID:
        raise _invalid(name, "The document setting “{setting}” must be a whole number from 0 "
                             "to {limit}.", limit=MAX_ID)


def _check_chart(name: str, value: Any) -> None:
    if not isinstance(value, dict):
        raise _invalid(name, "The document setting “{setting}” must be a JSON object.")
    if "orientation" in value and value["orientation"] not in CHART_ORIENTATIONS:
        raise _invalid(name, "The chart orientation in the document setting “{setting}” must "
                             "be “tb” or “lr”.")
    detail = value.get("detail")
    if "detail" in value and not (_whole(detail) and detail in CHART_DETAILS):
        raise _invalid(name, "The chart detail in the document setting “{setting}” must be "
                             "1, 2 or 3.")
    if "rollup" in value and not isinstance(value["rollup"], bool):
        raise _invalid(name, "The team totals in the document setting “{setting}” must be "
                             "true or false.")
    overrides = value.get("overrides", {})
    if not isinstance(overrides, dict):
        raise _invalid(name, "The arrangements in the document setting “{setting}” must be "
                             "a JSON object.")
    for key, mode in overrides.items():
        if not (isinstance(key, str) and _ID_KEY.fullmatch(key) and int(key) <= MAX_ID):
            raise _invalid(name, "The document setting “{setting}” names a position “{key}” "
                                 "that is not a positive id.", key=str(key)[:40])
        if mode not in ARRANGEMENTS:
            raise _invalid(name, "The document setting “{setting}” gives an unknown "
                                 "arrangement for position {key}.", key=key)


def _check_id_list(name: str, value: Any) -> None:
    """A list of distinct positive position ids (ids of deleted positions are allowed:
    a mark outlives a delete that undo may bring back)."""
    if not isinstance(value, list):
        raise _invalid(name, "The document setting “{setting}” must be a list of position ids.")
    for item in value:
        if not (_whole(item) and 1 <= item <= MAX_ID):
            raise _invalid(name, "The document setting “{setting}” holds “{item}”, which is not "
                                 "a positive position id.", item=str(item)[:40])
    if len(set(value)) != len(value):
        raise _invalid(name, "The document setting “{setting}” names a position twice.")


def _check_object(name: str, value: Any) -> None:
    if not isinstance(value, dict):
        raise _invalid(name, "The document setting “{setting}” must be a JSON object.")


def _check_by_position(name: str, value: Any) -> None:
    """A JSON object of JSON objects keyed by positive position ids."""
    _check_object(name, value)
    for key, item in value.items():
        if not (_ID_KEY.fullmatch(key) and int(key) <= MAX_ID):
            raise _invalid(name, "The document setting “{setting}” names a position “{key}” "
                                 "that is not a positive id.", key=key[:40])
        if not isinstance(item, dict):
            raise _invalid(name, "The document setting “{setting}” must hold a JSON object "
                                 "for position {key}.", key=key)


def _check_currency(name: str, value: Any) -> None:
    if not (isinstance(value, str) and _CURRENCY.fullmatch(value)):
        raise _invalid(name, "The document setting “{setting}” must be a currency code of "
                             "three capital letters, such as CNY.")


def currency_of(settings: Mapping[str, Any]) -> str:
    """The document's currency code (CNY unless it says another)."""
    value = settings.get(CURRENCY_SETTING, DEFAULT_CURRENCY)
    return value if isinstance(value, str) else DEFAULT_CURRENCY


def _check_team_origin(name: str, value: Any) -> None:
    """The library's address (never with a password), a project name and a version id."""
    from urllib.parse import urlsplit

    if not isinstance(value, dict) or set(value) != {"server", "project", "version"}:
        raise _invalid(name, "The document setting “{setting}” must name a server, a project "
                             "and a version.")
    server, project, version = value["server"], value["project"], value["version"]
    if not (isinstance(server, str) and isinstance(project, str) and project.strip()
            and _whole(version) and 1 <= version <= MAX_ID):
        raise _invalid(name, "The document setting “{setting}” must name a server, a project "
                             "and a version.")
    try:
        password = urlsplit(server).password
    except ValueError:
        password = None
    if password is not None:  # a password never travels inside a document
        raise _invalid(name, "The document setting “{setting}” holds a password.")


@dataclass(frozen=True, slots=True)
class SettingRule:
    """One known setting: its name and the check its value must pass."""

    name: str
    check: Callable[[str, Any], None]


#: Every setting this build knows, by name.
KNOWN: dict[str, SettingRule] = {rule.name: rule for rule in (
    SettingRule(CHART_SETTING, _check_chart),
    SettingRule(HIGH_WATER_SETTING, _check_high_water),
    SettingRule(SPAN_RULES_SETTING, _check_object),
    SettingRule(DESIGN_FIXED_SETTING, _check_id_list),
    SettingRule(WORKLOADS_SETTING, _check_by_position),
    SettingRule(CURRENCY_SETTING, _check_currency),
    SettingRule(TEAM_ORIGIN_SETTING, _check_team_origin),
)}


def check_setting(name: Any, value: Any) -> None:
    """Raise InvalidSetting unless `value` is acceptable for the setting `name`."""
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_LENGTH:
        raise InvalidSetting(str(name)[:40], Sentence.of(
            "A document setting needs a short name."))
    _utf8(name, name)
    check_json(name, value)
    rule = KNOWN.get(name)
    if rule is not None:
        rule.check(name, value)


def check_settings(settings: Mapping[Any, Any]) -> None:
    """Check every setting of a document (see check_setting)."""
    for name, value in settings.items():
        check_setting(name, value)


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 parses as inf
        raise ValueError(f"{text[:20]} is out of range")
    return value


def parse_setting(name: str, text: str) -> Any:
    """A stored setting's value from its JSON text, checked; InvalidSetting if not valid.

    Python's json accepts NaN, Infinity and 1e999 (as inf), which are not
    JSON and break whatever uses them; a 5,000-digit number or deep nesting
    raise ValueError or RecursionError.  All of them are refused here.
    """
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError, TypeError):
        raise _invalid(name, "The document setting “{setting}” is not valid JSON.") from None
    check_setting(name, value)
    return value


def dump_setting(value: Any) -> str:
    """The JSON text a setting is stored as (never NaN or Infinity)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
