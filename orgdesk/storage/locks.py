"""Advisory locks on the user's document itself, and on Save's temporary files.

The lock that says "this document is being edited" belongs to the file, not
to a path in one user's state folder: a hard link, a symlink, a second state
folder or a second user all reach the same inode, so they all meet the same
lock.  Which primitive:

* Linux: an open-file-description lock (`F_OFD_SETLK`) on one byte far past
  anything SQLite touches (SQLite locks bytes near 1 GiB).  OFD locks belong
  to our open file, so SQLite closing its own descriptor of the same file
  never drops them (classic POSIX locks would be dropped), they never clash
  with SQLite's locks, and NFS servers honour them.
* Other POSIX systems: `flock`, which is likewise tied to the open file.
* Windows: `msvcrt.locking` on the same far byte.

The file is opened read-write for an exclusive lock; a file we may only read
(read-only media, another user's file) gets a shared lock, which still meets
an editor's exclusive one.  A filesystem that cannot lock at all (some
network shares) gives an unheld lock with a sentence saying so; Save still
checks that the file did not change on disk (see `Fingerprint`).
"""
from __future__ import annotations

import errno
import hashlib
import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from orgdesk.core.errors import Sentence
from orgdesk.storage.errors import FileInUse, name_of

#: The locked byte: past SQLite's lock bytes (0x40000000 + 512) and any real file size.
LOCK_OFFSET = 1 << 62

#: errno values meaning "this filesystem does not do locks", not "someone holds it".
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL,
                getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}
_BUSY = {errno.EAGAIN, errno.EACCES, getattr(errno, "EWOULDBLOCK", errno.EAGAIN),
         getattr(errno, "EDEADLK", errno.EAGAIN)}


class LockUnsupported(OSError):
    """The filesystem holding the file cannot lock it."""


def _lock_fd(fd: int, exclusive: bool) -> bool:
    """Try to lock `fd` without waiting: True when held, False when another holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        import fcntl

        ofd = getattr(fcntl, "F_OFD_SETLK", None)
        if ofd is not None:
            kind = fcntl.F_WRLCK if exclusive else fcntl.F_RDLCK
            # struct flock: type, whence, start, len, pid (0 for OFD locks), padding.
            fcntl.fcntl(fd, ofd, struct.pack("hhqqi4x", kind, os.SEEK_SET, LOCK_OFFSET, 1, 0))
        else:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in _BUSY:
            return False
        if exc.errno in _UNSUPPORTED:
            raise LockUnsupported(exc.errno, exc.strerror) from None
        raise


def identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


@dataclass
class FileLock:
    """An open descriptor holding a lock on one file (or `held=False` where none is possible)."""

    fd: int
    held: bool
    exclusive: bool

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing our descriptor drops an OFD lock or a flock
            self.fd = -1

    @property
    def identity(self) -> tuple[int, int]:
        return identity(os.fstat(self.fd))


def _open_for_lock(path: Path) -> tuple[int, bool]:
    """A descriptor of `path` (following symlinks) and whether it can take an exclusive lock."""
    try:
        return os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0)), True
    except PermissionError:
        return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0)), False
    except OSError as exc:
        if exc.errno != errno.EROFS:
            raise
        return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0)), False


def try_lock_path(path: Path) -> FileLock | None:
    """Lock the file at `path` as it is now; None if another process holds its lock.

    Raises LockUnsupported where the filesystem cannot lock, OSError if the
    file cannot be opened.  Retries when `path` was replaced between opening
    and locking, so the lock always belongs to the file the path names.
    """
    for _attempt in range(10):
        fd, writable = _open_for_lock(path)
        try:
            if not _lock_fd(fd, exclusive=writable):
                os.close(fd)
                return None
            if identity(os.stat(path)) == identity(os.fstat(fd)):
                return FileLock(fd, True, writable)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # replaced meanwhile (a save renamed a new file in): lock the new one
    raise OSError(errno.EAGAIN, "the file keeps being replaced")


def lock_document(path: Path) -> tuple[FileLock, Sentence | None]:
    """The editing lock of the document at `path`, or FileInUse.

    On a filesystem without locks the returned lock is not held and the
    sentence tells the user that orgdesk cannot keep others out of the file.
    """
    try:
        lock = try_lock_path(path)
    except LockUnsupported:
        fd, writable = _open_for_lock(path)
        return FileLock(fd, False, writable), Sentence.of(
            "{file} is on a drive that cannot be locked: orgdesk cannot stop another program "
            "or user from editing it at the same time.", file=name_of(path))
    if lock is None:
        raise FileInUse(path, Sentence.of(
            "{file} is already open in another orgdesk (another window, another user or "
            "another computer).", file=name_of(path)))
    return lock, None


def create_locked(path: Path) -> FileLock | None:
    """Create the new empty file `path` and lock it; None if that name is taken or busy.

    Another orgdesk cleaning stale temporary files may lock (and delete) a
    file between its creation and our lock: then we say None and the caller
    picks another name, so a live process's temporary file is never deleted.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try:
            locked = _lock_fd(fd, exclusive=True)
        except LockUnsupported:
            return FileLock(fd, False, True)
        if locked and identity(os.stat(path)) == identity(os.fstat(fd)):
            return FileLock(fd, True, True)
    except FileNotFoundError:
        pass  # deleted by a cleaner between creation and lock
    except BaseException:
        os.close(fd)
        raise
    os.close(fd)
    return None


def remove_if_abandoned(path: Path, max_age_unlocked: float = 86400.0) -> bool:
    """Delete the temporary file `path` if no live process owns it; True if deleted.

    Owners hold a lock on their temporary file while writing it, so a file we
    can lock was left by a process that died.  Where locks are unsupported
    only a file older than `max_age_unlocked` seconds counts as abandoned.
    """
    try:
        lock = try_lock_path(path)
    except LockUnsupported:
        import time

        try:
            if time.time() - path.stat().st_mtime < max_age_unlocked:
                return False
            path.unlink()
        except OSError:
            return False
        return True
    except OSError:
        return False  # vanished (renamed into place or deleted by its owner)
    if lock is None:
        return False
    try:
        path.unlink()  # still ours: try_lock_path checked the name names the locked file
        return True
    except OSError:
        return False
    finally:
        lock.release()


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when orgdesk last read or wrote it.

    Device, inode, size, mtime in nanoseconds and a hash of SQLite's 100-byte
    header (which holds the file change counter, bumped by every commit):
    another program replacing, rewriting or editing the file changes at least
    one of them.
    """

    dev: int
    ino: int
    size: int
    mtime_ns: int
    header: str

    @classmethod
    def of_fd(cls, fd: int) -> Fingerprint:
        st = os.fstat(fd)
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns,
                   hashlib.sha256(os.pread(fd, 100, 0) if hasattr(os, "pread")
                                  else _read_head(fd)).hexdigest())

    @classmethod
    def of_path(cls, path: Path) -> Fingerprint | None:
        """The file's fingerprint now; None when it no longer exists."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return None
        try:
            return cls.of_fd(fd)
        finally:
            os.close(fd)

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: object) -> Fingerprint | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(int(data["dev"]), int(data["ino"]), int(data["size"]),
                       int(data["mtime_ns"]), str(data["header"]))
        except (KeyError, TypeError, ValueError):
            return None


def _read_head(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 100)
