"""Open, save and recover `.orgdesk` documents with the semantics users expect.

* Open validates the file (header, quick_check, schema, version), then copies
  it through the SQLite backup API into a locked working copy; older files are
  upgraded there, so the user's file is untouched until they save.
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
import uuid
from glob import escape as glob_escape
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine, Integer, create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.model import DocumentInfo, now_utc
from orgdesk.core.organisation import Organisation
from orgdesk.storage import migrations
from orgdesk.storage.engine import working_engine
from orgdesk.storage.errors import (
    CorruptFile,
    FileProblem,
    ReadOnlyFile,
    RecoveryAvailable,
    SaveFailed,
    name_of,
)
from orgdesk.storage.mapping import load_info, load_organisation, write_info, write_organisation
from orgdesk.storage.schema import Base
from orgdesk.storage.session import (
    SessionFolder,
    SessionInfo,
    change_counter,
    session_key,
)
from orgdesk.storage.sqlite_file import (
    connect_readonly,
    fsync_path,
    quick_check,
    read_header,
)

EXTENSION = ".orgdesk"


def _validated_copy(source: Path, destination: sqlite3.Connection) -> int:
    """Check `source` and copy it into `destination`; return its schema version."""
    header = read_header(source)
    migrations.check_version(header.user_version, source)
    conn = connect_readonly(source)
    try:
        quick_check(conn, source)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        migrations.check_version(version, source)
        if version == migrations.SCHEMA_VERSION:
            migrations.check_schema(conn, source)
        conn.backup(destination)
    except sqlite3.DatabaseError:
        raise FileProblem(source, f"{name_of(source)} is damaged and cannot be read.") from None
    finally:
        conn.close()
    return version


def _rows_are_sound(session: Session) -> bool:
    """Every value has its column's declared type and no foreign key dangles.

    SQLite stores a BLOB or a REAL in any column unless the table is STRICT, and
    a file we did not write may hold rows that break the foreign keys.
    """
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            wanted = "integer" if isinstance(column.type, Integer) else "text"
            wrong = session.execute(text(
                f'SELECT 1 FROM "{table.name}" '
                f'WHERE typeof("{column.name}") NOT IN (:wanted, \'null\') LIMIT 1'),
                {"wanted": wanted}).first()
            if wrong is not None:
                return False
    return session.execute(text("PRAGMA foreign_key_check")).first() is None


def _load_untrusted(session: Session, path: Path) -> Organisation:
    """Load a document copied from an untrusted file; bad rows raise CorruptFile."""
    problem = CorruptFile(path, f"{name_of(path)} is not a valid orgdesk file: "
                                "its contents are damaged.")
    try:
        if not _rows_are_sound(session):
            raise problem
        return load_organisation(session)
    except (sqlite3.Error, SQLAlchemyError, UserError, ValueError, TypeError,
            AttributeError, KeyError) as exc:
        if exc is problem:
            raise
        raise problem from exc


def _check_contents(working: Path, path: Path) -> Organisation:
    """Load the fresh working copy of `path` once, so a bad file fails at open."""
    engine = working_engine(working)
    try:
        with Session(engine) as session:
            return _load_untrusted(session, path)
    finally:
        engine.dispose()


def read_organisation(path: Path) -> Organisation:
    """Load a document without opening it for editing (CLI info/check, exports)."""
    path = Path(path)
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        version = _validated_copy(path, memory)
        if version != migrations.SCHEMA_VERSION:
            migrations.upgrade(memory, path)
            migrations.check_schema(memory, path)
        engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
        try:
            with Session(engine) as session:
                return _load_untrusted(session, path)
        finally:
            engine.dispose(close=False)
    finally:
        memory.close()


def _check_target(target: Path) -> None:
    """Refuse a Save target that the user has marked read-only, before writing."""
    folder = target.parent
    if not folder.is_dir():
        raise SaveFailed(target, Sentence.of("Cannot save {file}: the folder “{folder}” does not "
                                             "exist.", file=name_of(target), folder=folder))
    if target.is_dir():
        raise SaveFailed(target, Sentence.of("Cannot save {file}: a folder has that name.",
                                             file=name_of(target)))
    # Mode bits rather than os.access: root passes os.access, yet a user who
    # marked a file or folder read-only expects it to stay as it is.
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        raise ReadOnlyFile(target, Sentence.of("{file} is read-only; save it under another name.",
                                               file=name_of(target)))
    if not folder.stat().st_mode & stat.S_IWUSR or not os.access(folder, os.W_OK):
        raise ReadOnlyFile(target, Sentence.of("Cannot save {file}: the folder is read-only.",
                                               file=name_of(target)))


def _save_error(target: Path, exc: BaseException) -> SaveFailed:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or \
            isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
        return SaveFailed(target, Sentence.of(
            "Cannot save {file}: the disk is full; the previous file is unchanged.",
            file=name_of(target)))
    if isinstance(exc, PermissionError):
        return ReadOnlyFile(target, Sentence.of("Cannot save {file}: permission denied.",
                                                file=name_of(target)))
    reason = getattr(exc, "strerror", None) or str(exc)
    return SaveFailed(target, f"Cannot save {name_of(target)}: {reason}; "
                              "the previous file is unchanged.")


def write_atomically(source: sqlite3.Connection, target: Path) -> None:
    """Write a compact complete copy of `source` over `target`, atomically."""
    _check_target(target)
    # A save killed part-way leaves its temporary file; the document's lock
    # means no other orgdesk is saving this target now, so they are stale.
    for stale in target.parent.glob(f".{glob_escape(target.name)}.*.saving"):
        with contextlib.suppress(OSError):
            stale.unlink()
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.saving")
    try:
        source.execute("VACUUM INTO ?", (str(tmp),))
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        fsync_path(tmp)
        os.replace(tmp, target)
        fsync_path(target.parent, directory=True)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _save_error(target, exc) from None


class DocumentFile:
    """One open document: its user-visible path (None when untitled) and working copy."""

    def __init__(self, path: Path | None, session: SessionFolder, upgraded_from: int | None
                 ) -> None:
        self.path = path
        self._session = session
        self.upgraded_from = upgraded_from
        self.engine: Engine = working_engine(session.working_path)
        info = SessionInfo.read(session.folder)
        self._saved_counter = info.saved_counter if info else -1
        self._validated: Organisation | None = None

    # ----------------------------------------------------------- constructors
    @classmethod
    def new(cls, org: Organisation | None = None) -> DocumentFile:
        """An untitled document (optionally filled with `org`), not yet saved anywhere."""
        session = SessionFolder.acquire(session_key(None), None)
        try:
            cls._create_working_copy(session.working_path, org or Organisation())
            # Untouched, a new document has nothing to recover after a crash.
            SessionInfo(None, change_counter(session.working_path),
                        now_utc().isoformat()).write(session.folder)
        except BaseException:
            session.release(remove=True)
            raise
        return cls(None, session, None)

    @staticmethod
    def _create_working_copy(working: Path, org: Organisation) -> None:
        """Write a brand-new working copy in one go.

        Nothing can be lost while it is being written (a crash leaves a file
        that is simply made again), so the bulk write runs without a journal
        or syncs — an import of 100,000 positions spends most of its time
        here — and the finished file is fsynced once before anyone edits it.
        """
        working.unlink(missing_ok=True)
        conn = sqlite3.connect(working, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB while building indexes
            migrations.create_schema(conn)
            engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
            try:
                with Session(engine) as session:
                    # The first checkout initialises SQLAlchemy's dialect (and rolls
                    # back); only then open the one transaction of the whole write.
                    session.connection()
                    conn.execute("BEGIN")
                    write_organisation(session, org)
                    session.commit()
            finally:
                engine.dispose(close=False)
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise CorruptFile(working, "The new document's reporting lines are inconsistent.")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        fsync_path(working)

    @classmethod
    def open(cls, path: Path | str, recover: bool | None = None) -> DocumentFile:
        """Open `path` for editing.

        If an earlier orgdesk left unsaved edits of this file, `recover=None`
        raises RecoveryAvailable; True continues from them; False drops them.
        """
        path = Path(path).absolute()
        read_header(path)  # a missing path or a folder fails before anything is created
        session = SessionFolder.acquire(session_key(path), path)
        working = session.working_path
        info = SessionInfo.read(session.folder)
        has_edits = (working.is_file() and info is not None
                     and change_counter(working) != info.saved_counter)
        try:
            if has_edits and recover is None:
                raise RecoveryAvailable(path, Sentence.of(
                    "{file} has unsaved changes from an earlier session that did not close.",
                    file=name_of(path)))
            if has_edits and recover:
                return cls(path, session, None)
            working.unlink(missing_ok=True)
            conn = sqlite3.connect(working, isolation_level=None)
            try:
                version = _validated_copy(path, conn)
                upgraded_from = None
                if version != migrations.SCHEMA_VERSION:
                    upgraded_from = migrations.upgrade(conn, path)
                    migrations.check_schema(conn, path)
                conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                conn.close()
            loaded = _check_contents(working, path)
            # An upgraded copy differs from the user's file: it counts as unsaved.
            saved = -1 if upgraded_from is not None else change_counter(working)
            SessionInfo(str(path), saved, now_utc().isoformat()).write(session.folder)
            document = cls(path, session, upgraded_from)
            document._validated = loaded  # the first load() needs no second read
            return document
        except BaseException:
            # Keep a working copy with unsaved edits for a later recovery offer.
            session.release(remove=not (has_edits and recover is None))
            raise

    @classmethod
    def recover(cls, key: str) -> DocumentFile:
        """Continue from a working copy found by `find_recoverable`."""
        session = SessionFolder.acquire(key, None)
        info = SessionInfo.read(session.folder)
        path = Path(info.document) if info and info.document else None
        return cls(path, session, None)

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
            return load_organisation(session)

    def load_info(self) -> DocumentInfo:
        """Only the document's info (after Save stamps `modified`), not every position."""
        with Session(self.engine) as session:
            return load_info(session)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One edit: one SQLite transaction on the working copy, committed or rolled back."""
        with Session(self.engine) as session, session.begin():
            yield session

    @property
    def modified(self) -> bool:
        """True when the working copy holds edits not yet saved to `path`."""
        return self.path is None or change_counter(self._session.working_path) != self._saved_counter

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    # ----------------------------------------------------------------- save
    def save(self) -> None:
        if self.path is None:
            raise SaveFailed(Path("Untitled"), "This document has no file name yet; use Save As.")
        self._write(self.path)

    def save_as(self, target: Path | str) -> None:
        """Write to `target` and make it this document's file from now on."""
        target = Path(target).absolute()
        if target.suffix.lower() != EXTENSION:
            target = target.with_name(target.name + EXTENSION)
        if target == self.path:
            self._write(target)
            return
        _check_target(target)
        new_session = SessionFolder.acquire(session_key(target), target)
        try:
            self._write_copy(target)
            self.engine.dispose()
            os.replace(self._session.working_path, new_session.working_path)
        except BaseException:
            new_session.release(remove=True)
            raise
        self._session.release(remove=True)
        self._session = new_session
        self.engine = working_engine(new_session.working_path)
        self.path = target
        self._mark_saved()

    def _write_copy(self, target: Path, touch_modified: bool = True) -> None:
        if touch_modified:
            with self.transaction() as session:
                write_info(session, replace(load_info(session), modified=now_utc()))
        raw = self.engine.raw_connection()
        try:
            write_atomically(raw.driver_connection, target)  # type: ignore[arg-type]
        finally:
            raw.close()

    def _mark_saved(self) -> None:
        self._saved_counter = change_counter(self._session.working_path)
        SessionInfo(None if self.path is None else str(self.path), self._saved_counter,
                    now_utc().isoformat()).write(self._session.folder)

    def _write(self, target: Path) -> None:
        self._write_copy(target)
        self._mark_saved()

    # ---------------------------------------------------------------- close
    def close(self) -> None:
        """Close and delete the working copy (callers ask about unsaved edits first)."""
        self.engine.dispose()
        self._session.release(remove=True)

    def __enter__(self) -> DocumentFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create_file(path: Path | str, org: Organisation, touch_modified: bool = True) -> None:
    """Write `org` as a new .orgdesk file at `path`, atomically (CLI `new`, samples)."""
    doc = DocumentFile.new(org)
    try:
        doc._write_copy(Path(path).absolute(), touch_modified)
    finally:
        doc.close()
