"""`DocumentController`: the one QObject between an open document and the widgets.

Widgets never call the service directly: they ask the controller to
`execute` an edit with a readable text.  The controller performs it through
the service, pushes a `PatchCommand` on the undo stack and announces what
changed; undo and redo come back through `apply_patch`.  Errors the user can
act on (a cycle, a full disk) come out of the `problem` signal as one sentence.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from orgdesk.commands import PatchCommand, PatchStack
from orgdesk.commands.journal import keep_journal
from orgdesk.commands.scenario import ScenarioCommand
from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation, StatePatch
from orgdesk.services import DocumentService
from orgdesk.services.batch import Batch
from orgdesk.services.scenarios import ScenarioEdit, ScenarioService
from orgdesk.storage.undo_journal import JournalStep
from orgdesk.ui.messages import user_message

T = TypeVar("T")


class DocumentController(QObject):
    """An open document's service and undo stack, with Qt signals."""

    #: (ChangeSet, structural) — structural when positions were added, removed or moved.
    changed = Signal(object, bool)
    #: One sentence for the status bar or a message box.
    problem = Signal(str)
    modified_changed = Signal(bool)
    #: The document's scenarios were created, renamed, deleted, reordered or switched.
    scenarios_changed = Signal()

    def __init__(self, service: DocumentService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack = PatchStack(self)
        # A recovered or upgraded working copy differs from the file before any edit,
        # and so does an untitled document with contents (a sample); a blank
        # untitled one holds nothing to lose.
        org = service.org
        blank = service.file.path is None and not len(org) and not org.departments \
            and not org.relations
        self._dirty_baseline = service.file.modified and not blank
        # The undo history is kept beside the working copy, so a recovery can still undo.
        self.scenarios = ScenarioService(service)
        self.journal = keep_journal(self.undo_stack, service.file.undo_journal, org,
                                    service.file.recovered_history, self.apply_patch,
                                    self._scenario_command)
        self.undo_stack.cleanChanged.connect(lambda _clean: self.modified_changed.emit(
            self.is_modified))

    @property
    def org(self) -> Organisation:
        return self.service.org

    @property
    def is_modified(self) -> bool:
        return self._dirty_baseline or not self.undo_stack.isClean()

    def execute(self, text: str, edit: Callable[[DocumentService], T],
                merge_key: Hashable | None = None,
                describe: Callable[[StatePatch, StatePatch], str] | None = None
                ) -> Batch[T] | None:
        """Perform `edit(service)` as one undoable step.

        Returns the finished batch (its `result` is what `edit` returned), or
        None when the edit was refused — then `problem` says why in one sentence.
        """
        org = self.org
        try:
            with self.service.batch(text) as batch:
                batch.result = edit(self.service)
            done: Batch[T] = batch
        except UserError as exc:
            self._resync(org)
            self.problem.emit(user_message(exc))
            return None
        if not done.changes.empty:
            self.undo_stack.push(PatchCommand(text, self.apply_patch, done.before, done.after,
                                              merge_key, describe=describe))
            self.changed.emit(done.changes, done.structural)
        return done

    def apply_patch(self, patch: StatePatch) -> bool:
        """Undo/redo entry point: restore entities exactly and announce the change.

        False (and `problem`) when the patch could not be applied; the undo
        stack then keeps its index.
        """
        org = self.org
        try:
            with self.service.batch() as batch:
                self.service.apply_patch(patch)
        except UserError as exc:
            self._resync(org)
            self.problem.emit(user_message(exc))
            return False
        self.changed.emit(batch.changes, batch.structural)
        return True

    # ------------------------------------------------------------ scenarios
    def execute_scenario(self, text: str,
                         operation: Callable[[ScenarioService], ScenarioEdit]) -> bool:
        """Perform a scenario operation as one undoable step; False (and `problem`) if
        it was refused."""
        org = self.org
        try:
            edit = operation(self.scenarios)
        except UserError as exc:
            self._resync(org)
            self.problem.emit(user_message(exc))
            return False
        if edit.steps:
            self.undo_stack.push(ScenarioCommand(text, self.apply_scenario, edit))
            self._scenario_done(org)
        return True

    def apply_scenario(self, edit: ScenarioEdit) -> bool:
        """Undo/redo entry point of scenario steps."""
        org = self.org
        try:
            self.scenarios.apply(edit)
        except UserError as exc:
            self._resync(org)
            self.problem.emit(user_message(exc))
            return False
        self._scenario_done(org)
        return True

    def _scenario_done(self, org: Organisation) -> None:
        if self.service.org is not org:  # switched: every view takes the new organisation
            self.changed.emit(ChangeSet(), True)
        self.scenarios_changed.emit()

    def _scenario_command(self, step: JournalStep) -> PatchCommand:
        return ScenarioCommand(step.text, self.apply_scenario,
                               ScenarioEdit.from_json(step.scenario or []))

    def _resync(self, org: Organisation) -> None:
        """After a refused edit the service may have reloaded its organisation from the
        working copy as a new object: views holding the old one must take the new one."""
        if self.service.org is not org:
            self.changed.emit(ChangeSet(), True)

    def mark_saved(self) -> None:
        self._dirty_baseline = False
        self.undo_stack.setClean()
        self.modified_changed.emit(self.is_modified)

