"""The chart as the window shows it, for peers that store positions (yEd).

The document's chart settings are read by `orgdesk.layout.saved` (the CLI's chart
export reads them too, without this package).
"""
from __future__ import annotations

from orgdesk.layout.saved import CHART_SETTING, chart_options

__all__ = ["CHART_SETTING", "chart_options"]
