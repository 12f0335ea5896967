"""A child process that opens files in the real editor window, one after another.

Run as `python -m tests.adversarial.gui_worker JOBS.jsonl STATUS` with
QT_QPA_PLATFORM=offscreen.  It goes through the same path as `orgdesk FILE`
(`OrgdeskApp.open_path`: validation, working copy, MainWindow with its tree,
panels and chart), lets the window build and paint for a moment, then closes
it discarding nothing (no edit is made).  Questions that would show a modal
box are answered as a user pressing Enter would (recover: yes) and recorded.
An exception that reaches Qt's event loop (sys.excepthook) is recorded too.
Like cli_worker, a job that kills the process or never ends leaves only its
"start" line in STATUS.
"""
from __future__ import annotations

import json
import os
import sys
import time
import traceback
from pathlib import Path

from tests.adversarial.cli_worker import fingerprint

#: How long a window is left to build its chart and paint (the chart waits 250 ms).
SETTLE_MS = 600


def main() -> None:
    jobs_path, status_path = Path(sys.argv[1]), Path(sys.argv[2])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from orgdesk.ui import dialogs
    from orgdesk.ui.app import OrgdeskApp, configure_application

    settings = Path(os.environ["ORGDESK_STATE_DIR"]) / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings))

    asked: list[str] = []
    unexpected: list[str] = []

    def record(kind: str, answer: object):
        def ask(_parent: object, *args: object, **_kwargs: object) -> object:
            asked.append(f"{kind}: {args[0] if args else ''}")
            return answer
        return ask

    dialogs.show_error = record("error", None)
    dialogs.show_info = record("info", None)
    dialogs.ask_recover = record("recover", True)
    dialogs.ask_save_changes = record("save-changes", "discard")

    def hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
        unexpected.append("".join(traceback.format_exception(kind, value, tb)))  # type: ignore[arg-type]  # inside sys.excepthook: the exception is set

    sys.excepthook = hook
    app = QApplication.instance() or QApplication(["orgdesk"])
    configure_application(app)  # type: ignore[arg-type]  # QApplication.instance() is the QApplication here
    orgdesk = OrgdeskApp(app)
    jobs = [json.loads(line) for line in jobs_path.read_text("utf-8").splitlines() if line]
    with open(status_path, "a", encoding="utf-8") as status:
        for job in jobs:
            status.write(json.dumps({"start": job["id"]}) + "\n")
            status.flush()
            path = Path(job["inputs"][0])
            before = fingerprint(path)
            asked.clear()
            unexpected.clear()
            started = time.perf_counter()
            outcome = "refused"
            try:
                window = orgdesk.open_path(path)
                if window is not None:
                    outcome = "opened"
                    QTest.qWait(SETTLE_MS)
                    window.close()
                    window.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                QApplication.processEvents()
            except BaseException:  # noqa: BLE001 - recorded as a failure by the parent
                unexpected.append(traceback.format_exc())
            seconds = time.perf_counter() - started
            after = fingerprint(path)
            status.write(json.dumps({
                "id": job["id"], "code": 0 if outcome == "opened" else 1,
                "outcome": outcome, "seconds": round(seconds, 3),
                "stdout": "", "stderr": "\n".join(asked),
                "traceback": "\n".join(unexpected),
                "changed": [str(path)] if before != after else [],
                "outputs": [], "windows_left": len(orgdesk.windows),
            }, ensure_ascii=True) + "\n")
            status.flush()
            for window in list(orgdesk.windows):  # a window that refused to close
                window.close()


if __name__ == "__main__":
    main()
