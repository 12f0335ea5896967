"""The headcount bar chart (by department and by level), drawn once for every consumer.

The series are plain values; `orgdesk.paint.bar_chart` draws them with a
QPainter, so the analysis panel (on screen) and the handbook (PNG inside the
PDF, DOCX and HTML) show the same picture.  This module is pure Python.

Each bar is a position group's planned seats; its darker part is the
filled seats, and the label reads "planned (filled)" when any are filled.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from orgdesk.analysis.headcount import HeadcountAnalysis

_LEVEL_COLOURS = ("#4E79A7", "#6F95BF", "#8FB0D3", "#AFC8E3", "#CBDCEE", "#DDE8F4")
_NO_DEPARTMENT_COLOUR = "#BAB0AC"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: a label, planned and filled seats, and a fill colour (#RRGGBB)."""

    label: str
    planned: int
    filled: int
    colour: str


@dataclass(frozen=True, slots=True)
class BarSeries:
    """One chart: a title over its bars."""

    title: str
    bars: tuple[Bar, ...]
    planned_label: str = "定员"  # the legend, shown when some seats are filled
    filled_label: str = "在岗"


def headcount_series(analysis: HeadcountAnalysis, *, by_department: str = "各部门编制",
                     by_level: str = "各层级编制", no_department: str = "未分部门",
                     level_label: Callable[[int], str] = lambda n: f"第{n}层",
                     planned_label: str = "定员", filled_label: str = "在岗",
                     ) -> tuple[BarSeries, BarSeries]:
    """The two charts of an analysis; the labels are the caller's (Chinese by default)."""
    departments = tuple(
        Bar(group.key or no_department, group.planned, group.filled,
            group.colour or _NO_DEPARTMENT_COLOUR)
        for group in analysis.departments)
    levels = tuple(
        Bar(level_label(int(group.key)), group.planned, group.filled,
            _LEVEL_COLOURS[min(index, len(_LEVEL_COLOURS) - 1)])
        for index, group in enumerate(analysis.levels))
    return (BarSeries(by_department, departments, planned_label, filled_label),
            BarSeries(by_level, levels, planned_label, filled_label))


#: Layout in points of the chart's own coordinate system (scaled by the painter).
ROW_HEIGHT = 22.0
TITLE_HEIGHT = 26.0
GAP = 14.0


def preferred_height(series: Sequence[BarSeries]) -> float:
    """Height in chart points for `series` stacked vertically."""
    return sum(TITLE_HEIGHT + ROW_HEIGHT * max(len(s.bars), 1) + GAP for s in series)
