"""Where a bug's traceback goes: one log file in orgdesk's state folder.

Users see one sentence; the traceback is appended here for whoever fixes it.
The command line and the window's background jobs write the same file.
"""
from __future__ import annotations

import traceback
from pathlib import Path


def write_crash_log(error: BaseException) -> Path | None:
    """Append `error`'s traceback to the crash log; the log's path, or None if unwritable."""
    try:
        from orgdesk.storage.session import state_dir

        log = state_dir() / "crash.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(error)) + "\n")
        return log
    except OSError:
        return None
