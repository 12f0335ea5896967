"""A non-layered tidy tree layout in linear time.

This is A. van der Ploeg's "Drawing non-layered tidy trees in linear time"
(Software: Practice and Experience, 2014), the variable-size generalisation of
Walker's algorithm as made linear by Buchheim, Jünger and Leipert.  Each node is
a rectangle of any width and height; a child starts right below its parent
(`y = parent.y + parent.h`), so a tall box or a stack of boxes pushes only its
own subtree down, not a whole level.  Contours are followed through threads,
so separating two neighbouring subtrees costs only the height of the smaller
one and the whole layout is O(n).

Changes from the paper: nodes carry an `anchor` (where the connector meets
them, measured from their left side) and a parent is centred over its first
and last children's anchors, or over one chosen child (`centre_on`); both
walks are iterative, so a reporting chain thousands of positions deep cannot
exhaust Python's recursion limit.

Coordinates here are abstract: `x` runs across siblings (breadth) and `y`
down the hierarchy (depth); the chart turns them into top-down or left-right.
"""
from __future__ import annotations

from collections.abc import Sequence


class TidyNode:
    """One rectangle of the tree being laid out; `x`, `y` are its top-left corner."""

    __slots__ = (
        "anchor",
        "centre_on",
        "change",
        "children",
        "el",
        "er",
        "h",
        "mod",
        "msel",
        "mser",
        "payload",
        "prelim",
        "shift",
        "spread",
        "tl",
        "tr",
        "w",
        "x",
        "y",
    )

    def __init__(self, w: float, h: float, payload: object = None,
                 anchor: float | None = None) -> None:
        self.w = w
        self.h = h
        self.anchor = w / 2 if anchor is None else anchor
        self.centre_on = -1  # index of the child to centre over; -1: first and last
        self.spread = True  # spread small subtrees evenly between big ones
        self.children: Sequence[TidyNode] = ()  # a leaf until given a list of children
        self.payload = payload
        self.x = self.y = self.prelim = self.mod = self.shift = self.change = 0.0
        self.tl: TidyNode | None = None
        self.tr: TidyNode | None = None
        self.el: TidyNode = self
        self.er: TidyNode = self
        self.msel = self.mser = 0.0


class _Lowest:
    """Linked list of left siblings' indexes and their lowest y (the paper's IYL)."""

    __slots__ = ("index", "low_y", "next")

    def __init__(self, low_y: float, index: int, nxt: _Lowest | None) -> None:
        self.low_y = low_y
        self.index = index
        self.next = nxt


def _update(min_y: float, index: int, lowest: _Lowest | None) -> _Lowest:
    while lowest is not None and min_y >= lowest.low_y:
        lowest = lowest.next
    return _Lowest(min_y, index, lowest)


def _preorder(root: TidyNode) -> list[TidyNode]:
    order: list[TidyNode] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(node.children))
    return order


def layout(root: TidyNode) -> None:
    """Set `x` and `y` of every node under `root` (root at x = its prelim, y = 0)."""
    order = _preorder(root)
    root.y = 0.0
    for node in order:
        bottom = node.y + node.h
        for child in node.children:
            child.y = bottom
    for node in reversed(order):  # children before their parent
        _first_walk(node)
    _second_walk(order, root)


def _first_walk(t: TidyNode) -> None:
    children = t.children
    if not children:
        t.el = t.er = t
        t.msel = t.mser = 0.0
        return
    first = children[0]
    lowest = _update(first.el.y + first.el.h, 0, None)
    for i in range(1, len(children)):
        er = children[i].er
        min_y = er.y + er.h
        _separate(t, i, lowest)
        lowest = _update(min_y, i, lowest)
    if not t.spread and t.centre_on > 0:
        _close_in(children, t.centre_on)
    _position_root(t)
    t.el = children[0].el
    t.msel = children[0].msel
    t.er = children[-1].er
    t.mser = children[-1].mser


