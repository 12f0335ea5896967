"""`DocumentController`: the one QObject between an open document and the widgets.

Widgets never call the service directly: they ask the controller to
`execute` an edit with a readable text.  The controller performs it through
the service, pushes a `PatchCommand` on the undo stack and announces what
changed; undo and redo come back through `apply_patch`.  Errors the user can
act on (a cycle, a full disk) come out of the `problem` signal as one sentence.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, Signal

from orgdesk.commands import PatchCommand, PatchStack
from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation, StatePatch
from orgdesk.services import DocumentService
from orgdesk.ui.messages import user_message

Edit = Callable[[DocumentService], object]


class DocumentController(QObject):
    """An open document's service and undo stack, with Qt signals."""

    #: (ChangeSet, structural) — structural when positions were added, removed or moved.
    changed = Signal(object, bool)
    #: One sentence for the status bar or a message box.
    problem = Signal(str)
    modified_changed = Signal(bool)

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
        self.undo_stack.cleanChanged.connect(lambda _clean: self.modified_changed.emit(
            self.is_modified))

    @property
    def org(self) -> Organisation:
        return self.service.org

    @property
    def is_modified(self) -> bool:
        return self._dirty_baseline or not self.undo_stack.isClean()

    def execute(self, text: str, edit: Edit, merge_key: Hashable | None = None,
                describe: Callable[[StatePatch, StatePatch], str] | None = None) -> bool:
        """Perform `edit(service)` as one undoable step; False (and `problem`) if refused."""
        org, before_state = self.org, self.org.capture()
        try:
            result = edit(self.service)
        except UserError as exc:
            self._resync(org)
            self.problem.emit(user_message(exc))
            return False
        changes = result if isinstance(result, ChangeSet) else self._diff(before_state)
        if changes.empty:
            return True
        before = self.org.state_of(changes, before_state)
        after = self.org.state_of(changes)
        self.undo_stack.push(PatchCommand(text, self.apply_patch, before, after, merge_key,
                                          describe=describe))
        self.changed.emit(changes, _structural(before, after))
        return True

    def _diff(self, before_state) -> ChangeSet:  # noqa: ANN001
        """Changes of an edit that returned no ChangeSet (e.g. returned a new entity)."""
        now = self.org.capture()
        changes = ChangeSet()
        for pid in before_state.positions.keys() | now.positions.keys():
            old, new = before_state.positions.get(pid), now.positions.get(pid)
            if old is None:
                changes.positions_added.append(pid)
            elif new is None:
                changes.positions_removed.append(pid)
            elif old is not new and old != new:
                changes.positions_updated.append(pid)
        for did in before_state.departments.keys() | now.departments.keys():
            old, new = before_state.departments.get(did), now.departments.get(did)
            if old is None:
                changes.departments_added.append(did)
            elif new is None:
                changes.departments_removed.append(did)
            elif old != new:
                changes.departments_updated.append(did)
        for rid in before_state.relations.keys() | now.relations.keys():
            if rid not in before_state.relations:
                changes.relations_added.append(rid)
            elif rid not in now.relations:
                changes.relations_removed.append(rid)
        changes.info_changed = before_state.info != now.info
        changes.settings_changed = [
            name for name in before_state.settings.keys() | now.settings.keys()
            if before_state.settings.get(name) != now.settings.get(name)]
        return changes

    def apply_patch(self, patch: StatePatch) -> bool:
        """Undo/redo entry point: restore entities exactly and announce the change.

        False (and `problem`) when the patch could not be applied; the undo
        stack then keeps its index.
        """
        org, before = self.org, self.org.state_of(_touched(patch))
        try:
            changes = self.service.apply_patch(patch)
        except UserError as exc:
            self._resync(org)
            self.problem.emit(user_message(exc))
            return False
        self.changed.emit(changes, _structural(before, patch))
        return True

    def _resync(self, org: Organisation) -> None:
        """After a refused edit the service may have reloaded its organisation from the
        working copy as a new object: views holding the old one must take the new one."""
        if self.service.org is not org:
            self.changed.emit(ChangeSet(), True)

    def mark_saved(self) -> None:
        self._dirty_baseline = False
        self.undo_stack.setClean()
        self.modified_changed.emit(self.is_modified)


def _touched(patch: StatePatch) -> ChangeSet:
    return ChangeSet(positions_updated=list(patch.positions),
                     departments_updated=list(patch.departments),
                     relations_added=list(patch.relations),
                     info_changed=patch.info is not None,
                     settings_changed=list(patch.settings))


def _structural(before: StatePatch, after: StatePatch) -> bool:
    for pid in before.positions.keys() | after.positions.keys():
        old, new = before.positions.get(pid), after.positions.get(pid)
        if old is None or new is None:
            return True
        if (old.superior_id, old.order) != (new.superior_id, new.order):
            return True
    return False
