"""A child orgdesk for the kill loop of `make stress`: start like the app, then open, edit or save.

Run as `python -m tests.adversarial.kill_child MODE PATH STATUS` and killed with
SIGKILL at a random moment by tools/stress.py.  Every child starts the way the
editor does after a crash: it opens PATH and, when unsaved changes of an
earlier session are offered, accepts them (the dialog's default).  It then
reports what it found (so each child verifies the kill before it) and goes on:

  open   report "ready" and wait (the kill lands in start-up, recovery or open)
  edit   commit edits forever, reporting "edited i" after each commit
  save   edit and save forever, reporting "saving i" and "saved i"

Each STATUS line is JSON, flushed at once, so a kill loses nothing reported.
"""
from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path

UNSAVED_PREFIX = "未保存 unsaved "


def main() -> None:
    mode, path, status_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    status = open(status_path, "a", encoding="utf-8")  # noqa: SIM115 - lives until killed

    def report(**fields: object) -> None:
        status.write(json.dumps(fields, ensure_ascii=False) + "\n")
        status.flush()

    report(event="imported-python")
    from orgdesk.core.errors import UserError
    from orgdesk.services.editor import DocumentService
    from orgdesk.storage.document import DocumentFile
    from orgdesk.storage.errors import RecoveryAvailable
    from tests.storage.crash_child import apply_iteration, iteration_of

    report(event="imported")
    recovered = False
    try:
        try:
            doc = DocumentFile.open(path)
        except RecoveryAvailable:
            recovered = True
            doc = DocumentFile.open(path, recover=True)
        service = DocumentService(doc)
    except UserError as exc:
        report(event="start-refused", type=type(exc).__name__, message=str(exc))
        raise SystemExit(1) from None
    except BaseException as exc:  # noqa: BLE001 - a start that fails is what we count
        report(event="start-crashed", type=type(exc).__name__, message=str(exc)[:300],
               traceback=traceback.format_exc()[-2000:])
        raise SystemExit(70) from None
    org = service.org
    unsaved = sorted(int(p.title[len(UNSAVED_PREFIX):]) for p in org.positions()
                     if p.title.startswith(UNSAVED_PREFIX))
    report(event="started", recovered=recovered, iteration=iteration_of(org.info.title),
           unsaved=unsaved, positions=len(org))
    if mode == "open":
        report(event="ready")
        while True:
            time.sleep(60)
    if mode == "edit":
        i = max(unsaved, default=0)
        root = org.roots()[0].id
        while True:
            i += 1
            service.new_position(f"{UNSAVED_PREFIX}{i}", root, duties=(f"duty {i}",))
            report(event="edited", i=i)
    if mode == "save":
        i = iteration_of(org.info.title)
        while True:
            i += 1
            apply_iteration(service, i)
            report(event="saving", i=i)
            doc.save()
            report(event="saved", i=i)
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
