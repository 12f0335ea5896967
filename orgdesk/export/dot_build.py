"""Building the DOT source of a chart (no rendering here).

Two layouts:

* ``compact``: our own layout (`orgdesk.layout`), every node pinned with
  ``pos="x,y!"`` and every connector given as a spline, drawn by Graphviz's
  ``nop2`` engine (``neato -n2``), so the file shows exactly the chart on screen;
* ``dot``: Graphviz's own hierarchical layout of the same visible tree.

Safety rules (RELIABILITY.md, "Graphviz export"): node ids are generated
(``n<id>``, ``t<id>`` for the title, ``d<id>`` for detail text, ``b<id>`` for a
×N badge, with a negative id written ``m<digits>``: see `id_key`), never user
text; user text reaches DOT only through `dot_text.label`; no record shapes;
every attribute goes through `_attrs`, which refuses anything outside
`ALLOWED_ATTRIBUTES` (so ``image``, ``shapefile``, ``fontpath``, ``URL``… cannot
appear whatever the document says).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import graphviz

from orgdesk.core.model import PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_text import label
from orgdesk.export.fonts import bold_font_name, font_name
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.chart import layout_chart, visible_tree
from orgdesk.layout.model import (
    Box,
    ChartLayout,
    Connector,
    ConnectorKind,
    LayoutOptions,
)
from orgdesk.layout.style import (
    BADGE_FILL,
    BADGE_H,
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
    return {key: value if isinstance(value, str) else _num(value)  # type: ignore[arg-type]  # non-str values are numbers by the attribute allow-list
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


def id_key(pid: PositionId) -> str:
    """The id as letters and digits only, whatever its sign: `12`, or `m12` for -12.

    Graphviz reads an unquoted `n-1` as `n` and `-1`; a node name built from the
    id must mean one node for every integer a file may hold.
    """
    value = int(pid)
    return str(value) if value >= 0 else f"m{-value}"


def node_name(pid: PositionId) -> str:
    return f"n{id_key(pid)}"


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
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        out += [(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3),
                (x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3), (x1, y1)]
    return " ".join(f"{_num(x)},{_num(height - y)}" for x, y in out)


def _build_compact(org: Organisation, options: ChartExportOptions,
                   layout: ChartLayout | None) -> DotChart:
    chart = layout or layout_chart(org, layout_options(options))
    graph = _graph(options, org, notranslate="true", outputorder="edgesfirst", splines="true")
    writer = _CompactWriter(org, chart, bold_font_name())
    body = graph.body
    box = writer.box
    for b in chart.boxes.values():
        box(b, body)
    edge = writer.edge
    for connector in chart.connectors:
        edge(connector, body)
    return DotChart(graph.source, "nop2", tuple(chart.boxes), chart)


def _template(*keys: str) -> tuple[str, ...]:
    """`key=` heads of a statement's attributes, checked against the allow-list once."""
    _attrs(**dict.fromkeys(keys, ""))  # raises for any key off the allow-list
    return tuple(f"{key}=" for key in keys)


# The attributes of the compact chart's statements, in the order they are written.
_BOX_KEYS = _template("label", "id", "pos", "width", "height", "fixedsize", "fillcolor", "color",
                      "style", "penwidth")
_TEXT_KEYS = _template("label", "shape", "style", "fontname", "fontsize", "fontcolor", "width",
                       "height", "fixedsize", "margin", "pos")
_BADGE_KEYS = _template("label", "shape", "style", "fillcolor", "color", "fontcolor", "fontname",
                        "fontsize", "width", "height", "fixedsize", "margin", "pos")
_EDGE_KEYS = _template("pos")
# Written literally by `_CompactWriter.box` and `.edge` (the rest comes from the templates).
if _BOX_KEYS[:3] != ("label=", "id=", "pos=") or _EDGE_KEYS != ("pos=",):
    raise AssertionError("the compact chart's literal attribute keys are out of step")


def _written(keys: tuple[str, ...], values: tuple[str, ...]) -> str:
    """`key="value" …` for `keys` (from `_template`), each value as `_statement` writes it."""
    parts = []
    for key, value in zip(keys, values):
        if key in ("label=", "xlabel="):
            parts.append(f"{key}{graphviz.quoting.quote(value)}")
        else:
            if not _OWN_VALUE.fullmatch(value):
                raise ValueError(f"unexpected value {value!r} for {key[:-1]}")
            parts.append(f'{key}"{value}"')
    return " ".join(parts)


