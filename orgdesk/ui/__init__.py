"""The Qt (PySide6) user interface; besides it only `commands` and `paint` import Qt."""
