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
from itertools import repeat
from operator import attrgetter, contains
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
    positions_from_columns,
)
from orgdesk.core.organisation import Organisation
from orgdesk.io.drafts import EDGE_SUPERIORS, Draft, PendingRelation, is_keyed
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
    id_column: str = ""  # the column (or key) holding the ids, for messages
    null_tokens: tuple[str, ...] = ()
    empty_title: str = ""
    title_fallback: str = ""


def _resolve(drafts: list[Draft], plan: Assembly, problems: list[Problem]
             ) -> tuple[list[int | None], list[int]]:
    """Index of each draft's superior (None for a top position), and the drafts that name
    themselves as their superior (their superior is None; `_settle_selves` decides)."""
    unit, keyed = plan.unit, is_keyed(plan.unit)
    keys = list(map(attrgetter("key"), drafts))
    # Each key's first draft (assigned last, from the end), in C; "" is no key.
    by_key = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))
    by_key.pop("", None)
    if len(by_key) < len(keys) - keys.count(""):  # some key repeats: each repeat is reported
        for index, key in enumerate(keys):
            if key and by_key[key] != index:
                problems.append(Problem(drafts[index].row,
                                        _duplicate(key, drafts[by_key[key]].row, plan), unit))
    by_name: dict[str, list[int]] = defaultdict(list)
    by_title: dict[str, list[int]] = defaultdict(list)
    indexed = plan.exact  # names and titles are indexed at the first reference that needs them
    selves: list[int] = []
    column = plan.superior_column
    # Superiors named by key are found by key in C; only the rest are looked at one by one
    # (by name or title, as self references, or as problems), in their order.
    references = list(map(attrgetter("superior"), drafts))
    parents: list[int | None] = list(map(by_key.get, references))
    for index in [i for i, (ref, found) in enumerate(zip(references, parents))
                  if found == i or (found is None and ref)]:
        draft, ref, found = drafts[index], references[index], parents[index]
        if found is None:
            if not indexed:
                _index_names(drafts, by_name, by_title)
                indexed = True
            matches = by_name.get(ref) or by_title.get(ref) or []
            if len(matches) > 1:
                rows = [drafts[m].row for m in matches]
                problems.append(Problem(draft.row, Sentence.of(
                    "the superior “{superior}” in column “{column}” could be any of {places}; "
                    "name superiors by id (--map COLUMN=id and --map COLUMN=superior), or give "
                    "those positions different names." if not keyed else
                    "the superior “{superior}” in key “{column}” could be any of {places}; "
                    "name superiors by id (--map KEY=id and --map KEY=superior), or give "
                    "those positions different names.",
                    superior=ref, column=column, places=places(unit, rows))
                    if column else Sentence.of(
                    "the superior “{superior}” could be any of {places}; give each an id.",
                    superior=ref, places=places(unit, rows)), unit))
            elif not matches and _WHOLE_FLOAT.fullmatch(ref) and ref[:-2] in by_key:
                found = by_key[ref[:-2]]  # “3.0”: an id column of numbers written as decimals
            elif not matches:
                problems.append(Problem(draft.row, _not_found(ref, column, keyed), unit))
            if found is None:
                found = matches[0] if len(matches) == 1 else None
        if found == index:
            selves.append(index)
            found = None
        parents[index] = found
    return parents, selves


def _index_names(drafts: list[Draft], by_name: dict[str, list[int]],
                 by_title: dict[str, list[int]]) -> None:
    for other, candidate in enumerate(drafts):
        if candidate.name:
            by_name[candidate.name].append(other)
        by_title[candidate.fields["title"]].append(other)


