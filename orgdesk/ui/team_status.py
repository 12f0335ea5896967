"""The library state of a pulled document in the window's status bar (issue 15).

A document pulled from a team library remembers its origin (the `team_origin`
setting); the label names it — "Team library: 项目X @ version 12" — and says
whether the library can be reached and whether a newer version of that branch
is there.  Asking the server may take the connect timeout, so it runs on a
worker thread (ui/jobs.py); the label says "checking" meanwhile and the window
never waits.  It asks again when the origin changes (a publish, a scenario
switch) and every few minutes while one is shown; answers to an older question
are dropped.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from orgdesk.core.changes import ChangeSet
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr
from orgdesk.ui.jobs import Job, JobOutcome, start

#: How often a shown state is checked again, in milliseconds.
RECHECK_MS = 5 * 60 * 1000


def _origin_key(value: Any) -> tuple[str, str, int] | None:
    """(server, project, version) of a `team_origin` setting value, or None."""
    if not isinstance(value, dict):
        return None
    try:
        return str(value["server"]), str(value["project"]), int(value["version"])
    except (KeyError, TypeError, ValueError):
        return None


def newest_version(server: str, project: str, version: int) -> int:
    """The newest version on the branch of `project`'s `version` (on a worker thread)."""
    from orgdesk.team.library import Library

    with Library.open(server) as library:
        base = library.resolve(f"{project}@{version}")
        return library.resolve(f"{project}@{base.branch}").id


class TeamStatusLabel(QLabel):
    """Hidden for a document that did not come from a team library."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamLibraryStatusLabel")
        self.controller = controller
        self.origin: tuple[str, str, int] | None = None
        #: Which question the label waits for (answers to older ones are dropped).
        self._asked = 0
        self.job: Job | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(lambda: self.refresh(force=True))
        controller.changed.connect(self._changed)
        controller.scenarios_changed.connect(self.refresh)
        self.refresh(force=True)

    def _changed(self, _changes: ChangeSet, _structural: bool) -> None:
        self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Ask the library again if the origin changed (or `force`); returns at once."""
        from orgdesk.core.settings import TEAM_ORIGIN_SETTING

        origin = _origin_key(self.controller.org.settings.get(TEAM_ORIGIN_SETTING))
        if origin == self.origin and not force:
            return
        self.origin = origin
        self._asked += 1
        self._timer.stop()
        if origin is None:
            self.setVisible(False)
            self.job = None
            return
        server, project, version = origin
        self.setText(tr("TeamStatusLabel", "Team library: {project} @ version {version} "
                        "(checking…)", project=project, version=version))
        self.setToolTip(server)
        self.setVisible(True)
        asked = self._asked
        self.job = start(Job(lambda _job: newest_version(server, project, version)),
                         lambda outcome: self._answered(asked, outcome))

    def _answered(self, asked: int, outcome: JobOutcome) -> None:
        from shiboken6 import isValid

        if not isValid(self) or asked != self._asked or self.origin is None:
            return
        server, project, version = self.origin
        if outcome.ok and isinstance(outcome.result, int):
            if outcome.result != version:
                self.setText(tr("TeamStatusLabel", "Team library: {project} @ version "
                                "{version}; version {newest} is newer", project=project,
                                version=version, newest=outcome.result))
            else:
                self.setText(tr("TeamStatusLabel", "Team library: {project} @ version "
                                "{version}", project=project, version=version))
            self.setToolTip(server)
        else:
            self.setText(tr("TeamStatusLabel", "Team library: {project} @ version {version} "
                            "(offline)", project=project, version=version))
            self.setToolTip(outcome.problem or server)
        self._timer.start()
