"""Which chart slides a deck has: the whole chart when it is legible on one 16:9
slide, else an overview and one slide per branch, linked both ways.

A slide is legible when its smallest box text, scaled to fit the slide's chart
area, is at least `MIN_TEXT_PT`.  A slide shows as many levels below its root
as stay legible; every position on its last level that has reports of its own
gets the following slides for its branch, split the same way when the branch
is itself too big.  A position with more reports than one legible slide holds
(a team of hundreds of agents) has its reports cut into parts, each on its own
slide.  The plan is made on layouts alone (pure Python); each slide keeps its
layout for the drawing.
"""
from __future__ import annotations

import dataclasses
import math
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.layout.chart import layout_chart
from orgdesk.layout.model import ChartLayout, LayoutOptions
from orgdesk.layout.paging import smallest_text_pt
from orgdesk.layout.text import Detail

#: Smallest box text on a slide, in points: legible on a projector and in print.
MIN_TEXT_PT = 8.0
#: A small chart is enlarged up to this much to fill its slide.
MAX_ENLARGE = 1.4
#: Most levels tried for one slide (each try is one layout).
MAX_DEPTH = 8
#: More boxes than a legible 16:9 slide can hold (each box is at least about 85 × 30 pt
#: there): a slide that would show more is split without being laid out.
MAX_SLIDE_BOXES = 180
#: A slide that is not legible with the screen's layout stacks teams of more leaf posts
#: than this (the compact layout's own rule for big teams, applied sooner) …
STACKED = 1
#: … in stacks of at most this many rows (a page's 12 rows overflow a slide's height).
STACK_ROWS = 5
#: Most chart slides in one deck: an organisation beyond it keeps its deepest
#: branches on their superiors' slides, fitted (a guard against a runaway deck).
MAX_SLIDES = 5000


@dataclass(slots=True)
class ChartSlide:
    """One chart slide: `root`'s branch (None: every root) to `depth` levels, or one
    part of `root`'s reports (`reports`), its layout and scale, and its links."""

    root: PositionId | None
    depth: int | None
    layout: ChartLayout
    scale: float
    parent: int | None = None  # the slide whose box links here
    part: int = 1
    parts: int = 1
    reports: tuple[PositionId, ...] | None = None  # the part of root's reports shown
    #: Box → the slide showing its branch (its reports).
    links: dict[PositionId, int] = field(default_factory=dict)
    next_part: int | None = None

    @property
    def legible(self) -> bool:
        return smallest_text_pt(self.layout) * self.scale >= MIN_TEXT_PT - 1e-9


def fit_scale(layout: ChartLayout, area: tuple[float, float]) -> float:
    """The scale that fits `layout` in `area` (enlarged at most MAX_ENLARGE)."""
    return min(area[0] / max(layout.width, 1.0), area[1] / max(layout.height, 1.0), MAX_ENLARGE)


Lay = Callable[[Organisation, PositionId | None, int | None], ChartLayout]


