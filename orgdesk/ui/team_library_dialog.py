"""File → Team Library…: connect to the team's PostgreSQL library, browse projects and
their versions, search them, open a version, compare one with the window's document,
publish the document with a message.

Every call to the library runs on a library thread (ui/team_calls.py): the window stays
live while a server takes its time or never answers, a moving bar says what is being
waited for, and Cancel stops it.  A cancelled publish is stopped before its commit, so
the server keeps nothing and the document is unchanged; an opened version's file is
written only after the last point Cancel can stop.  Closing the dialog cancels too.
A refused publish shows its sentence and the difference, and offers to merge or to
publish as a branch; merge conflicts offer mine or theirs.  Questions go through the
module's ask_* functions, which tests replace.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
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
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from orgdesk.team.bases import remember_base
from orgdesk.team.library import Published
from orgdesk.ui import dialogs
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.jobs import JobOutcome
from orgdesk.ui.messages import user_message
from orgdesk.ui.team_calls import LibraryCall, guard_commits, point_of_no_return, start_call

if TYPE_CHECKING:
    from orgdesk.team.documents import TeamDocument
    from orgdesk.team.library import Library, Mode, ProjectSummary, SearchHit, VersionInfo
    from orgdesk.team.merge import Prefer

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
    """Browse and search the team library and publish the window's document to it."""

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
        self.hits: list[SearchHit] = []
        #: The library call the dialog waits for, and which outcome it still wants.
        self.call: LibraryCall | None = None
        self._wanted = 0
        self._cancelled_text = ""
        #: A version to select once its project's versions are listed (from a search hit).
        self._select_after: int | None = None
        #: The Compare dialog last shown.
        self.compared: QDialog | None = None
        origin = self._origin()
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("teamLibraryUrl")
        self.url_edit.setPlaceholderText("postgresql://user@host/database")
        self.url_edit.setText(origin.server if origin else str(
            QSettings().value(_URL_KEY, os.environ.get("ORGDESK_LIBRARY_URL", ""))))
        self.connect_button = QPushButton(self.tr("&Connect"), self)
        self.connect_button.setObjectName("teamLibraryConnect")
        self.connect_button.clicked.connect(self.connect_library)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Library:"), self))
        top.addWidget(self.url_edit, 1)
        top.addWidget(self.connect_button)
        self.projects = QListWidget(self)
        self.projects.setObjectName("teamProjects")
        self.projects.currentTextChanged.connect(self.show_versions)
        self.table = self._table("teamVersions", [
            self.tr("Version"), self.tr("Date"), self.tr("Author"), self.tr("Positions"),
            self.tr("Message")])
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("teamSearchText")
        self.search_edit.setPlaceholderText(self.tr(
            "Title, department, duty, requirement, project or author"))
        self.search_edit.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("&Search"), self)
        self.search_button.setObjectName("teamSearch")
        self.search_button.clicked.connect(self.search)
        self.results = self._table("teamSearchResults", [
            self.tr("Project"), self.tr("Version"), self.tr("Position"), self.tr("Department"),
            self.tr("Found in")])
        self.results.cellDoubleClicked.connect(self.show_hit)
        search_page = QWidget(self)
        search_layout = QVBoxLayout(search_page)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.search_button)
        search_layout.addLayout(search_row)
        search_layout.addWidget(self.results, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("teamLibraryTabs")
        self.tabs.addTab(self.table, self.tr("Versions"))
        self.tabs.addTab(search_page, self.tr("Search"))
        middle = QHBoxLayout()
        middle.addWidget(self.projects, 1)
        middle.addWidget(self.tabs, 3)
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
        # What the dialog waits for: a moving bar and Cancel, the rest stays live.
        self.busy = QProgressBar(self)
        self.busy.setObjectName("teamLibraryBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(160)
        self.cancel_button = QPushButton(self.tr("Cance&l"), self)
        self.cancel_button.setObjectName("teamLibraryCancel")
        self.cancel_button.clicked.connect(self.cancel)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.busy)
        status_row.addWidget(self.cancel_button)
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
        layout.addLayout(status_row)
        layout.addWidget(buttons)
        #: Disabled while a call runs (Close and Cancel stay live).
        self._controls: tuple[QWidget, ...] = (
            self.url_edit, self.connect_button, self.projects, self.table, self.search_edit,
            self.search_button, self.results, self.open_button, self.compare_button,
            publish_box)
        # Enter in the address connects and in the search field searches; it never
        # presses another button (a default button would close or connect instead).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.url_edit.returnPressed.connect(self.connect_library)
        self._set_busy("")
        self.resize(860, 600)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column in range(len(headers) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        return table

    def _origin(self) -> Any:
        from orgdesk.team.documents import origin_of

        return origin_of(self.controller.org)

    # ------------------------------------------------------------------ calls
    @property
    def running(self) -> bool:
        """Whether the dialog waits for a library call."""
        return self.call is not None

    def _set_busy(self, doing: str) -> None:
        """Show that `doing` runs (or, for "", that nothing does)."""
        for control in self._controls:
            control.setEnabled(not doing)
        self.busy.setVisible(bool(doing))
        self.cancel_button.setVisible(bool(doing))
        self.cancel_button.setEnabled(bool(doing))
        if doing:
            self.status.setText(doing)

    def _start(self, doing: str, cancelled: str, work: Callable[[], object],
               done: Callable[[Any], object], final_commit: bool = False) -> LibraryCall:
        """Run `work` on a library thread; `done(result)` here once it succeeded.

        A failure shows its sentence; Cancel shows `cancelled` at once and drops the
        outcome (a call that writes is stopped before its commit)."""
        self._wanted += 1
        wanted = self._wanted

        def finished(outcome: JobOutcome) -> None:
            if not isValid(self) or wanted != self._wanted:
                _discard(outcome.result)
                return
            self.call = None
            self._set_busy("")
            if outcome.cancelled:
                self.status.setText(cancelled)
            elif outcome.problem:
                self.status.setText(outcome.problem)
            else:
                done(outcome.result)

        self._cancelled_text = cancelled
        self._set_busy(doing)
        # A cancelled connect may still get its library later: closed then.
        self.call = start_call(work, finished, final_commit, dropped=_discard)
        return self.call

    def cancel(self) -> None:
        """Stop the running call; a publish already being committed is waited for."""
        call = self.call
        if call is None:
            return
        if not call.cancel():
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr(
                "Too late to cancel: the library is already storing the version."))
            return
        self._wanted += 1  # its outcome, whenever it comes, is not wanted
        self.call = None
        self._set_busy("")
        self.status.setText(self._cancelled_text)

    # ------------------------------------------------------------------ browsing
    def connect_library(self) -> None:
        from orgdesk.team.library import Library

        self.close_library()
        self.projects.blockSignals(True)  # what another library listed goes
        self.projects.clear()
        self.projects.blockSignals(False)
        self.table.setRowCount(0)
        self.versions = []
        self.results.setRowCount(0)
        self.hits = []
        url = self.url_edit.text().strip()

        def work() -> tuple[Library, list[ProjectSummary]]:
            library = guard_commits(Library.open(url))
            try:
                return library, library.projects()
            except BaseException:
                library.close()
                raise

        self._start(self.tr("Connecting…"), self.tr("Connecting was cancelled."), work,
                    self._connected)

    def _connected(self, result: tuple[Library, list[ProjectSummary]]) -> None:
        library, summaries = result
        self.library = library
        QSettings().setValue(_URL_KEY, library.address.shown)  # never with its password
        self.projects.blockSignals(True)
        self.projects.clear()
        self.projects.addItems([s.name for s in summaries])
        self.projects.blockSignals(False)
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
        self.versions = []
        if library is None or not project:
            return
        status = self.status.text()
        self._start(tr("TeamLibraryDialog", "Listing the versions of “{project}”…",
                       project=project),
                    self.tr("Listing the versions was cancelled."),
                    lambda: library.log(project),
                    lambda versions: self._listed(project, versions, status))

    def _listed(self, project: str, versions: list[VersionInfo], status: str) -> None:
        self.status.setText(status)
        self.versions = versions
        self.table.setRowCount(len(versions))
        for row, version in enumerate(versions):
            branch = "" if version.branch == "main" else f" [{version.branch}]"
            cells = (f"{version.id}{branch}", version.created_at.astimezone().strftime(
                "%Y-%m-%d %H:%M"), version.author, str(version.position_count), version.message)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        wanted = self._select_after
        self._select_after = None
        rows = [r for r, v in enumerate(versions) if v.id == wanted] or [0]
        if versions:
            self.table.selectRow(rows[0])
        if not self.project_edit.text():
            self.project_edit.setText(project)

    def selected_version(self) -> VersionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.versions[rows[0].row()] if rows else None

    def open_version(self) -> None:
        library, version = self.library, self.selected_version()
        if library is None or version is None:
            self.status.setText(self.tr("Connect and choose a version to open first."))
            return
        target = dialogs.ask_save_path(self, f"{version.project} {version.id}.orgdesk")
        if target is None:
            return
        spec = f"{version.project}@{version.id}"

        def work() -> Path:
            from orgdesk.team.documents import write_document

            pulled = library.pull_document(spec)[1]
            point_of_no_return()  # Cancel stops here at the latest: no file is written
            write_document(target, pulled)
            remember_base(library.address.shown, version.project, version.id, pulled)
            return target

        def done(path: Path) -> None:
            self.status.setText(tr("TeamLibraryDialog", "Version {version} saved as {file}.",
                                   version=version.id, file=path.name))
            if self.open_path is not None:
                self.open_path(path)

        self._start(tr("TeamLibraryDialog", "Opening version {version}…", version=version.id),
                    self.tr("Opening the version was cancelled; no file was written."),
                    work, done)

    def compare_version(self) -> LibraryCall | None:
        """The selected version against the window's document, in the Compare dialog
        (`compared` holds it once it is shown)."""
        from orgdesk.analysis.compare import Comparison, compare

        library, version = self.library, self.selected_version()
        if library is None or version is None:
            self.status.setText(self.tr("Connect and choose a version to open first."))
            return None
        mine = self.controller.org.copy()  # the worker compares a copy, never the live one
        status = self.status.text()

        def done(comparison: Comparison) -> None:
            from orgdesk.ui.compare_dialog import CompareDialog

            self.status.setText(status)
            dialog = CompareDialog(comparison, tr("TeamLibraryDialog", "version {version}",
                                                  version=version.id),
                                   self.tr("this document"), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.compared = dialog

        return self._start(
            tr("TeamLibraryDialog", "Comparing with version {version}…", version=version.id),
            self.tr("Comparing was cancelled."),
            lambda: compare(library.document(version.id), mine), done)

    # ------------------------------------------------------------------ search
    def search(self) -> None:
        library, words = self.library, self.search_edit.text().strip()
        if library is None:
            self.status.setText(self.tr("Connect to the library first."))
            return
        if not words:
            return
        self.results.setRowCount(0)
        self.hits = []
        self._start(tr("TeamLibraryDialog", "Searching for “{words}”…", words=words),
                    self.tr("The search was cancelled."),
                    lambda: library.search(words), lambda hits: self._found(words, hits))

    def _found(self, words: str, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.results.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            branch = "" if hit.branch == "main" else f" [{hit.branch}]"
            cells = (hit.project, f"{hit.version_id}{branch}", hit.title, hit.department,
                     hit.excerpt)
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(tr_n("TeamLibraryDialog", "“{words}”: {count} position found.",
                                 "“{words}”: {count} positions found.", len(hits), words=words))

    def show_hit(self, row: int, _column: int = 0) -> None:
        """A search hit's project and version in the Versions tab."""
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        self.tabs.setCurrentIndex(0)
        for index in range(self.projects.count()):
            if self.projects.item(index).text() == hit.project:
                self._select_after = hit.version_id
                if self.projects.currentRow() == index:
                    self.show_versions(hit.project)
                else:
                    self.projects.setCurrentRow(index)
                return

    # ------------------------------------------------------------------ publishing
    def publish(self) -> None:
        from orgdesk.team.documents import document_origin

        library = self.library
        project, message = self.project_edit.text().strip(), self.message_edit.text().strip()
        if library is None:
            self.status.setText(self.tr("Connect to the library first."))
            return
        document = self._document()
        # The open scenario's origin, else another's (after a publish by an older orgdesk,
        # only the scenario open then has one).
        origin = document_origin(document)
        same = origin is not None and origin.project == project and (
            origin.server == library.address.shown)
        base = origin.version if origin is not None and same else None
        self._publish(library, document, project, message, base, "check", None)

    def _publish(self, library: Library, document: TeamDocument, project: str, message: str,
                 base: int | None, mode: Mode, prefer: Prefer) -> None:
        from orgdesk.team.errors import MergeConflicts, PublishConflict

        controller = self.controller

        def work() -> object:
            try:
                published = library.publish(document, project, message, base=base, mode=mode,
                                            prefer=prefer)
            except (PublishConflict, MergeConflicts) as question:
                return question  # asked here, on the window's thread
            if published.merged is None:  # the document now follows this version
                remember_base(library.address.shown, project, published.version.id, document)
            return published

        def done(result: object) -> None:
            if isinstance(result, PublishConflict):
                choice = ask_conflict(self, user_message(result),
                                      list(result.details.difference))
                if choice == "cancel":
                    self.status.setText(user_message(result))
                    return
                self._publish(library, document, project, message, base,
                              "merge" if choice == "merge" else "branch", prefer)
            elif isinstance(result, MergeConflicts):
                side = ask_conflict_side(self, user_message(result), list(result.conflicts))
                if side == "cancel":
                    self.status.setText(user_message(result))
                    return
                self._publish(library, document, project, message, base, mode,
                              "mine" if side == "mine" else "theirs")
            elif isinstance(result, Published):
                self._published(project, result)

        call = self._start(tr("TeamLibraryDialog", "Publishing to “{project}”…",
                              project=project),
                           self.tr("The publish was cancelled; nothing was published and "
                                   "this document is unchanged."),
                           work, done, final_commit=True)
        # The document follows its new version even if this window is closed meanwhile.
        call.signals.finished.connect(
            lambda outcome: _follow(controller, library.address.shown, project, outcome),
            Qt.ConnectionType.QueuedConnection)

    def _published(self, project: str, published: Published) -> None:
        version = published.version
        if published.merged is None:
            self.status.setText(tr("TeamLibraryDialog", "Published version {version} of “{project}”.",
                                   version=version.id, project=project))
        else:
            self.status.setText(tr(
                "TeamLibraryDialog", "Published the merged version {version} of “{project}”; "
                "open it to go on from the merged document.", version=version.id, project=project))
        self.message_edit.clear()
        for row in range(self.projects.count()):
            if self.projects.item(row).text() == project:
                if self.projects.currentRow() == row:
                    self.show_versions(project)
                else:
                    self.projects.setCurrentRow(row)
                break
        else:
            self.projects.addItem(project)
            self.projects.setCurrentRow(self.projects.count() - 1)

    def _document(self) -> TeamDocument:
        """Every scenario of the window's document, as a version stores it (copies: the
        publish reads them on another thread)."""
        from orgdesk.team.documents import Scenario, TeamDocument

        scenarios = self.controller.scenarios
        return TeamDocument(tuple(Scenario(s.name, scenarios.organisation(s.id).copy(),
                                           s.active)
                                  for s in scenarios.scenarios()))

    def close_library(self) -> None:
        library, self.library = self.library, None
        if library is None:
            return
        call = self.call
        if call is not None:  # closed by the thread still using it, once it is done
            call.when_done(library.close)
        else:
            library.close()

    def done(self, result: int) -> None:
        """Close: a running call is cancelled (a publish already being committed ends on
        its own, and the document still follows the version it became)."""
        call = self.call
        if call is not None:
            call.cancel()
        self._wanted += 1  # no outcome is shown in a closed dialog
        self.close_library()
        self.call = None
        super().done(result)


def _follow(controller: DocumentController, server: str, project: str,
            outcome: JobOutcome) -> None:
    """After a publish (not merged): every scenario's origin is the version it became, as
    after a pull (undoable, saved with the next Save)."""
    from orgdesk.team.documents import Origin
    from orgdesk.ui.team_origin import follow_version

    result = outcome.result
    if not outcome.ok or not isinstance(result, Published) or result.merged is not None \
            or not isValid(controller):
        return
    follow_version(controller, Origin(server, project, result.version.id),
                   tr("TeamLibraryDialog", "Publish to the team library"))


def _discard(result: object) -> None:
    """An unwanted outcome's library (a cancelled connect) is closed."""
    from orgdesk.team.library import Library

    if isinstance(result, tuple):
        for item in result:
            if isinstance(item, Library):
                item.close()
