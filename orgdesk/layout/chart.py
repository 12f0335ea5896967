"""From an organisation to a laid-out org chart, with the org-chart rules.

The rules sit on top of the generic tidy tree (`orgdesk.layout.tidy`) by
shaping the tree it lays out:

* sibling order is the document's (`Organisation.direct_reports`), never re-sorted;
* staff posts (PositionKind.STAFF) become children of their superior placed
  either side of an invisible *trunk* node that carries the line reports; the
  trunk is as tall as the staff boxes, so the row of reports starts below them
  and the staff boxes sit beside the connector, not in the row;
* runs of consecutive leaf reports become one *stack* node (one or two
  columns hanging off a spine) when a position has more leaf reports than the
  threshold (top-down charts only) or when the per-position override says so;
* collapsed positions contribute their own box only.

All geometry is worked out in abstract (breadth, depth) coordinates and turned
into top-down or left-right at the end, so both orientations share one code path.
"""
from __future__ import annotations

import math

from orgdesk.core.model import Position, PositionId, PositionKind, RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.layout.model import (
    Arrangement,
    Box,
    ChartLayout,
    Connector,
    ConnectorKind,
    LayoutOptions,
    Point,
)
from orgdesk.layout.text import box_text, tracks_staffing
from orgdesk.layout.tidy import TidyNode, layout

_TRUNK = "trunk"


class _Stack:
    """Payload of a stack node: leaf positions hanging off one spine."""

    __slots__ = ("ids", "columns", "width", "offsets", "spine")

    def __init__(self, ids: list[PositionId], columns: int) -> None:
        self.ids = ids
        self.columns = columns
        self.width = 0.0  # the common box width
        self.offsets: list[tuple[float, float]] = []  # each box's (x, y) inside the node
        self.spine = 0.0


def visible_tree(org: Organisation, options: LayoutOptions
                 ) -> tuple[list[Position], dict[PositionId, list[Position]]]:
    """Roots and, for every visible position, its visible reports in document order."""
    roots = [org.position(options.root)] if options.root is not None else org.roots()
    children: dict[PositionId, list[Position]] = {}
    stack = [(p, 0) for p in reversed(roots)]
    while stack:
        position, level = stack.pop()
        shown = (position.id not in options.collapsed
                 and (options.depth is None or level < options.depth))
        reports = org.direct_reports(position.id) if shown else []
        children[position.id] = reports
        stack.extend((r, level + 1) for r in reversed(reports))
    return roots, children


def _arrangement(pid: PositionId, leaves: int, options: LayoutOptions) -> Arrangement:
    chosen = options.overrides.get(pid)
    if chosen is not None:
        return chosen
    if options.orientation == "tb" and leaves > options.stack_threshold:
        return "vertical" if leaves <= 2 * options.stack_threshold else "two_columns"
    return "horizontal"


