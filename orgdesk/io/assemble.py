"""Drafts → an Organisation, after checking everything that can be wrong at once.

The checks are those a consultant meets in real staff lists (and FlowBreeze's
wizard names): no rows, empty titles, duplicate ids, a superior that is no
row, a superior named ambiguously, several top positions, reporting cycles.
Every problem is collected with its row number before anything is built, so
one run shows the whole list and nothing is written unless it is empty.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from orgdesk.core.errors import DomainError, Sentence, sentence_of
from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Position,
    PositionId,
    Relation,
    RelationId,
)
from orgdesk.core.organisation import Organisation
from orgdesk.io.drafts import Draft, PendingRelation, is_keyed
from orgdesk.io.hierarchy import clear_null_superiors
from orgdesk.io.options import RootPolicy
from orgdesk.io.problems import Problem, places

#: Light department colours for imported departments, in first-seen order.
PALETTE = ("#D9E2F3", "#E2EFDA", "#FCE4D6", "#FFF2CC", "#EDE2F6", "#DDEBF7", "#F8CBAD",
           "#C6E0B4")
_MAX_ID = 2**31 - 1


@dataclass(slots=True)
class Assembly:
    """Everything the checks need besides the drafts."""

    unit: str = "row"
    exact: bool = False  # references by id only (orgdesk's own files)
    roots: RootPolicy = RootPolicy.ASK
    root_title: str = ""
    info: DocumentInfo = field(default_factory=DocumentInfo)
    departments: list[Department] | None = None
    relations: list[PendingRelation] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    # Tables (io/tables.py): the column that names the superior, for messages; what
    # “no superior” is written as besides the usual tokens; what titles rows without one.
    superior_column: str = ""
    null_tokens: tuple[str, ...] = ()
    empty_title: str = ""
    title_fallback: str = ""


def _resolve(drafts: list[Draft], plan: Assembly, problems: list[Problem]) -> list[int | None]:
    """Index of each draft's superior (None for a top position)."""
    unit = plan.unit
    by_key: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        if not draft.key:
            continue
        first = by_key.setdefault(draft.key, index)
        if first != index:
            problems.append(Problem(draft.row, Sentence.of(
                "the id “{id}” is already used by {place}.", id=draft.key,
                place=places(unit, [drafts[first].row])), unit))
    by_name: dict[str, list[int]] = defaultdict(list)
    by_title: dict[str, list[int]] = defaultdict(list)
    indexed = plan.exact  # names and titles are indexed at the first reference that needs them
    parents: list[int | None] = []
    for index, draft in enumerate(drafts):
        ref = draft.superior
        if not ref:
            parents.append(None)
            continue
        found = by_key.get(ref)
        if found is None:
            if not indexed:
                for other, candidate in enumerate(drafts):
                    if candidate.name:
                        by_name[candidate.name].append(other)
                    by_title[candidate.fields["title"]].append(other)
                indexed = True
            matches = by_name.get(ref) or by_title.get(ref) or []
            if len(matches) > 1:
                rows = [drafts[m].row for m in matches]
                problems.append(Problem(draft.row, Sentence.of(
                    "the superior “{superior}” could be any of {places}; give each an id.",
                    superior=ref, places=places(unit, rows)), unit))
            elif not matches and _WHOLE_FLOAT.fullmatch(ref) and ref[:-2] in by_key:
                found = by_key[ref[:-2]]  # “3.0”: an id column of numbers written as decimals
            elif not matches:
                problems.append(Problem(draft.row, _not_found(ref, plan.superior_column), unit))
            if found is None:
                found = matches[0] if len(matches) == 1 else None
        if found == index:
            problems.append(Problem(draft.row, "it reports to itself.", unit))
            found = None
        parents.append(found)
    return parents


_WHOLE_FLOAT = re.compile(r"\d+\.0")


def _not_found(ref: str, column: str) -> str:
    if not column:
        return Sentence.of("the superior “{superior}” is not the id or title of any position "
                           "in the file.", superior=ref)
    return Sentence.of(
        "the value “{value}” in column “{column}” is not the id or title of any row; correct "
        "it, or if it means “no superior”, name it as a no-superior token (--null {value}).",
        value=ref, column=column)


def _cycles(drafts: list[Draft], parents: list[int | None], unit: str,
            problems: list[Problem]) -> None:
    """Report each reporting cycle once (walks are linear: each row is settled once)."""
    state = [0] * len(drafts)  # 0 unseen, 1 on the current walk, 2 settled
    for start in range(len(drafts)):
        path = []
        node: int | None = start
        while node is not None and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = parents[node]
        if node is not None and state[node] == 1:
            loop = path[path.index(node):]
            titles = " → ".join(drafts[i].fields["title"] or "?" for i in [*loop, loop[0]])
            rows = sorted(drafts[i].row for i in loop)
            problems.append(Problem(rows[0], Sentence.of(
                "the reporting lines of {places} form a cycle: {titles}.",
                places=places(unit, rows), titles=titles), unit))
        for visited in path:
            state[visited] = 2


def _titles(drafts: list[Draft], plan: Assembly, problems: list[Problem]) -> None:
    """Rows without a title get the user's placeholder, or a problem naming the ways out."""
    placeholder = plan.empty_title.strip()
    for draft in drafts:
        if not draft.fields["title"].strip():
            if placeholder:
                draft.fields["title"] = placeholder
            elif plan.title_fallback:
                problems.append(Problem(draft.row, Sentence.of(
                    "it has no title and its cell in column “{column}” is empty too; give such "
                    "rows a placeholder title (--empty-title TEXT).",
                    column=plan.title_fallback), plan.unit))
            else:
                problems.append(Problem(draft.row, Sentence.of(
                    "it has no title; give rows without one a placeholder title (--empty-title "
                    "TEXT) or take it from another column (--empty-title column:COLUMN)."),
                    plan.unit))


