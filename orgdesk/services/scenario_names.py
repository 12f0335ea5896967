"""How a scenario's name reads in each language: the default one is orgdesk's word, not the user's.

A document's first scenario is named `DEFAULT_NAME` (“现状”) by orgdesk, not by
the user: every file from before scenarios existed, and every new one until
its scenarios are named, means it (an empty `scenarios` table), and it is the
name in the file, the checksum, the team library's merge (scenarios are
matched by name) and `--scenario 现状`.  So the stored name never changes
with the language; only what a reader sees does: the window shows it in the
interface's language and a deliverable (the comparison's PDF and workbook) in
its own, like any other word orgdesk adds ("Total", "合计").  Any other name is
the user's text and is shown exactly as typed, in every language.

The one name that cannot be told apart is “现状” typed by hand, which reads
as the default does; names clash when they would read the same in either
language (see `clashes`), so two scenarios never show one name.
"""
from __future__ import annotations

from orgdesk.storage.scenario_table import DEFAULT_NAME, DEFAULT_NAMES, means_default

__all__ = ["DEFAULT_NAMES", "clashes", "means_default", "readings", "shown_name"]


def shown_name(name: str, language: str) -> str:
    """The scenario stored as `name` as a reader of `language` ("zh" or "en") sees it."""
    if name == DEFAULT_NAME:
        return DEFAULT_NAMES.get(language, name)
    return name


def readings(name: str) -> frozenset[str]:
    """Every way `name` is shown, case-folded (the default's in each language)."""
    shown = DEFAULT_NAMES.values() if name == DEFAULT_NAME else (name,)
    return frozenset(text.casefold() for text in shown)


def clashes(name: str, other: str) -> bool:
    """Whether scenarios named `name` and `other` would read the same in some language
    (letter case aside): “Current state” beside the default, or “现状” beside a
    scenario the user named “Current state”."""
    return not readings(name).isdisjoint(readings(other))

