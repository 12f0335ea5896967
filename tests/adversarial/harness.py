"""Running the corpus through every command and the editor window, and judging the results.

A *job* is one command line (or one GUI open) on one corpus file.  Jobs run
in worker processes (cli_worker.py, gui_worker.py) so a segfault or a hang
costs one job, not the run: the parent watches each worker's status file,
kills a worker whose job outlives its timeout, and starts a new worker on
the jobs that are left.

Every result is judged by the same rules (`failures`):
  * no hang and no crash (a signal or a dead worker);
  * exit 0, or exit 1 with one sentence on stderr (`check` may list problems);
    never 70 (an internal error), never a traceback on the terminal;
  * human-readable output holds no raw control characters; JSON output parses;
  * the input file's bytes, mtime and mode are unchanged, nothing appears beside it;
  * a failed export leaves no file behind; a successful one writes exactly its file.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tests.adversarial.corpus import ROOT

#: Commands whose output is JSON (checked by parsing) rather than text.
JSON_COMMANDS = {"info-json", "report-json", "diff-json", "size-json", "structure-json"}

#: name → argv after `orgdesk`, given the file, a second sound file and an output folder.
Argv = Callable[[Path, Path, Path], list[str]]


def _export(ext: str) -> Argv:
    return lambda f, o, d: ["export", str(f), "-o", str(d / f"out.{ext}")]


def _handbook(ext: str) -> Argv:
    return lambda f, o, d: ["handbook", str(f), "-o", str(d / f"handbook.{ext}")]


COMMANDS: dict[str, Argv] = {
    "info": lambda f, o, d: ["info", str(f)],
    "info-json": lambda f, o, d: ["info", str(f), "--json"],
    "check": lambda f, o, d: ["check", str(f)],
    "report": lambda f, o, d: ["report", str(f)],
    "report-json": lambda f, o, d: ["report", str(f), "--json"],
    "diff": lambda f, o, d: ["diff", str(o), str(f)],
    "diff-json": lambda f, o, d: ["diff", str(f), str(o), "--json"],
    **{f"export-{ext}": _export(ext)
       for ext in ("svg", "dot", "csv", "json", "xlsx", "graphml", "png", "pdf")},
    **{f"handbook-{ext}": _handbook(ext) for ext in ("html", "pdf", "docx")},
    # The design commands: sizing an agent position (its id 1 may not exist: then a
    # sentence) and the support structure derived from the span rules.
    "size": lambda f, o, d: ["size", str(f), "--position", "1", "--calls", "120/h",
                             "--aht", "240"],
    "size-json": lambda f, o, d: ["size", str(f), "--position", "1", "--calls", "120/h",
                                  "--aht", "240", "--json"],
    "structure": lambda f, o, d: ["structure", str(f)],
    "structure-json": lambda f, o, d: ["structure", str(f), "--json"],
    "structure-apply": lambda f, o, d: ["structure", str(f), "--apply", "-o",
                                        str(d / "structured.orgdesk")],
    # A source to import (CSV, XLSX, JSON, GraphML) rather than an .orgdesk file.
    "import": lambda f, o, d: ["import", str(f), "-o", str(d / "imported.orgdesk")],
}
PAINTING = ["export-png", "export-pdf", "handbook-html", "handbook-pdf", "handbook-docx"]
HEADLESS = [name for name in COMMANDS if name not in PAINTING and name != "import"]
GUI_OPEN = "gui-open"

#: Set to stop every running queue (Ctrl-C or SIGTERM of the stress run): workers are killed.
STOP = threading.Event()

_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f"
                     "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@dataclass
class Job:
    id: str
    case: str
    category: str
    command: str
    argv: list[str]
    inputs: list[str]
    outdir: str = ""
    #: For an import with a known answer: "imported" or "refused" (else anything sound).
    expect: str = ""

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=True)


@dataclass
class Result:
    job: Job
    code: object = None
    seconds: float = 0.0
    stdout: str = ""
    stderr: str = ""
    traceback: str = ""
    changed: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    hung: bool = False
    died: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def make_jobs(files: Iterable[tuple[str, str, Path]], commands: Iterable[str], other: Path,
              outroot: Path) -> list[Job]:
    """One job per (case, command); `files` yields (case name, category, path)."""
    jobs = []
    names = list(commands)
    for case, category, path in files:
        for command in names:
            job_id = f"{case}::{command}"
            outdir = outroot / f"{case}--{command}"
            if command == GUI_OPEN:
                jobs.append(Job(job_id, case, category, command, [], [str(path)]))
                continue
            outdir.mkdir(parents=True, exist_ok=True)
            argv = COMMANDS[command](path, other, outdir)
            jobs.append(Job(job_id, case, category, command, argv, [str(path)], str(outdir)))
    return jobs


# --------------------------------------------------------------------- running
def _worker_env(state: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(ORGDESK_STATE_DIR=str(state), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
               PYTHONFAULTHANDLER="1")
    return env


class _StatusReader:
    """The new complete lines of a worker's status file since the last call.

    Reads only what was appended (the file grows to megabytes over a batch, and
    it is polled every few milliseconds); a line still being written waits.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0

    def new_lines(self) -> list[dict[str, object]]:
        if not self.path.exists():
            return []
        with open(self.path, "rb") as handle:
            handle.seek(self.offset)
            chunk = handle.read()
        complete = chunk[:chunk.rfind(b"\n") + 1]
        self.offset += len(complete)
        return [json.loads(line) for line in complete.decode("utf-8").splitlines() if line]


