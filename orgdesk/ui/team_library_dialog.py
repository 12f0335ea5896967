"""File → Team Library…: connect to the team's PostgreSQL library, browse projects and
their versions, open a version, publish the current document with a message.

The library's operations are short transactions run on the GUI thread under a busy
cursor (a server that does not answer is given up after CONNECT_TIMEOUT seconds).
A refused publish shows its sentence and the difference, and offers to merge or to
publish as a branch; merge conflicts offer mine or theirs.  Questions go through the
module's ask_* functions, which tests replace.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.errors import UserError
from orgdesk.ui import dialogs
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr
from orgdesk.ui.messages import user_message

if TYPE_CHECKING:
    from orgdesk.team.documents import TeamDocument
    from orgdesk.team.library import Library, Mode, VersionInfo
    from orgdesk.team.merge import Prefer

T = TypeVar("T")
_URL_KEY = "teamLibrary/url"


def _ask(parent: QWidget | None, sentence: str, details: list[str],
         accept: tuple[str, str], action: tuple[str, str]) -> str:
    """A warning with `details` folded away, two choices (text, answer) and Cancel:
    the chosen answer, or "cancel"."""
    box = QMessageBox(QMessageBox.Icon.Warning, "orgdesk", sentence, QMessageBox.StandardButton.Cancel,
                      parent)
    box.setDetailedText("\n".join(details))
    answers: dict[QAbstractButton, str] = {
        box.addButton(accept[0], QMessageBox.ButtonRole.AcceptRole): accept[1],
        box.addButton(action[0], QMessageBox.ButtonRole.ActionRole): action[1]}
    box.exec()
    return answers.get(box.clickedButton(), "cancel")


def ask_conflict(parent: QWidget | None, sentence: str, difference: list[str]) -> str:
    """"merge", "branch" or "cancel" for a publish refused because of a newer version."""
    return _ask(parent, sentence, difference, (tr("TeamLibraryDialog", "Merge"), "merge"),
                (tr("TeamLibraryDialog", "Publish as Branch"), "branch"))


def ask_conflict_side(parent: QWidget | None, sentence: str, conflicts: list[str]) -> str:
    """"mine", "theirs" or "cancel" for a merge whose changes contradict each other."""
    return _ask(parent, sentence, conflicts, (tr("TeamLibraryDialog", "Keep Mine"), "mine"),
                (tr("TeamLibraryDialog", "Keep Theirs"), "theirs"))


class TeamLibraryDialog(QDialog):
    """Browse the team library and publish the window's document to it."""

    def __init__(self, controller: DocumentController,
                 open_path: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamLibraryDialog")
        self.setWindowTitle(self.tr("Team Library"))
        self.controller = controller
        self.open_path = open_path
        self.library: Library | None = None
        self.versions: list[VersionInfo] = []
        origin = self._origin()
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("teamLibraryUrl")
        self.url_edit.setPlaceholderText("postgresql://user@host/database")
        self.url_edit.setText(origin.server if origin else str(
            QSettings().value(_URL_KEY, os.environ.get("ORGDESK_LIBRARY_URL", ""))))
        connect = QPushButton(self.tr("&Connect"), self)
        connect.setObjectName("teamLibraryConnect")
        connect.clicked.connect(self.connect_library)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Library:"), self))
        top.addWidget(self.url_edit, 1)
        top.addWidget(connect)
        self.projects = QListWidget(self)
        self.projects.setObjectName("teamProjects")
        self.projects.currentTextChanged.connect(self.show_versions)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("teamVersions")
        self.table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Date"),
                                              self.tr("Author"), self.tr("Positions"),
                                              self.tr("Message")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        middle = QHBoxLayout()
        middle.addWidget(self.projects, 1)
        middle.addWidget(self.table, 3)
        self.open_button = QPushButton(self.tr("&Open Version…"), self)
        self.open_button.setObjectName("teamOpenVersion")
        self.open_button.clicked.connect(self.open_version)
        self.compare_button = QPushButton(self.tr("Co&mpare with This Document"), self)
        self.compare_button.setObjectName("teamCompareVersion")
        self.compare_button.clicked.connect(self.compare_version)
        publish_box = QGroupBox(self.tr("Publish this document"), self)
        form = QFormLayout(publish_box)
        self.project_edit = QLineEdit(origin.project if origin else "", publish_box)
        self.project_edit.setObjectName("teamPublishProject")
        self.message_edit = QLineEdit(publish_box)
        self.message_edit.setObjectName("teamPublishMessage")
        self.publish_button = QPushButton(self.tr("&Publish"), publish_box)
        self.publish_button.setObjectName("teamPublish")
        self.publish_button.clicked.connect(self.publish)
        form.addRow(self.tr("Project:"), self.project_edit)
        form.addRow(self.tr("Message:"), self.message_edit)
        form.addRow(self.publish_button)
        self.status = QLabel(self.tr("Offline: not connected."), self)
        self.status.setObjectName("teamLibraryStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        version_buttons = QHBoxLayout()
        version_buttons.addWidget(self.open_button)
        version_buttons.addWidget(self.compare_button)
        version_buttons.addStretch(1)
        layout.addLayout(version_buttons)
        layout.addWidget(publish_box)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(860, 560)

    def _origin(self) -> Any:
        from orgdesk.team.documents import origin_of

        return origin_of(self.controller.org)

    @contextlib.contextmanager
    def _busy(self) -> Iterator[None]:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _run(self, action: Callable[[], T]) -> T | None:
        """`action` under a busy cursor; a known problem goes to the status line."""
        with self._busy():
            try:
                return action()
            except UserError as exc:
                self.status.setText(user_message(exc))
                return None

    # ------------------------------------------------------------------ browsing
    def connect_library(self) -> None:
        from orgdesk.team.library import Library

        self.close_library()
        library = self._run(lambda: Library.open(self.url_edit.text().strip()))
        if library is None:
            return
        summaries = self._run(library.projects)
        if summaries is None:
            library.close()
            return
        self.library = library
        QSettings().setValue(_URL_KEY, library.address.shown)  # never with its password
        self.projects.clear()
        self.projects.addItems([s.name for s in summaries])
        self.status.setText(tr("TeamLibraryDialog", "Connected to {server}: {count} projects.",
                               server=library.address.shown, count=len(summaries)))
        origin = self._origin()
        wanted = origin.project if origin else ""
        for row in range(self.projects.count()):
            if self.projects.item(row).text() == wanted:
                self.projects.setCurrentRow(row)

    def show_versions(self, project: str) -> None:
        library = self.library
        self.table.setRowCount(0)
        if library is None or not project:
            return
        versions = self._run(lambda: library.log(project))
        self.versions = versions or []
        self.table.setRowCount(len(self.versions))
        for row, version in enumerate(self.versions):
            branch = "" if version.branch == "main" else f" [{version.branch}]"
            cells = (f"{version.id}{branch}", version.created_at.astimezone().strftime(
                "%Y-%m-%d %H:%M"), version.author, str(version.position_count), version.message)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.versions:
            self.table.selectRow(0)
        if not self.project_edit.text():
            self.project_edit.setText(project)

    def selected_version(self) -> VersionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.versions[rows[0].row()] if rows else None

    def open_version(self) -> None:
        from orgdesk.team.documents import write_document

        library, version = self.library, self.selected_version()
        if library is None or version is None:
            self.status.setText(self.tr("Connect and choose a version to open first."))
            return
        target = dialogs.ask_save_path(self, f"{version.project} {version.id}.orgdesk")
        if target is None:
            return
        pulled = self._run(lambda: library.pull_document(f"{version.project}@{version.id}"))
        if pulled is None:
            return
        if self._run(lambda: write_document(target, pulled[1])) is None \
                and not target.exists():
            return
        self.status.setText(tr("TeamLibraryDialog", "Version {version} saved as {file}.",
                               version=version.id, file=target.name))
        if self.open_path is not None:
            self.open_path(target)

    def compare_version(self) -> QDialog | None:
        """The selected version against the window's document, in the Compare dialog."""
        from orgdesk.analysis.compare import compare
        from orgdesk.ui.compare_dialog import CompareDialog

        library, version = self.library, self.selected_version()
        if library is None or version is None:
            self.status.setText(self.tr("Connect and choose a version to open first."))
            return None
        old = self._run(lambda: library.document(version.id))
        if old is None:
            return None
        dialog = CompareDialog(compare(old, self.controller.org),
                               tr("TeamLibraryDialog", "version {version}", version=version.id),
                               self.tr("this document"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ publishing
    def publish(self) -> None:
        from orgdesk.core.settings import TEAM_ORIGIN_SETTING
        from orgdesk.team.documents import Origin, document_origin
        from orgdesk.team.errors import MergeConflicts, PublishConflict

        library = self.library
        project, message = self.project_edit.text().strip(), self.message_edit.text().strip()
        if library is None:
            self.status.setText(self.tr("Connect to the library first."))
            return
        document = self._document()
        # The open scenario's origin, else another's (a scenario switched to after a
        # publish has none of its own).
        origin = document_origin(document)
        same = origin is not None and origin.project == project and (
            origin.server == library.address.shown)
        base = origin.version if origin is not None and same else None
        mode: Mode = "check"
        prefer: Prefer = None
        while True:
            try:
                with self._busy():
                    published = library.publish(document, project, message, base=base,
                                                mode=mode, prefer=prefer)
                break
            except PublishConflict as conflict:
                choice = ask_conflict(self, user_message(conflict),
                                      list(conflict.details.difference))
                if choice == "cancel":
                    self.status.setText(user_message(conflict))
                    return
                mode = "merge" if choice == "merge" else "branch"
            except MergeConflicts as conflicts:
                side = ask_conflict_side(self, user_message(conflicts), list(conflicts.conflicts))
                if side == "cancel":
                    self.status.setText(user_message(conflicts))
                    return
                prefer = "mine" if side == "mine" else "theirs"
            except UserError as exc:
                self.status.setText(user_message(exc))
                return
        version = published.version
        if published.merged is None:
            # The document now follows the version it became (saved with the next Save).
            origin_value = Origin(library.address.shown, project, version.id).to_setting()
            self.controller.execute(self.tr("Publish to the team library"),
                                    lambda s: s.set_setting(TEAM_ORIGIN_SETTING, origin_value))
            self.status.setText(tr("TeamLibraryDialog", "Published version {version} of “{project}”.",
                                   version=version.id, project=project))
        else:
            self.status.setText(tr(
                "TeamLibraryDialog", "Published the merged version {version} of “{project}”; "
                "open it to go on from the merged document.", version=version.id, project=project))
        self.message_edit.clear()
        self.show_versions(project)
        for row in range(self.projects.count()):
            if self.projects.item(row).text() == project:
                self.projects.setCurrentRow(row)
                break
        else:
            self.projects.addItem(project)

    def _document(self) -> TeamDocument:
        """Every scenario of the window's document, as a version stores it."""
        from orgdesk.team.documents import Scenario, TeamDocument

        scenarios = self.controller.scenarios
        return TeamDocument(tuple(Scenario(s.name, scenarios.organisation(s.id), s.active)
                                  for s in scenarios.scenarios()))

    def close_library(self) -> None:
        if self.library is not None:
            self.library.close()
            self.library = None

    def done(self, result: int) -> None:
        self.close_library()
        super().done(result)
