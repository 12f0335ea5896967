"""The PowerPoint hand-off: the chart as native, editable shapes in a 16:9 deck.

A title slide (the document's title, client and date), then the chart: one
slide when it is legible whole, else an overview and one slide per branch
(split again while a branch is too big to read at 8 pt), each branch's top
box on the overview linking to its slide and each branch slide linking back.
Boxes are rounded rectangles with their own text in the department's
colours (dashed when vacant, a ×N pill grouped with the box), and every
connector is glued to its two boxes, so the client can move and edit the
chart in PowerPoint or Impress.  The geometry is the screen's compact layout
(`orgdesk.layout.chart`), scaled into each slide; the words are the
deliverable's language, and every run carries an East-Asian typeface so
Chinese renders in PowerPoint and LibreOffice alike.
"""
from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.deck.drawing import Fonts
from orgdesk.export.deck.package import add_slides, fill_slides
from orgdesk.export.deck.plan import ChartSlide, plan_slides
from orgdesk.export.deck.slides import (
    SLIDE_H,
    SLIDE_W,
    ChartDrawing,
    SlideLinks,
    chart_area,
    legend_rows,
    slide_title,
    title_slide,
)
from orgdesk.export.deck.words import DeckWords, deck_day, deck_words
from orgdesk.export.dot_build import chart_language, layout_options
from orgdesk.export.dot_legend import legend_entries
from orgdesk.export.options import ChartExportOptions
from orgdesk.files import check_target, write_atomically
from orgdesk.layout.text import clean, tracks_staffing

__all__ = ["export_deck_file", "render_deck"]

#: progress(percent 0-100, what is happening)
Progress = Callable[[int, str], None]


def _quiet(_percent: int, _what: str) -> None:
    return None


def scoped(org: Organisation, root: PositionId | None, depth: int | None) -> Organisation:
    """`org`, or only `root`'s branch down to `depth` levels (the deck of a branch)."""
    if root is None and depth is None:
        return org
    level = [root] if root is not None else [p.id for p in org.roots()]
    keep: list[PositionId] = []
    levels = 0
    while level:
        keep.extend(level)
        if depth is not None and levels >= depth:
            break
        level = [r for pid in level for r in org.report_ids(pid)]
        levels += 1
    kept = set(keep)
    positions = [dataclasses.replace(org.position(pid), superior_id=None) if pid == root
                 else org.position(pid) for pid in keep]
    relations = [r for r in org.relations if r.source_id in kept and r.target_id in kept]
    return Organisation(org.info, org.departments, positions, relations, org.settings)


def render_deck(org: Organisation, options: ChartExportOptions, day: date | None = None,
                progress: Progress = _quiet) -> bytes:
    """The deck of `org` (or of `options.root`'s branch) as .pptx bytes."""
    from pptx import Presentation  # a second or so of imports, only when a deck is made
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.util import Emu

    progress(5, "Laying out the chart")
    org = scoped(org, options.root, options.depth)
    language = chart_language(options, org)
    deck = deck_words(language)
    # The deck covers every position: a collapse on the screen is not a cut of the hand-off.
    layout = dataclasses.replace(layout_options(options, org), collapsed=frozenset(), root=None,
                                 depth=None)
    staffing = tracks_staffing(org)
    legend = options.legend is not False
    rows = 0
    if legend:  # room for the largest legend any slide can have: the whole chart's
        everything = legend_entries(org, (p.id for p in org.positions()), layout.words,
                                    staffing, bool(org.relations),
                                    any(p.superior_id is not None and p.kind.name == "STAFF"
                                        for p in org.positions()))
        rows = len(legend_rows(everything, SLIDE_W - 36))
    area = chart_area(rows)
    slides = plan_slides(org, layout, (area[2], area[3]))
    progress(40, "Drawing the slides")

    presentation = Presentation()
    presentation.slide_width = Emu(round(SLIDE_W * 12700))
    presentation.slide_height = Emu(round(SLIDE_H * 12700))
    blank = presentation.slide_layouts[6]
    fonts = Fonts(language)
    title = clean(org.info.title) or deck.chart
    cover = presentation.slides.add_slide(blank)
    shapes: dict[str, str] = {}  # a slide part's name in the package → its shapes
    details = [deck.client.format(client=clean(org.info.client))] if org.info.client.strip() else []
    details.append(deck_day(language, day or date.today()))
    seats = sum(p.planned_headcount for p in org.positions())
    details.append(deck.totals.format(positions=f"{len(org):,}", seats=f"{seats:,}"))
    shapes[_member(cover)] = title_slide(fonts, title, deck.chart if org.info.title.strip()
                                         else "", details)
    pages = add_slides(presentation, blank, len(slides))
    for index, (slide, page) in enumerate(zip(slides, pages)):
        links = _links(slides, pages, index, RT.SLIDE, org, deck)
        drawn = ChartDrawing(org, slide, area, fonts, layout.words, deck, staffing, legend)
        heading = slide_title(org, slide, deck, index, len(slides))
        shapes[_member(page)] = drawn.build(heading, links)
        if index % 50 == 49:
            progress(40 + 55 * index // len(slides), "Drawing the slides")
    progress(95, "Writing the file")
    out = io.BytesIO()
    presentation.save(out)
    data = fill_slides(out.getvalue(), shapes)
    progress(100, "Done")
    return data


def _member(page: object) -> str:
    """The name a slide's part is stored under in the package ("ppt/slides/slide2.xml")."""
    return str(page.part.partname.membername)  # type: ignore[attr-defined]  # a python-pptx slide


def _links(slides: list[ChartSlide], pages: list[object], index: int, kind: str,
           org: Organisation, deck: DeckWords) -> SlideLinks:
    slide = slides[index]
    part = pages[index].part  # type: ignore[attr-defined]  # a python-pptx slide

    def rid(target: int) -> str:
        return str(part.relate_to(pages[target].part, kind))  # type: ignore[attr-defined]  # a python-pptx slide

    boxes = {pid: rid(target) for pid, target in slide.links.items()}
    back = back_title = None
    if slide.parent is not None:
        back = rid(slide.parent)
        parent = slides[slide.parent]
        back_title = (clean(org.position(parent.root).title) if parent.root is not None
                      and slide.parent != 0 else deck.overview)
        if slide.root is not None and slide.root not in boxes:
            boxes[slide.root] = back  # the branch's top box leads back up too
    overview = rid(0) if slide.parent not in (None, 0) else None
    next_part = rid(slide.next_part) if slide.next_part is not None else None
    return SlideLinks(boxes, back, back_title or "", overview, next_part)


def export_deck_file(org: Organisation, target: Path, options: ChartExportOptions,
                     progress: Progress = _quiet, day: date | None = None) -> Path:
    """Write the deck to `target`, completely or not at all."""
    check_target(target)
    write_atomically(target, render_deck(org, options, day, progress))
    return target

