"""The chart's appearance: colours, line styles and badge geometry, shared by the
on-screen chart view and the DOT export (neither depends on the other)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from orgdesk.core.organisation import Organisation
from orgdesk.layout.model import Box

NO_DEPARTMENT = "#8A8F98"
CONNECTOR = "#5B6270"
RELATION = "#8E6BB5"
BADGE_FILL = "#B03A2E"
BADGE_TEXT = "#FFFFFF"
TITLE_TEXT = "#1B1F24"
DETAIL_TEXT = "#3D4450"
TOGGLE = "#5B6270"
#: Over-staffing (超编): the border of such a box, its tree row and its marks in the window.
OVER = "#C62828"

#: The ×N badge of a box standing for several seats: font size and height in points.
BADGE_PT = 8.0
BADGE_H = 14.0


def estimate_size_badge(badge: str) -> tuple[float, float]:
    """Size of a ×N badge in points (the chart view and the export draw the same)."""
    return len(badge) * BADGE_PT * 0.62 + 10, BADGE_H


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@functools.lru_cache(maxsize=1024)  # a chart has a few departments and 10,000 boxes
def mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way towards `other`."""
    a, b = _rgb(colour), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b))


@dataclass(frozen=True, slots=True)
class BoxStyle:
    """How one box is painted."""

    fill: str
    border: str
    dashed: bool = False  # a vacancy
    staff: bool = False  # drawn lighter, as an assistant/staff post
    over: bool = False  # filled beyond the plan (超编): a red, heavier border


def box_style(org: Organisation, box: Box, staffing: bool) -> BoxStyle:
    """Department colour as a light fill with a darker border; lighter still for staff."""
    position = org.position(box.id)
    base = (org.department(position.department_id).colour
            if position.department_id is not None else NO_DEPARTMENT)
    fill = mix(base, "#FFFFFF", 0.82 if box.staff else 0.6)
    vacant = staffing and position.vacancies > 0
    if position.over:
        return BoxStyle(fill, OVER, False, box.staff, True)
    return BoxStyle(fill, mix(base, "#000000", 0.25), vacant, box.staff)
