"""Team library calls off the GUI thread, with a Cancel that leaves nothing half-done.

A `LibraryCall` is a `ui/jobs.py` Job (its outcome: a result, one sentence, or
cancelled) run on a pool of its own: a server that does not answer keeps a thread
waiting for the connect timeout, and those waits must not queue the window's other
background work (exports, checks) behind them.

Cancel stops a statement the call waits for on the server (a lock, a long write) with
a cancel request, and is decided at one point: the commit.  Every transaction the call's library
commits passes `point_of_no_return` first (an SQLAlchemy commit event); a call
cancelled before that point raises there, so its transaction is rolled back and the
server keeps nothing; once past it, Cancel answers False ("too late") and the
outcome arrives as usual.  The same point guards local writes (an opened version's
file).

The work itself runs on a daemon thread of its own, which the pool thread waits for
until it ends or the call is cancelled: a cancelled call's outcome ("cancelled")
arrives at once, while its work may still wait for its server a while (psycopg's
connect cannot be interrupted) and is then dropped, what it opened closed.  So
quitting never waits for a server either: `give_up_calls` (on the application's
aboutToQuit) cancels every call, gives one past its point of no return a moment to
store its version or write its file, and leaves the rest to end with the process.
"""
from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QThreadPool

from orgdesk.ui.jobs import Job, JobCancelled, JobOutcome, outcome_of, start

if TYPE_CHECKING:
    from orgdesk.team.library import Library

#: Threads for library calls: most of their time is spent waiting for a server.
POOL_THREADS = 8
#: Seconds a cancel request may wait for the server.
CANCEL_TIMEOUT = 5.0
#: Seconds quitting waits for a call past its point of no return (a version being
#: stored, an opened version's file being written) before leaving it to the process's end.
QUIT_GRACE = 3.0

_pool: QThreadPool | None = None
_current = threading.local()
#: The calls from their creation until their pool thread is done with them.
_live: set[LibraryCall] = set()
_live_lock = threading.Lock()


def library_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(POOL_THREADS)
        _pool.setObjectName("orgdeskTeamLibraryCalls")
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(give_up_calls)
    return _pool


def give_up_calls(grace: float = QUIT_GRACE) -> None:
    """Quitting: cancel every library call and stop waiting for them, so that the
    process ends now rather than when a silent server's connect times out.

    A call past its point of no return is given `grace` seconds to finish (its
    version is stored on the server; the document's file, written atomically, is
    complete or absent either way)."""
    with _live_lock:
        calls = list(_live)
    for call in calls:
        call.cancel()
    deadline = time.monotonic() + grace
    for call in calls:
        if not call.cancelled:  # past its point of no return
            call.work_ended.wait(max(0.0, deadline - time.monotonic()))
    for call in calls:
        call.give_up()
    if _pool is not None:
        _pool.waitForDone(1000)  # the pool threads return at once now


