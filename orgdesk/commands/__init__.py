"""Undo commands: each holds plain state patches (never ORM objects or widgets).

An edit is performed once by the document controller; the command it pushes
records the touched entities before and after, so undo and redo restore
them exactly — same ids, same superiors, same sibling order.  A step that
cannot be applied (a full disk) leaves the document and the stack's index
where they were, so the steps that remain still fit the document.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from orgdesk.core.organisation import StatePatch

#: QUndoCommand.id() of commands that may merge (typing bursts in one field).
MERGEABLE_ID = 0x0D6


class PatchCommand(QUndoCommand):
    """One undoable edit: apply `before` to undo it, `after` to redo it.

    `apply` returns False when the patch could not be applied (the document is
    then unchanged); any other result counts as done.
    """

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
        self._skip_undo = False
        self._stack: PatchStack | None = None

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False  # already done: by the controller, or a failed undo
            return
        self._step(self.after, undoing=False)

    def undo(self) -> None:
        if self._skip_undo:
            self._skip_undo = False  # never redone: a failed redo
            return
        self._step(self.before, undoing=True)

    def _step(self, patch: StatePatch, undoing: bool) -> None:
        stack = self._stack
        # After an earlier step of this sweep failed, the rest wait too.
        done = not (stack is not None and stack.sweep_failed) and self._apply(patch) is not False
        if stack is not None:
            stack.step_finished(done)
        if not done:
            # The document still shows this step as it was; the stack steps back over it.
            if undoing:
                self._skip_redo = True
            else:
                self._skip_undo = True

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


class PatchStack(QUndoStack):
    """A QUndoStack that moves its index only over the steps that were applied.

    QUndoStack moves its index whatever a command's undo() did; when a patch
    fails part-way through a sweep (one undo, or a jump in the history view),
    this stack puts the index back just before the failed step.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sweep_failed = False
        self._sweep_start: int | None = None
        self._applied = 0
        self._correcting = False
        self.indexChanged.connect(self._sweep_ended)

    def push(self, cmd: QUndoCommand) -> None:
        if isinstance(cmd, PatchCommand):
            cmd._stack = self
        super().push(cmd)

    def step_finished(self, done: bool) -> None:
        if self._correcting:
            return
        if self._sweep_start is None:
            self._sweep_start = self.index()  # Qt updates the index only after the sweep
        if done and not self.sweep_failed:
            self._applied += 1
        elif not done:
            self.sweep_failed = True

    def _sweep_ended(self, index: int) -> None:
        if self._correcting or self._sweep_start is None:
            return
        start, applied, failed = self._sweep_start, self._applied, self.sweep_failed
        self._sweep_start, self._applied, self.sweep_failed = None, 0, False
        if not failed:
            return
        target = start - applied if index < start else start + applied
        self._correcting = True
        try:
            self.setIndex(target)  # the steps in between skip: they were never applied
        finally:
            self._correcting = False


def _combine(first: StatePatch, later: StatePatch) -> StatePatch:
    """`first` overlaid with `later`: every entity of both, `later`'s value winning."""
    return StatePatch(positions={**first.positions, **later.positions},
                      departments={**first.departments, **later.departments},
                      relations={**first.relations, **later.relations},
                      info=later.info if later.info is not None else first.info,
                      settings={**first.settings, **later.settings})
