"""Quits orgdesk while a team library call waits for a silent server; started by
test_team_quit.

`python -m tests.ui.team_quit_child FILE CASE URL` runs orgdesk on FILE through its
real entry point (`orgdesk.cli.main`), then: `dialog`: File → Team Library…, connect to
URL; `status`: FILE's origin already names URL, so the status bar asks it.  Once the
call is waiting, it prints "closing" and closes the main window as a user would; the
process then ends as orgdesk does (the parent times it from "closing").
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from orgdesk.cli import main
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.team_library_dialog import TeamLibraryDialog


def drive(app: QApplication, case: str, url: str) -> None:
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(50, lambda: drive(app, case, url))
        return
    window = windows[0]
    if case == "dialog":
        window.open_team_library()
        dialog = next(d for d in window.findChildren(TeamLibraryDialog) if d.isVisible())
        dialog.findChild(QLineEdit, "teamLibraryUrl").setText(url)
        dialog.findChild(QPushButton, "teamLibraryConnect").click()
        waiting = lambda: dialog.running  # noqa: E731
    else:
        label = window.team_status
        waiting = lambda: label.job is not None and label.state == "checking"  # noqa: E731

    def close() -> None:
        if not waiting():
            print("nothing waits for the server", flush=True)
        print("closing", flush=True)
        window.close()
    QTimer.singleShot(700, close)  # the call is well under way: connected, not answered


if __name__ == "__main__":
    path, case, url = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    application = QApplication(sys.argv[:1])  # orgdesk's run() takes this one
    QTimer.singleShot(0, lambda: drive(application, case, url))
    sys.exit(main([str(path)]))
