"""File → Export Handbook…: format, scope, language, cover, and the handbook written
in the background.

The dialog picks the format (PDF, DOCX, HTML), the scope (the whole
organisation unless the user chooses a branch, and it says which), the
handbook's language (by default the document's, not the interface's) and,
when the document lacks them, asks for the cover's title, client and
consultant, which are saved into the document as one undoable edit.  It asks
where to save and renders on a worker thread with a progress bar and a
Cancel button; the file appears only when it is complete.  The file chooser
and the error box are module functions (`choose_target`, `show_error`) so
tests replace them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orgdesk.analysis.texts import tree_indent
from orgdesk.core.model import DocumentInfo, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook.content import handbook_language
from orgdesk.ui import dialogs, jobs, preferences
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.jobs import Job
from orgdesk.ui.long_text import elide

FORMAT_FILTERS = {"pdf": "PDF (*.pdf)", "docx": "Word (*.docx)", "html": "HTML (*.html)"}


def choose_target(parent: QWidget, suggested: str, fmt: str) -> Path | None:
    """Ask where to save; None when cancelled (tests replace this)."""
    name, _ = QFileDialog.getSaveFileName(parent, tr("HandbookDialog", "Export Handbook"), suggested,
                                          FORMAT_FILTERS[fmt])
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


def show_error(parent: QWidget, sentence: str) -> None:
    dialogs.show_error(parent, sentence)


class HandbookCancelled(Exception):
    """Raised inside the renderer when the user pressed Cancel; nothing is written."""


class HandbookDialog(QDialog):
    """Options of the handbook and its progress; `export_to(path)` runs it."""

    #: "" when the file was written, else the reason ("cancel" when cancelled).
    handbook_finished = Signal(str)

    def __init__(self, org: Organisation, suggested_name: str = "",
                 parent: QWidget | None = None,
                 save_info: Callable[[DocumentInfo], None] | None = None) -> None:
        super().__init__(parent)
        self._save_info = save_info
        self.setWindowTitle(self.tr("Export Handbook"))
        self._org = org
        self._suggested = suggested_name or org.info.title or "handbook"
        self._job: Job | None = None
        self.target: Path | None = None
        self.format = QComboBox(self)
        for fmt, text in (("pdf", self.tr("PDF (to print or send)")),
                          ("docx", self.tr("Word document (the client can edit it)")),
                          ("html", self.tr("Web page (one file)"))):
            self.format.addItem(text, fmt)
        last = self.format.findData(preferences.last_export_format("handbook", "pdf"))
        self.format.setCurrentIndex(max(last, 0))  # the format of the last handbook export
        self.root = QComboBox(self)
        self.root.addItem(self.tr("The whole organisation"), None)
        # Bounded entries (see ExportDialog): indentation stops at a depth, titles are cut.
        self.root.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.root.setMinimumContentsLength(30)
        for position in org.positions():
            indent = tree_indent(org.level_of(position.id), "　")
            self.root.addItem(tr("HandbookDialog", "{indent}{title} and everything under it",
                                 indent=indent, title=elide(position.title, 200)), int(position.id))
        # The whole organisation unless the user picks a branch: pre-selecting the
        # window's current position made one-page handbooks nobody asked for.
        self.root.setCurrentIndex(0)
        self.scope = QLabel(self)
        self.scope.setObjectName("handbookScope")
        self.scope.setWordWrap(True)
        self.root.currentIndexChanged.connect(self._show_scope)
        self._show_scope()
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(handbook_language(org)))
        info = org.info
        # The cover's fields, asked for only when the document lacks one of them.
        self.needs_cover = not (info.title.strip() and info.client.strip()
                                and info.author.strip())
        self.title_edit = QLineEdit(info.title or suggested_name, self)
        self.client_edit = QLineEdit(info.client, self)
        self.author_edit = QLineEdit(info.author, self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("Cover, contents, org chart, headcount summary and one job "
                                     "description per job (identical positions share one)."),
                             self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self._ask_and_export)
        self.buttons.rejected.connect(self._cancel_or_close)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Positions"), self.root)
        form.addRow("", self.scope)
        form.addRow(self.tr("Handbook language"), self.language)
        self.cover_note = QLabel(self.tr("The cover shows the document's title, client and "
                                         "consultant; they are saved in the document."), self)
        self.cover_note.setWordWrap(True)
        form.addRow(self.cover_note)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Client"), self.client_edit)
        form.addRow(self.tr("Consultant"), self.author_edit)
        for widget in (self.cover_note, self.title_edit, self.client_edit, self.author_edit):
            form.setRowVisible(widget, self.needs_cover)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    # ----------------------------------------------------------------- state
    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def chosen_root(self) -> PositionId | None:
        data = self.root.currentData()
        return None if data is None else PositionId(int(data))

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def cover_info(self) -> DocumentInfo:
        """The document's info with the cover's fields as typed in the dialog."""
        info = self._org.info
        if not self.needs_cover:
            return info
        return replace(info, title=self.title_edit.text().strip(),
                       client=self.client_edit.text().strip(),
                       author=self.author_edit.text().strip())

    def _show_scope(self) -> None:
        root = self.chosen_root()
        if root is None:
            self.scope.setText(tr_n("HandbookDialog", "Scope: the whole organisation "
                                    "({count} position).", "Scope: the whole organisation "
                                    "({count} positions).", len(self._org)))
        else:
            self.scope.setText(tr_n("HandbookDialog", "Scope: only “{title}” and the {count} "
                                    "position under it.", "Scope: only “{title}” and the {count} "
                                    "positions under it.",
                                    len(self._org.descendant_ids(root)),
                                    title=elide(self._org.position(root).title, 80)))

    @property
    def running(self) -> bool:
        return self._job is not None

    # ---------------------------------------------------------------- actions
    def _ask_and_export(self) -> None:
        fmt = self.chosen_format()
        # In the folder of the last handbook export (QSettings).
        target = choose_target(self, str(preferences.suggested_target(
            "handbook", self._suggested, fmt, (fmt,))), fmt)
        if target is not None:
            self.export_to(target)

    def export_to(self, target: Path) -> None:
        """Write the handbook to `target` in the background (its extension wins)."""
        if self._job is not None:
            return
        self.target = target
        info = self.cover_info()
        if info != self._org.info and self._save_info is not None:
            self._save_info(info)  # one undoable edit; asked no more once filled in
        # The worker reads its own copy (settings included): the window may go on editing.
        org, root, lang = self._org.copy(), self.chosen_root(), self.chosen_language()
        org.set_info(info)

        def write(job: Job) -> None:
            from orgdesk.export.handbook import write_handbook

            write_handbook(org, target, root=root, day=date.today(), progress=job.report,
                           lang="en" if lang == "en" else "zh")
        for widget in self._inputs():
            widget.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(tr("HandbookDialog", "Writing {file}…", file=target.name))
        self._job = jobs.start(
            Job(write, cancelled_by=(HandbookCancelled,)),
            lambda outcome: self._on_done(
                "cancel" if outcome.cancelled else outcome.problem),
            lambda values: self._on_progress(*values))  # type: ignore[arg-type]  # the job reports (done, total) tuples

    def _inputs(self) -> tuple[QWidget, ...]:
        return (self.format, self.root, self.language, self.title_edit, self.client_edit,
                self.author_edit, self.export_button)

    def _cancel_or_close(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total) if total else 0)

    def _on_done(self, outcome: str) -> None:
        self._job = None
        for widget in self._inputs():
            widget.setEnabled(True)
        if outcome == "":
            self.progress.setValue(100)
            self.status.setText(tr("HandbookDialog", "Wrote {file}.", file=str(self.target)))
            if self.target is not None:
                preferences.remember_export("handbook", self.target)
        elif outcome == "cancel":
            self.progress.setValue(0)
            self.status.setText(self.tr("Cancelled; no file was written."))
        else:
            self.progress.setValue(0)
            self.status.setText(outcome)
            show_error(self, outcome)
        self.handbook_finished.emit(outcome)
        if outcome == "":
            self.accept()

    def done(self, result: int) -> None:
        """Closing while a handbook is being written cancels it first."""
        if self._job is not None:
            self._job.cancel()
            QThreadPool.globalInstance().waitForDone(30_000)
        super().done(result)
