"""Translation between ORM rows and the core's frozen entities.

`load_organisation` reads a whole document; `write_changes` writes exactly the
ids a `ChangeSet` names, reading their new values from the organisation.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, text, update
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


_LIST_TABLES = (DutyRow, LanguageRow, SkillRow)


def _position_values(position: Position) -> dict[str, object]:
    req = position.requirements
    return {
        "id": position.id, "superior_id": position.superior_id, "sort_order": position.order,
        "title": position.title, "department_id": position.department_id,
        "kind": position.kind.value, "level": position.level,
        "planned_headcount": position.planned_headcount,
        "headcount_note": position.headcount_note,
        "filled_headcount": position.filled_headcount, "education": req.education,
        "min_years": req.min_years, "age_min": req.age_min, "age_max": req.age_max,
        "other_requirements": req.other, "career_path": position.career_path,
        "notes": position.notes,
    }


def _grouped(session: Session, *columns: Any) -> dict[int, list[Any]]:
    """Child-table rows grouped by position, in seq order."""
    table = columns[0].table
    result: dict[int, list[Any]] = defaultdict(list)
    query = select(table.c.position_id, *columns).order_by(table.c.position_id, table.c.seq)
    for row in session.execute(query):
        result[row[0]].append(row[1] if len(row) == 2 else tuple(row[1:]))
    return result


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
    """Read a whole document with one query per table (no per-row ORM loading)."""
    departments = [
        Department(DepartmentId(r.id), r.name, r.colour, r.sort_order)
        for r in session.execute(select(DepartmentRow.__table__))
    ]
    duties = _grouped(session, DutyRow.text)
    languages = _grouped(session, LanguageRow.text)
    skills = _grouped(session, SkillRow.text)
    kpis = _grouped(session, KpiRow.name, KpiRow.target)
    positions = [
        Position(
            id=PositionId(r.id), title=r.title,
            superior_id=None if r.superior_id is None else PositionId(r.superior_id),
            order=r.sort_order,
            department_id=None if r.department_id is None else DepartmentId(r.department_id),
            kind=PositionKind(r.kind), level=r.level, planned_headcount=r.planned_headcount,
            headcount_note=r.headcount_note, filled_headcount=r.filled_headcount,
            duties=tuple(duties.get(r.id, ())),
            requirements=Requirements(
                education=r.education, min_years=r.min_years, age_min=r.age_min,
                age_max=r.age_max, languages=tuple(languages.get(r.id, ())),
                skills=tuple(skills.get(r.id, ())), other=r.other_requirements),
            kpis=tuple(Kpi(name, target) for name, target in kpis.get(r.id, ())),
            career_path=r.career_path, notes=r.notes,
        )
        for r in session.execute(select(PositionRow.__table__))
    ]
    relations = [
        Relation(RelationId(r.id), PositionId(r.source_id), PositionId(r.target_id),
                 RelationKind(r.kind), r.label)
        for r in session.execute(select(RelationRow.__table__))
    ]
    return Organisation(load_info(session), departments, positions, relations)


def write_changes(session: Session, org: Organisation, changes: ChangeSet) -> None:
    """Write exactly what `changes` names, with set-based statements.

    Foreign keys are deferred to the commit of this transaction, so rows can be
    written in any order and a half-applied edit can never be committed.
    """
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    if changes.info_changed:
        write_info(session, org.info)
    departments = DepartmentRow.__table__
    if changes.departments_removed:
        session.execute(delete(departments).where(
            departments.c.id.in_(changes.departments_removed)))
    for did in changes.departments_added + changes.departments_updated:
        department = org.department(did)
        session.merge(DepartmentRow(id=department.id, name=department.name,
                                    colour=department.colour, sort_order=department.order))
    relations = RelationRow.__table__
    if changes.relations_removed:
        session.execute(delete(relations).where(relations.c.id.in_(changes.relations_removed)))
    positions = PositionRow.__table__
    removed = list(changes.positions_removed)
    touched = list(dict.fromkeys(changes.positions_added + changes.positions_updated))
    for chunk in _chunks(removed + touched):
        # Child rows of touched positions are rewritten below; removed ones go for good.
        for table in (*(t.__table__ for t in _LIST_TABLES), KpiRow.__table__):
            session.execute(delete(table).where(table.c.position_id.in_(chunk)))
    for chunk in _chunks(removed):
        session.execute(delete(relations).where(
            relations.c.source_id.in_(chunk) | relations.c.target_id.in_(chunk)))
        session.execute(delete(positions).where(positions.c.id.in_(chunk)))
    added = set(changes.positions_added)
    values = [_position_values(org.position(pid)) for pid in touched]
    inserts = [v for v in values if v["id"] in added]
    updates = [{**v, "pid": v["id"]} for v in values if v["id"] not in added]
    if inserts:
        session.execute(insert(positions), inserts)
    if updates:
        columns = {name: bindparam(name) for name in values[0] if name != "id"}
        session.execute(update(positions).where(positions.c.id == bindparam("pid"))
                        .values(**columns), updates)
    if touched:
        duty_rows, language_rows, skill_rows, kpi_rows = [], [], [], []
        for pid in touched:
            position = org.position(pid)
            req = position.requirements
            duty_rows += [{"position_id": pid, "seq": i, "text": t}
                          for i, t in enumerate(position.duties)]
            language_rows += [{"position_id": pid, "seq": i, "text": t}
                              for i, t in enumerate(req.languages)]
            skill_rows += [{"position_id": pid, "seq": i, "text": t}
                           for i, t in enumerate(req.skills)]
            kpi_rows += [{"position_id": pid, "seq": i, "name": k.name, "target": k.target}
                         for i, k in enumerate(position.kpis)]
        for table, rows in ((DutyRow, duty_rows), (LanguageRow, language_rows),
                            (SkillRow, skill_rows), (KpiRow, kpi_rows)):
            if rows:
                session.execute(insert(table.__table__), rows)
    for rid in changes.relations_added:
        relation = org.relation(rid)
        session.execute(insert(relations).values(
            id=relation.id, source_id=relation.source_id, target_id=relation.target_id,
            kind=relation.kind.value, label=relation.label))
    session.flush()


def _chunks(ids: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def write_organisation(session: Session, org: Organisation) -> None:
    """Write a whole organisation into an empty document."""
    write_changes(session, org, ChangeSet(
        positions_added=[p.id for p in org.positions()],
        departments_added=[d.id for d in org.departments],
        relations_added=[r.id for r in org.relations],
        info_changed=True,
    ))
