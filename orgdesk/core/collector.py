"""Python's cycle collector paused while a bulk step makes many long-lived objects.

Reading 100,000 rows, writing them, laying out a 10,000-box chart: each
makes hundreds of thousands to millions of objects (rows, entities, boxes),
none of them in reference cycles, all alive until the step ends.  The
collector would walk them again and again as they pile up (every tenth
young collection promotes to a full one over the whole process): up to a
third of such a step.  Paused, they are looked at once, at the first
collection after it; reference counting still frees everything let go on
the way.

The pause is counted, so steps on several threads (or one paused step inside
another) restore the collector only when the last one ends, and a collector
someone else disabled stays disabled.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_restore = False  # whether the collector was enabled when the first pause began


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (as it was, afterwards)."""
    global _depth, _restore
    with _lock:
        if _depth == 0:
            _restore = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _restore:
                gc.enable()
