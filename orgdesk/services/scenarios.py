"""`ScenarioService`: create, rename, delete, reorder and switch a document's scenarios.

Every operation is one transaction on the working copy (see
`orgdesk.storage.scenarios` for how scenarios are stored) and comes back as a
`ScenarioEdit`: the primitive steps it performed, each with every value
needed to undo it (a deleted scenario's snapshot included).  Undo is the
inverse steps in reverse order, applied the same way — so the undo stack,
the undo journal beside the working copy and the CLI all use the same
plain data.  A switch replaces the service's organisation object (views
take the new one from `DocumentService.org`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.organisation import Organisation
from orgdesk.services.editor import DocumentService
from orgdesk.services.scenario_names import clashes, means_default
from orgdesk.storage import scenarios as store
from orgdesk.storage.mapping import driver
from orgdesk.storage.scenario_table import DEFAULT_NAME, chosen_by
from orgdesk.storage.scenario_table import MAX_NAME_LENGTH as MAX_NAME_LENGTH
from orgdesk.storage.scenarios import ScenarioInfo

#: The worker that reads scenarios ahead (one: the window's thread needs the other core).
_READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="orgdesk-scenarios")
#: Scenarios kept in memory after switching away (each as big as its organisation).
KEEP_AT_MOST = 2


class ScenarioError(UserError):
    """A scenario operation refused: a bad name, the last scenario, an unknown one."""


@dataclass(frozen=True, slots=True)
class Step:
    """One primitive scenario change, with what undoing it needs.

    kind: "add" (an inactive scenario `id` named `name` at `ordinal` with
    `snapshot`), "remove" (the same, gone), "rename" (`old` → `name`),
    "order" (the ids in `old_order` → `order`), "switch" (active `old_id` → `id`).
    """

    kind: str
    id: int = 0
    name: str = ""
    ordinal: int = 0
    snapshot: str | None = None
    old: str = ""
    old_id: int = 0
    order: tuple[int, ...] = ()
    old_order: tuple[int, ...] = ()

    def inverse(self) -> Step:
        if self.kind == "add":
            return replace(self, kind="remove")
        if self.kind == "remove":
            return replace(self, kind="add")
        if self.kind == "rename":
            return replace(self, name=self.old, old=self.name)
        if self.kind == "order":
            return replace(self, order=self.old_order, old_order=self.order)
        return replace(self, id=self.old_id, old_id=self.id)

    def to_json(self) -> dict[str, Any]:
        return {"k": self.kind, "id": self.id, "name": self.name, "ordinal": self.ordinal,
                "snapshot": self.snapshot, "old": self.old, "old_id": self.old_id,
                "order": list(self.order), "old_order": list(self.old_order)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Step:
        kind = str(data["k"])
        if kind not in ("add", "remove", "rename", "order", "switch"):
            raise ValueError(kind)
        snapshot = data["snapshot"]
        return cls(kind, int(data["id"]), str(data["name"]), int(data["ordinal"]),
                   None if snapshot is None else str(snapshot), str(data["old"]),
                   int(data["old_id"]), tuple(map(int, data["order"])),
                   tuple(map(int, data["old_order"])))


@dataclass(frozen=True)
class ScenarioEdit:
    """What one scenario operation did: its steps in order (undo: `inverse()`)."""

    steps: tuple[Step, ...]

    def inverse(self) -> ScenarioEdit:
        return ScenarioEdit(tuple(step.inverse() for step in reversed(self.steps)))

    @property
    def switched(self) -> bool:
        return any(step.kind == "switch" for step in self.steps)

    def to_json(self) -> list[dict[str, Any]]:
        return [step.to_json() for step in self.steps]

    @classmethod
    def from_json(cls, data: Sequence[dict[str, Any]]) -> ScenarioEdit:
        return cls(tuple(Step.from_json(item) for item in data))


def check_name(name: str, others: Iterable[str]) -> str:
    """`name` cleaned of surrounding spaces; ScenarioError with one sentence if unusable."""
    name = name.strip()
    if not name:
        raise ScenarioError(Sentence.of("A scenario needs a name."))
    if len(name) > MAX_NAME_LENGTH:
        raise ScenarioError(Sentence.of(
            "A scenario name can be at most {limit} characters long.", limit=MAX_NAME_LENGTH))
    if store.has_control_characters(name):
        raise ScenarioError(Sentence.of("A scenario name cannot hold control characters."))
    # Not only the same text: “Current state” is the default's name in English.
    if any(clashes(name, other) for other in others):
        raise ScenarioError(Sentence.of("There is already a scenario named “{name}”.",
                                        name=name))
    return name


class ScenarioService:
    """The scenarios of one open document (its `DocumentService`)."""

    def __init__(self, documents: DocumentService) -> None:
        self.documents = documents
        #: Scenarios this process switched away from, ready to switch back to without
        #: reading their snapshots (used only while the stored text is still theirs).
        self._kept: dict[int, store.Loaded] = {}
        #: What the tables were filled from at the last switch (None: as opened).
        self._installed: store.Loaded | None = None
        #: Scenarios being read ahead in a worker thread (see `prefetch`).
        self._pending: dict[int, Future[store.Loaded]] = {}

    @property
    def _where(self) -> Path:
        return self.documents.file.path or Path(self.documents.file.display_name)

    # ------------------------------------------------------------ reading
    def scenarios(self) -> list[ScenarioInfo]:
        with self.documents.file.transaction() as session:
            return store.list_scenarios(driver(session), self._where)

    def active(self) -> ScenarioInfo:
        return next(s for s in self.scenarios() if s.active)

    def find(self, name: str) -> ScenarioInfo:
        """The scenario called `name`; ScenarioError naming the ones there are."""
        listed = self.scenarios()
        at = chosen_by([s.name for s in listed], name)
        if at is None:
            raise store.unknown_scenario(name, [s.name for s in listed])
        return listed[at]

    def organisation(self, sid: int) -> Organisation:
        """The organisation of scenario `sid` (the active one is the document's own)."""
        with self.documents.file.transaction() as session:
            conn = driver(session)
            listed = store.list_scenarios(conn, self._where)
            scenario = self._of(listed, sid)
            if scenario.active:
                return self.documents.org
            stored = store.stored_snapshot(conn, sid)
            kept = self._kept.get(sid)
            if kept is not None and kept.text is not None and kept.text == stored:
                return kept.org  # as this process left it, and still stored so
            return store.load_snapshot(stored, self.documents.org.info, self._where).org

    def prefetch(self) -> None:
        """Read the first scenarios other than the open one ahead, in a worker thread.

        A first switch to a 10,000-position scenario spends most of its time
        decoding and validating the snapshot; done ahead while the window is
        idle, the switch finds it ready (used only if its stored text is still
        the one read).  The texts are read here, on the document's thread.
        """
        listed = [s for s in self.scenarios() if not s.active][:KEEP_AT_MOST]
        if not listed:
            return
        with self.documents.file.transaction() as session:
            texts = {s.id: store.stored_snapshot(driver(session), s.id) for s in listed}
        info = self.documents.org.info
        for sid, text in texts.items():
            kept = self._kept.get(sid)
            pending = self._pending.get(sid)
            if (kept is not None and kept.text == text) or (pending is not None
                                                            and not pending.done()):
                continue
            self._pending[sid] = _READER.submit(store.load_snapshot, text, info, self._where)

    # ---------------------------------------------------------- operations
    def create(self, name: str, switch: bool = False) -> ScenarioEdit:
        """A new scenario named `name`: a copy of the active one, placed after it."""
        listed = self.scenarios()
        name = check_name(name, (s.name for s in listed))
        active = next(s for s in listed if s.active)
        with self._steps() as run:
            conn = run.conn
            store.materialise(conn)
            sid = store.next_id(conn)
            ordinal = [s.id for s in listed].index(active.id) + 1
            run.add(Step("add", sid, name, ordinal, store.snapshot_of(self.documents.org)))
            if switch:
                run.add(Step("switch", sid, old_id=active.id))
        return run.edit

    def rename(self, sid: int, name: str) -> ScenarioEdit:
        listed = self.scenarios()
        scenario = self._of(listed, sid)
        name = check_name(name, (s.name for s in listed if s.id != sid))
        if name == scenario.name or (scenario.name == DEFAULT_NAME and means_default(name)):
            return ScenarioEdit(())  # the default confirmed as shown stays orgdesk's name
        with self._steps() as run:
            store.materialise(run.conn)
            run.add(Step("rename", sid, name, old=scenario.name))
        return run.edit

    def delete(self, sid: int) -> ScenarioEdit:
        """Delete scenario `sid`; the open one is first switched to its neighbour."""
        listed = self.scenarios()
        scenario = self._of(listed, sid)
        if len(listed) == 1:
            raise ScenarioError(Sentence.of(
                "“{name}” is the document's only scenario and cannot be deleted.",
                name=scenario.name))
        with self._steps() as run:
            if scenario.active:
                index = listed.index(scenario)
                neighbour = listed[index + 1] if index + 1 < len(listed) else listed[index - 1]
                run.add(Step("switch", neighbour.id, old_id=sid))
            ordinal = listed.index(scenario)
            run.add(Step("remove", sid, scenario.name, ordinal,
                         store.stored_snapshot(run.conn, sid)))
        return run.edit

    def move(self, sid: int, index: int) -> ScenarioEdit:
        """Put scenario `sid` at position `index` of the list (clamped)."""
        listed = self.scenarios()
        self._of(listed, sid)
        old = tuple(s.id for s in listed)
        new = [i for i in old if i != sid]
        new.insert(max(0, min(index, len(new))), sid)
        if tuple(new) == old:
            return ScenarioEdit(())
        with self._steps() as run:
            store.materialise(run.conn)
            run.add(Step("order", order=tuple(new), old_order=old))
        return run.edit

    def switch(self, sid: int) -> ScenarioEdit:
        listed = self.scenarios()
        target = self._of(listed, sid)
        if target.active:
            return ScenarioEdit(())
        active = next(s for s in listed if s.active)
        with self._steps() as run:
            run.add(Step("switch", sid, old_id=active.id))
        return run.edit

    def apply(self, edit: ScenarioEdit) -> None:
        """Perform recorded steps again (undo applies `edit.inverse()`), one transaction."""
        with self._steps() as run:
            for step in edit.steps:
                run.add(step)

    # ------------------------------------------------------------ internals
    @staticmethod
    def _of(listed: list[ScenarioInfo], sid: int) -> ScenarioInfo:
        for scenario in listed:
            if scenario.id == sid:
                return scenario
        raise ScenarioError(Sentence.of("That scenario no longer exists."))

    @contextmanager
    def _steps(self) -> Iterator[_Run]:
        if self.documents._batch is not None:
            raise RuntimeError("scenario operations cannot run inside an edit's batch")
        with self.documents.file.transaction() as session:
            run = _Run(driver(session), self.documents.org, self._where, self._kept,
                       self._installed, self._pending)
            yield run
        # Committed: only now does the document show the scenario switched to.
        if run.org is not self.documents.org:
            self.documents.org = run.org
            self._installed = run.installed


class _Run:
    """The steps of one transaction, performed as they are added."""

    def __init__(self, conn: Any, org: Organisation, where: Path,
                 kept: dict[int, store.Loaded], installed: store.Loaded | None,
                 pending: dict[int, Future[store.Loaded]]) -> None:
        self.conn = conn
        self.installed = installed
        self.pending = pending
        self.org = org
        self.where = where
        self.kept = kept
        self.done: list[Step] = []

    @property
    def edit(self) -> ScenarioEdit:
        return ScenarioEdit(tuple(self.done))

    def add(self, step: Step) -> None:
        conn = self.conn
        if step.kind == "add":
            store.materialise(conn)
            order = [s.id for s in store.list_scenarios(conn, self.where)]
            store.insert(conn, step.id, step.name, len(order), step.snapshot)
            order.insert(min(step.ordinal, len(order)), step.id)
            store.set_order(conn, order)
        elif step.kind == "remove":
            store.delete(conn, step.id)
            store.set_order(conn, [s.id for s in store.list_scenarios(conn, self.where)])
        elif step.kind == "rename":
            store.materialise(conn)
            store.rename(conn, step.id, step.name)
        elif step.kind == "order":
            store.materialise(conn)
            store.set_order(conn, step.order)
        else:
            target, left = store.switch(conn, self.org, step.old_id, step.id, self.where,
                                        self._ready(step.id), self.installed)
            self.org, self.installed = target.org, target
            self.kept[step.old_id] = left
            while len(self.kept) > KEEP_AT_MOST:
                del self.kept[next(iter(self.kept))]
        self.done.append(step)

    def _ready(self, sid: int) -> store.Loaded | None:
        """Scenario `sid` as kept in memory or read ahead (`store.switch` checks it is still
        what is stored); None if neither."""
        kept = self.kept.pop(sid, None)
        future = self.pending.pop(sid, None)
        if kept is None and future is not None:
            try:
                kept = future.result()
            except UserError:
                return None  # read again by the switch, which says what is wrong
        return kept
