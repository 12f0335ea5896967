"""Which org charts the handbook prints: the whole chart when it is legible on a
landscape page, else an overview and one page per branch.

A chart is legible when its smallest box text, scaled to fit the page's chart
area, is at least `MIN_TEXT_PT`.  When the whole chart is not, the page shows
the top levels only (as many as stay legible, at least one level of reports;
the boxes cut off say what they hide) and every position on the last level
shown that has reports of its own gets its branch on the following pages,
split the same way when it is itself too big.  The plan is made on the
layout alone (pure Python, no Graphviz), so deciding costs little; only the
chosen pages are drawn.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_build import layout_options
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.chart import layout_chart
from orgdesk.layout.model import ChartLayout
from orgdesk.layout.paging import smallest_text_pt
from orgdesk.layout.saved import chart_options
from orgdesk.layout.text import Detail
from orgdesk.layout.words import Language

MM_PT = 72 / 25.4
#: The chart area of a landscape A4 page (both the PDF and the DOCX): the body
#: between the margins, less the heading and the caption above the chart.
CHART_AREA_PT = (257 * MM_PT, 140 * MM_PT)
#: Smallest box text, in points on paper, that a reader reads without a magnifier.
MIN_TEXT_PT = 7.0
#: A small chart is enlarged up to this much to fill its page.
MAX_ENLARGE = 1.5
#: Most overview levels tried for one page (each try is one layout).
MAX_OVERVIEW_DEPTH = 8
#: Most chart pages in one handbook: beyond them the deepest branches are not
#: given pages of their own (their positions are all in the job descriptions).
MAX_CHART_PAGES = 120
#: More boxes than a legible landscape page can hold (each box is at least about
#: 25 × 12 mm there): a branch this big is split without laying it out whole.
MAX_PAGE_BOXES = 250


@dataclass(frozen=True, slots=True)
class ChartPage:
    """One chart page: the branch under `root` (None: every root), `depth` levels of
    reports below it (None: all), and its caption ("" for a chart that fits whole)."""

    root: PositionId | None
    depth: int | None
    caption: str
    detail: Detail = Detail.SUMMARY
    #: Only these direct reports of `root` (without theirs): one part of a position
    #: with more reports than a legible page holds.  () for all of them.
    reports: tuple[PositionId, ...] = ()

    def options(self, lang: Language, org: Organisation | None = None) -> ChartExportOptions:
        """The chart export's options for this page; with `org`, the arrangements of teams
        and the team totals the consultant chose for its chart (the same chart as in the
        window and the chart export, not another one)."""
        saved = chart_options(org) if org is not None else None
        return ChartExportOptions(format="svg", title=False, root=self.root, depth=self.depth,
                                  lang=lang, detail=self.detail,
                                  overrides=dict(saved.overrides) if saved else {},
                                  rollup=saved.rollup if saved else False)


def fit_scale(width: float, height: float, area: tuple[float, float] = CHART_AREA_PT) -> float:
    """The scale that fits a `width` × `height` chart in `area` (enlarged at most MAX_ENLARGE)."""
    return min(area[0] / max(width, 1.0), area[1] / max(height, 1.0), MAX_ENLARGE)


#: The box contents tried, richest first: titles alone make smaller boxes (the
#: job descriptions give the departments and headcounts anyway).
DETAILS = (Detail.SUMMARY, Detail.TITLE)


#: A chart page and its layout (passed on to the chart export, which would redo it).
Planned = tuple[ChartPage, ChartLayout]


def page_organisation(org: Organisation, page: ChartPage) -> Organisation:
    """What `page` draws: `org` itself, or its root and the slice of reports it shows."""
    if not page.reports or page.root is None:
        return org
    root = replace(org.position(page.root), superior_id=None, order=0)
    members = [root, *(org.position(pid) for pid in page.reports)]
    kept = {p.id for p in members}
    used = {p.department_id for p in members}
    return Organisation(org.info, [d for d in org.departments if d.id in used], members,
                        [r for r in org.relations if r.source_id in kept and r.target_id in kept])


def page_layout(org: Organisation, page: ChartPage, lang: Language) -> ChartLayout:
    shown = page_organisation(org, page)
    return layout_chart(shown, layout_options(page.options(lang, org), shown))


def _fits(layout: ChartLayout) -> bool:
    return smallest_text_pt(layout) * fit_scale(layout.width, layout.height) >= MIN_TEXT_PT


def _legible(org: Organisation, root: PositionId | None, depth: int | None,
             lang: Language, caption: str = "") -> Planned | None:
    """The page with the richest box contents that is legible, and its layout; else None."""
    for detail in DETAILS:
        page = ChartPage(root, depth, caption, detail)
        layout = page_layout(org, page, lang)
        if _fits(layout):
            return page, layout
    return None


def _parts(org: Organisation, root: PositionId, lang: Language, caption: str,
           labels: dict[str, str]) -> list[Planned] | None:
    """A position with more direct reports than one legible page holds: pages of it
    with a slice of its reports each (halving the slice until it is legible)."""
    reports = org.report_ids(root)
    size = len(reports)
    while size > 1:
        size = (size + 1) // 2
        page = ChartPage(root, None, caption, Detail.TITLE, tuple(reports[:size]))
        if _fits(page_layout(org, page, lang)):
            break
    else:
        return None
    count = -(-len(reports) // size)
    planned = []
    for part in range(count):
        page = ChartPage(root, None, caption + labels["part"].format(part=part + 1, parts=count),
                         Detail.TITLE, tuple(reports[part * size:(part + 1) * size]))
        planned.append((page, page_layout(org, page, lang)))
    return planned


def _frontier(org: Organisation, root: PositionId | None, depth: int) -> list[PositionId]:
    """Positions `depth` levels below `root` (or below the roots) that have reports."""
    level = [root] if root is not None else [p.id for p in org.roots()]
    for _ in range(depth):
        level = [r for pid in level for r in org.report_ids(pid)]
    return [pid for pid in level if org.report_ids(pid)]


def plan_chart_pages(org: Organisation, lang: Language,
                     labels: dict[str, str]) -> list[Planned]:
    """The chart pages of `org`'s handbook and their layouts, in reading order (breadth first)."""
    if len(org) == 0:
        page = ChartPage(None, None, "")
        return [(page, page_layout(org, page, lang))]
    whole = _legible(org, None, None, lang) if len(org) <= MAX_PAGE_BOXES else None
    if whole is not None:
        return [whole]
    pages: list[Planned] = []
    roots = org.roots()
    # One top position: the overview is its branch (so its reports can be split in parts).
    start = roots[0].id if len(roots) == 1 else None
    todo: deque[PositionId | None] = deque([start])
    while todo and len(pages) < MAX_CHART_PAGES:
        root = todo.popleft()
        caption = (labels["overview"] if root is None or root == start
                   else labels["branch_of"].format(title=org.position(root).title))
        if root is not None and root != start and len(org.descendant_ids(root)) < MAX_PAGE_BOXES:
            whole = _legible(org, root, None, lang, caption)
            if whole is not None:
                pages.append(whole)
                continue
        depth = 1
        chosen = _legible(org, root, depth, lang, caption)
        while depth < MAX_OVERVIEW_DEPTH:
            deeper = _legible(org, root, depth + 1, lang, caption)
            if deeper is None:
                break
            depth, chosen = depth + 1, deeper
        if chosen is None:
            # A position with hundreds of direct reports: its reports over several pages.
            parts = _parts(org, root, lang, caption, labels) if root is not None else None
            if parts is not None:
                pages.extend(parts)
                todo.extend(_frontier(org, root, depth))
                continue
            # Nothing smaller to show: fitted to its page all the same, titles only.
            page = ChartPage(root, depth, caption, Detail.TITLE)
            chosen = (page, page_layout(org, page, lang))
        pages.append(chosen)
        todo.extend(_frontier(org, root, depth))
    return pages
