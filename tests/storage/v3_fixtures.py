"""Writes the real format-3 fixture files the format-4 (scenarios) tests upgrade.

They were written by the format-3 build (the commit that introduced format 3,
before the scenarios step existed) running this file as a script:

    git worktree add /tmp/v3tree <format-3 commit>
    PYTHONPATH=/tmp/v3tree .venv/bin/python tests/storage/v3_fixtures.py tests/storage/fixtures

so each file is exactly what a format-3 orgdesk writes: `format-3.orgdesk`
(`hostile_org()`: every field, hostile text), every bundled sample gzipped in
`format-3-samples/`, and `format-3-10000.orgdesk.gz` (`big_org(10000, 40)`).
"""
from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

from orgdesk.samples import load_sample_source, samples
from orgdesk.storage.document import create_file
from tests.storage.support import big_org, hostile_org

BIG_COUNT = 10_000
BIG_DUTY_CHARS = 40


def _gzipped(org, target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "file.orgdesk"
        create_file(plain, org, touch_modified=False)
        target.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))


def main(folder: Path) -> None:
    create_file(folder / "format-3.orgdesk", hostile_org(), touch_modified=False)
    packed = folder / "format-3-samples"
    packed.mkdir(exist_ok=True)
    for sample in samples():
        _gzipped(load_sample_source(sample.source), packed / f"{sample.slug}.orgdesk.gz")
    _gzipped(big_org(BIG_COUNT, BIG_DUTY_CHARS), folder / "format-3-10000.orgdesk.gz")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
