"""`DocumentService`: every edit of an open document goes through here.

Each public method validates against the in-memory `Organisation` (which owns
the structure rules) and changes it inside a `batch`: the organisation records
the entities each mutation touches, and when the outermost batch ends exactly
those rows and columns are written to the working copy in one SQLite
transaction (committed with synchronous=FULL, so every edit survives a
crash).  If anything fails — a rule, a bug, a full disk — the recorded values
are put back, so memory and disk never disagree.  Undo commands, the CLI and
tests all call these methods; none writes itself.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Position,
    PositionId,
    Relation,
    RelationId,
    RelationKind,
)
from orgdesk.core.organisation import Organisation, RecordedEdit, StatePatch
from orgdesk.services.batch import Batch
from orgdesk.services.clipboard import copy_branch, paste_branch
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.patch_write import write_patch


class DocumentService:
    """An open document: its file, its organisation in memory, and the edits on it."""

    def __init__(self, file: DocumentFile) -> None:
        self.file = file
        self.org: Organisation = file.load()
        self._batch: Batch[Any] | None = None

    @contextlib.contextmanager
    def batch(self, text: str = "") -> Iterator[Batch[Any]]:
        """One edit: every service call inside is one transaction and one undo step."""
        outer = self._batch
        if outer is not None:
            try:
                yield outer
            except BaseException as exc:
                # Even if the caller catches it, a half-done step must not be committed.
                outer.failure = outer.failure or exc
                raise
            return
        batch: Batch[Any] = Batch(text)
        org = self.org
        org.start_recording()
        self._batch = batch
        try:
            yield batch
        except BaseException:
            self._roll_back(org, org.stop_recording())
            raise
        finally:
            self._batch = None
        edit = org.stop_recording()
        if batch.failure is not None:
            self._roll_back(org, edit)
            raise batch.failure
        if not edit.changes.empty:
            try:
                with self.file.transaction() as session:
                    write_patch(session, edit.before, edit.after)
            except BaseException:
                self._roll_back(org, edit)
                raise
        batch.changes, batch.before, batch.after = edit.changes, edit.before, edit.after
        batch.structural = edit.structural

    def _roll_back(self, org: Organisation, edit: RecordedEdit) -> None:
        """Put the organisation back as it was before the edit (the same object, so views
        holding it stay valid); only if that fails is it read again from the file."""
        try:
            org.apply_patch(edit.before)
        except Exception:  # noqa: BLE001 - whatever failed, the file holds the truth
            self.org = self.file.load()

    def _apply(self, edit: Callable[[Organisation], ChangeSet]) -> ChangeSet:
        with self.batch():
            return edit(self.org)

    # ---------------------------------------------------------------- positions
    def add_position(self, position: Position, index: int | None = None) -> ChangeSet:
        return self._apply(lambda org: org.add_position(position, index))

    def new_position(self, title: str, superior_id: PositionId | None,
                     index: int | None = None, **fields: object) -> Position:
        """Add a position with a fresh id and return it.

        A report takes its superior's department unless `fields` name one: a team
        leader added under 客服部's manager belongs to 客服部 too."""
        if "department_id" not in fields and superior_id is not None:
            fields["department_id"] = self.org.position(superior_id).department_id
        position = Position(id=self.org.next_position_id(), title=title,
                            superior_id=superior_id, **fields)  # type: ignore[arg-type]  # field names and values are checked by Position.__post_init__
        self.add_position(position, index)
        return self.org.position(position.id)

    def update_position(self, position: Position) -> ChangeSet:
        """Replace a position's fields; a changed superior or order is refused (use a move)."""
        if position == self.org.position(position.id):
            return ChangeSet()
        return self._apply(lambda org: org.update_position(position))

    def edit_position(self, pid: PositionId, **fields: object) -> ChangeSet:
        return self.update_position(self.org.position(pid).evolve(**fields))

    def move_position(self, pid: PositionId, new_superior: PositionId | None,
                      index: int | None = None) -> ChangeSet:
        return self._apply(lambda org: org.move_position(pid, new_superior, index))

    def move_position_alone(self, pid: PositionId, new_superior: PositionId | None,
                            index: int | None = None) -> ChangeSet:
        """Move only `pid`; its reports stay behind with its old superior."""
        return self._apply(lambda org: org.move_position_alone(pid, new_superior, index))

    def remove_branch(self, pid: PositionId) -> ChangeSet:
        return self._apply(lambda org: org.remove_branch(pid))

    def remove_position_lifting_reports(self, pid: PositionId) -> ChangeSet:
        return self._apply(lambda org: org.remove_position_lifting_reports(pid))

    # -------------------------------------------------------------- departments
    def add_department(self, name: str, colour: str = "#D9E2F3") -> Department:
        department = Department(self.org.next_department_id(), name, colour,
                                len(self.org.departments))
        self._apply(lambda org: org.add_department(department))
        return department

    def update_department(self, department: Department) -> ChangeSet:
        return self._apply(lambda org: org.update_department(department))

    def remove_department(self, did: DepartmentId) -> ChangeSet:
        return self._apply(lambda org: org.remove_department(did))

    def reorder_departments(self, ordered: list[DepartmentId]) -> ChangeSet:
        """Give the departments the display order of `ordered`."""
        changes = ChangeSet()
        with self.batch():
            for order, did in enumerate(ordered):
                department = self.org.department(did)
                if department.order != order:
                    changes.merge(self.org.update_department(replace(department, order=order)))
        return changes

    # ---------------------------------------------------------------- relations
    def add_relation(self, source: PositionId, target: PositionId,
                     kind: RelationKind = RelationKind.DOTTED, label: str = "") -> Relation:
        relation = Relation(self.org.next_relation_id(), source, target, kind, label)
        self._apply(lambda org: org.add_relation(relation))
        return relation

    def remove_relation(self, rid: RelationId) -> ChangeSet:
        return self._apply(lambda org: org.remove_relation(rid))

    # ---------------------------------------------------------------- clipboard
    def copy_branch(self, pid: PositionId) -> dict[str, Any]:
        return copy_branch(self.org, pid)

    def paste_branch(self, data: dict[str, Any], superior: PositionId | None,
                     index: int | None = None) -> PositionId:
        """Paste a copied branch; returns the id of its new top position."""
        with self.batch():
            return paste_branch(self.org, data, superior, index)[1]

    # --------------------------------------------------------------- undo/redo
    def apply_patch(self, patch: StatePatch) -> ChangeSet:
        """Restore entities exactly (the undo stack's only way to write)."""
        return self._apply(lambda org: org.apply_patch(patch))

    # ----------------------------------------------------------------- document
    def set_setting(self, name: str, value: Any) -> ChangeSet:
        return self._apply(lambda org: org.set_setting(name, value))

    def set_info(self, info: DocumentInfo) -> ChangeSet:
        if info == self.org.info:
            return ChangeSet()
        return self._apply(lambda org: org.set_info(info))

    def save(self, overwrite: bool = False) -> ChangeSet:
        """Save to the document's file; the file stamps a new `modified` time.

        `overwrite`: even if another program changed the file since it was opened.
        """
        self.file.save(overwrite)
        return self._reload_info()

    def save_as(self, target: Path | str) -> ChangeSet:
        """Save under a new name, which becomes the document's file."""
        self.file.save_as(target)
        return self._reload_info()

    def _reload_info(self) -> ChangeSet:
        # Saving writes info.modified into the working copy; without this the
        # memory's info would differ from the disk's after every save.
        self.org.info = self.file.load_info()
        return ChangeSet(info_changed=True)