def _duplicate(key: str, first_row: int, plan: Assembly) -> str:
    column, place = plan.id_column, places(plan.unit, [first_row])
    if not column:
        return Sentence.of("the id “{id}” is already used by {place}; give each position its "
                           "own id.", id=key, place=place)
    return Sentence.of(
        "the id “{id}” in column “{column}” is already used by {place}; give each position its "
        "own id, or map a column whose values all differ to the id (--map COLUMN=id)."
        if not is_keyed(plan.unit) else
        "the id “{id}” in key “{column}” is already used by {place}; give each position its "
        "own id, or map a key whose values all differ to the id (--map KEY=id).",
        id=key, column=column, place=place)


_WHOLE_FLOAT = re.compile(r"\d+\.0")


def _not_found(ref: str, column: str, keyed: bool) -> str:
    if not column:
        return Sentence.of("the superior “{superior}” is not the id or title of any position "
                           "in the file.", superior=ref)
    return Sentence.of(
        "the value “{value}” in column “{column}” is not the id or title of any row; correct "
        "it, or if it means “no superior”, name it as a no-superior token (--null {value})."
        if not keyed else
        "the value “{value}” in key “{column}” is not the id or title of any entry; correct "
        "it, or if it means “no superior”, name it as a no-superior token (--null {value}).",
        value=ref, column=column)


def _settle_selves(drafts: list[Draft], selves: list[int], plan: Assembly,
                   problems: list[Problem], notices: list[str]) -> list[int]:
    """Which self-references are top positions (the rest are problems); notices say so.

    HR systems commonly write the top person as their own manager (the CEO's
    “Manager ID” is the CEO's own id), so a row that names itself is read as
    naming no superior: it is the top of its tree, and nothing else in the file
    could have been meant.  Whether one more top position is acceptable is the
    roots policy's question, as for any row without a superior, so with ASK and
    other top positions the roots problem lists it among them (and names both
    ways out).  orgdesk's own files never write a self-reference: there it is
    damage, and stays a problem.
    """
    unit, column, keyed = plan.unit, plan.superior_column, is_keyed(plan.unit)
    if plan.exact:
        for index in selves:
            problems.append(Problem(drafts[index].row, Sentence.of(
                "the value “{value}” in column “{column}” is its own id, so it reports to "
                "itself; empty the cell to make it a top position, or correct it."
                if not keyed else
                "the value “{value}” in key “{column}” is its own id, so it reports to "
                "itself; empty the value to make it a top position, or correct it.",
                value=drafts[index].superior, column=column) if column else Sentence.of(
                "it reports to itself; give it no superior to make it a top position, or "
                "correct its superior."), unit))
        return []
    if selves:
        rows = [drafts[i].row for i in selves]
        where = places(unit, rows)
        if not column:
            notices.append(Sentence.of(
                "The superior of {places} is itself, so it was read as a top position."
                if len(rows) == 1 else
                "The superiors of {places} are themselves, so they were read as top positions.",
                places=where))
        elif len(rows) == 1:
            notices.append(Sentence.of(
                "The value in column “{column}” of {places} is its own id, so it was read as a "
                "top position." if not keyed else
                "The value in key “{column}” of {places} is its own id, so it was read as a "
                "top position.", column=column, places=where))
        else:
            notices.append(Sentence.of(
                "The values in column “{column}” of {places} are their own ids, so they were "
                "read as top positions." if not keyed else
                "The values in key “{column}” of {places} are their own ids, so they were "
                "read as top positions.", column=column, places=where))
    return selves


def _cycles(drafts: list[Draft], parents: list[int | None], plan: Assembly,
            problems: list[Problem]) -> None:
    """Report each reporting cycle once (walks are linear: each row is settled once)."""
    unit, column = plan.unit, plan.superior_column
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
            where = places(unit, rows)
            if unit == "node" and column == EDGE_SUPERIORS:  # GraphML: the edges say it
                problems.append(Problem(rows[0], Sentence.of(
                    "the edges between {places} form a cycle: {titles}; remove one of those "
                    "edges or turn it round, so that every node has one way up to the top.",
                    places=where, titles=titles), unit))
            else:
                problems.append(Problem(rows[0], Sentence.of(
                    "the reporting lines of {places} form a cycle: {titles}; correct the "
                    "superior in column “{column}” of one of them, or empty it to make that "
                    "one a top position." if not is_keyed(unit) else
                    "the reporting lines of {places} form a cycle: {titles}; correct the "
                    "superior in key “{column}” of one of them, or remove it to make that one "
                    "a top position.", places=where, titles=titles, column=column) if column else
                    Sentence.of("the reporting lines of {places} form a cycle: {titles}; correct "
                                "the superior of one of them.", places=where, titles=titles),
                    unit))
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


