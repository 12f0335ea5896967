"""Coverage-guided fuzzing of orgdesk's readers with atheris (libFuzzer for Python).

    python tools/fuzz_readers.py TARGET SECONDS OUTDIR

TARGET is one of: orgdesk (the .orgdesk file reader behind open, info,
check and export), csv, xlsx, json, graphml (the import readers).  Each input
is written to a file with the target's extension and read the way the CLI
reads it.  A `UserError` (a sentence for the user) is the correct answer to a
bad input; any other exception is a bug: libFuzzer stops and saves the input
as OUTDIR/crash-… .  An input that takes longer than the per-input limit is
saved as timeout-…, one that exhausts memory as oom-… .  The seed corpus is
made from the bundled samples (a sample file, and its exports in each data
format), so the fuzzer starts from valid files and mutates inward.

Only orgdesk's own modules are instrumented for coverage (the standard
library and openpyxl/defusedxml are not), which keeps each run fast.

Without atheris (not built for this platform) the same targets run under a
plain seeded random mutator for the same time: no coverage guidance, and
the report says so.
"""
from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS = {"orgdesk": ".orgdesk", "csv": ".csv", "xlsx": ".xlsx", "json": ".json",
           "graphml": ".graphml"}
#: libFuzzer's limits per input: seconds and megabytes.
INPUT_TIMEOUT = 20
RSS_LIMIT_MB = 3072
#: Largest input libFuzzer makes (the samples are ~70 KB; XLSX is a zip of a few KB).
MAX_LEN = 200_000


def seeds(target: str, folder: Path) -> Path:
    """A seed corpus for `target`: the bundled sample, or its export in that format."""
    folder.mkdir(parents=True, exist_ok=True)
    sample = ROOT / "sample_orgs" / "training_call_center_50.orgdesk"
    if target == "orgdesk":
        shutil.copyfile(sample, folder / "sample.orgdesk")
        return folder
    from orgdesk.io.interchange import export_to
    from orgdesk.storage.reading import read_organisation

    export_to(read_organisation(sample), folder / f"sample{TARGETS[target]}")
    if target == "csv":
        for fixture in (ROOT / "tests" / "io" / "fixtures").glob("*.csv"):
            shutil.copyfile(fixture, folder / fixture.name)
    return folder


def make_reader(target: str, outdir: Path):
    """The function that reads one input; a non-UserError is saved, then fuzzing goes on.

    libFuzzer stops at its first crash, which would leave the rest of the time
    budget unused after one finding.  Instead each new kind of failure (its
    exception type and the innermost orgdesk frame) is saved once, as
    OUTDIR/TARGET-crash-N-TYPE with the traceback beside it in a .txt file,
    and the fuzzer carries on looking for others.
    """
    from orgdesk.core.errors import UserError

    seen: set[tuple[str, str]] = set()

    suffix = TARGETS[target]
    scratch = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
    path = scratch / f"input{suffix}"
    os.environ.setdefault("ORGDESK_STATE_DIR", str(scratch / "state"))
    if target == "orgdesk":
        from orgdesk.storage.reading import read_organisation

        def read(data: bytes) -> None:
            path.write_bytes(data)
            read_organisation(path)
    else:
        from orgdesk.io.interchange import read_source
        from orgdesk.io.options import ImportOptions, RootPolicy

        options = ImportOptions(roots=RootPolicy.FOREST)

        def read(data: bytes) -> None:
            path.write_bytes(data)
            read_source(path, options)

    def one_input(data: bytes) -> None:
        try:
            read(data)
        except UserError:
            pass  # a sentence for the user: the right answer to a bad file
        except Exception as exc:  # noqa: BLE001 - a bug: keep the first input of its kind
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if "orgdesk" in f.filename]
            where = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else "?"
            key = (type(exc).__name__, where)
            if key in seen:
                return
            seen.add(key)
            outdir.mkdir(parents=True, exist_ok=True)
            stem = outdir / f"{target}-crash-{len(seen)}-{type(exc).__name__}"
            stem.write_bytes(data)
            stem.with_suffix(".txt").write_text(
                f"{type(exc).__name__}: {exc} at {where}\n\n{traceback.format_exc()}", "utf-8")
            print(f"FINDING {type(exc).__name__}: {str(exc)[:200]} at {where}", flush=True)
    return one_input


def run_atheris(target: str, seconds: int, outdir: Path) -> int:
    import atheris

    with atheris.instrument_imports(include=["orgdesk"]):
        one_input = make_reader(target, outdir)
    corpus = seeds(target, outdir / f"corpus-{target}")
    outdir.mkdir(parents=True, exist_ok=True)
    args = [sys.argv[0], f"-max_total_time={seconds}", f"-timeout={INPUT_TIMEOUT}",
            f"-rss_limit_mb={RSS_LIMIT_MB}", f"-max_len={MAX_LEN}",
            f"-artifact_prefix={outdir}/{target}-", "-print_final_stats=1", str(corpus)]
    atheris.Setup(args, one_input)
    atheris.Fuzz()  # exits the process: 0 when time ran out, non-zero on a finding
    return 0


def run_random(target: str, seconds: int, outdir: Path) -> int:
    """The fallback: seeded random byte mutations of the seeds, no coverage guidance."""
    one_input = make_reader(target, outdir)
    corpus = [p.read_bytes() for p in sorted(seeds(target, outdir / f"corpus-{target}").iterdir())]
    rng = random.Random(20261203)
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:
        data = bytearray(rng.choice(corpus))
        for _ in range(rng.randint(1, 8)):
            if data and rng.random() < 0.7:
                data[rng.randrange(len(data))] = rng.randrange(256)
            elif data:
                del data[rng.randrange(len(data)):][: rng.randint(1, 64)]
        runs += 1
        one_input(bytes(data))
    print(f"#{runs} DONE (random mutation, no coverage guidance)")
    return 0


def main() -> int:
    target, seconds, outdir = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    if target not in TARGETS:
        raise SystemExit(f"unknown target {target}; use one of {', '.join(TARGETS)}")
    try:
        import atheris  # noqa: F401 - only asks whether atheris is installed
    except ImportError:
        return run_random(target, seconds, outdir)
    return run_atheris(target, seconds, outdir)


if __name__ == "__main__":
    sys.exit(main())
