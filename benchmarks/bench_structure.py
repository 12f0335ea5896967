"""Deriving and applying the support structure of a big call center, in one run.

Run by hand: `.venv/bin/python benchmarks/bench_structure.py [10000 …]`.  The
organisation: 总经理 → 运营经理 ×10 (each with a 质检员 and a 培训师) → 主管 → 组长,
each 组长 over three 座席员 ×5 positions; about N positions in all.  Every leader's
team is too big for 12-14, so every team-leader line changes: the worst case.
Measured on the 2-core CI machine (2026-12): 10,131 positions, derive 0.19 s
(2,614 lines), apply as one step 0.17 s, undo 0.07 s.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgdesk.core.model import Position, PositionId  # after the path set-up above
from orgdesk.core.organisation import Organisation  # after the path set-up above


def call_center(size: int) -> Organisation:
    positions: list[Position] = []

    def add(title: str, superior: PositionId | None, seats: int = 1) -> PositionId:
        pid = PositionId(len(positions) + 1)
        positions.append(Position(pid, title, superior, len(positions), planned_headcount=seats))
        return pid

    root = add("总经理", None)
    supervisors_per_manager = max(1, size // 1000)
    for _ in range(10):
        manager = add("运营经理", root)
        add("质检员", manager)
        add("培训师", manager)
        for _ in range(supervisors_per_manager):
            supervisor = add("主管", manager)
            for _ in range(25):
                leader = add("组长", supervisor)
                for _ in range(3):
                    add("座席员", leader, 5)
    return Organisation(positions=positions)


def main(sizes: list[int]) -> None:
    os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp())
    from orgdesk.design.apply import apply_structure
    from orgdesk.design.structure import derive_structure
    from orgdesk.services import DocumentService
    from orgdesk.storage.document import DocumentFile

    for size in sizes:
        org = call_center(size)
        start = time.perf_counter()
        plan = derive_structure(org)
        derived = time.perf_counter() - start
        with DocumentFile.new(org) as file:
            service = DocumentService(file)
            start = time.perf_counter()
            batch = apply_structure(service, plan)
            applied = time.perf_counter() - start
            start = time.perf_counter()
            service.apply_patch(batch.before)
            undone = time.perf_counter() - start
        print(f"{len(org):>7} positions: derive {derived:.3f} s ({len(plan.lines)} lines), "
              f"apply {applied:.3f} s, undo {undone:.3f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000])
