"""Fixtures of the storage tests: valid files built once, copied per test."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from orgdesk.storage.document import create_file
from tests.storage.support import big_org, hostile_org


def _build(folder: Path, name: str, org_factory) -> bytes:
    # Session-scoped: the autouse per-test state dir does not exist yet, so
    # point ORGDESK_STATE_DIR at a private folder rather than the user's.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ORGDESK_STATE_DIR", str(folder / "state"))
        path = folder / name
        create_file(path, org_factory(), touch_modified=False)
    return path.read_bytes()


@pytest.fixture(scope="session")
def small_file_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A valid orgdesk file holding `hostile_org()`."""
    return _build(tmp_path_factory.mktemp("small"), "small.orgdesk", hostile_org)


@pytest.fixture(scope="session")
def big_file_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A valid orgdesk file of 300 positions with long duties (hundreds of pages)."""
    return _build(tmp_path_factory.mktemp("big"), "big.orgdesk", big_org)


# ------------------------------------------------------------ child processes
CHILD_SCRIPT = Path(__file__).with_name("crash_child.py")


class Child:
    """A running `crash_child.py`, reporting through a status file."""

    def __init__(self, proc: subprocess.Popen[bytes], status: Path, stderr: Path) -> None:
        self.proc = proc
        self.status = status
        self.stderr = stderr

    def lines(self) -> list[str]:
        try:
            text = self.status.read_text("utf-8")
        except FileNotFoundError:
            return []
        # A line is complete only once its newline is written.
        return text.split("\n")[:-1]

    def wait_for(self, prefix: str, timeout: float = 60.0) -> str:
        """The first reported line starting with `prefix`; fails if the child dies first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines():
                if line.startswith(prefix):
                    return line
                if line.startswith("error "):
                    pytest.fail(f"child reported {line}")
            if self.proc.poll() is not None:
                for line in self.lines():
                    if line.startswith(prefix):
                        return line
                pytest.fail(f"child exited with {self.proc.returncode} before “{prefix}”: "
                            f"{self.lines()} {self.stderr.read_text('utf-8', 'replace')[-3000:]}")
            time.sleep(0.01)
        pytest.fail(f"child did not report “{prefix}” within {timeout}s: {self.lines()}")

    def kill(self) -> None:
        """SIGKILL: no cleanup handlers, no atexit, no finally blocks run."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        assert self.proc.returncode in (-signal.SIGKILL, 0, 3), self.proc.returncode

    def wait(self, timeout: float = 120.0) -> int:
        return self.proc.wait(timeout=timeout)


@pytest.fixture
def spawn(tmp_path: Path, state_dir: Path) -> Iterator[Callable[..., Child]]:
    """Start `crash_child.py MODE PATH STATUS ARGS…` with this test's state folder."""
    children: list[Child] = []
    logs = tmp_path / "child-logs"
    logs.mkdir(exist_ok=True)

    def start(mode: str, path: Path, *args: object, env: dict[str, str] | None = None) -> Child:
        n = len(children)
        status = logs / f"{n}-{mode}.status"
        stderr_path = logs / f"{n}-{mode}.stderr"
        child_env = {**os.environ, "ORGDESK_STATE_DIR": str(state_dir),
                     "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
        with open(stderr_path, "wb") as stderr:
            proc = subprocess.Popen(
                [sys.executable, str(CHILD_SCRIPT), mode, str(path), str(status),
                 *map(str, args)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
                env=child_env)
        child = Child(proc, status, stderr_path)
        children.append(child)
        return child

    yield start
    for child in children:
        if child.proc.poll() is None:
            child.proc.kill()
        child.proc.wait(timeout=30)
