"""The organisation aggregate: positions, departments, relations and their rules.

The hierarchy lives in a directed graph (superior → report) kept in step
with the positions, which answers the structure questions (is this move a
cycle, what is under this position, is the whole thing a forest); it has
networkx's DiGraph layout without importing networkx (see reporting_lines).
Every mutation validates first, then changes state, and returns a `ChangeSet`.
"""
from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from typing import Any

from orgdesk.core import settings as settings_rules
from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import (
    CycleError,
    DomainError,
    InvalidValueError,
    Sentence,
    UnknownDepartmentError,
    UnknownPositionError,
)
from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Position,
    PositionId,
    Relation,
    RelationId,
)
from orgdesk.core.reporting_lines import ReportingLines


@dataclass(frozen=True, slots=True)
class Totals:
    """Headcount roll-up of a set of positions."""

    positions: int
    planned: int
    filled: int
    vacancies: int
    #: Seats filled beyond the plan (超编): planned = filled − over + vacancies.
    over: int = 0


@dataclass(frozen=True, slots=True)
class OrgState:
    """Every entity of an organisation at one moment (shares the immutable values)."""

    positions: dict[PositionId, Position]
    departments: dict[DepartmentId, Department]
    relations: dict[RelationId, Relation]
    info: DocumentInfo
    settings: dict[str, Any]


@dataclass(frozen=True, slots=True)
class StatePatch:
    """Values for some entities; None means "absent".  Undo and redo apply these."""

    positions: dict[PositionId, Position | None]
    departments: dict[DepartmentId, Department | None]
    relations: dict[RelationId, Relation | None]
    info: DocumentInfo | None = None
    settings: dict[str, Any] = field(default_factory=dict)  # a None value removes the setting


@dataclass(frozen=True, slots=True)
class RecordedEdit:
    """What one recorded edit did: every touched entity before and after, and their ids.

    Entities that ended as they started (a drop on its own place, a title typed
    and typed back) are left out, so an empty edit writes and records nothing.
    """

    before: StatePatch
    after: StatePatch
    changes: ChangeSet

    @property
    def structural(self) -> bool:
        """True when positions were added, removed, moved or re-ordered."""
        for pid, old in self.before.positions.items():
            new = self.after.positions[pid]
            if old is None or new is None or (old.superior_id, old.order) != (
                    new.superior_id, new.order):
                return True
        return False


_UNTOUCHED: Any = object()
_POSITION_FIELDS = tuple(f.name for f in fields(Position))


@dataclass(slots=True)
class _Journal:
    """The first value of each entity an edit touches (None = absent), in touch order."""

    positions: dict[PositionId, Position | None] = field(default_factory=dict)
    departments: dict[DepartmentId, Department | None] = field(default_factory=dict)
    relations: dict[RelationId, Relation | None] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    info: Any = _UNTOUCHED


#: The highest position id ever given out in this document (see next_position_id).
HIGH_WATER_SETTING = settings_rules.HIGH_WATER_SETTING


def _own_counts(position: Position) -> list[int]:
    """A position's own share of its branch totals, in `Totals`' field order."""
    return [1, position.planned_headcount, position.filled_headcount, position.vacancies,
            position.over]


def _fresh(highest: int) -> int:
    """The id after `highest`; ids are stored as 64-bit integers, so they run out there."""
    if highest >= settings_rules.MAX_ID:
        raise DomainError("No new id is left in this document: its ids have reached the "
                          "largest number a file can store.")
    return highest + 1


_ID = attrgetter("id")
_SUPERIOR = attrgetter("superior_id")
_DEPARTMENT = attrgetter("department_id")


