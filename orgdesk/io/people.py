"""People lists: each row a person in a seat, and people grouped into positions.

An HR export lists people, not positions: 107 rows are 107 filled seats, not
107 vacancies.  A consultant wants positions: the agents with the same title
under the same team leader (and in the same department) are one position
with N seats, planned N and filled N, holding their names.

Rows describe positions, not people, when the table says how many seats each
row has (a planned-headcount column) or who holds them (a holders column), as
every orgdesk peer export does: then nothing is grouped, and a name column
names the row's holders (a list of several, “张三, 李四”, is split where the
row has that many seats).

Who is never merged: a person others report to (their key or name is some
row's superior) keeps a position of their own, so every reporting line still
finds its superior; so does a row without a title or with a repeated id.
A grouped position keeps its first member's row and key (its source id);
every member's key and whatever differed between them is kept in its notes.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from orgdesk.core.model import Position
from orgdesk.io.drafts import Draft

#: Whether the model keeps the names of a position's people (file format 2).
HAS_HOLDERS = any(f.name == "holders" for f in dataclasses.fields(Position))
#: What HR systems write in the name cell of an empty seat (compared case-insensitively).
VACANT_NAMES = frozenset(("vacant", "vacancy", "(vacant)", "open", "open position", "tbd",
                          "tbh", "to be hired", "n/a", "-", "空缺", "空岗", "待招", "待定",
                          "招聘中", "缺编"))
#: Fields that say who the person is or how many seats: never compared between members.
_OWN_FIELDS = frozenset(("title", "notes", "planned_headcount", "filled_headcount", "holders",
                         "source_id", "requirements"))


#: Fields whose column says the rows are positions (their seats or their people).
POSITION_KEYS = frozenset(("planned_headcount", "holders"))
#: How a cell lists several people (the peer exports join holders with ", ").
_NAME_LIST = re.compile(r"\s*[,;，；、\n]\s*")
_NAME_SEPARATOR = re.compile(r"[,;，；、\n]")


def rows_are_positions(keys: Iterable[str]) -> bool:
    """Whether the mapped fields say each row is a position (seats, holders), not a person."""
    return not POSITION_KEYS.isdisjoint(keys)


def names_as_holders(drafts: Sequence[Draft]) -> None:
    """A position row's name cell names its holders, unless a holders column already did."""
    if not HAS_HOLDERS:
        return
    for draft in drafts:
        fields = draft.fields
        if fields.get("holders"):
            continue
        name = draft.name.strip()
        if not name or name.casefold() in VACANT_NAMES:  # is_person, inline: once per row
            continue
        if _NAME_SEPARATOR.search(name) is None:  # one name (nearly every row): nothing to split
            fields["holders"] = (name,)
            continue
        seats = max(_count(fields.get("planned_headcount"), 1),
                    _count(fields.get("filled_headcount"), 0))
        parts = [part for part in _NAME_LIST.split(name) if part]
        # “Smith, John” in a one-seat row is one person; a list is split only where it fits
        fields["holders"] = tuple(parts) if 1 < len(parts) <= seats else (name,)


def is_person(name: str) -> bool:
    """Whether a name cell names someone (an empty or “Vacant” cell is an empty seat)."""
    text = name.strip()
    return bool(text) and text.casefold() not in VACANT_NAMES


def seat_people(drafts: Sequence[Draft]) -> None:
    """Make each row a seat of its own: filled by its person, unless its cells say otherwise."""
    for draft in drafts:
        fields = draft.fields
        person = is_person(draft.name)
        if fields.get("filled_headcount") is None:
            fields["filled_headcount"] = 1 if person else 0
        if HAS_HOLDERS and person and not fields.get("holders"):
            fields["holders"] = (draft.name.strip(),)


def repeats(drafts: Sequence[Draft]) -> bool:
    """Whether some title repeats under one superior (the default for grouping)."""
    seen: set[tuple[str, str, str]] = set()
    for draft in drafts:
        key = _group_key(draft)
        if key in seen:
            return True
        seen.add(key)
    return False


def _group_key(draft: Draft) -> tuple[str, str, str]:
    return (draft.superior.strip(), draft.department.strip(), draft.fields["title"].strip())


def group_people(drafts: list[Draft]) -> list[Draft]:
    """One draft per title under one superior and department, with its people's seats."""
    referenced = {d.superior for d in drafts if d.superior}
    key_counts = Counter(d.key for d in drafts if d.key)
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    alone = [False] * len(drafts)
    for index, draft in enumerate(drafts):
        if (not draft.fields["title"].strip() or (draft.key and draft.key in referenced)
                or (draft.name and draft.name in referenced) or key_counts[draft.key] > 1):
            alone[index] = True
        else:
            groups[_group_key(draft)].append(index)
    first_of = {members[0]: members for members in groups.values()}
    result: list[Draft] = []
    for index, draft in enumerate(drafts):
        if alone[index]:
            result.append(draft)
            continue
        members = first_of.get(index)
        if members is not None:  # later members are in their first member's position
            result.append(draft if len(members) == 1
                          else _merged([drafts[i] for i in members]))
    return result


def _merged(members: list[Draft]) -> Draft:
    """The position of several people: the first member's fields, everyone's seats."""
    first = members[0]
    fields: dict[str, Any] = dict(first.fields)
    fields["planned_headcount"] = sum(_count(m.fields.get("planned_headcount"), 1)
                                      for m in members)
    fields["filled_headcount"] = sum(_count(m.fields.get("filled_headcount"), 0)
                                     for m in members)
    if HAS_HOLDERS:
        fields["holders"] = tuple(name for m in members
                                  for name in m.fields.get("holders", ()))
    fields["notes"] = _merged_notes(members)
    return dataclasses.replace(first, fields=fields)


def _count(value: object, default: int) -> int:
    return value if isinstance(value, int) else default


def _merged_notes(members: list[Draft]) -> str:
    """The notes all members share, then each member's key, name and what is theirs alone."""
    lines = [m.fields.get("notes", "").splitlines() for m in members]
    shared = [line for line in lines[0] if all(line in other for other in lines[1:])]
    differing = [key for key in members[0].fields
                 if key not in _OWN_FIELDS
                 and any(m.fields.get(key) != members[0].fields.get(key) for m in members)]
    out = [*shared, "Source ids: " + ", ".join(m.key or f"#{m.row}" for m in members)]
    for member, own in zip(members, lines):
        extra = [line for line in own if line not in shared]
        extra += [f"{key}: {_shown(member.fields.get(key))}" for key in differing]
        if extra or not HAS_HOLDERS:
            who = " ".join(filter(None, [member.key, member.name.strip()])) or f"#{member.row}"
            out.append(f"{who} — " + "; ".join(extra) if extra else who)
    return "\n".join(out)


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value)
    return "" if value is None else str(value)
