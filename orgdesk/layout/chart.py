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

import itertools
import math
import operator
from collections.abc import Sequence

from orgdesk.core.collector import collector_paused
from orgdesk.core.model import Position, PositionId, PositionKind, RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.layout.balance import HAIR, SPINE, balance, wrap_rows
from orgdesk.layout.hidden import hidden_below
from orgdesk.layout.model import (
    Arrangement,
    Box,
    ChartLayout,
    Connector,
    ConnectorKind,
    LayoutOptions,
    Point,
    new_box,
    new_connector,
)
from orgdesk.layout.text import BoxText, Detail, box_text, tracks_staffing
from orgdesk.layout.tidy import TidyNode, layout

_TRUNK = "trunk"


class _Stack:
    """Payload of a stack node: leaf positions hanging off one spine."""

    __slots__ = ("columns", "dx", "dy", "ids", "spine", "width")

    def __init__(self, ids: list[PositionId], columns: int) -> None:
        self.ids = ids
        self.columns = columns
        self.width = 0.0  # the common box width
        self.dx: list[float] = []  # each box's x inside the node
        self.dy: list[float] = []  # each box's y inside the node
        self.spine = 0.0


#: The reports of a collapsed position, or of one at the depth limit: none shown.
_HIDDEN: tuple[PositionId, ...] = ()


def visible_tree(org: Organisation, options: LayoutOptions
                 ) -> tuple[list[Position], dict[PositionId, list[Position]]]:
    """Roots and, for every visible position, its visible reports in document order."""
    roots, children, positions = _walk(org, options)
    return roots, {pid: [positions[r] for r in ids] for pid, ids in children.items()}


def visible_count(org: Organisation, options: LayoutOptions) -> int:
    """How many positions the chart shows (`visible_tree`'s, without building its lists)."""
    if options.root is None and options.depth is None and not options.collapsed:
        return len(org)  # nothing hidden: every position hangs below a root
    return len(_walk(org, options)[2])


def _walk(org: Organisation, options: LayoutOptions
          ) -> tuple[list[Position], dict[PositionId, Sequence[PositionId]],
                     dict[PositionId, Position]]:
    """Roots, each visible position's visible report ids, and the visible positions by id.

    Both dicts list the positions depth-first in sibling order.  The id lists are
    the organisation's own (`report_ids`), shared and never changed here.
    """
    roots = [org.position(options.root)] if options.root is not None else org.roots()
    children: dict[PositionId, Sequence[PositionId]] = {}
    positions: dict[PositionId, Position] = {}
    collapsed = options.collapsed
    depth = options.depth
    report_ids = org.report_ids
    position = org.position
    if depth is None:  # no levels to count
        todo = [r.id for r in reversed(roots)]
        pop, push = todo.pop, todo.extend
        while todo:
            pid = pop()
            positions[pid] = position(pid)
            if pid in collapsed:
                children[pid] = _HIDDEN
                continue
            ids = children[pid] = report_ids(pid)
            if ids:
                push(reversed(ids))
        return roots, children, positions
    stack = [(r.id, 0) for r in reversed(roots)]
    while stack:
        pid, level = stack.pop()
        positions[pid] = position(pid)
        shown = report_ids(pid) if pid not in collapsed and level < depth else _HIDDEN
        children[pid] = shown
        stack.extend((r, level + 1) for r in reversed(shown))
    return roots, children, positions


def _staffing(org: Organisation, seen: dict[PositionId, Position]) -> bool:
    """`tracks_staffing(org)`, answered from the visible positions when they are all of them."""
    if any(p.filled_headcount for p in seen.values()):
        return True
    return False if len(seen) == len(org) else tracks_staffing(org)


def _arrangement(pid: PositionId, leaves: int, options: LayoutOptions) -> Arrangement:
    chosen = options.overrides.get(pid)
    if chosen is not None:
        return chosen
    if options.orientation == "tb" and leaves > options.stack_threshold:
        return "vertical" if leaves <= 2 * options.stack_threshold else "two_columns"
    return "horizontal"


