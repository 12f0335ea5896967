"""The undo command of a scenario operation (create, rename, delete, reorder, switch).

It rides on `PatchCommand` — the same stack bookkeeping for a step that could
not be applied, the same journal beside the working copy — with empty
patches: its redo applies the recorded `ScenarioEdit`, its undo the edit's
inverse.  The edit's JSON goes into the undo journal, so a recovered
document can still undo a switch (and the edits made before it, in the
scenario they were made in).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgdesk.commands import PatchCommand
from orgdesk.core.organisation import StatePatch
from orgdesk.services.scenarios import ScenarioEdit


class ScenarioCommand(PatchCommand):
    """One undoable scenario operation; `apply(edit)` returns False when it failed."""

    def __init__(self, text: str, apply: Callable[[ScenarioEdit], bool],
                 edit: ScenarioEdit, already_done: bool = True) -> None:
        before, after = StatePatch({}, {}, {}), StatePatch({}, {}, {})

        def step(patch: StatePatch) -> bool:
            return apply(edit if patch is after else edit.inverse())

        super().__init__(text, step, before, after, already_done=already_done)
        self.edit = edit

    def scenario_json(self) -> list[Any]:
        return self.edit.to_json()
