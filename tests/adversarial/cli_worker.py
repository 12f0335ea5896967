"""A child process that runs many `orgdesk` command lines in-process, one after another.

Run as `python -m tests.adversarial.cli_worker JOBS.jsonl STATUS`.  Starting
Python and importing orgdesk costs more than most commands on a small file,
so one worker runs a whole batch through `orgdesk.cli.main(argv)`, exactly
what the `orgdesk` script calls.  For each job it appends one JSON line to
STATUS (flushed at once): {"start": id} before, the result after.  A job that
kills the worker (a segfault) or never finishes leaves only its "start"
line; the parent (harness.py) then records a crash or a hang and starts a
new worker on the remaining jobs.

Each result holds the exit code, stdout and stderr (as the bytes a terminal
would get), the traceback orgdesk wrote to crash.log for an internal error,
and whether the input file or its folder changed during the job.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path


def fingerprint(path: Path) -> dict[str, object]:
    """What must not change when a command only reads `path`: bytes, mtime, neighbours."""
    try:
        st = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return {"error": str(exc)}
    return {"sha256": digest, "mtime_ns": st.st_mtime_ns, "mode": st.st_mode,
            "folder": sorted(os.listdir(path.parent))}


def _run_main(argv: list[str]) -> tuple[object, bytes, bytes, str]:
    from orgdesk.cli import main

    out_buffer, err_buffer = io.BytesIO(), io.BytesIO()
    # What a UTF-8 terminal gets; surrogateescape keeps any raw byte orgdesk writes visible.
    stdout = io.TextIOWrapper(out_buffer, encoding="utf-8", errors="strict", newline="\n",
                              write_through=True)
    stderr = io.TextIOWrapper(err_buffer, encoding="utf-8", errors="backslashreplace",
                              newline="\n", write_through=True)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    escaped = ""
    try:
        code: object = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:  # noqa: BLE001 - main() let something through: a bug to report
        code = "escaped"
        escaped = traceback.format_exc()
    finally:
        # What a real process prints at exit (generators finalised with an error:
        # "Exception ignored in …") belongs to this job, not to the next one.
        gc.collect()
        sys.stdout, sys.stderr = saved
        for stream in (stdout, stderr):
            with contextlib.suppress(Exception):  # an encoding error shows in the output
                stream.flush()
    return code, out_buffer.getvalue(), err_buffer.getvalue(), escaped


def run_job(job: dict[str, object], state: Path) -> dict[str, object]:
    crash_log = state / "crash.log"
    crash_log.unlink(missing_ok=True)
    inputs = [Path(p) for p in job.get("inputs", [])]  # type: ignore[union-attr]  # a job read from JSON
    before = {str(p): fingerprint(p) for p in inputs}
    started = time.perf_counter()
    code, stdout, stderr, escaped = _run_main([str(a) for a in job["argv"]])  # type: ignore[union-attr]  # a job read from JSON
    seconds = time.perf_counter() - started
    after = {str(p): fingerprint(p) for p in inputs}
    logged = crash_log.read_text("utf-8", "replace") if crash_log.exists() else ""
    outdir = job.get("outdir")
    outputs = sorted(os.listdir(outdir)) if outdir and os.path.isdir(str(outdir)) else []
    return {"id": job["id"], "code": code, "seconds": round(seconds, 3),
            "stdout": stdout.decode("utf-8", "surrogateescape"),
            "stderr": stderr.decode("utf-8", "surrogateescape"),
            "traceback": escaped or logged,
            "changed": [p for p in before if before[p] != after[p]],
            "outputs": outputs}


def main() -> None:
    jobs_path, status_path = Path(sys.argv[1]), Path(sys.argv[2])
    state = Path(os.environ["ORGDESK_STATE_DIR"])
    state.mkdir(parents=True, exist_ok=True)
    jobs = [json.loads(line) for line in jobs_path.read_text("utf-8").splitlines() if line]
    with open(status_path, "a", encoding="utf-8") as status:
        for job in jobs:
            status.write(json.dumps({"start": job["id"]}) + "\n")
            status.flush()
            result = run_job(job, state)
            status.write(json.dumps(result, ensure_ascii=True) + "\n")
            status.flush()


if __name__ == "__main__":
    main()
