"""Where orgdesk keeps the user's choices (language, recent files, last export type).

A module of its own, below the application and its windows, so that any window
module can read a choice without importing the application (no import cycle).
"""
from __future__ import annotations

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    # Explicit format and scope so QSettings.setDefaultFormat/setPath apply (tests).
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "orgdesk", "orgdesk")