def assemble(drafts: list[Draft], plan: Assembly, problems: list[Problem],
             notices: list[str] | None = None) -> Organisation | None:
    """Check `drafts` and build the organisation; None (with `problems` filled) if unsound.

    `notices` receives how the file was understood where it could have been
    meant otherwise (a position named as its own superior read as a top one).
    """
    unit = plan.unit
    notices = [] if notices is None else notices
    if not drafts and not problems:
        problems.append(Problem(None, "There are no positions in the file (no rows below the "
                                      "header).", unit))
    _titles(drafts, plan, problems)
    if not plan.exact:
        clear_null_superiors(drafts, plan.null_tokens)
    parents, selves = _resolve(drafts, plan, problems)
    tops = set(_settle_selves(drafts, selves, plan, problems, notices))
    _cycles(drafts, parents, plan, problems)
    # A row whose superior could not be found is already a problem, not a top position.
    roots = [i for i, parent in enumerate(parents)
             if parent is None and (not drafts[i].superior or i in tops)]
    policy = plan.roots
    if len(roots) > 1 and policy is RootPolicy.ASK:
        rows = [drafts[i].row for i in roots]
        # Read by the CLI (which adds its flags) and shown by the import dialog next to
        # its “Several top positions” choice: the sentence names both ways out itself.
        problems.append(Problem(None, Sentence.of(
            "{count} positions have no superior ({places}); choose what to do with several "
            "top positions: keep them side by side (--forest), or put them under a new top "
            "position that you name (--root-title TITLE).", count=f"{len(roots):,}",
            places=places(unit, rows)), unit, "roots"))
    if policy is RootPolicy.ADD_ROOT and not plan.root_title.strip():
        problems.append(Problem(None, "The new top position needs a title.", unit))
    ends = _relation_ends(drafts, plan, problems)
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
    exact = plan.exact
    superiors = [ids[parent] if parent is not None else root_id for parent in parents]
    departments_of = list(map(department_ids.get, map(attrgetter("department"), drafts)))
    built = _built(drafts, ids, superiors, orders, departments_of, exact)
    if built is not None:
        positions += built
    else:  # one by one, so that each refusal keeps its row
        for index, draft in enumerate(drafts):
            try:
                positions.append(Position(
                    id=ids[index], superior_id=superiors[index], order=orders[index],
                    department_id=departments_of[index], **_with_source_id(draft, exact)))
            except DomainError as exc:
                problems.append(Problem(draft.row, sentence_of(exc), unit))
    relations = _relations(ends, ids, problems)
    if problems:
        return None
    try:
        return Organisation(plan.info, departments, positions, relations, plan.settings)
    except DomainError as exc:
        problems.append(Problem(None, sentence_of(exc), unit))
        return None


def _built(drafts: list[Draft], ids: list[PositionId], superiors: list[PositionId | None],
           orders: list[int], departments: list[DepartmentId | None], own: bool
           ) -> list[Position] | None:
    """The drafts' positions built a field at a time (core.model.positions_from_columns),
    None when any of them would be refused (they are then built one by one)."""
    fields = list(map(attrgetter("fields"), drafts))
    columns: dict[str, list[Any]] = {"id": ids, "superior_id": superiors, "order": orders,
                                     "department_id": departments}
    if not any(map(contains, fields, repeat("source_id"))):  # `_with_source_id`, by field
        columns["source_id"] = [""] * len(drafts) if own else list(map(attrgetter("key"), drafts))
        return positions_from_columns(len(drafts), columns, fields)
    return positions_from_columns(len(drafts), columns,
                                  [_with_source_id(draft, own) for draft in drafts])


