"""Chart layout: a compact tidy-tree layout for org charts, pure Python (no Qt).

`layout_chart(org, LayoutOptions(...))` returns a `ChartLayout` of boxes and
connectors in points (y downwards) that the chart view and the Graphviz export
both draw, so the screen and the exported file show the same chart.
"""
from __future__ import annotations

from orgdesk.layout.chart import layout_chart
from orgdesk.layout.model import (
    Arrangement,
    Box,
    ChartLayout,
    Connector,
    ConnectorKind,
    LayoutOptions,
    LayoutOverrides,
    Orientation,
)
from orgdesk.layout.text import BoxText, Detail, Measure, Words, estimate_size

__all__ = ["Arrangement", "Box", "BoxText", "ChartLayout", "Connector", "ConnectorKind", "Detail",
           "LayoutOptions", "LayoutOverrides", "Measure", "Orientation", "Words", "estimate_size",
           "layout_chart"]
