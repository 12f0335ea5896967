"""The slides' contents: the title slide, and each chart slide's boxes, connectors,
links, header and legend, as DrawingML (see `drawing`)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import orgdesk.export.deck.drawing as drawing
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.deck.connectors import connector_geometry, straight
from orgdesk.export.deck.drawing import BOTTOM, LEFT, RIGHT, TOP, Fonts, Paragraph
from orgdesk.export.deck.plan import MIN_TEXT_PT, ChartSlide
from orgdesk.export.deck.words import DeckWords
from orgdesk.export.dot_legend import LegendEntry, legend_entries
from orgdesk.layout.model import Box, ChartLayout, ConnectorKind, Point
from orgdesk.layout.style import (
    BADGE_FILL,
    BADGE_PT,
    BADGE_TEXT,
    CONNECTOR,
    DETAIL_TEXT,
    RELATION,
    TITLE_TEXT,
    box_style,
    estimate_size_badge,
)
from orgdesk.layout.text import (
    DETAIL_PT,
    DUTY_PT,
    LINE_SPACING,
    PADDING_X,
    TITLE_PT,
    clean,
    text_units,
    truncate,
)
from orgdesk.layout.words import Words

#: A 16:9 slide in points (PowerPoint's default widescreen, 13.333 × 7.5 in).
SLIDE_W, SLIDE_H = 960.0, 540.0
MARGIN = 18.0
HEADER_H = 44.0  # the slide's title and its links
LEGEND_PT = 9.0
ENTRY_H = 16.0
ENTRY_GAP = 10.0
ROW_GAP = 5.0
LINK_COLOUR = "#1F6FEB"
Rect = tuple[float, float, float, float]


def legend_width(entry: LegendEntry) -> float:
    if entry.key == "title":
        return text_units(entry.text) * 0.55 * LEGEND_PT * 1.1 + 6
    if entry.key in ("seats", "dotted"):
        _, label = _split_sample(entry)
        return 34 + text_units(label) * 0.55 * LEGEND_PT + 6
    return max(60.0, text_units(entry.text) * 0.55 * LEGEND_PT + 16)


def _split_sample(entry: LegendEntry) -> tuple[str, str]:
    """"×14  Number of seats" → ("×14", "Number of seats"); the dotted entry's sample line too."""
    sample, _, label = entry.text.partition("  ")
    return (sample, label) if label else ("", sample)


def legend_rows(entries: list[LegendEntry], width: float) -> list[list[tuple[LegendEntry, float]]]:
    """The entries in rows no wider than `width`, each with its x from the row's start."""
    rows: list[list[tuple[LegendEntry, float]]] = [[]]
    x = 0.0
    for entry in entries:
        w = legend_width(entry)
        if rows[-1] and x + w > width:
            rows.append([])
            x = 0.0
        rows[-1].append((entry, x))
        x += w + ENTRY_GAP
    return rows if rows[0] else []


def legend_height(rows: int) -> float:
    return rows * ENTRY_H + max(0, rows - 1) * ROW_GAP


def chart_area(legend_rows_count: int) -> Rect:
    """Where the chart goes on a chart slide: below the header, above the legend."""
    bottom = MARGIN / 2 + (legend_height(legend_rows_count) + 8 if legend_rows_count else 0)
    top = HEADER_H + 4
    return MARGIN, top, SLIDE_W - 2 * MARGIN, SLIDE_H - top - bottom


class Ids:
    """Shape ids of one slide (1 is the slide's own shape tree)."""

    def __init__(self) -> None:
        self.last = 1

    def __call__(self) -> int:
        self.last += 1
        return self.last


@dataclass(frozen=True, slots=True)
class SlideLinks:
    """The relationship ids a chart slide links through."""

    boxes: dict[PositionId, str]  # a box → its branch slide (or, for the root, back)
    back: str | None = None
    back_title: str = ""
    overview: str | None = None
    next_part: str | None = None


