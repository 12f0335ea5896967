"""Chart layout and export speed, beside Graphviz on the same tree, in one run.

Run by hand: `.venv/bin/python benchmarks/bench_layout.py [1000 10000 ...]`.
Generates call-center-shaped organisations (director → centre managers →
team leaders → agent positions ×12, with QA/trainer staff posts) and reports:
our layout; the chart view build (Qt, offscreen); DOT build; export to SVG and
PNG; Graphviz `dot` laying out the same tree itself; Graphviz rendering our
pinned layout alone (`nop2`, the floor for the SVG export); and the slowest
zoom and pan steps of the chart view (a 1280×800 view painted synchronously:
zooming ×1.2 at a time from the whole chart to 150 %, and panning 100 px at a
time at 100 % and at 10 %), where a stall would show.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from orgdesk.core.model import Position, PositionId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.export.chart_export import render_chart
from orgdesk.export.dot_build import build_dot
from orgdesk.export.graphviz_engine import current_engine
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout import layout_chart


def call_center(n: int) -> Organisation:
    positions = [Position(PositionId(1), "呼叫中心总监")]
    pid = 2

    def add(title: str, superior: int, order: int, **fields: object) -> int:
        nonlocal pid
        positions.append(Position(PositionId(pid), title, PositionId(superior), order,
                                  **fields))  # type: ignore[arg-type]  # keyword fields are checked by __post_init__
        pid += 1
        return pid - 1

    m = 0
    while pid <= n:
        manager = add(f"运营经理{m}", 1, m)
        add("质检专员", manager, 0, kind=PositionKind.STAFF)
        add("培训专员", manager, 1, kind=PositionKind.STAFF)
        for t in range(12):
            if pid > n:
                break
            leader = add(f"组长{m}-{t}", manager, 2 + t)
            for a in range(6):
                if pid > n:
                    break
                add(f"座席员{a}", leader, a, planned_headcount=12)
        m += 1
    return Organisation(positions=positions)


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def dot_time(source: str, engine: str) -> float:
    start = time.perf_counter()
    subprocess.run(["dot", f"-K{engine}", "-Tsvg", "-o", os.devnull], input=source.encode(),
                   check=True, timeout=3600)
    return time.perf_counter() - start


def view_steps(view) -> tuple[float, float]:
    """The slowest zoom step and the slowest pan step of `view`, each repainted at once."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    view.resize(1280, 800)
    view.show()
    QApplication.processEvents()

    def step(action) -> float:
        start = time.perf_counter()
        action()
        view.viewport().repaint()
        return time.perf_counter() - start

    # The whole chart, as "fit to window" shows it (fitInView itself: zoom_to_fit
    # would also keep re-fitting when the scroll bars come and go).
    rect = view.sceneRect()
    view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
    view.centerOn(rect.center())
    QApplication.processEvents()
    zoom = [step(lambda: None)]
    while view.transform().m11() < 1.5:
        zoom.append(step(lambda: view.scale(1.2, 1.2)))
    pan = []
    for scale in (1.0, 0.1):
        view.resetTransform()
        view.scale(scale, scale)
        view.centerOn(rect.center())
        QApplication.processEvents()
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            for _ in range(20 if bar.maximum() > bar.minimum() else 0):
                pan.append(step(lambda bar=bar: bar.setValue(bar.value() + 100)))
    view.hide()
    return max(zoom), max(pan, default=float("nan"))


def main(sizes: list[int]) -> None:
    from PySide6.QtWidgets import QApplication

    from orgdesk.ui.chart_view import ChartView

    app = QApplication.instance() or QApplication([])
    engine = current_engine()
    print(f"# {engine.describe()}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    header = ("positions", "layout", "view build", "DOT build", "export SVG", "export PNG",
              "dot lays out", "nop2 pinned render", "view zoom step", "view pan step")
    print("| " + " | ".join(header) + " |")
    print("|" + "---:|" * len(header))
    for n in sizes:
        org = call_center(n)
        layout_s = timed(lambda: layout_chart(org), 3)
        view = ChartView()
        view_s = timed(lambda: view.refresh(org))
        zoom_s, pan_s = view_steps(view) if n <= 10_000 else (float("nan"), float("nan"))
        chart = layout_chart(org)
        dot_build_s = timed(lambda: build_dot(org, ChartExportOptions(), chart))
        svg_s = timed(lambda: render_chart(org, ChartExportOptions(format="svg"), chart))
        png_s = (timed(lambda: render_chart(org, ChartExportOptions(format="png", dpi=72), chart))
                 if n <= 10_000 else float("nan"))
        pinned = build_dot(org, ChartExportOptions(), chart).source
        nop2_s = dot_time(pinned, "nop2")
        own = build_dot(org, ChartExportOptions(layout="dot")).source
        dot_s = dot_time(own, "dot") if n <= 10_000 else float("nan")
        row = [f"{len(org):,}"] + [f"{v:.3f}" for v in (layout_s, view_s, dot_build_s, svg_s, png_s,
                                                       dot_s, nop2_s, zoom_s, pan_s)]
        print("| " + " | ".join(row) + " |", flush=True)
        view.deleteLater()
    app.processEvents()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak resident memory of this process: {peak:.0f} MB (times in seconds)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
