"""Generated organisations of any size in three shapes, for the big-chart layout tests.

* wide: a director over many managers, each with a team of leaf posts;
* deep: managers with two or three managers each, twelve levels deep, with a few
  leaf posts under every manager;
* staffed: a staff post with a long stack of reports beside managers whose
  wrapped rows hold wrapped rows (the benchmarks' call centre);
* mixed: a seeded random mix of spans (1 to 40 reports), staff posts, seats and
  title lengths, up to ten levels.
"""
from __future__ import annotations

import random
from collections.abc import Callable

from orgdesk.core.model import Position, PositionId, PositionKind
from orgdesk.core.organisation import Organisation


class _Maker:
    def __init__(self, n: int) -> None:
        self.n = n
        self.positions: list[Position] = []
        self.orders: dict[int | None, int] = {}

    def full(self) -> bool:
        return len(self.positions) >= self.n

    def add(self, title: str, superior: int | None, **fields: object) -> int:
        pid = len(self.positions) + 1
        order = self.orders.get(superior, 0)
        self.orders[superior] = order + 1
        self.positions.append(Position(PositionId(pid), title,
                                       None if superior is None else PositionId(superior),
                                       order, **fields))  # type: ignore[arg-type]  # keyword fields are checked by __post_init__
        return pid

    def organisation(self) -> Organisation:
        return Organisation(positions=self.positions)


def wide(n: int) -> Organisation:
    m = _Maker(n)
    root = m.add("呼叫中心总监", None)
    k = 0
    while not m.full():
        manager = m.add(f"组长{k}", root)
        for a in range(6):
            if m.full():
                break
            m.add(f"座席员{a}", manager, planned_headcount=1 + a % 3)
        k += 1
    return m.organisation()


def deep(n: int) -> Organisation:
    m = _Maker(n)
    rng = random.Random(7)
    level = [m.add("总经理", None)]
    depth = 0
    while not m.full():
        following = []
        for boss in level:
            for _ in range(rng.choice((2, 3)) if depth < 11 else 0):
                if m.full():
                    break
                following.append(m.add(f"经理 L{depth + 1}-{len(following)}", boss))
            for leaf in range(3):
                if m.full():
                    break
                m.add(f"专员{leaf}", boss)
        if not following:  # the last level: fill with leaf posts under the first managers
            for boss in level:
                if m.full():
                    break
                m.add("助理", boss)
            continue
        level = following
        depth += 1
    return m.organisation()


def mixed(n: int) -> Organisation:
    m = _Maker(n)
    rng = random.Random(11)
    titles = ("座席员", "Customer Service Representative", "质检员", "运营主管",
              "Workforce Management Analyst", "培训专员", "IT")
    todo = [(m.add("CEO", None), 0)]
    while todo and not m.full():
        boss, level = todo.pop(0)
        span = rng.choice((1, 2, 3, 5, 8, 12, 20, 40)) if level < 9 else 0
        if rng.random() < 0.2 and not m.full():
            m.add("Assistant 助理", boss, kind=PositionKind.STAFF)
        for _ in range(span):
            if m.full():
                break
            pid = m.add(rng.choice(titles), boss, planned_headcount=rng.choice((1, 1, 2, 14)))
            if rng.random() < 0.35:
                todo.append((pid, level + 1))
        if not todo and not m.full():  # never run dry before n
            todo.append((m.add("Manager", boss), level + 1))
    return m.organisation()


def staffed(n: int) -> Organisation:
    """A director with an assistant (a staff post) over a long list of specialists, and
    managers → project managers → team leaders → four leaf posts each."""
    m = _Maker(n)
    director = m.add("运营总监", None)
    assistant = m.add("运营助理", director, kind=PositionKind.STAFF)
    leaders = []
    for k in range(max(1, n // 500)):
        manager = m.add(f"运营经理{k + 1}", director)
        for p in range(10):
            pm = m.add(f"项目经理{p + 1}", manager)
            leaders += [m.add(f"组长{t + 1}", pm) for t in range(8)]
    for leader in leaders:
        for title in ("座席员", "质检员", "培训员", "资深座席"):
            if not m.full():
                m.add(title, leader)
    while not m.full():
        m.add("专员", assistant)
    return m.organisation()


SHAPES: dict[str, Callable[[int], Organisation]] = {"wide": wide, "deep": deep, "mixed": mixed,
                                                    "staffed": staffed}