class _Builder:
    """Builds the tidy tree from the visible positions, in linear time.

    One pass each: the visible tree, the box texts and sizes (worked out once
    per distinct text: a call centre's hundreds of 座席员 ×12 boxes are one
    measurement), the tidy tree.  Leaf positions that go into a stack get no
    tidy node of their own.
    """

    def __init__(self, org: Organisation, options: LayoutOptions) -> None:
        self.org = org
        self.options = options
        self.roots, self.children, self.positions = _walk(org, options)
        self.staffing = _staffing(org, self.positions)
        self.texts: dict[PositionId, BoxText] = {}
        self.size: dict[PositionId, tuple[float, float]] = {}  # (breadth, depth) of each box
        self.nodes: dict[PositionId, TidyNode] = {}  # the positions not in a stack
        self.parents: list[tuple[PositionId, TidyNode]] = []  # nodes with children, depth-first
        self.holders: list[TidyNode] = []  # nodes whose children are one row of line reports
        self.stacks: list[TidyNode] = []  # the stack nodes
        self.stack_of: dict[PositionId, TidyNode] = {}  # a stacked box's stack node …
        self.row_of: dict[PositionId, int] = {}  # … and its index in that stack
        self.left_staff: list[tuple[list[TidyNode], TidyNode]] = []  # staff left of a trunk
        self.wrapped = 0  # rows the balancing (or an arrangement of sub-trees) wrapped
        #: Holders whose reports the user arranged stacked or in two columns while some
        #: of them have reports: (holder, items per row), depth-first (see `_arrange`).
        self.arranged: list[tuple[TidyNode, int]] = []

    def _measure_all(self) -> None:
        o = self.options
        org, staffing, measure, words = self.org, self.staffing, o.measure, o.words
        detail = o.detail
        summary = detail >= Detail.SUMMARY
        duties = detail >= Detail.DUTIES
        tb = o.orientation == "tb"
        texts, size = self.texts, self.size
        # Everything `box_text` reads of a position at this detail.  The measure is
        # a function of the text alone, so equal keys give equal texts and sizes.
        read = ["title", "planned_headcount"]
        if summary:
            read += ["department_id", "filled_headcount"] if staffing else ["department_id"]
        if duties:
            read.append("duties")
        key_of = operator.attrgetter(*read)
        known: dict[tuple[object, ...], tuple[BoxText, tuple[float, float]]] = {}
        for pid, position in self.positions.items():
            key = key_of(position)
            entry = known.get(key)
            if entry is None:
                text = box_text(position, org, detail, words, staffing)
                w, h = measure(text)
                entry = known[key] = (text, (w, h) if tb else (h, w))
            texts[pid], size[pid] = entry
        # A box whose reports are not drawn says how much it hides (layout.hidden),
        # and with the roll-up on, a manager's box its team's seats (cached totals).
        hidden = hidden_below(org, self.children, o)
        teams: dict[PositionId, tuple[int, int]] = {}
        if o.rollup:
            report_count, branch_totals = org.report_count, org.branch_totals
            for pid, position in self.positions.items():
                if report_count(pid):
                    t = branch_totals(pid)
                    teams[pid] = (t.planned - position.planned_headcount,
                                  t.filled - position.filled_headcount)
        for pid in hidden.keys() | teams.keys():
            text = box_text(self.positions[pid], org, detail, words, staffing, hidden.get(pid),
                            teams.get(pid))
            w, h = measure(text)
            texts[pid], size[pid] = text, ((w, h) if tb else (h, w))

    def _node(self, pid: PositionId) -> TidyNode:
        breadth, depth = self.size[pid]
        node = self.nodes[pid] = TidyNode(breadth + self.options.h_gap,
                                          depth + self.options.v_gap, pid)
        return node

    def build(self) -> TidyNode:
        self._measure_all()
        nodes = self.nodes
        for root in self.roots:
            self._node(root.id)
        # Depth-first: a position's node exists (it is a root, or its superior made
        # it) before its own reports are attached to it.
        attach = self._attach
        parents = self.parents
        for pid, reports in self.children.items():
            if reports:
                node = nodes.get(pid)
                if node is not None:
                    attach(node, reports)
                    parents.append((pid, node))
        top = TidyNode(0.0, 0.0)
        top.children = [nodes[r.id] for r in self.roots]
        self.holders.append(top)  # many roots side by side are a row like any other
        if self.arranged:
            self._arrange(top)
        if self.options.balance:
            self.wrapped = balance(top, self.holders, self.options.h_gap,
                                   self.options.orientation == "tb")
        return top

    def _attach(self, node: TidyNode, reports: Sequence[PositionId]) -> None:
        o = self.options
        children, positions = self.children, self.positions
        make = self._node
        staff: list[PositionId] = []
        line: list[PositionId] = []
        leaves = 0
        for rid in reports:
            if positions[rid].kind is _STAFF:
                staff.append(rid)
            else:
                line.append(rid)
                if not children[rid]:
                    leaves += 1
        arrangement = _arrangement(node.payload, leaves, o)  # type: ignore[arg-type]  # a line node's payload is its position id
        items: list[TidyNode] = []
        per_row = 0  # items per row when the user's arrangement hangs them off a spine
        if arrangement == "horizontal":
            items = [make(rid) for rid in line]
        else:
            columns = 2 if arrangement == "two_columns" else 1
            run: list[PositionId] = []
            for rid in line:
                if not children[rid]:
                    run.append(rid)
                    continue
                if len(run) >= 2:
                    items.extend(self._stacks(run, columns))
                elif run:
                    items.append(make(run[0]))
                run = []
                items.append(make(rid))
            if len(run) >= 2:
                items.extend(self._stacks(run, columns))
            elif run:
                items.append(make(run[0]))
            if len(items) >= 2 and node.payload in o.overrides:
                # The user's choice for a team whose reports have reports: its
                # sub-trees (and stacks of leaves) go one per row, or two per row,
                # off a spine below the superior, like balanced rows (`_arrange`).
                per_row = columns
        if not staff:
            node.children = items
            if per_row:
                self.arranged.append((node, per_row))
            else:
                self.holders.append(node)
            return
        size = self.size
        staff_nodes = [make(sid) for sid in staff]
        tallest = max(size[sid][1] for sid in staff)
        trunk = TidyNode(o.h_gap, tallest + o.v_gap, _TRUNK)
        trunk.children = items
        if per_row:
            self.arranged.append((trunk, per_row))
        else:
            self.holders.append(trunk)
        half = math.ceil(len(staff) / 2)
        node.children = staff_nodes[:half] + [trunk] + staff_nodes[half:]
        self.left_staff.append((staff_nodes[:half], trunk))
        node.centre_on = half
        node.spread = False  # keep the superior exactly over its trunk

    def _arrange(self, top: TidyNode) -> None:
        """Hang the arranged holders' items in rows of one (stacked) or two (two columns)
        off a spine, as the balancing wraps a long row (`layout.balance.wrap_rows`).

        A row's spine is as deep as the deepest sub-tree of that row, so the next
        row starts below it: the depths are worked out children first in one walk
        over the tidy tree, each arranged holder wrapped when its children's depths
        are known (an arranged team inside an arranged team included).
        """
        per_row = {id(holder): columns for holder, columns in self.arranged}
        depth: dict[int, float] = {}
        order: list[TidyNode] = []
        todo = [top]
        while todo:  # preorder, iteratively: chains may be 100,000 deep
            node = todo.pop()
            order.append(node)
            todo.extend(node.children)
        gap = self.options.h_gap
        for node in reversed(order):  # children before their parents
            items = node.children
            columns = per_row.get(id(node))
            if columns is None:
                depth[id(node)] = node.h + max((depth[id(c)] for c in items), default=0.0)
                continue
            starts = list(range(0, len(items), columns))
            depths = [depth[id(c)] for c in items]
            wrap_rows(node, starts, [c.w for c in items], depths, gap)
            down = sum(max(depths[a:a + columns]) + HAIR for a in starts)
            depth[id(node)] = node.h + down
            self.wrapped += len(starts)

    def hug_trunks(self) -> None:
        """Move staff boxes left of a trunk up against it, after the tidy layout.

        The tidy layout only ever pushes a subtree right of its left siblings, so
        a trunk whose reports spread wide stays where those reports start and the
        staff box left of it ends up above the first report, far from its
        superior's connector.  Nothing else lies between them in the staff's
        band (the trunk is as tall as its staff), so they can move over.  Not
        after the balancing wrapped rows: their spines may pass through that band.
        """
        if self.wrapped:
            return
        for staff, trunk in self.left_staff:
            shift = trunk.x - (staff[-1].x + staff[-1].w)
            if shift > 0:
                for node in staff:
                    node.x += shift

    def _stacks(self, ids: list[PositionId], columns: int) -> list[TidyNode]:
        """One stack of the run of leaves `ids`, or, balancing, several side by side.

        A run of hundreds of leaf posts under one position (an imported list of
        agents, each a position) is one column pair hundreds of boxes tall: no
        wrapping of rows can make such a chart fit a page.  Balanced, a long run
        is cut into stacks of at most `options.stack_rows` rows, each hanging off its
        own spine in reading order, and the row they form wraps like any other.
        """
        most = self.options.stack_rows * columns
        if not self.options.balance or len(ids) <= most:
            return [self._stack(ids, columns)]
        return [self._stack(ids[start:start + most], columns)
                for start in range(0, len(ids), most)]

    def _stack(self, ids: list[PositionId], columns: int) -> TidyNode:
        o = self.options
        size = self.size
        stack = _Stack(ids, columns)
        stack.width = max(size[pid][0] for pid in ids)
        pad = o.h_gap / 2
        dx, dy = stack.dx, stack.dy
        y = 0.0
        if columns == 1:
            stack.spine = pad
            x_of = [pad + o.stack_indent]
            x, gap = x_of[0], o.stack_gap
            for pid in ids:
                dx.append(x)
                dy.append(y)
                y += size[pid][1] + gap
        else:
            stack.spine = pad + stack.width + o.stack_indent
            x_of = [pad, stack.spine + o.stack_indent]
            for start in range(0, len(ids), columns):
                row = ids[start:start + columns]
                for column in range(len(row)):
                    dx.append(x_of[column])
                    dy.append(y)
                y += max(size[pid][1] for pid in row) + o.stack_gap
        width = x_of[-1] + stack.width + pad
        node = TidyNode(width, y - o.stack_gap + o.v_gap, stack, anchor=stack.spine)
        self.stacks.append(node)
        stack_of, row_of = self.stack_of, self.row_of
        for i, pid in enumerate(ids):
            stack_of[pid] = node
            row_of[pid] = i
        return node


