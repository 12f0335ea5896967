"""`Batch`: one edit of a document in progress, then what it did.

In the style of Gramps' `DbTxn`: ``with service.batch("Rename 组长") as batch:``
groups any number of service calls into one SQLite transaction and one undo
step.  A batch opened inside another joins it, so a composite edit cannot
become two transactions; a service method called outside any batch opens
its own.  When the block ends, `before`, `after` and `changes` hold what the
core recorded: the touched entities, their values before and after, and
their ids (for the views).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from orgdesk.core.changes import ChangeSet
from orgdesk.core.organisation import StatePatch

T = TypeVar("T")


def _empty_patch() -> StatePatch:
    return StatePatch({}, {}, {})


@dataclass(slots=True)
class Batch(Generic[T]):
    """One edit: its text, then (once committed) what it changed."""

    text: str = ""
    #: Whatever the edit hands back (a new position's id, …).
    result: T | None = None
    changes: ChangeSet = field(default_factory=ChangeSet)
    before: StatePatch = field(default_factory=_empty_patch)
    after: StatePatch = field(default_factory=_empty_patch)
    structural: bool = False
    #: An error that escaped a joined (inner) batch: the whole edit is undone.
    failure: BaseException | None = None
