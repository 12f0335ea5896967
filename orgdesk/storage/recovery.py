"""Which left-over working copies are offered for recovery, validated like any file.

A working copy left by an orgdesk that did not close is offered only when it
is complete, holds committed edits newer than its last save, and passes the
same checks as an e-mailed file (header, quick_check, schema, every row).

A working copy that fails them is *set aside*: moved to the state folder's
`set-aside/` with its session.json, and the user is told in one sentence.
It is kept rather than deleted because it may hold an afternoon of edits an
expert can still salvage with SQLite's own recovery tools; offering it would
crash, and deleting it would destroy that last chance.  A zero-length working
copy holds nothing and is simply removed.

Only evidence *about the file* sets a copy aside: the validation's own
verdict or SQLite saying the file is not a database or is malformed.  A
read that fails for another reason (the copy is locked by another program,
the state disk returns I/O errors, memory runs out, or orgdesk itself has a
bug) says nothing about the edits in it: the copy stays where it is, is not
offered this time and is never built over, so the next start offers it again.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from orgdesk.core.errors import Sentence
from orgdesk.core.organisation import Organisation
from orgdesk.storage.errors import (
    FileInUse,
    FileProblem,
    NotAFile,
    WorkingCopyProblem,
    name_of,
)
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.session import (
    Recoverable,
    SessionFolder,
    SessionInfo,
    change_counter,
    sessions_dir,
    settle_journal,
)


@dataclass(frozen=True)
class SetAside:
    """A damaged working copy moved out of the way, with the sentence telling the user."""

    document: Path | None
    kept_in: Path
    sentence: Sentence


@dataclass
class RecoveryScan:
    candidates: list[Recoverable] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)


def _set_aside(session: SessionFolder, document: Path | None) -> SetAside:
    kept_in = session.set_aside()
    if document is None:
        sentence = Sentence.of(
            "The unsaved changes to an untitled document could not be recovered because "
            "orgdesk's working copy of them is damaged; it was kept in {folder}.",
            folder=str(kept_in))
    else:
        sentence = Sentence.of(
            "The unsaved changes to {file} could not be recovered because orgdesk's working "
            "copy of them is damaged; it was kept in {folder}.",
            file=name_of(document), folder=str(kept_in))
    return SetAside(document, kept_in, sentence)


def examine(session: SessionFolder, document: Path | None = None,
            ) -> tuple[Organisation | None, SetAside | None]:
    """The validated contents of `session`'s working copy if it holds unsaved edits.

    (None, None): nothing to recover (no session.json, no working copy, or no
    edits since the last save).  (None, SetAside): it was damaged and moved
    away.  The folder must be locked by the caller.
    """

    session.discard_building()
    working = session.working_path
    info = SessionInfo.read(session.folder)
    if document is None and info is not None and info.document:
        document = Path(info.document)
    if info is None or not working.is_file() or working.stat().st_size == 0:
        return None, None
    # A start-up check must never turn a bad left-over into a crash at every
    # start, nor a sound one into lost edits: only damage sets it aside.
    try:
        settle_journal(working)
        if info.save_completed(working) or change_counter(working) == info.saved_counter:
            return None, None
        # Its checksum is the last save's while it holds newer edits: not verified.
        return read_organisation(working, verify_checksum=False), None
    except Exception as exc:  # classified below: damage, or kept for next time
        if not _says_damaged(exc):
            # The cause stays chained for a developer; the user gets one sentence.
            raise _unreadable(document) from exc
        return None, _set_aside(session, document)


#: SQLite result codes (low byte) that describe the file itself, not its surroundings.
_DAMAGE_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


def _says_damaged(exc: BaseException) -> bool:
    """True when `exc` is evidence that the working copy's bytes are bad.

    The validation's verdicts (CorruptFile, NotOrgdeskFile, ...) and SQLite's
    "malformed" / "not a database" are; a lock held by another program, a
    failing or full disk, no memory, no permission are not: they pass.
    """
    if isinstance(exc, (WorkingCopyProblem, NotAFile)):  # NotAFile: the read itself failed
        return False
    if isinstance(exc, FileProblem):
        return True
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None:  # older Pythons: only the message says which
            text = str(exc).lower()
            return "malformed" in text or "not a database" in text
        return code & 0xFF in _DAMAGE_CODES
    return False


def _unreadable(document: Path | None) -> WorkingCopyProblem:
    file = name_of(document) if document else "“?”"
    return WorkingCopyProblem(document or sessions_dir(), Sentence.of(
        "The unsaved changes to {file} cannot be read right now (another program may be "
        "using them, or the disk holding them is failing); they are kept and will be "
        "offered again at the next start.", file=file))


def find_recoverable() -> list[Recoverable]:
    """Working copies with validated unsaved edits (see `scan_sessions`)."""
    return scan_sessions().candidates


def scan_sessions() -> RecoveryScan:
    """Every unlocked session folder: offer it, set it aside, or clean it away."""
    scan = RecoveryScan()
    root = sessions_dir()
    if not root.is_dir():
        return scan
    for folder in sorted(root.iterdir()):
        if not folder.is_dir():
            continue
        try:
            probe = SessionFolder.acquire(folder.name, None)
        except (FileInUse, FileProblem, OSError):
            continue  # a live orgdesk owns it, or the state disk refuses: look next time
        keep = False
        try:
            try:
                contents, aside = examine(probe)
            except Exception:  # noqa: BLE001 - not damage: keep it, look again next time
                keep = True
                continue
            if aside is not None:
                scan.set_aside.append(aside)
            elif contents is not None:
                info = SessionInfo.read(folder)
                document = Path(info.document) if info and info.document else None
                mtime = datetime.fromtimestamp(os.stat(probe.working_path).st_mtime,
                                               UTC)
                scan.candidates.append(Recoverable(folder.name, folder, document, mtime))
                keep = True
        finally:
            probe.release(remove=not keep)
    return scan
