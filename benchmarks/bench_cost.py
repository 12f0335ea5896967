"""Labour cost of 10,000 and 100,000 positions (issue 14): the Analysis panel's figures,
`orgdesk report --cost --json` and its text.

Run by hand: `.venv/bin/python benchmarks/bench_cost.py`.  The Analysis panel
recomputes the cost after every edit (debounced), so `analyse_cost` must stay
well under the 400 ms of its delay on a 10,000-position centre.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgdesk.analysis.cost import analyse_cost  # after the path set-up above
from orgdesk.analysis.cost_report import cost_text  # after the path set-up above
from orgdesk.core.model import (  # after the path set-up above
    Department,
    DepartmentId,
    Position,
    PositionId,
)
from orgdesk.core.organisation import Organisation  # after the path set-up above


def centre(count: int) -> Organisation:
    """A tree ten wide, 20 departments, every position with 12 seats and a pay range."""
    departments = [Department(DepartmentId(i), f"部门{i}") for i in range(1, 21)]
    positions = [Position(PositionId(1), "总经理", pay_min=50_000, pay_max=60_000,
                          on_cost_percent=35)]
    for i in range(2, count + 1):
        positions.append(Position(
            PositionId(i), f"座席{i}", superior_id=PositionId(1 + (i - 2) // 10),
            order=(i - 2) % 10, department_id=DepartmentId(1 + i % 20), planned_headcount=12,
            filled_headcount=10, pay_min=0 if i % 9 == 0 else 4_500, pay_max=6_000 + i % 7,
            on_cost_percent=30 + i % 10))
    return Organisation(departments=departments, positions=positions)


def timed(what: str, run: object) -> None:
    start = time.perf_counter()
    run()  # type: ignore[operator]  # a callable
    print(f"  {what:<28} {time.perf_counter() - start:7.3f} s")


def main() -> None:
    for count in (10_000, 100_000):
        org = centre(count)
        analysis = analyse_cost(org)
        print(f"{count:,} positions")
        timed("analyse_cost", lambda: analyse_cost(org))  # noqa: B023 - called at once
        timed("to_dict (report --json)", analysis.to_dict)
        timed("cost_text (report)", lambda: cost_text(analysis, "x", "zh"))  # noqa: B023 - called at once


if __name__ == "__main__":
    main()
