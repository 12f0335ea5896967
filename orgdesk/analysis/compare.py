"""Comparing two versions of an organisation, like Visio's Compare Organization Data.

When both versions carry the keys of the source they were imported from
(`Position.source_id`, most positions keyed and the keys unique), positions
are matched by those keys first: two imports of one client file renumber
non-integer keys by row order, and a title changed in the client's data is
then a rename, not a removal and an addition.  The positions left (created
in orgdesk, or keyed on one side only) go through the steps below.

Positions are matched by their stable ids when the two files share them (two
saves of one document).  Files that came from an import get new ids, so
when fewer than half of the shared ids still carry the same title the ids
are not trusted, and positions are matched top-down on title + superior
instead: a position pairs with an unmatched one of the same title whose
superior is its superior's match (or, for a superior that has no match, has
the same title).  That walk pairs four identical "项目组长 → 话务员" groups
group by group, in sibling order.  A position left over whose title is
unique among the leftovers of both versions is then paired too: it moved.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import Enum

from orgdesk.analysis.texts import kpi_line, requirement_lines
from orgdesk.core.errors import Sentence
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation, Totals


class ChangeKind(str, Enum):
    """What happened to a position between the two versions."""

    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    RENAMED = "renamed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a matched position, before and after, as readable text."""

    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class PositionChange:
    """One change of one position; a renamed and moved position has two."""

    kind: ChangeKind
    old_id: PositionId | None  # None for an added position
    new_id: PositionId | None  # None for a removed position
    title: str  # the new title (the old one for a removed position)
    detail: str  # one English sentence
    fields: tuple[FieldChange, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind.value, "old_id": self.old_id, "new_id": self.new_id,
                "title": self.title, "detail": self.detail,
                "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in self.fields]}


@dataclass(frozen=True, slots=True)
class DepartmentDelta:
    """Positions and seats of one department (matched by name) before and after."""

    name: str  # "" for positions without a department
    old_positions: int
    new_positions: int
    old_planned: int
    new_planned: int
    old_filled: int
    new_filled: int

    @property
    def planned_delta(self) -> int:
        return self.new_planned - self.old_planned

    @property
    def filled_delta(self) -> int:
        return self.new_filled - self.old_filled

    @property
    def positions_delta(self) -> int:
        return self.new_positions - self.old_positions

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "old_positions": self.old_positions,
                "new_positions": self.new_positions, "old_planned": self.old_planned,
                "new_planned": self.new_planned, "planned_delta": self.planned_delta,
                "old_filled": self.old_filled, "new_filled": self.new_filled,
                "filled_delta": self.filled_delta}


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything that differs between an old and a new version."""

    changes: tuple[PositionChange, ...]
    departments: tuple[DepartmentDelta, ...]  # only departments whose figures changed
    old_totals: Totals
    new_totals: Totals
    ids_trusted: bool  # False: matched on title + superior (files from an import)
    matched: dict[PositionId, PositionId] = field(default_factory=dict)  # new id → old id
    by_source_id: bool = False  # True: matched first by the source's keys (source_id)

    @property
    def is_empty(self) -> bool:
        return not self.changes and not self.departments

    def changed_new_ids(self) -> list[PositionId]:
        """Positions of the new version to highlight, each once, in change order."""
        seen: dict[PositionId, None] = {}
        for change in self.changes:
            if change.new_id is not None:
                seen.setdefault(change.new_id)
        return list(seen)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind is kind)

    def to_dict(self) -> dict[str, object]:
        return {
            "identical": self.is_empty,
            "matched_by": "source id" if self.by_source_id else
                          "id" if self.ids_trusted else "title and superior",
            "summary": {kind.value: self.count(kind) for kind in ChangeKind},
            "totals": {"old_planned": self.old_totals.planned,
                       "new_planned": self.new_totals.planned,
                       "planned_delta": self.new_totals.planned - self.old_totals.planned,
                       "old_positions": self.old_totals.positions,
                       "new_positions": self.new_totals.positions},
            "changes": [c.to_dict() for c in self.changes],
            "departments": [d.to_dict() for d in self.departments],
        }


# ----------------------------------------------------------------- matching
def _ids_trusted(old: Organisation, new: Organisation) -> bool:
    common = {p.id for p in old.positions()} & {p.id for p in new.positions()}
    same = sum(1 for pid in common if old.position(pid).title == new.position(pid).title)
    return bool(common) and 2 * same >= len(common)


class _Candidates:
    """Unmatched old positions filed under a key, each list in tree order.

    `first` skips the ones matched since (through another key) with a cursor
    that only moves forward, so finding the first fitting candidate costs
    amortised constant time: four thousand "座席员" under one team leader are
    not scanned once per new "座席员".
    """

    def __init__(self) -> None:
        self.lists: dict[tuple[object, ...], list[Position]] = defaultdict(list)
        self.cursor: dict[tuple[object, ...], int] = defaultdict(int)

    def add(self, key: tuple[object, ...], position: Position) -> None:
        self.lists[key].append(position)

    def first(self, key: tuple[object, ...], used: set[PositionId]) -> Position | None:
        found = self.lists.get(key)
        if not found:
            return None
        at = self.cursor[key]
        while at < len(found) and found[at].id in used:
            at += 1
        self.cursor[key] = at
        return found[at] if at < len(found) else None


def _unique_source_ids(org: Organisation) -> dict[str, PositionId] | None:
    """Source id → position for keys held by one position only; None unless such
    keys identify most (more than half) of the positions."""
    seen: dict[str, PositionId] = {}
    repeated: set[str] = set()
    for position in org.positions():
        key = position.source_id
        if key:
            if key in seen:
                repeated.add(key)
            seen[key] = position.id
    for key in repeated:
        del seen[key]
    return seen if 2 * len(seen) > len(org) else None


def _source_id_pairs(old: Organisation, new: Organisation) -> dict[PositionId, PositionId]:
    """New id → old id of positions carrying the same source key; {} when either
    version is not keyed well enough to trust its keys."""
    before, after = _unique_source_ids(old), _unique_source_ids(new)
    if not before or not after:
        return {}
    return {pid: before[key] for key, pid in after.items() if key in before}


def match_positions(old: Organisation, new: Organisation) -> tuple[dict[PositionId, PositionId],
                                                                   bool]:
    """New id → old id for every position present in both, and whether ids were trusted."""
    pairs, trusted, _keyed = _match(old, new)
    return pairs, trusted


def _match(old: Organisation, new: Organisation
           ) -> tuple[dict[PositionId, PositionId], bool, bool]:
    """The pairs, whether ids were trusted, and whether source ids matched first."""
    pairs = _source_id_pairs(old, new)
    keyed = bool(pairs)
    if not keyed and _ids_trusted(old, new):
        common = {p.id for p in old.positions()} & {p.id for p in new.positions()}
        return {pid: pid for pid in common}, True, False
    # Unmatched old positions by title and by what a new position's superior can
    # require of them: a matched superior (its old id), or for an unmatched
    # superior, the superior's title.  None stands for "at the top".
    by_superior = _Candidates()
    by_superior_title = _Candidates()
    free: dict[str, list[Position]] = defaultdict(list)  # old positions by title
    for position in old.positions():
        free[position.title].append(position)
        by_superior.add((position.title, position.superior_id), position)
        if position.superior_id is not None:
            by_superior_title.add((position.title, old.position(position.superior_id).title),
                                  position)
    used: set[PositionId] = set(pairs.values())

    def superior_fits(candidate: Position, position: Position) -> bool:
        if position.superior_id is None:
            return candidate.superior_id is None
        if position.superior_id in pairs:
            return candidate.superior_id == pairs[position.superior_id]
        return (candidate.superior_id is not None and old.position(candidate.superior_id).title
                == new.position(position.superior_id).title)

    def first_fitting(position: Position) -> Position | None:
        """The first unmatched old position (tree order) `superior_fits` accepts."""
        if position.superior_id is None:
            return by_superior.first((position.title, None), used)
        if position.superior_id in pairs:
            return by_superior.first((position.title, pairs[position.superior_id]), used)
        return by_superior_title.first(
            (position.title, new.position(position.superior_id).title), used)

    def renamed_in_place(position: Position) -> bool:
        """Same id, same superior, another title: the one id match kept without trust."""
        if position.id not in old or position.id in used:
            return False
        before = old.position(position.id).superior_id
        if position.superior_id is None:
            return before is None
        return position.superior_id in pairs and pairs[position.superior_id] == before

    for position in new.positions():  # top-down, so a superior is matched before its reports
        if position.id in pairs:  # by its source id
            continue
        chosen: Position | None = None
        if position.id in old and position.id not in used:  # the same id is preferred
            same = old.position(position.id)
            if same.title == position.title and superior_fits(same, position):
                chosen = same
        if chosen is None:
            chosen = first_fitting(position)
        if chosen is None and renamed_in_place(position):
            chosen = old.position(position.id)
        if chosen is None:
            continue
        pairs[position.id] = chosen.id
        used.add(chosen.id)
    # What is left and has a title found exactly once on each side moved.
    left_old = Counter(p.title for p in old.positions() if p.id not in used)
    left_new = [p for p in new.positions() if p.id not in pairs]
    counts_new = Counter(p.title for p in left_new)
    for position in left_new:
        if left_old[position.title] == 1 and counts_new[position.title] == 1:
            pairs[position.id] = next(p.id for p in free[position.title] if p.id not in used)
    return pairs, False, keyed


# ------------------------------------------------------------------ changes
def _department_name(org: Organisation, position: Position) -> str:
    return "" if position.department_id is None else org.department(position.department_id).name


def _fields(old: Organisation, new: Organisation, before: Position, after: Position
            ) -> list[FieldChange]:
    if before == after and _department_name(old, before) == _department_name(new, after):
        return []  # two scenarios of one document share most positions: no texts to build
    pairs = [
        ("department", _department_name(old, before), _department_name(new, after)),
        ("kind", before.kind.value, after.kind.value),
        ("level", before.level, after.level),
        ("planned_headcount", str(before.planned_headcount), str(after.planned_headcount)),
        ("filled_headcount", str(before.filled_headcount), str(after.filled_headcount)),
        ("headcount_note", before.headcount_note, after.headcount_note),
        ("duties", "\n".join(before.duties), "\n".join(after.duties)),
        ("requirements", "\n".join(requirement_lines(before.requirements)),
         "\n".join(requirement_lines(after.requirements))),
        ("kpis", "\n".join(kpi_line(k) for k in before.kpis),
         "\n".join(kpi_line(k) for k in after.kpis)),
        ("career_path", before.career_path, after.career_path),
        ("notes", before.notes, after.notes),
        ("source_id", before.source_id, after.source_id),
        ("holders", "\n".join(before.holders), "\n".join(after.holders)),
        ("pay", _pay_text(before), _pay_text(after)),  # file format 3
        ("on_cost_percent", str(before.on_cost_percent), str(after.on_cost_percent)),
    ]
    changed = [FieldChange(name, a, b) for name, a, b in pairs if a != b]
    # Requirements compare as values: two different values may read the same.
    if before.requirements != after.requirements and not any(
            f.field == "requirements" for f in changed):
        changed.append(FieldChange("requirements", repr(before.requirements),
                                   repr(after.requirements)))
    return changed


#: The compared fields' names: Sentences, so an interface shows them in its language.
FIELD_NAMES = {"department": Sentence.of("department"), "kind": Sentence.of("line/staff kind"),
               "level": Sentence.of("level"), "planned_headcount": Sentence.of("planned headcount"),
               "filled_headcount": Sentence.of("filled headcount"),
               "headcount_note": Sentence.of("headcount note"), "duties": Sentence.of("duties"),
               "requirements": Sentence.of("requirements"), "kpis": Sentence.of("KPIs"),
               "career_path": Sentence.of("career path"), "notes": Sentence.of("notes"),
               "source_id": Sentence.of("source id"), "holders": Sentence.of("holders"),
               "pay": Sentence.of("monthly pay"), "on_cost_percent": Sentence.of("on-cost %")}


def _pay_text(position: Position) -> str:
    """"4500-6000", one figure "5000", or "" when no pay is set."""
    low, high = position.pay_min, position.pay_max
    return f"{low}-{high}" if low and high and low != high else str(low or high or "")


def _describe_fields(fields: list[FieldChange]) -> Sentence:
    """"Changed planned headcount 12 → 14, duties." as a translatable Sentence."""
    parts: list[Sentence] = []
    for change in fields:
        name = FIELD_NAMES[change.field]
        if change.field in ("planned_headcount", "filled_headcount", "department", "kind",
                            "pay", "on_cost_percent"):
            parts.append(Sentence.of("{name} {old} → {new}", name=name, old=change.old or "—",
                                     new=change.new or "—"))
        else:
            parts.append(name)
    listed = parts[0]
    for part in parts[1:]:  # nested, so each separator is translated too ("、")
        listed = Sentence.of("{first}, {second}", first=listed, second=part)
    return Sentence.of("Changed {fields}.", fields=listed)


_UNMATCHED = object()


def _superior_title(org: Organisation, pid: PositionId | None) -> str:
    return Sentence.of("the top level") if pid is None else f"“{org.position(pid).title}”"


def compare(old: Organisation, new: Organisation) -> Comparison:
    """What changed from `old` to `new`."""
    pairs, trusted, keyed = _match(old, new)
    matched_old = set(pairs.values())
    changes: list[PositionChange] = []
    for after in new.positions():
        if after.id not in pairs:
            changes.append(PositionChange(
                ChangeKind.ADDED, None, after.id, after.title,
                Sentence.of("Added “{title}” under {superior}.", title=after.title,
                            superior=_superior_title(new, after.superior_id))))
            continue
        before = old.position(pairs[after.id])
        if before.title != after.title:
            changes.append(PositionChange(
                ChangeKind.RENAMED, before.id, after.id, after.title,
                Sentence.of("Renamed “{old}” to “{new}”.", old=before.title, new=after.title)))
        # The old superior the new one corresponds to; a new superior has none.
        if after.superior_id is None:
            expected: PositionId | object | None = None
        else:
            expected = pairs.get(after.superior_id, _UNMATCHED)
        if expected != before.superior_id:
            changes.append(PositionChange(
                ChangeKind.MOVED, before.id, after.id, after.title,
                Sentence.of("Moved “{title}” from {old} to {new}.", title=after.title,
                            old=_superior_title(old, before.superior_id),
                            new=_superior_title(new, after.superior_id))))
        fields = _fields(old, new, before, after)
        if fields:
            changes.append(PositionChange(ChangeKind.CHANGED, before.id, after.id, after.title,
                                          _describe_fields(fields), tuple(fields)))
    for before in old.positions():
        if before.id not in matched_old:
            changes.append(PositionChange(
                ChangeKind.REMOVED, before.id, None, before.title,
                Sentence.of("Removed “{title}” from under {superior}.", title=before.title,
                            superior=_superior_title(old, before.superior_id))))
    return Comparison(tuple(changes), tuple(_department_deltas(old, new)), old.totals(),
                      new.totals(), trusted, pairs, keyed)


def _by_department(org: Organisation) -> dict[str, list[Position]]:
    groups: dict[str, list[Position]] = {d.name: [] for d in org.departments}
    for position in org.positions():
        groups.setdefault(_department_name(org, position), []).append(position)
    return groups


def _department_deltas(old: Organisation, new: Organisation) -> list[DepartmentDelta]:
    before, after = _by_department(old), _by_department(new)
    names = list(after) + [n for n in before if n not in after]
    deltas = []
    for name in names:
        a, b = before.get(name, []), after.get(name, [])
        delta = DepartmentDelta(
            name, len(a), len(b), sum(p.planned_headcount for p in a),
            sum(p.planned_headcount for p in b), sum(p.filled_headcount for p in a),
            sum(p.filled_headcount for p in b))
        if (delta.positions_delta, delta.planned_delta, delta.filled_delta) != (0, 0, 0) or (
                name in before) != (name in after):
            deltas.append(delta)
    return deltas
