"""Writing a finished handbook: temp file beside the target, fsync, rename.

A handbook is produced completely in memory first, so a failure while
rendering never touches the target, and a crash or full disk while writing
leaves the previous file (or none), never a partial one under its name.
"""
from __future__ import annotations

import contextlib
import errno
import os
import uuid
from pathlib import Path

from orgdesk.core.errors import UserError


class HandbookWriteError(UserError):
    """The handbook could not be written where the user asked."""


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Put `data` at `target` so that readers see the old file or the whole new one."""
    folder = target.parent
    if not folder.is_dir():
        raise HandbookWriteError(f"Cannot write “{target.name}”: the folder “{folder}” does not exist.")
    if target.is_dir():
        raise HandbookWriteError(f"Cannot write “{target.name}”: a folder has that name.")
    tmp = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.writing"
    try:
        with open(tmp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno == errno.ENOSPC:
            reason = "the disk is full"
        elif isinstance(exc, PermissionError):
            reason = "permission denied"
        else:
            reason = exc.strerror or str(exc)
        raise HandbookWriteError(f"Cannot write “{target.name}”: {reason}; "
                                 "any previous file of that name is unchanged.") from None


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # Windows cannot open folders; its rename is durable already
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
