"""The fast part of the adversarial corpus, run by `make test`.

Every crafted case of issue 9 goes through the core commands (info, info
--json, check, report, JSON export) and one more command chosen in turn, so
all commands are covered across the corpus; truncations and seeded byte
flips go through info and check; a representative set is opened in the real
editor window; two hostile files go through every painting command; import
files with hostile settings and values go through `orgdesk import`.  The
long run (1,000+ mutants, every file through every command, 300 kills, the
fuzzers) is `make stress` (tools/stress.py).

All jobs run once per module in worker processes (harness.py), so a crash or
hang costs one job; each test then judges one case's results.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.adversarial.corpus import (
    OTHER_SAMPLE,
    SAMPLES,
    Case,
    byte_flips,
    crafted,
    hostile_imports,
    truncations,
)
from tests.adversarial.harness import (
    GUI_OPEN,
    HEADLESS,
    PAINTING,
    Result,
    failures,
    make_jobs,
    run_jobs,
)

CORE = ["info", "info-json", "check", "report", "export-json"]
ROTATING = [name for name in HEADLESS if name not in CORE]
CRAFTED = [case for case in crafted() if not case.heavy]
TRUNCATED = truncations()
FLIPPED = byte_flips(30, seed=7)
#: Opened in the editor window: one of each kind of hostility.
GUI_CASES = ["control-sample", "sqliteX-trigger", "negative-ids", "id-2^63-1",
             "setting-detail-1e999", "setting-override-superscript", "setting-last-id-max",
             "wal-mode", "note-1mb-unbroken", "title-100k-unbroken", "control-titles",
             "cycle-two", "chain-5000", "dangling-superior"]
#: Painted (PNG, PDF, handbook) in the fast run.
PAINTED_CASES = ["control-titles", "note-1mb-unbroken"]
#: No single command may take longer than this here (a hang, not a speed target).
TIMEOUT = 30.0


def _plan(case: Case, index: int) -> list[str]:
    if case.category != "crafted":
        return ["info", "check"]
    commands = CORE + [ROTATING[index % len(ROTATING)]]
    if case.name in GUI_CASES:
        commands.append(GUI_OPEN)
    if case.name in PAINTED_CASES:
        commands += PAINTING
    return commands


ALL_CASES = CRAFTED + TRUNCATED + FLIPPED
IMPORTS = hostile_imports()


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Result]]:
    root = tmp_path_factory.mktemp("adversarial")
    other = root / "other" / f"{OTHER_SAMPLE}.orgdesk"
    other.parent.mkdir()
    other.write_bytes((SAMPLES / f"{OTHER_SAMPLE}.orgdesk").read_bytes())
    jobs = []
    for index, case in enumerate(ALL_CASES):
        path = case.write(root / "in" / case.name)
        jobs += make_jobs([(case.name, case.category, path)], _plan(case, index), other,
                          root / "out")
    for source in IMPORTS:
        path = source.write(root / "in" / source.name)
        jobs += make_jobs([(source.name, source.category, path)], ["import"], other, root / "out")
    done = run_jobs(jobs, root / "work", timeout=TIMEOUT, workers=2)
    by_case: dict[str, list[Result]] = {}
    for result in done.values():
        by_case.setdefault(result.job.case, []).append(result)
    # Nothing may appear beside any input once every command has run.
    for case in ALL_CASES:
        folder = root / "in" / case.name
        extra = sorted(p.name for p in folder.iterdir() if p.name != f"{case.name}.orgdesk")
        if extra:
            by_case[case.name].append(Result(jobs[0], 0, changed=[f"left beside: {extra}"]))
    return by_case


def _judge(results: dict[str, list[Result]], name: str) -> None:
    problems = [f"{r.job.command}: {kind}: {detail}"
                for r in sorted(results[name], key=lambda r: r.job.command)
                for kind, detail in failures(r)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", [case.name for case in CRAFTED])
def test_crafted_file(results: dict[str, list[Result]], name: str) -> None:
    _judge(results, name)


@pytest.mark.parametrize("name", [case.name for case in TRUNCATED + FLIPPED])
def test_damaged_file(results: dict[str, list[Result]], name: str) -> None:
    _judge(results, name)


@pytest.mark.parametrize("name", [source.name for source in IMPORTS])
def test_hostile_import(results: dict[str, list[Result]], name: str) -> None:
    _judge(results, name)


def test_every_command_and_the_window_were_exercised(results: dict[str, list[Result]]) -> None:
    ran = {r.job.command for rs in results.values() for r in rs}
    assert set(HEADLESS) | set(PAINTING) | {GUI_OPEN, "import"} <= ran
    # The corpus is not all refusals: sound files must still be accepted.
    control = {r.job.command: r.code for r in results["control-sample"]}
    assert set(control.values()) == {0}, control
    opened = [r for rs in results.values() for r in rs
              if r.job.command == GUI_OPEN and r.extra.get("outcome") == "opened"]
    assert opened, "no file opened in the window at all"


def test_the_judge_catches_what_it_must(tmp_path: Path) -> None:
    """The rules themselves: a hang, a traceback, a raw escape, a changed input fail."""
    from tests.adversarial.harness import Job

    job = Job("x::info", "x", "crafted", "info", ["info", "x"], ["x"], str(tmp_path))
    assert failures(Result(job, 0, stdout="ok\n")) == []
    assert failures(Result(job, 1, stderr="orgdesk: “x” is damaged.\n")) == []
    assert failures(Result(job, None, hung=True))[0][0] == "hang"
    assert failures(Result(job, -11, died="worker exited with -11"))[0][0] == "crash"
    assert failures(Result(job, 70, stderr="orgdesk: internal error.\n",
                           traceback="Traceback…\nValueError: x"))[0][0] == "traceback"
    assert failures(Result(job, 0, stdout="\x1b]0;t\x07\n"))[0][0] == "escape"
    assert failures(Result(job, 1, stderr="one.\ntwo.\n"))[0][0] == "sentence"
    assert failures(Result(job, 0, changed=["x"]))[0][0] == "changed"
    assert failures(Result(job, 1, stderr="no.\n", outputs=["out.svg"]))[0][0] == "litter"
