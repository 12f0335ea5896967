"""Balancing a wide chart: long rows of reports wrapped into several rows off a spine.

A big organisation laid out with every position's reports in one row is a
strip (a 1,500-position call centre is 115 times wider than tall) that no
page or screen can hold legibly.  Like d3-org-chart's compact mode and
Visio's wrapped layouts, a position with many reports here hangs them in
`k` rows off a vertical spine below it: each row is split in two halves,
left and right of the spine, and the next row starts below the deepest
subtree of the row above (the tidy tree is non-layered, so nothing of one row
can reach into the next).  Parents stay above (in left-right charts, left of)
their reports, leaf stacks are untouched.

Which rows to wrap is decided on a bounding-box model of the tidy tree: for
a row-width limit `W`, every row wider than `W` is split into the fewest rows
no wider than `W` (of at least two items each), bottom-up, giving the chart's
width and (exact) depth.  The limit is found by bisection on `log W` so that
the chart's aspect ratio comes near `TARGET_ASPECT`; each step is one linear
pass, so the whole is O(n · steps), with a fixed number of steps.  Charts
whose plain layout is already no wider than `MAX_ASPECT`, or small enough for
a page as it is (`MIN_LONG_SIDE`), are left as they are.
"""
from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence

from orgdesk.layout.tidy import TidyNode

#: Payload of the invisible node a wrapped row hangs from (the spine).
SPINE = "spine"
#: A plain layout wider (or, left-right, taller) than this many times its other side is balanced.
MAX_ASPECT = 2.5
#: Plain layouts whose long side is at most this many points stay as they are, whatever their
#: shape: they fit an A3 page legibly (about 60 cm at full size), and a row of a few team
#: leaders reads best as one row.
MIN_LONG_SIDE = 1700.0
#: The aspect ratio (long side over short side, in the chart's own direction) aimed at.
TARGET_ASPECT = 1.6
#: Bisection steps on log(W): the limit ends within a fraction of a per cent of the best one.
STEPS = 12
#: Fewest items a holder needs before its row is ever wrapped (two rows of one).
MIN_ITEMS = 2
#: Extra depth of a spine node, in points (see `wrap_rows`).
HAIR = 0.01