def _run_queue(jobs: list[Job], module: str, workdir: Path, timeout: float,
               results: dict[str, Result]) -> None:
    """Run `jobs` in as many successive workers as crashes and hangs require."""
    pending = list(jobs)
    by_id = {job.id: job for job in jobs}
    attempt = 0
    while pending:
        attempt += 1
        batch = workdir / f"batch-{attempt}"
        batch.mkdir(parents=True, exist_ok=True)
        (batch / "jobs.jsonl").write_text("".join(j.to_json() + "\n" for j in pending), "utf-8")
        status = batch / "status.jsonl"
        with open(batch / "stderr.txt", "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", module, str(batch / "jobs.jsonl"), str(status)],
                cwd=ROOT, env=_worker_env(workdir / "state"), stdout=subprocess.DEVNULL,
                stderr=err)
            current: str | None = None
            since = time.monotonic()
            reader = _StatusReader(status)
            hung = False
            while True:
                exited = proc.poll() is not None  # before reading: the last lines count
                for line in reader.new_lines():
                    if "start" in line:
                        current, since = str(line["start"]), time.monotonic()
                    else:
                        job = by_id[str(line["id"])]
                        results[job.id] = Result(
                            job, line["code"], float(line["seconds"]),  # type: ignore[arg-type]  # a result line read from JSON
                            str(line["stdout"]), str(line["stderr"]), str(line["traceback"]),
                            list(line["changed"]), list(line["outputs"]),  # type: ignore[arg-type]  # a result line read from JSON
                            extra={k: v for k, v in line.items() if k in ("outcome",
                                                                           "windows_left")})
                        current = None
                if exited:
                    break
                if STOP.is_set():
                    proc.kill()
                    proc.wait()
                    return
                if current is not None and time.monotonic() - since > timeout:
                    proc.kill()
                    proc.wait()
                    hung = True
                    break
                time.sleep(0.02)
        done = set(results)
        if current is not None and current not in done:
            job = by_id[current]
            died = "" if hung else f"worker exited with {proc.returncode}"
            results[current] = Result(job, proc.returncode, timeout if hung else 0.0,
                                      stderr=(batch / "stderr.txt").read_text("utf-8", "replace")[-3000:],
                                      hung=hung, died=died)
        pending = [job for job in pending if job.id not in results]
        if pending and current is None and proc.returncode not in (0, None):
            # The worker died between jobs (at start-up): report rather than loop forever.
            for job in pending:
                results[job.id] = Result(job, proc.returncode, died="worker failed to start",
                                         stderr=(batch / "stderr.txt").read_text("utf-8")[-3000:])
            pending = []


def run_jobs(jobs: list[Job], workdir: Path, timeout: float = 60.0, workers: int = 2
             ) -> dict[str, Result]:
    """Run every job; CLI jobs and GUI opens each in their own workers, `workers` in parallel."""
    results: dict[str, Result] = {}
    cli = [j for j in jobs if j.command != GUI_OPEN]
    gui = [j for j in jobs if j.command == GUI_OPEN]
    queues: list[tuple[list[Job], str]] = []
    n = max(1, workers)
    for i in range(n):
        if cli[i::n]:
            queues.append((cli[i::n], "tests.adversarial.cli_worker"))
    if gui:
        queues.append((gui, "tests.adversarial.gui_worker"))
    threads = [threading.Thread(target=_run_queue,
                                args=(queue, module, workdir / f"worker-{i}", timeout, results))
               for i, (queue, module) in enumerate(queues)]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            while thread.is_alive():
                thread.join(0.5)
    except KeyboardInterrupt:
        STOP.set()  # no worker may outlive the run
        for thread in threads:
            thread.join()
        raise
    return results


