"""Balanced chart layout: time and aspect ratio, beside the plain wide layout, in one run.

Run by hand: `.venv/bin/python benchmarks/bench_balance.py [1500 10000 100000]`.
Generated call-center organisations (benchmarks/bench_layout.py's shape) and the
wide, deep, mixed and staffed shapes of tests/layout/shapes.py.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_layout import call_center  # after the path set-up above

from orgdesk.layout import LayoutOptions, layout_chart  # after the path set-up above
from tests.layout.shapes import SHAPES  # after the path set-up above


def best_of(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(sizes: list[int]) -> None:
    print("| shape | positions | plain layout s | plain aspect | balanced layout s "
          "| balanced aspect |")
    print("|---|---:|---:|---:|---:|---:|")
    makers = {"call centre": call_center, **SHAPES}
    for n in sizes:
        for name, make in makers.items():
            org = make(n)
            repeat = 3 if n <= 10_000 else 1
            plain_s, plain = best_of(
                lambda org=org: layout_chart(org, LayoutOptions(balance=False)), repeat)
            balanced_s, balanced = best_of(lambda org=org: layout_chart(org), repeat)
            print(f"| {name} | {len(org):,} | {plain_s:.3f} | "
                  f"{plain.width / plain.height:.1f} | {balanced_s:.3f} | "  # type: ignore[attr-defined]
                  f"{balanced.width / balanced.height:.2f} |", flush=True)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_500, 10_000, 100_000])
