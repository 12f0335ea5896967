"""Whether a table's first row is its header, and what the columns of one without are.

SQL clients and HR systems often export without a header row, and reading
the CEO's row as the header loses it silently.  The first row is taken as
data when it looks like the rows below it — a number or an id code where
they have one, never a word above a column of numbers — and names at most
two known columns (a title such as “Manager” is also a column name);
otherwise it stays the header, as before.  The user can force either way (`--header` / `--no-header`).

A table without a header gets the columns “Column A”, “Column B” … and a
guessed mapping: the unique id-like column is the id, a column whose values
are ids of other rows is the superior, the longest text column is the title.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain, islice

from orgdesk.io.cells import cell_text
from orgdesk.io.fields import known_header
from orgdesk.io.hierarchy import NULL_TOKENS
from orgdesk.io.problems import InterchangeError
from orgdesk.io.tables import Table, column_letter

#: Rows read ahead to compare with the first one (and to guess the columns from).
SAMPLE_ROWS = 500
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_CODE = re.compile(r"(?:[A-Za-z]{1,8}[-_]?\d+[A-Za-z0-9]*|\d+[-_][A-Za-z0-9]+)"
                   r"|[/\\]|[/\\]?\d+(?:[./\\]\d+)*[/\\]?")
_NULLS = frozenset(NULL_TOKENS)
_EMPTY, _IDLIKE, _TEXT = 0, 1, 2


def _kind(value: object) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _IDLIKE
    text = cell_text(value).strip()
    if not text or text.casefold() in _NULLS:
        return _EMPTY
    return _IDLIKE if _NUMBER.fullmatch(text) or _CODE.fullmatch(text) else _TEXT


class _Rows:
    """Rows read ahead, then the rest of the source's rows; `close` closes the source."""

    def __init__(self, head: list[tuple[int, Sequence[object]]],
                 rest: Iterator[tuple[int, Sequence[object]]],
                 error: InterchangeError | None = None) -> None:
        self.head = head
        self.rest = rest
        self.error = error  # met while reading ahead: raised where the reading reaches it

    def __iter__(self) -> Iterator[tuple[int, Sequence[object]]]:
        if self.error is None:
            return chain(self.head, self.rest)  # no Python step per row
        return self._then_error()

    def _then_error(self) -> Iterator[tuple[int, Sequence[object]]]:
        yield from self.head
        assert self.error is not None
        raise self.error

    def close(self) -> None:
        getattr(self.rest, "close", lambda: None)()


def settle_header(table: Table, header: bool | None) -> Table:
    """`table` with its first row taken as data where it is data (None: detect)."""
    if table.first_row is None or table.own or header is True:
        return table
    rest = iter(table.rows)
    sample: list[tuple[int, Sequence[object]]] = []
    error: InterchangeError | None = None
    try:
        for row in islice(rest, SAMPLE_ROWS):
            sample.append(row)
    except InterchangeError as exc:  # a broken line further down: found where it is read
        error = exc
    except BaseException:
        getattr(rest, "close", lambda: None)()
        raise
    first = table.first_row
    if header is None and not first_row_is_data(first[1], [cells for _, cells in sample]):
        return replace(table, rows=_Rows(sample, rest, error))
    width = max([len(first[1]), *(len(cells) for _, cells in sample)])
    headers = [f"Column {column_letter(i)}" for i in range(width)]
    head = [first, *sample]
    return replace(table, headers=headers, rows=_Rows(head, rest, error), own=False,
                   headerless=True,
                   total=None if table.total is None else table.total + 1,
                   guessed=guess_columns(headers, [cells for _, cells in head]))


def first_row_is_data(first: Sequence[object], below: Sequence[Sequence[object]]) -> bool:
    """Whether a first row reads like the rows below it rather than like names of columns."""
    # A column name in a data row is possible (a CEO row's “Manager”), three are not.
    named = sum(1 for value in first if known_header(cell_text(value)))
    if named >= 3:
        return False
    kinds = [_kind(value) for value in first]
    if not below:  # a single row: data when it holds a number and names no column
        return named == 0 and _IDLIKE in kinds
    matches = 0
    for index, kind in enumerate(kinds):
        column = [_kind(row[index]) for row in below if index < len(row)]
        filled = [k for k in column if k != _EMPTY]
        if not filled or kind == _EMPTY:
            continue
        idlike = sum(1 for k in filled if k == _IDLIKE) / len(filled)
        if idlike >= 0.8:
            if kind == _TEXT:  # “Employee ID” above numbers: a header
                return False
            matches += 1
    return matches > 0


def guess_columns(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> dict[str, str]:
    """A mapping for columns without names: id, superior and title from the values."""
    columns = [[cell_text(row[i]).strip() if i < len(row) else "" for row in rows]
               for i in range(len(headers))]
    guessed: dict[str, str] = {}
    id_column = next((i for i, values in enumerate(columns) if _is_id_column(values)), None)
    if id_column is not None:
        guessed[headers[id_column]] = "id"
        ids = {v for v in columns[id_column] if v}
        best, best_share = None, 0.0
        for i, values in enumerate(columns):
            if i == id_column:
                continue
            refs = [v for v in values if v and v.casefold() not in _NULLS]
            if not refs or any(_kind(v) == _TEXT for v in refs):
                continue
            share = sum(1 for v in refs if v in ids) / len(refs)
            if share > best_share:
                best, best_share = i, share
        if best is not None and best_share >= 0.5:
            guessed[headers[best]] = "superior"
    texts = [(i, _mean_length(values)) for i, values in enumerate(columns)
             if headers[i] not in guessed and _is_text_column(values)]
    if texts:
        title = max(texts, key=lambda item: item[1])[0]  # the first of equals
        guessed[headers[title]] = "title"
    return guessed


def _is_id_column(values: Sequence[str]) -> bool:
    filled = [v for v in values if v]
    return (len(filled) * 10 >= len(values) * 9 and len(set(filled)) == len(filled)
            and all(_kind(v) == _IDLIKE for v in filled))


def _is_text_column(values: Iterable[str]) -> bool:
    filled = [v for v in values if v and v.casefold() not in _NULLS]
    return bool(filled) and sum(1 for v in filled if _kind(v) == _TEXT) * 2 > len(filled) \
        and not any("\n" in v for v in filled)


def _mean_length(values: Sequence[str]) -> float:
    filled = [v for v in values if v]
    return sum(len(v) for v in filled) / len(filled) if filled else 0.0