def title_slide(fonts: Fonts, title: str, subtitle: str, lines: list[str]) -> str:
    ids = Ids()
    shapes = [
        drawing.shape(ids(), "Title", (60, 150, SLIDE_W - 120, 90), fonts.body(
            [Paragraph((title,), 36, TITLE_TEXT, True)], (0, 0, 0, 0), "b"),
            preset="rect"),
        drawing.shape(ids(), "Subtitle", (60, 248, SLIDE_W - 120, 36), fonts.body(
            [Paragraph((subtitle,), 20, DETAIL_TEXT)], (0, 0, 0, 0), "t"), preset="rect"),
        drawing.shape(ids(), "Details", (60, 310, SLIDE_W - 120, 120), fonts.body(
            [Paragraph((line,), 16, DETAIL_TEXT) for line in lines], (0, 0, 0, 0), "t"),
            preset="rect"),
    ]
    return "".join(shapes)


class ChartDrawing:
    """The shapes of one chart slide."""

    def __init__(self, org: Organisation, slide: ChartSlide, area: Rect, fonts: Fonts,
                 words: Words, deck: DeckWords, staffing: bool, legend: bool) -> None:
        self.org = org
        self.slide = slide
        self.fonts = fonts
        self.words = words
        self.deck = deck
        self.staffing = staffing
        self.legend = legend
        layout = slide.layout
        s = self.scale = slide.scale
        ax, ay, aw, _ = area
        self.area = area
        self.ox = ax + (aw - layout.width * s) / 2
        self.oy = ay
        self.ids = Ids()
        self.shape_of: dict[PositionId, int] = {}
        self.rect_of: dict[PositionId, Rect] = {}

    def pt(self, x: float, y: float) -> Point:
        return self.ox + x * self.scale, self.oy + y * self.scale

    def build(self, title: str, links: SlideLinks) -> str:
        layout = self.slide.layout
        ids = self.ids
        for pid, box in layout.boxes.items():  # ids first: the connectors refer to them
            if box.text.badge:
                ids()  # the group's
            self.shape_of[pid] = ids()
            if box.text.badge:
                ids()  # the badge's
            x, y = self.pt(box.x, box.y)
            self.rect_of[pid] = (x, y, box.w * self.scale, box.h * self.scale)
        shapes = list(self._connectors(layout))
        for pid, box in layout.boxes.items():
            shapes.append(self._box(pid, box, links.boxes.get(pid)))
        shapes.extend(self._header(title, links))
        if self.legend:
            shapes.extend(self._legend(layout))
        return "".join(shapes)

    # ---------------------------------------------------------------- boxes
    def _box(self, pid: PositionId, box: Box, link: str | None) -> str:
        s = self.scale
        style = box_style(self.org, box, self.staffing)
        text = box.text
        paragraphs = [Paragraph(text.title_lines, TITLE_PT * s, TITLE_TEXT, True,
                                spacing=TITLE_PT * LINE_SPACING * s)]
        if text.detail_lines:
            paragraphs.append(Paragraph(text.detail_lines, DETAIL_PT * s, DETAIL_TEXT,
                                        spacing=DETAIL_PT * LINE_SPACING * s))
        if text.duty_lines:
            paragraphs.append(Paragraph(text.duty_lines, DUTY_PT * s, DETAIL_TEXT,
                                        spacing=DUTY_PT * LINE_SPACING * s))
        rect = self.rect_of[pid]
        position = self.org.position(pid)
        department = (self.org.department(position.department_id).name
                      if position.department_id is not None else "")
        description = " · ".join(part for part in (position.title[:200], department[:100]) if part)
        body = self.fonts.body(paragraphs, (PADDING_X * s / 2, 0, PADDING_X * s / 2, 0))
        shape_id = self.shape_of[pid]
        shape = drawing.shape(shape_id, f"Position {pid}", rect, body, style.fill, style.border,
                              1.25 if not style.dashed else 1.5, style.dashed, link=link,
                              description=description)
        if not text.badge:
            return shape
        # The badge straddles the box's top edge at its right, as on the screen; it
        # keeps a legible size when the slide is scaled down.
        size = max(BADGE_PT * s, MIN_TEXT_PT)
        bw, bh = (v * size / BADGE_PT for v in estimate_size_badge(text.badge))
        x, y, w, _ = rect
        badge_rect = (x + w - bw - 6 * s, y - bh / 2 - 2 * s, bw, bh)
        badge = drawing.shape(shape_id + 1, f"Seats {pid}", badge_rect, self.fonts.body(
            [Paragraph((text.badge,), size, BADGE_TEXT, True)], (0, 0, 0, 0), wrap=False),
            BADGE_FILL, None, preset="roundRect", corner=0.5)
        bounds = _union(rect, badge_rect)
        return drawing.group(shape_id - 1, f"Position {pid} with seats", bounds, [shape, badge])

    # ----------------------------------------------------------- connectors
    def _connectors(self, layout: ChartLayout) -> Iterator[str]:
        ids = self.ids
        s = self.scale
        for connector in layout.connectors:
            source, target = connector.source, connector.target
            if source not in self.rect_of or target not in self.rect_of:
                continue
            if connector.kind in (ConnectorKind.DOTTED, ConnectorKind.ADVISORY):
                begin, end = _nearest_sites(self.rect_of[source], self.rect_of[target])
                geometry = straight(_site(self.rect_of[source], begin),
                                    _site(self.rect_of[target], end))
                yield drawing.connector(ids(), f"Dotted line {source}-{target}", geometry,
                                        (self.shape_of[source], begin),
                                        (self.shape_of[target], end), RELATION,
                                        max(1.0, 1.25 * s), dashed=True, arrow=True)
                continue
            points = tuple(self.pt(x, y) for x, y in connector.points)
            geometry = connector_geometry(points)
            begin = _site_at(self.rect_of[source], points[0])
            end = _site_at(self.rect_of[target], points[-1])
            yield drawing.connector(ids(), f"Line {source}-{target}", geometry,
                                    (self.shape_of[source], begin),
                                    (self.shape_of[target], end), CONNECTOR, max(0.75, 1.0 * s))

    # --------------------------------------------------------------- header
    def _header(self, title: str, links: SlideLinks) -> Iterator[str]:
        ids, fonts, deck = self.ids, self.fonts, self.deck
        right = SLIDE_W - MARGIN
        pieces: list[tuple[str, str, str]] = []  # name, text, relationship id
        if links.next_part:
            pieces.append(("Next part", deck.next_part, links.next_part))
        if links.overview:
            pieces.append(("Overview link", deck.to_overview, links.overview))
        if links.back:
            pieces.append(("Back link", deck.back.format(title=truncate(links.back_title, 24)),
                           links.back))
        for name, text, rid in pieces:
            width = text_units(text) * 0.55 * 11 + 16
            right -= width
            yield drawing.shape(ids(), name, (right, 14, width, 22), fonts.body(
                [Paragraph((text,), 11, LINK_COLOUR, align="r")], (0, 0, 4, 0),
                wrap=False, underline=True), preset="rect", link=rid)
            right -= 8
        yield drawing.shape(ids(), "Slide title", (MARGIN, 8, right - MARGIN, HEADER_H - 8),
                            fonts.body([Paragraph((title,), 20, TITLE_TEXT, True, align="l")],
                                       (0, 0, 0, 0), "ctr", wrap=False), preset="rect")

    # --------------------------------------------------------------- legend
    def _legend(self, layout: ChartLayout) -> Iterator[str]:
        relations = any(c.dashed for c in layout.connectors)
        staff = any(b.staff for b in layout.boxes.values())
        entries = legend_entries(self.org, layout.boxes, self.words, self.staffing, relations,
                                 staff)
        rows = legend_rows(entries, SLIDE_W - 2 * MARGIN)
        top = SLIDE_H - MARGIN / 2 - legend_height(len(rows))
        for index, row in enumerate(rows):
            y = top + index * (ENTRY_H + ROW_GAP)
            for entry, x in row:
                yield from self._entry(entry, MARGIN + x, y)

    def _entry(self, entry: LegendEntry, x: float, y: float) -> Iterator[str]:
        ids, fonts = self.ids, self.fonts
        w = legend_width(entry)
        label = Paragraph((entry.text,), LEGEND_PT, entry.fontcolor, align="l")
        if entry.key == "title":
            yield drawing.shape(ids(), "Legend", (x, y, w, ENTRY_H), fonts.body(
                [Paragraph((entry.text,), LEGEND_PT + 1, TITLE_TEXT, True, align="l")],
                (0, 0, 0, 0), wrap=False), preset="rect")
            return
        if entry.key in ("seats", "dotted"):
            sample, text = _split_sample(entry)
            if entry.key == "seats":
                yield drawing.shape(ids(), "Legend seats sample", (x, y + 1, 30, ENTRY_H - 2),
                                    fonts.body([Paragraph((sample,), 8, BADGE_TEXT, True)],
                                               (0, 0, 0, 0), wrap=False),
                                    BADGE_FILL, None, corner=0.5)
            else:
                yield drawing.connector(ids(), "Legend dotted sample",
                                        straight((x, y + ENTRY_H / 2), (x + 28, y + ENTRY_H / 2)),
                                        None, None, RELATION, 1.25, dashed=True, arrow=True)
            yield drawing.shape(ids(), f"Legend {entry.key}", (x + 34, y, w - 34, ENTRY_H),
                                fonts.body([Paragraph((text,), LEGEND_PT, DETAIL_TEXT,
                                                      align="l")], (0, 0, 0, 0), wrap=False),
                                preset="rect")
            return
        label = Paragraph((entry.text,), LEGEND_PT, TITLE_TEXT)
        yield drawing.shape(ids(), f"Legend {entry.key}", (x, y, w, ENTRY_H),
                            fonts.body([label], (2, 0, 2, 0), wrap=False), entry.fill,
                            entry.border, 1.25 if not entry.dashed else 1.5, entry.dashed)


