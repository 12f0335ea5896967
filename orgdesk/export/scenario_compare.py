"""A comparison of two scenarios as text lines (CLI) and as an Excel workbook.

The workbook has two sheets: "Impact" (per department and in total, each
figure in A, in B and the difference) and "Changes" (each added, removed,
moved, renamed or changed position).  Every text is a typed string cell, never
a formula (see `orgdesk.io.xlsx_format`), and the file is written atomically.
"""
from __future__ import annotations

import io
from pathlib import Path

from orgdesk.analysis.compare import ChangeKind
from orgdesk.analysis.cost import Cost, seat_cost_parts
from orgdesk.analysis.scenario_impact import (
    FIGURE_NAMES,
    ScenarioComparison,
    department_label,
    figures_of,
)
from orgdesk.core.organisation import Organisation
from orgdesk.files import write_atomically
from orgdesk.paint.scenario_pdf import Labels


def cost_by_department(org: Organisation) -> dict[str, int] | None:
    """Monthly labour cost of the planned seats per department name, in whole units of the
    document's currency, as `orgdesk.analysis.cost` counts it (pay midpoint × (1 + on-cost
    %), positions without pay not counted); None when no position has pay."""
    names = {d.id: d.name for d in org.departments}
    parts: dict[str, int] = dict.fromkeys(names.values(), 0)
    paid = False
    for position in org.positions():
        seat = seat_cost_parts(position)
        if seat is not None:
            paid = True
            name = "" if position.department_id is None else names[position.department_id]
            parts[name] = parts.get(name, 0) + seat * position.planned_headcount
    if not paid:
        return None
    return {name: round(Cost(amount).monthly_planned) for name, amount in parts.items()}


def _number(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def _delta(value: int | None) -> str:
    return "–" if value is None else f"{value:+,}" if value else "0"


def impact_lines(comparison: ScenarioComparison) -> list[str]:
    """The impact table as aligned text, then a one-line summary of the changes."""
    figures = figures_of(comparison)
    header = ["Department", *(FIGURE_NAMES[f] for f in figures)]
    table = [header]
    for row in comparison.rows:
        table.append([department_label(row), *(
            f"{_number(row.a[f])} → {_number(row.b[f])} ({_delta(row.delta(f))})"
            for f in figures)])
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = [f"{comparison.name_a} → {comparison.name_b}"]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip()
              for line in table]
    changes = comparison.changes
    counts = ", ".join(f"{changes.count(kind)} {kind.value}" for kind in ChangeKind
                       if changes.count(kind))
    lines.append(f"Positions: {counts or 'no changes'}.")
    return lines


def write_xlsx(comparison: ScenarioComparison, target: Path, labels: Labels | None = None
               ) -> None:
    """Write the comparison as an .xlsx workbook at `target`, atomically; `labels` gives
    its headings, sheet names and change details in the deliverable's language."""
    from openpyxl import Workbook

    from orgdesk.io.xlsx_format import _CellWriter

    labels = labels or Labels()
    workbook = Workbook(write_only=True)
    figures = figures_of(comparison)
    impact = workbook.create_sheet(_sheet_name(labels.impact))
    cells = _CellWriter(impact)
    impact.append([cells.header(labels.department),
                   *(cells.header(labels.column_of(f, name)) for f in figures
                     for name in (comparison.name_a, comparison.name_b, labels.difference))])
    for row in comparison.rows:
        impact.append([cells.value(department_label(row, labels.total, labels.no_department)),
                       *(value for f in figures
                         for value in (row.a[f], row.b[f], row.delta(f)))])
    changes = workbook.create_sheet(_sheet_name(labels.changes))
    cells = _CellWriter(changes)
    changes.append([cells.header(h) for h in (
        labels.change, labels.position, labels.details,
        labels.id_in.format(name=comparison.name_a), labels.id_in.format(name=comparison.name_b))])
    for change in comparison.changes.changes:
        changes.append([cells.value(labels.kinds[change.kind]), cells.value(change.title),
                        cells.value(labels.detail(change.detail)),
                        None if change.old_id is None else int(change.old_id),
                        None if change.new_id is None else int(change.new_id)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(target, buffer.getvalue())


def _sheet_name(text: str) -> str:
    """A worksheet title Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip()
    return cleaned[:31] or "Sheet"
