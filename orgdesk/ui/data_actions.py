"""File → Import… and File → Export Data… of a window.

An import opens the imported organisation in a new untitled window (the
user saves it where they like); an export writes the document as CSV, Excel,
GraphML or JSON on a worker thread, so a large Excel export never freezes
the window, and reports the result in the status bar or one sentence.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from orgdesk.core.organisation import Organisation
from orgdesk.ui import dialogs, jobs
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr
from orgdesk.ui.jobs import Job, JobOutcome


def ask_export_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to export the data; the filter chosen sets the format (tests replace this)."""
    filters = ";;".join((tr("DataActions", "Excel workbook (*.xlsx)"),
                         tr("DataActions", "CSV, UTF-8 (*.csv)"),
                         tr("DataActions", "GraphML (*.graphml)"),
                         tr("DataActions", "JSON (*.json)")))
    path, chosen = QFileDialog.getSaveFileName(parent, tr("DataActions", "Export data"), suggested,
                                               filters)
    if not path:
        return None
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix("." + chosen.rsplit("*.", 1)[-1].rstrip(")"))
    return target


def ask_import(parent: QWidget) -> Organisation | None:
    """The organisation the user imported, or None (tests replace this)."""
    from orgdesk.ui.import_dialog import ImportDialog

    return ImportDialog.ask(parent)


def import_data(parent: QWidget, show_imported: Callable[[Organisation], object] | None
                ) -> None:
    """Ask for a file to import; `show_imported` opens the result (a new window)."""
    org = ask_import(parent)
    if org is not None and show_imported is not None:
        show_imported(org)


def export_data(parent: QWidget, controller: DocumentController, status: QStatusBar
                ) -> Job | None:
    """Ask where, then export the document on a worker thread; `status` tells the outcome."""
    file = controller.service.file
    stem = file.path.stem if file.path else (controller.org.info.title or "orgdesk")
    target = ask_export_path(parent, stem + ".xlsx")
    if target is None:
        return None
    # The worker reads its own copy while the user goes on editing.
    snapshot = controller.org.copy()

    def export(_job: Job) -> None:
        from orgdesk.io.interchange import export_to

        export_to(snapshot, target)

    def done(outcome: JobOutcome) -> None:
        if outcome.problem:
            status.clearMessage()
            dialogs.show_error(parent, outcome.problem)
        else:
            status.showMessage(tr("DataActions", "Exported {file}", file=target.name), 6000)
    status.showMessage(tr("DataActions", "Exporting {file}…", file=target.name))
    return jobs.start(Job(export), done)
