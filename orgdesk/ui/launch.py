"""Starting the GUI: display detection before Qt loads, then the application."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def display_problem() -> str | None:
    """One sentence when no display is reachable, instead of Qt's abort."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None  # the user chose a platform (offscreen, xcb, wayland…)
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return ("no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                    "run orgdesk in a desktop session, or use its headless commands "
                    "(orgdesk --help).")
    return None


def launch(path: Path | None) -> int:
    problem = display_problem()
    if problem:
        print(f"orgdesk: {problem}", file=sys.stderr)
        return 1
    from orgdesk.ui.app import run

    return run(path)
