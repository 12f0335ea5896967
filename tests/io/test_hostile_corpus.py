"""Every case of the hostile import corpus through `orgdesk import`, as a user runs it.

Imported: exit 0, nothing on stderr, and the document has the expected
positions.  Refused: exit 1, the last stderr line one sentence (`orgdesk: …`)
after indented problem lines if any, no traceback, and no output file or
temporary file left.  Most cases run in-process (fast); a handful run as a
real subprocess so the interpreter's own exit and stream handling are seen.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.cli import main
from orgdesk.storage.reading import read_organisation
from tests.io.hostile_corpus import IMPORTED, REFUSED, Case, cases

ROOT = Path(__file__).resolve().parents[2]
CASES = {case.name: case for case in cases()}
#: Run as subprocesses: one per reader, and the cases whose failure came late.
SUBPROCESS = ("utf-8 with one gbk line", "stale dimension", "billion laughs xlsx",
              "json lone surrogate", "5,000-digit graphml int", "terminal escapes in titles",
              "zip bomb by declared size")
FORBIDDEN = ("Traceback", "Exception ignored", "internal error", "Warning:")


def test_the_corpus_is_large_and_deterministic() -> None:
    assert len(CASES) >= 40
    assert {c.expect for c in CASES.values()} == {IMPORTED, REFUSED}
    again = {case.name: case.make() for case in cases()}
    assert all(again[name] == case.make() for name, case in CASES.items())


def _check(case: Case, code: int, stdout: str, stderr: str, output: Path) -> None:
    for word in FORBIDDEN:
        assert word not in stderr, stderr
    if case.expect == IMPORTED:
        assert code == 0, stderr
        assert stderr == ""
        assert stdout.startswith(f"Imported {case.positions} positions from ")
        org = read_organisation(output)
        assert len(org) == case.positions
        titles = {p.title for p in org.positions()}
        assert set(case.titles) <= titles, titles
    else:
        assert code == 1, (stdout, stderr)
        lines = stderr.splitlines()
        assert lines and lines[-1].startswith("orgdesk: "), stderr
        assert all(line.startswith("  ") for line in lines[:-1]), stderr
        assert lines[-1].count("orgdesk: ") == 1
        assert list(output.parent.iterdir()) == []  # no document, no temporary file


def _paths(case: Case, tmp_path: Path) -> tuple[Path, Path]:
    source = case.write(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    return source, out / "result.orgdesk"


@pytest.mark.parametrize("name", [n for n in CASES if n not in SUBPROCESS])
def test_case_in_process(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES[name]
    source, output = _paths(case, tmp_path)
    code = main(["import", str(source), "-o", str(output), *case.options])
    captured = capsys.readouterr()
    _check(case, code, captured.out, captured.err, output)


@pytest.mark.parametrize("name", SUBPROCESS)
def test_case_as_a_subprocess(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    source, output = _paths(case, tmp_path)
    result = subprocess.run([sys.executable, "-m", "orgdesk", "import", str(source), "-o",
                             str(output), *case.options], capture_output=True, text=True,
                            check=False, cwd=ROOT, env=os.environ.copy(), timeout=300)
    _check(case, result.returncode, result.stdout, result.stderr, output)
