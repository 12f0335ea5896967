"""Shared fixtures: every test gets its own orgdesk state folder (working copies)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Working copies and locks of this test, kept out of the user's real state folder."""
    folder = tmp_path / "state"
    monkeypatch.setenv("ORGDESK_STATE_DIR", str(folder))
    return folder
