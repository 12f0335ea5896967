"""The library state of a pulled document in the window's status bar (issue 15).

A document pulled from a team library remembers its origin (the `team_origin`
setting); the label names it — "Team library: 项目X @ version 12" — and says
whether the library can be reached, whether a newer version of that branch is
there, and how far the document is ahead of its version: "ahead of the server by
3 edits", or offline "3 edits not published".  An edit is an item (position,
department, relation, setting, …) that differs from the version, counted by
ui/team_edits.py against the version's JSON kept in a local cache: the count follows
every edit and undo (back to the version: none), and is the same after a save, a
reopen or a crash recovery.

Asking the server may take the connect timeout, so it runs on a library thread
(ui/team_calls.py); the label says "checking" meanwhile and the window never
waits.  The cached version is read first, so the count shows while the server is
asked and when it cannot be reached; a version not cached yet is fetched once.
The label asks again when the origin changes (a publish, a scenario switch) and
every few minutes while one is shown; answers to an older question are dropped.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from orgdesk.core.changes import ChangeSet
from orgdesk.team.bases import base_document, remember_base
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.jobs import Job, JobOutcome, start
from orgdesk.ui.team_calls import LibraryCall, library_pool
from orgdesk.ui.team_edits import Edits, ScenarioEdits, organisation_edits

if TYPE_CHECKING:
    from orgdesk.team.documents import TeamDocument

#: How often a shown state is checked again, in milliseconds.
RECHECK_MS = 5 * 60 * 1000
#: How soon after a scenario switch the edits are counted afresh (a burst once).
RECOUNT_MS = 120


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


def check_library(job: Job, origin: tuple[str, str, int], need_base: bool) -> int:
    """On a library thread: the cached base version first (reported as ("base", document)),
    then the newest version of its branch from the server, fetching and caching the
    base version when it was not cached."""
    from orgdesk.team.library import Library

    server, project, version = origin
    if need_base:
        cached = base_document(server, project, version)
        if cached is not None:
            job.report("base", cached)
            need_base = False
    with Library.open(server) as library:
        base = library.resolve(f"{project}@{version}")
        newest = library.resolve(f"{project}@{base.branch}").id
        if need_base:
            fetched = library.team_document(version)
            remember_base(server, project, version, fetched)
            job.report("base", fetched)
    return newest


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
        #: The origin's version as the library stores it (None: not known yet).
        self.base: TeamDocument | None = None
        #: The edits since that version (None: not counted yet).
        self.edits: Edits | None = None
        #: "checking", "connected" or "offline"; the newest version when connected.
        self.state = "checking"
        self.newest: int | None = None
        self.problem = ""
        #: The open scenario's edits, followed edit by edit, and the other scenarios'.
        self._open: ScenarioEdits | None = None
        self._open_org: object = None
        self._open_id: int | None = None
        #: The scenarios opened since the last count (each may have been edited there).
        self._visited: set[int] = set()
        #: The edits of each scenario not open, by (id, name), as last counted.
        self._closed: dict[tuple[int, str], Edits] = {}
        self._rest = Edits()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(lambda: self.refresh(force=True))
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(RECOUNT_MS)
        self._recount.timeout.connect(self.count)
        controller.changed.connect(self._changed)
        controller.scenarios_changed.connect(self._scenarios_changed)
        self.refresh(force=True)

    def _changed(self, changes: ChangeSet, _structural: bool) -> None:
        self.refresh()
        if self.base is not None:
            self._follow(changes)

    def _scenarios_changed(self) -> None:
        self.refresh()
        if self.base is not None:
            # Switched before the last one was counted, it may have been edited too.
            self._visited.add(self.controller.scenarios.active().id)
            self._recount.start()

    def refresh(self, force: bool = False) -> None:
        """Ask the library again if the origin changed (or `force`); returns at once."""
        from orgdesk.core.settings import TEAM_ORIGIN_SETTING

        origin = _origin_key(self.controller.org.settings.get(TEAM_ORIGIN_SETTING))
        if origin == self.origin and not force:
            return
        if origin != self.origin:
            self.base, self.edits, self._open, self._closed = None, None, None, {}
        self.origin = origin
        self._asked += 1
        self._timer.stop()
        if origin is None:
            self.setVisible(False)
            self.job = None
            return
        self.state, self.newest, self.problem = "checking", None, ""
        self._show()
        self.setVisible(True)
        asked = self._asked
        need_base = self.base is None
        # A library call: quitting does not wait for a server that never answers.
        call = LibraryCall(lambda: check_library(call, origin, need_base))
        self.job = start(call, lambda outcome: self._answered(asked, outcome),
                         lambda values: self._progress(asked, values), pool=library_pool())

    def _progress(self, asked: int, values: tuple[object, ...]) -> None:
        from shiboken6 import isValid

        if not isValid(self) or asked != self._asked or len(values) != 2 \
                or values[0] != "base":
            return
        self.base = values[1]  # type: ignore[assignment]
        self.count()

    def _answered(self, asked: int, outcome: JobOutcome) -> None:
        from shiboken6 import isValid

        if not isValid(self) or asked != self._asked or self.origin is None:
            return
        if outcome.ok and isinstance(outcome.result, int):
            self.state, self.newest, self.problem = "connected", outcome.result, ""
        else:
            self.state, self.newest, self.problem = "offline", None, outcome.problem
        self._show()
        self._timer.start()

    # ------------------------------------------------------------------ the edits
    def count(self) -> None:
        """Count the edits since the base version afresh (after a scenario switch or once
        the base arrives; an edit in the open scenario is followed by `_follow`)."""
        self._recount.stop()
        self._open = None
        self._open_org = self.controller.org
        changed = {self._open_id, *self._visited}
        self._open_id, self._visited = None, set()
        if self.base is None or self.origin is None:
            self._closed = {}
            return
        scenarios = self.controller.scenarios
        listed = scenarios.scenarios()
        olds = {s.name: s.org for s in self.base.scenarios}
        news = {s.name for s in listed}
        # Scenarios that came or went are one edit each; the others are compared.
        rest = Edits(other=len(olds.keys() ^ news))
        # A scenario changes only while it is open: the others' counts are kept from
        # the last count, except those open since (reading a scenario that is not
        # open means decoding it, which takes a while for a large one).
        kept, self._closed = self._closed, {}
        for scenario in listed:
            if scenario.name not in olds:
                continue
            if scenario.active:
                self._open = ScenarioEdits(olds[scenario.name], self.controller.org)
                self._open_id = scenario.id
                continue
            key = (scenario.id, scenario.name)
            edits = kept.get(key)
            if edits is None or scenario.id in changed:
                edits = organisation_edits(olds[scenario.name],
                                           scenarios.organisation(scenario.id))
            self._closed[key] = edits
            rest += edits
        self._rest = rest
        self._total()

    def _follow(self, changes: ChangeSet) -> None:
        """An edit or undo in the open scenario: only what it touched is compared again."""
        if self._open_org is not self.controller.org:
            self._recount.start()  # another organisation object: counted afresh
            return
        if self._open is None:
            return  # a scenario the version does not have: one edit, whatever it holds
        self._open.update(changes)
        self._total()

    def _total(self) -> None:
        self.edits = self._rest + (self._open.edits() if self._open is not None else Edits())
        self._show()

    def _show(self) -> None:
        if self.origin is None:
            return
        server, project, version = self.origin
        edits = self.edits.total if self.edits is not None else None
        values = {"project": project, "version": version}
        if self.state == "connected":
            newer = self.newest is not None and self.newest != version
            if not edits:
                text = tr("TeamStatusLabel", "Team library: {project} @ version {version}; "
                          "version {newest} is newer", newest=self.newest, **values) if newer \
                    else tr("TeamStatusLabel", "Team library: {project} @ version {version}",
                            **values)
            elif newer:
                text = tr_n("TeamStatusLabel",
                            "Team library: {project} @ version {version}, ahead of the server "
                            "by {count} edit; version {newest} is newer",
                            "Team library: {project} @ version {version}, ahead of the server "
                            "by {count} edits; version {newest} is newer",
                            edits, newest=self.newest, **values)
            else:
                text = tr_n("TeamStatusLabel",
                            "Team library: {project} @ version {version}, ahead of the server "
                            "by {count} edit",
                            "Team library: {project} @ version {version}, ahead of the server "
                            "by {count} edits", edits, **values)
        elif self.state == "offline":
            if edits is None:
                text = tr("TeamStatusLabel", "Team library: {project} @ version {version} "
                          "(offline; edits not counted)", **values)
            elif edits:
                text = tr_n("TeamStatusLabel",
                            "Team library: {project} @ version {version} (offline, {count} edit "
                            "not published)",
                            "Team library: {project} @ version {version} (offline, {count} edits "
                            "not published)", edits, **values)
            else:
                text = tr("TeamStatusLabel", "Team library: {project} @ version {version} "
                          "(offline)", **values)
        elif edits:
            text = tr_n("TeamStatusLabel",
                        "Team library: {project} @ version {version}, {count} edit not "
                        "published (checking…)",
                        "Team library: {project} @ version {version}, {count} edits not "
                        "published (checking…)", edits, **values)
        else:
            text = tr("TeamStatusLabel", "Team library: {project} @ version {version} "
                      "(checking…)", **values)
        self.setText(text)
        tip = [self.problem or server]
        if self.edits is not None and self.edits.total:
            tip.append(tr("TeamStatusLabel", "Since version {version}: positions added "
                          "{added}, changed {changed}, removed {removed}; other changes "
                          "{other}.", version=version, added=self.edits.added,
                          changed=self.edits.changed, removed=self.edits.removed,
                          other=self.edits.other))
        elif self.state == "offline" and self.edits is None:
            tip.append(tr("TeamStatusLabel", "The edits since version {version} are counted "
                          "once the library has been reached.", version=version))
        self.setToolTip("\n".join(tip))
