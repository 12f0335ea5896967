"""How much a collapsed box hides: "+N positions / M seats hidden".

A box whose reports are not drawn (collapsed by the user, or at the depth
limit of the export) says how many positions and seats are below it, so a
reader of a trimmed chart knows it is trimmed.  The counts are the
organisation's cached branch totals (one pass for the whole document).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.layout.model import LayoutOptions


def hidden_below(org: Organisation, shown: Mapping[PositionId, Sequence[object]],
                 options: LayoutOptions) -> dict[PositionId, tuple[int, int]]:
    """(positions, seats) below each shown position whose reports are all hidden.

    `shown` maps each visible position to its visible reports (as `visible_tree`
    or the layout's walk gives them); a position with reports in the document
    but none shown hides its whole branch.  Nothing is counted when the user
    asked for no collapse and no depth limit (the common case costs one check).
    """
    if not options.collapsed and options.depth is None:
        return {}
    hidden: dict[PositionId, tuple[int, int]] = {}
    for pid, reports in shown.items():
        if reports or not org.report_count(pid):
            continue
        totals = org.branch_totals(pid)
        own = org.position(pid)
        hidden[pid] = (totals.positions - 1, totals.planned - own.planned_headcount)
    return hidden