class _Builder:
    """Builds the tidy tree, lays it out and reads boxes and connectors back."""

    def __init__(self, org: Organisation, options: LayoutOptions) -> None:
        self.org = org
        self.options = options
        self.staffing = tracks_staffing(org)
        self.texts: dict[PositionId, object] = {}
        self.size: dict[PositionId, tuple[float, float]] = {}  # (breadth, depth) of each box
        self.nodes: dict[PositionId, TidyNode] = {}
        self.roots, self.children = visible_tree(org, options)

    def _measure(self, position: Position) -> None:
        text = box_text(position, self.org, self.options.detail, self.options.words,
                        self.staffing)
        w, h = self.options.measure(text)
        self.texts[position.id] = text
        self.size[position.id] = (w, h) if self.options.orientation == "tb" else (h, w)

    def build(self) -> TidyNode:
        o = self.options
        for pid, reports in self.children.items():
            self._measure(self.org.position(pid))
            breadth, depth = self.size[pid]
            self.nodes[pid] = TidyNode(breadth + o.h_gap, depth + o.v_gap, pid)
        for pid, reports in self.children.items():
            self._attach(self.nodes[pid], reports)
        top = TidyNode(0.0, 0.0)
        top.children = [self.nodes[r.id] for r in self.roots]
        return top

    def _attach(self, node: TidyNode, reports: list[Position]) -> None:
        o = self.options
        staff = [r for r in reports if r.kind is PositionKind.STAFF]
        line = [r for r in reports if r.kind is not PositionKind.STAFF]
        is_leaf = [not self.children[r.id] for r in line]
        arrangement = _arrangement(node.payload, sum(is_leaf), o)  # type: ignore[arg-type]
        items: list[TidyNode] = []
        run: list[PositionId] = []
        for report, leaf in zip(line + [None], is_leaf + [False]):  # type: ignore[operator]
            if leaf and arrangement != "horizontal":
                run.append(report.id)
                continue
            if len(run) >= 2:
                items.append(self._stack(run, 2 if arrangement == "two_columns" else 1))
            else:
                items.extend(self.nodes[pid] for pid in run)
            run = []
            if report is not None:
                items.append(self.nodes[report.id])
        if not staff:
            node.children = items
            return
        tallest = max(self.size[s.id][1] for s in staff)
        trunk = TidyNode(o.h_gap, tallest + o.v_gap, _TRUNK)
        trunk.children = items
        half = math.ceil(len(staff) / 2)
        node.children = ([self.nodes[s.id] for s in staff[:half]] + [trunk]
                         + [self.nodes[s.id] for s in staff[half:]])
        node.centre_on = half
        node.spread = False  # keep the superior exactly over its trunk

    def _stack(self, ids: list[PositionId], columns: int) -> TidyNode:
        o = self.options
        stack = _Stack(ids, columns)
        stack.width = max(self.size[pid][0] for pid in ids)
        pad = o.h_gap / 2
        if columns == 1:
            stack.spine = pad
            x_of = [pad + o.stack_indent]
        else:
            stack.spine = pad + stack.width + o.stack_indent
            x_of = [pad, stack.spine + o.stack_indent]
        y = 0.0
        for start in range(0, len(ids), columns):
            row = ids[start:start + columns]
            for column, pid in enumerate(row):
                stack.offsets.append((x_of[column], y))
            y += max(self.size[pid][1] for pid in row) + o.stack_gap
        width = x_of[-1] + stack.width + pad
        return TidyNode(width, y - o.stack_gap + o.v_gap, stack, anchor=stack.spine)


def layout_chart(org: Organisation, options: LayoutOptions | None = None) -> ChartLayout:
    """Lay out `org` (or the branch `options.root`) as an org chart."""
    options = options or LayoutOptions()
    builder = _Builder(org, options)
    top = builder.build()
    layout(top)
    return _Reader(builder).result()


