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
from orgdesk.core.settings import dump_setting, parse_setting
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


def _driver(session: Session) -> Any:
    """The DB-API connection under the session, for bulk reads without row objects."""
    return session.connection().connection.driver_connection


def _grouped(session: Session, table: str, columns: str) -> dict[int, list[Any]]:
    """Child-table rows grouped by position, in seq order."""
    result: dict[int, list[Any]] = defaultdict(list)
    rows = _driver(session).execute(
        f"SELECT position_id, {columns} FROM {table} ORDER BY position_id, seq").fetchall()
    if rows and len(rows[0]) == 2:
        for pid, value in rows:
            result[pid].append(value)
    else:
        for pid, *values in rows:
            result[pid].append(tuple(values))
    return result


SETTING_PREFIX = "setting."


def load_settings(session: Session) -> dict[str, Any]:
    """Document settings: meta rows `setting.<name>` holding JSON, each checked by its rule.

    A bad value raises InvalidSetting naming the setting (core.settings).
    """
    settings = {}
    for key, value in _driver(session).execute(
            "SELECT key, value FROM meta WHERE substr(key, 1, 8) = 'setting.'"):
        name = key[len(SETTING_PREFIX):]
        settings[name] = parse_setting(name, value)
    return settings


def write_settings(session: Session, settings: dict[str, Any], names: list[str]) -> None:
    for name in names:
        key = SETTING_PREFIX + name
        if name in settings:
            session.merge(MetaRow(key=key, value=dump_setting(settings[name])))
        else:
            session.execute(delete(MetaRow).where(MetaRow.key == key))


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


_POSITION_COLUMNS = ("id, superior_id, sort_order, title, department_id, kind, level, "
                     "planned_headcount, headcount_note, filled_headcount, education, min_years, "
                     "age_min, age_max, other_requirements, career_path, notes")


def load_organisation(session: Session) -> Organisation:
    """Read a whole document with one query per table.

    Bulk reads go straight through the DB-API cursor: for 10,000 positions
    SQLAlchemy's row objects cost more than the rest of the load together.
    """
    driver = _driver(session)
    departments = [
        Department(DepartmentId(i), name, colour, order)
        for i, name, colour, order in driver.execute(
            "SELECT id, name, colour, sort_order FROM departments")
    ]
    duties = _grouped(session, "duties", "text")
    languages = _grouped(session, "languages", "text")
    skills = _grouped(session, "skills", "text")
    kpis = _grouped(session, "kpis", "name, target")
    kinds = {kind.value: kind for kind in PositionKind}
    empty: tuple[Any, ...] = ()
    positions = [
        Position(
            id=PositionId(pid), title=title,
            superior_id=None if superior is None else PositionId(superior), order=order,
            department_id=None if department is None else DepartmentId(department),
            kind=kinds[kind], level=level, planned_headcount=planned, headcount_note=note,
            filled_headcount=filled, duties=tuple(duties.get(pid, empty)),
            requirements=Requirements(
                education=education, min_years=min_years, age_min=age_min, age_max=age_max,
                languages=tuple(languages.get(pid, empty)), skills=tuple(skills.get(pid, empty)),
                other=other),
            kpis=tuple(Kpi(name, target) for name, target in kpis.get(pid, empty)),
            career_path=career, notes=notes,
        )
        for (pid, superior, order, title, department, kind, level, planned, note, filled,
             education, min_years, age_min, age_max, other, career, notes)
        in driver.execute(f"SELECT {_POSITION_COLUMNS} FROM positions")
    ]
    relations = [
        Relation(RelationId(i), PositionId(source), PositionId(target), RelationKind(kind), label)
        for i, source, target, kind, label in driver.execute(
            "SELECT id, source_id, target_id, kind, label FROM relations")
    ]
    return Organisation(load_info(session), departments, positions, relations,
                        load_settings(session))


def write_changes(session: Session, org: Organisation, changes: ChangeSet) -> None:
    """Write exactly what `changes` names, with set-based statements.

    Foreign keys are deferred to the commit of this transaction, so rows can be
    written in any order and a half-applied edit can never be committed.
    """
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    if changes.info_changed:
        write_info(session, org.info)
    if changes.settings_changed:
        write_settings(session, org.settings, changes.settings_changed)
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


_INSERTS = {
    "departments": "INSERT INTO departments (id, name, colour, sort_order) VALUES (?, ?, ?, ?)",
    "positions": "INSERT INTO positions (id, superior_id, sort_order, title, department_id, kind, "
                 "level, planned_headcount, headcount_note, filled_headcount, education, "
                 "min_years, age_min, age_max, other_requirements, career_path, notes) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "duties": "INSERT INTO duties (position_id, seq, text) VALUES (?, ?, ?)",
    "languages": "INSERT INTO languages (position_id, seq, text) VALUES (?, ?, ?)",
    "skills": "INSERT INTO skills (position_id, seq, text) VALUES (?, ?, ?)",
    "kpis": "INSERT INTO kpis (position_id, seq, name, target) VALUES (?, ?, ?, ?)",
    "relations": "INSERT INTO relations (id, source_id, target_id, kind, label) "
                 "VALUES (?, ?, ?, ?, ?)",
}


def write_organisation(session: Session, org: Organisation) -> None:
    """Write a whole organisation into an empty document, in the session's transaction.

    An import brings up to 100,000 positions and half a million list rows, so
    they go through the DB-API cursor's executemany with plain tuples:
    SQLAlchemy's per-row parameter processing made write_changes take 9 s of a
    100,000-row import (benchmarks/bench_import.py), the SQLite work itself < 1 s.
    """
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    write_info(session, org.info)
    write_settings(session, org.settings, list(org.settings))
    session.flush()
    # In id order: each table's B-tree then grows at its end (a third faster than tree order).
    positions: tuple[Position, ...] = org.snapshot()[2]  # type: ignore[assignment]
    rows: dict[str, Any] = {
        "departments": ((d.id, d.name, d.colour, d.order) for d in org.departments),
        "positions": ((p.id, p.superior_id, p.order, p.title, p.department_id, p.kind.value,
                       p.level, p.planned_headcount, p.headcount_note, p.filled_headcount,
                       p.requirements.education, p.requirements.min_years,
                       p.requirements.age_min, p.requirements.age_max, p.requirements.other,
                       p.career_path, p.notes) for p in positions),
        "duties": ((p.id, i, t) for p in positions for i, t in enumerate(p.duties)),
        "languages": ((p.id, i, t) for p in positions
                      for i, t in enumerate(p.requirements.languages)),
        "skills": ((p.id, i, t) for p in positions for i, t in enumerate(p.requirements.skills)),
        "kpis": ((p.id, i, k.name, k.target) for p in positions for i, k in enumerate(p.kpis)),
        "relations": ((r.id, r.source_id, r.target_id, r.kind.value, r.label)
                      for r in org.relations),
    }
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for table, statement in _INSERTS.items():
            cursor.executemany(statement, rows[table])
    finally:
        cursor.close()
