"""File → Import… and File → Export Data… of a window.

An import opens the imported organisation in a new untitled window (the
user saves it where they like); an export writes the document as CSV, Excel,
GraphML or JSON, in orgdesk's layout or a peer tool's (d3-org-chart, OrgChart
JS, GoJS, draw.io, yEd, Visio; the file type chosen says which), on a worker
thread, so a large Excel export never freezes the window, and reports the result in
the status bar or one sentence.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from orgdesk.core.organisation import Organisation
from orgdesk.files import title_stem
from orgdesk.ui import dialogs, jobs, preferences
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr
from orgdesk.ui.jobs import Job, JobOutcome
from orgdesk.ui.preferences import settings


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """Where to export the data and in whose layout (None: orgdesk's own)."""

    path: Path
    layout: str | None = None


#: File → Export Data…'s file types: (layout, extension), orgdesk's own first, then
#: each peer tool's (orgdesk.io.peers); the chosen one is remembered between exports.
EXPORT_TYPES: tuple[tuple[str | None, str], ...] = (
    (None, "xlsx"), (None, "csv"), (None, "graphml"), (None, "json"),
    ("d3", "json"), ("d3", "csv"), ("orgchartjs", "json"), ("gojs", "json"),
    ("drawio", "csv"), ("yed", "graphml"), ("visio", "csv"), ("visio", "xlsx"))
LAST_EXPORT_TYPE = "exportDataType"


def export_filters() -> list[str]:
    """The file-type filters, in EXPORT_TYPES order (translated)."""
    return [tr("DataActions", "Excel workbook (*.xlsx)"), tr("DataActions", "CSV, UTF-8 (*.csv)"),
            tr("DataActions", "GraphML (*.graphml)"), tr("DataActions", "JSON (*.json)"),
            tr("DataActions", "d3-org-chart JSON (*.json)"),
            tr("DataActions", "d3-org-chart CSV (*.csv)"),
            tr("DataActions", "OrgChart JS JSON (*.json)"),
            tr("DataActions", "GoJS TreeModel JSON (*.json)"),
            tr("DataActions", "draw.io CSV (*.csv)"), tr("DataActions", "yEd GraphML (*.graphml)"),
            tr("DataActions", "Visio org chart wizard CSV (*.csv)"),
            tr("DataActions", "Visio org chart wizard Excel (*.xlsx)")]


def _type_key(index: int) -> str:
    layout, extension = EXPORT_TYPES[index]
    return f"{layout or 'orgdesk'}:{extension}"


def last_export_type() -> int:
    """The index of the file type chosen last time (the first one at the start)."""
    saved = settings().value(LAST_EXPORT_TYPE, "")
    keys = [_type_key(i) for i in range(len(EXPORT_TYPES))]
    return keys.index(saved) if saved in keys else 0


def remember_export_type(index: int) -> None:
    settings().setValue(LAST_EXPORT_TYPE, _type_key(index))


def choice_for(path: str, chosen_filter: str) -> ExportChoice:
    """The export a file dialog's answer asks for; remembers its file type."""
    filters = export_filters()
    index = filters.index(chosen_filter) if chosen_filter in filters else 0
    layout, extension = EXPORT_TYPES[index]
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix("." + extension)
    remember_export_type(index)
    return ExportChoice(target, layout)


def ask_export_path(parent: QWidget, suggested: str) -> ExportChoice | None:
    """Where and in which layout to export the data: the file type chosen sets both
    (tests replace this)."""
    filters = export_filters()
    index = last_export_type()
    stem = str(Path(suggested).with_suffix("." + EXPORT_TYPES[index][1]))
    path, chosen = QFileDialog.getSaveFileName(parent, tr("DataActions", "Export data"), stem,
                                               ";;".join(filters), filters[index])
    if not path:
        return None
    return choice_for(path, chosen)


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
    stem = file.path.stem if file.path else (title_stem(controller.org.info.title) or "orgdesk")
    # In the folder of the last data export (QSettings); the type is remembered too.
    folder = preferences.last_export_folder("data") or (file.path.parent if file.path else None)
    choice = ask_export_path(parent, str(folder / f"{stem}.xlsx") if folder else stem + ".xlsx")
    if choice is None:
        return None
    preferences.remember_export("data", choice.path)
    target, layout = choice.path, choice.layout
    # The worker reads its own copy while the user goes on editing.
    snapshot = controller.org.copy()

    def export(_job: Job) -> None:
        from orgdesk.io.interchange import export_to

        export_to(snapshot, target, layout)

    def done(outcome: JobOutcome) -> None:
        if outcome.problem:
            status.clearMessage()
            dialogs.show_error(parent, outcome.problem)
        else:
            status.showMessage(tr("DataActions", "Exported {file}", file=target.name), 6000)
    status.showMessage(tr("DataActions", "Exporting {file}…", file=target.name))
    return jobs.start(Job(export), done)
