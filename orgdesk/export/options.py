"""What an export of the chart is asked to produce."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.model import PositionId
from orgdesk.layout.model import LayoutOverrides, Orientation
from orgdesk.layout.text import Detail
from orgdesk.layout.words import Language

ChartFormat = Literal["png", "svg", "pdf", "dot", "pptx"]
ChartLayoutKind = Literal["compact", "dot"]
#: A named paper ("a4", "a3", "a2", "a1", "letter") or a custom size such as "600x900mm".
Paper = str

FORMATS: tuple[ChartFormat, ...] = ("png", "svg", "pdf", "dot", "pptx")
#: Paper sizes in points, portrait (ISO 216 and US Letter).
PAPER_POINTS: dict[str, tuple[float, float]] = {
    "a4": (595.28, 841.89),
    "a3": (841.89, 1190.55),
    "a2": (1190.55, 1683.78),
    "a1": (1683.78, 2383.94),
    "letter": (612.0, 792.0),
}
PAPERS: tuple[str, ...] = tuple(PAPER_POINTS)
#: Points per unit of a custom paper size.
_UNITS = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0}
_CUSTOM = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?\s*",
                     re.IGNORECASE)
#: Custom paper between 50 mm and 5 m a side (a plotter's roll at most).
_SMALLEST, _LARGEST = 50 * 72 / 25.4, 5000 * 72 / 25.4


class BadPaper(UserError):
    """A paper size orgdesk cannot read."""


def paper_size(paper: str) -> tuple[float, float]:
    """The size of `paper` in points as (width, height) as written, e.g. "600x900mm"."""
    named = PAPER_POINTS.get(paper.strip().lower())
    if named is not None:
        return named
    found = _CUSTOM.fullmatch(paper)
    if found is None:
        raise BadPaper(Sentence.of(
            "“{paper}” is not a paper size; use a4, a3, a2, a1, letter or a size such as "
            "600x900mm.", paper=paper[:40]))
    unit = _UNITS[(found.group(3) or "mm").lower()]
    width, height = float(found.group(1)) * unit, float(found.group(2)) * unit
    if not (_SMALLEST <= width <= _LARGEST and _SMALLEST <= height <= _LARGEST):
        raise BadPaper(Sentence.of("A paper size must be between 50 mm and 5,000 mm a side, "
                                   "not {paper}.", paper=paper[:40]))
    return width, height


@dataclass(frozen=True, slots=True)
class ChartExportOptions:
    """Options of one chart export; the defaults are the CLI's."""

    format: ChartFormat = "svg"
    layout: ChartLayoutKind = "compact"
    orientation: Orientation = "tb"
    detail: Detail = Detail.SUMMARY
    dpi: int = 150
    paper: Paper = "a4"
    #: PDF page orientation: True landscape, False portrait, None chosen from the chart's shape.
    landscape: bool | None = None
    #: PDF: one page at any scale; else one page when the text stays legible, else a poster.
    fit: bool = False
    poster: bool = False  # PDF: tile the chart over several pages even when one would do
    #: Wrap long rows so a big chart is about as wide as a page (the screen does too).
    balance: bool = True
    root: PositionId | None = None
    depth: int | None = None
    collapsed: frozenset[PositionId] = frozenset()
    overrides: LayoutOverrides = field(default_factory=dict)
    rollup: bool = False  # managers' boxes show their team's seats and filled seats
    title: bool = True  # print the document title above the chart
    timeout: float = 120.0  # seconds Graphviz may take
    lang: Language | None = None  # the deliverable's language; None: the document's content's
    legend: bool | None = None  # None: on for PDF and PPTX, off for PNG, SVG and DOT

    def legend_shown(self) -> bool:
        return self.format in ("pdf", "pptx") if self.legend is None else self.legend

    def paper_points(self, landscape: bool | None = None) -> tuple[float, float]:
        """The page in points, in `landscape` (default: the options' own choice, portrait
        when that is automatic)."""
        width, height = paper_size(self.paper)
        wide = self.landscape if landscape is None else landscape
        short, long = min(width, height), max(width, height)
        return (long, short) if wide else (short, long)
