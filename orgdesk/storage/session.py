"""Per-document session folders: the working copy, its lock and its bookkeeping.

Edits never touch the user's file: they are committed to a working copy in
orgdesk's state folder, one folder per open document.  The folder's lock is
an OS file lock (flock / msvcrt), so it dies with the process that held it —
a killed orgdesk never leaves a document "in use" — and a folder whose lock
is free but whose working copy holds unsaved edits is offered for recovery.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from orgdesk.core.errors import Sentence
from orgdesk.storage.errors import FileInUse, name_of

WORKING_NAME = "working.orgdesk"
INFO_NAME = "session.json"
LOCK_NAME = "lock"


def state_dir() -> Path:
    """Where working copies live: $ORGDESK_STATE_DIR, else the platform's place."""
    override = os.environ.get("ORGDESK_STATE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "orgdesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "orgdesk"
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "orgdesk"


def sessions_dir() -> Path:
    return state_dir() / "sessions"


def session_key(document: Path | None) -> str:
    """One folder per document path; untitled documents get a random one."""
    if document is None:
        return "untitled-" + uuid.uuid4().hex[:12]
    return hashlib.sha256(os.path.realpath(document).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@dataclass
class SessionInfo:
    """What session.json records about a working copy."""

    document: str | None
    saved_counter: int
    started: str

    @classmethod
    def read(cls, folder: Path) -> SessionInfo | None:
        try:
            data = json.loads((folder / INFO_NAME).read_text("utf-8"))
            return cls(data.get("document"), int(data.get("saved_counter", -1)),
                       str(data.get("started", "")))
        except (OSError, ValueError, TypeError):
            return None

    def write(self, folder: Path) -> None:
        tmp = folder / (INFO_NAME + ".tmp")
        tmp.write_text(json.dumps(self.__dict__, ensure_ascii=False), "utf-8")
        os.replace(tmp, folder / INFO_NAME)


class SessionFolder:
    """A locked session folder, owned by this process until `release()`."""

    def __init__(self, folder: Path, lock_handle: IO[bytes]) -> None:
        self.folder = folder
        self._lock_handle: IO[bytes] | None = lock_handle

    @property
    def working_path(self) -> Path:
        return self.folder / WORKING_NAME

    @classmethod
    def acquire(cls, key: str, document: Path | None) -> SessionFolder:
        folder = sessions_dir() / key
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK_NAME, "a+b")
        if not _try_lock(handle):
            handle.seek(0)
            owner = handle.read().decode("ascii", "replace").strip()
            handle.close()
            raise FileInUse(document or folder, Sentence.of(
                "{file} is already open in another orgdesk window (process {owner}).",
                file=name_of(document) if document else "“?”", owner=owner or "?"))
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode("ascii"))
        handle.flush()
        return cls(folder, handle)

    def release(self, remove: bool) -> None:
        """Unlock; with `remove`, delete the working copy and the folder first."""
        if remove:
            for name in (WORKING_NAME, INFO_NAME, INFO_NAME + ".tmp"):
                try:
                    (self.folder / name).unlink()
                except FileNotFoundError:
                    pass
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None
        if remove:
            shutil.rmtree(self.folder, ignore_errors=True)


@dataclass(frozen=True)
class Recoverable:
    """A working copy with unsaved edits left by an orgdesk that did not close."""

    key: str
    folder: Path
    document: Path | None
    last_edit: datetime


def change_counter(path: Path) -> int:
    """SQLite's file change counter (header bytes 24-27): bumps on every commit."""
    with open(path, "rb") as handle:
        handle.seek(24)
        return int.from_bytes(handle.read(4), "big")


def find_recoverable() -> list[Recoverable]:
    """Unlocked session folders whose working copy has edits newer than its last save."""
    found = []
    root = sessions_dir()
    if not root.is_dir():
        return found
    for folder in sorted(root.iterdir()):
        working = folder / WORKING_NAME
        if not working.is_file():
            continue
        try:
            probe = SessionFolder.acquire(folder.name, None)
        except FileInUse:
            continue  # a live orgdesk owns it
        try:
            info = SessionInfo.read(folder)
            if info is None or change_counter(working) == info.saved_counter:
                probe.release(remove=True)  # nothing unsaved: clean it away
                continue
            mtime = datetime.fromtimestamp(working.stat().st_mtime, timezone.utc)
            found.append(Recoverable(folder.name, folder,
                                     Path(info.document) if info.document else None, mtime))
        finally:
            probe.release(remove=False)
    return found
