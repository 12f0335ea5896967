"""A child orgdesk process that edits a document through the undo stack and waits to be killed.

`python journal_child.py PATH STATUS`: opens PATH, performs the steps of
`STEPS` through a DocumentController (each one undo step, journalled like in
the window), undoes the last one, then reports the state after every step as
JSON lines ("state i {...}") and "ready", and sleeps until SIGKILL.
ORGDESK_STATE_DIR comes from the test's environment.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui.controller import DocumentController


def snapshot(org: Organisation) -> list[list[object]]:
    """What a step changes, comparable across processes."""
    return [[int(p.id), p.title, p.superior_id, p.order, p.notes, p.planned_headcount, list(p.duties)]
            for p in sorted(org.positions(), key=lambda p: p.id)] + [[org.info.title]]


def steps(controller: DocumentController) -> list[object]:
    root = controller.org.roots()[0].id
    first = controller.org.direct_reports(root)[0].id
    return [
        lambda: controller.execute("Rename", lambda s: s.edit_position(first, title="改名 renamed")),
        lambda: controller.execute("Add", lambda s: s.new_position("新岗位 added", root,
                                                                    duties=("接听", "记录"))),
        lambda: controller.execute("Seats", lambda s: s.edit_position(first, planned_headcount=7)),
        lambda: controller.execute("Notes", lambda s: s.edit_position(
            PositionId(root), notes="line\n“quoted” \"x\" <&>")),
        lambda: controller.execute("Move", lambda s: s.move_position(
            max(p.id for p in s.org.positions()), first, 0)),
    ]


def main() -> None:
    path, status_path = Path(sys.argv[1]), Path(sys.argv[2])
    app = QCoreApplication(sys.argv[:1])  # noqa: F841 - the undo stack's signals need one
    status = open(status_path, "a", encoding="utf-8")  # noqa: SIM115 (lives until killed)

    def report(line: str) -> None:
        status.write(line + "\n")
        status.flush()

    controller = DocumentController(DocumentService(DocumentFile.open(path)))
    states = [snapshot(controller.org)]
    for step in steps(controller):
        assert step() is not None
        states.append(snapshot(controller.org))
    controller.undo_stack.undo()  # the last step stays in the history, undone
    for i, state in enumerate(states):
        report(f"state {i} " + json.dumps(state, ensure_ascii=False))
    report(f"index {controller.undo_stack.index()}")
    report("ready")
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
