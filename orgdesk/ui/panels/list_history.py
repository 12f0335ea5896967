"""History texts of list edits (duties, languages, skills): what changed, not "Edit duties".

`describe_list_change(words, old, new, title)` compares the list before and after
a step (or a whole merged burst of steps) and names the change: one item added,
removed or edited, a reorder, several items added or removed, or, for a mixture,
the list edited.  `ListWords` holds the translated templates of one kind of list.

`EditBursts` numbers a list widget's editing bursts: the number moves on when
the keyboard focus leaves the widget or after a pause, so the edits of one
burst in one list can merge into one undo step.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from orgdesk.core.model import Kpi
from orgdesk.ui.i18n import tr, tr_n

#: Items longer than this are cut in a history text (the whole item stays in the list).
QUOTE_CHARS = 40
#: Seconds without an edit after which the next edit starts a new burst (a new undo step).
BURST_PAUSE_S = 60.0

H = TypeVar("H", bound=Hashable)


class EditBursts(QObject):
    """The number of the editing burst `widget`'s next edit belongs to."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._number = 0
        self._last_edit = 0.0
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def next_edit(self) -> int:
        """The burst of an edit being made now (a long pause starts a new one)."""
        now = time.monotonic()
        if now - self._last_edit > BURST_PAUSE_S:
            self._number += 1
        self._last_edit = now
        return self._number

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        widget = self._widget
        inside_before = old is not None and (old is widget or widget.isAncestorOf(old))
        # A click beside the list (on its buttons) focuses the scroll area around the
        # panel: that is still this list's burst.  Anything else is leaving it.
        inside_now = new is not None and (new is widget or widget.isAncestorOf(new)
                                          or new.isAncestorOf(widget))
        if inside_before and not inside_now:
            self._number += 1  # the user went elsewhere: what follows is another step


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


def describe_list_change(words: ListWords, old_items: Sequence[H], new_items: Sequence[H],
                         title: str, label: Callable[[H], str] = str) -> str:
    """One line saying how `old_items` became `new_items` in the list of the position
    called `title`; `label` names an item (a KPI by its name)."""
    old, new = list(old_items), list(new_items)
    if old == new:
        return words.edit(title)
    if Counter(old) == Counter(new):
        return words.reorder(title)
    added = Counter(new) - Counter(old)
    removed = Counter(old) - Counter(new)
    if not removed and _is_subsequence(old, new):
        count = sum(added.values())
        if count == 1:
            return words.add_one(_quote(label(next(iter(added)))), title)
        return words.add_many(count, title)
    if not added and _is_subsequence(new, old):
        count = sum(removed.values())
        if count == 1:
            return words.remove_one(_quote(label(next(iter(removed)))), title)
        return words.remove_many(count, title)
    if len(old) == len(new):
        changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
        if len(changed) == 1:
            return words.edit_one(_quote(label(new[changed[0]])), title)
    return words.edit(title)


def kpi_label(kpi: Kpi) -> str:
    return kpi.name


def _is_subsequence(short: list[H], long: list[H]) -> bool:
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


def kpi_words() -> ListWords:
    return ListWords(
        add_one=lambda item, title: tr("ListHistory", "Add KPI “{item}” ({title})",
                                       item=item, title=title),
        remove_one=lambda item, title: tr("ListHistory", "Remove KPI “{item}” ({title})",
                                          item=item, title=title),
        edit_one=lambda item, title: tr("ListHistory", "Edit KPI “{item}” ({title})",
                                        item=item, title=title),
        add_many=lambda count, title: tr_n("ListHistory", "Add {count} KPI ({title})",
                                           "Add {count} KPIs ({title})", count, title=title),
        remove_many=lambda count, title: tr_n("ListHistory", "Remove {count} KPI ({title})",
                                              "Remove {count} KPIs ({title})", count,
                                              title=title),
        reorder=lambda title: tr("ListHistory", "Reorder KPIs ({title})", title=title),
        edit=lambda title: tr("ListHistory", "Edit KPIs ({title})", title=title))
