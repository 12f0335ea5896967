"""The Qt (PySide6) user interface; nothing outside this package imports Qt."""
