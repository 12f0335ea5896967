"""Extreme shapes: a deep reporting chain and a wide star, through every command's work.

Run by hand: `.venv/bin/python benchmarks/bench_deep.py [N ...]` (default 5000 and
100000).  For each N it builds in memory a chain of N levels and a star of one
position with N - 1 reports, and times what `info`, `check`, `report`,
`report --json`, `diff` (by id and by title), the chart layout and DOT build,
the handbook's content and the CSV/JSON exports do, the up-front refusal of an
SVG export over the limits, and the editor window opening the document
(a child process, offscreen).  Figures are wall-clock seconds on this machine.
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from orgdesk.export.chart_export import render_chart  # noqa: E402 - after sys.path and the Qt platform are set
from orgdesk.export.limits import MAX_DRAWN_BOXES, ChartTooLarge  # noqa: E402 - after sys.path and the Qt platform are set
from orgdesk.export.options import ChartExportOptions  # noqa: E402 - after sys.path and the Qt platform are set
from tests.analysis import extreme_child  # noqa: E402 - after sys.path and the Qt platform are set


def refused_export(shape: str, n: int) -> float:
    org = extreme_child.build(shape, n)
    start = time.perf_counter()
    with contextlib.suppress(ChartTooLarge):
        render_chart(org, ChartExportOptions(format="svg"))
    return time.perf_counter() - start


def window_open(shape: str, n: int) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "tests.ui.extreme_child", shape, str(n)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600, check=False)
    return " ".join(line for line in result.stdout.splitlines() if ":" in line)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [5000, 100_000]
    for n in sizes:
        for shape in ("chain", "star"):
            print(f"== {shape} of {n:,} positions", flush=True)
            subprocess.run([sys.executable, "-m", "tests.analysis.extreme_child", shape, str(n)],
                           cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
            if n > MAX_DRAWN_BOXES:
                print(f"svg export refused in: {refused_export(shape, n):.2f} s")
            print(f"window {window_open(shape, n)}", flush=True)
    print("== long unbroken note", flush=True)
    for size in (1_000_000, 10_000_000):
        print(f"{size:,} characters: window {window_open('note', size)}", flush=True)


if __name__ == "__main__":
    main()
