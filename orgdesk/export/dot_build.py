"""Building the DOT source of a chart (no rendering here).

Two layouts:

* ``compact``: our own layout (`orgdesk.layout`), every node pinned with
  ``pos="x,y!"`` and every connector given as a spline, drawn by Graphviz's
  ``nop2`` engine (``neato -n2``), so the file shows exactly the chart on screen;
* ``dot``: Graphviz's own hierarchical layout of the same visible tree.

Safety rules (RELIABILITY.md, "Graphviz export"): node ids are generated
(``n<id>``, ``d<id>`` for detail text, ``b<id>`` for a ×N badge), never user
text; user text reaches DOT only through `dot_text.label`; no record shapes;
every attribute goes through `_attrs`, which refuses anything outside
`ALLOWED_ATTRIBUTES` (so ``image``, ``shapefile``, ``fontpath``, ``URL``… cannot
appear whatever the document says).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import graphviz

from orgdesk.core.model import PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_text import label
from orgdesk.export.fonts import bold_font_name, font_name
from orgdesk.export.options import ChartExportOptions
from orgdesk.export.style import (
    BADGE_FILL,
    BADGE_TEXT,
    CONNECTOR,
    DETAIL_TEXT,
    RELATION,
    TITLE_TEXT,
    box_style,
)
from orgdesk.layout.chart import layout_chart, visible_tree
from orgdesk.layout.model import Box, ChartLayout, Connector, LayoutOptions
from orgdesk.layout.text import (
    DETAIL_PT,
    LINE_SPACING,
    PADDING_Y,
    TITLE_PT,
    box_text,
    estimate_size,
    tracks_staffing,
)

#: Attributes orgdesk writes; everything else is refused (file-reading ones above all).
ALLOWED_ATTRIBUTES = frozenset({
    "label", "fontname", "fontsize", "fontcolor", "shape", "style", "fillcolor", "color",
    "penwidth", "width", "height", "fixedsize", "pos", "margin", "labelloc", "labeljust",
    "arrowhead", "arrowsize", "rankdir", "ordering", "splines", "nodesep", "ranksep",
    "notranslate", "pad", "bgcolor", "outputorder", "id", "constraint", "rank", "lp",
    "xlabel", "forcelabels",
})
#: Attributes that make Graphviz read files or emit links; never written.
FORBIDDEN_ATTRIBUTES = frozenset({"image", "imagepath", "shapefile", "fontpath", "stylesheet",
                                  "URL", "href", "imagescale"})
TITLE_BAND = 34.0  # points above a compact chart for the document title
BADGE_PT = 8.0
RELATION_PT = 8.0


@dataclass(frozen=True, slots=True)
class DotChart:
    """DOT source ready to render, and how to render it."""

    source: str
    engine: str  # Graphviz layout engine: "nop2" (pinned) or "dot"
    positions: tuple[PositionId, ...]  # the positions drawn, in tree order
    layout: ChartLayout | None = None  # the compact layout the source pins


def _attrs(**values: object) -> dict[str, str]:
    bad = set(values) - ALLOWED_ATTRIBUTES
    if bad:  # a bug in orgdesk, never a user's doing
        raise ValueError(f"attribute(s) {sorted(bad)} are not on the DOT allow-list")
    return {key: value if isinstance(value, str) else _num(value)  # type: ignore[arg-type]
            for key, value in values.items()}


_OWN_VALUE = re.compile(r"[-\w.,!#: ]*", re.ASCII)


def _statement(head: str, attrs: dict[str, str]) -> str:
    """One DOT node or edge statement.

    Written here rather than through `Digraph.node`, whose general quoting costs
    seconds on a 10,000-position chart; labels still go through the package's
    `quote` (they are `graphviz.escape`d), and every other value is orgdesk's own
    number, colour or keyword, checked to need no quoting beyond the quotes.
    """
    parts = []
    for key, value in attrs.items():
        if key in ("label", "xlabel"):
            parts.append(f"{key}={graphviz.quoting.quote(value)}")
        else:
            if not _OWN_VALUE.fullmatch(value):
                raise ValueError(f"unexpected value {value!r} for {key}")
            parts.append(f'{key}="{value}"')
    return f"\t{head} [{' '.join(parts)}]\n"


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def node_name(pid: PositionId) -> str:
    return f"n{int(pid)}"


def _graph(options: ChartExportOptions, org: Organisation, **extra: object) -> graphviz.Digraph:
    font = font_name()
    graph = graphviz.Digraph("orgchart")
    title = org.info.title.strip() if options.title else ""
    graph.attr("graph", **_attrs(fontname=font, bgcolor="white", pad=0.25, **extra))
    if title:
        graph.attr("graph", **_attrs(label=label([title]), labelloc="t", fontsize=16.0,
                                     fontcolor=TITLE_TEXT))
    graph.attr("node", **_attrs(fontname=font, shape="box", style="rounded,filled",
                                fontcolor=TITLE_TEXT, penwidth=1.2))
    graph.attr("edge", **_attrs(fontname=font, arrowhead="none", color=CONNECTOR, penwidth=1.2,
                                fontsize=RELATION_PT, fontcolor=DETAIL_TEXT))
    return graph


def build_dot(org: Organisation, options: ChartExportOptions,
              layout: ChartLayout | None = None) -> DotChart:
    """The DOT of `org` (or a branch of it) for `options.layout`."""
    if options.layout == "dot":
        return _build_dot_layout(org, options)
    return _build_compact(org, options, layout)


def layout_options(options: ChartExportOptions) -> LayoutOptions:
    return LayoutOptions(orientation=options.orientation, detail=options.detail,
                         overrides=options.overrides, collapsed=options.collapsed,
                         root=options.root, depth=options.depth)


def _spline(points: tuple[tuple[float, float], ...], height: float) -> str:
    """A polyline as Graphviz's cubic B-spline ("3n+1" points), y turned upwards."""
    out = [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        out += [(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3),
                (x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3), (x1, y1)]
    return " ".join(f"{_num(x)},{_num(height - y)}" for x, y in out)


def _build_compact(org: Organisation, options: ChartExportOptions,
                   layout: ChartLayout | None) -> DotChart:
    chart = layout or layout_chart(org, layout_options(options))
    height = chart.height
    graph = _graph(options, org, notranslate="true", outputorder="edgesfirst", splines="true")
    bold = bold_font_name()
    for box in chart.boxes.values():
        _compact_box(graph, org, box, chart, bold)
    for connector in chart.connectors:
        _compact_edge(graph, connector, height)
    return DotChart(graph.source, "nop2", tuple(chart.boxes), chart)


BADGE_H = 14.0


def _compact_box(graph: graphviz.Digraph, org: Organisation, box: Box, chart: ChartLayout,
                 bold: str) -> None:
    """A box (n<id>, no text) with its title (t<id>), details (d<id>) and ×N badge (b<id>).

    Separate pinned text nodes put each block of text exactly where the chart
    view draws it; a node's own label can only be centred or stuck to its edge.
    """
    height = chart.height
    style = box_style(org, box, chart.staffing)
    cx = box.x + box.w / 2
    text = box.text
    pid = int(box.id)
    graph.body.append(_statement(node_name(box.id), _attrs(
        label="", id=node_name(box.id), pos=f"{_num(cx)},{_num(height - box.y - box.h / 2)}!",
        width=box.w / 72, height=box.h / 72, fixedsize="true", fillcolor=style.fill,
        color=style.border, style="rounded,filled,dashed" if style.dashed else "rounded,filled",
        penwidth=1.0 if style.staff else 1.2)))
    more = text.detail_lines + text.duty_lines
    title_h = len(text.title_lines) * TITLE_PT * LINE_SPACING
    more_h = box.h - title_h - 2 * PADDING_Y
    top = box.y + (PADDING_Y if more else (box.h - title_h) / 2)
    blocks = [("t", text.title_lines, title_h, bold, TITLE_PT, TITLE_TEXT, top)]
    if more:
        blocks.append(("d", more, more_h, font_name(), DETAIL_PT, DETAIL_TEXT, top + title_h))
    for prefix, lines, block_h, font, size, colour, block_top in blocks:
        graph.body.append(_statement(f"{prefix}{pid}", _attrs(
            label=label(lines), shape="plaintext", style="solid", fontname=font, fontsize=size,
            fontcolor=colour, width=(box.w - 8) / 72, height=block_h / 72, fixedsize="true",
            margin="0", pos=f"{_num(cx)},{_num(height - block_top - block_h / 2)}!")))
    if text.badge:
        bw, _ = estimate_size_badge(text.badge)
        graph.body.append(_statement(f"b{pid}", _attrs(
            label=label([text.badge]), shape="box", style="rounded,filled",
            fillcolor=BADGE_FILL, color=BADGE_FILL, fontcolor=BADGE_TEXT, fontname=bold,
            fontsize=BADGE_PT, width=bw / 72, height=BADGE_H / 72, fixedsize="true",
            margin="0", pos=f"{_num(box.x + box.w - bw / 2 - 6)},{_num(height - box.y + 2)}!")))


def estimate_size_badge(badge: str) -> tuple[float, float]:
    """Size of a ×N badge (shared with the chart view so both draw the same)."""
    return len(badge) * BADGE_PT * 0.62 + 10, BADGE_H


def _compact_edge(graph: graphviz.Digraph, connector: Connector, height: float) -> None:
    common = _attrs(pos=_spline(connector.points, height))
    if connector.dashed:
        (x0, y0), (x1, y1) = connector.points[0], connector.points[-1]
        extra = _attrs(style="dashed", color=RELATION, arrowhead="vee", arrowsize=0.7)
        if connector.label:
            extra |= _attrs(label=label([connector.label]),
                            lp=f"{_num((x0 + x1) / 2)},{_num(height - (y0 + y1) / 2)}")
        # The spline ends at the arrow's tip; Graphviz needs the "e," end point for it.
        spline = _spline(connector.points, height)
        common = _attrs(pos=f"e,{_num(x1)},{_num(height - y1)} {spline}")
        common |= extra
    graph.body.append(_statement(f"{node_name(connector.source)} -> {node_name(connector.target)}",
                                 common))


def _build_dot_layout(org: Organisation, options: ChartExportOptions) -> DotChart:
    lo = layout_options(options)
    _, children = visible_tree(org, lo)
    staffing = tracks_staffing(org)
    graph = _graph(options, org, rankdir="TB" if options.orientation == "tb" else "LR",
                   ordering="out",
                   # not "ortho": Graphviz 2.4x's orthogonal router aborts ("failed at
                   # node …", maze.c assertion) on charts with dotted-line relations
                   splines="polyline",
                   nodesep=0.25, ranksep=0.45)
    graph.attr("node", **_attrs(fontsize=10.0, margin="0.12,0.06"))
    for pid in children:
        position = org.position(pid)
        text = box_text(position, org, options.detail, lo.words, staffing)
        title = list(text.title_lines)
        if text.badge:
            title[-1] = f"{title[-1]} {text.badge}"
        staff = position.kind is PositionKind.STAFF and position.superior_id in children
        w, h = estimate_size(text)
        style = box_style(org, Box(pid, 0, 0, w, h, text, staff=staff), staffing)
        graph.node(node_name(pid), **_attrs(
            label=label(title + list(text.detail_lines + text.duty_lines)), id=node_name(pid),
            fillcolor=style.fill, color=style.border,
            style="rounded,filled,dashed" if style.dashed else "rounded,filled"))
    for pid, reports in children.items():
        for report in reports:
            graph.edge(node_name(pid), node_name(report.id))
        staff = [r for r in reports if r.kind is PositionKind.STAFF]
        if staff and options.orientation == "tb":
            with graph.subgraph() as same:  # staff beside their superior, not in the row
                same.attr(**_attrs(rank="same"))
                for name in [node_name(pid)] + [node_name(s.id) for s in staff]:
                    same.node(name)
    for relation in org.relations:
        if relation.source_id in children and relation.target_id in children:
            attrs = _attrs(style="dashed", color=RELATION, arrowhead="vee", arrowsize=0.7,
                           constraint="false")
            if relation.label:  # orthogonal splines cannot place ordinary edge labels
                attrs |= _attrs(xlabel=label([relation.label]))
            graph.edge(node_name(relation.source_id), node_name(relation.target_id), **attrs)
    return DotChart(graph.source, "dot", tuple(children))
