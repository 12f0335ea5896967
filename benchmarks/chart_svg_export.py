"""Whole-process SVG export of a big chart beside Graphviz on the same drawing, in one run.

Run by hand: `.venv/bin/python benchmarks/chart_svg_export.py [10000]`.

Writes a generated call-center organisation of N positions to a temporary
`.orgdesk` file, then times, each as a fresh process:

* `orgdesk export FILE -o x.svg` (open, lay out, build DOT, Graphviz, write);
* `neato -n2 -Tsvg` on the DOT orgdesk writes for the same chart (the floor:
  Graphviz drawing our pinned layout, one node per position);
* `dot -Tsvg` laying out the same tree itself (`--layout dot`'s DOT).

Targets (issue 12): the export within 1.5× of `neato -n2`, and at least 5×
faster than `dot`.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from callcenter import generate  # noqa: E402  # after the path set-up above

from orgdesk.storage.document import create_file  # noqa: E402  # after the path set-up above


def run(command: list[str], source: bytes | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, input=source, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {result.stderr.decode()[:500]}")
    return elapsed


def main(count: int) -> None:
    orgdesk = str(ROOT / ".venv" / "bin" / "orgdesk")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        document = tmp / "big.orgdesk"
        create_file(document, generate(count))
        run([orgdesk, "export", str(document), "-o", str(tmp / "pinned.dot")])
        run([orgdesk, "export", str(document), "-o", str(tmp / "tree.dot"), "--layout", "dot"])
        export_s = run([orgdesk, "export", str(document), "-o", str(tmp / "chart.svg")])
        neato_s = run(["neato", "-n2", "-Tsvg", "-o", str(tmp / "neato.svg"),
                       str(tmp / "pinned.dot")])
        dot_s = run(["dot", "-Tsvg", "-o", str(tmp / "dot.svg"), str(tmp / "tree.dot")])
    print(f"{count} positions, one run each (whole processes)")
    print(f"  orgdesk export -o x.svg : {export_s:7.2f} s")
    print(f"  neato -n2 -Tsvg (our DOT): {neato_s:7.2f} s   export / neato = "
          f"{export_s / neato_s:.2f}x (target <= 1.5x)")
    print(f"  dot -Tsvg (same tree)    : {dot_s:7.2f} s   dot / export = "
          f"{dot_s / export_s:.1f}x (target >= 5x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
