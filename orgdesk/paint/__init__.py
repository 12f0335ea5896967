"""The one place that paints off-screen with Qt: SVG to PNG and paged PDF, the
headcount bar chart, paged PDF documents, PDF text fixes and font lookup.

Called downward by analysis consumers, export, cli and ui.  Every module
imports Qt inside its functions only, so importing this package (or anything
that imports it) works on a server without PySide6; only painting needs it.
"""
