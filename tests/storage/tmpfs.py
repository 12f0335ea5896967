"""A real small tmpfs for full-disk tests (root and mount(8) needed, like test_save's)."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


class CannotMount(Exception):
    """No root, no mount(8), or no CAP_SYS_ADMIN: the caller skips with this reason."""


@contextmanager
def small_tmpfs(mount_point: Path, size: str) -> Iterator[Path]:
    """Mount a tmpfs of `size` (e.g. "256k") at `mount_point` for the duration."""
    mount = shutil.which("mount")
    if mount is None or os.geteuid() != 0:
        raise CannotMount("a real full disk needs a tmpfs mount, which needs root and mount(8)")
    mount_point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([mount, "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs",
                           str(mount_point)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise CannotMount("cannot mount a small tmpfs here: " + done.stderr.strip())
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], capture_output=True,
                          check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """Fill the filesystem of `folder` until about `leave` bytes are free; returns the filler."""
    filler = folder / "filler"
    free = shutil.disk_usage(folder).free
    with open(filler, "wb") as handle, suppress(OSError):
        handle.write(b"\0" * max(0, free - leave))
    return filler
