"""Bulk edit speed: 1,000 selected positions of a generated 10,000-position call center.

Run by hand: `.venv/bin/python benchmarks/bench_bulk.py [POSITIONS] [SELECTED]` (Qt
runs offscreen).  Measures, each the median (and max) of several runs:
selecting the positions in the window (tree + chart highlight); the bulk
edit as the service does it (one batch: memory + one SQLite transaction);
the same through the window (Edit Selected…'s apply: undo step, tree rows
and panels updated, events processed); undoing it; the chart's deferred
rebuild after it; and, for scale, deleting and moving the 1,000 in one step.
Target (issue 13): bulk edit of 1,000 selected positions under 0.5 s.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp(prefix="orgdesk-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from callcenter import generate
from PySide6.QtWidgets import QApplication

from orgdesk.core.model import PositionKind
from orgdesk.services import DocumentService, bulk
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.ui import multi_select
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.main_window import MainWindow

RUNS = 7


def timed(runs: int, step: Callable[[int], object]) -> tuple[float, float]:
    times = []
    for n in range(runs):
        t = time.perf_counter()
        step(n)
        times.append(time.perf_counter() - t)
    return statistics.median(times), max(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    selected = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    app = QApplication.instance() or QApplication([])
    path = Path(tempfile.mkdtemp(prefix="orgdesk-bench-files-")) / "big.orgdesk"
    create_file(path, generate(count))
    service = DocumentService(DocumentFile.open(path))
    window = MainWindow(DocumentController(service))
    window.resize(1366, 768)
    window.show()
    while window.chart.view.chart_layout() is None:
        app.processEvents()
    org = service.org
    departments = [service.add_department("批量甲").id, service.add_department("批量乙").id]
    rng = random.Random(13)
    ids = sorted(rng.sample([p.id for p in org.positions()], selected))
    rows: list[tuple[str, tuple[float, float]]] = []

    def select(_n: int) -> None:
        multi_select.select_ids(window, ids)
        app.processEvents()
    rows.append((f"select {selected:,} positions in the tree, chart highlighted", timed(3, select)))
    assert len(window.selected_ids()) == selected

    def service_edit(n: int) -> None:
        with service.batch("bench"):
            bulk.edit_positions(service, ids, {"department_id": departments[n % 2],
                                               "level": f"L{n}"})
    rows.append(("service: one batch setting department + level", timed(RUNS, service_edit)))

    def window_edit(n: int) -> None:
        multi_select.apply_edit(window, window.selected_ids(),
                                {"department_id": departments[(n + 1) % 2],
                                 "kind": PositionKind.LINE, "planned_headcount": 2 + n % 3},
                                None)
        app.processEvents()
    rows.append((("window: Edit Selected… (department, kind, planned headcount): undo step, "
                  "tree rows and panels updated, events processed"), timed(RUNS, window_edit)))

    def window_arrange(n: int) -> None:
        multi_select.apply_edit(window, window.selected_ids(), {"level": f"M{n}"},
                                ("vertical", "two_columns")[n % 2])
        app.processEvents()
    rows.append((("window: Edit Selected… with an arrangement too (the chart is rebuilt at "
                  "once, a chart setting)"), timed(3, window_arrange)))

    def undo(_n: int) -> None:
        window.controller.undo_stack.undo()
        app.processEvents()
    rows.append(("window: undo of one bulk edit", timed(3, undo)))

    def chart(_n: int) -> None:
        window.chart.refresh()
        app.processEvents()
    rows.append(("then the chart rebuilt (deferred 250 ms after an edit)", timed(3, chart)))

    def move(_n: int) -> None:
        target = next(p.id for p in org.positions() if p.id not in ids
                      and not any(a in ids for a in (c.id for c in org.chain_of_command(p.id))))
        window.move_positions([int(i) for i in ids], int(target), -1, True)
        app.processEvents()
        window.controller.undo_stack.undo()
        app.processEvents()
    rows.append((f"window: move the {selected:,} under one position, then undo", timed(1, move)))

    def delete(_n: int) -> None:
        multi_select.select_ids(window, ids)
        window.controller.execute("bench", lambda s: bulk.remove_positions(s, ids, True))
        app.processEvents()
        window.controller.undo_stack.undo()
        app.processEvents()
    rows.append((f"window: delete the {selected:,} (reports kept), then undo", timed(1, delete)))

    print(f"{len(org):,} positions, {selected:,} selected")
    print("| measure | median (s) | max (s) |")
    print("|---|---:|---:|")
    for name, (median, worst) in rows:
        print(f"| {name} | {median:.3f} | {worst:.3f} |")
    window.controller.undo_stack.clear()
    window.controller.mark_saved()
    window.close()
    service.file.close()


if __name__ == "__main__":
    main()