class Organisation:
    """An organisation document held in memory; the one place structure rules live."""

    def __init__(
        self,
        info: DocumentInfo | None = None,
        departments: Iterable[Department] = (),
        positions: Iterable[Position] = (),
        relations: Iterable[Relation] = (),
        settings: dict[str, Any] | None = None,
    ) -> None:
        self.info = info or DocumentInfo()
        #: Document-wide settings (chart layout choices, span-of-control rules…):
        #: JSON values by name, kept in the file with the document.
        self.settings: dict[str, Any] = dict(settings or {})
        # The same rules as an edit: a file or an import may hold anything.
        settings_rules.check_settings(self.settings)
        self._departments: dict[DepartmentId, Department] = {}
        self._positions: dict[PositionId, Position] = {}
        self._relations: dict[RelationId, Relation] = {}
        self._graph = ReportingLines()
        # Derived indexes for fast tree queries (a view asks for rows constantly):
        # ids without a superior, and each superior's reports in sibling order,
        # filled lazily per superior and dropped whenever the structure changes.
        self._root_ids: set[PositionId] = set()
        self._ordered: dict[PositionId | None, list[PositionId]] = {}
        self._rows: dict[PositionId, int] = {}
        # Every position's level, worked out in one walk when first asked for and
        # dropped with the sibling orders: a per-position walk up the chain would
        # make a report of a 100,000-level chain quadratic.
        self._levels: dict[PositionId, int] = {}
        self._branch_totals: dict[PositionId, Totals] = {}
        #: While an edit is recorded (see `start_recording`), the first values it touched.
        self._journal: _Journal | None = None
        #: Inside `deferred_renumbering`: the sibling lists re-ordered so far, by superior.
        self._pending: dict[PositionId | None, list[PositionId]] | None = None
        # A repeated id would otherwise silently drop a department or relation.
        for department in departments:
            if department.id in self._departments:
                raise DomainError(Sentence.of("Department id {id} appears twice.",
                                              id=department.id))
            self._departments[department.id] = department
        for relation in relations:
            if relation.id in self._relations:
                raise DomainError(Sentence.of("Relation id {id} appears twice.",
                                              id=relation.id))
            self._relations[relation.id] = relation
        self._add_positions(list(positions))
        for relation in self._relations.values():
            for end in (relation.source_id, relation.target_id):
                if end not in self._positions:
                    raise UnknownPositionError(
                        Sentence.of("A dotted-line relation points at position {end}, which "
                                    "does not exist.", end=end)
                    )
        if not self._all_reachable_from_roots():
            cycle = self._graph.find_cycle()
            titles = " → ".join(self._positions[a].title for a, _ in cycle)
            raise CycleError(Sentence.of("The reporting lines form a cycle: {titles}.",
                                         titles=titles))

    def _add_positions(self, positions: list[Position]) -> None:
        """Index `positions` and their reporting lines, refusing the first one (in their
        order) that repeats an id or names a superior or department that does not exist.

        A field at a time (maps and set operations): opening or importing 100,000
        positions made four method calls per position here.
        """
        ids = list(map(_ID, positions))
        self._positions = dict(zip(ids, positions))
        if len(self._positions) < len(positions):
            seen: set[PositionId] = set()
            twice = next(pid for pid in ids if pid in seen or seen.add(pid))  # type: ignore[func-returns-value]  # set.add returns None: the condition records each id
            raise DomainError(Sentence.of("Position id {id} appears twice.", id=twice))
        superiors = list(map(_SUPERIOR, positions))
        departments = set(map(_DEPARTMENT, positions))
        departments.discard(None)
        unknown = set(superiors) - self._positions.keys()
        unknown.discard(None)
        if unknown or not departments <= self._departments.keys():
            for position in positions:
                if position.superior_id in unknown:
                    raise UnknownPositionError(
                        Sentence.of("“{title}” reports to position {superior_id}, which does "
                                    "not exist.",
                                    title=position.title, superior_id=position.superior_id))
                if (position.department_id is not None
                        and position.department_id not in self._departments):
                    raise UnknownDepartmentError(
                        Sentence.of("“{title}” belongs to department {department_id}, which "
                                    "does not exist.",
                                    title=position.title, department_id=position.department_id))
        self._root_ids = {pid for pid, superior in zip(ids, superiors) if superior is None}
        self._graph.add_lines(ids, superiors)

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len(self._positions)

    def __contains__(self, pid: object) -> bool:
        return pid in self._positions

    def position(self, pid: PositionId) -> Position:
        try:
            return self._positions[pid]
        except KeyError:
            raise UnknownPositionError(Sentence.of("There is no position with id {pid}.",
                                                   pid=pid)) from None

    def department(self, did: DepartmentId) -> Department:
        try:
            return self._departments[did]
        except KeyError:
            raise UnknownDepartmentError(Sentence.of("There is no department with id {did}.",
                                                     did=did)) from None

    def relation(self, rid: RelationId) -> Relation:
        try:
            return self._relations[rid]
        except KeyError:
            raise DomainError(Sentence.of("There is no relation with id {rid}.", rid=rid)) from None

    @property
    def departments(self) -> list[Department]:
        """Departments in display order."""
        return sorted(self._departments.values(), key=lambda d: (d.order, d.id))

    @property
    def relations(self) -> list[Relation]:
        return sorted(self._relations.values(), key=lambda r: r.id)

    def positions(self) -> Iterator[Position]:
        """Every position, depth-first in sibling order (the order a tree shows)."""
        positions, report_ids = self._positions, self.report_ids
        stack = list(reversed(report_ids(None)))
        while stack:
            pid = stack.pop()
            yield positions[pid]
            stack.extend(reversed(report_ids(pid)))

    def positions_by_id(self) -> list[Position]:
        """Every position in id order (what storage writes: no tree walk, no sibling sort)."""
        positions = self._positions
        return [positions[pid] for pid in sorted(positions)]

    def report_ids(self, superior: PositionId | None) -> list[PositionId]:
        """Ids of the direct reports of `superior` (roots for None), in sibling order.

        The list is shared with the cache: callers must not change it.
        """
        ordered = self._ordered.get(superior)
        if ordered is None:
            pending = self._pending.get(superior) if self._pending else None
            if pending is not None:  # re-ordered in a deferred block: the list says it
                ordered = list(pending)
            else:
                members = self._root_ids if superior is None else self._graph.successors(superior)
                positions = self._positions
                ordered = sorted(members, key=lambda p: (positions[p].order, p))
            self._ordered[superior] = ordered
            for row, pid in enumerate(ordered):
                self._rows[pid] = row
        return ordered

    def _structure_changed(self) -> None:
        self._ordered.clear()
        self._levels.clear()

    def roots(self) -> list[Position]:
        return [self._positions[p] for p in self.report_ids(None)]

    def direct_reports(self, pid: PositionId | None) -> list[Position]:
        """The positions whose direct superior is `pid` (roots for None), in order."""
        if pid is not None:
            self.position(pid)
        return [self._positions[p] for p in self.report_ids(pid)]

    def row_of(self, pid: PositionId) -> int:
        """The position's index among its siblings (its row in a tree view)."""
        superior = self.position(pid).superior_id
        if superior not in self._ordered:
            self.report_ids(superior)
        return self._rows[pid]

    def report_count(self, pid: PositionId | None) -> int:
        return len(self._root_ids) if pid is None else self._graph.out_degree(pid)

    def superior(self, pid: PositionId) -> Position | None:
        superior_id = self.position(pid).superior_id
        return None if superior_id is None else self._positions[superior_id]

    def chain_of_command(self, pid: PositionId) -> list[Position]:
        """Superiors from the direct one up to the root."""
        chain = []
        current = self.superior(pid)
        while current is not None:
            chain.append(current)
            current = self.superior(current.id)
        return chain

    def descendant_ids(self, pid: PositionId) -> set[PositionId]:
        self.position(pid)
        return self._graph.descendants(pid)

    def branch(self, pid: PositionId) -> list[Position]:
        """The position and everything under it, depth-first in sibling order."""
        result = []
        stack = [self.position(pid)]
        while stack:
            position = stack.pop()
            result.append(position)
            stack.extend(reversed(self.direct_reports(position.id)))
        return result

    def level_of(self, pid: PositionId) -> int:
        """1 for a root, 2 for its reports, …"""
        self.position(pid)
        return self.levels()[pid]

    def levels(self) -> dict[PositionId, int]:
        """Every position's level (1 for a root), from one walk down the tree.

        The dict is shared with the cache until the structure changes: callers
        must not change it.
        """
        levels = self._levels
        if len(levels) != len(self._positions):
            levels.clear()
            stack = [(pid, 1) for pid in self.report_ids(None)]
            report_ids = self.report_ids
            while stack:
                pid, level = stack.pop()
                levels[pid] = level
                stack.extend((r, level + 1) for r in report_ids(pid))
        return levels

    def depth(self) -> int:
        """Number of levels in the deepest branch (0 for an empty organisation)."""
        return max(self.levels().values(), default=0)

    def branch_totals(self, pid: PositionId) -> Totals:
        """Totals of the position and everything under it (cached, one pass for all)."""
        self.position(pid)
        if not self._branch_totals:
            order = list(self.positions())
            sums: dict[PositionId, list[int]] = {}
            for position in reversed(order):  # reports before their superiors
                own = sums.setdefault(position.id, [0, 0, 0, 0, 0])
                own[0] += 1
                own[1] += position.planned_headcount
                own[2] += position.filled_headcount
                own[3] += position.vacancies
                own[4] += position.over
                if position.superior_id is not None:
                    parent = sums.setdefault(position.superior_id, [0, 0, 0, 0, 0])
                    for i in range(5):
                        parent[i] += own[i]
            self._branch_totals = {p: Totals(*v) for p, v in sums.items()}
        return self._branch_totals[pid]

    def _chains(self, pids: Iterable[PositionId]) -> set[PositionId]:
        """`pids` that exist, with every superior above them (as the structure is now)."""
        found: set[PositionId] = set()
        positions = self._positions
        for pid in pids:
            current: PositionId | None = pid
            while current is not None and current not in found and current in positions:
                found.add(current)
                current = positions[current].superior_id
        return found

    def _recount(self, affected: set[PositionId]) -> None:
        """Work out again the cached branch totals of `affected` (the positions a patch
        touched and every superior they had or have), reports before superiors; every
        other position's branch is unchanged, so its cached totals still hold.  An undo
        of a 50-position paste recounted all 10,000 positions (about 0.15 s) before."""
        totals, positions = self._branch_totals, self._positions
        for pid in [p for p in affected if p not in positions]:
            totals.pop(pid, None)
        depth: dict[PositionId, int] = {}

        def depth_of(pid: PositionId) -> int:
            chain = []
            current: PositionId | None = pid
            while current is not None and current not in depth:
                chain.append(current)
                current = positions[current].superior_id
            level = depth[current] if current is not None else -1
            for item in reversed(chain):
                level += 1
                depth[item] = level
            return depth[pid]

        for pid in sorted((p for p in affected if p in positions), key=depth_of, reverse=True):
            position = positions[pid]
            own = _own_counts(position)
            for report in self.report_ids(pid):
                t = totals[report]
                own[0] += t.positions
                own[1] += t.planned
                own[2] += t.filled
                own[3] += t.vacancies
                own[4] += t.over
            totals[pid] = Totals(*own)

    def _add_up_the_chain(self, start: PositionId | None, delta: Totals, sign: int) -> None:
        """Add (sign 1) or take away (sign -1) `delta` from `start` and every superior above."""
        pid = start
        while pid is not None:
            t = self._branch_totals[pid]
            self._branch_totals[pid] = Totals(
                t.positions + sign * delta.positions, t.planned + sign * delta.planned,
                t.filled + sign * delta.filled, t.vacancies + sign * delta.vacancies,
                t.over + sign * delta.over)
            pid = self._positions[pid].superior_id

    def _adjust_branch_totals(self, old: Position, new: Position) -> None:
        """Keep cached roll-ups right after a field edit: add the difference up the chain."""
        if not self._branch_totals:
            return
        delta = (new.planned_headcount - old.planned_headcount,
                 new.filled_headcount - old.filled_headcount, new.vacancies - old.vacancies,
                 new.over - old.over)
        if delta == (0, 0, 0, 0):
            return
        pid: PositionId | None = new.id
        while pid is not None:
            t = self._branch_totals[pid]
            self._branch_totals[pid] = Totals(t.positions, t.planned + delta[0],
                                              t.filled + delta[1], t.vacancies + delta[2],
                                              t.over + delta[3])
            pid = self._positions[pid].superior_id

    def totals(self, positions: Iterable[Position] | None = None) -> Totals:
        chosen = list(self._positions.values() if positions is None else positions)
        return Totals(
            positions=len(chosen),
            planned=sum(p.planned_headcount for p in chosen),
            filled=sum(p.filled_headcount for p in chosen),
            vacancies=sum(p.vacancies for p in chosen),
            over=sum(p.over for p in chosen),
        )

    def positions_in(self, did: DepartmentId) -> list[Position]:
        return [p for p in self.positions() if p.department_id == did]

    def _all_reachable_from_roots(self) -> bool:
        # Every position has at most one superior, so the hierarchy is a forest
        # exactly when a walk down from the roots meets every position.
        return self._graph.count_below(self._root_ids) == len(self._positions)

    def is_forest(self) -> bool:
        """Every position has at most one superior and no reporting line loops.

        A graph where every node has at most one incoming edge is a forest
        exactly when a walk down from the nodes without one meets every node:
        one linear, non-recursive pass (networkx's `is_branching` takes seconds
        on 100,000 positions).
        """
        graph = self._graph
        tops = []
        for pid, incoming in graph.in_degree():
            if incoming > 1:
                return False
            if incoming == 0:
                tops.append(pid)
        seen = 0
        successors = graph.successors
        while tops:
            pid = tops.pop()
            seen += 1
            tops.extend(successors(pid))
        return seen == graph.number_of_nodes()

    def next_position_id(self) -> PositionId:
        """A fresh id, never one a deleted position had: ids stay stable across versions."""
        high_water = self.settings.get(HIGH_WATER_SETTING, 0)
        return PositionId(_fresh(max(max(self._positions, default=0),
                                     high_water if isinstance(high_water, int) else 0)))

    def next_department_id(self) -> DepartmentId:
        return DepartmentId(_fresh(max(self._departments, default=0)))

    def next_relation_id(self) -> RelationId:
        return RelationId(_fresh(max(self._relations, default=0)))

    # ---------------------------------------------------------- structure rules
    def check_move(self, pid: PositionId, new_superior: PositionId | None) -> None:
        """Raise CycleError if `pid` may not be placed under `new_superior`."""
        position = self.position(pid)
        if new_superior is None:
            return
        target = self.position(new_superior)
        if new_superior == pid:
            raise CycleError(Sentence.of("“{title}” cannot report to itself.",
                                         title=position.title))
        if new_superior in self._graph.descendants(pid):
            raise CycleError(Sentence.of(
                "“{title}” cannot report to “{target}”, which is one of its own reports.",
                title=position.title, target=target.title))

    # ---------------------------------------------------------------- mutations
    @contextmanager
    def deferred_renumbering(self) -> Iterator[ChangeSet]:
        """Give each sibling list an operation re-orders its `order` numbers once, at the end.

        Moving or deleting many positions one by one renumbered the siblings after
        every step: 1,000 positions out of a superior with 1,778 reports made about
        900 position copies each, 5–9 s in all.  Inside this block the new sibling
        orders are kept as lists (`report_ids` reads them, so every query sees the
        structure as it is); the stored `order` fields are set when the block ends.
        The change sets the operations return inside leave re-numbered siblings out;
        the block yields one that holds them once it has ended (a recorded edit,
        `start_recording`, has them all anyway).  A nested block joins the outer
        one, and its change set stays empty.
        """
        renumbered = ChangeSet()
        if self._pending is not None:
            yield renumbered
            return
        self._pending = {}
        try:
            yield renumbered
        finally:
            pending, self._pending = self._pending, None
            for superior, ordered in pending.items():
                if superior is None or superior in self._positions:
                    self._renumber(superior, [p for p in ordered if p in self._positions],
                                   renumbered)
            self._structure_changed()

    def _renumber(self, superior: PositionId | None, ordered: list[PositionId],
                  changes: ChangeSet) -> None:
        self._structure_changed()
        if self._pending is not None:
            self._pending[superior] = ordered
            return
        for index, sibling in enumerate(ordered):
            current = self._positions[sibling]
            if current.order != index or current.superior_id != superior:
                self._touch_position(sibling)
                self._positions[sibling] = replace(current, order=index, superior_id=superior)
                if sibling not in changes.positions_added and sibling not in changes.positions_updated:
                    changes.positions_updated.append(sibling)

    def _sibling_ids(self, superior: PositionId | None, without: PositionId | None = None
                     ) -> list[PositionId]:
        """A new list of `superior`'s reports in order (`without` one of them)."""
        if superior is not None:
            self.position(superior)
        return [p for p in self.report_ids(superior) if p != without]

    @staticmethod
    def _clamp(index: int | None, length: int) -> int:
        return length if index is None else max(0, min(index, length))

    def add_position(self, position: Position, index: int | None = None) -> ChangeSet:
        """Add `position` under its `superior_id`, at `index` among its siblings."""
        if position.id in self._positions:
            raise DomainError(Sentence.of("Position id {id} is already used.", id=position.id))
        if position.superior_id is not None:
            self.position(position.superior_id)
        self._check_department(position.department_id)
        siblings = self._sibling_ids(position.superior_id)
        siblings.insert(self._clamp(index, len(siblings)), position.id)
        changes = ChangeSet(positions_added=[position.id])
        if position.id > self.settings.get(HIGH_WATER_SETTING, 0):
            self._touch_setting(HIGH_WATER_SETTING)
            self.settings[HIGH_WATER_SETTING] = int(position.id)
            changes.settings_changed.append(HIGH_WATER_SETTING)
        self._touch_position(position.id)
        self._positions[position.id] = position
        self._graph.add_node(position.id)
        if position.superior_id is not None:
            self._graph.add_edge(position.superior_id, position.id)
        else:
            self._root_ids.add(position.id)
        self._structure_changed()
        if self._branch_totals:
            own = Totals(*_own_counts(position))
            self._branch_totals[position.id] = own
            self._add_up_the_chain(position.superior_id, own, 1)
        self._renumber(position.superior_id, siblings, changes)
        return changes

    def update_position(self, position: Position) -> ChangeSet:
        """Replace a position's fields; superior and order go through `move_position`."""
        current = self.position(position.id)
        if (position.superior_id, position.order) != (current.superior_id, current.order):
            raise DomainError("Use move_position to change a superior or sibling order.")
        self._check_department(position.department_id)
        if position == current:
            return ChangeSet()
        self._touch_position(position.id)
        self._positions[position.id] = position
        self._adjust_branch_totals(current, position)
        return ChangeSet(positions_updated=[position.id])

    def move_position(self, pid: PositionId, new_superior: PositionId | None,
                      index: int | None = None) -> ChangeSet:
        """Move a position with its whole branch under `new_superior` at `index`."""
        self.check_move(pid, new_superior)
        before = dict(self._positions) if self._pending is None else None
        current = self._positions[pid]
        changes = ChangeSet()
        old_superior = current.superior_id
        moved = self._branch_totals.get(pid) if self._branch_totals else None
        if moved is not None:
            self._add_up_the_chain(old_superior, moved, -1)
        if old_superior is not None:
            self._graph.remove_edge(old_superior, pid)
        self._root_ids.discard(pid)
        self._structure_changed()
        old_siblings = self._sibling_ids(old_superior, without=pid)
        self._renumber(old_superior, old_siblings, changes)
        new_siblings = self._sibling_ids(new_superior, without=pid)
        new_siblings.insert(self._clamp(index, len(new_siblings)), pid)
        if new_superior is not None:
            self._graph.add_edge(new_superior, pid)
        else:
            self._root_ids.add(pid)
        self._touch_position(pid)
        self._positions[pid] = replace(current, superior_id=new_superior, order=-1)
        self._structure_changed()
        if moved is not None:
            self._add_up_the_chain(new_superior, moved, 1)
        self._renumber(new_superior, new_siblings, changes)
        return self._settled(changes, before)

    def move_position_alone(self, pid: PositionId, new_superior: PositionId | None,
                            index: int | None = None) -> ChangeSet:
        """Move only `pid`; its reports stay behind, in its place under its old superior."""
        position = self.position(pid)
        if new_superior == pid:
            raise CycleError(Sentence.of("“{title}” cannot report to itself.",
                                         title=position.title))
        if new_superior is not None:
            self.position(new_superior)
        before = dict(self._positions) if self._pending is None else None
        changes = ChangeSet()
        with self.deferred_renumbering() as renumbered:
            at = self._sibling_ids(position.superior_id).index(pid) + 1
            for offset, report in enumerate(self.direct_reports(pid)):
                changes.merge(self.move_position(report.id, position.superior_id, at + offset))
            # Once its reports are lifted, no target can be one of its descendants.
            changes.merge(self.move_position(pid, new_superior, index))
        return self._settled(changes.merge(renumbered), before)

    def _settled(self, changes: ChangeSet, before: dict[PositionId, Position] | None
                 ) -> ChangeSet:
        """Keep in `updated` only positions that differ from `before`.

        Renumbering walks siblings through intermediate orders; one that ends
        where it started (a drop on its own place) is not a change, so storage
        writes nothing, the document stays unmodified and no undo step appears.
        """
        if before is None:  # deferred: nothing is renumbered yet to compare
            return changes
        changes.positions_updated = [
            p for p in changes.positions_updated if self._positions.get(p) != before.get(p)
        ]
        return changes

    def remove_position(self, pid: PositionId) -> ChangeSet:
        """Remove one position that has no reports (and its dotted-line relations)."""
        position = self.position(pid)
        if self._graph.out_degree(pid):
            raise DomainError(Sentence.of(
                "“{title}” still has direct reports; move or remove them first.",
                title=position.title))
        changes = ChangeSet(positions_removed=[pid])
        for relation in list(self._relations.values()):
            if pid in (relation.source_id, relation.target_id):
                self._touch_relation(relation.id)
                del self._relations[relation.id]
                changes.relations_removed.append(relation.id)
        if self._branch_totals:
            own = self._branch_totals.pop(pid)
            self._add_up_the_chain(position.superior_id, own, -1)
        self._graph.remove_node(pid)
        self._touch_position(pid)
        del self._positions[pid]
        self._root_ids.discard(pid)
        if self._pending:
            self._pending.pop(pid, None)  # its reports were moved or removed before it
        self._structure_changed()
        self._renumber(position.superior_id,
                       self._sibling_ids(position.superior_id, without=pid), changes)
        return changes

    def remove_branch(self, pid: PositionId) -> ChangeSet:
        """Remove a position and everything under it."""
        changes = ChangeSet()
        with self.deferred_renumbering() as renumbered:
            for position in reversed(self.branch(pid)):
                changes.merge(self.remove_position(position.id))
        return changes.merge(renumbered)

    def remove_position_lifting_reports(self, pid: PositionId) -> ChangeSet:
        """Remove one position; its reports move up to its superior, in its place."""
        position = self.position(pid)
        before = dict(self._positions) if self._pending is None else None
        changes = ChangeSet()
        with self.deferred_renumbering() as renumbered:
            index = self._sibling_ids(position.superior_id).index(pid)
            for offset, report in enumerate(self.direct_reports(pid)):
                changes.merge(self.move_position(report.id, position.superior_id,
                                                 index + 1 + offset))
            changes.merge(self.remove_position(pid))
        return self._settled(changes.merge(renumbered), before)

    # -------------------------------------------------------------- departments
    def _check_department(self, did: DepartmentId | None) -> None:
        if did is not None:
            self.department(did)

    def add_department(self, department: Department) -> ChangeSet:
        if department.id in self._departments:
            raise DomainError(Sentence.of("Department id {id} is already used.",
                                          id=department.id))
        if any(d.name == department.name for d in self._departments.values()):
            raise InvalidValueError(Sentence.of("There is already a department called “{name}”.",
                                                name=department.name))
        self._touch_department(department.id)
        self._departments[department.id] = department
        return ChangeSet(departments_added=[department.id])

    def update_department(self, department: Department) -> ChangeSet:
        self.department(department.id)
        if any(d.name == department.name and d.id != department.id
               for d in self._departments.values()):
            raise InvalidValueError(Sentence.of("There is already a department called “{name}”.",
                                                name=department.name))
        self._touch_department(department.id)
        self._departments[department.id] = department
        return ChangeSet(departments_updated=[department.id])

    def remove_department(self, did: DepartmentId) -> ChangeSet:
        """Remove a department; its positions keep existing without one."""
        self.department(did)
        changes = ChangeSet(departments_removed=[did])
        self._branch_totals.clear()
        for position in list(self._positions.values()):
            if position.department_id == did:
                self._touch_position(position.id)
                self._positions[position.id] = replace(position, department_id=None)
                changes.positions_updated.append(position.id)
        self._touch_department(did)
        del self._departments[did]
        return changes

    # ---------------------------------------------------------------- relations
    def add_relation(self, relation: Relation) -> ChangeSet:
        self.position(relation.source_id)
        self.position(relation.target_id)
        if relation.id in self._relations:
            raise DomainError(Sentence.of("Relation id {id} is already used.", id=relation.id))
        self._touch_relation(relation.id)
        self._relations[relation.id] = relation
        return ChangeSet(relations_added=[relation.id])

    def remove_relation(self, rid: RelationId) -> ChangeSet:
        self.relation(rid)
        self._touch_relation(rid)
        del self._relations[rid]
        return ChangeSet(relations_removed=[rid])

    # --------------------------------------------------------------- document
    def set_setting(self, name: str, value: Any) -> ChangeSet:
        """Set (or with None remove) a document setting; the value must be JSON data."""
        if not name or not isinstance(name, str):
            raise InvalidValueError("A setting needs a name.")
        if value is not None:
            settings_rules.check_setting(name, value)
        if self.settings.get(name) == value:
            return ChangeSet()
        self._touch_setting(name)
        if value is None:
            self.settings.pop(name, None)
        else:
            self.settings[name] = value
        return ChangeSet(settings_changed=[name])

    def set_info(self, info: DocumentInfo) -> ChangeSet:
        self._touch_info()
        self.info = info
        return ChangeSet(info_changed=True)

    # ---------------------------------------------------------- recording
    def start_recording(self) -> None:
        """Note the first value of every entity the following mutations touch.

        The service records each edit this way, so what an edit changed (its
        undo patch and the rows to write) comes from the mutations themselves,
        without copying or comparing the whole organisation.
        """
        if self._journal is not None:
            raise RuntimeError("An edit is already being recorded.")
        self._journal = _Journal()

    def stop_recording(self) -> RecordedEdit:
        """End the recording: the touched entities before and now, and their ids."""
        journal, self._journal = self._journal, None
        if journal is None:
            raise RuntimeError("No edit is being recorded.")
        changes = ChangeSet()
        before_positions: dict[PositionId, Position | None] = {}
        after_positions: dict[PositionId, Position | None] = {}
        for pid, old in journal.positions.items():
            new = self._positions.get(pid)
            if old == new:
                continue
            before_positions[pid], after_positions[pid] = old, new
            (changes.positions_added if old is None else changes.positions_removed
             if new is None else changes.positions_updated).append(pid)
            if old is not None and new is not None:
                changes.position_fields[pid] = frozenset(
                    name for name in _POSITION_FIELDS if getattr(old, name) != getattr(new, name))
        before_departments: dict[DepartmentId, Department | None] = {}
        after_departments: dict[DepartmentId, Department | None] = {}
        for did, old_department in journal.departments.items():
            new_department = self._departments.get(did)
            if old_department == new_department:
                continue
            before_departments[did], after_departments[did] = old_department, new_department
            (changes.departments_added if old_department is None
             else changes.departments_removed if new_department is None
             else changes.departments_updated).append(did)
        before_relations: dict[RelationId, Relation | None] = {}
        after_relations: dict[RelationId, Relation | None] = {}
        for rid, old_relation in journal.relations.items():
            new_relation = self._relations.get(rid)
            if old_relation == new_relation:
                continue
            before_relations[rid], after_relations[rid] = old_relation, new_relation
            if old_relation is not None:
                changes.relations_removed.append(rid)
            if new_relation is not None:
                changes.relations_added.append(rid)
        before_settings = {name: old for name, old in journal.settings.items()
                           if old != self.settings.get(name)}
        after_settings = {name: self.settings.get(name) for name in before_settings}
        changes.settings_changed = list(before_settings)
        info_changed = journal.info is not _UNTOUCHED and journal.info != self.info
        changes.info_changed = info_changed
        return RecordedEdit(
            StatePatch(before_positions, before_departments, before_relations,
                       journal.info if info_changed else None, before_settings),
            StatePatch(after_positions, after_departments, after_relations,
                       self.info if info_changed else None, after_settings),
            changes)

    def _touch_position(self, pid: PositionId) -> None:
        journal = self._journal
        if journal is not None and pid not in journal.positions:
            journal.positions[pid] = self._positions.get(pid)

    def _touch_department(self, did: DepartmentId) -> None:
        journal = self._journal
        if journal is not None and did not in journal.departments:
            journal.departments[did] = self._departments.get(did)

    def _touch_relation(self, rid: RelationId) -> None:
        journal = self._journal
        if journal is not None and rid not in journal.relations:
            journal.relations[rid] = self._relations.get(rid)

    def _touch_setting(self, name: str) -> None:
        journal = self._journal
        if journal is not None and name not in journal.settings:
            journal.settings[name] = self.settings.get(name)

    def _touch_info(self) -> None:
        journal = self._journal
        if journal is not None and journal.info is _UNTOUCHED:
            journal.info = self.info

    # ----------------------------------------------------------- undo states
    def capture(self) -> OrgState:
        """A cheap copy of the current state (dict copies of immutable values)."""
        return OrgState(dict(self._positions), dict(self._departments),
                        dict(self._relations), self.info, dict(self.settings))

    def state_of(self, changes: ChangeSet, source: OrgState | None = None) -> StatePatch:
        """The values (None = absent) of everything `changes` touched, in `source` or now."""
        src = source or self.capture()
        pids = {*changes.positions_added, *changes.positions_updated, *changes.positions_removed}
        dids = {*changes.departments_added, *changes.departments_updated,
                *changes.departments_removed}
        rids = {*changes.relations_added, *changes.relations_removed}
        return StatePatch(
            positions={p: src.positions.get(p) for p in pids},
            departments={d: src.departments.get(d) for d in dids},
            relations={r: src.relations.get(r) for r in rids},
            info=src.info if changes.info_changed else None,
            settings={name: src.settings.get(name) for name in changes.settings_changed},
        )

    def apply_patch(self, patch: StatePatch) -> ChangeSet:
        """Put the touched entities back exactly as `patch` says (undo / redo).

        Ids, superiors and sibling orders are restored verbatim, so undo gives
        back precisely the earlier document.  The result must still be a forest:
        the whole patch is checked first, so a refused patch changes nothing.
        """
        self._check_patch(patch)
        changes = ChangeSet(info_changed=patch.info is not None,
                            settings_changed=list(patch.settings))
        for name, value in patch.settings.items():
            self._touch_setting(name)
            if value is None:
                self.settings.pop(name, None)
            else:
                self.settings[name] = value
        for did, department in patch.departments.items():
            self._touch_department(did)
            if department is None:
                if self._departments.pop(did, None) is not None:
                    changes.departments_removed.append(did)
            else:
                (changes.departments_updated if did in self._departments
                 else changes.departments_added).append(did)
                self._departments[did] = department
        for rid, relation in patch.relations.items():
            self._touch_relation(rid)
            if relation is None:
                if self._relations.pop(rid, None) is not None:
                    changes.relations_removed.append(rid)
            else:
                if rid not in self._relations:
                    changes.relations_added.append(rid)
                self._relations[rid] = relation
        # Positions whose branch totals the patch may change, by their chains as they are
        # now (and, below, as they will be): the rest keep their cached totals.
        recount = self._chains(patch.positions) if self._branch_totals and patch.positions \
            else None
        for pid, position in patch.positions.items():
            self._touch_position(pid)
            if pid in self._graph:
                for superior in list(self._graph.predecessors(pid)):
                    self._graph.remove_edge(superior, pid)
            self._root_ids.discard(pid)
            if position is None:
                if self._positions.pop(pid, None) is not None:
                    changes.positions_removed.append(pid)
                    self._graph.remove_node(pid)
            else:
                (changes.positions_updated if pid in self._positions
                 else changes.positions_added).append(pid)
                self._positions[pid] = position
                self._graph.add_node(pid)
                if position.superior_id is None:
                    self._root_ids.add(pid)
        if patch.positions:
            self._structure_changed()
        for position in patch.positions.values():
            if position is not None and position.superior_id is not None:
                self._graph.add_edge(position.superior_id, position.id)
        if recount is not None:
            self._recount(recount | self._chains(patch.positions))
        elif patch.positions:
            self._branch_totals.clear()
        if patch.info is not None:
            self._touch_info()
            self.info = patch.info
        return changes

    def _check_patch(self, patch: StatePatch) -> None:
        """Refuse a patch whose result would not be a sound forest, before any change.

        Only the patched positions' reporting lines change, so a cycle must pass
        through one of them: walking up from each, remembering every position
        already known to reach a root, is linear in the positions visited.
        """
        broken = CycleError("Restoring this state would break the reporting lines.")
        patched = patch.positions

        def present(pid: PositionId) -> bool:
            return patched[pid] is not None if pid in patched else pid in self._positions

        def superior_of(pid: PositionId) -> PositionId | None:
            position = patched[pid] if pid in patched else self._positions[pid]
            return None if position is None else position.superior_id

        def department_present(did: DepartmentId | None) -> bool:
            if did is None:
                return True
            if did in patch.departments:
                return patch.departments[did] is not None
            return did in self._departments

        for pid, position in patched.items():
            if position is None:
                # Reports of a removed position must be removed or moved by the same patch.
                if pid in self._graph and any(
                        report not in patched for report in self._graph.successors(pid)):
                    raise broken
            elif position.id != pid or not department_present(position.department_id):
                raise broken
        for did, department in patch.departments.items():
            if department is None and did in self._departments and any(
                    p.department_id == did and p.id not in patched
                    for p in self._positions.values()):
                raise broken
        for _rid, relation in patch.relations.items():
            if relation is not None and not (present(relation.source_id)
                                             and present(relation.target_id)):
                raise broken
        if any(position is None for position in patched.values()):
            for relation in self._relations.values():
                if relation.id not in patch.relations and not (
                        present(relation.source_id) and present(relation.target_id)):
                    raise broken
        reaches_root: set[PositionId] = set()
        for start, position in patched.items():
            if position is None:
                continue
            walk: list[PositionId] = []
            on_walk: set[PositionId] = set()
            step: PositionId | None = start
            while step is not None and step not in reaches_root:
                if step in on_walk or not present(step):
                    raise broken
                walk.append(step)
                on_walk.add(step)
                step = superior_of(step)
            reaches_root.update(walk)

    def copy(self) -> Organisation:
        """An independent organisation with the same entities, info and settings.

        Entities are immutable and shared; settings (JSON values) are copied deeply,
        so a worker thread may read the copy while the window goes on editing.
        """
        return Organisation(self.info, self._departments.values(), self._positions.values(),
                            self._relations.values(), copy.deepcopy(self.settings))

    # ------------------------------------------------------------- comparison
    def snapshot(self) -> tuple[object, ...]:
        """A comparable value of the whole document (tests: save → reopen equal)."""
        return (
            self.info,
            tuple(self.departments),
            tuple(sorted(self._positions.values(), key=lambda p: p.id)),
            tuple(self.relations),
            tuple(sorted((k, repr(v)) for k, v in self.settings.items())),
        )
