"""A child orgdesk process for the crash, lock and full-disk tests.

Run with the venv's interpreter: `python crash_child.py MODE PATH STATUS [ARG]`.
It reports progress by appending lines to the STATUS file (flushed at once,
so a SIGKILL loses nothing already reported) and is usually killed with
SIGKILL by the test.  ORGDESK_STATE_DIR comes from the test's environment.

Modes:
  hold PATH STATUS           open PATH, report "ready", wait to be killed
  edits PATH STATUS N        open PATH, commit N edits without saving, "ready", wait
  save-loop PATH STATUS      edit and save forever, reporting "start k", "saving i", "saved i"
  fsize PATH STATUS LIMIT    grow the document, cap file size at LIMIT bytes, try to save
  write-loop PATH STATUS N TAG  write a document titled TAG over PATH N times (as Save does),
                             reporting "wrote i" or "failed i <error>", then "done"
  (ORGDESK_TEST_BECOME=USER: after the imports, run as USER: a second user of the file)
  open-kill PATH STATUS HOW  open PATH (HOW: none, recover, discard) or, with HOW "scan",
                             look for recoverable working copies, and report "ready";
                             with ORGDESK_TEST_KILL_AT=N the child SIGKILLs itself just
                             before its N-th file-changing operation (an audit hook counts
                             them: opens for writing, renames, removals, mkdir, sqlite
                             connects), so a loop over N kills between every two steps
"""
from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.services.editor import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import FileProblem


# ------------------------------------------------- edits shared with the tests
def iteration_edit(i: int, count: int) -> tuple[str, PositionId, str]:
    """Save-loop iteration i: the document title, and the notes of one position."""
    return f"iter {i}", PositionId(1 + i % count), f"save {i} " + "改" * (i % 7) + "\n\"'<&>"


def apply_iteration(service: DocumentService, i: int) -> None:
    title, pid, notes = iteration_edit(i, len(service.org))
    service.edit_position(pid, notes=notes)
    service.set_info(replace(service.org.info, title=title))


def expected_after(base: Organisation, k: int) -> tuple[str, tuple[object, ...]]:
    """(title, positions) of `base` after save-loop iterations 1..k."""
    positions = {p.id: p for p in base.positions()}
    title = base.info.title
    for i in range(1, k + 1):
        title, pid, notes = iteration_edit(i, len(positions))
        positions[pid] = positions[pid].evolve(notes=notes)
    return title, tuple(positions[pid] for pid in sorted(positions))


def unsaved_edit(service: DocumentService, i: int) -> None:
    """The i-th of the `edits` mode's committed edits (added position i)."""
    root = service.org.roots()[0].id
    service.new_position(f"未保存 unsaved {i}", root, duties=(f"duty {i}", "second"))


def iteration_of(title: str) -> int:
    return int(title.split()[1]) if title.startswith("iter ") else 0


# ---------------------------------------------------------------------- main
def main() -> None:
    mode, path, status_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    status = open(status_path, "a", encoding="utf-8")  # noqa: SIM115 (lives until killed)

    def report(line: str) -> None:
        status.write(line + "\n")
        status.flush()

    become = os.environ.get("ORGDESK_TEST_BECOME")
    if become:  # a second user: everything is imported, from here on we are them
        import pwd

        # SQLAlchemy loads its dialects lazily, from files a second user may not be
        # able to read (a checkout in a private temporary folder): load them now.
        # (expected_schema no longer needs the dialect: an engine is made here instead.)
        from sqlalchemy import create_engine

        from orgdesk.storage.migrations import expected_schema

        expected_schema()
        create_engine("sqlite://").dispose()

        account = pwd.getpwnam(become)
        os.setgroups([])
        os.setgid(account.pw_gid)
        os.setuid(account.pw_uid)
    if mode == "write-loop":
        run_write_loop(path, int(sys.argv[4]), sys.argv[5], report)
        return
    if mode == "open-kill":
        run_open_kill(path, sys.argv[4], report)
        return
    try:
        if mode == "fsize":
            run_fsize(path, int(sys.argv[4]), report)
            status.close()
            return
        doc = DocumentFile.open(path, recover=False)
    except FileProblem as exc:
        report(f"error {type(exc).__name__}: {exc}")
        raise SystemExit(3) from None
    service = DocumentService(doc)
    if mode == "hold":
        report("ready")
    elif mode == "edits":
        for i in range(1, int(sys.argv[4]) + 1):
            unsaved_edit(service, i)
        report("ready")
    elif mode == "save-loop":
        i = iteration_of(service.org.info.title)
        report(f"start {i}")
        while True:
            i += 1
            apply_iteration(service, i)
            report(f"saving {i}")
            doc.save()
            report(f"saved {i}")
    else:
        raise SystemExit(f"unknown mode {mode}")
    while True:
        time.sleep(60)


_CHANGING_EVENTS = {"os.rename", "os.remove", "os.rmdir", "os.mkdir", "shutil.rmtree",
                    "sqlite3.connect", "os.truncate", "os.chmod"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _changes_files(event: str, args: tuple[object, ...]) -> bool:
    if event in _CHANGING_EVENTS:
        return True
    if event == "open" and len(args) >= 3:
        mode, flags = args[1], args[2]
        if isinstance(mode, str):
            return any(c in mode for c in "wax+")
        return isinstance(flags, int) and bool(flags & _WRITE_FLAGS)
    return False


def install_kill_hook(kill_at: int) -> None:
    """SIGKILL this process just before its `kill_at`-th file-changing operation."""
    seen = [0]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if _changes_files(event, args):
            seen[0] += 1
            if seen[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    sys.addaudithook(hook)


def run_open_kill(path: Path, how: str, report) -> None:
    from orgdesk.storage.recovery import scan_sessions

    kill_at = int(os.environ.get("ORGDESK_TEST_KILL_AT", "0"))
    if kill_at:
        install_kill_hook(kill_at)
    if how == "scan":
        scan = scan_sessions()
        report(f"ready {len(scan.candidates)} {len(scan.set_aside)}")
        return
    recover = {"none": None, "recover": True, "discard": False}[how]
    try:
        doc = DocumentFile.open(path, recover=recover)
    except FileProblem as exc:
        report(f"refused {type(exc).__name__}")
        return
    report(f"ready {len(doc.load())}")
    doc.close()


def run_write_loop(path: Path, count: int, tag: str, report) -> None:
    from tests.storage.support import hostile_org

    org = hostile_org()
    org.info = replace(org.info, title=tag)
    with DocumentFile.new(org) as doc:
        for i in range(count):
            try:
                doc._write_copy(path, touch_modified=False)
                report(f"wrote {i}")
            except FileProblem as exc:
                report(f"failed {i} {type(exc).__name__}: {exc}")
    report("done")


def run_fsize(path: Path, limit: int, report) -> None:
    """Grow the document, then save under RLIMIT_FSIZE: the OS refuses to grow files."""
    with DocumentFile.open(path, recover=False) as doc:
        service = DocumentService(doc)
        root = service.org.roots()[0].id
        service.edit_position(root, notes="满" * 400_000)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
        result: dict[str, object] = {"working_size": doc._session_folder.working_path.stat().st_size}
        try:
            doc.save()
            result["error"] = None
        except FileProblem as exc:
            result.update(error=type(exc).__name__, message=str(exc))
        result["modified"] = doc.modified
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)
    report(json.dumps(result))


if __name__ == "__main__":
    main()