# --------------------------------------------------------------------- judging
def _is_sentence_block(command: str, stderr: str) -> bool:
    lines = [line for line in stderr.splitlines() if line.strip()]
    if len(lines) == 1:
        return True
    # `check` and `import` list what they found, indented, beside one sentence.
    return command in ("check", "import") \
        and sum(1 for line in lines if not line.startswith("  ")) == 1


def failures(result: Result) -> list[tuple[str, str]]:
    """(kind, detail) for each rule the result breaks; empty when it behaved."""
    job = result.job
    found: list[tuple[str, str]] = []
    if result.hung:
        return [("hang", f"no result within {result.seconds:.0f} s")]
    if result.died:
        return [("crash", f"{result.died}: {result.stderr[-400:]}")]
    if result.code not in (0, 1):
        kind = "traceback" if result.traceback or result.code == 70 else "exit"
        found.append((kind, f"exit {result.code}: {_last_line(result.traceback) or result.stderr[-300:]}"))
    elif result.traceback:
        found.append(("traceback", _last_line(result.traceback)))
    for stream in (result.stdout, result.stderr):
        if "Traceback (most recent call last)" in stream:
            found.append(("traceback", "a traceback reached the terminal: "
                          + _last_line(stream)[:300]))
            break
    if result.code == 1 and job.command != GUI_OPEN:
        if not result.stderr.strip():
            found.append(("sentence", "exit 1 without a sentence on stderr"))
        elif not _is_sentence_block(job.command, result.stderr):
            found.append(("sentence", f"more than one sentence: {result.stderr[:300]!r}"))
    if job.command == GUI_OPEN:
        if result.code == 1 and len([a for a in result.stderr.splitlines() if a]) != 1:
            found.append(("sentence", f"refused without exactly one message: {result.stderr!r}"))
        if result.extra.get("windows_left"):
            found.append(("window", "a window did not close"))
    human = [result.stderr] + ([] if job.command in JSON_COMMANDS else [result.stdout])
    for text in human:
        bad = sorted(set(_UNSAFE.findall(text)))
        if bad:
            found.append(("escape", f"raw control characters reached the terminal: {bad!r}"))
    if job.command in JSON_COMMANDS and result.code == 0:
        try:
            json.loads(result.stdout)
        except ValueError as exc:
            found.append(("json", f"stdout is not JSON: {exc}"))
    if result.changed:
        found.append(("changed", f"input changed: {result.changed}"))
    if job.expect and result.code in (0, 1) and (result.code == 0) != (job.expect == "imported"):
        found.append(("wrong-import", (f"expected {job.expect}, got exit {result.code}: "
                                      f"{(result.stderr or result.stdout)[-300:]!r}")))
    if job.outdir:
        if result.code == 1 and result.outputs:
            found.append(("litter", f"a failed command left {result.outputs}"))
        if result.code == 0 and job.command.startswith(("export-", "handbook-", "import")) \
                and len(result.outputs) != 1:
            found.append(("litter", f"wrote {result.outputs}, expected one file"))
    return found


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def summarise(results: dict[str, Result]) -> dict[str, dict[str, int]]:
    """Per category: runs, accepted (exit 0), clean refusals, and each kind of failure."""
    table: dict[str, dict[str, int]] = {}
    for result in results.values():
        row = table.setdefault(result.job.category if result.job.command != GUI_OPEN
                               else f"{result.job.category} (GUI open)", {
            "runs": 0, "accepted": 0, "refused": 0, "traceback": 0, "crash": 0, "hang": 0,
            "changed": 0, "other": 0})
        row["runs"] += 1
        kinds = {kind for kind, _ in failures(result)}
        if not kinds:
            row["accepted" if result.code == 0 else "refused"] += 1
        for kind in kinds:
            key = kind if kind in row else "other"
            row[key] += 1
    return table


def report_lines(results: dict[str, Result], limit: int = 200) -> list[str]:
    """One line per failing job: case, command, kind and detail."""
    lines = []
    for job_id in sorted(results):
        for kind, detail in failures(results[job_id]):
            lines.append(f"{job_id}: {kind}: {detail}")
    return lines[:limit] + ([f"… and {len(lines) - limit} more"] if len(lines) > limit else [])


def nothing_beside(folder: Path, name: str) -> list[str]:
    """Names that appeared beside the input (working copies, -wal/-shm, temp files)."""
    return sorted(n for n in os.listdir(folder) if n != name)
