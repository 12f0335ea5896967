"""Keeping an undo stack in step with its journal beside the working copy.

`JournalKeeper` mirrors the stack's steps (the command objects and the JSON
of their patches) and, whenever the stack's index changes — a push, a merge
into the last step, an obsolete step removed, undo, redo, a jump in the
history view, a clear — appends one line saying which steps stay, which are
new and where the index is (see orgdesk.storage.undo_journal).  Only the
steps that changed are compared and written, from the top of the stack
down, so an edit costs one short line whatever the length of the history.

`restore_history` does the reverse after a crash: it puts the journal's
steps back on a fresh stack without applying any of them (the recovered
working copy already holds their effect), with the undone ones above the
index, ready to be redone.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from orgdesk.commands import PatchCommand, PatchStack
from orgdesk.core.organisation import Organisation, StatePatch
from orgdesk.storage.undo_journal import History, JournalStep, UndoJournal, step_to_json


class JournalKeeper(QObject):
    """Writes every change of `stack` to `journal`."""

    def __init__(self, stack: PatchStack, journal: UndoJournal) -> None:
        super().__init__(stack)
        self.stack = stack
        self.journal = journal
        # (command, before, after, text) of each step as last written, and its JSON.
        self._known: list[tuple[object, StatePatch, StatePatch, str]] = []
        self._json: list[str] = []
        self._index = 0
        self._sync(rewrite=True)
        stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, _index: int) -> None:
        if shiboken6.isValid(self.stack):  # not while the stack itself is being deleted
            self._sync()

    def _identity(self, i: int) -> tuple[object, StatePatch, StatePatch, str]:
        command = self.stack.command(i)
        if isinstance(command, PatchCommand):
            return command, command.before, command.after, command.text()
        return command, StatePatch({}, {}, {}), StatePatch({}, {}, {}), command.text()

    def _sync(self, rewrite: bool = False) -> None:
        stack, known = self.stack, self._known
        count, index = stack.count(), stack.index()
        keep = min(count, len(known))
        while keep and not _same(self._identity(keep - 1), known[keep - 1]):
            keep -= 1
        if not rewrite and keep == count == len(known) and index == self._index:
            return  # nothing the journal does not know already
        added = []
        for i in range(keep, count):
            identity = self._identity(i)
            added.append(identity)
        del known[keep:], self._json[keep:]
        known.extend(added)
        new_json = [step_to_json(JournalStep(text, before, after, scenario_json(command)))
                    for command, before, after, text in added]
        self._json.extend(new_json)
        self._index = index
        if rewrite or self.journal.wants_compaction:
            self.journal.rewrite(self._json, index)
        else:
            self.journal.append(keep, new_json, index)


def scenario_json(command: object) -> list[Any] | None:
    """A scenario command's steps as JSON (see commands.scenario), None for any other."""
    data = getattr(command, "scenario_json", None)
    return data() if callable(data) else None


def _same(a: tuple[object, StatePatch, StatePatch, str],
          b: tuple[object, StatePatch, StatePatch, str]) -> bool:
    return a[0] is b[0] and a[1] is b[1] and a[2] is b[2] and a[3] == b[3]


#: Makes the undo command of a journalled scenario step (the controller's), or None
#: when this stack has none: a history holding scenario steps is then not restored.
ScenarioCommands = Callable[[JournalStep], PatchCommand] | None


def restore_history(stack: PatchStack, history: History,
                    apply: Callable[[StatePatch], object],
                    scenario_command: ScenarioCommands = None) -> None:
    """Put `history`'s steps on the empty `stack` as they were, applying none of them."""
    if scenario_command is None and any(step.scenario is not None for step in history.steps):
        return  # restoring them as patches would undo edits in the wrong scenario
    try:
        commands = [PatchCommand(step.text, apply, step.before, step.after)
                    if step.scenario is None or scenario_command is None
                    else scenario_command(step)
                    for step in history.steps]
    except (ValueError, KeyError, TypeError):
        return  # a malformed scenario step: the history is not offered
    for command in commands:
        stack.push(command)  # already done: the working copy holds every done step
    for command in commands[history.index:]:
        command._skip_undo = True  # undone before the crash: the copy holds its `before`
    stack.setIndex(history.index)


def keep_journal(stack: PatchStack, journal: UndoJournal, org: Organisation,
                 history: History | None, apply: Callable[[StatePatch], object],
                 scenario_command: ScenarioCommands = None) -> JournalKeeper:
    """Restore `history` if it fits `org`, then journal every later change of `stack`."""
    if history is not None and history.fits(org):
        restore_history(stack, history, apply, scenario_command)
    return JournalKeeper(stack, journal)
