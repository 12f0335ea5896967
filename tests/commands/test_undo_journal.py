"""Issue 13 defect 8: the undo history survives a crash with the working copy.

A real child process edits a document through the undo stack and is killed
with SIGKILL; the recovered document must undo (and redo) step by step to
exactly the states the child went through.  A journal that does not fit the
recovered working copy is dropped, never offered as wrong undo steps.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from orgdesk.paths import sample_orgs_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.recovery import scan_sessions
from orgdesk.storage.session import JOURNAL_NAME
from orgdesk.ui.controller import DocumentController
from tests.commands.journal_child import snapshot

CHILD = Path(__file__).with_name("journal_child.py")


def _kill_child_after_edits(tmp_path: Path) -> tuple[Path, list[object], int]:
    """Run the child until "ready", SIGKILL it; (document, states, undo index)."""
    document = tmp_path / "centre.orgdesk"
    shutil.copyfile(sample_orgs_dir() / "software_ops_department.orgdesk", document)
    status = tmp_path / "status.txt"
    with open(tmp_path / "stderr.txt", "wb") as err:
        proc = subprocess.Popen([sys.executable, str(CHILD), str(document), str(status)],
                                stderr=err, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    try:
        deadline = time.monotonic() + 60
        while "ready\n" not in (status.read_text("utf-8") if status.exists() else ""):
            assert proc.poll() is None, (tmp_path / "stderr.txt").read_text("utf-8")[-2000:]
            assert time.monotonic() < deadline, "the child never got ready"
            time.sleep(0.02)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    states: list[object] = []
    index = -1
    for line in status.read_text("utf-8").splitlines():
        if line.startswith("state "):
            states.append(json.loads(line.split(" ", 2)[2]))
        elif line.startswith("index "):
            index = int(line.split()[1])
    return document, states, index


def _recover(document: Path) -> DocumentController:
    [found] = scan_sessions().candidates
    assert found.document == document
    return DocumentController(DocumentService(DocumentFile.recover(found.key)))


def test_a_killed_session_recovers_with_its_undo_history_step_by_step(
        qapp: QApplication, tmp_path: Path) -> None:
    document, states, index = _kill_child_after_edits(tmp_path)
    assert len(states) == 6 and index == 4
    controller = _recover(document)
    try:
        stack = controller.undo_stack
        assert (stack.count(), stack.index()) == (5, 4)
        assert [stack.text(i) for i in range(5)] == ["Rename", "Add", "Seats", "Notes", "Move"]
        assert snapshot(controller.org) == states[4]
        for i in (3, 2, 1, 0):  # undo step by step back to the file as opened
            stack.undo()
            assert snapshot(controller.org) == states[i]
        assert not stack.canUndo()
        for i in (1, 2, 3, 4, 5):  # and redo all, including the step undone before the crash
            stack.redo()
            assert snapshot(controller.org) == states[i]
        # The working copy followed every step: reading it again gives the same.
        assert snapshot(controller.service.file.load()) == states[5]
    finally:
        controller.undo_stack.clear()
        controller.service.file.close()


def test_undo_history_kept_through_a_second_crash(qapp: QApplication, tmp_path: Path) -> None:
    """The recovered history is written again, so it survives the next recovery too."""
    document, states, _index = _kill_child_after_edits(tmp_path)
    controller = _recover(document)
    controller.undo_stack.undo()  # now at states[3]
    folder = controller.service.file.undo_journal.path.parent
    # Simulate the next crash: the process dies without closing or writing anything more.
    controller.journal.journal.broken = True
    controller.undo_stack.clear()
    file = controller.service.file
    file.engine.dispose()
    file._replace_lock(None)  # the locks die with the process
    file._session_folder.release(remove=False)
    again = _recover(document)
    try:
        assert (again.undo_stack.count(), again.undo_stack.index()) == (5, 3)
        assert snapshot(again.org) == states[3]
        again.undo_stack.undo()
        assert snapshot(again.org) == states[2]
        assert (folder / JOURNAL_NAME).is_file()
    finally:
        again.undo_stack.clear()
        again.service.file.close()


@pytest.mark.parametrize("damage", ["torn", "missing-last", "garbage"])
def test_a_journal_that_does_not_fit_is_dropped_and_the_edits_recover(
        qapp: QApplication, tmp_path: Path, damage: str) -> None:
    document, states, _index = _kill_child_after_edits(tmp_path)
    [found] = scan_sessions().candidates
    journal = found.folder / JOURNAL_NAME
    lines = journal.read_bytes().split(b"\n")[:-1]
    if damage == "torn":  # a kill in the middle of the last append
        journal.write_bytes(b"\n".join(lines[:-1]) + b"\n" + lines[-1][: len(lines[-1]) // 2])
    elif damage == "missing-last":  # a kill between a commit and its line
        journal.write_bytes(b"\n".join(lines[:-1]) + b"\n")
    else:
        journal.write_bytes(b"\x00\xff not json\n")
    controller = _recover(document)
    try:
        assert snapshot(controller.org) == states[4]
        assert controller.undo_stack.count() == 0  # no history rather than a wrong one
        assert controller.is_modified
    finally:
        controller.service.file.close()


def test_merged_and_obsolete_steps_are_journalled_as_the_stack_holds_them(
        controller: DocumentController) -> None:
    from orgdesk.core.model import PositionId

    journal = controller.service.file.undo_journal
    for title in ("A", "AB", "ABC"):  # one typing burst: one step
        controller.execute("Rename", lambda s, t=title: s.edit_position(PositionId(2), title=t),
                           merge_key=("title", 2))
    history = journal.read()
    assert history is not None and len(history.steps) == 1 and history.index == 1
    assert history.steps[0].after.positions[PositionId(2)].title == "ABC"
    original = history.steps[0].before.positions[PositionId(2)].title
    controller.execute("Rename", lambda s: s.edit_position(PositionId(2), title=original),
                       merge_key=("title", 2))  # typed back: the step is obsolete
    history = journal.read()
    assert history is not None and (len(history.steps), history.index) == (
        controller.undo_stack.count(), controller.undo_stack.index())
    assert history.fits(controller.org)


def test_the_history_follows_the_working_copy_through_save_as(qapp: QApplication,
                                                              tmp_path: Path) -> None:
    """An untitled document saved under a name keeps one history, before and after."""
    from orgdesk.core.model import PositionId
    from orgdesk.samples import template_organisation

    controller = DocumentController(DocumentService(DocumentFile.new(
        template_organisation("software_ops_department"))))
    first = snapshot(controller.org)
    controller.execute("One", lambda s: s.edit_position(PositionId(2), title="一"))
    target = tmp_path / "named.orgdesk"
    controller.service.file.save_as(target)
    controller.execute("Two", lambda s: s.edit_position(PositionId(3), title="二"))
    second = snapshot(controller.org)
    # The process dies here.
    controller.journal.journal.broken = True
    controller.undo_stack.clear()
    file = controller.service.file
    file.engine.dispose()
    file._replace_lock(None)
    file._session_folder.release(remove=False)
    recovered = _recover(target)
    try:
        assert [recovered.undo_stack.text(i) for i in range(recovered.undo_stack.count())] == [
            "One", "Two"]
        assert snapshot(recovered.org) == second
        recovered.undo_stack.undo()
        recovered.undo_stack.undo()
        assert snapshot(recovered.org) == first
    finally:
        recovered.undo_stack.clear()
        recovered.service.file.close()
