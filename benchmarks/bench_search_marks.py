"""Search marks on a generated 10,000-position call center: marking every match in the
tree and the chart (issue 13's target: 1,000 matches under 100 ms).

Run by hand: `QT_QPA_PLATFORM=offscreen python benchmarks/bench_search_marks.py [COUNT]`.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from callcenter import generate
from PySide6.QtWidgets import QApplication

from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.ui import search_marks
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.main_window import MainWindow


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    app = QApplication.instance() or QApplication([])
    path = Path(tempfile.mkdtemp(prefix="orgdesk-bench-search-")) / "big.orgdesk"
    create_file(path, generate(count))
    service = DocumentService(DocumentFile.open(path))
    window = MainWindow(DocumentController(service))
    window.show()
    while window.chart.view.chart_layout() is None:
        app.processEvents()
    ids = [p.id for p in service.org.positions()]
    rows = []
    for matches in (100, 1000, 5000):
        chosen = ids[::max(1, len(ids) // matches)][:matches]
        times = []
        for _ in range(5):
            start = time.perf_counter()
            search_marks.show_matches(window, chosen, reveal=True)
            app.processEvents()
            times.append(time.perf_counter() - start)
            search_marks.show_matches(window, [])
            app.processEvents()
        rows.append((len(chosen), statistics.median(times) * 1000, max(times) * 1000))
    print(f"| matches ({count:,} positions) | median ms | max ms |\n|---:|---:|---:|")
    for matches, median, worst in rows:
        print(f"| {matches:,} | {median:.1f} | {worst:.1f} |")
    service.file.close()


if __name__ == "__main__":
    main()
