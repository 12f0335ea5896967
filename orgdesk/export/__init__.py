"""Exports of the chart (Graphviz) and of deliverables; DOT building kept apart from rendering."""
