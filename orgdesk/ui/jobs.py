"""Background work of the window: one job type for every export, check and import.

A `Job` runs a function on a pool thread.  The function may report progress
(`job.report(...)`, which also stops it once cancelled); its outcome arrives
on the GUI thread through `signals.finished` as a `JobOutcome`: the result,
or one sentence — a known problem's own, or for a bug a sentence naming the
crash log that now holds its traceback — or "cancelled".  The pool thread
always survives.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from orgdesk.core.errors import Sentence, UserError
from orgdesk.crash_log import write_crash_log
from orgdesk.ui.messages import user_message


class JobCancelled(Exception):
    """Raised inside a job's work by `report` once the job was cancelled."""


@dataclass(frozen=True, slots=True)
class JobOutcome:
    """How a job ended: a result, one sentence of failure, or cancelled."""

    result: object = None
    problem: str = ""
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problem and not self.cancelled


class JobSignals(QObject):
    progress = Signal(object)  # the tuple the work passed to `report`
    finished = Signal(object)  # JobOutcome


def bug_sentence(error: BaseException) -> str:
    """One sentence for a bug; its traceback goes to the crash log (as the CLI does)."""
    log = write_crash_log(error)
    if log is None:
        return user_message(Sentence.of("Something went wrong inside orgdesk ({error}).",
                                        error=type(error).__name__))
    return user_message(Sentence.of(
        "Something went wrong inside orgdesk ({error}); the details are in {log}.",
        error=type(error).__name__, log=str(log)))


def outcome_of(work: Callable[[], object],
               cancelled_by: tuple[type[BaseException], ...] = ()) -> JobOutcome:
    """Run `work` and say how it ended; never raises (but lets KeyboardInterrupt through)."""
    cancelled: tuple[type[BaseException], ...] = (JobCancelled, *cancelled_by)
    try:
        result = work()
    except cancelled:
        return JobOutcome(cancelled=True)
    except UserError as exc:
        return JobOutcome(problem=user_message(exc))
    except Exception as exc:  # noqa: BLE001 - a bug: one sentence, the traceback in the crash log
        return JobOutcome(problem=bug_sentence(exc))
    return JobOutcome(result=result)


class Job(QRunnable):
    """`work(job)` on a pool thread; `signals.finished` carries the JobOutcome."""

    def __init__(self, work: Callable[[Job], object],
                 cancelled_by: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__()
        self.setAutoDelete(False)  # kept (see `start`) until its outcome has arrived
        self.signals = JobSignals()
        self._work = work
        self._cancelled_by = cancelled_by
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def report(self, *values: object) -> None:
        """Progress from the work; stops the work once the job was cancelled."""
        if self._stop.is_set():
            raise JobCancelled
        self.signals.progress.emit(values)

    def run(self) -> None:
        self.signals.finished.emit(outcome_of(lambda: self._work(self), self._cancelled_by))


_running: set[Job] = set()


def start(job: Job, on_finished: Callable[[JobOutcome], object],
          on_progress: Callable[[tuple[object, ...]], object] | None = None,
          pool: QThreadPool | None = None) -> Job:
    """Start `job`; `on_finished` (and `on_progress`) run on the GUI thread."""
    queued = Qt.ConnectionType.QueuedConnection
    if on_progress is not None:
        job.signals.progress.connect(on_progress, queued)

    def finished(outcome: JobOutcome) -> None:
        _running.discard(job)
        on_finished(outcome)
    job.signals.finished.connect(finished, queued)
    _running.add(job)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
