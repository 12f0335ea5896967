"""How a table says where a row belongs besides naming its superior's id.

Two habits of SQL and HR-system exports are read here:

- a superior cell that means “none”: `NULL`, `(null)`, `N/A`, `-`, `0` for the
  top row of a table whose ids start at 1, and the tokens the user names.
  A token that is really some row's id stays a reference.
- a path or outline number per row instead of a superior column: SQL
  Server's hierarchyid text `/1/3/2/`, outline numbers `1.3.2`, Windows-like
  `1\\3\\2`, or names `Sales/East/Team 1`.  A row's superior is the row whose
  path is its own without the last step.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from orgdesk.core.errors import Sentence
from orgdesk.io.drafts import Draft
from orgdesk.io.problems import Problem, places

#: What “no superior” is written as by databases, HR systems and spreadsheets (compared
#: case-insensitively): SQL clients' NULL, MySQL's \N, R's NA, pandas' nan, Excel's #N/A;
#: an empty cell always means it too.
NULL_TOKENS = ("null", "(null)", "<null>", "[null]", "none", "(none)", "<none>", "nil",
               "n/a", "#n/a", "na", "\\n", "-", "--", "—", "–", "empty", "(empty)", "(blank)", "nan",
               "no_manager", "no manager", "nomanager", "无", "(无)", "（无）", "无上级", "空")
#: Ids that mean “no superior” only when no row has them as its id.
_ZERO_TOKENS = ("0", "0.0", "-1")


def clear_null_superiors(drafts: Sequence[Draft], extra: Iterable[str] = ()) -> None:
    """Empty every superior cell that says “none” (in place); real ids are never cleared."""
    tokens = {t.casefold() for t in NULL_TOKENS} | {t.strip().casefold() for t in extra
                                                   if t.strip()}
    tokens.update(_ZERO_TOKENS)
    # Distinct cells first: a staff list names a few thousand superiors in 100,000 rows.
    written = {s for s in {d.superior for d in drafts} if s and s.strip().casefold() in tokens}
    if not written:
        return
    written -= {d.key for d in drafts if d.key}  # a real row called “NA” or “None” is kept
    written -= {d.name for d in drafts if d.name}
    written -= {d.fields.get("title", "") for d in drafts}
    for draft in drafts:
        if draft.superior in written:
            draft.superior = ""


# ------------------------------------------------------------------ paths
_SEPARATORS = ("/", "\\", ".", ">", "|")
_ANY_SEPARATOR = re.compile(r"[/\\.>|]")


def _separator(values: Iterable[str]) -> str:
    """The separator the column uses: the one found in most of its values."""
    counts: Counter[str] = Counter()
    for value in values:
        for separator in _SEPARATORS:
            if separator in value:
                counts[separator] += 1
    if not counts:
        return "/"
    best = max(counts.values())
    return next(s for s in _SEPARATORS if counts[s] == best)


def split_path(value: str, separator: str) -> tuple[str, ...]:
    """The steps of one path: `/1/3/2/` → (1, 3, 2); `/` (hierarchyid's root) → ()."""
    return tuple(step.strip() for step in value.strip().strip(separator).split(separator)
                 if step.strip()) if value.strip().strip(separator) else ()


_BINARY = re.compile(r"0x[0-9a-f]*", re.IGNORECASE)


def binary_hierarchyid(values: Sequence[str]) -> bool:
    """Whether a column holds SQL Server hierarchyid values as bytes (`0x5AC0`), not as text."""
    texts = [v.strip() for v in values if v.strip()]
    return bool(texts) and all(_BINARY.fullmatch(v) for v in texts)


def looks_like_paths(values: Sequence[str]) -> bool:
    """Whether a column holds paths: every value splits cleanly and some have several steps."""
    texts = [v.strip() for v in values if v.strip()]
    if not texts or not any(_ANY_SEPARATOR.search(v) for v in texts):
        return False
    separator = _separator(texts)
    with_steps = sum(1 for v in texts if separator in v.strip(separator))
    paths = {split_path(v, separator) for v in texts}
    if with_steps == 0:
        return False
    # Most parents must be rows of the column themselves (a column of decimals is not).
    parents = [p[:-1] for p in paths if len(p) > 1]
    found = sum(1 for p in parents if p in paths)
    return found * 2 >= len(parents)


def link_paths(drafts: Sequence[Draft], paths: Sequence[str], column: str, unit: str,
               problems: list[Problem]) -> None:
    """Set each draft's superior from its path (in place); keys are the paths where missing.

    `paths[i]` is the path cell of `drafts[i]` ("" when the row has none, which
    leaves that row's superior as the table says).
    """
    separator = _separator(p for p in paths if p)
    steps = [split_path(p, separator) if p.strip() else None for p in paths]
    owner: dict[tuple[str, ...], int] = {}
    for index, (draft, path) in enumerate(zip(drafts, steps)):
        if path is None:
            continue
        if not draft.key:
            draft.key = separator.join(path) if path else separator
        first = owner.setdefault(path, index)
        if first != index:
            problems.append(Problem(draft.row, Sentence.of(
                "the path “{path}” in column “{column}” is also the path of {place}.",
                path=paths[index].strip(), column=column,
                place=places(unit, [drafts[first].row])), unit))
    for index, (draft, path) in enumerate(zip(drafts, steps)):
        if path is None:
            continue
        if not path or (len(path) == 1 and () not in owner):
            draft.superior = ""
            continue
        parent = owner.get(path[:-1])
        if parent is None:
            problems.append(Problem(draft.row, Sentence.of(
                "the path “{path}” in column “{column}” places it under “{parent}”, but no row "
                "has that path; add that row or correct the path.",
                path=paths[index].strip(), column=column,
                parent=separator.join(path[:-1])), unit))
            # Under its nearest ancestor, so the one problem is not followed by others.
            ancestor = next((owner[path[:n]] for n in range(len(path) - 2, 0, -1)
                             if path[:n] in owner), owner.get(()))
            draft.superior = "" if ancestor is None else drafts[ancestor].key
            continue
        draft.superior = drafts[parent].key


def last_steps(paths: Sequence[str]) -> list[str]:
    """The last step of each path (“Team 1” of `Sales/East/Team 1`; "" for none)."""
    separator = _separator(p for p in paths if p)
    return [(split_path(p, separator) or ("",))[-1] for p in paths]