class _CompactWriter:
    """The node and edge statements of a pinned (compact) chart, fast enough for
    10,000 boxes.

    The text is byte for byte what `_statement(name, _attrs(…))` writes for each
    of them, with the same checks, but what repeats from box to box is checked
    and written once and then reused: the attribute keys (allow-listed when this
    module loads), each distinct label (escaped by `dot_text.label`, quoted by the
    `graphviz` package), each distinct style and size, and each distinct number
    (formatted by `_num`).  What is new for every box, its position, is a float
    formatted by `_num`, which only ever gives digits, a sign and a point (or
    inf/nan); a coordinate that is not a float goes through `_num` and the value
    check as before.
    """

    def __init__(self, org: Organisation, chart: ChartLayout, bold: str) -> None:
        self.org = org
        self.height = chart.height
        self.staffing = chart.staffing
        self.bold = bold
        self.numbers: dict[float, str] = {}
        self.styles: dict[tuple[object, ...], str] = {}
        self.sizes: dict[tuple[float, float], str] = {}
        self.blocks: dict[tuple[object, ...], str] = {}
        self.badges: dict[str, tuple[str, float]] = {}

    def num(self, value: float) -> str:
        """`_num(value)`, checked like any other value, remembered for floats."""
        if type(value) is not float:
            text = _num(value)
            if not _OWN_VALUE.fullmatch(text):
                raise ValueError(f"unexpected value {text!r}")
            return text
        text = self.numbers.get(value)  # type: ignore[assignment]  # None is handled on the next line
        if text is None:
            text = _num(value)
            if value:  # 0.0 and -0.0 are one key but not one text
                self.numbers[value] = text
        return text

    def box(self, box: Box, body: list[str]) -> None:
        """A box (n<id>, no text) with its title (t<id>), details (d<id>) and ×N badge (b<id>).

        Separate pinned text nodes put each block of text exactly where the chart
        view draws it; a node's own label can only be centred or stuck to its edge.
        """
        num = self.num
        numbers = self.numbers
        height = self.height
        w, h = box.w, box.h
        by = box.y
        text = box.text
        pid = id_key(box.id)
        cx = box.x + w / 2
        x = numbers.get(cx) or num(cx)
        y = height - by - h / 2
        style = self._style(box)
        size = self.sizes.get((w, h)) or self._size(w, h)
        body.append(f'\tn{pid} [label="" id="n{pid}" pos="{x},{numbers.get(y) or num(y)}!" '
                    f"{size} {style}]\n")
        title_lines = text.title_lines
        more = text.detail_lines + text.duty_lines
        title_h = len(title_lines) * TITLE_PT * LINE_SPACING
        top = by + (PADDING_Y if more else (h - title_h) / 2)
        blocks = self.blocks
        key = ("t", title_lines, w, title_h)
        head = blocks.get(key) or self._block(key, self.bold, TITLE_PT, TITLE_TEXT)
        y = height - top - title_h / 2
        body.append(f'\tt{pid} [{head}"{x},{numbers.get(y) or num(y)}!"]\n')
        if more:
            more_h = h - title_h - 2 * PADDING_Y
            key = ("d", more, w, more_h)
            head = blocks.get(key) or self._block(key, font_name(), DETAIL_PT, DETAIL_TEXT)
            y = height - (top + title_h) - more_h / 2
            body.append(f'\td{pid} [{head}"{x},{numbers.get(y) or num(y)}!"]\n')
        if text.badge:
            head, bw = self.badges.get(text.badge) or self._badge(text.badge)
            bx = box.x + w - bw / 2 - 6
            y = height - by + 2
            body.append(f'\tb{pid} [{head}"{numbers.get(bx) or num(bx)},'
                        f'{numbers.get(y) or num(y)}!"]\n')

    def _style(self, box: Box) -> str:
        """`fillcolor=… color=… style=… penwidth=…` of the box, once per distinct style."""
        position = self.org.position(box.id)
        key = (position.department_id, box.staff,
               self.staffing and position.vacancies > 0)
        written = self.styles.get(key)
        if written is None:
            style = box_style(self.org, box, self.staffing)
            written = self.styles[key] = _written(_BOX_KEYS[6:], (
                style.fill, style.border,
                "rounded,filled,dashed" if style.dashed else "rounded,filled",
                _num(1.0 if style.staff else 1.2)))
        return written

    def _size(self, w: float, h: float) -> str:
        written = self.sizes[(w, h)] = _written(_BOX_KEYS[3:6],
                                                (_num(w / 72), _num(h / 72), "true"))
        return written

    def _block(self, key: tuple[object, ...], font: str, size: float, colour: str) -> str:
        """A text block's attributes up to `pos=`, once per distinct text and size."""
        _, lines, box_w, block_h = key
        written = _written(_TEXT_KEYS[:-1], (
            label(lines), "plaintext", "solid", font, _num(size), colour,  # type: ignore[arg-type]  # the cache key's parts are typed as a tuple of objects
            _num((box_w - 8) / 72), _num(block_h / 72), "true", "0"))  # type: ignore[operator]  # the cache key's parts are typed as a tuple of objects
        written = self.blocks[key] = f"{written} {_TEXT_KEYS[-1]}"
        return written

    def _badge(self, badge: str) -> tuple[str, float]:
        bw, _ = estimate_size_badge(badge)
        written = _written(_BADGE_KEYS[:-1], (
            label([badge]), "box", "rounded,filled", BADGE_FILL, BADGE_FILL, BADGE_TEXT,
            self.bold, _num(BADGE_PT), _num(bw / 72), _num(BADGE_H / 72), "true", "0"))
        entry = self.badges[badge] = (f"{written} {_BADGE_KEYS[-1]}", bw)
        return entry

    def edge(self, connector: Connector, body: list[str]) -> None:
        head = f"n{id_key(connector.source)} -> n{id_key(connector.target)}"
        if connector.kind in _DASHED:  # a few relations: the general way
            _compact_relation(head, connector, self.height, body)
            return
        body.append(f'\t{head} [pos="{self.spline(connector.points)}"]\n')

    def spline(self, points: tuple[tuple[float, float], ...]) -> str:
        """`_spline(points, height)`: the polyline as a cubic B-spline, y turned upwards.

        The points' own coordinates are looked up only when they are floats (an int
        or anything else goes through `num`); the computed ones always are.
        """
        get = self.numbers.get
        num = self.num
        height = self.height
        x0, y0 = points[0]
        y = height - y0
        out = [f"{(get(x0) if type(x0) is float else None) or num(x0)},{get(y) or num(y)}"]
        for x1, y1 in points[1:]:
            dx, dy = x1 - x0, y1 - y0
            xa, ya = x0 + dx / 3, height - (y0 + dy / 3)
            xb, yb = x0 + 2 * dx / 3, height - (y0 + 2 * dy / 3)
            y = height - y1
            out.append(f"{get(xa) or num(xa)},{get(ya) or num(ya)} "
                       f"{get(xb) or num(xb)},{get(yb) or num(yb)} "
                       f"{(get(x1) if type(x1) is float else None) or num(x1)},{get(y) or num(y)}")
            x0, y0 = x1, y1
        return " ".join(out)


