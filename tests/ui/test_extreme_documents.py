"""Documents that froze the window open in seconds.

Opening a 100,000-level chain ran for minutes (a walk up the chain for every
position to decide what to collapse), a position with 100,000 direct reports
filled a table of 400,000 cells and drew 100,000 chart boxes, and a 1 MB note
without a space froze the window for 99 seconds (word-boundary wrapping along
one endless word).  Each case runs in a child process (tests/ui/extreme_child.py)
with a generous bound: seconds now, many minutes before.
"""
from __future__ import annotations

import pytest

from tests.analysis.test_extreme_shapes import run_child

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("shape", "size"), [("chain", 100_000), ("star", 100_000),
                                             ("note", 3_000_000)])
def test_window_opens_extreme_documents(shape: str, size: int) -> None:
    print(run_child("tests.ui.extreme_child", shape, str(size)))
