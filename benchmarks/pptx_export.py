"""A 10,000-position PowerPoint deck, whole process (`orgdesk export … -o x.pptx`).

Run by hand: `.venv/bin/python benchmarks/pptx_export.py [10000]`.

The organisation is the generated call center of `callcenter.py`; the deck is
a title slide, an overview and one slide per branch (see orgdesk.export.deck).
Target (issue 12): under 10 s.
"""
from __future__ import annotations

import resource
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


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "big.orgdesk"
        create_file(source, generate(count))
        target = Path(folder) / "deck.pptx"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "orgdesk", "export", str(source), "-o", str(target)],
                       check=True, capture_output=True, cwd=ROOT)
        took = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        from pptx import Presentation

        slides = len(Presentation(str(target)).slides)
        print(f"{count:,} positions: {took:.1f} s whole process ({cpu:.1f} s CPU, about the wall "
              f"time on a quiet machine), {slides} slides, "
              f"{target.stat().st_size / 1e6:.1f} MB (target: under 10 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