_STAFF = PositionKind.STAFF
#: Rows of one stack of leaf posts in a balanced layout (see `_Builder._stacks`); the
#: default of `LayoutOptions.stack_rows`, which a slide deck sets lower.
MAX_STACK_ROWS = 12


def layout_chart(org: Organisation, options: LayoutOptions | None = None) -> ChartLayout:
    """Lay out `org` (or the branch `options.root`) as an org chart."""
    options = options or LayoutOptions()
    # ~70,000 long-lived objects per 10,000 boxes, none in cycles (see tidy._second_walk)
    with collector_paused():
        builder = _Builder(org, options)
        top = builder.build()
        layout(top)
        builder.hug_trunks()
        return _Reader(builder).result()


class _Reader:
    """Turns the laid-out tidy tree into boxes and connectors in chart coordinates.

    The boxes are made first, straight from the tidy nodes (shifted so the chart
    starts at the margin); the connectors then read each box's rectangle back
    from its `Box`, in (breadth, depth) terms.
    """

    def __init__(self, builder: _Builder) -> None:
        self.b = builder
        self.o = builder.options
        self.boxes: dict[PositionId, Box] = {}
        self.connectors: list[Connector] = []
        self.shift = 0.0

    def result(self) -> ChartLayout:
        o, b = self.o, self.b
        pad = o.h_gap / 2
        # The leftmost box (before the shift): a stack's is its leftmost column.
        left = min(itertools.chain((node.x + pad for node in b.nodes.values()),
                                   (node.x + min(node.payload.dx)  # type: ignore[attr-defined]  # a stack node's payload is its _Stack
                                    for node in b.stacks)), default=0.0)
        self.shift = o.margin - left
        boxes = self._boxes()
        connect = self._connect
        for pid, node in b.parents:
            connect(pid, node)
        self._relations()
        if o.orientation == "tb":
            far_b = max((box.x + box.w for box in boxes.values()), default=0.0) + o.margin
            far_d = max((box.y + box.h for box in boxes.values()), default=0.0) + o.margin
            width, height = far_b, far_d
        else:
            far_b = max((box.y + box.h for box in boxes.values()), default=0.0) + o.margin
            far_d = max((box.x + box.w for box in boxes.values()), default=0.0) + o.margin
            width, height = far_d, far_b
        return ChartLayout(boxes, tuple(self.connectors), width, height, o.orientation,
                           b.staffing)

    def _boxes(self) -> dict[PositionId, Box]:
        b, o = self.b, self.o
        nodes, size, texts, children = b.nodes, b.size, b.texts, b.children
        stack_of, row_of = b.stack_of, b.row_of
        positions = b.positions
        pad, shift, margin = o.h_gap / 2, self.shift, o.margin
        collapsed = o.collapsed
        report_ids = b.org.report_ids
        lr = o.orientation == "lr"
        boxes = self.boxes
        for pid, position in positions.items():
            node = nodes.get(pid)
            if node is not None:
                x = node.x + pad + shift
                y = node.y + margin
                w, h = size[pid]
                stacked = False
            else:  # one of a stack's boxes
                holder = stack_of[pid]
                stack: _Stack = holder.payload  # type: ignore[assignment]  # a stack node's payload is its _Stack
                i = row_of[pid]
                x = holder.x + stack.dx[i] + shift
                y = holder.y + stack.dy[i] + margin
                w, h = stack.width, size[pid][1]
                stacked = True
            if lr:
                x, y, w, h = y, x, h, w
            shown = children[pid]
            # The document's reports, shown or not (a collapsed box still has them).
            reports = len(shown) if shown is not _HIDDEN else len(report_ids(pid))
            boxes[pid] = new_box(pid, x, y, w, h, texts[pid],
                                 position.kind is _STAFF and position.superior_id in positions,
                                 stacked, reports, bool(reports) and pid in collapsed)
        return boxes

    def _rect(self, pid: PositionId) -> tuple[float, float, float, float]:
        """The box of `pid` as (breadth, depth, breadth size, depth size)."""
        box = self.boxes[pid]
        if self.o.orientation == "tb":
            return box.x, box.y, box.w, box.h
        return box.y, box.x, box.h, box.w

    def _pt(self, breadth: float, depth: float) -> Point:
        return (breadth, depth) if self.o.orientation == "tb" else (depth, breadth)

    def _connect(self, pid: PositionId, node: TidyNode) -> None:
        """Connectors from `pid` to its reports; points shared between them are one tuple."""
        margin, v_gap = self.o.margin, self.o.v_gap
        lr = self.o.orientation == "lr"
        append = self.connectors.append
        x, y, w, h = self._rect(pid)
        ax, bottom = x + w / 2, y + h
        start = (ax, bottom) if not lr else (bottom, ax)
        children = node.children
        holder: TidyNode | None = node  # where the line reports hang from: the position or its trunk
        if not node.spread and children[node.centre_on].payload is _TRUNK:
            # staff posts either side of a trunk (see _Builder._attach)
            trunk = holder = children[node.centre_on]
            for child in children:
                if child is trunk:
                    continue
                sid = child.payload
                sx, sy, sw, sh = self._rect(sid)  # type: ignore[arg-type]  # a staff node's payload is its position id
                side = sx + sw if sx + sw / 2 < ax else sx
                mid = sy + sh / 2
                staff_line = [start, (ax, mid), (side, mid)] if not lr else [
                    start, (mid, ax), (mid, side)]
                append(new_connector(pid, sid, tuple(_simplify([], staff_line)),  # type: ignore[arg-type]  # a staff node's payload is its position id
                                     _STAFF_LINE, ""))
        # Row after row (one unless balancing wrapped them, see orgdesk.layout.balance):
        # each row's bus runs half a gap above its boxes, from the spine below the parent.
        while holder is not None:
            kids = holder.children
            spine: TidyNode | None = None
            if not holder.spread and holder.centre_on >= 0 and kids[holder.centre_on].payload is SPINE:
                spine = kids[holder.centre_on]
                kids = [k for k in kids if k is not spine]
            bus = holder.y + margin + holder.h - v_gap / 2
            self._connect_row(pid, start, ax, bus, kids)
            holder = spine

    def _connect_row(self, pid: PositionId, start: Point, ax: float, bus: float,
                     items: Sequence[TidyNode]) -> None:
        """Connectors from `pid` (its line leaving at `start`) to one row of reports."""
        boxes, shift = self.boxes, self.shift
        lr = self.o.orientation == "lr"
        append = self.connectors.append
        # Every line report's connector starts with the same two points, and every
        # box of a stack's with the same three: they are simplified once.
        down = (ax, bus) if not lr else (bus, ax)
        head = tuple(_simplify([], [start, down]))
        for item in items:
            payload = item.payload
            if type(payload) is _Stack:
                spine = item.x + shift + item.anchor
                along = tuple(_simplify(list(head), [(spine, bus) if not lr else (bus, spine)]))
                for cid in payload.ids:
                    c = boxes[cid]
                    if lr:
                        cx, cy, cw, ch = c.y, c.x, c.h, c.w
                        edge = cx if cx > spine else cx + cw
                        mid = cy + ch / 2
                        points = _then(along, (mid, spine), (mid, edge))
                    else:
                        cx, cy, cw, ch = c.x, c.y, c.w, c.h
                        edge = cx if cx > spine else cx + cw
                        mid = cy + ch / 2
                        points = _then(along, (spine, mid), (edge, mid))
                    append(new_connector(pid, cid, points, _REPORT, ""))
            else:
                c = boxes[payload]  # type: ignore[index]  # a line node's payload is its position id
                if lr:
                    cx, cy, cw = c.y, c.x, c.h
                    centre = cx + cw / 2
                    points = _then(head, (bus, centre), (cy, centre))
                else:
                    cx, cy, cw = c.x, c.y, c.w
                    centre = cx + cw / 2
                    points = _then(head, (centre, bus), (centre, cy))
                append(new_connector(pid, payload, points, _REPORT, ""))  # type: ignore[arg-type]  # a line node's payload is its position id

    def _relations(self) -> None:
        boxes = self.boxes
        for relation in self.b.org.relations:
            if relation.source_id not in boxes or relation.target_id not in boxes:
                continue
            start, end = _clipped_segment(self._rect(relation.source_id),
                                          self._rect(relation.target_id))
            kind = (ConnectorKind.DOTTED if relation.kind is RelationKind.DOTTED
                    else ConnectorKind.ADVISORY)
            self.connectors.append(Connector(relation.source_id, relation.target_id,
                                             (self._pt(*start), self._pt(*end)), kind,
                                             relation.label))


