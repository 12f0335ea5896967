"""Python's cycle collector paused while a source is read into drafts and positions.

An import of 100,000 rows makes millions of objects (the parsed JSON, rows,
drafts, positions, the hierarchy graph), none of them in reference cycles,
all alive until the import ends.  The collector would walk them again and
again as they pile up: a third of the reading time of a large JSON file.
Paused, they are looked at once, at the first collection after the import;
reference counting still frees everything that is let go on the way.

The pause is counted, so imports on several threads (or an import inside
another paused step) restore the collector only when the last one ends, and
a collector someone else disabled stays disabled.
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
