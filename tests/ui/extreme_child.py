"""Opens an extreme document in the editor window; started by test_extreme_documents.

`python -m tests.ui.extreme_child SHAPE N` builds the organisation in memory
(`chain`: N levels; `star`: N - 1 reports of one position; `note`: a position
whose note, title, department, duty, skill, other requirements and KPI are each
one unbroken word of N characters), opens it in a MainWindow offscreen, shows
the long-text position's panels, waits for the chart and prints "done".
"""
from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp(prefix="orgdesk-extreme-"))

from PySide6.QtWidgets import QApplication

from orgdesk.core.model import (
    Department,
    DepartmentId,
    Kpi,
    Position,
    PositionId,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.export_dialog import ExportChartDialog
from orgdesk.ui.handbook_dialog import HandbookDialog
from orgdesk.ui.main_window import MainWindow
from tests.analysis.extreme_child import build


def long_text_org(n: int) -> Organisation:
    word = "长" * (n // 2) + "x" * (n - n // 2)  # no space or line break anywhere
    return Organisation(
        departments=[Department(DepartmentId(1), "D" + word)],
        positions=[
            Position(PositionId(1), "T" + word, department_id=DepartmentId(1), notes=word,
                     duties=(word, "short duty"), kpis=(Kpi(word, word),), career_path=word,
                     requirements=Requirements(skills=(word,), other=word)),
            Position(PositionId(2), "report", PositionId(1), notes=word)])


def main(shape: str, n: int) -> None:
    app = QApplication.instance() or QApplication([])
    org = long_text_org(n) if shape == "note" else build(shape, n)
    start = time.perf_counter()
    window = MainWindow(DocumentController(DocumentService(DocumentFile.new(org))))
    window.show()
    app.processEvents()
    window.select_position(PositionId(1))
    while window.chart.view.chart_layout() is None:
        app.processEvents()
    app.processEvents()
    window.grab()  # paint everything once, the long texts included
    print(f"open: {time.perf_counter() - start:.2f} s", flush=True)
    # The dialogs list every position to choose a branch from.
    start = time.perf_counter()
    for dialog in (ExportChartDialog(org, window), HandbookDialog(org, "x", parent=window)):
        dialog.show()
        app.processEvents()
        dialog.hide()
    print(f"dialogs: {time.perf_counter() - start:.2f} s", flush=True)
    print("done", flush=True)
    # Closing would ask about the untitled document; the state folder is temporary.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
