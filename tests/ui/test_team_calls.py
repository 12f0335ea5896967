"""Library calls (ui/team_calls.py): Cancel before the point of no return stops the call
and its commit; after it, Cancel says it is too late and the outcome arrives.  Quitting
gives every call up at once (what a given-up call opens later is closed), except one
past its point of no return, which is given a moment to finish."""
from __future__ import annotations

import threading
import time

import pytest

from orgdesk.ui import jobs
from orgdesk.ui.jobs import JobOutcome
from orgdesk.ui.team_calls import give_up_calls, point_of_no_return, start_call
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.gui


def _call(passed: threading.Event, go_on: threading.Event, final_commit: bool = True
          ) -> tuple[list[JobOutcome], object]:
    outcomes: list[JobOutcome] = []

    def work() -> str:
        assert go_on.wait(10)
        point_of_no_return()
        passed.set()
        return "written"
    return outcomes, start_call(work, outcomes.append, final_commit)


def test_cancel_before_the_point_of_no_return_stops_the_call() -> None:
    passed, go_on = threading.Event(), threading.Event()
    outcomes, call = _call(passed, go_on)
    assert call.cancel()  # type: ignore[attr-defined]
    go_on.set()
    assert wait_for(lambda: outcomes, timeout=10)
    assert outcomes[0].cancelled and not passed.is_set()


def test_cancel_after_the_point_of_no_return_is_too_late() -> None:
    passed, go_on = threading.Event(), threading.Event()
    outcomes, call = _call(passed, go_on)
    go_on.set()
    assert passed.wait(10)
    assert not call.cancel()  # type: ignore[attr-defined]
    assert wait_for(lambda: outcomes, timeout=10)
    assert outcomes[0].ok and outcomes[0].result == "written"
    assert call not in jobs._running


def test_work_done_after_the_call_ended_runs_at_once() -> None:
    passed, go_on = threading.Event(), threading.Event()
    outcomes, call = _call(passed, go_on)
    ran: list[str] = []
    call.when_done(lambda: ran.append("while running"))  # type: ignore[attr-defined]
    go_on.set()
    assert wait_for(lambda: outcomes, timeout=10)
    assert wait_for(lambda: ran == ["while running"], timeout=5)
    call.when_done(lambda: ran.append("after"))  # type: ignore[attr-defined]
    assert ran == ["while running", "after"]


def test_quitting_gives_a_waiting_call_up_at_once() -> None:
    go_on = threading.Event()
    outcomes: list[JobOutcome] = []
    closed: list[object] = []

    def work() -> str:
        assert go_on.wait(10)  # a server that does not answer
        return "a library"
    call = start_call(work, outcomes.append, dropped=closed.append)
    time.sleep(0.1)  # under way
    began = time.monotonic()
    give_up_calls(grace=5)
    assert time.monotonic() - began < 2  # not the work's 10 s
    assert wait_for(lambda: outcomes, timeout=2)
    assert outcomes[0].cancelled and call not in jobs._running
    go_on.set()  # the server answers after all: what the work got is closed
    assert wait_for(lambda: closed == ["a library"], timeout=5)


def test_quitting_lets_a_call_past_its_point_of_no_return_finish() -> None:
    passed, go_on = threading.Event(), threading.Event()
    outcomes: list[JobOutcome] = []

    def work() -> str:
        point_of_no_return()
        passed.set()
        assert go_on.wait(10)  # the version is being stored
        return "stored"
    start_call(work, outcomes.append, final_commit=True)
    assert passed.wait(10)
    threading.Timer(0.3, go_on.set).start()
    give_up_calls(grace=5)
    assert wait_for(lambda: outcomes, timeout=2)
    assert outcomes[0].ok and outcomes[0].result == "stored"
