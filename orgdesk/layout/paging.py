"""Splitting a large chart across printed pages, cutting between boxes.

A chart too big for one page at a legible scale is printed as a grid of
tiles.  Each cut is moved back to the nearest gap between boxes, so no box is
sliced in two unless a single box is wider than a page; tiles that would hold
no box are dropped.  Pure arithmetic, so it is tested without Qt.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # x, y, width, height

#: Scale below which a chart is split rather than shrunk onto one page
#: (titles of 11 pt print at 8 pt or more).
LEGIBLE_SCALE = 0.75
MARGIN = 28.0  # points, about 10 mm
FOOTER = 16.0  # points at the bottom of each page for the title and page number


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


def _merged(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _cuts(length: float, span: float, covered: list[tuple[float, float]]) -> list[float]:
    """Cut positions 0 = c0 < c1 < … = length with each piece at most `span` long."""
    cuts = [0.0]
    while length - cuts[-1] > span:
        limit = cuts[-1] + span
        cut = limit
        for start, end in covered:
            if start < limit < end:  # the limit falls inside a box: cut before it
                if start - cuts[-1] > span / 3:
                    cut = start
                break
        cuts.append(cut)
    cuts.append(length)
    return cuts


def plan_pages(width: float, height: float, boxes: list[Rect], page: tuple[float, float],
               fit: bool) -> list[Tile]:
    """Tiles covering a chart of `width` × `height` points on pages of size `page`."""
    usable_w = page[0] - 2 * MARGIN
    usable_h = page[1] - 2 * MARGIN - FOOTER
    whole = min(usable_w / width, usable_h / height) if width and height else 1.0
    if fit or whole >= LEGIBLE_SCALE:
        return [Tile(0.0, 0.0, width, height, min(whole, 1.0), 0, 0)]
    scale = LEGIBLE_SCALE
    gap = 2.0  # keep a hair of white beside a cut so a neighbouring border is not clipped
    xs = _cuts(width, usable_w / scale, _merged([(x - gap, x + w + gap) for x, _, w, _ in boxes]))
    ys = _cuts(height, usable_h / scale, _merged([(y - gap, y + h + gap) for _, y, _, h in boxes]))
    tiles = []
    for row, (y0, y1) in enumerate(itertools.pairwise(ys)):
        for column, (x0, x1) in enumerate(itertools.pairwise(xs)):
            if any(x < x1 and x + w > x0 and y < y1 and y + h > y0 for x, y, w, h in boxes):
                tiles.append(Tile(x0, y0, x1 - x0, y1 - y0, scale, row, column))
    return tiles
