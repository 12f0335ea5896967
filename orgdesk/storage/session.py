"""Per-document session folders: the working copy, its lock and its bookkeeping.

Edits never touch the user's file: they are committed to a working copy in
orgdesk's state folder, one folder per open document.  The folder's lock is
an OS file lock (flock / msvcrt), so it dies with the process that held it —
a killed orgdesk never leaves a document "in use" — and a folder whose lock
is free but whose working copy holds unsaved edits is offered for recovery.

A kill may come at any instant, so the folder is written in an order where
every intermediate state is harmless: `session.json` is what makes a working
copy a recovery candidate, and it only ever describes a complete working
copy.  Opening removes the old `session.json` first, builds the new working
copy under a temporary name, fsyncs and renames it, and writes the new
`session.json` last (itself through a temporary name, fsync and rename).
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO
from urllib.parse import quote

from orgdesk.core.errors import Sentence
from orgdesk.files import fsync_path
from orgdesk.storage.errors import FileInUse, WorkingCopyProblem, name_of
from orgdesk.storage.locks import Fingerprint
from orgdesk.storage.sqlite_file import harden

WORKING_NAME = "working.orgdesk"
#: A working copy being built; never a recovery candidate.
BUILDING_NAME = "working.orgdesk.new"
INFO_NAME = "session.json"
LOCK_NAME = "lock"
#: The undo history of the working copy (see undo_journal.py); it belongs to the copy.
JOURNAL_NAME = "undo.jsonl"
SET_ASIDE = "set-aside"


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


def set_aside_dir() -> Path:
    """Where damaged working copies are kept instead of being offered or deleted."""
    return state_dir() / SET_ASIDE


def session_key(document: Path | None) -> str:
    """One folder per document path; untitled documents get a random one."""
    if document is None:
        return "untitled-" + uuid.uuid4().hex[:12]
    real = os.path.realpath(document).encode("utf-8", "surrogatepass")
    return hashlib.sha256(real).hexdigest()[:24]


def state_disk_problem(exc: BaseException) -> bool:
    """True when `exc` says the state folder's disk is full or failing."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG)
    return False


def working_copy_problem(document: Path | None, exc: BaseException) -> WorkingCopyProblem:
    """The sentence for a state folder that cannot be written."""
    file = name_of(document) if document else "“?”"
    if isinstance(exc, OSError) and exc.errno == errno.EIO:
        return WorkingCopyProblem(document or state_dir(), Sentence.of(
            "Cannot open {file}: the disk holding orgdesk's working copies cannot be written; "
            "{file} itself is unchanged.", file=file))
    return WorkingCopyProblem(document or state_dir(), Sentence.of(
        "Cannot open {file}: the disk holding orgdesk's working copies is full; "
        "{file} itself is unchanged.", file=file))


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


