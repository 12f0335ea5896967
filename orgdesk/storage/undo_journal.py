"""The undo history kept beside the working copy, so a recovered document can still be undone.

Every edit is committed to the working copy at once (see session.py); the
undo history lives in memory.  So that a crash does not cut the recovered
edits off from their history, each change of the undo stack is appended to
`undo.jsonl` in the session folder, one JSON line per change, fsynced:

    {"c": COUNTER, "keep": K, "add": [{"t": TEXT, "b": PATCH, "a": PATCH}, ...], "i": INDEX}

"keep the first K steps, then these steps; the current step is INDEX", with
the working copy's SQLite change counter as it was after the edit.  A line
is always written *after* its edit was committed, so on recovery the
history is trusted only when the last complete line's counter equals the
working copy's: a kill between a commit and its line (or a torn line)
leaves a history that no longer fits, and it is dropped rather than
offered as undo steps that would restore the wrong values.  The recovered
edits themselves are in the working copy either way.

Patches are plain JSON (positions, departments and relations in their dict
forms), read back through the entities' own constructors.
"""
from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from orgdesk.core.model import (
    DepartmentId,
    DocumentInfo,
    PositionId,
    Relation,
    RelationId,
    RelationKind,
)
from orgdesk.core.organisation import Organisation, StatePatch
from orgdesk.core.serialize import (
    department_from_dict,
    department_to_dict,
    position_from_dict,
    position_to_dict,
)
from orgdesk.files import fsync_path
from orgdesk.storage.session import JOURNAL_NAME, change_counter, write_durably

__all__ = ["JOURNAL_NAME", "History", "JournalStep", "UndoJournal"]
#: Lines appended before the journal is rewritten as one line of the live history.
COMPACT_AFTER = 400


@dataclass(frozen=True)
class JournalStep:
    """One undo step: its History text and the values before and after it."""

    text: str
    before: StatePatch
    after: StatePatch
    #: A scenario step (create, switch …: see services.scenarios) as its JSON list;
    #: its patches are then empty.
    scenario: list[Any] | None = None


@dataclass(frozen=True)
class History:
    """An undo history read back: the steps and how many of them are done."""

    steps: tuple[JournalStep, ...]
    index: int

    def fits(self, org: Organisation) -> bool:
        """True when `org` is exactly where this history says it is.

        The last done step's `after` and the next undone step's `before`
        must both be what the organisation holds now.
        """
        if not 0 <= self.index <= len(self.steps):
            return False
        if self.index and not patch_holds(org, self.steps[self.index - 1].after):
            return False
        return self.index == len(self.steps) or patch_holds(org, self.steps[self.index].before)


def patch_holds(org: Organisation, patch: StatePatch) -> bool:
    """True when every entity and setting `patch` names has that value in `org` (None: absent)."""
    for pid, position in patch.positions.items():
        if (org.position(pid) if pid in org else None) != position:
            return False
    departments = {d.id: d for d in org.departments}
    if any(departments.get(did) != department for did, department in patch.departments.items()):
        return False
    relations = {r.id: r for r in org.relations}
    if any(relations.get(rid) != relation for rid, relation in patch.relations.items()):
        return False
    if patch.info is not None and org.info != patch.info:
        return False
    return all(org.settings.get(key) == value for key, value in patch.settings.items())


# ------------------------------------------------------------------ patches as JSON
def _info_to_json(info: DocumentInfo) -> dict[str, str]:
    return {"title": info.title, "client": info.client, "author": info.author,
            "notes": info.notes, "created": info.created.isoformat(),
            "modified": info.modified.isoformat()}


