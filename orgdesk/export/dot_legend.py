"""The chart's legend: what its colours, dashed borders, badges and lines mean.

Only what the chart shows is explained: the departments of its boxes (in the
document's order, each as a box of that department's colours), vacancies
(dashed border), ×N seats, staff posts and dotted-line relations.  Each entry
is a small node drawn the way the chart draws the thing it explains, so the
legend needs no HTML-like label and looks the same with either Graphviz; the
entries are part of the DOT, so paging and fitting see the legend as part of
the drawing.  The words come from the deliverable's language.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from orgdesk.core.model import DepartmentId, PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.layout.style import BADGE_FILL, DETAIL_TEXT, NO_DEPARTMENT, OVER, RELATION, mix
from orgdesk.layout.text import clean, text_units, truncate
from orgdesk.layout.words import Words

LEGEND_PT = 9.0
ENTRY_H = 20.0
ENTRY_GAP = 6.0
NAME_UNITS = 30


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One line of the legend: a swatch node showing `text`."""

    key: str  # what it explains: "title", "department", "vacant", "over", "seats", "staff", "dotted"
    text: str
    fill: str = "#FFFFFF"
    border: str = "#FFFFFF"
    dashed: bool = False
    fontcolor: str = DETAIL_TEXT
    boxed: bool = True  # drawn as a rounded box (else as plain text)

    @property
    def width(self) -> float:
        return max(72.0, text_units(self.text) * 0.55 * LEGEND_PT + 20)


def legend_entries(org: Organisation, shown: Iterable[PositionId], words: Words,
                   staffing: bool, relations: bool, staff_shown: bool) -> list[LegendEntry]:
    """The legend of a chart showing the positions `shown` (and relations, if any)."""
    departments: set[DepartmentId | None] = set()
    vacant = staff = over = False
    seats = 1
    for pid in shown:
        position = org.position(pid)
        departments.add(position.department_id)
        seats = max(seats, position.planned_headcount)
        vacant = vacant or (staffing and position.vacancies > 0)
        over = over or position.over > 0
        staff = staff or position.kind is PositionKind.STAFF
    entries = [LegendEntry("title", words.legend, boxed=False, fontcolor=DETAIL_TEXT)]
    for department in org.departments:
        if department.id in departments:
            entries.append(LegendEntry(
                "department", truncate(clean(department.name), NAME_UNITS),
                mix(department.colour, "#FFFFFF", 0.6), mix(department.colour, "#000000", 0.25)))
    if None in departments:
        entries.append(LegendEntry("department", words.legend_department,
                                   mix(NO_DEPARTMENT, "#FFFFFF", 0.6),
                                   mix(NO_DEPARTMENT, "#000000", 0.25)))
    grey = mix(NO_DEPARTMENT, "#000000", 0.25)
    if vacant:
        entries.append(LegendEntry("vacant", words.legend_vacant, "#FFFFFF", grey, dashed=True))
    if over:
        entries.append(LegendEntry("over", words.legend_over, "#FFFFFF", OVER))
    if seats > 1:  # the chart's own largest badge, so no "N" in a Chinese legend
        entries.append(LegendEntry("seats", f"×{seats}  {words.legend_seats}", boxed=False,
                                   fontcolor=BADGE_FILL))
    if staff and staff_shown:
        entries.append(LegendEntry("staff", words.legend_staff,
                                   mix(NO_DEPARTMENT, "#FFFFFF", 0.82), grey))
    if relations:
        entries.append(LegendEntry("dotted", f"┄┄▸  {words.legend_dotted}", boxed=False,
                                   fontcolor=RELATION))
    return entries


def legend_size(entries: list[LegendEntry]) -> tuple[float, float]:
    """Width and height in points of the legend column."""
    width = max((e.width for e in entries), default=0.0)
    return width, len(entries) * (ENTRY_H + ENTRY_GAP) - ENTRY_GAP
