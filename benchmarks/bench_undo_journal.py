"""What keeping the undo history beside the working copy costs an edit.

Run by hand: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_undo_journal.py`.
A 10,000-position document; a one-field edit and a 1,000-position bulk edit, each
through the document controller (one undo step), with the journal and without it.
The working copy lives in a temporary state folder on the disk under /tmp.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp(prefix="orgdesk-bench-"))

from PySide6.QtCore import QCoreApplication  # after the path set-up above

from orgdesk.core.model import Position, PositionId  # after the path set-up above
from orgdesk.core.organisation import Organisation  # after the path set-up above
from orgdesk.services import DocumentService  # after the path set-up above
from orgdesk.storage.document import DocumentFile  # after the path set-up above
from orgdesk.ui.controller import DocumentController  # after the path set-up above


def organisation(size: int) -> Organisation:
    org = Organisation()
    org.add_position(Position(PositionId(1), "客服中心总监"))
    for i in range(2, size + 1):
        org.add_position(Position(PositionId(i), f"座席员 {i}", PositionId(1 + (i - 2) // 10),
                                  duties=("接听来电", "记录工单")))
    return org


def per_step(steps: int, step: Callable[[int], object]) -> float:
    start = time.perf_counter()
    for k in range(steps):
        step(k)
    return (time.perf_counter() - start) / steps * 1000


def main() -> None:
    app = QCoreApplication(sys.argv[:1])  # noqa: F841 - the undo stack's signals need one
    controller = DocumentController(DocumentService(DocumentFile.new(organisation(10_000))))
    journal = controller.journal.journal

    def rename(k: int) -> None:
        controller.execute("Rename", lambda s: s.edit_position(PositionId(5), title=f"t{k}"))

    def bulk(k: int) -> None:
        def edit(service: DocumentService) -> None:
            for i in range(2, 1002):
                service.edit_position(PositionId(i), level=f"L{k}")
        controller.execute("Bulk", edit)

    for name, steps, step in (("one field", 30, rename), ("1,000 positions", 4, bulk)):
        journal.broken = False
        with_journal = per_step(steps, step)
        journal.broken = True  # the keeper then writes nothing
        without = per_step(steps, step)
        print(f"{name}: {with_journal:.1f} ms per step with the journal, {without:.1f} without")
    controller.undo_stack.clear()
    controller.service.file.close()


if __name__ == "__main__":
    main()