_DASHED = frozenset(kind for kind in ConnectorKind
                    if Connector(PositionId(1), PositionId(2), (), kind).dashed)


def _compact_relation(head: str, connector: Connector, height: float, body: list[str]) -> None:
    """A dotted-line or advisory relation: dashed, with an arrow and maybe a label."""
    (x0, y0), (x1, y1) = connector.points[0], connector.points[-1]
    extra = _attrs(style="dashed", color=RELATION, arrowhead="vee", arrowsize=0.7)
    if connector.label:
        extra |= _attrs(label=label([connector.label]),
                        lp=f"{_num((x0 + x1) / 2)},{_num(height - (y0 + y1) / 2)}")
    # The spline ends at the arrow's tip; Graphviz needs the "e," end point for it.
    spline = _spline(connector.points, height)
    common = _attrs(pos=f"e,{_num(x1)},{_num(height - y1)} {spline}")
    common |= extra
    body.append(_statement(head, common))


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
        staff_reports = [r for r in reports if r.kind is PositionKind.STAFF]
        if staff_reports and options.orientation == "tb":
            with graph.subgraph() as same:  # staff beside their superior, not in the row
                same.attr(**_attrs(rank="same"))
                for name in [node_name(pid)] + [node_name(s.id) for s in staff_reports]:
                    same.node(name)
    for relation in org.relations:
        if relation.source_id in children and relation.target_id in children:
            attrs = _attrs(style="dashed", color=RELATION, arrowhead="vee", arrowsize=0.7,
                           constraint="false")
            if relation.label:  # orthogonal splines cannot place ordinary edge labels
                attrs |= _attrs(xlabel=label([relation.label]))
            graph.edge(node_name(relation.source_id), node_name(relation.target_id), **attrs)
    return DotChart(graph.source, "dot", tuple(children))