class _Model:
    """The tidy tree flattened for the bounding-box model (children before parents)."""

    def __init__(self, top: TidyNode, holders: Sequence[TidyNode], gap: float) -> None:
        order: list[TidyNode] = []
        todo = [top]
        while todo:  # preorder, iteratively (chains can be 100,000 deep)
            node = todo.pop()
            order.append(node)
            todo.extend(node.children)
        index = {id(node): i for i, node in enumerate(order)}
        self.order = order
        self.kids = [[index[id(c)] for c in node.children] for node in order]
        self.w = [node.w for node in order]
        self.h = [node.h for node in order]
        self.wraps = [False] * len(order)
        for holder in holders:
            if len(holder.children) >= MIN_ITEMS:
                self.wraps[index[id(holder)]] = True
        self.gap = gap
        #: Nodes with children, deepest first (reversed preorder).
        self.inner = [i for i in range(len(order) - 1, -1, -1) if self.kids[i]]
        self._plain: tuple[list[float], list[float]] | None = None
        self._reach = self._reaches()

    def _reaches(self) -> list[float]:
        """For each node, a row width beyond which nothing in its subtree can wrap.

        Wrapping never makes a node wider than its row's total plus one spine
        gap (each wrapped row's halves sum to at most that row's width), so
        `bound` — every node's width with every row allowed that gap — is at
        least its width under any limit, and a holder whose children's bounds
        sum to `s` never wraps under a limit of `s + gap` or more.  A subtree
        whose reach is below the limit keeps its unwrapped sizes: `measure`
        skips it (most of the tree, at most of the bisection's limits).
        """
        kids, w, wraps, gap = self.kids, self.w, self.wraps, self.gap
        bound = w[:]
        reach = [-math.inf] * len(kids)
        for i in self.inner:  # children before their parent
            children = kids[i]
            total = sum(bound[c] for c in children)
            bound[i] = max(w[i], total + gap)
            highest = max(reach[c] for c in children)
            reach[i] = max(highest, total + gap) if wraps[i] else highest
        return reach

    def measure(self, limit: float, rows: dict[int, list[int]] | None = None
                ) -> tuple[float, float, list[float], list[float]]:
        """(breadth, depth) of the whole chart with rows wrapped at `limit`, and per node.

        When `rows` is given it receives, for every wrapped holder, where its rows start.
        """
        if self._plain is None:  # the unwrapped sizes, which the subtrees out of reach keep
            self._plain = self._measured(math.inf, None, self.inner)[2:]
        # A margin far above float rounding keeps a subtree on the edge in the pass.
        cutoff = limit * (1 - 1e-9)
        reach = self._reach
        inner = [i for i in self.inner if reach[i] >= cutoff]
        return self._measured(limit, rows, inner)

    def _measured(self, limit: float, rows: dict[int, list[int]] | None, inner: list[int]
                  ) -> tuple[float, float, list[float], list[float]]:
        """`measure` over the nodes `inner` (deepest first); the others keep their plain size."""
        if self._plain is None:
            width = self.w[:]  # leaves keep their own size
            depth = self.h[:]
        else:
            width, depth = self._plain[0][:], self._plain[1][:]
        kids, w, h, wraps, gap = self.kids, self.w, self.h, self.wraps, self.gap
        # Sixteen passes over every inner node make the balancing: the common
        # case (a row that stays whole) reads its children through C-level maps.
        width_of, depth_of = width.__getitem__, depth.__getitem__
        for i in inner:  # children before their parent
            children = kids[i]
            if not wraps[i]:
                width[i] = max(w[i], sum(map(width_of, children)))
                depth[i] = h[i] + max(map(depth_of, children))
                continue
            widths = list(map(width_of, children))
            total = sum(widths)
            if total + gap > limit:
                starts = split_rows(widths, limit - gap)
                if len(starts) > 1:
                    if rows is not None:
                        rows[i] = starts
                    left = right = down = 0.0
                    for a, b in itertools.pairwise([*starts, len(children)]):
                        row = widths[a:b]
                        cut = left_count(row)
                        left = max(left, sum(row[:cut]))
                        right = max(right, sum(row[cut:]))
                        down += max([depth[c] for c in children[a:b]]) + HAIR  # the spine's
                    across = left + gap + right
                    width[i] = max(w[i], across)
                    depth[i] = h[i] + down
                    continue
            width[i] = max(w[i], total)
            depth[i] = h[i] + max(map(depth_of, children))
        return width[0], depth[0], width, depth


