"""Common ground of the position panels: the shown position and refresh rules.

Each panel names the `Position` fields it shows; after an edit it reloads only
when one of those changed (or the tree's shape did), and the panel an edit is
typed in does not reload itself under the user's cursor.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import StatePatch
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr
from orgdesk.ui.panels.list_history import H, ListWords, describe_list_change

__all__ = ["PositionPanel", "tr"]  # tr: the panels' translation helper, orgdesk.ui.i18n's


class PositionPanel(QWidget):
    """A panel showing one position; edits go to the controller as commands."""

    #: Ask the window to select another position (a link, a double-click).
    navigate = Signal(object)  # a position id: Signal(int) is 32-bit
    #: The `Position` fields this panel shows.
    FIELDS: frozenset[str] = frozenset()
    #: Whether the panel shows department names or dotted-line relations.
    SHOWS_DEPARTMENTS = False
    SHOWS_RELATIONS = False

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pid: PositionId | None = None
        self._loading = False
        #: While this panel's own edit is being performed: the fields it sets.
        self._editing: frozenset[str] = frozenset()
        controller.changed.connect(self._on_changed)

    @property
    def position(self) -> Position | None:
        if self.pid is None or self.pid not in self.controller.org:
            return None
        return self.controller.org.position(self.pid)

    def show_position(self, pid: PositionId | None) -> None:
        self.pid = pid if pid is not None and pid in self.controller.org else None
        self._reload()

    def _on_changed(self, changes: ChangeSet, structural: bool) -> None:
        if self.pid is not None and self.pid not in self.controller.org:
            self.show_position(None)
        elif self.needs_reload(changes, structural):
            self._reload()

    def needs_reload(self, changes: ChangeSet, structural: bool) -> bool:
        """Whether `changes` alter anything this panel shows (and did not come from it)."""
        if structural:
            return True
        if self.SHOWS_DEPARTMENTS and (changes.departments_added or changes.departments_updated
                                       or changes.departments_removed):
            return True
        if self.SHOWS_RELATIONS and (changes.relations_added or changes.relations_removed):
            return True
        if self.pid is None or self.pid not in changes.positions_updated:
            return False
        changed = changes.fields_of(self.pid)
        if changed is None:
            return True
        if self._editing and changed <= self._editing:
            self.own_edit_done(changed)  # the widget already shows what was typed
            return False
        return bool(changed & self.FIELDS)

    def edit_list(self, burst: int, field: str, words: ListWords,
                  read: Callable[[Position], Sequence[H]], items: Sequence[H],
                  label: Callable[[H], str] = str, **fields: object) -> None:
        """A list of the shown position edited: a history text saying what changed, and
        the edits of one burst (`EditBursts`) in that list merged into one step."""
        position = self.position
        if position is None:
            return
        pid = position.id

        def describe(before: StatePatch, after: StatePatch) -> str:
            old, new = before.positions.get(pid), after.positions.get(pid)
            if old is None or new is None:
                return words.edit(position.title)
            return describe_list_change(words, read(old), read(new), new.title, label)

        self.edit(describe_list_change(words, read(position), items, position.title, label),
                  f"{field}#{burst}", describe, False, **fields)

    def own_edit_done(self, changed: frozenset[str]) -> None:
        """After this panel's own edit: update what is derived from the typed fields."""

    def _reload(self) -> None:
        self._loading = True
        try:
            self.setEnabled(self.position is not None)
            self.load(self.position)
        finally:
            self._loading = False

    def load(self, position: Position | None) -> None:
        raise NotImplementedError

    def edit(self, text: str, merge_field: str | None = None,
             describe: Callable[[StatePatch, StatePatch], str] | None = None,
             typed: bool = False, **fields: object) -> None:
        """Change fields of the shown position as one undoable step.

        `typed`: the values come straight from this panel's widgets, which
        already show them, so the panel does not reload itself afterwards.
        """
        if self._loading or self.pid is None:
            return
        pid = self.pid
        key: Hashable | None = (int(pid), merge_field) if merge_field else None
        self._editing = frozenset(fields) if typed else frozenset()
        try:
            self.controller.execute(text, lambda s: s.edit_position(pid, **fields), key,
                                    describe)
        finally:
            self._editing = frozenset()