class LibraryCall(Job):
    """`work()` on a library thread; cancellable until its point of no return.

    `dropped(result)` runs (on the work's thread) for a result that arrives after the
    call was given up, to close what the work opened."""

    def __init__(self, work: Callable[[], object], final_commit: bool = False,
                 dropped: Callable[[object], object] | None = None) -> None:
        super().__init__(lambda _job: self._guarded(work))
        #: A call that writes to the server: its commit is its point of no return.
        #: (A read's commit only ends its transaction; Cancel still drops its outcome.)
        self.final_commit = final_commit
        self._dropped = dropped
        self._lock = threading.Lock()
        self._committed = False
        self._ended = False
        self._afterwards: list[Callable[[], object]] = []
        #: The server connections the work holds (their statements can be cancelled).
        self._connections: list[Any] = []
        #: Set when the work has ended.
        self.work_ended = threading.Event()
        #: Set when the work has ended or the call was given up (cancelled, quitting).
        self._settled = threading.Event()
        self._outcome: JobOutcome | None = None
        self._given_up = False
        with _live_lock:  # until its pool thread ends (quitting gives up queued calls too)
            _live.add(self)

    def _guarded(self, work: Callable[[], object]) -> object:
        try:
            return work()
        except Exception:
            if self.cancelled:  # e.g. its statement cancelled on the server: not a failure
                raise JobCancelled from None
            raise

    def cancel(self) -> bool:  # type: ignore[override]
        """Stop the call; False when it is past its point of no return (it will finish).

        A statement the call is waiting for (a lock, a long write) is cancelled on the
        server too, from a thread of its own (a server that does not answer may keep
        that request waiting as well)."""
        with self._lock:
            if self._committed:
                return False
            super().cancel()
            connections = list(self._connections)
        self._settled.set()  # its outcome ("cancelled") is sent now
        for connection in connections:
            threading.Thread(target=_cancel_statement, args=(connection,), daemon=True,
                             name="orgdesk-cancel").start()
        return True

    def give_up(self) -> None:
        """Stop waiting for the work, even past its point of no return (quitting)."""
        super().cancel()
        self._settled.set()

    def holds(self, connection: Any, held: bool) -> None:
        """The work took (or gave back) a server connection."""
        with self._lock:
            if held:
                self._connections.append(connection)
            elif connection in self._connections:
                self._connections.remove(connection)

    def point_of_no_return(self) -> None:
        """Raise JobCancelled if cancelled; otherwise Cancel can no longer stop the call."""
        with self._lock:
            if self.cancelled:
                raise JobCancelled
            self._committed = True

    def when_done(self, step: Callable[[], object]) -> None:
        """Run `step` once the work has ended (at once if it has): e.g. close the library
        the work is still using."""
        with self._lock:
            if not self._ended:
                self._afterwards.append(step)
                return
        _quietly(step)

    def run(self) -> None:
        """On the pool thread: the work on a thread of its own, waited for until it
        ends or the call is given up."""
        try:
            if self.cancelled:  # before it started (quitting): the work never starts
                self._work_thread(start=False)
            else:
                threading.Thread(target=self._work_thread, daemon=True,
                                 name="orgdesk-library-call").start()
            self._settled.wait()
            with self._lock:
                outcome = self._outcome
                if outcome is None:  # the work goes on; whatever it ends with is dropped
                    self._given_up = True
        finally:
            with _live_lock:
                _live.discard(self)
        # The window may be gone already (quitting): nobody waits for the outcome then.
        with contextlib.suppress(RuntimeError):
            self.signals.finished.emit(outcome or JobOutcome(cancelled=True))

    def _work_thread(self, start: bool = True) -> None:
        _current.call = self
        outcome = JobOutcome(cancelled=True)
        try:
            if start:
                outcome = outcome_of(lambda: self._work(self), self._cancelled_by)
        except BaseException:  # noqa: BLE001 - nothing may leave this thread
            pass
        finally:
            _current.call = None
            with self._lock:
                self._ended = True
                steps, self._afterwards = self._afterwards, []
                given_up = self._given_up
                if not given_up:
                    self._outcome = outcome
            self.work_ended.set()
            self._settled.set()
            if given_up and outcome.ok and self._dropped is not None:
                dropped, result = self._dropped, outcome.result
                _quietly(lambda: dropped(result))
            for step in steps:
                _quietly(step)


def _cancel_statement(connection: Any) -> None:
    """Ask the server to cancel what `connection` is running (psycopg's cancel request)."""
    with contextlib.suppress(Exception):  # gone already, or the server cannot be reached
        connection.cancel_safe(timeout=CANCEL_TIMEOUT)


def _checked_out(connection: Any, _record: Any, _proxy: Any) -> None:
    call = current_call()
    if call is not None:
        call.holds(connection, True)


def _checked_in(connection: Any, _record: Any) -> None:
    call = current_call()
    if call is not None:
        call.holds(connection, False)


def _quietly(step: Callable[[], object]) -> None:
    with contextlib.suppress(Exception):  # clean-up nobody waits for
        step()


def _before_commit(_connection: Any) -> None:
    call = getattr(_current, "call", None)
    if call is None:
        return
    if call.final_commit:
        call.point_of_no_return()
    elif call.cancelled:
        raise JobCancelled


def current_call() -> LibraryCall | None:
    """The call running on this thread, if any."""
    return getattr(_current, "call", None)


def guard_commits(library: Library) -> Library:
    """Make `library`'s commits wait for the running call's point of no return."""
    from sqlalchemy import event

    if not event.contains(library.engine, "commit", _before_commit):
        event.listen(library.engine, "commit", _before_commit)
        event.listen(library.engine, "checkout", _checked_out)
        event.listen(library.engine, "checkin", _checked_in)
    return library


def point_of_no_return() -> None:
    """The running call's point of no return (a no-op outside a call)."""
    call = current_call()
    if call is not None:
        call.point_of_no_return()


def start_call(work: Callable[[], object], on_finished: Callable[[JobOutcome], object],
               final_commit: bool = False,
               dropped: Callable[[object], object] | None = None) -> LibraryCall:
    """Start `work` on the library pool; `on_finished` runs on the GUI thread."""
    call = LibraryCall(work, final_commit, dropped)
    start(call, on_finished, pool=library_pool())
    return call
