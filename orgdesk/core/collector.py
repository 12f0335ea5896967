"""Python's cycle collector paused while a bulk step makes many long-lived objects.

Reading 100,000 rows, writing them, laying out a 10,000-box chart: each
makes hundreds of thousands to millions of objects (rows, entities, boxes),
none of them in reference cycles, all alive until the step ends.  The
collector would walk them again and again as they pile up (every tenth
young collection promotes to a full one over the whole process): up to a
third of such a step.  Paused, they are moved to the oldest generation when
it ends and looked at with it, at its next full collection; reference
counting still frees everything let go on the way.

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
#: Objects kept by a paused step from which they go straight to the oldest generation.
_MANY_KEPT = 10_000
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
                _promote_survivors()
                gc.enable()


def _promote_survivors() -> None:
    """Move every object the collector tracks into its oldest generation, unexamined.

    What a bulk step made and kept (an opened or imported document) would
    otherwise sit in the youngest generation, all of it: the first young
    collection after the pause walks every object (0.15 s for a 100,000-position
    import, about 0.2 s of a stalled window for 10,000 positions), and the middle
    generation's next collection walks them again.  `freeze` moves all tracked
    objects aside and `unfreeze` puts them into the oldest generation, without a
    walk; they are looked at with it at its next full collection, as they would be
    once promoted.  Only after a step that kept many objects (the youngest
    generation's count: allocations less deallocations since its last collection);
    after a small one the collector goes on as usual.  Objects someone froze on
    purpose are left frozen.
    """
    if gc.get_count()[0] >= _MANY_KEPT and gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
