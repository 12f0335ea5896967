"""The QApplication: fonts, translations and the first window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from orgdesk import __version__
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui import dialogs
from orgdesk.ui.fonts import cjk_family, missing_font_advice
from orgdesk.ui.main_window import MainWindow, open_document


def create_window(path: Path | None) -> MainWindow:
    service = open_document(path) if path is not None else None
    if service is None:
        service = DocumentService(DocumentFile.new())
    return MainWindow(service)


def run(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("orgdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("orgdesk")
    family = cjk_family()
    if family is None:
        dialogs.show_error(None, missing_font_advice())
    else:
        font = QFont(app.font())
        font.setFamilies([font.family(), family])
        app.setFont(font)
    window = create_window(path)
    window.show()
    return app.exec()