def _union(a: Rect, b: Rect) -> Rect:
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    x1, y1 = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return x0, y0, x1 - x0, y1 - y0


def _site(rect: Rect, site: int) -> Point:
    x, y, w, h = rect
    return ((x + w / 2, y), (x, y + h / 2), (x + w / 2, y + h), (x + w, y + h / 2))[site]


def _site_at(rect: Rect, point: Point) -> int:
    """The connection site of `rect` nearest to `point` (where a layout line ends); the
    first of top, left, bottom, right on a tie."""
    x, y, w, h = rect
    px, py = point
    cx, cy = x + w / 2, y + h / 2
    best, nearest = TOP, (cx - px) ** 2 + (y - py) ** 2
    for site, sx, sy in ((LEFT, x, cy), (BOTTOM, cx, y + h), (RIGHT, x + w, cy)):
        distance = (sx - px) ** 2 + (sy - py) ** 2
        if distance < nearest:
            best, nearest = site, distance
    return best


def _nearest_sites(a: Rect, b: Rect) -> tuple[int, int]:
    pairs = [(i, j) for i in (TOP, LEFT, BOTTOM, RIGHT) for j in (TOP, LEFT, BOTTOM, RIGHT)]
    return min(pairs, key=lambda p: _distance(_site(a, p[0]), _site(b, p[1])))


def _distance(p: Point, q: Point) -> float:
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2


def slide_title(org: Organisation, slide: ChartSlide, deck: DeckWords, index: int,
                count: int) -> str:
    """The chart slide's heading: the chart, its overview, or the branch's top position."""
    if count == 1:
        title = deck.chart
    elif index == 0:
        title = deck.overview
    else:
        root = slide.root
        title = (deck.branch.format(title=truncate(clean(org.position(root).title), 60))
                 if root is not None else deck.chart)
    if slide.parts > 1:
        title = deck.part.format(title=title, part=slide.part, parts=slide.parts)
    return title
