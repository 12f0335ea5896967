"""What an export of the chart is asked to produce."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from orgdesk.core.model import PositionId
from orgdesk.layout.model import LayoutOverrides, Orientation
from orgdesk.layout.text import Detail
from orgdesk.layout.words import Language

ChartFormat = Literal["png", "svg", "pdf", "dot"]
ChartLayoutKind = Literal["compact", "dot"]
Paper = Literal["a4", "a3", "letter"]

FORMATS: tuple[ChartFormat, ...] = ("png", "svg", "pdf", "dot")
#: Paper sizes in points, portrait (ISO 216 and US Letter).
PAPER_POINTS: dict[str, tuple[float, float]] = {
    "a4": (595.28, 841.89),
    "a3": (841.89, 1190.55),
    "letter": (612.0, 792.0),
}


@dataclass(frozen=True, slots=True)
class ChartExportOptions:
    """Options of one chart export; the defaults are the CLI's."""

    format: ChartFormat = "svg"
    layout: ChartLayoutKind = "compact"
    orientation: Orientation = "tb"
    detail: Detail = Detail.SUMMARY
    dpi: int = 150
    paper: Paper = "a4"
    landscape: bool = False
    fit: bool = False  # PDF: scale to one page instead of splitting across pages
    root: PositionId | None = None
    depth: int | None = None
    collapsed: frozenset[PositionId] = frozenset()
    overrides: LayoutOverrides = field(default_factory=dict)
    title: bool = True  # print the document title above the chart
    timeout: float = 120.0  # seconds Graphviz may take
    lang: Language | None = None  # the deliverable's language; None: the document's content's
    legend: bool | None = None  # None: on for PDF, off for PNG, SVG and DOT

    def legend_shown(self) -> bool:
        return self.format == "pdf" if self.legend is None else self.legend

    def paper_points(self) -> tuple[float, float]:
        width, height = PAPER_POINTS[self.paper]
        return (height, width) if self.landscape else (width, height)
