"""Open, save and recover `.orgdesk` documents with the semantics users expect.

* Open validates a private image of the file (header, integrity_check,
  schema, types, ids, version), then builds a locked working copy from
  orgdesk's own schema and the file's rows (never its triggers or views);
  older files are upgraded there, so the user's file is untouched until they save.
* Every edit is a committed transaction on the working copy (rollback
  journal, synchronous=FULL), so it survives a crash of the app or machine.
* Save writes a complete copy with `VACUUM INTO` to a temporary file beside
  the target, fsyncs it, renames it over the target and fsyncs the folder: a
  crash leaves the old file or the new one, never a mix.
"""
from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from orgdesk import files
from orgdesk.core.errors import Sentence
from orgdesk.core.model import DocumentInfo, now_utc
from orgdesk.core.organisation import Organisation
from orgdesk.files import fsync_path
from orgdesk.storage import checksum, migrations
from orgdesk.storage.engine import disk_error_kind, working_engine
from orgdesk.storage.errors import (
    CorruptFile,
    FileChangedOnDisk,
    FileProblem,
    RecoveryAvailable,
    SaveFailed,
    WorkingCopyProblem,
    name_of,
)
from orgdesk.storage.locks import (
    FileLock,
    Fingerprint,
    lock_document,
)
from orgdesk.storage.mapping import (
    driver,
    load_info,
    load_organisation,
    write_info,
    write_organisation,
)
from orgdesk.storage.new_document import (
    TEMPORARY_SUFFIX as TEMPORARY_SUFFIX,  # re-exported: callers name it here
)
from orgdesk.storage.new_document import (
    _check_target,
    _new_temporary,
    _save_error,
    remove_stale_temporaries,
    resolve_target,
)
from orgdesk.storage.new_document import create_file as create_file  # re-exported, as above
from orgdesk.storage.reading import (
    _check_contents,
    _validated_copy,
)
from orgdesk.storage.recovery import examine
from orgdesk.storage.session import (
    JOURNAL_NAME,
    SessionFolder,
    SessionInfo,
    change_counter,
    session_key,
    state_disk_problem,
    working_copy_problem,
)
from orgdesk.storage.sqlite_file import read_header
from orgdesk.storage.undo_journal import History, UndoJournal

EXTENSION = ".orgdesk"


def write_atomically(source: sqlite3.Connection, target: Path, *, keep_lock: bool = False,
                     before_replace: Callable[[Fingerprint], None] | None = None,
                     ) -> tuple[FileLock | None, Fingerprint]:
    """Write a compact complete copy of `source` over `target`, atomically.

    The copy goes to a locked temporary file beside the real file (symlinks
    resolved), is fsynced and renamed over it.  Returns the new file's
    fingerprint and, with `keep_lock`, the lock now held on it: it was taken
    on the temporary file, so the saved document is never unlocked.
    `before_replace` runs just before the rename.
    """
    real = resolve_target(target)
    _check_target(real, target)
    remove_stale_temporaries(real)
    tmp: Path | None = None
    lock: FileLock | None = None
    try:
        tmp, lock = _new_temporary(real)
        source.execute("VACUUM INTO ?", (str(tmp),))
        if real.exists():
            os.chmod(tmp, stat.S_IMODE(real.stat().st_mode))
        os.fsync(lock.fd)
        fingerprint = Fingerprint.of_fd(lock.fd)
        if before_replace is not None:
            before_replace(fingerprint)
        if sys.platform == "win32":
            lock.release()  # Windows cannot rename a file while it is open
        files.replace_durably(tmp, real)
        tmp = None
    except (OSError, sqlite3.Error) as exc:
        if tmp is not None:
            for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        if lock is not None:
            lock.release()
        raise _save_error(target, exc) from None
    if not keep_lock:
        lock.release()
        return None, fingerprint
    if sys.platform == "win32":
        with contextlib.suppress(FileProblem, OSError):
            return lock_document(real)[0], fingerprint
        return None, fingerprint
    return lock, fingerprint


