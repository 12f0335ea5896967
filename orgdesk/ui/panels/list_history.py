"""History texts of list edits (duties, languages, skills): what changed, not "Edit duties".

`describe_list_change(words, old, new, title)` compares the list before and after
a step (or a whole merged burst of steps) and names the change: one item added,
removed or edited, a reorder, several items added or removed, or, for a mixture,
the list edited.  `ListWords` holds the translated templates of one kind of list.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from orgdesk.ui.i18n import tr, tr_n

#: Items longer than this are cut in a history text (the whole item stays in the list).
QUOTE_CHARS = 40


@dataclass(frozen=True)
class ListWords:
    """The translated history templates of one kind of list item."""

    add_one: Callable[[str, str], str]
    remove_one: Callable[[str, str], str]
    edit_one: Callable[[str, str], str]
    add_many: Callable[[int, str], str]
    remove_many: Callable[[int, str], str]
    reorder: Callable[[str], str]
    edit: Callable[[str], str]


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


def describe_list_change(words: ListWords, old: Sequence[str], new: Sequence[str],
                         title: str) -> str:
    """One line saying how `old` became `new` in the list of the position called `title`."""
    old, new = list(old), list(new)
    if old == new:
        return words.edit(title)
    if Counter(old) == Counter(new):
        return words.reorder(title)
    added = Counter(new) - Counter(old)
    removed = Counter(old) - Counter(new)
    if not removed and _is_subsequence(old, new):
        count = sum(added.values())
        if count == 1:
            return words.add_one(_quote(next(iter(added))), title)
        return words.add_many(count, title)
    if not added and _is_subsequence(new, old):
        count = sum(removed.values())
        if count == 1:
            return words.remove_one(_quote(next(iter(removed))), title)
        return words.remove_many(count, title)
    if len(old) == len(new):
        changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
        if len(changed) == 1:
            return words.edit_one(_quote(new[changed[0]]), title)
    return words.edit(title)


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    """Whether `short` is `long` with some items left out (order kept)."""
    rest = iter(long)
    return all(any(item == other for other in rest) for item in short)


def duty_words() -> ListWords:
    return ListWords(
        add_one=lambda item, title: tr("ListHistory", "Add duty “{item}” ({title})",
                                       item=item, title=title),
        remove_one=lambda item, title: tr("ListHistory", "Remove duty “{item}” ({title})",
                                          item=item, title=title),
        edit_one=lambda item, title: tr("ListHistory", "Edit duty “{item}” ({title})",
                                        item=item, title=title),
        add_many=lambda count, title: tr_n("ListHistory", "Add {count} duty ({title})",
                                           "Add {count} duties ({title})", count, title=title),
        remove_many=lambda count, title: tr_n("ListHistory", "Remove {count} duty ({title})",
                                              "Remove {count} duties ({title})", count,
                                              title=title),
        reorder=lambda title: tr("ListHistory", "Reorder duties ({title})", title=title),
        edit=lambda title: tr("ListHistory", "Edit duties ({title})", title=title))


def language_words() -> ListWords:
    return ListWords(
        add_one=lambda item, title: tr("ListHistory", "Add language “{item}” ({title})",
                                       item=item, title=title),
        remove_one=lambda item, title: tr("ListHistory", "Remove language “{item}” ({title})",
                                          item=item, title=title),
        edit_one=lambda item, title: tr("ListHistory", "Edit language “{item}” ({title})",
                                        item=item, title=title),
        add_many=lambda count, title: tr_n("ListHistory", "Add {count} language ({title})",
                                           "Add {count} languages ({title})", count,
                                           title=title),
        remove_many=lambda count, title: tr_n("ListHistory", "Remove {count} language ({title})",
                                              "Remove {count} languages ({title})", count,
                                              title=title),
        reorder=lambda title: tr("ListHistory", "Reorder languages ({title})", title=title),
        edit=lambda title: tr("ListHistory", "Edit languages ({title})", title=title))


def skill_words() -> ListWords:
    return ListWords(
        add_one=lambda item, title: tr("ListHistory", "Add skill “{item}” ({title})",
                                       item=item, title=title),
        remove_one=lambda item, title: tr("ListHistory", "Remove skill “{item}” ({title})",
                                          item=item, title=title),
        edit_one=lambda item, title: tr("ListHistory", "Edit skill “{item}” ({title})",
                                        item=item, title=title),
        add_many=lambda count, title: tr_n("ListHistory", "Add {count} skill ({title})",
                                           "Add {count} skills ({title})", count, title=title),
        remove_many=lambda count, title: tr_n("ListHistory", "Remove {count} skill ({title})",
                                              "Remove {count} skills ({title})", count,
                                              title=title),
        reorder=lambda title: tr("ListHistory", "Reorder skills ({title})", title=title),
        edit=lambda title: tr("ListHistory", "Edit skills ({title})", title=title))
