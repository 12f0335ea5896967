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

The base version's JSON (exactly what the library stores) is kept in a local cache
under the state folder, keyed by server, project and version — versions are never
changed, so a cached one never goes stale — so the count also works offline.  It is
written when the window publishes or opens a version, and fetched once from the
library for a file pulled elsewhere.
"""
from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import HIGH_WATER_SETTING, TEAM_ORIGIN_SETTING

if TYPE_CHECKING:
    from orgdesk.team.documents import TeamDocument

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
    old = {p.id: p for p in base.positions_by_id()}
    new = {p.id: p for p in current.positions_by_id()}
    added = removed = changed = 0
    # Managers whose reports may have been re-ordered: wherever a raw order moved.
    reordered: set[PositionId | None] = set()
    for pid, position in new.items():
        before = old.get(pid)
        if before is None:
            added += 1
        elif before != position:
            if not _same_position(before, position):
                changed += 1
            if before.order != position.order:
                reordered.add(position.superior_id)
    removed = sum(1 for pid in old if pid not in new)
    other = 0
    for superior in reordered:
        if superior is not None and (superior not in old or superior not in new):
            continue  # an added or removed manager is counted as such
        common = set(base.report_ids(superior)) & set(current.report_ids(superior))
        if [p for p in base.report_ids(superior) if p in common] != \
                [p for p in current.report_ids(superior) if p in common]:
            other += 1
    other += _by_id({d.id: d for d in base.departments}, {d.id: d for d in current.departments})
    other += _by_id({r.id: r for r in base.relations}, {r.id: r for r in current.relations})
    settings = {k: v for k, v in base.settings.items() if k not in _NOT_EDITS}
    other += _by_id(settings, {k: v for k, v in current.settings.items() if k not in _NOT_EDITS})
    a, b = base.info, current.info
    if (a.title, a.client, a.author, a.notes) != (b.title, b.client, b.author, b.notes):
        other += 1
    return Edits(added, changed, removed, other)


def _by_id(old: Mapping[Any, object], new: Mapping[Any, object]) -> int:
    return sum(1 for key in old.keys() | new.keys() if old.get(key, _MISSING)
               != new.get(key, _MISSING))


_MISSING = object()


def document_edits(base: TeamDocument, current: Sequence[tuple[str, Organisation]]) -> Edits:
    """The edits from a version's whole document to the window's scenarios (name, org)."""
    olds = {s.name: s.org for s in base.scenarios}
    news = dict(current)
    edits = Edits(other=sum(1 for name in olds.keys() ^ news.keys()))
    for name in olds.keys() & news.keys():
        edits += organisation_edits(olds[name], news[name])
    return edits


# ------------------------------------------------------------------ the local cache
def cache_dir() -> Path:
    from orgdesk.storage.session import state_dir

    return state_dir() / "team-bases"


def _cache_path(server: str, project: str, version: int) -> Path:
    key = hashlib.sha256("\0".join((server, project, str(version))).encode("utf-8",
                                                                          "surrogatepass"))
    return cache_dir() / f"{key.hexdigest()[:40]}.json.gz"


def remember_base(server: str, project: str, version: int, text: str) -> None:
    """Keep a version's JSON (as the library stores it) for counting edits offline.

    Best effort: a cache that cannot be written costs the offline count, nothing else.
    """
    target = _cache_path(server, project, version)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(gzip.compress(text.encode("utf-8", "surrogatepass"), compresslevel=1))
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def remembered_base(server: str, project: str, version: int) -> str | None:
    """A cached version's JSON, or None (never cached, or unreadable)."""
    try:
        raw = _cache_path(server, project, version).read_bytes()
        return gzip.decompress(raw).decode("utf-8", "surrogatepass")
    except (OSError, EOFError, ValueError, gzip.BadGzipFile):
        return None


def base_document(server: str, project: str, version: int) -> TeamDocument | None:
    """The cached base version parsed (on a worker thread: a large one takes a while)."""
    from orgdesk.core.errors import UserError
    from orgdesk.team.documents import team_document_from_text

    text = remembered_base(server, project, version)
    if text is None:
        return None
    try:
        return team_document_from_text(text, str(version))
    except UserError:
        return None  # a damaged cache file: as if there were none
