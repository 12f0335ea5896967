"""Printing a chart: one page when its text stays legible, else a poster of tiles.

Pure arithmetic (tested without Qt).  The plan answers: which orientation,
which scale, and which part of the chart goes on which page.

* **One page** when the chart fits at a scale where its smallest text still
  prints at `MIN_TEXT_PT` or more (or whatever the scale, when asked to fit);
  the orientation is the one that gives the larger scale (the chart's shape).
* **A poster** otherwise (or when asked): the chart at the legible scale on a
  grid of pages, neighbouring tiles overlapping by `OVERLAP` so they can be
  trimmed and glued; each tile is labelled by row letter and column number
  (A1, A2, … B1), tiles without any box are not printed, and the first page is
  an assembly map.  The orientation is the one that prints fewer pages.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from orgdesk.layout.model import ChartLayout
from orgdesk.layout.text import DETAIL_PT, DUTY_PT, TITLE_PT

Rect = tuple[float, float, float, float]  # x, y, width, height

#: Smallest text size a printed chart may have, in points.
MIN_TEXT_PT = 6.0
MARGIN = 20.0  # points (about 7 mm) around the printed area
FOOTER = 16.0  # points at the bottom of each page for the title and page label
OVERLAP = 10 * 72 / 25.4  # 10 mm of each poster tile repeated on its neighbour


@dataclass(frozen=True, slots=True)
class Tile:
    """One printed page: the part of the chart (in chart points) and the scale it prints at."""

    x: float
    y: float
    w: float
    h: float
    scale: float
    row: int
    column: int

    @property
    def label(self) -> str:
        """Row letter and column number, as on the assembly map: A1, A2, … B1."""
        return tile_label(self.row, self.column)


@dataclass(frozen=True, slots=True)
class PrintPlan:
    """How a chart is printed: page size (points, as oriented), tiles, and the grid."""

    page: tuple[float, float]
    tiles: tuple[Tile, ...]
    poster: bool
    rows: int = 1
    columns: int = 1

    @property
    def landscape(self) -> bool:
        return self.page[0] > self.page[1]

    @property
    def pages(self) -> int:
        """Pages printed: the tiles, plus the assembly map of a poster."""
        return len(self.tiles) + (1 if self.poster else 0)


def tile_label(row: int, column: int) -> str:
    letters = ""
    n = row + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{column + 1}"


def legible_scale(smallest_pt: float) -> float:
    """The smallest scale at which text of `smallest_pt` points still prints legibly."""
    return min(1.0, MIN_TEXT_PT / max(smallest_pt, 0.1))


def usable(page: tuple[float, float]) -> tuple[float, float]:
    """The printed area of a page: inside the margins, above the footer."""
    return page[0] - 2 * MARGIN, page[1] - 2 * MARGIN - FOOTER


def _oriented(paper: tuple[float, float], landscape: bool) -> tuple[float, float]:
    short, long = sorted(paper)
    return (long, short) if landscape else (short, long)


def _one_page_scale(width: float, height: float, page: tuple[float, float]) -> float:
    uw, uh = usable(page)
    return min(uw / max(width, 1e-9), uh / max(height, 1e-9), 1.0)


def _grid(length: float, span: float, step: float) -> int:
    """Tiles of `span` every `step` needed to cover `length`."""
    return max(1, math.ceil((length - span) / step - 1e-9) + 1) if length > span else 1


def _poster(width: float, height: float, boxes: list[Rect], page: tuple[float, float],
            scale: float) -> PrintPlan:
    uw, uh = usable(page)
    span_w, span_h = uw / scale, uh / scale
    step_w, step_h = (uw - OVERLAP) / scale, (uh - OVERLAP) / scale
    columns, rows = _grid(width, span_w, step_w), _grid(height, span_h, step_h)
    # Which tiles a box reaches, found from the box (not tile by tile): linear in boxes.
    used: set[tuple[int, int]] = set()
    for x, y, w, h in boxes:
        c0, c1 = max(0, int((x - span_w) // step_w)), min(columns - 1, int((x + w) // step_w))
        r0, r1 = max(0, int((y - span_h) // step_h)), min(rows - 1, int((y + h) // step_h))
        for r in range(r0, r1 + 1):
            top = r * step_h
            if not (y < top + span_h and y + h > top):
                continue
            for c in range(c0, c1 + 1):
                left = c * step_w
                if x < left + span_w and x + w > left:
                    used.add((r, c))
    tiles = tuple(Tile(c * step_w, r * step_h, min(span_w, width - c * step_w),
                       min(span_h, height - r * step_h), scale, r, c)
                  for r in range(rows) for c in range(columns) if (r, c) in used)
    return PrintPlan(page, tiles, True, rows, columns)


def plan_print(width: float, height: float, boxes: list[Rect], paper: tuple[float, float],
               smallest_pt: float, landscape: bool | None = None, fit: bool = False,
               poster: bool = False) -> PrintPlan:
    """How to print a chart of `width` × `height` points whose boxes are `boxes`.

    `paper` is the sheet (either way round); `landscape` None chooses the
    orientation; `smallest_pt` is the size of the chart's smallest text.
    """
    turns = [landscape] if landscape is not None else [width >= height, width < height]
    legible = legible_scale(smallest_pt)
    if not poster:
        best = max(turns, key=lambda t: _one_page_scale(width, height, _oriented(paper, t)))
        page = _oriented(paper, best)
        scale = _one_page_scale(width, height, page)
        if fit or scale >= legible:
            return PrintPlan(page, (Tile(0.0, 0.0, width, height, scale, 0, 0),), False)
    plans = [_poster(width, height, boxes, _oriented(paper, t), legible) for t in turns]
    return min(plans, key=lambda plan: len(plan.tiles))


def estimated_pages(width: float, height: float, paper: tuple[float, float],
                    smallest_pt: float) -> int:
    """An upper bound of the pages a poster of this chart takes (empty tiles included)."""
    scale = legible_scale(smallest_pt)
    best = math.inf
    for turn in (False, True):
        uw, uh = usable(_oriented(paper, turn))
        pages = (_grid(width, uw / scale, (uw - OVERLAP) / scale)
                 * _grid(height, uh / scale, (uh - OVERLAP) / scale))
        best = min(best, pages)
    return int(best) + 1


def smallest_text_pt(chart: ChartLayout) -> float:
    """The size of the smallest text in the chart's boxes (titles, details, duties).

    The ×N badges are left out: bold white digits on a strong colour stay
    readable below the size of running text.
    """
    smallest = TITLE_PT
    for box in chart.boxes.values():
        text = box.text
        if text.duty_lines:
            return DUTY_PT
        if text.detail_lines:
            smallest = DETAIL_PT
    return smallest
