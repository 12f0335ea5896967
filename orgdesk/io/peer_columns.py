"""Columns of a peer table that are relations or drawing, not notes.

orgdesk's peer-layout tables (d3-org-chart CSV, draw.io CSV) write a position's
dotted lines as a column listing the ids it has a dotted line to
(`dotted_lines`) and its fill colour (`fill`).  On the way back:

- a column named like dotted lines (`dotted_lines`, `dotted`, 虚线 …) beside an
  id column gives dotted-line relations, in any table;
- the row marked in `orgdesk_virtual` (the node the d3 export adds above several
  top positions) is dropped and its reports are top positions again;
- a colour column (`fill`, `color`, `department_colour` …) colours the
  departments (the first coloured position of each) when the table says it is
  orgdesk's peer export (io.fields.is_peer_export), where that colour is the
  department's by construction.

Both columns are then read (“ignore”), not kept as notes.  The rows are read
once: the values are collected as they pass and resolved at their end.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from orgdesk.core.model import RelationKind
from orgdesk.io.cells import cell_text
from orgdesk.io.colours import department_colours, is_colour_header
from orgdesk.io.drafts import PendingRelation, Table
from orgdesk.io.fields import UNMAPPED, is_peer_export, normalise, recognise

#: The column marking the node orgdesk's d3 export adds above several top positions.
VIRTUAL_KEY = "orgdesk_virtual"
#: Column names (normalised) listing the ids a position has dotted lines to.
DOTTED_KEYS = frozenset({"dottedlines", "dottedline", "dotted", "dottedlineto",
                         "dottedlinesto", "虚线", "虚线汇报"})
_SPLIT = re.compile(r"\s*[\n,;，；、]\s*")
Rows = Iterator[tuple[int, Sequence[object]]]


def tap(table: Table) -> None:
    """Read `table`'s dotted-line and colour columns into its extras as its rows pass."""
    recognised = {h: table.guessed.get(h) or k for h, k in recognise(table.headers).items()}
    free = [h for h, k in recognised.items() if k in (UNMAPPED, None)]
    key = next((h for h, k in recognised.items() if k == "id"), "")
    department = next((h for h, k in recognised.items() if k == "department"), "")
    dotted = next((h for h in free if normalise(h) in DOTTED_KEYS), "") if key else ""
    colour = next((h for h in free if is_colour_header(h)), "") if (
        department and is_peer_export(table.headers)) else ""
    superior = next((h for h, k in recognised.items() if k == "superior"), "")
    virtual = VIRTUAL_KEY if VIRTUAL_KEY in free and key and superior else ""
    if not dotted and not colour and not virtual:
        return
    for header in (dotted, colour, virtual):
        if header:
            table.guessed[header] = "ignore"
    index = {h: i for i, h in enumerate(table.headers)}
    rows = table.rows
    if virtual:
        rows = _without_virtual(rows, index[virtual], index[key], index[superior])
    table.rows = _tapped(table, rows, index, key, dotted, department, colour)


def _without_virtual(rows: Iterable[tuple[int, Sequence[object]]], mark: int, key: int,
                     superior: int) -> Rows:
    """Drop the node orgdesk's d3 CSV adds above several top positions (marked “true” in
    `orgdesk_virtual`): its reports are top positions again, side by side."""
    dropped: set[str] = set()
    for row, cells in rows:
        if mark < len(cells) and cell_text(cells[mark]).strip().casefold() == "true":
            dropped.add(cell_text(cells[key]).strip() if key < len(cells) else "")
            continue
        if superior < len(cells) and cell_text(cells[superior]).strip() in dropped:
            cells = [*cells[:superior], "", *cells[superior + 1:]]
        yield row, cells


def _tapped(table: Table, rows: Iterable[tuple[int, Sequence[object]]], index: dict[str, int],
            key: str, dotted: str, department: str, colour: str) -> Rows:
    pairs: list[tuple[object, object]] = []

    def cell(cells: Sequence[object], header: str) -> object:
        at = index[header]
        return cells[at] if at < len(cells) else None

    for row, cells in rows:
        if dotted:
            own = cell_text(cell(cells, key)).strip()
            for target in _SPLIT.split(cell_text(cell(cells, dotted)).strip()):
                if own and target:
                    table.extras.relations.append(PendingRelation(
                        row, None, own, target, RelationKind.DOTTED, "", table.unit,
                        (key, dotted)))
        if colour:
            pairs.append((cell(cells, department), cell(cells, colour)))
        yield row, cells
    if colour:
        found = department_colours(pairs)
        if found:
            table.extras.departments = found
