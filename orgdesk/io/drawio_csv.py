"""draw.io's CSV import layout: the `# connect:` lines above the header row.

draw.io (Arrange → Insert → Advanced → CSV) reads settings from “#” lines,
a line ending in “\\” continued by the next; each `# connect: {"from": COLUMN,
"to": COLUMN, "invert": …, "label": …}` draws an edge from a row to every row
whose `to` cell equals one of the comma-separated values of its `from` cell.
The first connect whose `from` column holds the superior (by its header, or the
first connect at all when no column names the superior) is the reporting line;
every other one gives dotted lines.  A dotted-line column means what the
superior column means: a row names the rows it has a dotted line to (as
orgdesk's own draw.io export writes `refs`); `invert` only says which way
draw.io draws the arrow, for the reporting line as for the others.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from orgdesk.core.errors import Sentence
from orgdesk.core.model import RelationKind
from orgdesk.io.cells import cell_text
from orgdesk.io.fields import recognise
from orgdesk.io.problems import Problem
from orgdesk.io.tables import PendingRelation, Table

_DIRECTIVE = re.compile(r"#\s*([A-Za-z]+)\s*:\s*(.*)\Z", re.DOTALL)
Rows = Iterator[tuple[int, Sequence[object]]]


@dataclass(frozen=True, slots=True)
class Connect:
    """One `# connect:` line."""

    line: int
    column: str  # "from": the cells naming other rows
    target: str  # "to": the column those names are looked up in
    invert: bool = False
    label: str = ""
    from_label: str = ""  # a column of the naming row whose text starts the label
    to_label: str = ""  # a column of the named row whose text ends it


def directives(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(line, key, value) of the `# key: value` lines, continued lines joined; `##` is a comment."""
    found = []
    index = 0
    while index < len(lines):
        line, text = lines[index]
        while text.endswith("\\") and index + 1 < len(lines):
            index += 1
            text = text[:-1] + lines[index][1][1:].strip()
        index += 1
        if text.startswith("##"):
            continue
        match = _DIRECTIVE.match(text.strip())
        if match:
            found.append((line, match.group(1).lower(), match.group(2).strip()))
    return found


def read_connects(lines: Sequence[tuple[int, str]], headers: Sequence[str],
                  problems: list[Problem]) -> list[Connect]:
    """The connect lines that name columns of the table; the others become problems."""
    connects = []
    for line, key, value in directives(lines):
        if key != "connect":
            continue
        try:
            spec = json.loads(value)
        except ValueError as exc:
            problems.append(Problem(line, Sentence.of(
                "the draw.io connect line is not valid JSON ({reason}); correct it or delete "
                "the line.", reason=str(exc)), "line"))
            continue
        columns = [_text(spec.get(k)) if isinstance(spec, dict) else "" for k in ("from", "to")]
        if not all(columns):
            problems.append(Problem(line, Sentence.of(
                "the draw.io connect line needs the column names “from” and “to”; add them or "
                "delete the line."), "line"))
            continue
        names = [*columns, *(spec.get(k) for k in ("fromlabel", "tolabel")
                             if isinstance(spec.get(k), str) and spec.get(k))]
        missing = [c for c in names if c not in headers]
        if missing:
            problems.append(Problem(line, Sentence.of(
                "the draw.io connect line names the column “{column}”, which the header row "
                "does not have; its columns are: {names}.", column=missing[0],
                names=", ".join(headers)), "line"))
            continue
        connects.append(Connect(line, columns[0], columns[1], spec.get("invert") is True,
                                _text(spec.get("label")), _text(spec.get("fromlabel")),
                                _text(spec.get("tolabel"))))
    return connects


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


