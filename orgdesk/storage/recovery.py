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
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from orgdesk.core.errors import Sentence
from orgdesk.core.organisation import Organisation
from orgdesk.storage.errors import FileInUse, FileProblem, name_of
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
    from orgdesk.storage.document import (
        read_organisation,  # document imports this module
    )

    session.discard_building()
    working = session.working_path
    info = SessionInfo.read(session.folder)
    if document is None and info is not None and info.document:
        document = Path(info.document)
    if info is None or not working.is_file() or working.stat().st_size == 0:
        return None, None
    # A start-up check must never turn a bad left-over into a crash at every
    # start: whatever reading it raises, the copy is damaged, not a bug to show.
    try:
        settle_journal(working)
        if info.save_completed(working) or change_counter(working) == info.saved_counter:
            return None, None
        # Its checksum is the last save's while it holds newer edits: not verified.
        return read_organisation(working, verify_checksum=False), None
    except Exception:  # noqa: BLE001 - see above
        return None, _set_aside(session, document)


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
            contents, aside = examine(probe)
            if aside is not None:
                scan.set_aside.append(aside)
            elif contents is not None:
                info = SessionInfo.read(folder)
                document = Path(info.document) if info and info.document else None
                mtime = datetime.fromtimestamp(os.stat(probe.working_path).st_mtime,
                                               timezone.utc)
                scan.candidates.append(Recoverable(folder.name, folder, document, mtime))
                keep = True
        finally:
            probe.release(remove=not keep)
    return scan