class _Planner:
    def __init__(self, org: Organisation, options: LayoutOptions,
                 area: tuple[float, float]) -> None:
        self.org = org
        self.options = options
        self.area = area
        self.slides: list[ChartSlide] = []
        # The screen's layout; then teams of leaf posts stacked sooner and shorter (a
        # slide is wide and low); then the same with titles alone, smaller boxes.
        stacked = dataclasses.replace(options, stack_threshold=min(options.stack_threshold,
                                                                   STACKED),
                                      stack_rows=min(options.stack_rows, STACK_ROWS))
        self.variants = [options, stacked]
        if options.detail > Detail.TITLE:
            self.variants += [dataclasses.replace(v, detail=Detail.TITLE) for v in self.variants]

    def slide(self, root: PositionId | None, depth: int | None,
              org: Organisation | None = None) -> ChartSlide:
        """The slide of `root` to `depth` in the first of the variants that is legible
        (the screen's layout first), else in the one that shrinks it least."""
        best: ChartSlide | None = None
        for options in self.variants:
            slide = self._laid(root, depth, org, options)
            if slide.legible:
                return slide
            if best is None or slide.scale > best.scale:
                best = slide
        assert best is not None
        return best

    def _laid(self, root: PositionId | None, depth: int | None, org: Organisation | None,
              options: LayoutOptions) -> ChartSlide:
        layout = layout_chart(org or self.org, dataclasses.replace(options, root=root,
                                                                   depth=depth))
        return ChartSlide(root, depth, layout, fit_scale(layout, self.area))

    def children(self, root: PositionId | None) -> list[PositionId]:
        return (self.org.report_ids(root) if root is not None
                else [p.id for p in self.org.roots()])

    def levels(self, root: PositionId | None) -> tuple[list[int], bool]:
        """Boxes shown with 0, 1, 2 … levels below `root` (counted until more than a
        slide holds), and whether the last count is the whole branch."""
        level = [root] if root is not None else self.children(None)
        counts = [len(level)]
        while counts[-1] <= MAX_SLIDE_BOXES and len(counts) <= MAX_DEPTH:
            level = [r for pid in level for r in self.org.report_ids(pid)]
            if not level:
                return counts, True
            counts.append(counts[-1] + len(level))
        return counts, False

    def plan(self) -> list[ChartSlide]:
        roots = self.org.roots()
        start: PositionId | None = roots[0].id if len(roots) == 1 else None
        todo: deque[tuple[PositionId | None, int | None]] = deque([(start, None)])
        while todo:
            root, parent = todo.popleft()
            if len(self.slides) >= MAX_SLIDES:
                break
            for slide in self.branch(root):
                slide.parent = parent
                index = len(self.slides)
                self.slides.append(slide)
                if parent is not None and slide.part == 1:
                    self.slides[parent].links[root] = index  # type: ignore[index]  # a branch has a root
                if slide.part > 1:
                    self.slides[index - 1].next_part = index
                for pid in self.frontier(slide):
                    todo.append((pid, index))
        return self.slides

    def branch(self, root: PositionId | None) -> list[ChartSlide]:
        """The slides of `root`'s branch down to where its frontier starts."""
        counts, complete = self.levels(root)
        if complete and counts[-1] <= MAX_SLIDE_BOXES:
            slide = self.slide(root, None)
            if slide.legible:
                return [slide]
        chosen: ChartSlide | None = None
        first = 1 if root is not None else 0
        for depth in range(first, min(len(counts), MAX_DEPTH + 1)):
            if counts[depth] > MAX_SLIDE_BOXES or (complete and depth == len(counts) - 1):
                break  # too many boxes, or the whole branch (not legible, tried above)
            slide = self.slide(root, depth)
            if not slide.legible:
                break
            chosen = slide
        if chosen is not None:
            return [chosen]
        return self.parts(root)

    def parts(self, root: PositionId | None) -> list[ChartSlide]:
        """`root`'s reports (or the roots) cut into parts that are each legible on a slide."""
        children = self.children(root)
        low, high = 1, max(1, min(len(children), MAX_SLIDE_BOXES))
        while low < high:  # the most reports one legible slide holds
            middle = (low + high + 1) // 2
            if self.part_slide(root, children[:middle]).legible:
                low = middle
            else:
                high = middle - 1
        size = low
        count = math.ceil(len(children) / size)
        slides = []
        for number in range(count):
            chunk = children[number * size:(number + 1) * size]
            slide = self.part_slide(root, chunk)
            slide.part, slide.parts = number + 1, count
            slides.append(slide)
        return slides

    def part_slide(self, root: PositionId | None, chunk: Sequence[PositionId]) -> ChartSlide:
        """A slide of `root` and only the reports `chunk` (no levels below them)."""
        org = self.org
        keep = set(chunk)
        positions = [dataclasses.replace(org.position(pid), superior_id=None) if root is None
                     else org.position(pid) for pid in chunk]
        if root is not None:
            keep.add(root)
            positions.insert(0, dataclasses.replace(org.position(root), superior_id=None))
        relations = [r for r in org.relations if r.source_id in keep and r.target_id in keep]
        part = Organisation(org.info, org.departments, positions, relations)
        slide = self.slide(root, 1 if root is not None else 0, part)
        slide.reports = tuple(chunk)
        return slide

    def frontier(self, slide: ChartSlide) -> list[PositionId]:
        """Boxes of `slide` whose reports are in the document but not on the slide."""
        boxes = slide.layout.boxes
        out = []
        for pid in boxes:
            if pid == slide.root and slide.reports is not None:
                continue  # the parts of a split team link back, not down
            reports = self.org.report_ids(pid)
            if reports and reports[0] not in boxes:
                out.append(pid)
        return out


def plan_slides(org: Organisation, options: LayoutOptions,
                area: tuple[float, float]) -> list[ChartSlide]:
    """The chart slides of `org` (breadth first: the overview, then its branches …)."""
    if not len(org):
        return [_Planner(org, options, area).slide(None, None)]
    return _Planner(org, options, area).plan()
