"""Writing an exported file so that a failure never leaves a partial file under its name.

The bytes go to a temporary file beside the target, are flushed to disk, and
only then renamed over the target (atomic on one file system); the folder is
flushed too so the rename survives a crash.  Every OS error becomes an
`ExportFailed` sentence naming the file and the reason.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from orgdesk.core.errors import UserError
from orgdesk.storage.errors import name_of
from orgdesk.storage.sqlite_file import fsync_path


class ExportFailed(UserError):
    """An export that could not be written or rendered; the target is unchanged."""


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return "the disk is full"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return (exc.strerror or str(exc)).rstrip(".").lower()


def check_target(target: Path) -> None:
    """Refuse a target that cannot be written, before any slow rendering starts."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFailed(f"Cannot export to {name_of(target)}: the folder “{folder}” does not exist.")
    if target.is_dir():
        raise ExportFailed(f"Cannot export to {name_of(target)}: a folder has that name.")
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        raise ExportFailed(f"Cannot export to {name_of(target)}: the file is read-only.")
    if not folder.stat().st_mode & stat.S_IWUSR or not os.access(folder, os.W_OK):
        raise ExportFailed(f"Cannot export to {name_of(target)}: the folder is read-only.")


def write_atomically(target: Path, data: bytes) -> None:
    """Replace `target` by `data` completely or not at all."""
    check_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".exporting")
        tmp = Path(name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # what a plain new file would get
        os.replace(tmp, target)
        tmp = None
        fsync_path(folder, directory=True)
    except OSError as exc:
        raise ExportFailed(f"Cannot export to {name_of(target)}: {_reason(exc)}; "
                           "no file was written under that name.") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _read_umask() -> int:
    # os.umask can only be read by setting it, which is not thread-safe; read it
    # once at import (exports run in worker threads later).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
