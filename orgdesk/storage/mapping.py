"""Translation between ORM rows and the core's frozen entities.

`load_organisation` reads a whole document; `write_changes` writes exactly the
ids a `ChangeSet` names, reading their new values from the organisation.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
    RelationKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.storage.schema import (
    DepartmentRow,
    DutyRow,
    KpiRow,
    LanguageRow,
    MetaRow,
    PositionRow,
    RelationRow,
    SkillRow,
)

INFO_KEYS = ("title", "client", "author", "notes", "created", "modified")


def _position(row: PositionRow) -> Position:
    return Position(
        id=PositionId(row.id),
        title=row.title,
        superior_id=None if row.superior_id is None else PositionId(row.superior_id),
        order=row.sort_order,
        department_id=None if row.department_id is None else DepartmentId(row.department_id),
        kind=PositionKind(row.kind),
        level=row.level,
        planned_headcount=row.planned_headcount,
        headcount_note=row.headcount_note,
        filled_headcount=row.filled_headcount,
        duties=tuple(d.text for d in row.duties),
        requirements=Requirements(
            education=row.education,
            min_years=row.min_years,
            age_min=row.age_min,
            age_max=row.age_max,
            languages=tuple(item.text for item in row.languages),
            skills=tuple(item.text for item in row.skills),
            other=row.other_requirements,
        ),
        kpis=tuple(Kpi(k.name, k.target) for k in row.kpis),
        career_path=row.career_path,
        notes=row.notes,
    )


def _fill_position_row(row: PositionRow, position: Position) -> None:
    req = position.requirements
    row.superior_id = position.superior_id
    row.sort_order = position.order
    row.title = position.title
    row.department_id = position.department_id
    row.kind = position.kind.value
    row.level = position.level
    row.planned_headcount = position.planned_headcount
    row.headcount_note = position.headcount_note
    row.filled_headcount = position.filled_headcount
    row.education = req.education
    row.min_years = req.min_years
    row.age_min = req.age_min
    row.age_max = req.age_max
    row.other_requirements = req.other
    row.career_path = position.career_path
    row.notes = position.notes
    row.duties = [DutyRow(seq=i, text=t) for i, t in enumerate(position.duties)]
    row.languages = [LanguageRow(seq=i, text=t) for i, t in enumerate(req.languages)]
    row.skills = [SkillRow(seq=i, text=t) for i, t in enumerate(req.skills)]
    row.kpis = [KpiRow(seq=i, name=k.name, target=k.target) for i, k in enumerate(position.kpis)]


def load_info(session: Session) -> DocumentInfo:
    values = {row.key: row.value for row in session.scalars(select(MetaRow))}
    defaults = DocumentInfo()
    return DocumentInfo(
        title=values.get("title", ""),
        client=values.get("client", ""),
        author=values.get("author", ""),
        notes=values.get("notes", ""),
        created=datetime.fromisoformat(values["created"]) if "created" in values else defaults.created,
        modified=datetime.fromisoformat(values["modified"]) if "modified" in values else defaults.modified,
    )


def write_info(session: Session, info: DocumentInfo) -> None:
    values = {
        "title": info.title, "client": info.client, "author": info.author, "notes": info.notes,
        "created": info.created.isoformat(), "modified": info.modified.isoformat(),
    }
    for key, value in values.items():
        session.merge(MetaRow(key=key, value=value))


def load_organisation(session: Session) -> Organisation:
    departments = [
        Department(DepartmentId(r.id), r.name, r.colour, r.sort_order)
        for r in session.scalars(select(DepartmentRow))
    ]
    positions = [_position(r) for r in session.scalars(select(PositionRow))]
    relations = [
        Relation(RelationId(r.id), PositionId(r.source_id), PositionId(r.target_id),
                 RelationKind(r.kind), r.label)
        for r in session.scalars(select(RelationRow))
    ]
    return Organisation(load_info(session), departments, positions, relations)


def write_changes(session: Session, org: Organisation, changes: ChangeSet) -> None:
    """Write what `changes` names, in an order the foreign keys accept."""
    if changes.info_changed:
        write_info(session, org.info)
    for did in changes.departments_added + changes.departments_updated:
        department = org.department(did)
        session.merge(DepartmentRow(id=department.id, name=department.name,
                                    colour=department.colour, sort_order=department.order))
    if changes.relations_removed:
        session.execute(delete(RelationRow).where(RelationRow.id.in_(changes.relations_removed)))
    # Parents before children for inserts; children before parents for deletes.
    touched = set(changes.positions_added) | set(changes.positions_updated)
    in_tree_order = [p for p in org.positions() if p.id in touched]
    for position in in_tree_order:
        row = session.get(PositionRow, position.id) or PositionRow(id=position.id)
        _fill_position_row(row, position)
        session.add(row)
        session.flush()
    removed = set(changes.positions_removed)
    while removed:
        # Remove leaves of the removed set first (their rows reference each other).
        leaves = {pid for pid in removed
                  if not session.scalar(select(PositionRow.id).where(
                      PositionRow.superior_id == pid).limit(1))}
        if not leaves:
            raise RuntimeError("removed positions still have reports in the file")
        for pid in leaves:
            row = session.get(PositionRow, pid)
            if row is not None:
                session.delete(row)
        session.flush()
        removed -= leaves
    for did in changes.departments_removed:
        row = session.get(DepartmentRow, did)
        if row is not None:
            session.delete(row)
    for rid in changes.relations_added:
        relation = org.relation(rid)
        session.merge(RelationRow(id=relation.id, source_id=relation.source_id,
                                  target_id=relation.target_id, kind=relation.kind.value,
                                  label=relation.label))
    session.flush()


def write_organisation(session: Session, org: Organisation) -> None:
    """Write a whole organisation into an empty document."""
    write_changes(session, org, ChangeSet(
        positions_added=[p.id for p in org.positions()],
        departments_added=[d.id for d in org.departments],
        relations_added=[r.id for r in org.relations],
        info_changed=True,
    ))
