"""Write a new `.orgdesk` file in one go, atomically: `create_file` (CLI `new` and `import`,
samples, a pulled team library version) and the temporary files every save goes through.

Kept apart from `document` (open documents, their working copies and sessions), so
that writing a new file needs neither SQLAlchemy nor the session machinery: an
import of 100,000 positions loaded them for 0.4 s before writing a row.
"""
from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from glob import escape as glob_escape
from pathlib import Path

from orgdesk import files
from orgdesk.core.collector import collector_paused
from orgdesk.core.errors import Sentence
from orgdesk.core.model import now_utc
from orgdesk.core.organisation import Organisation
from orgdesk.storage import checksum, migrations
from orgdesk.storage.errors import CorruptFile, ReadOnlyFile, SaveFailed, name_of
from orgdesk.storage.locks import FileLock, create_locked, remove_if_abandoned


def resolve_target(target: Path) -> Path:
    """The real file a Save replaces (see `orgdesk.files.resolve_target`); SaveFailed on a loop."""
    try:
        return files.resolve_target(target)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SaveFailed(target, Sentence.of(
                "Cannot save {file}: its symbolic links point at each other in a loop.",
                file=name_of(target))) from None
        raise _save_error(target, exc) from None


def _check_target(target: Path, shown: Path | None = None) -> None:
    """Refuse a Save target that the user has marked read-only, before writing."""
    shown = shown or target
    problem = files.target_problem(target)
    if problem is files.TargetProblem.NO_FOLDER:
        raise SaveFailed(shown, Sentence.of("Cannot save {file}: the folder “{folder}” does not "
                                            "exist.", file=name_of(shown), folder=target.parent))
    if problem is files.TargetProblem.IS_FOLDER:
        raise SaveFailed(shown, Sentence.of("Cannot save {file}: a folder has that name.",
                                            file=name_of(shown)))
    if problem is files.TargetProblem.READ_ONLY_FILE:
        raise ReadOnlyFile(shown, Sentence.of("{file} is read-only; save it under another name.",
                                              file=name_of(shown)))
    if problem is files.TargetProblem.READ_ONLY_FOLDER:
        raise ReadOnlyFile(shown, Sentence.of("Cannot save {file}: the folder is read-only.",
                                              file=name_of(shown)))


def _save_error(target: Path, exc: BaseException) -> SaveFailed:
    from orgdesk.storage.engine import disk_error_kind  # SQLAlchemy's: only when a write failed

    if files.is_disk_full(exc) or disk_error_kind(exc) == "full":
        return SaveFailed(target, Sentence.of(
            "Cannot save {file}: the disk is full; the previous file is unchanged.",
            file=name_of(target)))
    if isinstance(exc, PermissionError):
        return ReadOnlyFile(target, Sentence.of("Cannot save {file}: permission denied.",
                                                file=name_of(target)))
    reason = getattr(exc, "strerror", None) or str(exc)
    return SaveFailed(target, Sentence.of("Cannot save {file}: {reason}; the previous file is "
                                          "unchanged.", file=name_of(target), reason=reason))


TEMPORARY_SUFFIX = ".saving"


def remove_stale_temporaries(target: Path) -> None:
    """Delete temporary files of saves into `target`'s folder whose process died.

    A save holds a lock on its temporary file until it is renamed into
    place, so a file whose lock we can take is abandoned; one we cannot is a
    save in progress in another process and is left alone.  The journal
    SQLite keeps beside a temporary file goes with it (or when its file is gone).
    Older versions named temporaries after the target; those are cleaned too.
    """
    folder = target.parent
    patterns = (f"{files.TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}",
                f".{glob_escape(target.name)}.*{TEMPORARY_SUFFIX}")
    for pattern in patterns:
        for stale in folder.glob(pattern):
            if remove_if_abandoned(stale):
                with contextlib.suppress(OSError):
                    stale.with_name(stale.name + "-journal").unlink()
        for journal in folder.glob(pattern + "-journal"):
            if not journal.with_name(journal.name[:-len("-journal")]).exists():
                with contextlib.suppress(OSError):
                    journal.unlink()


def _new_temporary(target: Path) -> tuple[Path, FileLock]:
    """A fresh, empty, locked temporary file beside `target`, named in plain ASCII."""
    for _attempt in range(20):
        tmp = files.temporary_beside(target, TEMPORARY_SUFFIX)
        with contextlib.suppress(FileExistsError):
            lock = create_locked(tmp)
            if lock is not None:
                return tmp, lock
    raise OSError(errno.EEXIST, "no free name for a temporary file")


