"""Department colours read from a table's colour column (GoJS `color`, draw.io `fill` …).

Peer layouts carry a position's fill, which orgdesk draws from its department:
a column named like a colour whose every filled value is a colour (“#RRGGBB”)
gives each department the colour of its first position, and is then drawing
data, not a note.  Departments without a coloured position keep the palette's.
"""
from __future__ import annotations

from collections.abc import Iterable

from orgdesk.core.model import Department, DepartmentId
from orgdesk.io.cells import cell_text
from orgdesk.io.fields import normalise
from orgdesk.io.graphml_yed import colour

#: Column names (normalised) that give the colour a position is drawn with.
COLOUR_KEYS = frozenset({"departmentcolour", "departmentcolor", "deptcolour", "deptcolor",
                         "colour", "color", "fill", "fillcolour", "fillcolor", "部门颜色",
                         "颜色"})


def is_colour_header(header: str) -> bool:
    return normalise(header) in COLOUR_KEYS


def department_colours(pairs: Iterable[tuple[object, object]]) -> list[Department] | None:
    """Departments coloured by (department, colour) cells in file order; None when a
    filled colour cell is no colour (the column is then something else: kept as notes)."""
    colours: dict[str, str] = {}
    for name_cell, colour_cell in pairs:
        text = cell_text(colour_cell).strip()
        if not text:
            continue
        shade = colour(text)
        if not shade:
            return None
        name = cell_text(name_cell).strip()
        if name and name not in colours:
            colours[name] = shade
    return [Department(DepartmentId(number), name, shade, number - 1)
            for number, (name, shade) in enumerate(colours.items(), 1)]
