"""The one flat layout orgdesk writes: one row per position, every field a column.

CSV and the XLSX positions sheet share it; the headers are bilingual so both
the consultant and the client read them, and `fields.is_own_table` recognises
them on the way back in, where the cells are read exactly.
"""
from __future__ import annotations

from collections.abc import Iterator

from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import join_kpis, join_list
from orgdesk.io.fields import EXPORT_FIELDS

HEADERS: tuple[str, ...] = tuple(f.header for f in EXPORT_FIELDS)


def position_rows(org: Organisation) -> Iterator[list[object]]:
    """Rows in tree order; numbers stay numbers, lists one item per line."""
    names = {d.id: d.name for d in org.departments}
    for p in org.positions():
        req = p.requirements
        values: dict[str, object] = {
            "id": p.id, "superior": p.superior_id, "order": p.order, "title": p.title,
            "department": names.get(p.department_id, "") if p.department_id is not None else "",
            "kind": p.kind.value, "level": p.level, "planned_headcount": p.planned_headcount,
            "headcount_note": p.headcount_note, "filled_headcount": p.filled_headcount,
            "duties": join_list(p.duties), "education": req.education,
            "min_years": req.min_years, "age_min": req.age_min, "age_max": req.age_max,
            "languages": join_list(req.languages), "skills": join_list(req.skills),
            "other_requirements": req.other, "kpis": join_kpis(p.kpis),
            "career_path": p.career_path, "notes": p.notes,
        }
        yield [values[f.key] for f in EXPORT_FIELDS]
