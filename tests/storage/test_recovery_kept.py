"""Unsaved edits survive every start: only a damaged working copy is set aside.

The kill loop of `make stress` (finding 9 of the adversarial run) saw a sound
working copy with 12 committed edits set aside at the next start and the
saved file opened instead.  These tests pin the two halves: the session
bookkeeping of that kill sequence offers the edits, and a read that fails
for a reason that says nothing about the copy (another program's lock, an
orgdesk bug) keeps the copy where it is instead of setting it aside.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from orgdesk import files
from orgdesk.services.editor import DocumentService
from orgdesk.storage import recovery as recovery_module
from orgdesk.storage.document import TEMPORARY_SUFFIX, DocumentFile
from orgdesk.storage.errors import RecoveryAvailable, WorkingCopyProblem, name_of
from orgdesk.storage.locks import create_locked
from orgdesk.storage.recovery import find_recoverable, scan_sessions
from orgdesk.storage.session import WORKING_NAME, session_key, sessions_dir, set_aside_dir
from tests.storage.crash_child import unsaved_edit
from tests.storage.support import abandon

UNSAVED_PREFIX = "未保存 unsaved "  # the title unsaved_edit gives its positions


@pytest.fixture
def chart(tmp_path: Path, small_file_bytes: bytes) -> Path:
    path = tmp_path / "客户 chart.orgdesk"
    path.write_bytes(small_file_bytes)
    return path


def _unsaved(doc: DocumentFile) -> list[int]:
    return sorted(int(p.title.rsplit(" ", 1)[1]) for p in doc.load().positions()
                  if p.title.startswith(UNSAVED_PREFIX))


def _edit_and_die(path: Path, first: int, count: int) -> None:
    doc = DocumentFile.open(path)  # nothing to recover: no RecoveryAvailable
    service = DocumentService(doc)
    for i in range(first, first + count):
        unsaved_edit(service, i)
    abandon(doc)


@pytest.mark.parametrize("killed", ["after the rename", "after the bookkeeping"])
def test_edits_after_a_killed_save_and_a_killed_start_are_offered(
        chart: Path, killed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rounds 282-285: save killed, start killed before opening, 12 edits killed."""
    doc = DocumentFile.open(chart)
    unsaved_edit(DocumentService(doc), 1)
    if killed == "after the rename":  # session.json still holds Save's "saving" record
        with monkeypatch.context() as patch:
            patch.setattr(DocumentFile, "_mark_saved", lambda self: None)
            doc.save()
    else:
        doc.save()
    abandon(doc)
    # The next start was killed after its imports: it touched nothing.
    _edit_and_die(chart, first=2, count=12)

    with pytest.raises(RecoveryAvailable):
        DocumentFile.open(chart)
    with DocumentFile.open(chart, recover=True) as doc:
        assert _unsaved(doc) == list(range(1, 14))


@contextmanager
def _locked_by_another_program(working: Path) -> Iterator[None]:
    with closing(sqlite3.connect(working, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")


def _assert_still_offered(chart: Path, folder: Path, kept: bytes, edits: list[int]) -> None:
    assert (folder / WORKING_NAME).read_bytes() == kept
    assert not set_aside_dir().exists() or list(set_aside_dir().iterdir()) == []
    assert [found.document for found in find_recoverable()] == [chart]
    with pytest.raises(RecoveryAvailable):
        DocumentFile.open(chart)
    with DocumentFile.open(chart, recover=True) as doc:
        assert _unsaved(doc) == edits


def test_a_copy_locked_by_another_program_is_kept_not_set_aside(chart: Path) -> None:
    _edit_and_die(chart, first=1, count=3)
    folder = sessions_dir() / session_key(chart)
    working = folder / WORKING_NAME
    kept = working.read_bytes()
    with _locked_by_another_program(working):
        scan = scan_sessions()
        assert scan.candidates == [] and scan.set_aside == []  # looked at again next time
        with pytest.raises(WorkingCopyProblem) as refused:
            DocumentFile.open(chart)
        assert str(refused.value) == (
            f"The unsaved changes to {name_of(chart)} cannot be read right now (another "
            "program may be using them, or the disk holding them is failing); they are kept "
            "and will be offered again at the next start.")
    _assert_still_offered(chart, folder, kept, [1, 2, 3])


def test_a_failure_of_orgdesk_itself_while_reading_keeps_the_copy(
        chart: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug on the recovery path is no evidence of damage: the edits must not vanish."""
    _edit_and_die(chart, first=1, count=2)
    folder = sessions_dir() / session_key(chart)
    kept = (folder / WORKING_NAME).read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise AttributeError("a half-finished refactoring")

    with monkeypatch.context() as patch:
        patch.setattr(recovery_module, "read_organisation", broken)
        assert scan_sessions().set_aside == []
        with pytest.raises(WorkingCopyProblem) as refused:
            DocumentFile.open(chart)
        assert isinstance(refused.value.__cause__, AttributeError)  # kept for a developer
    _assert_still_offered(chart, folder, kept, [1, 2])


def test_opening_cleans_what_a_killed_save_left_beside_the_document(chart: Path) -> None:
    """Finding 12: a save killed part-way left its temporary file and journal until the
    next save; the next open removes them, but never a live save's locked file."""
    abandoned = files.temporary_beside(chart, TEMPORARY_SUFFIX)
    abandoned.write_bytes(b"half a save")
    abandoned.with_name(abandoned.name + "-journal").write_bytes(b"its journal")
    live = files.temporary_beside(chart, TEMPORARY_SUFFIX)
    live_lock = create_locked(live)
    assert live_lock is not None and live_lock.held
    try:
        with DocumentFile.open(chart):
            assert [p.name for p in chart.parent.iterdir()
                    if p.name.startswith(files.TEMPORARY_PREFIX)] == [live.name]
    finally:
        live_lock.release()
