"""Summary figures and soundness checks of a document (CLI `info` and `check`)."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from orgdesk.core.errors import Sentence
from orgdesk.core.model import Position
from orgdesk.core.organisation import Organisation
from orgdesk.storage.sqlite_file import connect_readonly, integrity_problems


def summary(org: Organisation) -> dict[str, Any]:
    """The figures `orgdesk info --json` prints."""
    totals = org.totals()
    # One pass files every position under its department (not one pass per department).
    by_department: dict[object, list[Position]] = {d.id: [] for d in org.departments}
    for position in org.positions():
        by_department.setdefault(position.department_id, []).append(position)
    departments = []
    for department in org.departments:
        dept_totals = org.totals(by_department[department.id])
        departments.append({
            "name": department.name,
            "colour": department.colour,
            "positions": dept_totals.positions,
            "headcount_planned": dept_totals.planned,
            "headcount_filled": dept_totals.filled,
        })
    return {
        "title": org.info.title,
        "client": org.info.client,
        "author": org.info.author,
        "created": org.info.created.isoformat(),
        "modified": org.info.modified.isoformat(),
        "positions": totals.positions,
        "headcount_planned": totals.planned,
        "headcount_filled": totals.filled,
        "vacancies": totals.vacancies,
        "over": totals.over,
        "depth": org.depth(),
        "roots": len(org.roots()),
        "root_titles": [p.title for p in org.roots()],
        "departments": departments,
        "relations": len(org.relations),
        "warnings": warnings(org),
    }


def warnings(org: Organisation) -> list[Sentence]:
    """Things a consultant should look at; none of them makes the file unsound.

    Sentences (plain English text to the CLI), so the window can show them translated.
    """
    found: list[Sentence] = []
    for position in org.positions():
        if position.filled_headcount > position.planned_headcount:
            found.append(Sentence.of(
                "“{title}” has {filled} seats filled but only {planned} planned.",
                title=position.title, filled=position.filled_headcount,
                planned=position.planned_headcount))
        if position.planned_headcount == 0 and not position.headcount_note:
            found.append(Sentence.of("“{title}” has no planned seats.", title=position.title))
    for relation in org.relations:
        source = org.position(relation.source_id)
        if source.superior_id == relation.target_id:
            found.append(Sentence.of(
                "The dotted line from “{title}” repeats its solid reporting line.",
                title=source.title))
    return found


_ORDERS_SHOWN = 20


def structure_problems(org: Organisation) -> list[str]:
    """Violations of the structure rules (an Organisation that loaded is a forest)."""
    problems = []
    if not org.is_forest():
        problems.append("The reporting lines are not a forest.")
    for parent in [None, *[p.id for p in org.positions()]]:
        orders = [p.order for p in org.direct_reports(parent)]
        if orders != list(range(len(orders))):
            what = "the top level" if parent is None else f"“{org.position(parent).title}”"
            # A few orders show the problem; 100,000 of them would bury it.
            shown = ", ".join(map(str, orders[:_ORDERS_SHOWN]))
            if len(orders) > _ORDERS_SHOWN:
                shown += f", … ({len(orders)} in all)"
            problems.append(f"The reports of {what} have an inconsistent order [{shown}].")
    return problems


def file_problems(path: Path) -> list[str]:
    """SQLite's full integrity_check and foreign_key_check of a file."""
    conn = connect_readonly(path)
    try:
        return integrity_problems(conn)
    except sqlite3.DatabaseError as exc:
        return [f"SQLite could not check the file: {exc}"]
    finally:
        conn.close()
