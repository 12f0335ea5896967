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


def write_xlsx(comparison: ScenarioComparison, target: Path) -> None:
    """Write the comparison as an .xlsx workbook at `target`, atomically."""
    from openpyxl import Workbook

    from orgdesk.io.xlsx_format import _CellWriter

    workbook = Workbook(write_only=True)
    figures = figures_of(comparison)
    impact = workbook.create_sheet("Impact")
    cells = _CellWriter(impact)
    impact.append([cells.header("Department"),
                   *(cells.header(f"{FIGURE_NAMES[f]} ({name})") for f in figures
                     for name in (comparison.name_a, comparison.name_b, "Δ"))])
    for row in comparison.rows:
        impact.append([cells.value(department_label(row)),
                       *(value for f in figures
                         for value in (row.a[f], row.b[f], row.delta(f)))])
    changes = workbook.create_sheet("Changes")
    cells = _CellWriter(changes)
    changes.append([cells.header(h) for h in ("Change", "Position", "Details",
                                              f"Id in {comparison.name_a}",
                                              f"Id in {comparison.name_b}")])
    for change in comparison.changes.changes:
        changes.append([cells.value(change.kind.value), cells.value(change.title),
                        cells.value(change.detail),
                        None if change.old_id is None else int(change.old_id),
                        None if change.new_id is None else int(change.new_id)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(target, buffer.getvalue())
