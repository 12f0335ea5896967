"""Applying a derived structure to an open document as one undoable step.

Everything happens inside one `DocumentService.batch`: one SQLite
transaction and one undo step (in the window, `DocumentController.execute`
wraps the call, and the batch opened here joins it).  The agent seats the
plan assumed are set first (the sizing's result), then every line's edits in
plan order.  A plan made from another state of the document is refused
rather than half-applied: each edit names the seats it expects to find.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from orgdesk.core.errors import Sentence
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import DESIGN_FIXED_SETTING
from orgdesk.design.structure import (
    CreatePosition,
    RemovePosition,
    SetSeats,
    StructureError,
    StructurePlan,
    derive_structure,
    with_fixed,
)
from orgdesk.design.templates import template_by_key
from orgdesk.services import DocumentService
from orgdesk.services.batch import Batch

#: The undo step's text (the window translates it through the History's context).
APPLY_TEXT = "Apply the derived structure"


class StalePlan(StructureError):
    """The document changed after the plan was made."""


def _stale() -> StalePlan:
    return StalePlan(Sentence.of("The organisation changed after the structure was derived; "
                                 "derive it again."))


def _description(service: DocumentService, edit: CreatePosition) -> dict[str, Any]:
    """The new position's fields: a copy of `like`'s job description, else the library's."""
    org = service.org
    if edit.like is not None:
        if edit.like not in org:
            raise _stale()
        model = org.position(edit.like)
        return {"department_id": model.department_id, "kind": model.kind, "level": model.level,
                "duties": model.duties, "requirements": model.requirements,
                "kpis": model.kpis, "career_path": model.career_path}
    template = template_by_key(edit.template) if edit.template else None
    fields: dict[str, Any] = {}
    if template is not None:
        fields = {"level": template.level, "duties": template.duties,
                  "requirements": template.requirements, "kpis": template.kpis,
                  "career_path": template.career_path}
        department = next((d for d in org.departments if d.name == template.department), None)
        if department is not None:
            fields["department_id"] = department.id
    if "department_id" not in fields and edit.superior_id is not None:
        fields["department_id"] = org.position(edit.superior_id).department_id
    return fields


def _create(service: DocumentService, edit: CreatePosition,
            created: dict[PositionId, PositionId]) -> Position:
    org = service.org
    superior = edit.superior_id
    if superior is not None and superior < 0:  # a position this plan created earlier
        superior = created[superior]
        edit = replace(edit, superior_id=superior)
    if superior is not None and superior not in org:
        raise _stale()
    adopt = tuple(created[pid] if pid < 0 else pid for pid in edit.adopt)
    for pid in adopt:
        if pid not in org or org.position(pid).superior_id != superior:
            raise _stale()
    index = org.row_of(adopt[0]) if adopt else None
    position = service.new_position(edit.title, superior, index,
                                    planned_headcount=edit.seats,
                                    **_description(service, edit))
    if edit.key is not None:
        created[edit.key] = position.id
    for order, pid in enumerate(adopt):
        service.move_position(pid, position.id, order)
    return position


def apply_structure(service: DocumentService, plan: StructurePlan,
                    text: str = APPLY_TEXT) -> Batch[list[PositionId]]:
    """Apply `plan` to the service's document as one step; the batch's result lists the
    positions created.  Raises StalePlan (nothing changed) if the document moved on."""
    with service.batch(text) as batch:
        org = service.org
        for pid, seats in plan.agent_seats.items():
            if pid not in org:
                raise _stale()
            if org.position(pid).planned_headcount != seats:
                service.edit_position(pid, planned_headcount=seats)
        created: list[PositionId] = []
        stand_ins: dict[PositionId, PositionId] = {}
        for edit in plan.edits:
            if isinstance(edit, SetSeats):
                if edit.position_id not in org or \
                        org.position(edit.position_id).planned_headcount != edit.before:
                    raise _stale()
                service.edit_position(edit.position_id, planned_headcount=edit.after)
            elif isinstance(edit, RemovePosition):
                if edit.position_id not in org or org.report_ids(edit.position_id):
                    raise _stale()
                service.remove_branch(edit.position_id)
            else:
                created.append(_create(service, edit, stand_ins).id)
        batch.result = created
    return batch


def set_fixed(service: DocumentService, ids: Iterable[PositionId], fixed: bool = True
              ) -> None:
    """Mark (or unmark) positions as fixed for derived structures: one undoable step."""
    value = with_fixed(service.org, ids, fixed)
    text = "Mark positions as fixed" if fixed else "Unmark fixed positions"
    with service.batch(text):
        service.set_setting(DESIGN_FIXED_SETTING, value or None)


def write_structured_copy(org: Organisation, target: Path, *,
                          agents: Mapping[int, int] | None = None,
                          fix: Iterable[PositionId] = (), unfix: Iterable[PositionId] = (),
                          apply: bool = True) -> tuple[StructurePlan, Organisation]:
    """Mark `fix`/`unfix`, derive the structure (with `agents`), apply it when `apply`,
    and write the result as a new file `target` (atomically, as `orgdesk new` does);
    the document `org` came from is never touched.  Returns the plan and the result."""
    from orgdesk.storage.document import DocumentFile, create_file

    with DocumentFile.new(org.copy()) as file:
        service = DocumentService(file)
        fix, unfix = list(fix), list(unfix)
        if fix:
            set_fixed(service, fix, True)
        if unfix:
            set_fixed(service, unfix, False)
        plan = derive_structure(service.org, None, agents)
        if apply:
            apply_structure(service, plan)
        create_file(target, service.org)
        return plan, service.org
