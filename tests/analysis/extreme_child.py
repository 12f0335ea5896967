"""Runs every headless tree algorithm on an extreme shape; started by test_extreme_shapes.

`python -m tests.analysis.extreme_child SHAPE N` builds an organisation of N
positions in memory (SHAPE `chain`: each reports to the one before, N levels;
`star`: one root with N - 1 direct reports of one title), lowers Python's
recursion limit so that any recursive walk fails at once, and runs what
`info`, `check`, `report`, `diff`, the chart export (layout and DOT) and the
handbook's content and the data exports do with it.  It prints each step's
time and "done"; a quadratic step shows as the parent's timeout.
"""
from __future__ import annotations

import io
import sys
import time
from datetime import date

from orgdesk.analysis.compare import compare
from orgdesk.analysis.report import analysis_dict, analysis_text
from orgdesk.analysis.scope import branch_organisation
from orgdesk.analysis.span_rules import SpanRules
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_build import build_dot
from orgdesk.export.handbook.content import build_content
from orgdesk.export.options import ChartExportOptions
from orgdesk.io.csv_format import write_csv
from orgdesk.io.json_format import write_json
from orgdesk.layout import LayoutOptions, layout_chart
from orgdesk.report import structure_problems, summary

#: Far below what any recursive walk of these trees needs, comfortably above what
#: the code itself uses (library calls nest a few dozen frames).
RECURSION_LIMIT = 120


def build(shape: str, n: int, offset: int = 0) -> Organisation:
    """`chain` or `star` of `n` positions; `offset` shifts every id (an imported copy)."""
    def pid(i: int) -> PositionId:
        return PositionId(i + offset)

    if shape == "chain":
        positions = [Position(pid(i), f"Level {i}", pid(i - 1) if i > 1 else None)
                     for i in range(1, n + 1)]
    else:
        positions = [Position(pid(1), "Director")] + [
            Position(pid(i), "座席员", pid(1), i - 2) for i in range(2, n + 1)]
    return Organisation(positions=positions)


def main(shape: str, n: int) -> None:
    org = build(shape, n)
    same_ids = build(shape, n)
    other_ids = build(shape, n, offset=10 * n)  # ids not trusted: matched by title
    rules = SpanRules()
    # Each step as the command runs it; "report" includes the headcount and span
    # checks, "dot compact" the layout, "handbook content" the headcount again.
    steps = {
        "info": lambda: summary(org),
        "check": lambda: structure_problems(org),
        "depth": lambda: org.depth() == (n if shape == "chain" else 2) or sys.exit("depth"),
        "levels": lambda: [org.level_of(p.id) for p in org.positions()],
        "report": lambda: analysis_text(org, rules, "x"),
        "report --json": lambda: analysis_dict(org, rules),
        "diff": lambda: compare(org, same_ids),
        "diff by title": lambda: compare(org, other_ids),
        "dot compact": lambda: build_dot(org, ChartExportOptions(format="dot")),
        "layout lr": lambda: layout_chart(org, LayoutOptions(orientation="lr", depth=n)),
        "dot dot": lambda: build_dot(org, ChartExportOptions(format="dot", layout="dot")),
        "branch": lambda: branch_organisation(org, PositionId(1)),
        "handbook content": lambda: build_content(org, date(2026, 1, 1)),
        "csv": lambda: write_csv(org, io.BytesIO()),
        "json": lambda: write_json(org, io.BytesIO()),
        "branch totals": lambda: org.branch_totals(PositionId(1)),
    }
    sys.setrecursionlimit(RECURSION_LIMIT)
    for name, step in steps.items():
        start = time.perf_counter()
        step()
        print(f"{name}: {time.perf_counter() - start:.2f} s", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
