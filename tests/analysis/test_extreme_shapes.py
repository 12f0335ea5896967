"""Every tree algorithm is linear (or n log n) and non-recursive.

A 100,000-level reporting chain made `orgdesk report` run for more than ten
minutes (levels were found by walking up from every position, and the
headcount per level scanned every position once per level).  Each shape runs
in a child process (tests/analysis/extreme_child.py) with Python's recursion
limit far below the tree's depth, so any recursive walk fails at once, and
with a generous time bound, so any quadratic step fails too: the steps take
seconds, a quadratic one hours.  The speed figures are in benchmarks/.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
N = 100_000
#: Generous: the whole run takes well under a minute of CPU on a loaded laptop,
#: and a single quadratic step on 100,000 positions takes hours.
BOUND_SECONDS = 600


def run_child(module: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    try:
        result = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=BOUND_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        pytest.fail(f"still running after {BOUND_SECONDS} s; finished steps:\n{out}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("done"), result.stdout
    return result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["chain", "star"])
def test_every_command_handles_extreme_shapes(shape: str) -> None:
    print(run_child("tests.analysis.extreme_child", shape, str(N)))


def test_recursion_limit_is_really_lowered_in_the_child() -> None:
    """The child's guard works: a recursive walk of a short chain fails there."""
    code = ("import sys; from tests.analysis.extreme_child import RECURSION_LIMIT as L;"
            "sys.setrecursionlimit(L)\n"
            "def down(n): return 0 if n == 0 else 1 + down(n - 1)\n"
            "down(1000)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0 and "RecursionError" in result.stderr
