"""orgdesk's own JSON: the complete document, versioned, re-importable without loss.

    {"format": "orgdesk", "version": 1, "info": {...}, "departments": [...],
     "positions": [...], "relations": [...]}

Reading checks every value's type and reports each bad entry with its number
(“Position 7: …”); structure rules (ids, superiors, cycles) are checked by
the same code as the tables.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from orgdesk.core.errors import DomainError, Sentence, sentence_of
from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Kpi,
    PositionKind,
    RelationKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.core.serialize import department_to_dict, position_to_dict
from orgdesk.io.cells import MAX_NUMBER
from orgdesk.io.limits import MAX_CSV_CELL_CHARS, MAX_JSON_BYTES
from orgdesk.io.problems import HostileFile, MalformedFile, Problem, name_of
from orgdesk.io.tables import Draft, OwnExtras, PendingRelation

FORMAT = "orgdesk"
VERSION = 1
def document_dict(org: Organisation) -> dict[str, Any]:
    info = org.info
    return {
        "format": FORMAT, "version": VERSION,
        "info": {"title": info.title, "client": info.client, "author": info.author,
                 "notes": info.notes, "created": info.created.isoformat(),
                 "modified": info.modified.isoformat()},
        "departments": [department_to_dict(d) for d in org.departments],
        "positions": [position_to_dict(p) for p in org.positions()],
        "relations": [{"id": r.id, "source_id": r.source_id, "target_id": r.target_id,
                       "kind": r.kind.value, "label": r.label} for r in org.relations],
        "settings": dict(org.settings),
    }


def write_json(org: Organisation, handle: IO[bytes]) -> None:
    """One department, position or relation per line: readable, diffable, and fast
    (indent= would switch json to its pure-Python encoder, ten times slower)."""
    data = document_dict(org)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    lines = ["{" + ", ".join(f"{dumps(k)}: {dumps(data[k])}" for k in ("format", "version")) + ","]
    lines.append(f'"info": {dumps(data["info"])},')
    for key in ("departments", "positions", "relations", "settings"):
        items = data[key]
        end = "}" if key == "settings" else ","
        if key == "settings":
            lines.append(f'"settings": {dumps(items)}{end}')
        elif not items:
            lines.append(f'"{key}": []{end}')
        else:
            lines.append(f'"{key}": [')
            lines.extend(f"  {dumps(item)}," for item in items[:-1])
            lines.append(f"  {dumps(items[-1])}]{end}")
    handle.write(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))


class _Bad(ValueError):
    """One wrong value inside an entry."""


#: More digits than any whole number orgdesk stores (2⁶³ has 19); longer ones are not
#: converted at all: Python refuses above 4,300 digits, and converting is quadratic.
MAX_INT_DIGITS = 30


class LongNumber(float):
    """A JSON whole number too long to be converted; reads as infinite, shows its length."""

    digits: int

    def __new__(cls, text: str) -> LongNumber:
        number = super().__new__(cls, "-inf" if text.startswith("-") else "inf")
        number.digits = len(text.lstrip("-"))
        return number

    def __repr__(self) -> str:
        return f"a {self.digits:,}-digit number"

    __str__ = __repr__


def _parse_int(text: str) -> int | LongNumber:
    return int(text) if len(text) <= MAX_INT_DIGITS else LongNumber(text)


class Duplicated(dict):
    """A JSON object that named a key twice (json keeps the last): which keys."""

    twice: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) == len(pairs):
        return data
    seen: set[str] = set()
    twice = [key for key, _ in pairs if key in seen or seen.add(key)]  # type: ignore[func-returns-value]  # set.add returns None: the condition records each key
    marked = Duplicated(data)
    marked.twice = twice
    return marked


def _unicode(value: str, key: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # "\ud800": JSON escapes can name half a character
        raise _Bad(Sentence.of("“{key}” holds text that is not valid Unicode "
                               "(a lone surrogate).",
                               key=key)) from None
    return value


def _int(entry: dict[str, Any], key: str, default: int | None, optional: bool = False) -> Any:
    value = entry.get(key, default)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_NUMBER:
        raise _Bad(Sentence.of("“{key}” must be a whole number from 0 to {limit}, not "
                               "{value}.",
                               key=key, limit=f"{MAX_NUMBER:,}", value=_shown(value)))
    return value


def _str(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise _Bad(Sentence.of("“{key}” must be text, not {value}.",
                               key=key, value=_shown(value)))
    return _unicode(value, key)


def _shown(value: Any) -> str:
    """A wrong value in a problem: short, whatever its size."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}…"