def create_file(path: Path | str, org: Organisation, touch_modified: bool = True,
                scenarios: Sequence[tuple[str, Organisation | None]] | None = None) -> None:
    """Write `org` as a new .orgdesk file at `path`, atomically (CLI `new` and `import`,
    samples).

    `scenarios` (a pulled team library version): the document's scenarios in their
    order, each a name and its organisation, None for the open one (`org`); without
    it the file has one scenario.

    Nobody edits this file before it is written, so it needs no working copy
    or session: the document is built in memory (the same schema, rows and
    checks as a working copy, its checksum taken from the rows as they go in)
    and then written beside `path`, fsynced and renamed over it as a Save does.
    """
    with collector_paused():  # 100,000 positions make a million rows and batches
        _create_file(Path(path).absolute(), org, touch_modified, scenarios)


def _add_scenarios(conn: sqlite3.Connection,
                   scenarios: Sequence[tuple[str, Organisation | None]]) -> None:
    """Name the open scenario (its rows are the tables') and add the others as snapshots,
    in the given order (through the scenario store, as the scenario service does)."""
    from orgdesk.storage import scenarios as store

    store.materialise(conn)
    store.rename(conn, store.FIRST_ID, next(name for name, other in scenarios if other is None))
    order: list[int] = []
    for name, other in scenarios:
        if other is None:
            order.append(store.FIRST_ID)
            continue
        sid = store.next_id(conn)
        store.insert(conn, sid, name, len(order), store.snapshot_of(other))
        order.append(sid)
    store.set_order(conn, order)


def _create_file(target: Path, org: Organisation, touch_modified: bool,
                 scenarios: Sequence[tuple[str, Organisation | None]] | None = None) -> None:
    info = replace(org.info, modified=now_utc()) if touch_modified else None

    def fill(conn: sqlite3.Connection) -> None:
        create_indexes = migrations.create_tables(conn)
        conn.execute("BEGIN")
        checksum.write_stamped(conn, org, info)
        if scenarios:
            _add_scenarios(conn, scenarios)
            checksum.stamp(conn)
        create_indexes()
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise CorruptFile(target, "The new document's reporting lines are inconsistent.")

    write_new(target, fill)


#: The page cache of a document being filled: as much as it needs (a limit, not an
#: allocation), so that no page is written before the commit.
_FILL_CACHE_KIB = 4 << 20


def write_new(target: Path, fill: Callable[[sqlite3.Connection], None]) -> None:
    """Write a new document over `target`, atomically: `fill` builds it on a connection to
    a locked temporary file beside `target`, in a transaction it opens and this commits.

    The temporary file is renamed over `target` only once it is complete and
    fsynced (as a Save does), and deleted on any failure, so it needs neither a
    rollback journal nor synced writes of its own while it is filled: the
    journal is kept in memory (a rollback still works) and every page stays
    in the page cache until the one commit writes them in order.  That spares
    building the document in memory and copying it out with VACUUM INTO.
    Errors of `fill` reach the caller as they are; a write that fails at the
    commit or later is a SaveFailed.
    """
    real = resolve_target(target)
    _check_target(real, target)
    remove_stale_temporaries(real)
    tmp: Path | None = None
    lock: FileLock | None = None
    try:
        try:
            tmp, lock = _new_temporary(real)
            conn = sqlite3.connect(tmp, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise _save_error(target, exc) from None
        try:
            for pragma in ("journal_mode = MEMORY", "synchronous = OFF", "cache_spill = OFF",
                           f"cache_size = -{_FILL_CACHE_KIB}"):
                conn.execute(f"PRAGMA {pragma}")
            fill(conn)
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise _save_error(target, exc) from None
        finally:
            conn.close()
        try:
            if real.exists():
                os.chmod(tmp, stat.S_IMODE(real.stat().st_mode))
            os.fsync(lock.fd)
            if sys.platform == "win32":
                lock.release()  # Windows cannot rename a file while it is open
            files.replace_durably(tmp, real)
            tmp = None
        except OSError as exc:
            raise _save_error(target, exc) from None
    finally:
        if tmp is not None:
            for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        if lock is not None:
            lock.release()
