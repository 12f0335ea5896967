"""The tree's rows as its views last saw them, and the row steps that bring them up to date.

Qt learns of a structural change only through begin/end row calls, and between
a `begin…` and its `end…` the model must still answer with the rows as they
were: the views, the selection model and QAbstractItemModelTester all ask
about the old rows in the "about to" signals.  An edit is announced after the
organisation has changed, so the model keeps this mirror of its reporting
lines (each superior's reports in row order) and `plan` works out, from an
edit's change set, the inserts, moves and removals that turn the mirror into
the organisation's current shape.  The model gives each step to Qt and to the
mirror in turn (`TreeRows.apply`), so the two always agree.

Pure Python, no Qt: the planner is tested without a view.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation

Superior = PositionId | None


@dataclass(frozen=True, slots=True)
class Insert:
    """New rows `ids` under `parent` from `row` on; `reports` holds the reports of the
    new positions that are new too (the rest of a pasted branch comes with its top)."""

    parent: Superior
    row: int
    ids: tuple[PositionId, ...]
    reports: dict[PositionId, list[PositionId]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Remove:
    """Rows `first`..`last` under `parent` go, with everything under them."""

    parent: Superior
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Move:
    """Rows `first`..`last` under `parent` move under `target` before its row `row`,
    counted as Qt counts it (`beginMoveRows`: the rows as they are before the move)."""

    parent: Superior
    first: int
    last: int
    target: Superior
    row: int


Step = Insert | Remove | Move


class OutOfStep(Exception):
    """The mirror and the organisation disagree beyond what a change set explains."""


class TreeRows:
    """Each superior's reports in row order (None: the top level), and each row's place."""

    def __init__(self) -> None:
        self.reports: dict[Superior, list[PositionId]] = {None: []}
        self.superior: dict[PositionId, Superior] = {}
        self._row: dict[PositionId, int] = {}

    @classmethod
    def of(cls, org: Organisation) -> TreeRows:
        """The rows of the whole organisation (one walk; no recursion for deep chains)."""
        rows = cls()
        stack: list[Superior] = [None]
        while stack:
            superior = stack.pop()
            reports = list(org.report_ids(superior))
            rows.reports[superior] = reports
            for row, pid in enumerate(reports):
                rows.superior[pid] = superior
                rows._row[pid] = row
            stack.extend(reports)
        return rows

    def __contains__(self, pid: object) -> bool:
        return pid in self.superior

    def __len__(self) -> int:
        return len(self.superior)

    def row_of(self, pid: PositionId) -> int:
        return self._row[pid]

    def _renumber(self, superior: Superior, start: int) -> None:
        row_of = self._row
        reports = self.reports[superior]
        for row in range(start, len(reports)):
            row_of[reports[row]] = row

    def apply(self, step: Step) -> None:
        """Make `step` (the model has just told Qt it begins)."""
        if isinstance(step, Insert):
            self.reports[step.parent][step.row:step.row] = step.ids
            for pid in step.ids:
                self.superior[pid] = step.parent
                self.reports.setdefault(pid, [])
            for superior, reports in step.reports.items():
                self.reports[superior] = list(reports)
                for row, pid in enumerate(reports):
                    self.superior[pid] = superior
                    self._row[pid] = row
                    self.reports.setdefault(pid, [])
            self._renumber(step.parent, step.row)
        elif isinstance(step, Remove):
            siblings = self.reports[step.parent]
            stack = siblings[step.first:step.last + 1]
            del siblings[step.first:step.last + 1]
            while stack:
                pid = stack.pop()
                stack.extend(self.reports.pop(pid, ()))
                del self.superior[pid]
                del self._row[pid]
            self._renumber(step.parent, step.first)
        else:
            source = self.reports[step.parent]
            block = source[step.first:step.last + 1]
            del source[step.first:step.last + 1]
            row = step.row
            if step.target == step.parent and row > step.last:
                row -= len(block)
            self.reports[step.target][row:row] = block
            for pid in block:
                self.superior[pid] = step.target
            self._renumber(step.parent, min(step.first, row) if step.target == step.parent
                           else step.first)
            if step.target != step.parent:
                self._renumber(step.target, row)


def size(rows: TreeRows, org: Organisation, changes: ChangeSet) -> int:
    """About how many row steps `plan` will give (before it runs): one per new or
    removed branch and per re-parented position (a whole pasted branch is one)."""
    count = 0
    for pid in _touched(changes):
        if pid in org:
            superior = org.position(pid).superior_id
            if pid not in rows:
                count += superior is None or superior in rows  # the top of a new branch
            elif rows.superior[pid] != superior:
                count += 1
        elif pid in rows:
            superior = rows.superior[pid]
            count += superior is None or superior in org  # the top of a removed branch
    return count


def _touched(changes: ChangeSet) -> Iterable[PositionId]:
    return dict.fromkeys([*changes.positions_added, *changes.positions_updated,
                          *changes.positions_removed])


def plan(rows: TreeRows, org: Organisation, changes: ChangeSet) -> Iterator[Step]:
    """The steps that bring `rows` to `org`'s shape after `changes`, worked out one at a
    time: each is computed on the rows as the previous ones left them, so the caller
    must `rows.apply` each step before asking for the next.

    Order: new branches go in (their new reports with them), then positions change
    superior, shallowest final place first (so no position is ever put under one of
    its own reports on the way), then removed branches go, and last each touched
    superior's reports are put in order with as few moves as possible.  Raises
    OutOfStep when the change set does not explain the difference.
    """
    touched = list(_touched(changes))
    new = {pid for pid in touched if pid in org and pid not in rows}
    gone = {pid for pid in touched if pid in rows and pid not in org}
    moved = [pid for pid in touched if pid in org and pid in rows
             and rows.superior[pid] != org.position(pid).superior_id]
    parents: set[Superior] = set()
    for pid in touched:
        if pid in rows:
            parents.add(rows.superior[pid])
        if pid in org:
            parents.add(org.position(pid).superior_id)
    targets = _Targets(org)

    # 1. New branches, top positions only, in runs of adjacent rows.
    tops: dict[Superior, set[PositionId]] = {}
    for pid in new:
        superior = org.position(pid).superior_id
        if superior not in new:
            if superior is not None and superior not in rows:
                raise OutOfStep(pid)
            tops.setdefault(superior, set()).add(pid)
    for superior, ids in tops.items():
        run: list[PositionId] = []
        for report in [*targets.of(superior), None]:
            if report is not None and report in ids:
                run.append(report)
                continue
            if run:
                yield Insert(superior, targets.place(rows, superior, run[0]), tuple(run),
                             _new_reports(org, run, new))
                run = []

    # 2. Changed superiors, shallowest final place first; adjacent rows go together.
    depth: dict[Superior, int] = {None: -1}
    for pid in moved:
        _depth(org, pid, depth)
    moved.sort(key=lambda p: (depth[p], _key(org.position(p).superior_id),
                              targets.index(org.position(p).superior_id, p)))
    i = 0
    while i < len(moved):
        first = moved[i]
        source, destination = rows.superior[first], org.position(first).superior_id
        j = i + 1
        while j < len(moved) and rows.superior[moved[j]] == source \
                and org.position(moved[j]).superior_id == destination \
                and rows.row_of(moved[j]) == rows.row_of(moved[j - 1]) + 1 \
                and targets.index(destination, moved[j]) \
                == targets.index(destination, moved[j - 1]) + 1:
            j += 1
        if destination is not None and destination not in rows:
            raise OutOfStep(first)
        yield Move(source, rows.row_of(first), rows.row_of(moved[j - 1]), destination,
                   targets.place(rows, destination, first))
        i = j

    # 3. Removed branches, top positions only, bottom row first in runs of adjacent rows.
    removed: dict[Superior, list[int]] = {}
    for pid in gone:
        superior = rows.superior[pid]
        if superior not in gone:
            removed.setdefault(superior, []).append(rows.row_of(pid))
    for superior, taken in removed.items():
        for top, bottom in _runs(sorted(taken, reverse=True)):
            for pid in rows.reports[superior][top:bottom + 1]:
                _check_branch_gone(rows, org, pid)
            yield Remove(superior, top, bottom)

    # 4. Sibling order.
    for superior in parents:
        if superior is not None and (superior not in rows or superior not in org):
            continue
        yield from _reorder(rows, superior, targets)


class _Targets:
    """The organisation's report lists and each report's index in them, read once."""

    def __init__(self, org: Organisation) -> None:
        self._org = org
        self._index: dict[Superior, dict[PositionId, int]] = {}

    def of(self, superior: Superior) -> list[PositionId]:
        return self._org.report_ids(superior)

    def index(self, superior: Superior, pid: PositionId) -> int:
        found = self._index.get(superior)
        if found is None:
            found = self._index[superior] = {p: i for i, p in enumerate(self.of(superior))}
        return found[pid]

    def place(self, rows: TreeRows, superior: Superior, pid: PositionId) -> int:
        """Where `pid` goes among `superior`'s current rows: after the position it
        follows in the organisation when that is already there, else at its own index."""
        index = self.index(superior, pid)
        current = rows.reports[superior]
        if index == 0:
            return 0
        before = self.of(superior)[index - 1]
        if rows.superior.get(before, -1) == superior:
            return rows.row_of(before) + 1
        return min(index, len(current))


def _key(superior: Superior) -> int:
    return -1 if superior is None else int(superior)


def _depth(org: Organisation, pid: PositionId, known: dict[Superior, int]) -> int:
    """Levels above `pid` in the organisation (0 for the top level), remembered."""
    chain: list[PositionId] = []
    step: Superior = pid
    while step not in known:
        assert step is not None
        chain.append(step)
        step = org.position(step).superior_id
    level = known[step]
    for node in reversed(chain):
        level += 1
        known[node] = level
    return known[pid]


def _new_reports(org: Organisation, tops: list[PositionId], new: set[PositionId]
                 ) -> dict[PositionId, list[PositionId]]:
    """The new positions' reports that are new too, down the whole new branches."""
    found: dict[PositionId, list[PositionId]] = {}
    stack = list(tops)
    while stack:
        pid = stack.pop()
        reports = [r for r in org.report_ids(pid) if r in new]
        found[pid] = reports
        stack.extend(reports)
    return found