@dataclass(slots=True)
class DottedLines:
    """Reads the dotted-line connects' columns out of the rows and resolves them at the end."""

    table: Table
    connects: list[Connect]
    key_column: int
    columns: list[int] = field(default_factory=list)  # taken out of the rows
    index: dict[str, int] = field(default_factory=dict)  # header → column, as in the file
    width: int = 0
    kept: dict[str, list[str]] = field(default_factory=dict)  # column → its value per row
    pending: list[tuple[int, int, Connect, list[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        headers = self.table.headers
        self.index = {h: i for i, h in enumerate(headers)}
        self.width = len(headers)
        self.columns = sorted({self.index[c.column] for c in self.connects})
        self.table.headers = [h for i, h in enumerate(headers) if i not in self.columns]

    def rows(self, rows: Rows) -> Rows:
        """The rows without the dotted-line columns; at their end, the dotted lines resolved."""
        index = self.index
        needed = {c.target for c in self.connects} | {
            c for c in (*(d.from_label for d in self.connects),
                        *(d.to_label for d in self.connects)) if c}
        wanted = [(name, index[name]) for name in needed]
        self.kept = {name: [] for name in needed}
        self.kept[""] = []  # the keys
        drop = set(self.columns)
        for number, (row, cells) in enumerate(rows):
            padded = [*cells, *[None] * (self.width - len(cells))]
            self.kept[""].append(cell_text(padded[self.key_column]).strip())
            for name, at in wanted:
                self.kept[name].append(cell_text(padded[at]).strip())
            for connect in self.connects:
                values = [v.strip() for v in cell_text(padded[index[connect.column]]).split(",")]
                if any(values):
                    self.pending.append((row, number, connect, [v for v in values if v]))
            yield row, [c for i, c in enumerate(cells) if i not in drop]
        self._resolve()

    def _resolve(self) -> None:
        keys = self.kept[""]
        lookups: dict[str, dict[str, int]] = {}
        for row, number, connect, values in self.pending:
            lookup = lookups.get(connect.target)
            if lookup is None:
                lookup = lookups[connect.target] = {}
                for other, value in enumerate(self.kept[connect.target]):
                    lookup.setdefault(value, other)
            for value in values:
                found = lookup.get(value)
                if found is not None and keys[found] and keys[found] == keys[number]:
                    self.table.problems.append(Problem(row, Sentence.of(
                        "“{column}”: the row names itself (draw.io connect line {line}); delete "
                        "“{value}”.", column=connect.column, line=connect.line, value=value),
                        "line"))
                    continue
                if found is None or not keys[found] or not keys[number]:
                    self.table.problems.append(Problem(row, Sentence.of(
                        "“{column}”: “{value}” is not the “{target}” of any row (draw.io "
                        "connect line {line}); correct it or delete it.",
                        column=connect.column, value=value, target=connect.target,
                        line=connect.line), "line"))
                    continue
                other = found
                label = "".join(filter(None, (
                    self.kept[connect.from_label][number] if connect.from_label else "",
                    connect.label,
                    self.kept[connect.to_label][other] if connect.to_label else "")))
                self.table.extras.relations.append(PendingRelation(
                    row, None, keys[number], keys[other], RelationKind.DOTTED, label))


def plan(table: Table, lines: Sequence[tuple[int, str]]) -> DottedLines | None:
    """Read the connect lines into `table`: its reporting column, and dotted lines if any.

    The file's own word on a column goes into `table.guessed` (the user's
    `--map` still has the last word): the reporting line's column holds the
    superior, and without an id column the dotted lines' `to` column is it.
    """
    connects = read_connects(lines, table.headers, table.problems)
    if not connects:
        return None
    table.first_row = None  # the connect lines name its columns: the header row is one
    recognised = recognise(table.headers)
    superior = {h for h, key in recognised.items() if key == "superior"}
    reporting = next((c for c in connects if c.column in superior), None)
    if reporting is None and not superior:
        reporting = connects[0]
        table.guessed[reporting.column] = "superior"
    dotted = [c for c in connects if reporting is None or c.column != reporting.column]
    if not dotted:
        return None
    key = next((h for h, k in recognised.items() if k == "id"), "")
    if not key:
        key = dotted[0].target
        table.guessed[key] = "id"
    return DottedLines(table, dotted, table.headers.index(key))