def split_rows(widths: Sequence[float], limit: float) -> list[int]:
    """Where rows start: the fewest rows of about equal width no wider than `limit`.

    Items keep their order; a row may be wider than `limit` only when its
    single item is.
    """
    m = len(widths)
    total = sum(widths)
    if m < MIN_ITEMS or total <= limit:
        return [0]
    prefix = list(itertools.accumulate(widths))
    greedy = [0]  # the fewest rows: filled one after the other
    used = 0.0
    for i, w in enumerate(widths):
        if used and used + w > limit:
            greedy.append(i)
            used = 0.0
        used += w
    if len(greedy) == 1:
        greedy.append(m // 2)  # the limit fits all but the gap of a spine: two rows
    # As many rows, of about equal width, when that fits too (it mostly does).
    even = _even_rows(prefix, len(greedy))
    widest = max(widths)
    ends = [*even[1:], m]
    if all(prefix[e - 1] - (prefix[s - 1] if s else 0.0) <= max(limit, widest)
           for s, e in zip(even, ends, strict=True)):
        return even
    return greedy


def _even_rows(prefix: list[float], k: int) -> list[int]:
    """Where `k` rows of about equal width start, for items of these running widths."""
    m, total = len(prefix), prefix[-1]
    starts = [0]
    for j in range(1, k):
        goal = total * j / k
        cut = bisect.bisect_left(prefix, goal)  # prefix[cut] >= goal: cut after item `cut`
        if cut > 0 and abs(prefix[cut - 1] - goal) < abs(prefix[cut] - goal):
            cut -= 1
        start = max(cut + 1, starts[-1] + 1)  # one item at least in the row before
        start = min(start, m - (k - j))  # and one for each row still to come
        starts.append(start)
    return starts


def left_count(widths: Sequence[float]) -> int:
    """How many of a row's items go left of the spine: the row's width is halved there,
    with an item on each side; a lone item hangs to the right (the narrowest way to
    stack single reports, as Visio's hanging layouts do)."""
    if len(widths) < 2:
        return 0
    half = sum(widths) / 2
    cut = 1 + bisect.bisect_left(list(itertools.accumulate(widths)), half)
    return min(max(cut, 1), len(widths) - 1)


def balance(top: TidyNode, holders: Sequence[TidyNode], gap: float, tb: bool) -> int:
    """Wrap the rows of `holders` (nodes whose children are one position's reports)
    so the chart's aspect ratio comes near `TARGET_ASPECT`; the number of rows wrapped.

    `gap` is the spine's breadth (the gap between neighbouring subtrees).
    """
    model = _Model(top, holders, gap)
    breadth, depth, _, _ = model.measure(math.inf)
    # Too broad: wider than tall (top-down) or taller than wide (left-right) by MAX_ASPECT.
    if breadth / max(depth, 1e-9) <= MAX_ASPECT or breadth <= MIN_LONG_SIDE or not any(
            model.wraps):
        return 0
    want = TARGET_ASPECT if tb else 1 / TARGET_ASPECT
    # The narrowest limit that still makes sense: the widest single item.
    lo = max(max(model.w), gap) * 2
    hi = breadth + gap
    if lo >= hi:
        return 0
    low, high = math.log(lo), math.log(hi)
    for _ in range(STEPS):
        mid = (low + high) / 2
        b, d, _, _ = model.measure(math.exp(mid))
        if b / max(d, 1e-9) > want:  # still too broad: narrower rows
            high = mid
        else:
            low = mid
    # The aspect jumps as rows split, so take whichever end of the last bracket is nearer.
    off = []
    for limit in (math.exp(low), math.exp(high)):
        b, d, _, _ = model.measure(limit)
        off.append((abs(math.log(max(b, 1e-9) / max(d, 1e-9) / want)), limit))
    best = min(off)[1]
    rows: dict[int, list[int]] = {}
    _, _, width, depth_of = model.measure(best, rows)
    for i, starts in rows.items():
        wrap_rows(model.order[i], starts, [width[c] for c in model.kids[i]],
              [depth_of[c] for c in model.kids[i]], gap)
    return len(rows)


def wrap_rows(holder: TidyNode, starts: list[int], widths: list[float], depths: list[float],
          gap: float) -> None:
    """Hang `holder`'s children in rows starting at `starts`, each off a spine node."""
    items = list(holder.children)
    parent = holder
    for a, b in itertools.pairwise([*starts, len(items)]):
        row = items[a:b]
        left = left_count(widths[a:b])
        # A hair deeper than the row's deepest subtree: the tidy walk adds the depths
        # top-down, this model bottom-up, and a rounding error's worth of overlap
        # would make the next row give way sideways to the one above.
        spine = TidyNode(gap, max(depths[a:b]) + HAIR, SPINE)
        parent.children = [*row[:left], spine, *row[left:]]
        parent.centre_on = left
        parent.spread = False  # the parent stays exactly over its spine
        parent = spine