def _check_branch_gone(rows: TreeRows, org: Organisation, top: PositionId) -> None:
    stack = [top]
    while stack:
        pid = stack.pop()
        if pid in org:
            raise OutOfStep(pid)
        stack.extend(rows.reports.get(pid, ()))


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of adjacent rows in descending `rows`."""
    if not rows:
        return
    last = first = rows[0]
    for row in rows[1:]:
        if row != first - 1:
            yield first, last
            last = row
        first = row
    yield first, last


def _reorder(rows: TreeRows, superior: Superior, targets: _Targets) -> Iterator[Move]:
    """Moves within `superior` that give its rows the organisation's order: the
    longest run already in order stays, every other row goes after the one it follows."""
    current, target = rows.reports[superior], targets.of(superior)
    if current == target:
        return
    if len(current) != len(target) or set(current) != set(target):
        raise OutOfStep(superior)
    stays = _longest_in_order([targets.index(superior, pid) for pid in current])
    staying = {current[i] for i in stays}
    i = 0
    while i < len(target):
        pid = target[i]
        if pid in staying:
            i += 1
            continue
        # A run of rows to move that are adjacent, in order, both now and in the target.
        j = i + 1
        while j < len(target) and target[j] not in staying \
                and rows.row_of(target[j]) == rows.row_of(target[j - 1]) + 1:
            j += 1
        first, last = rows.row_of(pid), rows.row_of(target[j - 1])
        row = 0 if i == 0 else rows.row_of(target[i - 1]) + 1
        if not first <= row <= last + 1:  # else already in place
            yield Move(superior, first, last, superior, row)
        i = j


def _longest_in_order(values: list[int]) -> list[int]:
    """Positions in `values` of one longest strictly increasing subsequence (O(n log n))."""
    from bisect import bisect_left

    tails: list[int] = []  # values at the ends of the best runs of each length
    tail_at: list[int] = []  # their positions
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        previous[i] = tail_at[k - 1] if k else -1
    found: list[int] = []
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        found.append(i)
        i = previous[i]
    return found[::-1]
