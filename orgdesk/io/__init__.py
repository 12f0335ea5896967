"""Interchange: CSV, Excel, GraphML and JSON import and export."""