_REPORT = ConnectorKind.REPORT
_STAFF_LINE = ConnectorKind.STAFF


def _simplify(out: list[Point], points: list[Point]) -> list[Point]:
    """`out` (simplified already) followed by `points`, dropping repeated points and
    the middle of three collinear ones; `out` is extended in place and returned."""
    ax = ay = bx = by = 0.0  # the last two points kept
    if out:
        bx, by = out[-1]
        if len(out) >= 2:
            ax, ay = out[-2]
    for p in points:
        px, py = p
        if out:
            if -1e-9 < bx - px < 1e-9 and -1e-9 < by - py < 1e-9:
                continue
            if len(out) >= 2 and -1e-9 < (bx - ax) * (py - by) - (by - ay) * (px - bx) < 1e-9:
                out[-1] = p
                bx, by = px, py
                continue
        out.append(p)
        ax, ay, bx, by = bx, by, px, py
    return out


def _then(head: tuple[Point, ...], p: Point, q: Point) -> tuple[Point, ...]:
    """`tuple(_simplify(list(head), [p, q]))` for a `head` simplified already.

    The same tests and the same arithmetic as `_simplify`, unrolled for the two
    points that end every connector (the common cases: both points kept, or the
    first one carrying on the head's last line, as under a centred stack).
    """
    if len(head) < 2:
        return tuple(_simplify(list(head), [p, q]))
    (ax, ay), (bx, by) = head[-2], head[-1]
    px, py = p
    if -1e-9 < bx - px < 1e-9 and -1e-9 < by - py < 1e-9:  # p repeats the head's end
        return tuple(_simplify(list(head), [p, q]))
    if -1e-9 < (bx - ax) * (py - by) - (by - ay) * (px - bx) < 1e-9:
        base = head[:-1]  # p carries on the head's last line: it replaces its end
    else:
        base = head
        ax, ay = bx, by
    qx, qy = q
    if -1e-9 < px - qx < 1e-9 and -1e-9 < py - qy < 1e-9:
        return (*base, p)
    if -1e-9 < (px - ax) * (qy - py) - (py - ay) * (qx - px) < 1e-9:
        return (*base, q)
    return (*base, p, q)


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
