"""Every export reaches its file through a temporary file, fsync and rename.

A crash, a full disk or a bug halfway through leaves the previous file (or
nothing) at the target, never half an export; the temporary file is removed.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import IO

from orgdesk.io.problems import ExportFailed, name_of
from orgdesk.storage.sqlite_file import fsync_path


def write_atomically(target: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Call `write` on a temporary file beside `target`, then put it in place."""
    target = Path(target).absolute()
    folder = target.parent
    if not folder.is_dir():
        raise ExportFailed(f"Cannot write {name_of(target)}: the folder “{folder}” does not exist.")
    if target.is_dir():
        raise ExportFailed(f"Cannot write {name_of(target)}: a folder has that name.")
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        raise ExportFailed(f"{name_of(target)} is read-only; choose another name.")
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.writing")
    try:
        with open(tmp, "xb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_path(folder, directory=True)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        raise ExportFailed(f"Cannot write {name_of(target)}: {reason}; "
                           "nothing was changed.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