def _info_from_json(data: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(str(data["title"]), str(data["client"]), str(data["author"]),
                        str(data["notes"]), datetime.fromisoformat(data["created"]),
                        datetime.fromisoformat(data["modified"]))


def _relation_to_json(relation: Relation) -> dict[str, Any]:
    return {"id": int(relation.id), "source": int(relation.source_id),
            "target": int(relation.target_id), "kind": relation.kind.value,
            "label": relation.label}


def _relation_from_json(data: dict[str, Any]) -> Relation:
    return Relation(RelationId(int(data["id"])), PositionId(int(data["source"])),
                    PositionId(int(data["target"])), RelationKind(data["kind"]),
                    str(data["label"]))


def patch_to_json(patch: StatePatch) -> dict[str, Any]:
    return {
        "p": [[int(k), None if v is None else position_to_dict(v)]
              for k, v in patch.positions.items()],
        "d": [[int(k), None if v is None else department_to_dict(v)]
              for k, v in patch.departments.items()],
        "r": [[int(k), None if v is None else _relation_to_json(v)]
              for k, v in patch.relations.items()],
        "i": None if patch.info is None else _info_to_json(patch.info),
        "s": dict(patch.settings),
    }


def patch_from_json(data: dict[str, Any]) -> StatePatch:
    """A patch read back; ValueError/KeyError/TypeError (or InvalidValueError) if malformed."""
    return StatePatch(
        positions={PositionId(int(k)): None if v is None else position_from_dict(v)
                   for k, v in data["p"]},
        departments={DepartmentId(int(k)): None if v is None else department_from_dict(v)
                     for k, v in data["d"]},
        relations={RelationId(int(k)): None if v is None else _relation_from_json(v)
                   for k, v in data["r"]},
        info=None if data["i"] is None else _info_from_json(data["i"]),
        settings=dict(data["s"]),
    )


def step_to_json(step: JournalStep) -> str:
    """One step's JSON text (kept by the writer, so compaction serialises nothing again)."""
    record = {"t": step.text, "b": patch_to_json(step.before), "a": patch_to_json(step.after)}
    if step.scenario is not None:
        record["x"] = step.scenario
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _step_from_json(data: dict[str, Any]) -> JournalStep:
    scenario = data.get("x")
    if scenario is not None and not isinstance(scenario, list):
        raise TypeError("a scenario step is a list")
    return JournalStep(str(data["t"]), patch_from_json(data["b"]), patch_from_json(data["a"]),
                       scenario)


# --------------------------------------------------------------------- the file
class UndoJournal:
    """The journal file of one session folder: appended by the editor, read on recovery."""

    def __init__(self, folder: Path, working: Path) -> None:
        self.path = folder / JOURNAL_NAME
        self.working = working
        self.broken = False
        self._lines = 0

    def _line(self, keep: int, added: list[str], index: int) -> str:
        counter = change_counter(self.working)
        return (f'{{"c":{counter},"keep":{keep},"i":{index},"add":[' + ",".join(added)
                + "]}\n")

    def append(self, keep: int, added: list[str], index: int) -> None:
        """Record "keep the first `keep` steps, add these, the index is `index`", durably.

        A journal that could not be written is removed and no longer kept:
        a history with a gap must never be offered (the edits themselves are
        safe in the working copy).
        """
        if self.broken:
            return
        try:
            created = not self.path.exists()
            line = self._line(keep, added, index).encode("utf-8", "surrogatepass")
            with open(self.path, "ab") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            if created:
                fsync_path(self.path.parent, directory=True)
            self._lines += 1
        except OSError:
            self.give_up()

    def rewrite(self, steps: list[str], index: int) -> None:
        """Replace the journal by one line holding the whole live history."""
        if self.broken:
            return
        try:
            write_durably(self.path, self._line(0, steps, index).encode(
                "utf-8", "surrogatepass"))
            self._lines = 1
        except OSError:
            self.give_up()

    @property
    def wants_compaction(self) -> bool:
        return self._lines >= COMPACT_AFTER

    def give_up(self) -> None:
        self.broken = True
        with contextlib.suppress(OSError):
            self.path.unlink()

    def discard(self) -> None:
        """Forget the history (a freshly opened document starts without one)."""
        self._lines = 0
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def read(self) -> History | None:
        """The history the journal describes, or None when it is missing or does not
        fit the working copy (see the module's docstring)."""
        try:
            raw = self.path.read_bytes()
            counter = change_counter(self.working)
        except OSError:
            return None
        steps: list[JournalStep] = []
        index = 0
        last_counter: int | None = None
        for line in raw.split(b"\n")[:-1]:  # a last piece without its newline is torn
            try:
                record = json.loads(line.decode("utf-8", "surrogatepass"))
                keep = int(record["keep"])
                if not 0 <= keep <= len(steps):
                    return None  # a line is missing: the history has a gap
                added = [_step_from_json(item) for item in record["add"]]
                index = int(record["i"])
                last_counter = int(record["c"])
            except (ValueError, KeyError, TypeError, AttributeError, IndexError):
                break  # a damaged line: what follows cannot be trusted
            del steps[keep:]
            steps.extend(added)
        if last_counter != counter or not 0 <= index <= len(steps):
            return None
        return History(tuple(steps), index)
