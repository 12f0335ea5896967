"""A 1,500-position handbook PDF, whole process and by step.

Run by hand: `.venv/bin/python benchmarks/handbook_pdf.py [1500]`.

The organisation is the generated call center of `callcenter.py` (运营总监 →
运营经理 → 项目经理 → 组长 → 座席员 ×14, 质检员, 培训员, 资深座席, and
single-seat 专员 posts under the director's assistant): identical job
descriptions merge, so the handbook describes a few hundred distinct jobs and
draws the chart as an overview plus one landscape page per branch.

Target (issue 12): under 5 s for the whole `orgdesk handbook … -o x.pdf`.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from callcenter import generate  # noqa: E402  # after the path set-up above

from orgdesk.storage.document import create_file  # noqa: E402  # after the path set-up above


def steps(count: int) -> None:
    """Each step of `render_handbook` in this process (Qt started once, beforehand)."""
    from orgdesk.export.handbook.content import build_content, printable_organisation
    from orgdesk.export.handbook.images import (
        bar_chart_picture,
        chinese_font_family,
        org_chart_pictures,
    )
    from orgdesk.export.handbook.pdf_writer import render_pdf
    from orgdesk.paint.svg_render import ensure_gui

    ensure_gui()
    org = generate(count)
    clock = time.perf_counter
    start = clock()
    printable = printable_organisation(org, "zh")
    content = build_content(printable, date.today(), "", "zh")
    made = clock()
    charts = org_chart_pictures(printable, "zh", content.labels, png=False)
    drawn = clock()
    family = chinese_font_family()
    pdf = render_pdf(content, charts, bar_chart_picture(content.analysis, family), family)
    done = clock()
    print(f"  content ({len(content.sheets)} descriptions): {made - start:.2f} s")
    print(f"  chart ({len(charts)} landscape pages): {drawn - made:.2f} s")
    print(f"  pages: {done - drawn:.2f} s ({len(pdf) / 1e6:.1f} MB)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "big.orgdesk"
        create_file(source, generate(count))
        target = Path(folder) / "handbook.pdf"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "orgdesk", "handbook", str(source), "-o",
                                 str(target)], capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # Graphviz's `dot` is a child of the child, waited for: its time is counted too.
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        pages = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                               check=False).stdout
        count_line = next((line for line in pages.splitlines() if line.startswith("Pages:")), "")
        print(f"orgdesk handbook, {count:,} positions -> PDF: {elapsed:.2f} s "
              f"({cpu:.2f} s CPU; {count_line.split(':')[-1].strip()} pages)")
    steps(count)


if __name__ == "__main__":
    main()
