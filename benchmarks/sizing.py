"""Sizing a week of 15-minute intervals (672) — target under 0.2 s (issue 14).

Run by hand: `.venv/bin/python benchmarks/sizing.py`.  Each case is a whole
`size(workload)`: every interval's Erlang C search, the peak, FTE and seats.
The volumes follow a two-peak intraday curve with seeded noise, so no two
intervals share a traffic value (the per-traffic cache never helps).
"""
from __future__ import annotations

import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgdesk.design.sizing import size  # after the path set-up above
from orgdesk.design.workload import Workload  # after the path set-up above


def week(peak_per_interval: float, seed: int = 7) -> tuple[tuple[int, float], ...]:
    rng = random.Random(seed)
    volumes = []
    for day in range(7):
        for minute in range(0, 1440, 15):
            hour = minute / 60
            curve = (math.exp(-((hour - 10.5) / 2.0) ** 2) + 0.8 * math.exp(-((hour - 15) / 2.5) ** 2)
                     + 0.05)
            volumes.append((day * 1440 + minute, peak_per_interval * curve * rng.uniform(0.9, 1.1)))
    return tuple(volumes)


CASES = {
    "small centre (peak ≈ 20 Erlangs), 80/20": {"peak_per_interval": 100.0, "aht": 180.0},
    "mid centre (peak ≈ 200 Erlangs), 80/20, 85 % cap": {"peak_per_interval": 1000.0, "aht": 180.0,
                                                            "max_occupancy": 85.0},
    "large centre (peak ≈ 2,000 Erlangs), 90/10": {"peak_per_interval": 10_000.0, "aht": 180.0,
                                                      "service_level": 90.0, "threshold": 10.0},
    "very large (peak ≈ 5,000 Erlangs), 80/20": {"peak_per_interval": 25_000.0, "aht": 180.0},
}


def best_of(workload: Workload, repeat: int = 5) -> tuple[float, int]:
    best, seats = math.inf, 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = size(workload)
        best = min(best, time.perf_counter() - start)
        seats = result.headcount
    return best, seats


def main() -> None:
    print("| case | intervals | size() best of 5 (s) | seats | target |")
    print("|---|---:|---:|---:|---:|")
    for name, case in CASES.items():
        case = dict(case)
        peak = case.pop("peak_per_interval")
        workload = Workload(volumes=week(peak), interval_minutes=15, opens=0, closes=1440,
                            **case)
        seconds, seats = best_of(workload)
        print(f"| {name} | {len(workload.intervals())} | {seconds:.4f} | {seats:,} | < 0.2 |")
    erlang_a = Workload(volumes=week(100.0), interval_minutes=15, opens=0, closes=1440,
                        aht=180.0, patience=120.0)
    seconds, seats = best_of(erlang_a, 1)
    print(f"| small centre with Erlang A beside (patience 120 s) | 672 | {seconds:.4f} | "
          f"{seats:,} | — |")


if __name__ == "__main__":
    main()