def _ids(drafts: list[Draft]) -> list[PositionId]:
    """The source's own numbers when they are usable ids, else 1, 2, 3 … in row order."""
    try:
        numbers = [int(d.key) for d in drafts]
    except ValueError:
        numbers = []
    if (numbers and all(str(n) == d.key and 0 < n <= _MAX_ID for n, d in zip(numbers, drafts))
            and len(set(numbers)) == len(numbers)):
        return [PositionId(n) for n in numbers]
    return [PositionId(i) for i in range(1, len(drafts) + 1)]


def _departments(drafts: list[Draft], given: list[Department] | None
                 ) -> tuple[list[Department], dict[str, DepartmentId]]:
    departments = list(given or [])
    by_name = {d.name: d.id for d in departments}
    next_id = max(by_name.values(), default=0) + 1
    for draft in drafts:
        name = draft.department
        if name and name.strip() and name not in by_name:
            order = len(departments)
            departments.append(Department(DepartmentId(next_id), name,
                                          PALETTE[order % len(PALETTE)], order))
            by_name[name] = DepartmentId(next_id)
            next_id += 1
    return departments, by_name


def assemble(drafts: list[Draft], plan: Assembly, problems: list[Problem]) -> Organisation | None:
    """Check `drafts` and build the organisation; None (with `problems` filled) if unsound."""
    unit = plan.unit
    if not drafts and not problems:
        problems.append(Problem(None, "There are no positions in the file (no rows below the "
                                      "header).", unit))
    _titles(drafts, plan, problems)
    if not plan.exact:
        clear_null_superiors(drafts, plan.null_tokens)
    parents = _resolve(drafts, plan, problems)
    _cycles(drafts, parents, unit, problems)
    # A row whose superior could not be found is already a problem, not a top position.
    roots = [i for i, parent in enumerate(parents) if parent is None and not drafts[i].superior]
    policy = plan.roots
    if len(roots) > 1 and policy is RootPolicy.ASK:
        rows = [drafts[i].row for i in roots]
        problems.append(Problem(None, Sentence.of(
            "{count} positions have no superior ({places}): keep them side by side, or put "
            "them under a new top position that you name.", count=f"{len(roots):,}",
            places=places(unit, rows)), unit, "roots"))
    if policy is RootPolicy.ADD_ROOT and not plan.root_title.strip():
        problems.append(Problem(None, "The new top position needs a title.", unit))
    if problems:
        return None
    ids = _ids(drafts)
    departments, department_ids = _departments(drafts, plan.departments)
    children: dict[int | None, list[int]] = defaultdict(list)
    for index, parent in enumerate(parents):
        children[parent].append(index)
    orders = [0] * len(drafts)
    ordered = any(d.order is not None for d in drafts)
    for siblings in children.values():
        if ordered:  # explicit orders first (ties and gaps keep row order), then the rest
            siblings.sort(key=lambda i: (drafts[i].order is None, drafts[i].order or 0, i))
        for place, index in enumerate(siblings):
            orders[index] = place
    root_id: PositionId | None = None
    positions: list[Position] = []
    if policy is RootPolicy.ADD_ROOT:
        root_id = PositionId(max(ids) + 1)
        positions.append(Position(root_id, plan.root_title.strip()))
    for index, draft in enumerate(drafts):
        parent = parents[index]
        try:
            positions.append(Position(
                id=ids[index], superior_id=ids[parent] if parent is not None else root_id,
                order=orders[index], department_id=department_ids.get(draft.department),
                **_with_source_id(draft, plan.exact)))
        except DomainError as exc:
            problems.append(Problem(draft.row, sentence_of(exc), unit))
    relations = _relations(drafts, ids, plan, problems)
    if problems:
        return None
    try:
        return Organisation(plan.info, departments, positions, relations, plan.settings)
    except DomainError as exc:
        problems.append(Problem(None, sentence_of(exc), unit))
        return None


def _with_source_id(draft: Draft, own: bool) -> dict[str, Any]:
    """The draft's fields with the position's key in its source kept as `source_id`.

    The renumbered ids of a client's file (“O-6066”, “emi”) would otherwise lose
    the only link back to its HR data.  A draft that carries one keeps it (an own
    file's column, a reader that knows better); an own file without the field
    (written before format 2) has orgdesk's ids as keys, which are no source's.
    """
    if "source_id" in draft.fields:
        return draft.fields
    return {**draft.fields, "source_id": "" if own else draft.key}


def _relations(drafts: list[Draft], ids: list[PositionId], plan: Assembly,
               problems: list[Problem]) -> list[Relation]:
    by_key = {d.key: ids[i] for i, d in enumerate(drafts) if d.key}
    relations = []
    for number, pending in enumerate(plan.relations, 1):
        source, target = by_key.get(pending.source), by_key.get(pending.target)
        if source is None or target is None:
            problems.append(Problem(pending.row, "a dotted line names a position that is not in "
                                                 "the file.", "relation"))
            continue
        try:
            relations.append(Relation(RelationId(pending.id or number), source, target,
                                      pending.kind, pending.label))
        except (DomainError, ValueError) as exc:
            problems.append(Problem(pending.row, sentence_of(exc), "relation"))
    return relations