def write_durably(path: Path, data: bytes) -> None:
    """Replace `path` with `data` through a temporary name, fsynced before and after."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_path(path.parent, directory=True)


@dataclass
class SessionInfo:
    """What session.json records about a complete working copy.

    `saved_counter` is the working copy's SQLite change counter at the last
    open or save: a different counter means committed, unsaved edits.
    `saving` is written just before Save renames its new file over the
    document: if orgdesk dies right after the rename, the counter and the
    inode it names show that the save did complete.  `fingerprint` is the
    document file as last read or written, to notice changes by others.
    """

    document: str | None
    saved_counter: int
    started: str
    upgraded_from: int | None = None
    fingerprint: Fingerprint | None = None
    saving: dict[str, int] | None = field(default=None)

    @classmethod
    def read(cls, folder: Path) -> SessionInfo | None:
        try:
            data = json.loads((folder / INFO_NAME).read_text("utf-8"))
            if not isinstance(data, dict):
                return None
            upgraded = data.get("upgraded_from")
            saving = data.get("saving")
            return cls(data.get("document"), int(data.get("saved_counter", -1)),
                       str(data.get("started", "")),
                       int(upgraded) if upgraded is not None else None,
                       Fingerprint.from_json(data.get("fingerprint")),
                       {k: int(v) for k, v in saving.items()} if isinstance(saving, dict)
                       else None)
        except (OSError, ValueError, TypeError, AttributeError):
            return None

    def write(self, folder: Path) -> None:
        data = dict(self.__dict__, fingerprint=self.fingerprint.to_json()
                    if self.fingerprint else None)
        try:
            raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: \udcXX escapes round-trip
            raw = json.dumps(data).encode("ascii")
        write_durably(folder / INFO_NAME, raw)

    def save_completed(self, working: Path) -> bool:
        """True when a Save recorded in `saving` got as far as renaming its file into place."""
        if not self.saving or self.document is None:
            return False
        try:
            st = os.stat(self.document)
            return change_counter(working) == self.saving.get("counter") and \
                (st.st_dev, st.st_ino) == (self.saving.get("dev"), self.saving.get("ino"))
        except OSError:
            return False


def session_owner(document: Path) -> int | None:
    """The process id of the orgdesk holding `document`'s session lock, if one does."""
    folder = sessions_dir() / session_key(document)
    try:
        with open(folder / LOCK_NAME, "rb") as handle:
            if _try_lock(handle):  # free: nobody owns it (the lock goes with the handle)
                return None
            handle.seek(0)
            text = handle.read(32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and 0 < int(text) < 2**31 else None


class SessionFolder:
    """A locked session folder, owned by this process until `release()`."""

    def __init__(self, folder: Path, lock_handle: IO[bytes]) -> None:
        self.folder = folder
        self._lock_handle: IO[bytes] | None = lock_handle

    @property
    def working_path(self) -> Path:
        return self.folder / WORKING_NAME

    @property
    def building_path(self) -> Path:
        return self.folder / BUILDING_NAME

    @classmethod
    def acquire(cls, key: str, document: Path | None) -> SessionFolder:
        folder = sessions_dir() / key
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Unbuffered: a pid that cannot be written (full disk) is never flushed later.
            handle = open(folder / LOCK_NAME, "a+b", buffering=0)  # noqa: SIM115 - held open: it is the lock
        except OSError as exc:
            if state_disk_problem(exc):
                raise working_copy_problem(document, exc) from None
            raise
        if not _try_lock(handle):
            handle.seek(0)
            owner = handle.read().decode("ascii", "replace").strip()
            handle.close()
            raise FileInUse(document or folder, Sentence.of(
                "{file} is already open in another orgdesk window (process {owner}).",
                file=name_of(document) if document else "“?”", owner=owner or "?"))
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()).encode("ascii"))
            handle.flush()
        except OSError:
            pass  # the pid is only shown in messages; a full disk must not stop us here
        return cls(folder, handle)

    def forget_info(self) -> None:
        """Remove session.json first, so nothing written next is taken for edits."""
        try:
            (self.folder / INFO_NAME).unlink()
        except FileNotFoundError:
            return
        fsync_path(self.folder, directory=True)

    def discard_building(self) -> None:
        """Delete a working copy that was being built (and its journal) when we died."""
        for name in (BUILDING_NAME, BUILDING_NAME + "-journal", INFO_NAME + ".tmp"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / name).unlink()

    def discard_working(self) -> None:
        """Delete the old working copy with its journal, before a new one is renamed in.

        A killed orgdesk may have left a hot journal beside it; renaming a new
        working copy in beside that journal would let SQLite "roll back" the
        old transaction's pages into the new file.  Only called after
        session.json is gone, so the old copy was already no candidate.
        """
        for name in (WORKING_NAME, WORKING_NAME + "-journal", JOURNAL_NAME,
                     JOURNAL_NAME + ".tmp"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / name).unlink()

    def set_aside(self) -> Path:
        """Move the working copy and session.json out of the way, kept for an expert."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = set_aside_dir() / f"{self.folder.name}-{stamp}-{uuid.uuid4().hex[:6]}"
        target.mkdir(parents=True, exist_ok=True)
        for name in (WORKING_NAME, WORKING_NAME + "-journal", INFO_NAME, JOURNAL_NAME):
            with contextlib.suppress(FileNotFoundError):
                os.replace(self.folder / name, target / name)
        fsync_path(self.folder, directory=True)
        return target

    def release(self, remove: bool) -> None:
        """Unlock; with `remove`, delete the working copy and the folder first."""
        if remove:
            # session.json first: a kill part-way never leaves it without its working copy.
            for name in (INFO_NAME, INFO_NAME + ".tmp", WORKING_NAME, BUILDING_NAME,
                         BUILDING_NAME + "-journal", JOURNAL_NAME, JOURNAL_NAME + ".tmp"):
                with contextlib.suppress(FileNotFoundError):
                    (self.folder / name).unlink()
        if self._lock_handle is not None:
            with contextlib.suppress(OSError):
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


def settle_journal(working: Path) -> None:
    """Let SQLite roll back a transaction a killed orgdesk left half-committed.

    A kill during a commit leaves a hot journal beside the working copy;
    SQLite restores the last committed state the first time the file is read
    through a writable connection.  Until then the header's change counter
    may belong to the unfinished transaction.  Raises sqlite3.Error when the
    file is not a database.
    """
    uri = f"file:{quote(str(working))}?mode=rw"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        harden(conn)
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    finally:
        conn.close()
