"""Building the DOT source of a chart (no rendering here).

Two layouts:

* ``compact``: our own layout (`orgdesk.layout`), every node pinned with
  ``pos="x,y!"`` and every connector given as a spline, drawn by Graphviz's
  ``nop2`` engine (``neato -n2``), so the file shows exactly the chart on screen;
* ``dot``: Graphviz's own hierarchical layout of the same visible tree.

One position is one node (``n<id>``, a negative id written ``m<digits>``: see
`id_key`) whose one label holds the title, ×N badge and details
(`dot_labels`): an HTML-like table for the system Graphviz, plain centred
lines for the embedded one.  In the SVG each position is one
``<g id="n<id>" class="node position">``, so a script finds position 12 as
``#n12`` (and every box as ``.position``).  The optional legend adds nodes
named ``legend<k>`` (`dot_legend`).

Safety rules (RELIABILITY.md, "Graphviz export"): node ids are generated,
never user text; user text reaches DOT only through `dot_text`; no record shapes;
every attribute goes through `_attrs`, which refuses anything outside
`ALLOWED_ATTRIBUTES` (so ``image``, ``shapefile``, ``fontpath``, ``URL``… cannot
appear whatever the document says).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import graphviz

from orgdesk.core.model import PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_labels import html_label, plain_label
from orgdesk.export.dot_legend import ENTRY_GAP, ENTRY_H, LEGEND_PT, LegendEntry, legend_entries
from orgdesk.export.dot_text import label
from orgdesk.export.fonts import bold_font_name, font_name
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.chart import layout_chart, visible_tree
from orgdesk.layout.hidden import hidden_below
from orgdesk.layout.model import (
    Box,
    ChartLayout,
    Connector,
    ConnectorKind,
    LayoutOptions,
)
from orgdesk.layout.style import (
    CONNECTOR,
    DETAIL_TEXT,
    RELATION,
    TITLE_TEXT,
    box_style,
)
from orgdesk.layout.text import (
    BoxText,
    box_text,
    estimate_size,
    tracks_staffing,
)
from orgdesk.layout.words import Language, content_language, words_for

#: Attributes orgdesk writes; everything else is refused (file-reading ones above all).
ALLOWED_ATTRIBUTES = frozenset({
    "label", "fontname", "fontsize", "fontcolor", "shape", "style", "fillcolor", "color",
    "penwidth", "width", "height", "fixedsize", "pos", "margin", "labelloc", "labeljust",
    "arrowhead", "arrowsize", "rankdir", "ordering", "splines", "nodesep", "ranksep",
    "notranslate", "pad", "bgcolor", "outputorder", "id", "constraint", "rank", "lp",
    "xlabel", "forcelabels", "class",
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
    html: bool = True  # HTML-like labels (the system Graphviz) or plain ones (the embedded)


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
              layout: ChartLayout | None = None, html: bool = True) -> DotChart:
    """The DOT of `org` (or a branch of it) for `options.layout`.

    `html`: label the boxes with HTML-like tables (the system Graphviz), else
    with plain labels (the embedded one, which cannot read HTML-like labels).
    """
    if options.layout == "dot":
        return _build_dot_layout(org, options, html)
    return _build_compact(org, options, layout, html)


def dot_pieces(org: Organisation, options: ChartExportOptions, layout: ChartLayout | None,
               html: bool = True) -> tuple[str, Iterable[str]]:
    """The Graphviz layout engine and the DOT source in pieces, for streaming.

    `layout`: the compact layout (required when `options.layout` is compact).
    The pieces joined are `build_dot`'s source.
    """
    if options.layout == "dot":
        dot = _build_dot_layout(org, options, html)
        return dot.engine, (dot.source,)
    if layout is None:
        raise ValueError("a compact chart is streamed from its layout")
    return "nop2", compact_source(org, options, layout, html)


def chart_language(options: ChartExportOptions, org: Organisation | None) -> Language:
    """The deliverable's language: the one asked for, else the document content's."""
    if options.lang is not None:
        return options.lang
    if org is None:
        return "en"
    return content_language(p.title for p in org.positions())


def layout_options(options: ChartExportOptions, org: Organisation | None = None) -> LayoutOptions:
    """The layout options of an export; pass `org` so the boxes speak its language."""
    return LayoutOptions(orientation=options.orientation, detail=options.detail,
                         overrides=options.overrides, collapsed=options.collapsed,
                         rollup=options.rollup,
                         root=options.root, depth=options.depth, balance=options.balance,
                         words=words_for(chart_language(options, org)))


def _spline(points: tuple[tuple[float, float], ...], height: float) -> str:
    """A polyline as Graphviz's cubic B-spline ("3n+1" points), y turned upwards."""
    out = [points[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        out += [(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3),
                (x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3), (x1, y1)]
    return " ".join(f"{_num(x)},{_num(height - y)}" for x, y in out)


def _build_compact(org: Organisation, options: ChartExportOptions,
                   layout: ChartLayout | None, html: bool) -> DotChart:
    chart = layout or layout_chart(org, layout_options(options, org))
    source = "".join(compact_source(org, options, chart, html))
    return DotChart(source, "nop2", tuple(chart.boxes), chart, html)


#: Statements per piece of `compact_source`: big enough that writing a piece to
#: Graphviz costs one system call per few hundred kilobytes, small enough that
#: Graphviz reads the first pieces while the next are being written.
PIECE_STATEMENTS = 1000


def compact_source(org: Organisation, options: ChartExportOptions, chart: ChartLayout,
                   html: bool = True) -> Iterator[str]:
    """The pinned chart's DOT source in pieces, in order (joined, `build_dot`'s source).

    The export streams the pieces into Graphviz as they are written, so
    Graphviz reads the first nodes while the last are still being built.
    """
    graph = _graph(options, org, notranslate="true", outputorder="edgesfirst", splines="true")
    lines = list(graph)  # the head and the graph, node and edge defaults
    tail = lines.pop()
    if tail.strip() != "}":  # the graphviz package's layout of a graph changed
        raise AssertionError(f"unexpected end of the DOT head: {tail!r}")
    yield "".join(lines)
    writer = _CompactWriter(org, chart, bold_font_name(), html)
    body: list[str] = []
    box = writer.box
    for b in chart.boxes.values():
        box(b, body)
        if len(body) >= PIECE_STATEMENTS:
            yield "".join(body)
            body.clear()
    edge = writer.edge
    for connector in chart.connectors:
        edge(connector, body)
        if len(body) >= PIECE_STATEMENTS:
            yield "".join(body)
            body.clear()
    if options.legend_shown():
        lo = layout_options(options, org)
        entries = legend_entries(
            org, chart.boxes, lo.words, chart.staffing,
            relations=any(c.dashed for c in chart.connectors),
            staff_shown=any(b.staff for b in chart.boxes.values()))
        _pinned_legend(entries, lo.margin, chart.width, body)
    body.append(tail)
    yield "".join(body)


def _legend_node(index: int, entry: LegendEntry, pos: str | None = None) -> str:
    """One legend entry: a box drawn like the chart's (or plain text), its caption inside."""
    attrs = _attrs(label=label([entry.text]), id=f"legend{index}", fontsize=LEGEND_PT,
                   fontcolor=entry.fontcolor, width=entry.width / 72, height=ENTRY_H / 72,
                   fixedsize="true", margin="0")
    attrs |= _attrs(**{"class": f"legend legend-{entry.key}"})
    if entry.boxed:
        attrs |= _attrs(shape="box", fillcolor=entry.fill, color=entry.border,
                        style="rounded,filled,dashed" if entry.dashed else "rounded,filled")
    else:
        attrs |= _attrs(shape="plaintext", style="solid")
    if pos is not None:
        attrs |= _attrs(pos=pos)
    return _statement(f"legend{index}", attrs)


def _pinned_legend(entries: list[LegendEntry], margin: float, width: float,
                   body: list[str]) -> None:
    """The legend in rows below the pinned chart, no wider than the chart (Graphviz's
    y grows upwards, so below the chart is below 0; the drawing grows to hold it).

    The title ("Legend") starts the first row; entries follow left to right and
    wrap to a new row at the chart's width.
    """
    room = max(width - 2 * margin, max(e.width for e in entries))
    x, row = margin, 0
    for index, entry in enumerate(entries):
        if x > margin and x - margin + entry.width > room:
            x, row = margin, row + 1
        y = -margin - row * (ENTRY_H + ENTRY_GAP) - ENTRY_H / 2
        body.append(_legend_node(index, entry, f"{_num(x + entry.width / 2)},{_num(y)}!"))
        x += entry.width + 2 * ENTRY_GAP


def _template(*keys: str) -> tuple[str, ...]:
    """`key=` heads of a statement's attributes, checked against the allow-list once."""
    _attrs(**dict.fromkeys(keys, ""))  # raises for any key off the allow-list
    return tuple(f"{key}=" for key in keys)


# The attributes of the compact chart's statements, in the order they are written.
_BOX_KEYS = _template("label", "id", "class", "pos", "width", "height", "fixedsize", "fillcolor",
                      "color", "style", "penwidth")
_EDGE_KEYS = _template("pos")
# Written literally by `_CompactWriter.box` and `.edge` (the rest comes from the templates).
if _BOX_KEYS[:4] != ("label=", "id=", "class=", "pos=") or _EDGE_KEYS != ("pos=",):
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
    module loads), each distinct label (built by `dot_labels` from text escaped by
    `dot_text`), each distinct style and size, and each distinct number
    (formatted by `_num`).  What is new for every box, its position, is a float
    formatted by `_num`, which only ever gives digits, a sign and a point (or
    inf/nan); a coordinate that is not a float goes through `_num` and the value
    check as before.
    """

    def __init__(self, org: Organisation, chart: ChartLayout, bold: str, html: bool) -> None:
        self.org = org
        self.html = html
        self.font = font_name()
        self.labels: dict[BoxText, str] = {}
        self.height = chart.height
        self.staffing = chart.staffing
        self.bold = bold
        self.numbers: dict[float, str] = {}
        self.styles: dict[tuple[object, ...], str] = {}
        self.sizes: dict[tuple[float, float], str] = {}

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
        """A position's one node: its box, pinned, with all its text in its label."""
        num = self.num
        numbers = self.numbers
        w, h = box.w, box.h
        pid = id_key(box.id)
        cx = box.x + w / 2
        y = self.height - box.y - h / 2
        text = box.text
        written = self.labels.get(text) or self._label(text)
        size = self.sizes.get((w, h)) or self._size(w, h)
        body.append(f'\tn{pid} [label={written} id="n{pid}" class="position" '
                    f'pos="{numbers.get(cx) or num(cx)},{numbers.get(y) or num(y)}!" '
                    f"{size} {self._style(box)}]\n")

    def _label(self, text: BoxText) -> str:
        written = self.labels[text] = (html_label(text, self.font, self.bold) if self.html
                                       else plain_label(text))
        return written

    def _style(self, box: Box) -> str:
        """`fillcolor=… color=… style=… penwidth=…` of the box, once per distinct style."""
        position = self.org.position(box.id)
        key = (position.department_id, box.staff,
               self.staffing and position.vacancies > 0, position.over > 0)
        written = self.styles.get(key)
        if written is None:
            style = box_style(self.org, box, self.staffing)
            written = self.styles[key] = _written(_BOX_KEYS[7:], (
                style.fill, style.border,
                "rounded,filled,dashed" if style.dashed else "rounded,filled",
                _num(2.2 if style.over else 1.0 if style.staff else 1.2)))
        return written

    def _size(self, w: float, h: float) -> str:
        written = self.sizes[(w, h)] = _written(_BOX_KEYS[4:7],
                                                (_num(w / 72), _num(h / 72), "true"))
        return written

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


def _build_dot_layout(org: Organisation, options: ChartExportOptions, html: bool) -> DotChart:
    lo = layout_options(options, org)
    _, children = visible_tree(org, lo)
    staffing = tracks_staffing(org)
    graph = _graph(options, org, rankdir="TB" if options.orientation == "tb" else "LR",
                   ordering="out",
                   # not "ortho": Graphviz 2.4x's orthogonal router aborts ("failed at
                   # node …", maze.c assertion) on charts with dotted-line relations
                   splines="polyline",
                   nodesep=0.25, ranksep=0.45)
    graph.attr("node", **_attrs(fontsize=10.0, margin="0.12,0.06"))
    body = graph.body
    hidden = hidden_below(org, children, lo)
    bold = bold_font_name()
    font = font_name()
    any_staff = False
    for pid in children:
        position = org.position(pid)
        text = box_text(position, org, options.detail, lo.words, staffing, hidden.get(pid))
        staff = position.kind is PositionKind.STAFF and position.superior_id in children
        any_staff = any_staff or staff
        w, h = estimate_size(text)
        style = box_style(org, Box(pid, 0, 0, w, h, text, staff=staff), staffing)
        name = node_name(pid)
        written = html_label(text, font, bold) if html else plain_label(text)
        attrs = _attrs(**{"id": name, "class": "position"}, fillcolor=style.fill,
                       color=style.border,
                       style="rounded,filled,dashed" if style.dashed else "rounded,filled")
        body.append(_statement(name, attrs).replace(" [", f" [label={written} ", 1))
    for pid, reports in children.items():
        staff_reports = [r for r in reports if r.kind is PositionKind.STAFF]
        beside = bool(staff_reports) and options.orientation == "tb"
        # Staff sit beside their superior, in its rank, half of them on each side
        # as in the compact layout.  A flat edge puts its tail left of its head, so
        # the superior's edge to a left staff post leaves the ordering to an
        # invisible edge the other way; otherwise the second post is pushed past
        # the first and its connector arches over it.
        left = {s.id for s in staff_reports[:(len(staff_reports) + 1) // 2]} if beside else set()
        for report in reports:
            if report.id in left:
                body.append(_statement(f"{node_name(pid)} -> {node_name(report.id)}",
                                       _attrs(constraint="false")))
                body.append(_statement(f"{node_name(report.id)} -> {node_name(pid)}",
                                       _attrs(style="invis")))
            else:
                graph.edge(node_name(pid), node_name(report.id))
        if beside:
            with graph.subgraph() as same:  # staff beside their superior, not in the row
                same.attr(**_attrs(rank="same"))
                for name in [node_name(pid)] + [node_name(s.id) for s in staff_reports]:
                    same.node(name)
    relations = False
    for relation in org.relations:
        if relation.source_id in children and relation.target_id in children:
            relations = True
            attrs = _attrs(style="dashed", color=RELATION, arrowhead="vee", arrowsize=0.7,
                           constraint="false")
            if relation.label:  # orthogonal splines cannot place ordinary edge labels
                attrs |= _attrs(xlabel=label([relation.label]))
            graph.edge(node_name(relation.source_id), node_name(relation.target_id), **attrs)
    if options.legend_shown():
        entries = legend_entries(org, children, lo.words, staffing, relations, any_staff)
        # One row after the chart's last rank (below it; beside it left to right),
        # its entries held in order by invisible flat edges.
        body.append("\t{\n\t\trank=sink\n")
        for index, entry in enumerate(entries):
            body.append("\t" + _legend_node(index, entry))
        body.append("\t}\n")
        for index in range(1, len(entries)):
            body.append(_statement(f"legend{index - 1} -> legend{index}", _attrs(style="invis")))
    return DotChart(graph.source, "dot", tuple(children), None, html)
