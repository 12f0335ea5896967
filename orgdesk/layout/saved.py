"""The chart settings a document saves (orientation, detail, arrangements, team totals)
as layout options, read the way the chart pane reads them: a value edited by hand
that makes no sense falls back to the default instead of failing an export.

Here, on the layout floor, so the CLI's chart export reads them without importing
the interchange packages (and networkx) it does not otherwise need.
"""
from __future__ import annotations

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.layout.model import LayoutOptions
from orgdesk.layout.text import Detail

CHART_SETTING = "chart"
_ARRANGEMENTS = ("horizontal", "vertical", "two_columns")


def chart_options(org: Organisation) -> LayoutOptions:
    settings = org.settings.get(CHART_SETTING)
    settings = settings if isinstance(settings, dict) else {}
    orientation = settings.get("orientation")
    try:
        detail = Detail(int(settings.get("detail", Detail.SUMMARY)))
    except (TypeError, ValueError):
        detail = Detail.SUMMARY
    overrides = settings.get("overrides")
    return LayoutOptions(
        orientation="lr" if orientation == "lr" else "tb", detail=detail,
        overrides={PositionId(int(pid)): mode for pid, mode in
                   (overrides.items() if isinstance(overrides, dict) else ())
                   if str(pid).isdigit() and mode in _ARRANGEMENTS},
        rollup=settings.get("rollup") is True)
