"""Three-way merge of two documents edited from one base, entity by entity and field by field.

`merge_team_documents` merges documents of several scenarios, scenario by scenario
(matched by name), each with `merge_documents`.

Pure Python over the documents' dict forms (io/json_format.document_dict): positions,
departments and relations are matched by id, settings by name, the document info by
field.  What one side changed and the other left as it was is taken; what both changed
alike is taken once; what both changed differently is a conflict, listed with a sentence
unless `prefer` ("mine" or "theirs") says which side wins.  Positions, departments and
relations both sides added under the same new id (each side counted up from the same
base) are different things: ours get fresh ids.  The merged reporting lines are checked
at the end: a position left under a deleted superior, or a cycle made of two moves that
were each fine alone, is a conflict too.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from orgdesk.core.errors import Sentence
from orgdesk.core.model import DocumentInfo
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import HIGH_WATER_SETTING, TEAM_ORIGIN_SETTING
from orgdesk.io.json_format import document_dict
from orgdesk.team.documents import Scenario, TeamDocument, document_from_dict, without_origin

Prefer = Literal["mine", "theirs"] | None
Entity = dict[str, Any]
#: The lists of a document merged by id, and the name of one entry of each in sentences.
_LISTS = (("departments", "department"), ("positions", "position"), ("relations", "relation"))
#: Fields whose disagreement is no conflict: the sibling order (ours wins, theirs if only
#: they moved it) and the time of the last change (the later one).
_QUIET_FIELDS = frozenset({"order"})


@dataclass(frozen=True, slots=True)
class Conflict:
    """One thing both sides changed differently (or one changed and the other deleted)."""

    kind: str  # "position", "department", "relation", "setting", "info" or "structure"
    key: str  # the id, setting name or info field
    sentence: Sentence


@dataclass(slots=True)
class MergeResult:
    """The merged document (dict form) and what could not be merged without a decision."""

    document: dict[str, Any]
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: dict[str, dict[int, int]] = field(default_factory=dict)  # list → our old → new id

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _label(kind: str, entity: Entity | None, fallback: Entity | None, key: int) -> str:
    for source in (entity, fallback):
        if source:
            name = source.get("title") or source.get("name") or source.get("label")
            if name:
                return f"“{name}”"
    return f"{kind} {key}"


def _by_id(document: Mapping[str, Any], key: str) -> dict[int, Entity]:
    return {int(item["id"]): item for item in document.get(key, [])}


def _renumber_ours(base: Mapping[str, Any], ours: dict[str, Any], theirs: Mapping[str, Any]
                   ) -> dict[str, dict[int, int]]:
    """Give our additions that collide with theirs fresh ids; references follow."""
    maps: dict[str, dict[int, int]] = {}
    for key, _kind in _LISTS:
        base_ids, their_items = _by_id(base, key), _by_id(theirs, key)
        our_items = _by_id(ours, key)
        highest = max([0, *base_ids, *their_items, *our_items])
        if key == "positions":
            highest = max(highest, *(int(d.get("settings", {}).get(HIGH_WATER_SETTING, 0) or 0)
                                     for d in (base, ours, theirs)))
        mapping: dict[int, int] = {}
        for pid, item in sorted(our_items.items()):
            if pid not in base_ids and pid in their_items and their_items[pid] != item:
                highest += 1
                mapping[pid] = highest
        if mapping:
            maps[key] = mapping
    positions, departments, relations = (maps.get(k, {}) for k in
                                         ("positions", "departments", "relations"))
    for item in ours.get("departments", []):
        item["id"] = departments.get(item["id"], item["id"])
    for item in ours.get("positions", []):
        item["id"] = positions.get(item["id"], item["id"])
        if item.get("superior_id") is not None:
            item["superior_id"] = positions.get(item["superior_id"], item["superior_id"])
        if item.get("department_id") is not None:
            item["department_id"] = departments.get(item["department_id"], item["department_id"])
    for item in ours.get("relations", []):
        item["id"] = relations.get(item["id"], item["id"])
        item["source_id"] = positions.get(item["source_id"], item["source_id"])
        item["target_id"] = positions.get(item["target_id"], item["target_id"])
    return maps


def _pick(base: Any, ours: Any, theirs: Any) -> tuple[bool, Any]:
    """(agreed, value) of a three-way choice between plain values."""
    if ours == theirs or theirs == base:
        return True, ours
    if ours == base:
        return True, theirs
    return False, None


def _merge_fields(base: Entity, ours: Entity, theirs: Entity, prefer: Prefer
                  ) -> tuple[Entity, list[str]]:
    """Field-wise merge of one entity both sides changed; the fields in conflict."""
    merged: Entity = {}
    clashes: list[str] = []
    for name in dict.fromkeys([*ours, *theirs, *base]):
        b, o, t = base.get(name), ours.get(name), theirs.get(name)
        agreed, value = _pick(b, o, t)
        if agreed:
            merged[name] = value
        elif name in _QUIET_FIELDS or prefer == "mine":
            merged[name] = o
        elif prefer == "theirs":
            merged[name] = t
        else:
            clashes.append(name)
            merged[name] = o
        if merged.get(name) is None and name not in ours and name not in theirs:
            merged.pop(name, None)
    return merged, clashes


def _merge_list(key: str, kind: str, base: Mapping[str, Any], ours: Mapping[str, Any],
                theirs: Mapping[str, Any], prefer: Prefer, conflicts: list[Conflict]
                ) -> list[Entity]:
    b_items, o_items, t_items = _by_id(base, key), _by_id(ours, key), _by_id(theirs, key)
    merged: list[Entity] = []
    for ident in sorted({*b_items, *o_items, *t_items}):
        b, o, t = b_items.get(ident), o_items.get(ident), t_items.get(ident)
        agreed, value = _pick(b, o, t)
        if agreed:
            if value is not None:
                merged.append(value)
            continue
        label = _label(kind, o or t, b, ident)
        if o is not None and t is not None:
            value, clashes = _merge_fields(b or {}, o, t, prefer)
            if clashes:
                conflicts.append(Conflict(kind, str(ident), Sentence.of(
                    "Both sides changed the {kind} {name} differently: {fields}.", kind=kind,
                    name=label, fields=", ".join(clashes))))
            merged.append(value)
            continue
        # One side deleted what the other changed.
        if prefer is not None:
            chosen = o if prefer == "mine" else t
            if chosen is not None:
                merged.append(chosen)
            continue
        deleted_by = "you" if o is None else "the other side"
        conflicts.append(Conflict(kind, str(ident), Sentence.of(
            "The {kind} {name} was deleted by {who} and changed by the other.", kind=kind,
            name=label, who=deleted_by)))
        kept = o if o is not None else t
        assert kept is not None  # one side changed it, so one side has it
        merged.append(kept)  # kept until the user decides
    return merged


def _merge_mapping(kind: str, base: Mapping[str, Any], ours: Mapping[str, Any],
                   theirs: Mapping[str, Any], prefer: Prefer, conflicts: list[Conflict]
                   ) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    missing = object()
    for name in dict.fromkeys([*ours, *theirs, *base]):
        b, o, t = (source.get(name, missing) for source in (base, ours, theirs))
        agreed, value = _pick(b, o, t)
        if not agreed:
            if prefer is None:
                conflicts.append(Conflict(kind, name, Sentence.of(
                    "Both sides changed the {kind} “{name}” differently.", kind=kind,
                    name=name)))
            value = t if prefer == "theirs" else o
        if value is not missing:
            merged[name] = value
    return merged


def _check_structure(document: dict[str, Any], conflicts: list[Conflict]) -> None:
    """Superiors and departments that exist; no reporting cycle made by the merge."""
    positions = {int(p["id"]): p for p in document["positions"]}
    departments = {int(d["id"]) for d in document["departments"]}
    for pid, position in sorted(positions.items()):
        superior = position.get("superior_id")
        if superior is not None and superior not in positions:
            conflicts.append(Conflict("structure", str(pid), Sentence.of(
                "The position “{title}” reports to a position the other side deleted.",
                title=position.get("title", ""))))
            position["superior_id"] = None
        department = position.get("department_id")
        if department is not None and department not in departments:
            conflicts.append(Conflict("structure", str(pid), Sentence.of(
                "The position “{title}” belongs to a department the other side deleted.",
                title=position.get("title", ""))))
            position["department_id"] = None
    state: dict[int, int] = {}  # 1: on the current walk, 2: known to reach a top position
    for start in positions:
        walk: list[int] = []
        step: int | None = start
        while step is not None and step not in state:
            state[step] = 1
            walk.append(step)
            step = positions[step].get("superior_id")
        if step is not None and state[step] == 1:  # the walk met itself: a cycle
            cycle = walk[walk.index(step):]
            titles = ", ".join(f"“{positions[c].get('title', '')}”" for c in cycle)
            conflicts.append(Conflict("structure", str(step), Sentence.of(
                "The two sides' moves put {titles} under each other.", titles=titles)))
            positions[step]["superior_id"] = None  # kept buildable until the user decides
        for visited in walk:
            state[visited] = 2
    live = set(positions)
    document["relations"] = [r for r in document["relations"]
                             if r["source_id"] in live and r["target_id"] in live]


def merge_documents(base: Mapping[str, Any], ours: Mapping[str, Any],
                    theirs: Mapping[str, Any], prefer: Prefer = None) -> MergeResult:
    """Merge `ours` and `theirs`, both edited from `base` (dict forms, left unchanged)."""
    ours_copy = copy.deepcopy(dict(ours))
    for document in (ours_copy,):
        document.setdefault("settings", {}).pop(TEAM_ORIGIN_SETTING, None)
    base_settings = {k: v for k, v in base.get("settings", {}).items() if k != TEAM_ORIGIN_SETTING}
    their_settings = {k: v for k, v in theirs.get("settings", {}).items()
                      if k != TEAM_ORIGIN_SETTING}
    renumbered = _renumber_ours(base, ours_copy, theirs)
    conflicts: list[Conflict] = []
    result: dict[str, Any] = {key: ours_copy[key] for key in ("format", "version") if key in ours_copy}
    info_base, info_ours, info_theirs = (dict(d.get("info", {})) for d in (base, ours_copy, theirs))
    modified = max(info.get("modified", "") for info in (info_base, info_ours, info_theirs))
    for info in (info_base, info_ours, info_theirs):
        info.pop("modified", None)
    result["info"] = _merge_mapping("document information", info_base, info_ours, info_theirs,
                                    prefer, conflicts)
    if modified:
        result["info"]["modified"] = modified
    for key, kind in _LISTS:
        result[key] = _merge_list(key, kind, base, ours_copy, theirs, prefer, conflicts)
    settings = _merge_mapping("setting", base_settings, ours_copy.get("settings", {}),
                              their_settings, prefer, conflicts)
    conflicts = [c for c in conflicts if not (c.kind == "setting" and c.key == HIGH_WATER_SETTING)]
    highest = max([0, *(int(p["id"]) for p in result["positions"]),
                   *(int(s.get(HIGH_WATER_SETTING, 0) or 0)
                     for s in (base_settings, ours_copy.get("settings", {}), their_settings))])
    if highest or HIGH_WATER_SETTING in settings:
        settings[HIGH_WATER_SETTING] = highest
    result["settings"] = settings
    _check_structure(result, conflicts)
    return MergeResult(result, conflicts, renumbered)


# ---------------------------------------------------------------------- whole documents
@dataclass(frozen=True, slots=True)
class ScenarioConflict:
    """A conflict inside one scenario, or about a whole scenario (`conflict.kind` "scenario")."""

    scenario: str | None  # None: the document information, which every scenario shares
    conflict: Conflict

    @property
    def sentence(self) -> Sentence:
        if self.scenario is None:
            return self.conflict.sentence
        return Sentence.of("Scenario “{scenario}”: {conflict}", scenario=self.scenario,
                           conflict=str(self.conflict.sentence))


@dataclass(slots=True)
class DocumentMergeResult:
    """The merged document (every scenario) and what could not be merged without a decision."""

    document: TeamDocument
    conflicts: list[ScenarioConflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _scenario_dict(org: Organisation) -> dict[str, Any]:
    """A scenario's dict form as merged and compared: without the local origin and without
    the document information, which all scenarios share (merged once, from the open ones)."""
    data = document_dict(org)
    data.get("settings", {}).pop(TEAM_ORIGIN_SETTING, None)
    data.pop("info", None)
    return data


def merge_team_documents(base: TeamDocument, ours: TeamDocument, theirs: TeamDocument,
                         prefer: Prefer = None) -> DocumentMergeResult:
    """Merge two documents of one or several scenarios, both edited from `base`.

    Scenarios are matched by name (any case).  A scenario both sides kept is merged
    three ways like a single document (`merge_documents`); one side added is kept; one
    that one side deleted and the other left as it was is deleted; one that one side
    deleted and the other changed, or both added differently under one name, is a
    conflict (`prefer` decides it: "mine" takes our side, "theirs" theirs).  The document
    information, shared by all scenarios, is merged once from the open scenarios.  The
    order is ours, then the scenarios only they added, in their order; the open scenario
    is ours if it remains, else theirs, else the first.
    """
    sides = (base, ours, theirs)
    found = [{s.name.casefold(): s for s in side.scenarios} for side in sides]
    b_found, o_found, t_found = found
    conflicts: list[ScenarioConflict] = []
    info_conflicts: list[Conflict] = []
    b_info, o_info, t_info = (_info_dict(side.org.info) for side in sides)
    info = _merge_mapping("document information", b_info, o_info, t_info, prefer, info_conflicts)
    conflicts += [ScenarioConflict(None, c) for c in info_conflicts]
    merged: dict[str, Scenario] = {}
    cache: dict[int, dict[str, Any]] = {}

    def as_dict(scenario: Scenario) -> dict[str, Any]:
        key = id(scenario)
        if key not in cache:
            cache[key] = _scenario_dict(scenario.org)
        return cache[key]

    order = [*o_found, *(k for k in t_found if k not in o_found)]
    for key in order:
        b, o, t = b_found.get(key), o_found.get(key), t_found.get(key)
        name = (o or t or b).name  # type: ignore[union-attr]  # one side has it
        chosen: Scenario | None
        if o is not None and t is not None:
            if b is None and as_dict(o) != as_dict(t):
                if prefer is None:
                    conflicts.append(ScenarioConflict(name, Conflict("scenario", name, Sentence.of(
                        "Both sides added a scenario of this name with different contents."))))
                chosen = t if prefer == "theirs" else o
            elif b is None or as_dict(t) == as_dict(b) or as_dict(o) == as_dict(t):
                chosen = o
            elif as_dict(o) == as_dict(b):
                chosen = t
            else:
                result = merge_documents(as_dict(b), as_dict(o), as_dict(t), prefer)
                conflicts += [ScenarioConflict(name, c) for c in result.conflicts]
                chosen = Scenario(name, document_from_dict(result.document, f"merged ({name})"))
        else:
            kept = o if o is not None else t
            assert kept is not None
            if b is None or as_dict(kept) == as_dict(b):
                chosen = kept if b is None else None  # added by one side, or deleted unchanged
            elif prefer is None:
                deleted_by = "you" if o is None else "the other side"
                conflicts.append(ScenarioConflict(name, Conflict("scenario", name, Sentence.of(
                    "The scenario was deleted by {who} and changed by the other.",
                    who=deleted_by))))
                chosen = kept  # kept until the user decides
            else:
                chosen = kept if (prefer == "mine") == (o is not None) else None
        if chosen is not None:
            merged[key] = chosen
    if not merged:  # every scenario deleted: cannot happen from files, which keep one
        merged[_open_name(ours).casefold()] = Scenario(_open_name(ours), Organisation())
    open_key = next((k for k in (_open_name(ours).casefold(), _open_name(theirs).casefold())
                     if k in merged), next(iter(merged)))
    shared = DocumentInfo(title=str(info.get("title", "")), client=str(info.get("client", "")),
                          author=str(info.get("author", "")), notes=str(info.get("notes", "")),
                          created=info.get("created", ours.org.info.created),
                          modified=max(side.org.info.modified for side in sides))
    scenarios = []
    for key, scenario in merged.items():
        org = without_origin(scenario.org)
        org.info = shared
        scenarios.append(Scenario(scenario.name, org, key == open_key))
    return DocumentMergeResult(TeamDocument(tuple(scenarios)), conflicts)


def _info_dict(info: DocumentInfo) -> dict[str, Any]:
    """The information's fields merged (the time of the last change aside: the latest wins)."""
    return {"title": info.title, "client": info.client, "author": info.author,
            "notes": info.notes, "created": info.created}


def _open_name(document: TeamDocument) -> str:
    return next(s.name for s in document.scenarios if s.open)