class DocumentFile:
    """One open document: its user-visible path (None when untitled) and working copy.

    An opened document also holds the editing lock of its file (see
    `orgdesk.storage.locks`) and remembers the file's fingerprint, so Save
    refuses to overwrite changes another program made meanwhile.
    """

    def __init__(self, path: Path | None, session: SessionFolder, upgraded_from: int | None,
                 lock: FileLock | None = None) -> None:
        self.path = path
        self._session_folder = session
        self.upgraded_from = upgraded_from
        self.engine: Engine = working_engine(session.working_path)
        info = SessionInfo.read(session.folder)
        self._saved_counter = info.saved_counter if info else -1
        # An upgraded copy differs from the user's file until it is saved.
        self._upgrade_unsaved = bool(info and info.upgraded_from is not None)
        self._fingerprint: Fingerprint | None = info.fingerprint if info else None
        self._lock = lock
        self._validated: Organisation | None = None
        #: The undo history kept beside the working copy (see undo_journal.py).
        self.undo_journal = UndoJournal(session.folder, session.working_path)
        #: After a recovery: the undo history that fits the recovered edits, if one does.
        self.recovered_history: History | None = None
        #: Sentences to show once after opening (a lock that cannot be taken, a
        #: damaged left-over working copy that was set aside).
        self.notices: list[Sentence] = []

    # ----------------------------------------------------------- constructors
    @classmethod
    def new(cls, org: Organisation | None = None) -> DocumentFile:
        """An untitled document (optionally filled with `org`), not yet saved anywhere."""
        session = SessionFolder.acquire(session_key(None), None)
        try:
            try:
                cls._create_working_copy(session.working_path, org or Organisation())
                # Untouched, a new document has nothing to recover after a crash.
                SessionInfo(None, change_counter(session.working_path),
                            now_utc().isoformat()).write(session.folder)
            except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
                if disk_error_kind(exc) is None and not state_disk_problem(exc):
                    raise
                raise WorkingCopyProblem(session.folder, Sentence.of(
                    "Cannot create the document: the disk holding orgdesk's working copies "
                    "is full.")) from None
        except BaseException:
            session.release(remove=True)
            raise
        return cls(None, session, None)

    @staticmethod
    def _create_working_copy(working: Path, org: Organisation) -> None:
        """Write a brand-new working copy in one go.

        Nothing can be lost while it is being written (a crash leaves a file
        without session.json, which is simply cleaned away), so the bulk write
        runs without a journal or syncs — an import of 100,000 positions
        spends most of its time here — and the finished file is fsynced once
        before anyone edits it.
        """
        working.unlink(missing_ok=True)
        conn = sqlite3.connect(working, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB while building indexes
            create_indexes = migrations.create_tables(conn)
            conn.execute("BEGIN")
            write_organisation(conn, org)
            create_indexes()
            conn.execute("COMMIT")
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise CorruptFile(working, "The new document's reporting lines are inconsistent.")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        fsync_path(working)

    @staticmethod
    def _build_working_copy(session: SessionFolder, path: Path) -> tuple[Organisation, int | None]:
        """Validate `path` and make it the session's working copy; (contents, upgraded_from).

        Safe to kill at any instant: session.json goes first, the copy is
        validated in memory, written under a temporary name, fsynced and only
        then renamed into place (the caller writes session.json last).
        """
        session.forget_info()
        session.discard_building()
        building = session.building_path
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            version = _validated_copy(path, memory)
            upgraded_from = None
            if version != migrations.SCHEMA_VERSION:
                # Summed in the file's own format, before the upgrade changes the rows.
                checksum.verify(checksum.schema_rows(memory, version), path)
                upgraded_from = migrations.upgrade(memory, path)
                migrations.check_schema(memory, path)
            try:
                conn = sqlite3.connect(building, isolation_level=None)
                try:
                    memory.backup(conn)
                    conn.execute("PRAGMA journal_mode = DELETE")
                finally:
                    conn.close()
                fsync_path(building)
            except (OSError, sqlite3.Error) as exc:
                session.discard_building()
                if disk_error_kind(exc) == "io" or (isinstance(exc, OSError)
                                                    and exc.errno == errno.EIO):
                    raise working_copy_problem(path, OSError(errno.EIO, "I/O")) from None
                if disk_error_kind(exc) is None and not state_disk_problem(exc):
                    raise
                raise working_copy_problem(path, OSError(errno.ENOSPC, "full")) from None
        finally:
            memory.close()
        loaded = _check_contents(building, path, rows_checked=True,
                                 verify_checksum=upgraded_from is None)
        session.discard_working()
        os.replace(building, session.working_path)
        fsync_path(session.folder, directory=True)
        return loaded, upgraded_from

    @classmethod
    def open(cls, path: Path | str, recover: bool | None = None) -> DocumentFile:
        """Open `path` for editing.

        If an earlier orgdesk left unsaved edits of this file, `recover=None`
        raises RecoveryAvailable; True continues from them; False drops them.
        A left-over working copy that fails validation is set aside (see
        `orgdesk.storage.recovery`) and named in `notices`.
        """
        path = Path(path).absolute()
        read_header(path)  # a missing path or a folder fails before anything is created
        session = SessionFolder.acquire(session_key(path), path)
        lock: FileLock | None = None
        building = False
        try:
            lock, lock_note = lock_document(path)
            notices = [lock_note] if lock_note else []
            # A save killed part-way left its temporary file beside the document:
            # clean it now rather than at the next save (a live save's stays locked).
            with contextlib.suppress(OSError, FileProblem):
                remove_stale_temporaries(resolve_target(path))
            if recover is not False:
                contents, aside = examine(session, path)
                if aside is not None:
                    notices.append(aside.sentence)
                if contents is not None and recover is None:
                    raise RecoveryAvailable(path, Sentence.of(
                        "{file} has unsaved changes from an earlier session that did not close.",
                        file=name_of(path)))
                if contents is not None:
                    history = UndoJournal(session.folder, session.working_path).read()
                    _upgrade_left_over(session, path)
                    document = cls(path, session, None, lock)
                    document._validated = contents
                    document.recovered_history = history
                    document.notices = notices
                    return document
            fingerprint = Fingerprint.of_fd(lock.fd)
            building = True
            loaded, upgraded_from = cls._build_working_copy(session, path)
            try:
                SessionInfo(str(path), change_counter(session.working_path),
                            now_utc().isoformat(), upgraded_from,
                            fingerprint).write(session.folder)
            except OSError as exc:
                if not state_disk_problem(exc):
                    raise
                raise working_copy_problem(path, exc) from None
            document = cls(path, session, upgraded_from, lock)
            document._validated = loaded  # the first load() needs no second read
            document.notices = notices
            return document
        except BaseException:
            if lock is not None:
                lock.release()
            # Before building, the folder may hold another session's unsaved edits.
            session.release(remove=building)
            raise

    @classmethod
    def recover(cls, key: str) -> DocumentFile:
        """Continue from a working copy found by `find_recoverable`."""
        session = SessionFolder.acquire(key, None)
        lock: FileLock | None = None
        try:
            info = SessionInfo.read(session.folder)
            path = Path(info.document) if info and info.document else None
            notices: list[Sentence] = []
            if path is not None and path.is_file():
                lock, lock_note = lock_document(path)
                notices = [lock_note] if lock_note else []
            contents, aside = examine(session, path)
            if aside is not None:
                raise CorruptFile(aside.kept_in, aside.sentence)
            if contents is None:  # saved or cleaned meanwhile: nothing left to recover
                if lock is not None:
                    lock.release()
                    lock = None
                session.release(remove=True)
                return cls.open(path) if path is not None else cls.new()
            history = UndoJournal(session.folder, session.working_path).read()
            _upgrade_left_over(session, path)
        except BaseException:
            if lock is not None:
                lock.release()
            session.release(remove=False)
            raise
        document = cls(path, session, None, lock)
        document._validated = contents
        document.recovered_history = history
        document.notices = notices
        return document

    @staticmethod
    def discard_recovery(key: str) -> None:
        """Delete a left-over working copy the user chose not to recover."""
        SessionFolder.acquire(key, None).release(remove=True)

    # ------------------------------------------------------------- contents
    def load(self) -> Organisation:
        if self._validated is not None:
            org, self._validated = self._validated, None
            return org
        with Session(self.engine) as session:
            return load_organisation(driver(session))

    def load_info(self) -> DocumentInfo:
        """Only the document's info (after Save stamps `modified`), not every position."""
        with Session(self.engine) as session:
            return load_info(driver(session))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One edit: one SQLite transaction on the working copy, committed or rolled back.

        A full or failing state disk is a known problem, not a bug: it comes
        out as WorkingCopyProblem, after SQLite rolled the transaction back.
        """
        try:
            with Session(self.engine) as session, session.begin():
                yield session
        except (SQLAlchemyError, sqlite3.Error) as exc:
            kind = disk_error_kind(exc)
            if kind is None:
                raise
            raise WorkingCopyProblem(self._session_folder.working_path, Sentence.of(
                "The edit was not kept: the disk holding orgdesk's working copies is full."
                if kind == "full" else
                "The edit was not kept: the disk holding orgdesk's working copies cannot be "
                "written.")) from None

    @property
    def modified(self) -> bool:
        """True when the working copy holds edits not yet saved to `path`."""
        return self.path is None or self._upgrade_unsaved or \
            change_counter(self._session_folder.working_path) != self._saved_counter

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    @property
    def lock_held(self) -> bool:
        """True when this document holds its file's editing lock."""
        return self._lock is not None and self._lock.held

    # ----------------------------------------------------------------- save
    def save(self, overwrite: bool = False) -> None:
        """Save to `path`; FileChangedOnDisk if another program changed the file meanwhile
        (unless `overwrite`)."""
        if self.path is None:
            raise SaveFailed(Path("Untitled"), "This document has no file name yet; use Save As.")
        self._write(self.path, overwrite)

    def save_as(self, target: Path | str) -> None:
        """Write to `target` and make it this document's file from now on."""
        target = Path(target).absolute()
        if target.suffix.lower() != EXTENSION:
            target = target.with_name(target.name + EXTENSION)
        if target == self.path:
            self._write(target, overwrite=True)
            return
        if self.path is not None and session_key(target) == session_key(self.path):
            # Another name of this same file (a symlink to it): a Save, shown under the new name.
            self._write(self.path, overwrite=True)
            self.path = target
            self._mark_saved()
            return
        real = resolve_target(target)
        _check_target(real, target)
        new_session = SessionFolder.acquire(session_key(target), target)
        target_lock: FileLock | None = None
        new_lock: FileLock | None = None
        try:
            if real.is_file():
                target_lock, _ = lock_document(real)  # FileInUse while open elsewhere
            new_lock, fingerprint = self._write_copy(target, keep_lock=True)
            self.engine.dispose()
            os.replace(self._session_folder.working_path, new_session.working_path)
            # The undo history goes with its working copy.
            with contextlib.suppress(FileNotFoundError):
                os.replace(self.undo_journal.path, new_session.folder / JOURNAL_NAME)
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            new_session.release(remove=True)
            raise
        finally:
            if target_lock is not None:
                target_lock.release()
        self._session_folder.release(remove=True)
        self._session_folder = new_session
        self.engine = working_engine(new_session.working_path)
        self.undo_journal.path = new_session.folder / JOURNAL_NAME
        self.undo_journal.working = new_session.working_path
        self.path = target
        self._replace_lock(new_lock)
        self._fingerprint = fingerprint
        self._mark_saved()

    def _replace_lock(self, lock: FileLock | None) -> None:
        old, self._lock = self._lock, lock
        if old is not None:
            old.release()

    def _write_copy(self, target: Path, touch_modified: bool = True, keep_lock: bool = False,
                    before_replace: Callable[[Fingerprint], None] | None = None,
                    ) -> tuple[FileLock | None, Fingerprint]:
        try:
            # One transaction: the checksum covers the new stamp, and VACUUM INTO copies both.
            with self.transaction() as session:
                conn = driver(session)
                if touch_modified:
                    write_info(conn, replace(load_info(conn), modified=now_utc()))
                checksum.stamp(conn)
        except WorkingCopyProblem:
            raise SaveFailed(target, Sentence.of(
                "Cannot save {file}: the disk holding orgdesk's working copies is full; "
                "the previous file is unchanged.", file=name_of(target))) from None
        raw = self.engine.raw_connection()
        try:
            return write_atomically(raw.driver_connection, target,  # type: ignore[arg-type]  # SQLAlchemy types the driver connection loosely; it is sqlite3's
                                    keep_lock=keep_lock, before_replace=before_replace)
        finally:
            raw.close()

    def _mark_saved(self) -> None:
        self._saved_counter = change_counter(self._session_folder.working_path)
        self._upgrade_unsaved = False
        # Bookkeeping only: if the state disk refuses it, a crash would merely
        # offer already-saved edits for recovery.
        with contextlib.suppress(OSError):
            SessionInfo(None if self.path is None else str(self.path), self._saved_counter,
                        now_utc().isoformat(), None, self._fingerprint).write(self._session_folder.folder)

    def _check_unchanged_on_disk(self, target: Path) -> None:
        if self._fingerprint is None:
            return
        now = Fingerprint.of_path(resolve_target(target))
        # A file deleted meanwhile is simply written again: nothing of anyone's is overwritten.
        if now is not None and now != self._fingerprint:
            raise FileChangedOnDisk(target, Sentence.of(
                "{file} was changed by another program since orgdesk opened or last saved it; "
                "saving would overwrite those changes.", file=name_of(target)))

    def _write(self, target: Path, overwrite: bool = False) -> None:
        if not overwrite:
            self._check_unchanged_on_disk(target)
        working = self._session_folder.working_path

        def record_saving(fingerprint: Fingerprint) -> None:
            # If orgdesk dies right after the rename, this shows the save completed.
            with contextlib.suppress(OSError):
                SessionInfo(str(self.path), self._saved_counter, now_utc().isoformat(),
                            None if not self._upgrade_unsaved else self.upgraded_from,
                            self._fingerprint,
                            {"counter": change_counter(working), "dev": fingerprint.dev,
                             "ino": fingerprint.ino}).write(self._session_folder.folder)

        new_lock, fingerprint = self._write_copy(target, keep_lock=True,
                                                 before_replace=record_saving)
        self._replace_lock(new_lock)
        self._fingerprint = fingerprint
        self._mark_saved()

    # ---------------------------------------------------------------- close
    def close(self) -> None:
        """Close and delete the working copy (callers ask about unsaved edits first)."""
        self.engine.dispose()
        self._replace_lock(None)
        self._session_folder.release(remove=True)

    def __enter__(self) -> DocumentFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _upgrade_left_over(session: SessionFolder, document: Path | None) -> None:
    """Bring a working copy left by an older orgdesk to this build's format, in place.

    Recovery read it through an upgraded copy in memory, but edits and Save
    write this file with the current columns.  It is orgdesk's own copy, never
    the user's file; the steps are those opening runs, each one transaction,
    so a kill part-way leaves it at one format or the next and the next start
    offers it again.
    """
    conn = sqlite3.connect(session.working_path, isolation_level=None)
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != migrations.SCHEMA_VERSION:
            where = document or session.working_path
            migrations.upgrade(conn, where)
            migrations.check_schema(conn, where)
    finally:
        conn.close()