class _Reader:
    """Turns the laid-out tidy tree into boxes and connectors in chart coordinates."""

    def __init__(self, builder: _Builder) -> None:
        self.b = builder
        self.o = builder.options
        self.rect: dict[PositionId, tuple[float, float, float, float]] = {}  # breadth, depth
        self.stacked: set[PositionId] = set()
        self.connectors: list[Connector] = []

    def result(self) -> ChartLayout:
        o, b = self.o, self.b
        pad = o.h_gap / 2
        for pid, node in b.nodes.items():
            breadth, depth = b.size[pid]
            if pid not in self.rect:
                self.rect[pid] = (node.x + pad, node.y, breadth, depth)
            for child in node.children:
                for item in child.children if child.payload == _TRUNK else [child]:
                    if isinstance(item.payload, _Stack):
                        self._place_stack(item)
        left = min((r[0] for r in self.rect.values()), default=0.0)
        shift = o.margin - left
        self.rect = {pid: (x + shift, y + o.margin, w, h) for pid, (x, y, w, h)
                     in self.rect.items()}
        for pid, node in b.nodes.items():
            self._connect(pid, node, shift)
        self._relations()
        boxes = {pid: self._box(pid) for pid in b.children}
        far_b = max((r[0] + r[2] for r in self.rect.values()), default=0.0) + o.margin
        far_d = max((r[1] + r[3] for r in self.rect.values()), default=0.0) + o.margin
        width, height = (far_b, far_d) if o.orientation == "tb" else (far_d, far_b)
        return ChartLayout(boxes, tuple(self.connectors), width, height, o.orientation,
                           b.staffing)

    def _place_stack(self, node: TidyNode) -> None:
        stack: _Stack = node.payload  # type: ignore[assignment]
        for pid, (dx, dy) in zip(stack.ids, stack.offsets):
            self.rect[pid] = (node.x + dx, node.y + dy, stack.width, self.b.size[pid][1])
            self.stacked.add(pid)

    def _pt(self, breadth: float, depth: float) -> Point:
        return (breadth, depth) if self.o.orientation == "tb" else (depth, breadth)

    def _box(self, pid: PositionId) -> Box:
        x, y, w, h = self.rect[pid]
        if self.o.orientation == "lr":
            x, y, w, h = y, x, h, w
        position = self.b.org.position(pid)
        reports = len(self.b.org.direct_reports(pid))
        return Box(pid, x, y, w, h, self.b.texts[pid],  # type: ignore[arg-type]
                   staff=position.kind is PositionKind.STAFF and position.superior_id in self.rect,
                   stacked=pid in self.stacked, reports=reports,
                   collapsed=bool(reports) and pid in self.o.collapsed)

    def _add(self, source: PositionId, target: PositionId, points: list[tuple[float, float]],
             kind: ConnectorKind = ConnectorKind.REPORT) -> None:
        self.connectors.append(Connector(source, target, _simplify([self._pt(*p) for p in points]),
                                         kind))

    def _connect(self, pid: PositionId, node: TidyNode, shift: float) -> None:
        if not node.children:
            return
        x, y, w, h = self.rect[pid]
        ax, bottom = x + w / 2, y + h
        trunk = next((c for c in node.children if c.payload == _TRUNK), None)
        items = node.children
        bus = bottom + self.o.v_gap / 2
        if trunk is not None:
            for child in node.children:
                if child is trunk:
                    continue
                sx, sy, sw, sh = self.rect[child.payload]  # type: ignore[index]
                side = sx + sw if sx + sw / 2 < ax else sx
                self._add(pid, child.payload, [(ax, bottom), (ax, sy + sh / 2),  # type: ignore[arg-type]
                                               (side, sy + sh / 2)], ConnectorKind.STAFF)
            items = trunk.children
            bus = trunk.y + self.o.margin + trunk.h - self.o.v_gap / 2
        for item in items:
            if isinstance(item.payload, _Stack):
                spine = item.x + shift + item.anchor
                for cid in item.payload.ids:
                    cx, cy, cw, ch = self.rect[cid]
                    edge = cx if cx > spine else cx + cw
                    self._add(pid, cid, [(ax, bottom), (ax, bus), (spine, bus),
                                         (spine, cy + ch / 2), (edge, cy + ch / 2)])
            else:
                cid = item.payload
                cx, cy, cw, _ = self.rect[cid]  # type: ignore[index]
                centre = cx + cw / 2
                self._add(pid, cid, [(ax, bottom), (ax, bus), (centre, bus), (centre, cy)])  # type: ignore[arg-type]

    def _relations(self) -> None:
        for relation in self.b.org.relations:
            if relation.source_id not in self.rect or relation.target_id not in self.rect:
                continue
            start, end = _clipped_segment(self.rect[relation.source_id],
                                          self.rect[relation.target_id])
            kind = (ConnectorKind.DOTTED if relation.kind is RelationKind.DOTTED
                    else ConnectorKind.ADVISORY)
            self.connectors.append(Connector(relation.source_id, relation.target_id,
                                             (self._pt(*start), self._pt(*end)), kind,
                                             relation.label))


def _simplify(points: list[Point]) -> tuple[Point, ...]:
    """Drop repeated points and the middle of three collinear ones."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 1e-9 and abs(out[-1][1] - p[1]) < 1e-9:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if abs((bx - ax) * (p[1] - by) - (by - ay) * (p[0] - bx)) < 1e-9:
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)


def _clip(rect: tuple[float, float, float, float], towards: Point) -> Point:
    """Where the ray from `rect`'s centre to `towards` leaves the rectangle."""
    x, y, w, h = rect
    cx, cy = x + w / 2, y + h / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    scale = min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
    return (cx + dx * scale, cy + dy * scale)


def _clipped_segment(a: tuple[float, float, float, float], b: tuple[float, float, float, float]
                     ) -> tuple[Point, Point]:
    ca = (a[0] + a[2] / 2, a[1] + a[3] / 2)
    cb = (b[0] + b[2] / 2, b[1] + b[3] / 2)
    return _clip(a, cb), _clip(b, ca)
