"""Undo commands: each holds plain state patches (never ORM objects or widgets).

An edit is performed once by the document controller; the command it pushes
records the touched entities before and after, so undo and redo restore
them exactly — same ids, same superiors, same sibling order.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from orgdesk.core.organisation import StatePatch

#: QUndoCommand.id() of commands that may merge (typing bursts in one field).
MERGEABLE_ID = 0x0D6


class PatchCommand(QUndoCommand):
    """One undoable edit: apply `before` to undo it, `after` to redo it."""

    def __init__(self, text: str, apply: Callable[[StatePatch], object], before: StatePatch,
                 after: StatePatch, merge_key: Hashable | None = None,
                 already_done: bool = True,
                 describe: Callable[[StatePatch, StatePatch], str] | None = None) -> None:
        super().__init__(text)
        self.describe = describe
        self._apply = apply
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self._skip_redo = already_done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False  # the controller already performed the edit
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:
        return MERGEABLE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, PatchCommand) or other.merge_key != self.merge_key:
            return False
        # Undo must restore everything either edit touched, as it was before the first.
        self.before = _combine(other.before, self.before)
        self.after = _combine(self.after, other.after)
        # A burst reads as one step: "Rename 组长 → 班长", not the last keystroke.
        self.setText(self.describe(self.before, self.after) if self.describe else other.text())
        if self.after == self.before:
            self.setObsolete(True)  # typed and typed back: nothing left to undo
        return True


def _combine(first: StatePatch, later: StatePatch) -> StatePatch:
    """`first` overlaid with `later`: every entity of both, `later`'s value winning."""
    return StatePatch(positions={**first.positions, **later.positions},
                      departments={**first.departments, **later.departments},
                      relations={**first.relations, **later.relations},
                      info=later.info if later.info is not None else first.info)
