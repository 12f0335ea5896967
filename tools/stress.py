"""`make stress`: the long adversarial run of issue 9, with its figures.

    python tools/stress.py [--flips 1000] [--kills 300] [--fuzz-seconds 60] [--timeout 60]
                           [--out out/stress] [--only corpus,gui,kills,fuzz,imports]

Parts (each can be chosen with --only):
  corpus   every truncation (every page boundary), --flips seeded byte flips and
           every crafted case of issue 9 (the 100,000-level chain included)
           through the CLI: crafted and truncated files through every command,
           flips through info, check, report --json and CSV export, and every
           tenth flip through every headless command
  gui      every crafted and truncated file and 150 flips opened in the real
           editor window (offscreen)
  imports  our hostile import files (corpus.hostile_imports) and engineer h3's
           (tests/io/hostile_corpus.py, each with the answer it expects)
           through `orgdesk import`
  kills    --kills SIGKILLs of an orgdesk that is starting (recovering, opening),
           editing or saving, in turn on one file; each next start verifies the
           kill before it: the file is a save point, no committed edit is lost,
           and a start never fails twice in a row (a crash loop)
  fuzz     tools/fuzz_readers.py (atheris, coverage-guided) on the .orgdesk
           reader and the CSV, XLSX, JSON and GraphML import readers,
           --fuzz-seconds each

Writes OUT/summary.json, OUT/summary.md (the tables of docs/reliability.md)
and OUT/failures.txt; exits 1 when anything failed.  Every case is
deterministic (seeded), so a failure reproduces with the same options.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.adversarial import harness  # noqa: E402 - after ROOT is on sys.path
from tests.adversarial.corpus import (  # noqa: E402 - after ROOT is on sys.path
    OTHER_SAMPLE,
    SAMPLES,
    byte_flips,
    crafted,
    hostile_imports,
    truncations,
)

PARTS = ("corpus", "gui", "imports", "kills", "fuzz")
FUZZ_TARGETS = ("orgdesk", "csv", "xlsx", "json", "graphml")
CORE_FLIP_COMMANDS = ["info", "check", "report-json", "export-csv"]


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


# ---------------------------------------------------------------- corpus + GUI
def corpus_jobs(work: Path, flips: int, parts: set[str], heavy: bool = True
                ) -> list[harness.Job]:
    other = work / "other" / f"{OTHER_SAMPLE}.orgdesk"
    other.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SAMPLES / f"{OTHER_SAMPLE}.orgdesk", other)
    jobs: list[harness.Job] = []
    everything = harness.HEADLESS + harness.PAINTING
    flipped = byte_flips(flips)
    for case in crafted() + truncations(every_page=True) + flipped:
        if case.heavy and not heavy:
            continue
        path = case.write(work / "in" / case.name)
        commands: list[str] = []
        if "corpus" in parts:
            if case.category == "flipped":
                index = int(case.name.split("-")[1])
                commands = list(harness.HEADLESS if index % 10 == 0 else CORE_FLIP_COMMANDS)
            else:
                commands = list(everything)
        if "gui" in parts and (case.category != "flipped"
                               or int(case.name.split("-")[1]) % max(1, flips // 150) == 0):
            commands.append(harness.GUI_OPEN)
        jobs += harness.make_jobs([(case.name, case.category, path)], commands, other,
                                  work / "out")
    return jobs


def import_jobs(work: Path) -> list[harness.Job]:
    """Our hostile import files, and engineer h3's generator's when it is in the tree."""
    other = work / "other" / f"{OTHER_SAMPLE}.orgdesk"
    jobs = []
    for case in hostile_imports():
        path = case.write(work / "in" / f"import-{case.name}")
        jobs += harness.make_jobs([(f"import-{case.name}", case.category, path)], ["import"],
                                  other, work / "out")
    module_path = ROOT / "tests" / "io" / "hostile_corpus.py"
    if not module_path.exists():
        log("tests/io/hostile_corpus.py is not there: only our own hostile import files")
        return jobs
    from tests.io import hostile_corpus

    for case in hostile_corpus.cases():
        name = f"import-h3-{case.name}"
        path = case.write(work / "in" / name)  # alone in its folder: nothing may appear beside
        outdir = work / "out" / f"{name}--import"
        outdir.mkdir(parents=True, exist_ok=True)
        argv = ["import", str(path), "-o", str(outdir / "imported.orgdesk"), *case.options]
        jobs.append(harness.Job(f"{name}::import", name, "hostile import (h3)", "import", argv,
                                [str(path)], str(outdir), expect=case.expect))
    return jobs


# ----------------------------------------------------------------------- kills
def _lines(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    found = []
    for line in path.read_text("utf-8").splitlines():
        try:
            found.append(json.loads(line))
        except json.JSONDecodeError:
            break
    return found


def _integrity(path: Path) -> str:
    uri = f"file:{path}?mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as exc:
        return f"error: {exc}"


def _file_iteration(path: Path) -> int | None:
    uri = f"file:{path}?mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            title = conn.execute("SELECT value FROM meta WHERE key = 'title'").fetchone()[0]
    except (sqlite3.Error, TypeError):
        return None
    return int(title.split()[1]) if title.startswith("iter ") else 0


def run_kills(work: Path, kills: int, seed: int = 20261203) -> dict[str, object]:
    """Kill an orgdesk `kills` times (starting, editing, saving) and verify each next start."""
    folder = work / "kills"
    documents = folder / "document"  # the document alone: whatever appears beside it is litter
    documents.mkdir(parents=True, exist_ok=True)
    path = documents / "kill target.orgdesk"
    shutil.copyfile(SAMPLES / "training_call_center_50.orgdesk", path)
    state = folder / "state"
    env = {**os.environ, "ORGDESK_STATE_DIR": str(state), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}
    rng = random.Random(seed)
    stats = {"kills": 0, "kills_by_mode": {"open": 0, "edit": 0, "save": 0},
             "landed_in_start": 0, "landed_in_save": 0, "starts": 0, "start_refused": 0,
             "start_crashed": 0, "crash_loops": 0, "edits_committed": 0, "edits_lost": 0,
             "files_not_a_save_point": 0, "saves": 0, "most_litter_beside": 0,
             "litter_beside": [], "problems": []}
    committed: set[int] = set()  # unsaved-edit numbers reported as committed
    saving: list[int] = []
    saved_iterations: list[int] = [0]
    previous_start_failed = False
    modes = ("open", "edit", "save")
    round_number = 0
    while stats["kills"] < kills:
        mode = modes[round_number % 3]
        round_number += 1
        status = folder / f"status-{round_number}.jsonl"
        with open(folder / "child-stderr.txt", "ab") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.adversarial.kill_child", mode, str(path),
                 str(status)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
            try:
                deadline = time.monotonic() + 120
                started = None
                # Wait until the child has imported orgdesk, then kill it at a random moment.
                while time.monotonic() < deadline and proc.poll() is None:
                    events = [e["event"] for e in _lines(status)]
                    if mode == "open" and "imported" in events:
                        time.sleep(rng.uniform(0.0, 0.25))
                        break
                    if mode == "edit" and "started" in events:
                        time.sleep(rng.uniform(0.0, 0.5))
                        break
                    if mode == "save" and "started" in events:
                        if rng.random() < 0.5:  # a few milliseconds into the k-th save
                            target = rng.randrange(1, 4)
                            while time.monotonic() < deadline and proc.poll() is None and sum(
                                    1 for e in _lines(status) if e["event"] == "saving") < target:
                                time.sleep(0.002)
                            time.sleep(rng.uniform(0.0, 0.02))
                        else:  # anywhere in the edit/save loop
                            time.sleep(rng.uniform(0.0, 0.8))
                        break
                    time.sleep(0.005)
            except BaseException:
                proc.kill()  # interrupted: no child outlives the run
                proc.wait()
                raise
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                stats["kills"] += 1
                stats["kills_by_mode"][mode] += 1
            proc.wait()
        events = _lines(status)
        names = [e["event"] for e in events]
        start = next((e for e in events if str(e["event"]).startswith("start")), None)
        if start is not None:
            stats["starts"] += 1
            started = start
        if "started" not in names and "imported" in names:
            stats["landed_in_start"] += 1
        if names and names[-1] == "saving":
            stats["landed_in_save"] += 1
        # ---- what this start saw of the previous kill
        if started is not None:
            if started["event"] == "started":
                previous_start_failed = False
                seen = set(started["unsaved"])  # type: ignore[arg-type]  # a summary read from JSON
                lost = sorted(committed - seen)
                if lost:
                    stats["edits_lost"] += len(lost)
                    stats["problems"].append(f"round {round_number}: committed edits lost: "
                                             f"{lost[:10]}")
                committed = set(seen)
            else:
                key = "start_refused" if started["event"] == "start-refused" else "start_crashed"
                stats[key] += 1
                stats["problems"].append(f"round {round_number} ({mode}): {started['event']}: "
                                         f"{started.get('type')}: {started.get('message')}")
                if previous_start_failed:
                    stats["crash_loops"] += 1
                previous_start_failed = True
        # ---- what this child committed before it died
        committed |= {int(e["i"]) for e in events if e["event"] == "edited"}  # type: ignore[arg-type]  # a summary read from JSON
        stats["edits_committed"] += sum(1 for e in events if e["event"] == "edited")
        saving = [int(e["i"]) for e in events if e["event"] == "saving"]  # type: ignore[arg-type]  # a summary read from JSON
        saved = [int(e["i"]) for e in events if e["event"] == "saved"]  # type: ignore[arg-type]  # a summary read from JSON
        stats["saves"] += len(saved)
        if saved:
            saved_iterations.append(saved[-1])
        # ---- the user's file: always a save point, never damaged
        check = _integrity(path)
        iteration = _file_iteration(path)
        allowed = {saved_iterations[-1]} | ({saving[-1]} if saving else set())
        if check != "ok" or iteration not in allowed:
            stats["files_not_a_save_point"] += 1
            stats["problems"].append(f"round {round_number} ({mode}): file integrity {check!r}, "
                                     f"iteration {iteration}, allowed {sorted(allowed)}")
        if iteration is not None and iteration not in saved_iterations:
            saved_iterations.append(iteration)
        beside = sorted(p.name for p in documents.iterdir() if p.name != path.name)
        stats["litter_beside"] = beside
        stats["most_litter_beside"] = max(stats["most_litter_beside"], len(beside))
        if stats["kills"] and stats["kills"] % 30 == 0 and mode == "save":
            log(f"kills: {stats['kills']} of {kills}")
    # A save killed part-way may leave its temporary file and journal until the next
    # save or open cleans them; more than one kill's worth means nothing cleans them.
    if stats["most_litter_beside"] > 2:
        stats["problems"].append(f"left beside the document after the last kill: "
                                 f"{stats['litter_beside'][:10]} (at most "
                                 f"{stats['most_litter_beside']} at once)")
    # A last, clean start: it must succeed and see every committed edit.
    final = folder / "status-final.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "tests.adversarial.kill_child", "open",
                             str(path), str(final)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(
            e["event"] in ("ready", "start-refused", "start-crashed") for e in _lines(final)):
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    last = next((e for e in _lines(final) if str(e["event"]).startswith("start")), None)
    if last is None or last["event"] != "started":
        stats["crash_loops"] += 1 if previous_start_failed else 0
        stats["problems"].append(f"final start: {last}")
    elif committed - set(last["unsaved"]):  # type: ignore[arg-type]  # a summary read from JSON
        stats["edits_lost"] += len(committed - set(last["unsaved"]))  # type: ignore[arg-type]  # a summary read from JSON
    return stats


# ------------------------------------------------------------------------ fuzz
def run_fuzz(work: Path, seconds: int) -> dict[str, dict[str, object]]:
    results: dict[str, dict[str, object]] = {}
    crashes = work / "fuzz-findings"
    for target in FUZZ_TARGETS:
        log(f"fuzzing {target} for {seconds} s")
        outdir = crashes / target
        started = time.monotonic()
        try:
            done = subprocess.run(  # noqa: PLW1510 - the exit code is a figure here
                [sys.executable, str(ROOT / "tools" / "fuzz_readers.py"), target, str(seconds),
                 str(outdir)], cwd=ROOT, capture_output=True, text=True,
                env={**os.environ, "ORGDESK_STATE_DIR": str(work / "fuzz-state")},
                timeout=seconds + 600)
            code, output = done.returncode, done.stdout + done.stderr
        except subprocess.TimeoutExpired as exc:
            code, output = "timeout", str(exc.stdout or "") + str(exc.stderr or "")
        (work / f"fuzz-{target}.log").write_text(output, "utf-8")
        stats = {line.split(":")[2].strip(): line.split(":")[-1].strip()
                 for line in output.splitlines() if line.startswith("stat::")}
        findings = sorted(p.name for p in outdir.glob(f"{target}-*")
                          if p.suffix != ".txt") if outdir.is_dir() else []
        results[target] = {
            "seconds": round(time.monotonic() - started), "exit": code,
            "engine": "atheris" if "INFO: Seed" in output or "stat::" in output else "random",
            "executions": stats.get("number_of_executed_units", "?"),
            "new_coverage_units": stats.get("new_units_added", "?"),
            "findings": findings,
            "finding_summary": "; ".join(
                line[len("FINDING "):] for line in output.splitlines()
                if line.startswith("FINDING ")) or (_fuzz_finding(output) if code != 0 else ""),
        }
    return results


def _fuzz_finding(output: str) -> str:
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if "Uncaught Python exception" in line or "ERROR: libFuzzer" in line:
            tail = [x for x in lines[i:i + 40] if x.strip()]
            exc = next((x for x in reversed(tail) if "Error" in x or "Exception" in x), line)
            return exc.strip()[:300]
    return (lines[-1] if lines else "")[:300]


# ---------------------------------------------------------------------- report
def markdown(summary: dict[str, object]) -> str:
    out = []
    table = summary.get("corpus")
    if table:
        out += [("| category | runs | accepted | clean refusals | tracebacks | crashes | hangs | "
                "files changed | other failures |"), "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name, row in sorted(table.items()):  # type: ignore[union-attr]  # a summary read from JSON
            out.append(f"| {name} | {row['runs']:,} | {row['accepted']:,} | {row['refused']:,} | "
                       f"{row['traceback']} | {row['crash']} | {row['hang']} | {row['changed']} | "
                       f"{row['other']} |")
    kills = summary.get("kills")
    if kills:
        k = kills
        out += ["", ("| kills | of a starting orgdesk | of an editing one | of a saving one | "
                "landed before the document was open | landed inside a save | saves | "
                "edits committed | edits lost | files not a save point | failed starts | crash loops |"),
                "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                (f"| {k['kills']} | {k['kills_by_mode']['open']} | {k['kills_by_mode']['edit']} | "
                f"{k['kills_by_mode']['save']} | {k['landed_in_start']} | {k['landed_in_save']} | "
                f"{k['saves']} | "
                f"{k['edits_committed']} | {k['edits_lost']} | {k['files_not_a_save_point']} | "
                f"{k['start_refused'] + k['start_crashed']} | {k['crash_loops']} |")]
    fuzz = summary.get("fuzz")
    if fuzz:
        out += ["", "| fuzz target | engine | seconds | executions | new coverage units | findings |",
                "|---|---|---:|---:|---:|---|"]
        for target, row in fuzz.items():  # type: ignore[union-attr]  # a summary read from JSON
            found = row["finding_summary"] or ("none" if not row["findings"] else
                                               ", ".join(row["findings"]))
            out.append(f"| {target} | {row['engine']} | {row['seconds']} | {row['executions']} | "
                       f"{row['new_coverage_units']} | {found} |")
    return "\n".join(out) + "\n"


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flips", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--fuzz-seconds", type=int, default=60)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds one command may take before it counts as a hang")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "stress")
    parser.add_argument("--only", default=",".join(PARTS))
    parser.add_argument("--light", action="store_true",
                        help="leave out the heavy cases (the 100,000-level chain)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` ends the workers too, like Ctrl-C
    parts = set(args.only.split(","))
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="orgdesk-stress-"))
    log(f"working in {work}")
    summary: dict[str, object] = {"options": {k: str(v) for k, v in vars(args).items()}}
    failures: list[str] = []
    started = time.monotonic()
    jobs: list[harness.Job] = []
    if parts & {"corpus", "gui"}:
        jobs += corpus_jobs(work, args.flips, parts, heavy=not args.light)
    if "imports" in parts:
        jobs += import_jobs(work)
    if jobs:
        log(f"running {len(jobs):,} command runs and window opens")
        results = harness.run_jobs(jobs, work / "work", timeout=args.timeout,
                                   workers=args.workers)
        summary["corpus"] = harness.summarise(results)
        summary["slowest"] = [(r.job.id, r.seconds) for r in
                              sorted(results.values(), key=lambda r: -r.seconds)[:15]]
        failures += harness.report_lines(results, limit=100_000)
        log(f"corpus done: {len(failures)} failures")
    if "kills" in parts:
        log(f"{args.kills} kills")
        kills = run_kills(work, args.kills)
        summary["kills"] = kills
        failures += [f"kills: {p}" for p in kills["problems"]]  # type: ignore[union-attr]  # a summary read from JSON
    if "fuzz" in parts:
        fuzz = run_fuzz(work, args.fuzz_seconds)
        summary["fuzz"] = fuzz
        failures += [f"fuzz {t}: {r['finding_summary']} ({', '.join(r['findings'])})"
                     for t, r in fuzz.items() if r["findings"] or r["exit"] != 0]
        findings = args.out / "fuzz-findings"
        if (work / "fuzz-findings").is_dir():
            shutil.copytree(work / "fuzz-findings", findings, dirs_exist_ok=True)
    summary["minutes"] = round((time.monotonic() - started) / 60, 1)
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False),
                                           "utf-8")
    (args.out / "summary.md").write_text(markdown(summary), "utf-8")
    (args.out / "failures.txt").write_text("\n".join(failures) + "\n", "utf-8")
    print(markdown(summary))
    print(f"{len(failures)} failures (list: {args.out / 'failures.txt'}); "
          f"{summary['minutes']} minutes; work folder {work}")
    if not failures:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