def _close_in(children: Sequence[TidyNode], centre: int) -> None:
    """Move the leaves left of the centre child up against it (nearest first).

    Siblings are placed left to right, each only pushed right as far as the
    contours ask, so a shallow leaf left of a wide, deep centre subtree (a
    staff post beside its superior's trunk, a report beside a wrapped row's
    spine) stays at that subtree's far left edge, away from its connector.
    At a leaf's depth nothing but its siblings can be in the way, so moving
    it right up to its right neighbour overlaps nothing.  Only its own `prelim`
    changes: the threads its `mod` carries still point where they did.
    """
    for j in range(centre - 1, -1, -1):
        leaf = children[j]
        if leaf.children:
            return  # a subtree of its own: it and whatever is left of it stay
        right = children[j + 1]
        room = (right.prelim + right.mod) - (leaf.prelim + leaf.mod + leaf.w)
        if room > 0:
            leaf.prelim += room


def _separate(t: TidyNode, i: int, lowest: _Lowest) -> None:
    children = t.children
    mssr = children[i - 1].mod
    mscl = children[i].mod
    sr: TidyNode | None = children[i - 1]
    cl: TidyNode | None = children[i]
    while sr is not None and cl is not None:
        sr_bottom = sr.y + sr.h
        if sr_bottom > lowest.low_y and lowest.next is not None:
            lowest = lowest.next
        dist = (mssr + sr.prelim + sr.w) - (mscl + cl.prelim)
        if dist > 0:
            mscl += dist
            _move_subtree(t, i, lowest.index, dist)
        cl_bottom = cl.y + cl.h
        if sr_bottom <= cl_bottom:
            sr = sr.children[-1] if sr.children else sr.tr
            if sr is not None:
                mssr += sr.mod
        if sr_bottom >= cl_bottom:
            cl = cl.children[0] if cl.children else cl.tl
            if cl is not None:
                mscl += cl.mod
    if sr is None and cl is not None:  # the new subtree is taller: thread the left side
        first = children[0]
        li = first.el
        li.tl = cl
        diff = (mscl - cl.mod) - first.msel
        li.mod += diff
        li.prelim -= diff
        first.el = children[i].el
        first.msel = children[i].msel
    elif sr is not None and cl is None:  # the left siblings are taller: thread the right
        current = children[i]
        ri = current.er
        ri.tr = sr
        diff = (mssr - sr.mod) - current.mser
        ri.mod += diff
        ri.prelim -= diff
        current.er = children[i - 1].er
        current.mser = children[i - 1].mser


def _move_subtree(t: TidyNode, i: int, si: int, dist: float) -> None:
    child = t.children[i]
    child.mod += dist
    child.msel += dist
    child.mser += dist
    if t.spread and si != i - 1:  # spread the smaller subtrees in between evenly
        between = i - si
        t.children[si + 1].shift += dist / between
        child.shift -= dist / between
        child.change -= dist - dist / between


def _position_root(t: TidyNode) -> None:
    children = t.children
    if t.centre_on >= 0:
        c = children[t.centre_on]
        t.prelim = c.prelim + c.mod + c.anchor - t.anchor
        return
    first, last = children[0], children[-1]
    left = first.prelim + first.mod + first.anchor
    right = last.prelim + last.mod + last.anchor
    t.prelim = (left + right) / 2 - t.anchor


def _second_walk(order: list[TidyNode], root: TidyNode) -> None:
    # A child's `x` holds its parent's modsum until the child itself is reached
    # (preorder: parents first), where it becomes the child's final x.
    root.x = 0.0
    for t in order:
        modsum = t.x + t.mod
        t.x = t.prelim + modsum
        # The threads (and the contour ends pointing at the node itself) are only
        # needed by the first walk; dropping them leaves no reference cycles, so
        # the tree is freed as soon as the chart is read from it.
        t.el = t.er = t.tl = t.tr = None  # type: ignore[assignment]  # dropped after the first walk, never read again
        shift = delta = 0.0
        for child in t.children:
            shift += child.shift
            delta += shift + child.change
            child.mod += delta
            child.x = modsum
