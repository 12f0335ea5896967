"""Whole-process SVG export of a big chart beside Graphviz on the same drawing, in one run.

Run by hand: `.venv/bin/python benchmarks/chart_svg_export.py [10000]`.

Writes a generated call-center organisation of N positions to a temporary
`.orgdesk` file, then times, each as a fresh process:

* `orgdesk export FILE -o x.svg` (open, lay out, build DOT, Graphviz, write);
* `neato -n2 -Tsvg` on the DOT orgdesk writes for the same chart (the floor:
  Graphviz drawing our pinned layout, one node per position);
* `dot -Tsvg` laying out the same tree itself (`--layout dot`'s DOT).

Bytecode of orgdesk is compiled first, as an installed copy has it (pip
compiles at install): with PYTHONDONTWRITEBYTECODE set, or a source tree
edited since its last run, every export would otherwise compile each changed
module again (about 0.07 s of CPU for the modules an export imports).

The export and `neato` are run 3 times in turns (`dot` once: it is slow) and
the medians are reported, as wall time and as CPU time (user + system of the
process and its children, from `getrusage(RUSAGE_CHILDREN)`).  The machine's
load average is printed before and after: on a shared machine wall times
follow the load, CPU times much less, so the ratios are given for both.

Targets (issue 12): the export within 1.5× of `neato -n2`, and at least 5×
faster than `dot`.
"""
from __future__ import annotations

import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from callcenter import generate  # noqa: E402  # after the path set-up above

from orgdesk.storage.document import create_file  # noqa: E402  # after the path set-up above


@dataclass(frozen=True)
class Timing:
    """Median wall and CPU seconds of a command run a few times."""

    wall: float
    cpu: float


def run_once(command: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {result.stderr.decode()[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median(results: list[tuple[float, float]]) -> Timing:
    return Timing(statistics.median(w for w, _ in results),
                  statistics.median(c for _, c in results))


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(count: int, runs: int = 3) -> None:
    orgdesk = str(ROOT / ".venv" / "bin" / "orgdesk")
    compileall.compile_dir(ROOT / "orgdesk", quiet=1)  # see the module docstring
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        document = tmp / "big.orgdesk"
        create_file(document, generate(count))
        run_once([orgdesk, "export", str(document), "-o", str(tmp / "pinned.dot")])
        run_once([orgdesk, "export", str(document), "-o", str(tmp / "tree.dot"),
                  "--layout", "dot"])
        print(f"{count} positions, {os.cpu_count()} CPUs, load average {load()} (1, 5, 15 min)")
        exports, neatos = [], []
        for _ in range(runs):  # taken in turns, so both see the same load
            exports.append(run_once([orgdesk, "export", str(document),
                                     "-o", str(tmp / "chart.svg")]))
            neatos.append(run_once(["neato", "-n2", "-Tsvg", "-o", str(tmp / "neato.svg"),
                                    str(tmp / "pinned.dot")]))
        export, neato = median(exports), median(neatos)
        dot = median([run_once(["dot", "-Tsvg", "-o", str(tmp / "dot.svg"),
                                str(tmp / "tree.dot")])])
        print(f"load average after: {load()}")
    print(f"medians of {runs} runs (dot: 1), whole processes   wall s   CPU s")
    for name, timing in (("orgdesk export -o x.svg", export),
                         ("neato -n2 -Tsvg (our DOT)", neato), ("dot -Tsvg (same tree)", dot)):
        print(f"  {name:28s} {timing.wall:8.2f} {timing.cpu:7.2f}")
    print(f"  export / neato = {export.wall / neato.wall:.2f}x wall, "
          f"{export.cpu / neato.cpu:.2f}x CPU (target <= 1.5x)")
    print(f"  dot / export   = {dot.wall / export.wall:.1f}x wall, "
          f"{dot.cpu / export.cpu:.1f}x CPU (target >= 5x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
