"""`DocumentService`: every edit of an open document goes through here.

Each public method validates against the in-memory `Organisation` (which owns
the structure rules), writes exactly what changed to the working copy in one
transaction, and returns the `ChangeSet`.  If the write fails, the in-memory
organisation is reloaded from the file so memory and disk never disagree.
Undo commands, the CLI and tests all call these methods; none writes itself.
"""
from __future__ import annotations

from collections.abc import Callable
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
from orgdesk.core.organisation import Organisation, StatePatch
from orgdesk.services.clipboard import copy_branch, paste_branch
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.mapping import write_changes


class DocumentService:
    """An open document: its file, its organisation in memory, and the edits on it."""

    def __init__(self, file: DocumentFile) -> None:
        self.file = file
        self.org: Organisation = file.load()

    def _apply(self, edit: Callable[[Organisation], ChangeSet]) -> ChangeSet:
        try:
            changes = edit(self.org)
        except Exception:
            # Rules are checked before state changes, but a failure part-way
            # through a composite edit must not leave memory half-changed.
            self.org = self.file.load()
            raise
        if changes.empty:
            return changes
        try:
            with self.file.transaction() as session:
                write_changes(session, self.org, changes)
        except BaseException:
            self.org = self.file.load()
            raise
        return changes

    # ---------------------------------------------------------------- positions
    def add_position(self, position: Position, index: int | None = None) -> ChangeSet:
        return self._apply(lambda org: org.add_position(position, index))

    def new_position(self, title: str, superior_id: PositionId | None,
                     index: int | None = None, **fields: object) -> Position:
        """Add a position with a fresh id and return it."""
        position = Position(id=self.org.next_position_id(), title=title,
                            superior_id=superior_id, **fields)  # type: ignore[arg-type]
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
        def edit(org: Organisation) -> ChangeSet:
            changes = ChangeSet()
            for order, did in enumerate(ordered):
                department = org.department(did)
                if department.order != order:
                    changes.merge(org.update_department(replace(department, order=order)))
            return changes
        return self._apply(edit)

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
        result: list[PositionId] = []

        def edit(org: Organisation) -> ChangeSet:
            changes, root = paste_branch(org, data, superior, index)
            result.append(root)
            return changes
        self._apply(edit)
        return result[0]

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

    def save(self) -> ChangeSet:
        """Save to the document's file; the file stamps a new `modified` time."""
        self.file.save()
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
