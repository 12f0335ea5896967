"""What an editor window asks of the application that hosts it.

`MainWindow` is given its host as this protocol, so the window module does
not import `orgdesk.ui.app` (which creates windows and imports it): the two
would otherwise form an import cycle.  `OrgdeskApp` is the real host; tests
may pass None or a small stand-in.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from orgdesk.core.organisation import Organisation


class WindowHost(Protocol):
    """The application services an editor window uses (each returns the window it opened)."""

    def new_document(self) -> object: ...

    def new_from_sample(self, slug: str) -> object: ...

    def show_imported(self, org: Organisation) -> object: ...

    def open_dialog(self, parent: QWidget | None) -> object: ...

    def open_path(self, path: Path, parent: QWidget | None = None) -> object: ...

    def open_dropped(self, path: Path, parent: QWidget | None = None) -> object: ...

    def quit_all(self) -> bool: ...

    def recent_files(self) -> list[str]: ...

    def remember_recent(self, path: Path) -> None: ...

    def add_language_menu(self, menu: QMenu) -> None: ...

    # Any: the closing MainWindow, which this module cannot name without the cycle.
    def window_closed(self, window: Any) -> None: ...
