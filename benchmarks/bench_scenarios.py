"""Scenario speed: switching between and comparing two 10,000-position scenarios.

Run by hand: `.venv/bin/python benchmarks/bench_scenarios.py [POSITIONS]` (Qt runs
offscreen).  Targets (issue 14): a switch under 1 s, a comparison under 1 s.

Two pairs of scenarios are measured:
* "copy": 方案B made from 现状 (New from Current) and then 200 positions edited —
  how consultants work;
* "different": 方案B a different generated organisation of the same size (every
  row differs) — the worst case.
For each: the service-level switch (one transaction: snapshot of the open
scenario, the target validated and built, the tables refilled), the first
switch to a scenario read from its snapshot and later ones (the scenario left
is kept in memory while its stored snapshot is unchanged), the switch as the
window sees it (controller + tree + chart rebuilt), and the comparison (matching,
the impact table with span checks).
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp(prefix="orgdesk-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from callcenter import generate
from PySide6.QtWidgets import QApplication

from orgdesk.analysis.scenario_impact import compare_scenarios
from orgdesk.core.model import PositionId
from orgdesk.export.scenario_compare import cost_by_department
from orgdesk.services import DocumentService
from orgdesk.services.scenarios import ScenarioService
from orgdesk.storage import scenarios as store
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.mapping import driver
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.main_window import MainWindow

ROUNDS = 5


#: CPU seconds of the last `_timed` action: on a machine shared with other work the wall
#: time includes waiting for a core, which this does not (nor waiting for the disk).
last_cpu = 0.0


def _timed(action) -> float:
    global last_cpu
    start, cpu = time.perf_counter(), time.process_time()
    action()
    last_cpu = time.process_time() - cpu
    return time.perf_counter() - start


def _pair(count: int, different: bool) -> tuple[DocumentService, ScenarioService, int, int]:
    service = DocumentService(DocumentFile.new(generate(count)))
    scenarios = ScenarioService(service)
    first = scenarios.active().id
    if different:
        other = generate(count)
        for position in list(other.positions())[1:]:
            other._positions[position.id] = position.evolve(
                title=position.title + " B", notes="另一个方案")
        with service.file.transaction() as session:
            conn = driver(session)
            store.materialise(conn)
            store.insert(conn, 2, "方案B", 1, store.snapshot_of(other))
        second = 2
    else:
        scenarios.create("方案B", switch=True)
        second = scenarios.active().id
        for pid in range(2, 2 + 200):
            service.edit_position(PositionId(pid), notes=f"方案B {pid}")
        scenarios.switch(first)
        scenarios._kept.clear()  # measure the first switch from the stored snapshot
    return service, scenarios, first, second


def bench_service(count: int, different: bool) -> None:
    service, scenarios, first, second = _pair(count, different)
    cold = _timed(lambda: scenarios.switch(second))
    cold_cpu = last_cpu
    # As the window does once it is idle: the other scenario read ahead, then switched to.
    scenarios._kept.clear()
    scenarios.prefetch()
    for future in scenarios._pending.values():
        future.result()
    ahead = _timed(lambda: scenarios.switch(first))
    ahead_cpu = last_cpu
    warm, warm_cpu = [], []
    for _round in range(ROUNDS):
        for target in (first, second):
            warm.append(_timed(lambda target=target: scenarios.switch(target)))
            warm_cpu.append(last_cpu)
    a = scenarios.organisation(first)
    b = service.org
    comparing, comparing_cpu = [], []
    for _round in range(3):
        comparing.append(_timed(lambda: compare_scenarios(a, b, "现状", "方案B",
                                                          cost_by_department)))
        comparing_cpu.append(last_cpu)
    kind = "different" if different else "copy"
    print(f"{kind:9}  switch (service): first {cold:.3f} s (cpu {cold_cpu:.3f}), read ahead "
          f"{ahead:.3f} s (cpu {ahead_cpu:.3f}), then median "
          f"{statistics.median(warm):.3f} s (cpu {statistics.median(warm_cpu):.3f}, max "
          f"{max(warm):.3f}); compare: median {statistics.median(comparing):.3f} s "
          f"(cpu {statistics.median(comparing_cpu):.3f})")
    service.file.close()


def bench_window(count: int) -> None:
    app = QApplication.instance() or QApplication([])
    service, _scenarios, first, second = _pair(count, different=False)
    controller = DocumentController(service)
    window = MainWindow(controller)
    window.show()
    app.processEvents()
    window.chart.refresh()
    times, cpu = [], []
    for target in (second, first) * ROUNDS:
        def switch(target: int = target) -> None:
            controller.execute_scenario("Switch", lambda s: s.switch(target))
            window.chart.refresh()  # what the chart's timer does just after
            app.processEvents()
        times.append(_timed(switch))
        cpu.append(last_cpu)
    print(f"window     switch incl. tree and chart: first {times[0]:.3f} s (cpu {cpu[0]:.3f}), "
          f"then median {statistics.median(times[1:]):.3f} s (cpu "
          f"{statistics.median(cpu[1:]):.3f}, max {max(times[1:]):.3f})")
    from orgdesk.ui import dialogs

    dialogs.ask_save_changes = lambda *_args: "discard"  # type: ignore[assignment]
    window.close()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(f"{count:,} positions per scenario; targets: switch < 1 s, compare < 1 s")
    bench_service(count, different=False)
    bench_service(count, different=True)
    bench_window(count)


if __name__ == "__main__":
    main()
