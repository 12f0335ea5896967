"""From rows of cells to position drafts, through the column mapping.

Every tabular source (CSV, an Excel sheet, GraphML nodes) is read into a
`Table`: unique headers and a stream of numbered rows.  `read_drafts` applies
the mapping to each row: recognised columns fill position fields, ignored ones
are dropped, and every other non-empty cell is kept in the position's notes
as “Header: value”.  Values that cannot be read become problems with their
row number; reading goes on so that all of them are reported at once.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from orgdesk.core.errors import InvalidValueError, Sentence, sentence_of
from orgdesk.core.model import (
    CONTENT_FIELDS,
    EDUCATION_SCALE,
    FieldKind,
    Kpi,
    PositionKind,
    Requirements,
)
from orgdesk.io import cells
from orgdesk.io.drafts import Draft, OwnExtras, PendingRelation, Table
from orgdesk.io.fields import UNMAPPED, is_person_header, recognise
from orgdesk.io.hierarchy import (
    binary_hierarchyid,
    clear_null_superiors,
    last_steps,
    link_paths,
    looks_like_paths,
)
from orgdesk.io.options import ImportOptions
from orgdesk.io.pay_cells import parse_money, parse_pay_range, parse_percent
from orgdesk.io.people import (
    HAS_HOLDERS,
    group_people,
    names_as_holders,
    repeats,
    rows_are_positions,
    seat_people,
)
from orgdesk.io.problems import InterchangeError, Problem, name_of
from orgdesk.io.progress import REPORT_EVERY, Progress, checkpoint

# The shared records live in io/drafts.py (below this module and those it calls);
# readers written against this module keep importing them from here.
__all__ = ["Draft", "OwnExtras", "PendingRelation", "Table", "column_letter",
           "effective_mapping", "missing_column", "read_drafts", "unique_headers"]


def missing_column(table: Table, column: str) -> str:
    """The refusal of a column (or key) the user named that `table` does not have."""
    return Sentence.of(
        "{file} has no key “{column}”; its keys are: {names}." if table.keyed else
        "{file} has no column “{column}”; its columns are: {names}.",
        file=name_of(table.source), column=column, names=", ".join(table.headers))


def unique_headers(raw: Sequence[object]) -> list[str]:
    """Header texts made unique and non-empty (“Column C”, “Name (2)”)."""
    headers: list[str] = []
    seen: dict[str, int] = {}
    for index, value in enumerate(raw):
        text = cells.cell_text(value).strip() or f"Column {column_letter(index)}"
        count = seen.get(text, 0) + 1
        seen[text] = count
        headers.append(text if count == 1 else f"{text} ({count})")
    return headers


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def effective_mapping(headers: Sequence[str], overrides: dict[str, str],
                      guessed: dict[str, str] | None = None) -> dict[str, str]:
    """The automatic mapping with the user's choices on top (a field moves, never doubles).

    `guessed` is what the values of a table without a header row suggest
    (io/headerless.py); it stands in for the recognised headers.
    """
    mapping = recognise(headers)
    mapping.update(guessed or {})
    for header, key in overrides.items():
        if key not in ("", "ignore"):
            for other, current in mapping.items():
                if current == key and other != header:
                    mapping[other] = UNMAPPED
        mapping[header] = key
    return mapping


Converter = Callable[[object], object]


def _text(value: object) -> str:
    return value.strip() if type(value) is str else cells.cell_text(value).strip()


def _exact_text(value: object) -> str:
    return cells.cell_text(value)


def _exact_education(value: object) -> str:
    text = cells.cell_text(value)
    if text and text not in EDUCATION_SCALE:
        raise ValueError(Sentence.of("“{text}” is not one of {names}",
                                     text=text, names=" / ".join(EDUCATION_SCALE)))
    return text


def _exact_kind(value: object) -> PositionKind:
    try:
        return PositionKind(cells.cell_text(value) or "line")
    except ValueError:
        raise ValueError(Sentence.of("“{value}” is neither line nor staff",
                                     value=cells.cell_text(value))) from None


def _optional(parse: Converter) -> Converter:
    def convert(value: object) -> object:
        return None if cells.cell_text(value).strip() == "" else parse(value)
    return convert


# Staff lists repeat their long cells (every agent row has the agents' duties),
# so the parsed form of recent cell texts is kept: a bounded cache, results immutable.
@lru_cache(maxsize=4096)
def _items(text: str) -> tuple[str, ...]:
    return tuple(cells.split_items(text))


@lru_cache(maxsize=4096)
def _kpis(text: str) -> tuple[Kpi, ...]:
    return tuple(cells.parse_kpi(item) for item in _items(text))


@lru_cache(maxsize=4096)
def _requirements(items: tuple[str, ...]) -> tuple[tuple[str, object], ...]:
    return tuple((k, tuple(v) if isinstance(v, list) else v)
                 for k, v in cells.parse_requirements(list(items)).items())


@lru_cache(maxsize=1024)
def _headcount(text: str) -> tuple[int, str]:
    return cells.parse_headcount(text)


def _lenient_headcount(value: object) -> tuple[int, str] | int:
    return _headcount(value) if type(value) is str else cells.parse_int(value)


@lru_cache(maxsize=4096)
def _requirements_of(*values: object) -> Requirements:
    # Immutable and repeated row after row: one shared value per distinct content.
    return Requirements(*values)  # type: ignore[arg-type]  # the values come in Requirements' field order, read by the column table


def _lenient_list(value: object) -> tuple[str, ...]:
    return _items(cells.cell_text(value))


def _lenient_kpis(value: object) -> tuple[Kpi, ...]:
    return _kpis(cells.cell_text(value))


def _split_exact(value: object) -> tuple[str, ...]:
    return cells.split_exact(cells.cell_text(value))


def _kpis_exact(value: object) -> tuple[Kpi, ...]:
    return cells.split_kpis_exact(cells.cell_text(value))


_optional_int = _optional(cells.parse_int)
_lenient_planned = _optional(_lenient_headcount)


@lru_cache(maxsize=4096)
def _int_text(text: str) -> int | None:
    return None if text.strip() == "" else cells.parse_int(text)


@lru_cache(maxsize=1024)
def _planned_text(text: str) -> tuple[int, str] | None:
    return None if text.strip() == "" else cells.parse_headcount(text)


#: What a converter does with a cell that is text (the same, with one call and the
#: parsing of a repeated cell fewer).
_ON_TEXT: dict[Converter, Callable[[str], object]] = {
    _text: str.strip, _lenient_list: _items, _lenient_kpis: _kpis, _optional_int: _int_text,
    _lenient_planned: _planned_text}

# Every position field is read by its kind (core.model.POSITION_FIELDS); the
# tables below add the place columns and the fields read in a way of their own.
_LENIENT_KIND: dict[FieldKind, Converter] = {
    FieldKind.TEXT: _text, FieldKind.INTEGER: _optional_int,
    FieldKind.OPTIONAL_INTEGER: _optional_int, FieldKind.TEXTS: _lenient_list,
    FieldKind.KPIS: _lenient_kpis}
_EXACT_KIND: dict[FieldKind, Converter] = {
    **_LENIENT_KIND, FieldKind.TEXT: _exact_text, FieldKind.TEXTS: _split_exact,
    FieldKind.KPIS: _kpis_exact}

_LENIENT: dict[str, Converter] = {
    **{f.key: _LENIENT_KIND[f.kind] for f in CONTENT_FIELDS if f.kind in _LENIENT_KIND},
    "id": _text, "superior": _text, "name": _text, "department": _text, "path": _text,
    "order": _optional_int, "kind": cells.parse_kind,
    "planned_headcount": _lenient_planned, "education": cells.parse_education,
    "age_range": cells.parse_age_range, "requirements": _lenient_list,
    "pay": _optional(parse_pay_range), "pay_min": _optional(parse_money),
    "pay_max": _optional(parse_money), "on_cost_percent": _optional(parse_percent),
}
_EXACT: dict[str, Converter] = {
    **_LENIENT,
    **{f.key: _EXACT_KIND[f.kind] for f in CONTENT_FIELDS if f.kind in _EXACT_KIND},
    "department": _exact_text, "education": _exact_education, "kind": _exact_kind,
}


def read_drafts(table: Table, mapping: dict[str, str], progress: Progress,
                problems: list[Problem], options: ImportOptions | None = None) -> list[Draft]:
    """Apply `mapping` to every row of `table`; unreadable values are added to `problems`.

    `options` adds what tables of SQL and HR systems need (see `_finish`): “no
    superior” tokens, a path column, a column for empty titles, people lists.
    """
    options = options or ImportOptions()
    if table.own:
        options = ImportOptions()  # orgdesk's own file says exactly what it means
    mapping = dict(mapping)
    for column in (options.path_column, options.title_fallback):
        if column and column not in table.headers:
            raise InterchangeError(missing_column(table, column))
    if options.path_column:
        mapping = {h: (k if k != "path" else UNMAPPED) for h, k in mapping.items()}
        mapping[options.path_column] = "path"
    converters = _EXACT if table.own else _LENIENT
    columns = [(i, header, mapping.get(header, UNMAPPED)) for i, header in enumerate(table.headers)]
    mapped = [(i, header, key, converters[key]) for i, header, key in columns
              if key not in (UNMAPPED, "ignore")]
    to_notes = [(i, header) for i, header, key in columns if key == UNMAPPED]
    keys = {key for _, _, key, _ in mapped}
    name_header = next((h for _, h, k, _ in mapped if k == "name"), "")
    positions = rows_are_positions(keys)  # seats or holders columns: each row is a position
    people = options.group_people is True or (bool(name_header) and not positions and (
        "title" in keys or is_person_header(name_header)))
    # A person's name goes with the position's people (holders) where the model keeps them.
    name_note = name_header if "title" in keys and not (
        (people or positions) and HAS_HOLDERS) else ""
    fallback = table.headers.index(options.title_fallback) if options.title_fallback else None
    build = _draft_builder({k: h for _, h, k, _ in mapped}, name_note, table.unit, problems,
                           fallback)
    width = len(table.headers)
    unit = table.unit
    def report(row: int, header: str, exc: Exception) -> None:
        problems.append(Problem(row, _unreadable(header, sentence_of(exc)), unit))
    read_row = _row_reader(mapped, to_notes, report)
    drafts: list[Draft] = []
    paths: list[str] = []
    for count, (row, raw) in enumerate(table.rows, 1):
        if count % REPORT_EVERY == 0:
            checkpoint(progress, "reading", count, table.total)
        if len(raw) != width:
            if len(raw) > width and any(cells.cell_text(v).strip() for v in raw[width:]):
                problems.append(Problem(row, _too_wide(raw, width, unit), unit))
            raw = [*raw[:width], *[None] * (width - len(raw))]
        values, notes = read_row(row, raw)
        draft = build(row, values, notes, raw)
        if draft is not None:
            drafts.append(draft)
            paths.append(values.get("path") or "")
    if table.own:
        return drafts
    if positions and name_header and "title" in keys and not people:
        names_as_holders(drafts)
    path_header = next((h for _, h, k, _ in mapped if k == "path"), "")
    return _finish(drafts, paths, path_header, keys, people, options, unit, problems)


RowReader = Callable[[int, Sequence[object]], tuple[dict[str, Any], list[str]]]


def _row_reader(mapped: list[tuple[int, str, str, Converter]], to_notes: list[tuple[int, str]],
                report: Callable[[int, str, Exception], None]) -> RowReader:
    """(row number, cells) → the mapped fields' values and the note lines of the other cells.

    Compiled once per table, as dataclasses compile their `__init__`: one statement
    per mapped cell (a text cell goes straight to its converter's text step) and per
    note, instead of a loop over the columns for every row.  The code holds only
    column indexes and local names; headers and field keys are values in its namespace.
    A cell that cannot be read is reported with `report(row, header, error)`.
    """
    namespace: dict[str, Any] = {"report": report, "ERRORS": (ValueError, InvalidValueError),
                                 "as_text": _text}
    lines = ["def read_row(row, raw):\n", "    values = {}\n"]
    for n, (index, header, key, convert) in enumerate(mapped):
        namespace.update({f"key_{n}": key, f"header_{n}": header, f"convert_{n}": convert})
        on_text = _ON_TEXT.get(convert)
        value = f"convert_{n}(value)"
        if on_text is not None:  # most cells are text
            namespace[f"text_{n}"] = on_text
            value = f"text_{n}(value) if type(value) is str else {value}"
        lines += [f"    value = raw[{int(index)}]\n", "    try:\n",
                  f"        values[key_{n}] = {value}\n", "    except ERRORS as exc:\n",
                  f"        report(row, header_{n}, exc)\n"]
    lines.append("    notes = []\n")
    for n, (index, header) in enumerate(to_notes):
        namespace[f"prefix_{n}"] = f"{header}: "
        lines += [f"    value = raw[{int(index)}]\n", "    if value is not None:\n",
                  "        text = value.strip() if type(value) is str else as_text(value)\n",
                  "        if text:\n", f"            notes.append(prefix_{n} + text)\n"]
    lines.append("    return values, notes\n")
    exec("".join(lines), namespace)  # our own code: indexes and local names only
    reader: RowReader = namespace["read_row"]
    return reader


def _finish(drafts: list[Draft], paths: list[str], path_header: str, keys: set[str],
            people: bool, options: ImportOptions, unit: str, problems: list[Problem]
            ) -> list[Draft]:
    """What a table says beyond one row at a time: null superiors, paths, people."""
    clear_null_superiors(drafts, options.null_tokens)
    if path_header and binary_hierarchyid(paths):
        problems.append(Problem(None, Sentence.of(
            "The column “{column}” holds SQL Server hierarchyid values in their binary form "
            "(0x…); export the column as text ({column}.ToString()) and import that file.",
            column=path_header), unit))
    elif path_header:
        forced = bool(options.path_column)
        if forced or ("superior" not in keys and looks_like_paths(paths)):
            link_paths(drafts, paths, path_header, unit, problems)
            if "title" not in keys and "name" not in keys:  # “Sales/East/Team 1”: the last step
                for draft, step in zip(drafts, last_steps(paths)):
                    if not draft.fields["title"].strip():
                        draft.fields["title"] = step
        else:  # a column named like paths that holds something else: kept, as other columns
            for draft, path in zip(drafts, paths):
                if path:
                    note = f"{path_header}: {path}"
                    draft.fields["notes"] = "\n".join(filter(None, [draft.fields["notes"], note]))
    if people:
        seat_people(drafts)
        if options.group_people is True or (options.group_people is None and repeats(drafts)):
            drafts = group_people(drafts)
    return drafts


#: Fields copied as read (title, notes and planned headcount are combined with others).
_PLAIN_KEYS = tuple(f.key for f in CONTENT_FIELDS if len(f.path) == 1
                    and f.key not in ("title", "notes", "planned_headcount"))
_REQUIREMENT_FIELDS = tuple(f for f in CONTENT_FIELDS if f.path[0] == "requirements")
_REQUIREMENT_KEYS = {f.key for f in _REQUIREMENT_FIELDS} | {"age_range", "requirements"}
_NO_REQUIREMENTS = Requirements()


def _draft_builder(headers: dict[str, str], name_header: str, unit: str,
                   problems: list[Problem], fallback: int | None = None
                   ) -> Callable[[int, dict[str, Any], list[str], Sequence[object]], Draft | None]:
    """The per-row step for this table's mapped fields (decided once, not per row).

    `headers` names the column of each mapped field (key → header); `fallback` is
    the column whose value titles a row without a title.
    """
    keys = set(headers)
    plain = [key for key in _PLAIN_KEYS if key in keys]

    def _requirement_columns(values: dict[str, Any]) -> list[str]:
        """The requirement columns of a row that say something: one of them is wrong."""
        return [headers[key] for key in headers
                if key in _REQUIREMENT_KEYS and values.get(key) not in (None, "", ())]
    with_requirements = bool(keys & _REQUIREMENT_KEYS)
    # The requirement values of a row, as the key of its Requirements: a staff list
    # repeats a few hundred distinct requirement cells in 100,000 rows.
    requirement_keys = tuple(key for key in headers if key in _REQUIREMENT_KEYS)
    absent = (_ABSENT,) * len(requirement_keys)

    def build(row: int, values: dict[str, Any], notes: list[str], raw: Sequence[object]
              ) -> Draft | None:
        get = values.get
        requirements = _NO_REQUIREMENTS
        if with_requirements:
            try:
                requirements = _requirements_of_row(
                    requirement_keys, tuple(map(values.get, requirement_keys, absent)))
            except InvalidValueError as exc:
                problems.append(Problem(row, _bad_requirements(_requirement_columns(values),
                                                               sentence_of(exc)), unit))
                return None
        if name_header and get("name"):  # the person's name, next to the position's title
            notes.insert(0, f"{name_header}: {values['name']}")
        title = get("title")
        if title is None:  # no title column: a name column names the position
            title = get("name", "")
        if fallback is not None and not title.strip():
            title = _text(raw[fallback])
        own_notes = get("notes", "")
        fields: dict[str, Any] = {
            "title": title, "requirements": requirements,
            "notes": "\n".join(filter(None, [own_notes, *notes])) if notes else own_notes}
        planned = get("planned_headcount")
        if isinstance(planned, tuple):  # lenient “14人（含组长）”: the number and a note
            planned, note = planned
            if note and not get("headcount_note"):
                values["headcount_note"] = note
        if planned is not None:
            fields["planned_headcount"] = planned
        for key in plain:
            value = values.get(key)
            if value is not None:
                fields[key] = value
        pay = get("pay")
        if pay is not None:  # one pay column: a column of its own for an end wins
            fields.setdefault("pay_min", pay[0])
            fields.setdefault("pay_max", pay[1])
        if "headcount_note" in values and "headcount_note" not in fields:
            fields["headcount_note"] = values["headcount_note"]
        return Draft(row, get("id", ""), get("superior", ""), get("name", ""), get("order"),
                     get("department", ""), fields)

    return build


_ABSENT: Any = object()  # a requirement column whose cell could not be read


@lru_cache(maxsize=4096)
def _requirements_of_row(keys: tuple[str, ...], row: tuple[object, ...]) -> Requirements:
    """`_requirements_from` of one row's requirement values, computed once per distinct row."""
    return _requirements_from({k: v for k, v in zip(keys, row) if v is not _ABSENT})


def _requirements_from(values: dict[str, Any]) -> Requirements:
    """A column of its own wins over what the mixed 任职要求 cell says."""
    get = values.get
    education, min_years = get("education") or "", get("min_years")
    age_min, age_max = get("age_min"), get("age_max")
    languages, skills = get("languages") or (), get("skills") or ()
    if "age_range" in values:
        low, high = values["age_range"]
        age_min = low if age_min is None else age_min
        age_max = high if age_max is None else age_max
    if "requirements" in values:
        mixed = dict(_requirements(tuple(values["requirements"])))
        education = education or mixed.get("education", "")
        min_years = mixed.get("min_years") if min_years is None else min_years
        if age_min is None and age_max is None:
            age_min, age_max = mixed.get("age_min"), mixed.get("age_max")
        languages = languages or mixed.get("languages", ())
        skills = skills or mixed.get("skills", ())
    chosen = {"education": education, "min_years": min_years, "age_min": age_min,
              "age_max": age_max, "languages": tuple(languages), "skills": tuple(skills)}
    # In the dataclass's order: every other requirement field as its column says.
    return _requirements_of(*(chosen[f.key] if f.key in chosen else get(f.key, f.default)
                              for f in _REQUIREMENT_FIELDS))


def _too_wide(raw: Sequence[object], width: int, unit: str) -> str:
    """A row with cells beyond the last header: where the first one is, and the two usual fixes.

    In a text file (counted in lines) the extra cell is nearly always a value that
    holds the delimiter without quotes; in a sheet it is a column nobody named.
    """
    extra = next(cells.cell_text(v).strip() for v in raw[width:] if cells.cell_text(v).strip())
    return Sentence.of(
        "it has {cells} cells but the header row names only {columns} columns (the first "
        "extra cell holds “{extra}”); put quotes round a cell that holds the delimiter, or "
        "add a header for the extra column." if unit == "line" else
        "it has {cells} cells but the header row names only {columns} columns (the first "
        "extra cell holds “{extra}”); add a header for the extra column, or delete its cells.",
        cells=len(raw), columns=width, extra=_shortened(extra))


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _bad_requirements(columns: list[str], reason: str) -> str:
    """Requirements that contradict each other or their bounds, with the columns they came from."""
    if len(columns) == 1:
        return _unreadable(columns[0], reason)
    return Sentence.of("{reason} Correct the values in the columns {columns}.", reason=reason,
                       columns=", ".join(f"“{c}”" for c in columns))


def _unreadable(header: str, reason: str) -> str:
    """A cell its field cannot read: the column, why, and how to read the column otherwise."""
    if reason.endswith("."):  # a whole sentence of its own (“The age range … ends.”)
        return Sentence.of(
            "“{header}”: {reason} Correct the value, or keep the column in the notes "
            "(--map \"{header}=notes\") or leave it out (--map \"{header}=ignore\").",
            header=header, reason=reason)
    return Sentence.of(
        "“{header}”: {reason}; correct the value, or keep the column in the notes "
        "(--map \"{header}=notes\") or leave it out (--map \"{header}=ignore\").",
        header=header, reason=reason)
