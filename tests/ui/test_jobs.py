"""One job helper for background work: results, known problems, bugs with a crash log,
cancelling — and the exports hand their workers a copy, settings included."""
from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from orgdesk.core.errors import InvalidValueError, Sentence
from orgdesk.ui import jobs
from orgdesk.ui.jobs import Job, JobOutcome


def run(qtbot: QtBot, job: Job) -> tuple[JobOutcome, list[tuple[object, ...]]]:
    outcomes: list[JobOutcome] = []
    progress: list[tuple[object, ...]] = []
    jobs.start(job, outcomes.append, progress.append)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10_000)
    return outcomes[0], progress


def test_a_result_and_its_progress_arrive(qtbot: QtBot) -> None:
    def work(job: Job) -> int:
        job.report(50, "half")
        return 42
    outcome, progress = run(qtbot, Job(work))
    assert outcome == JobOutcome(result=42) and outcome.ok
    assert progress == [(50, "half")]


def test_a_known_problem_is_its_sentence(qtbot: QtBot) -> None:
    def work(_job: Job) -> None:
        raise InvalidValueError(Sentence.of("{file} is read-only.", file="a.png"))
    outcome, _ = run(qtbot, Job(work))
    assert outcome.problem == "a.png is read-only." and not outcome.ok


def test_a_bug_is_one_sentence_and_its_traceback_goes_to_the_crash_log(
        qtbot: QtBot, state_dir: Path) -> None:
    def work(_job: Job) -> None:
        {}["missing"]
    outcome, _ = run(qtbot, Job(work))
    log = state_dir / "crash.log"
    assert outcome.problem == (f"Something went wrong inside orgdesk (KeyError); "
                               f"the details are in {log}.")
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert "\n" not in outcome.problem


def test_a_cancelled_job_stops_at_its_next_report(qtbot: QtBot) -> None:
    reached: list[int] = []

    def work(job: Job) -> None:
        job.cancel()
        job.report(1)
        reached.append(1)
    outcome, _ = run(qtbot, Job(work))
    assert outcome.cancelled and not reached


@pytest.mark.parametrize("module", ["data_actions", "export_dialog", "handbook_dialog"])
def test_no_hand_made_runnables_are_left(module: str) -> None:
    import importlib

    source = Path(importlib.import_module(f"orgdesk.ui.{module}").__file__ or "").read_text(
        encoding="utf-8")
    assert "QRunnable" not in source
    assert "Organisation(" not in source  # copies come from Organisation.copy()
