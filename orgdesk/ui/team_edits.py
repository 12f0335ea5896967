"""How far a pulled or published document is ahead of its library version (issue 15).

"Ahead of the server by N edits" counts what differs between the document and the
version it is based on — its `team_origin` — item by item, not the undo steps taken:

* each position added, removed or changed (any of its fields, its superior included);
* each manager whose reports kept the same people but changed their order;
* each department and each dotted-line relation added, removed or changed;
* each document setting changed (the origin and the id high-water mark are
  bookkeeping, not edits), and the document's title, client, author or notes
  (the save time is not an edit);
* each scenario added or removed (matched by name; the others are compared
  item by item as above).

So the count is what a publish would send: typing a title and typing it back is no
edit, undoing back to the base gives 0, and since it depends only on the document
and an immutable version it is the same after Save, a reopen or a crash recovery.
An undo-step count would be none of these (ten renames of one box are one change
to publish; a reopened file has no undo steps left).

The base version is kept in a local cache (team/bases.py), written by every pull
and publish, the window's and the CLI's, so the count also works offline; a version
not cached (a file pulled by an older orgdesk) is fetched once from the library.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import HIGH_WATER_SETTING, TEAM_ORIGIN_SETTING

#: Settings that are bookkeeping rather than the consultant's edits.
_NOT_EDITS = frozenset({TEAM_ORIGIN_SETTING, HIGH_WATER_SETTING})


@dataclass(frozen=True, slots=True)
class Edits:
    """What differs from the base version, by kind; `total` is the status bar's N."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    other: int = 0  # departments, relations, settings, the document's info, scenarios

    @property
    def total(self) -> int:
        return self.added + self.changed + self.removed + self.other

    def __add__(self, more: Edits) -> Edits:
        return Edits(self.added + more.added, self.changed + more.changed,
                     self.removed + more.removed, self.other + more.other)


def _same_position(old: Position, new: Position) -> bool:
    """Equal apart from the raw `order` number (sibling order is compared as an order)."""
    return old == new or (old.order != new.order and replace(new, order=old.order) == old)


def organisation_edits(base: Organisation, current: Organisation) -> Edits:
    """The edits from `base` to `current` (one scenario)."""
    return ScenarioEdits(base, current).edits()


class ScenarioEdits:
    """The edits from one scenario of the base version to the window's organisation,
    kept up to date edit by edit (`update`): an edit touches a few positions, and
    recounting 10,000 after each would hold the window up ~0.1 s."""

    def __init__(self, base: Organisation, current: Organisation) -> None:
        self.base = base
        self.current = current
        self._old = {p.id: p for p in base.positions_by_id()}
        #: The positions that differ, by kind ("added", "changed", "removed").
        self._kinds: dict[PositionId, str] = {}
        #: The managers (None: the top level) whose common reports changed order.
        self._reordered: set[PositionId | None] = set()
        new = {p.id: p for p in current.positions_by_id()}
        candidates: set[PositionId | None] = set()
        for pid, position in new.items():
            before = self._old.get(pid)
            if before is None:
                self._kinds[pid] = "added"
            elif before != position:
                if not _same_position(before, position):
                    self._kinds[pid] = "changed"
                if before.order != position.order:
                    candidates.add(position.superior_id)
        for pid in self._old:
            if pid not in new:
                self._kinds[pid] = "removed"
        for superior in candidates:
            self._check_order(superior)

    def update(self, changes: ChangeSet) -> None:
        """Follow one edit (or undo) of `current`, from what it says it touched."""
        superiors: set[PositionId | None] = set()
        for pid in {*changes.positions_added, *changes.positions_updated,
                    *changes.positions_removed}:
            before = self._old.get(pid)
            now = self.current.position(pid) if pid in self.current else None
            if before is not None:
                superiors.add(before.superior_id)
            if now is not None:
                superiors.add(now.superior_id)
            if before is None:
                kind = "" if now is None else "added"
            elif now is None:
                kind = "removed"
            else:
                kind = "" if _same_position(before, now) else "changed"
            if kind:
                self._kinds[pid] = kind
            else:
                self._kinds.pop(pid, None)
        for superior in superiors:
            self._check_order(superior)

    def _check_order(self, superior: PositionId | None) -> None:
        """Whether the reports `superior` has in both kept their order among themselves
        (an added or removed manager is counted as such, not its reports' order)."""
        if superior is not None and (superior not in self._old or superior not in self.current):
            self._reordered.discard(superior)
            return
        before, now = self.base.report_ids(superior), self.current.report_ids(superior)
        common = set(before).intersection(now)
        if [p for p in before if p in common] != [p for p in now if p in common]:
            self._reordered.add(superior)
        else:
            self._reordered.discard(superior)

    def edits(self) -> Edits:
        kinds = list(self._kinds.values())
        base, current = self.base, self.current
        other = len(self._reordered)
        other += _by_id({d.id: d for d in base.departments},
                        {d.id: d for d in current.departments})
        other += _by_id({r.id: r for r in base.relations}, {r.id: r for r in current.relations})
        settings = {k: v for k, v in base.settings.items() if k not in _NOT_EDITS}
        other += _by_id(settings, {k: v for k, v in current.settings.items()
                                   if k not in _NOT_EDITS})
        a, b = base.info, current.info
        if (a.title, a.client, a.author, a.notes) != (b.title, b.client, b.author, b.notes):
            other += 1
        return Edits(kinds.count("added"), kinds.count("changed"), kinds.count("removed"),
                     other)


def _by_id(old: Mapping[Any, object], new: Mapping[Any, object]) -> int:
    return sum(1 for key in old.keys() | new.keys() if old.get(key, _MISSING)
               != new.get(key, _MISSING))


_MISSING = object()
