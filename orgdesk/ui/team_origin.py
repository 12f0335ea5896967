"""After a publish from the window: every scenario of the document follows the version
it became, as in a file pulled from the library (team/documents.py
`document_with_origin`).

The origin is a setting of each scenario.  The open scenario's is set as an edit; the
others are stored as snapshots, so each is replaced by its snapshot with the origin, as
a scenario step ("remove" and "add" again with the same id, name and place): it is
undone, journalled and recovered as every scenario step is.  Otherwise switching to a
scenario the publish did not mark hid the status bar's team label and its count.
"""
from __future__ import annotations

from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.services.scenarios import ScenarioEdit, ScenarioService, Step
from orgdesk.team.documents import Origin, origin_of, with_origin
from orgdesk.ui.controller import DocumentController


def follow_version(controller: DocumentController, origin: Origin, text: str) -> None:
    """Make every scenario's origin `origin`: the open one's as one undoable step, then the
    others' as one scenario step (`text` names both in the undo history)."""
    value = origin.to_setting()
    controller.execute(text, lambda s: s.set_setting(TEAM_ORIGIN_SETTING, value))
    controller.execute_scenario(text, lambda scenarios: _mark_others(scenarios, origin))


def _mark_others(scenarios: ScenarioService, origin: Origin) -> ScenarioEdit:
    from orgdesk.storage.scenarios import snapshot_of

    steps: list[Step] = []
    for place, scenario in enumerate(scenarios.scenarios()):
        if scenario.active:
            continue
        org = scenarios.organisation(scenario.id)
        if origin_of(org) == origin:
            continue
        steps.append(Step("remove", scenario.id, scenario.name, place, snapshot_of(org)))
        steps.append(Step("add", scenario.id, scenario.name, place,
                          snapshot_of(with_origin(org, origin))))
    edit = ScenarioEdit(tuple(steps))
    if steps:
        scenarios.apply(edit)  # one transaction
    return edit