def _with_source_id(draft: Draft, own: bool) -> dict[str, Any]:
    """The draft's fields with the position's key in its source kept as `source_id`.

    The renumbered ids of a client's file (“O-6066”, “emi”) would otherwise lose
    the only link back to its HR data.  A draft that carries one keeps it (an own
    file's column, a reader that knows better); an own file without the field
    (written before format 2) has orgdesk's ids as keys, which are no source's.
    The field is added to the draft itself (a copy of 100,000 drafts' fields cost
    a tenth of the check): drafts are used up by `assemble`.
    """
    fields = draft.fields
    if "source_id" not in fields:
        fields["source_id"] = "" if own else draft.key
    return fields


def _relation_ends(drafts: list[Draft], plan: Assembly, problems: list[Problem]
                   ) -> list[tuple[int, PendingRelation, int, int]]:
    """Each dotted line with the drafts at its ends; an end no position answers is a problem.

    An end is found as a superior is: by id, then (except in orgdesk's own
    files, which name ids only) by a unique name, then by a unique title.
    """
    if not plan.relations:  # nearly every table: no index of 100,000 keys for nothing
        return []
    by_key: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        if draft.key:
            by_key.setdefault(draft.key, index)
    by_name: dict[str, list[int]] = defaultdict(list)
    by_title: dict[str, list[int]] = defaultdict(list)
    if not plan.exact:
        _index_names(drafts, by_name, by_title)
    found: list[tuple[int, PendingRelation, int, int]] = []
    for number, pending in enumerate(plan.relations, 1):
        ends: list[int] = []
        for value, column in zip((pending.source, pending.target), pending.columns):
            at = by_key.get(value)
            matches = [] if at is not None else by_name.get(value) or by_title.get(value) or []
            if at is None and len(matches) == 1:
                at = matches[0]
            if at is None:
                problems.append(Problem(pending.row, _missing_end(
                    pending, value, column, plan, [drafts[m].row for m in matches]),
                    pending.unit))
                break
            ends.append(at)
        if len(ends) == 2:
            found.append((number, pending, ends[0], ends[1]))
    return found


def _missing_end(pending: PendingRelation, value: str, column: str, plan: Assembly,
                 rows: list[int]) -> str:
    """Why an end of a dotted line names no position, and what to do about it."""
    where = (Sentence.of("key “{column}”", column=column) if is_keyed(pending.unit)
             else Sentence.of("column “{column}”", column=column)) if column \
        else Sentence.of("the file")
    if rows:
        return Sentence.of(
            "the dotted line from “{source}” to “{target}” names “{value}” in {where}, which "
            "could be any of {places}; name the position by its id.", source=pending.source,
            target=pending.target, value=value, where=where, places=places(plan.unit, rows))
    return Sentence.of(
        "the dotted line from “{source}” to “{target}” names “{value}” in {where}, which is "
        "not the id of any position; correct it or delete the dotted line." if plan.exact else
        "the dotted line from “{source}” to “{target}” names “{value}” in {where}, which is "
        "not the id, name or title of any position; correct it or delete the dotted line.",
        source=pending.source, target=pending.target, value=value, where=where)


def _relations(ends: list[tuple[int, PendingRelation, int, int]], ids: list[PositionId],
               problems: list[Problem]) -> list[Relation]:
    relations = []
    for number, pending, source, target in ends:
        try:
            relations.append(Relation(RelationId(pending.id or number),
                                      ids[source], ids[target], pending.kind, pending.label))
        except (DomainError, ValueError) as exc:
            problems.append(Problem(pending.row, sentence_of(exc), pending.unit))
    return relations
