"""Which end of a GraphML edge is the superior.

Directed edges point one way for the whole file: from superior to report
(“down”, what orgdesk, yEd's tree layouts and most tools write) or back
(“up”, a report → manager graph).  `--edges` says which; without it “up” is
chosen only when that is the sole reading that makes a tree: every node has
at most one outgoing edge while some have several incoming ones (or, for a
chain, the named root has only an outgoing one).

Undirected edges (`edgedefault="undirected"`, `directed="false"`, networkx
`nx.Graph`, Gephi) have no direction at all, so each connected part is hung
from a root: the node named by `--root-id`, else the one whose title
`--root-title` names, else the only node whose superior-ish data is empty,
else the centre of the tree (found by peeling leaves, linear; of several
centres the one with most links).  Each part must be a tree; a cycle is
reported with the nodes on it.  All walks are iterative and linear.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from orgdesk.core.errors import Sentence
from orgdesk.io.problems import Problem

#: Cycles described one by one before the rest are counted.
SHOWN_CYCLES = 5


@dataclass(frozen=True, slots=True)
class Hints:
    """What the user and the file say about the root and the direction."""

    names: Sequence[str]  # each node as the user knows it (its id), for messages
    titles: Sequence[str]  # each node's title ("" when none)
    root_id: str = ""  # options.root_id
    root_title: str = ""  # options.root_title
    edges: str = ""  # options.edges: "down", "up" or "" to detect
    parentless: frozenset[int] | None = None  # nodes with empty superior-ish data, if any key


@dataclass(slots=True)
class Orientation:
    superiors: list[list[int]]  # per node, the nodes it reports to
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    root_named: bool = False  # --root-title named an existing node


def _quoted(hints: Hints, node: int) -> str:
    return f"“{hints.names[node]}”"


def named_root(hints: Hints, problems: list[Problem]) -> tuple[int | None, str]:
    """The node the user named as root (by id, else by title) and how it was named."""
    if hints.root_id:
        for node, name in enumerate(hints.names):
            if name == hints.root_id:
                return node, "id"
        problems.append(Problem(None, Sentence.of(
            "No node has the id “{id}” given as the root; the ids are like {examples}.",
            id=hints.root_id, examples=", ".join(_quoted(hints, n)
                                                 for n in range(min(3, len(hints.names)))))))
        return None, ""
    if hints.root_title.strip():
        wanted = hints.root_title.strip()
        matches = [n for n, title in enumerate(hints.titles) if title.strip() == wanted]
        if len(matches) == 1:
            return matches[0], "title"
        if len(matches) > 1:
            problems.append(Problem(None, Sentence.of(
                "{count} nodes are titled “{title}” ({names}); name the root by its id with "
                "--root-id.", count=len(matches), title=wanted,
                names=", ".join(_quoted(hints, n) for n in matches[:8]))))
            return None, "title"
    return None, ""


def orient_directed(count: int, edges: Sequence[tuple[int, int]], hints: Hints
                    ) -> Orientation:
    """Superiors from directed edges, in the direction given or detected."""
    pairs = list(dict.fromkeys(edges))  # the same line drawn twice is one line
    problems: list[Problem] = []
    root, _ = named_root(Hints(hints.names, hints.titles, hints.root_id), problems)
    direction = hints.edges
    detected = not direction
    if detected:
        direction = _detect(count, pairs, root)
    superiors: list[list[int]] = [[] for _ in range(count)]
    for source, target in pairs:
        if direction == "up":
            superiors[source].append(target)
        else:
            superiors[target].append(source)
    result = Orientation(superiors, problems)
    if direction == "up":
        result.notices.append(
            Sentence.of("The edges were read as pointing from each report to its superior "
                        "(--edges up): every node has at most one outgoing edge.")
            if detected else
            Sentence.of("The edges were read as pointing from each report to its superior "
                        "(--edges up)."))
    elif pairs:
        result.notices.append(Sentence.of("The edges were read as pointing from each superior "
                                          "to its reports (--edges down)."))
    return result


def _detect(count: int, pairs: Sequence[tuple[int, int]], root: int | None) -> str:
    incoming = [0] * count
    outgoing = [0] * count
    for source, target in pairs:
        outgoing[source] += 1
        incoming[target] += 1
    most_in = max(incoming, default=0)
    most_out = max(outgoing, default=0)
    if most_in > 1 and most_out <= 1:
        return "up"  # read down, nodes would have several superiors; read up, none has
    if most_in <= 1 and most_out <= 1 and root is not None:  # a chain: the root decides
        return "up" if incoming[root] and not outgoing[root] else "down"
    return "down"


def orient_undirected(count: int, edges: Sequence[tuple[int, int]], hints: Hints
                      ) -> Orientation:
    """Superiors from undirected links: every connected part hung from its root."""
    problems: list[Problem] = []
    neighbours: list[list[int]] = [[] for _ in range(count)]
    seen_pairs: set[tuple[int, int]] = set()
    for a, b in edges:
        if a == b:
            problems.append(Problem(a + 1, "it is linked to itself.", "node"))
            continue
        pair = (a, b) if a < b else (b, a)
        if pair not in seen_pairs:  # one link drawn twice is one link, not a cycle
            seen_pairs.add(pair)
            neighbours[a].append(b)
            neighbours[b].append(a)
    named, how = named_root(hints, problems)
    result = Orientation([[] for _ in range(count)], problems,
                         root_named=how == "title" and named is not None)
    parts = _components(neighbours)
    cycles: list[tuple[int, list[int]]] = []
    roots: list[tuple[int, str]] = []
    for part in parts:
        if named is not None and named in part:
            root, why = named, how
        else:
            root, why = _root_of(part, neighbours, hints)
        roots.append((root, why))
        cycles += _hang(root, neighbours, result.superiors, SHOWN_CYCLES + 1 - len(cycles))
    for a, path in cycles[:SHOWN_CYCLES]:
        ring = " – ".join(hints.names[n] for n in [*path, path[0]])
        problems.append(Problem(a + 1, Sentence.of(
            "the undirected links between {names} form a cycle ({ring}); an undirected file "
            "must be a tree: remove one of these links, or give the edges a direction.",
            names=", ".join(_quoted(hints, n) for n in path), ring=ring), "node"))
    if len(cycles) > SHOWN_CYCLES:
        problems.append(Problem(None, Sentence.of(
            "{count} more undirected links close cycles.",
            count=f"{len(cycles) - SHOWN_CYCLES:,}")))
    if edges:
        result.notices.append(_root_notice(hints, roots))
    return result


def _root_notice(hints: Hints, roots: list[tuple[int, str]]) -> str:
    if len(roots) > 1:
        return Sentence.of("The edges have no direction: each of the {count} separate parts was "
                           "read from its root down ({names}).", count=len(roots),
                           names=", ".join(_quoted(hints, r) for r, _ in roots[:8]))
    root, why = roots[0]
    name = _quoted(hints, root)
    if why == "id":
        return Sentence.of("The edges have no direction: the chart was read from {root} down, "
                           "the root named by --root-id.", root=name)
    if why == "title":
        return Sentence.of("The edges have no direction: the chart was read from {root} down, "
                           "the root named by --root-title.", root=name)
    if why == "data":
        return Sentence.of("The edges have no direction: the chart was read from {root} down, "
                           "the only node without a superior in its data.", root=name)
    return Sentence.of("The edges have no direction: the chart was read from {root} down, the "
                       "centre of the tree; name another root with --root-id.", root=name)


def _components(neighbours: list[list[int]]) -> list[list[int]]:
    seen = [False] * len(neighbours)
    parts: list[list[int]] = []
    for start in range(len(neighbours)):
        if seen[start]:
            continue
        seen[start] = True
        part, queue = [start], deque([start])
        while queue:
            for other in neighbours[queue.popleft()]:
                if not seen[other]:
                    seen[other] = True
                    part.append(other)
                    queue.append(other)
        parts.append(sorted(part))
    return parts


def _root_of(part: list[int], neighbours: list[list[int]], hints: Hints) -> tuple[int, str]:
    if len(part) == 1:
        return part[0], "centre"
    if hints.parentless is not None:
        without = [n for n in part if n in hints.parentless]
        if len(without) == 1:
            return without[0], "data"
    return _centre(part, neighbours), "centre"


def _centre(part: list[int], neighbours: list[list[int]]) -> int:
    """The centre of a tree (minimal eccentricity) by peeling leaves; most links wins a tie."""
    degree = {n: len(neighbours[n]) for n in part}
    left = len(part)
    leaves = [n for n in part if degree[n] <= 1]
    removed: set[int] = set()
    while left > 2 and leaves:
        left -= len(leaves)
        if left < 1:
            break
        following = []
        for leaf in leaves:
            removed.add(leaf)
            for other in neighbours[leaf]:
                if other not in removed:
                    degree[other] -= 1
                    if degree[other] == 1:
                        following.append(other)
        leaves = following
    centres = [n for n in part if n not in removed]  # a graph with a cycle keeps its core
    return max(centres, key=lambda n: (len(neighbours[n]), -n))


def _hang(root: int, neighbours: list[list[int]], superiors: list[list[int]], shown: int
          ) -> list[tuple[int, list[int]]]:
    """Breadth-first from `root`: each node's superior is the one it was reached from.

    Returns each link that closes a cycle, with the nodes of that cycle for the
    first `shown` of them (a path walk each, so not for thousands).
    """
    parent: dict[int, int | None] = {root: None}
    cycles: list[tuple[int, list[int]]] = []
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for other in neighbours[node]:
            if other == parent[node]:
                continue
            if other in parent:
                if node < other or parent.get(other) == node:  # each closing link once
                    continue
                cycles.append((node, _ring(node, other, parent) if len(cycles) < shown else []))
                continue
            parent[other] = node
            superiors[other].append(node)
            queue.append(other)
    return cycles


def _ring(a: int, b: int, parent: dict[int, int | None]) -> list[int]:
    """The cycle a closing link (a, b) makes with the tree paths to their common ancestor."""
    up_a: list[int] = [a]
    while (step := parent[up_a[-1]]) is not None:
        up_a.append(step)
    on_a = {n: i for i, n in enumerate(up_a)}
    up_b: list[int] = [b]
    while up_b[-1] not in on_a:
        step = parent[up_b[-1]]
        assert step is not None  # the root is on both paths
        up_b.append(step)
    meet = on_a[up_b[-1]]
    return [*up_a[:meet + 1], *reversed(up_b[:-1])]