def _strings(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(Sentence.of("“{key}” must be a list of texts.", key=key))
    return tuple(_unicode(v, key) for v in value)


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(Sentence.of("{what} must be an object.", what=what))
    if isinstance(value, Duplicated):
        raise _Bad(Sentence.of("{what} names “{key}” twice.", what=what,
                               key=value.twice[0]))
    return value


#: The longest text read from a JSON file (the longest a CSV cell may hold).
MAX_TEXT_CHARS = MAX_CSV_CELL_CHARS
#: How orgdesk's own export starts: its long texts are its own, never refused on the way back.
_OWN_START = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"format"\s*:\s*"orgdesk"')


def parse_file(path: Path) -> Any:
    """The JSON value of `path`, read under the size caps; broken or hostile files raise.

    A file that nests deeper than the parser's stack or holds a text of more
    than MAX_TEXT_CHARS characters is refused before anything is built from it
    (a text that long is found by a scan of the bytes, not by parsing it).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise HostileFile(path, Sentence.of("{file} is larger than the {limit} MB orgdesk "
                                                "reads.",
                                                file=name_of(path), limit=MAX_JSON_BYTES >> 20))
        raw = path.read_bytes()
        if len(raw) > MAX_TEXT_CHARS and not _OWN_START.match(raw):
            _refuse_long_text(path, raw)
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_parse_int,
                          object_pairs_hook=_object)
    except OSError as exc:
        raise MalformedFile(path, Sentence.of("{file} cannot be read: {reason}.",
                                              file=name_of(path),
                                              reason=exc.strerror or str(exc))) from None
    except UnicodeDecodeError as exc:
        raise MalformedFile(path, Sentence.of(
            "{file} line {line} is not UTF-8 text; orgdesk JSON files are UTF-8.",
            file=name_of(path), line=raw.count(b"\n", 0, exc.start) + 1)) from None
    except json.JSONDecodeError as exc:
        raise MalformedFile(path, Sentence.of("{file} line {line}: not valid JSON ({reason}).",
                                              file=name_of(path), line=exc.lineno,
                                              reason=exc.msg)) from None
    except RecursionError:
        raise HostileFile(path, Sentence.of(
            "{file} is nested too deeply to be read (hundreds of levels); write a deep "
            "hierarchy as a flat list of entries with id and parent keys instead.",
            file=name_of(path))) from None
    return data


def _refuse_long_text(path: Path, raw: bytes) -> None:
    at = long_run_after_quote(raw, MAX_TEXT_CHARS)
    if at is not None:
        raise HostileFile(path, Sentence.of(
            "{file} line {line} holds a text longer than {limit} million characters, more "
            "than orgdesk reads; shorten that text or remove it.", file=name_of(path),
            line=raw.count(b"\n", 0, at) + 1, limit=MAX_TEXT_CHARS // 1_000_000))


def long_run_after_quote(raw: bytes, length: int) -> int | None:
    """Where the first quote followed by at least `length` bytes without a quote is, if any.

    A run that long is an upper bound of a string's length (the same test as the
    regular expression `"[^"]{length}`, found first).  Such a run covers one of the
    points `length // 2` apart, so only the runs at those points are measured (each
    with two byte searches in C): a 34 MB file costs a few dozen searches of a few
    bytes, instead of a scan of every byte (0.15 s).  A run is measured once, so a
    200 MB run costs one pass.
    """
    step = max(1, length // 2)
    quote = b'"'
    point = step - 1
    size = len(raw)
    while point < size:
        if raw[point] == 34:  # a quote is in no run
            point += step
            continue
        end = raw.find(quote, point)
        end = size if end < 0 else end
        start = raw.rfind(quote, 0, point)
        if start >= 0 and end - start - 1 >= length:
            return start
        while point < end:  # the next point past this run
            point += step
    return None


def is_own(data: Any) -> bool:
    """Whether parsed JSON is orgdesk's own export (else a peer tool's JSON)."""
    return isinstance(data, dict) and data.get("format") == FORMAT


def load(path: Path, data: Any = None) -> dict[str, Any]:
    """orgdesk's own JSON document, checked (`data`: the file already parsed)."""
    path = Path(path)
    if data is None:
        data = parse_file(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise MalformedFile(path, Sentence.of("{file} is not an orgdesk JSON file.",
                                              file=name_of(path)))
    if isinstance(data, Duplicated):
        raise MalformedFile(path, Sentence.of(
            "{file} names “{key}” twice at its top level, so it is unclear which one counts.",
            file=name_of(path), key=data.twice[0]))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise MalformedFile(path, Sentence.of("{file} has no valid format version.",
                                              file=name_of(path)))
    if version > VERSION:
        raise MalformedFile(path, Sentence.of("{file} was written by a newer orgdesk (format "
                                              "version {version}); update orgdesk to read it.",
                                              file=name_of(path), version=version))
    return data


def read_json(path: Path, problems: list[Problem], data: Any = None
              ) -> tuple[list[Draft], OwnExtras]:
    """Drafts and extras of an orgdesk JSON file; bad entries go to `problems`."""
    data = load(path, data)
    extras = OwnExtras(departments=[])
    try:
        info = _dict(data.get("info", {}), "“info”")
        dates = {k: datetime.fromisoformat(_str(info, k)) for k in ("created", "modified")
                 if info.get(k)}
        now = DocumentInfo()
        extras.info = DocumentInfo(title=_str(info, "title"), client=_str(info, "client"),
                                   author=_str(info, "author"), notes=_str(info, "notes"),
                                   created=dates.get("created", now.created),
                                   modified=dates.get("modified", now.modified))
    except ValueError as exc:
        problems.append(Problem(None, Sentence.of("The document information is unreadable: "
                                                  "{reason}.", reason=sentence_of(exc))))
    settings = data.get("settings", {})
    if isinstance(settings, Duplicated):
        problems.append(Problem(None, Sentence.of(
            "The document settings name “{key}” twice.", key=settings.twice[0])))
    elif isinstance(settings, dict):
        extras.settings = settings
    else:
        problems.append(Problem(None, "The document settings are unreadable: “settings” must be "
                                      "an object."))
    names: dict[int, str] = {}
    for number, raw in enumerate(_list(data, "departments", path), 1):
        try:
            entry = _dict(raw, Sentence.of("a department"))
            department = Department(DepartmentId(_int(entry, "id", None)), _str(entry, "name"),
                                    _str(entry, "colour") or "#D9E2F3", _int(entry, "order", 0))
        except (ValueError, DomainError) as exc:
            problems.append(Problem(number, sentence_of(exc), "department"))
            continue
        names[department.id] = department.name
        extras.departments.append(department)  # type: ignore[union-attr]  # OwnExtras(departments=[]) above
    drafts = []
    for number, raw in enumerate(_list(data, "positions", path), 1):
        try:
            drafts.append(_draft(number, _dict(raw, Sentence.of("a position")), names))
        except (ValueError, DomainError) as exc:
            problems.append(Problem(number, sentence_of(exc), "position"))
    for number, raw in enumerate(_list(data, "relations", path), 1):
        try:
            entry = _dict(raw, Sentence.of("a relation"))
            extras.relations.append(PendingRelation(
                number, _int(entry, "id", None), str(_int(entry, "source_id", None)),
                str(_int(entry, "target_id", None)), _relation_kind(entry),
                _str(entry, "label"), columns=("source_id", "target_id")))
        except ValueError as exc:
            problems.append(Problem(number, sentence_of(exc), "relation"))
    return drafts, extras


def _relation_kind(entry: dict[str, Any]) -> RelationKind:
    kind = entry.get("kind", "dotted")
    known = [k.value for k in RelationKind]
    if kind not in known:
        raise _Bad(Sentence.of("“kind” must be {names}, not {value}.",
                               names=" or ".join(known), value=_shown(kind)))
    return RelationKind(kind)


def _list(data: dict[str, Any], key: str, path: Path) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise MalformedFile(path, Sentence.of("{file}: “{key}” must be a list.",
                                              file=name_of(path), key=key))
    return value


def _draft(number: int, entry: dict[str, Any], departments: dict[int, str]) -> Draft:
    department_id = _int(entry, "department_id", None, optional=True)
    if department_id is not None and department_id not in departments:
        raise _Bad(Sentence.of("department {department_id} does not exist.",
                               department_id=department_id))
    req = _dict(entry.get("requirements", {}), "“requirements”")
    raw_kpis = entry.get("kpis", [])
    if not isinstance(raw_kpis, list):
        raise _Bad(Sentence.of("“kpis” must be a list."))
    kpis = [Kpi(_str(kpi, "name"), _str(kpi, "target"))
            for kpi in (_dict(item, "each KPI") for item in raw_kpis)]
    kind = entry.get("kind", "line")
    if kind not in ("line", "staff"):
        raise _Bad(Sentence.of("“kind” must be line or staff, not {kind}.", kind=repr(kind)))
    superior = _int(entry, "superior_id", None, optional=True)
    fields = {
        "title": _str(entry, "title"), "kind": PositionKind(kind),
        "level": _str(entry, "level"), "planned_headcount": _int(entry, "planned_headcount", 1),
        "headcount_note": _str(entry, "headcount_note"),
        "filled_headcount": _int(entry, "filled_headcount", 0),
        "duties": _strings(entry, "duties"),
        "requirements": Requirements(
            _str(req, "education"), _int(req, "min_years", None, True),
            _int(req, "age_min", None, True), _int(req, "age_max", None, True),
            _strings(req, "languages"), _strings(req, "skills"), _str(req, "other")),
        "kpis": tuple(kpis), "career_path": _str(entry, "career_path"),
        "notes": _str(entry, "notes"),
        # Format 2; "" and () in files written before (an own id is not a source key).
        "source_id": _str(entry, "source_id"), "holders": _strings(entry, "holders"),
        # Format 3; 0 ("not set") in files written before.
        "pay_min": _int(entry, "pay_min", 0), "pay_max": _int(entry, "pay_max", 0),
        "on_cost_percent": _int(entry, "on_cost_percent", 0),
    }
    return Draft(number, str(_int(entry, "id", None)), "" if superior is None else str(superior),
                 "", _int(entry, "order", 0), departments.get(department_id, "")
                 if department_id is not None else "", fields)
