"""The one flat layout orgdesk writes: one row per position, every field a column.

CSV and the XLSX positions sheet share it; the headers are bilingual so both
the consultant and the client read them, and `fields.is_own_table` recognises
them on the way back in, where the cells are read exactly.
"""
from __future__ import annotations

from collections.abc import Iterator

from orgdesk.core.model import CONTENT_FIELDS, FieldKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import join_kpis, join_list
from orgdesk.io.fields import EXPORT_FIELDS

HEADERS: tuple[str, ...] = tuple(f.header for f in EXPORT_FIELDS)


def _cell(kind: FieldKind, value: object) -> object:
    if kind is FieldKind.CHOICE:
        return value.value  # type: ignore[attr-defined]  # a CHOICE field holds an Enum member
    if kind is FieldKind.TEXTS:
        return join_list(value)  # type: ignore[arg-type]  # a TEXTS field holds a tuple of str
    if kind is FieldKind.KPIS:
        return join_kpis(value)  # type: ignore[arg-type]  # a KPIS field holds a tuple of Kpi
    return value


def position_rows(org: Organisation) -> Iterator[list[object]]:
    """Rows in tree order; numbers stay numbers, lists one item per line.

    Every field of the core's metadata is a column; the superior is named by
    its id and the department by its name.
    """
    names = {d.id: d.name for d in org.departments}
    content = [(f.key, f.kind, f.value_of) for f in CONTENT_FIELDS]
    for p in org.positions():
        values: dict[str, object] = {key: _cell(kind, get(p)) for key, kind, get in content}
        values.update(
            id=p.id, superior=p.superior_id, order=p.order,
            department=names.get(p.department_id, "") if p.department_id is not None else "")
        yield [values[f.key] for f in EXPORT_FIELDS]
