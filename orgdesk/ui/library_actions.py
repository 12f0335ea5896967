"""Ctrl+L: a library entry inserted as a new report of the selection, or applied to
the selected position (its duties, requirements, KPIs replaced or completed), each
as one undoable step."""
from __future__ import annotations

from typing import Any

from orgdesk.core.model import Position, PositionId
from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.library import PositionTemplate, applied_fields
from orgdesk.services import DocumentService
from orgdesk.ui import dialogs
from orgdesk.ui.i18n import tr
from orgdesk.ui.library_dialog import LibraryChoice

#: The editor window (orgdesk.ui.main_window.MainWindow), not imported: it imports this
#: module, and the import graph stays free of cycles.
MainWindow = Any


def insert_from_library(window: MainWindow) -> None:
    """Ask the library dialog, then insert or apply what was chosen."""
    current = window.current_id()
    position = window.controller.org.position(current) if current is not None else None
    origin = window.controller.org.settings.get(TEAM_ORIGIN_SETTING)
    # Only for a document pulled from a team library (callers that stand in for the
    # dialog take the two arguments).
    team = {"team_server": str(origin["server"])} if isinstance(origin, dict) else {}
    chosen = dialogs.choose_template(window, position.title if position else None, **team)
    if chosen is None:
        return
    if isinstance(chosen, LibraryChoice):
        if chosen.apply and position is not None:
            apply_to(window, position, chosen)
            return
        insert(window, chosen.template, chosen.title)
    else:  # a bare description (kept for callers that pick one themselves)
        insert(window, chosen, chosen.title)


def insert(window: MainWindow, template: PositionTemplate, title: str) -> None:
    """`template` as a new report of the selection (a top position without one)."""
    superior = window.current_id()

    def edit(service: DocumentService) -> PositionId:
        position = template.to_position(service.org.next_position_id(), superior)
        position = position.evolve(title=title)
        department = next((d for d in service.org.departments
                           if d.name == template.department), None)
        if department is not None:
            position = position.evolve(department_id=department.id)
        elif superior is not None:  # a new report takes its superior's department
            position = position.evolve(
                department_id=service.org.position(superior).department_id)
        service.add_position(position)
        return position.id
    done = window.controller.execute(tr("MainWindow", "Insert {title} from the library",
                                        title=title), edit)
    if done is not None and done.result is not None:
        window.select_position(done.result)


def apply_to(window: MainWindow, position: Position, choice: LibraryChoice) -> None:
    """The chosen parts of the entry replace the position's, or complete them."""
    fields = applied_fields(position, choice.template, choice.merge, choice.parts)
    text = (tr("LibraryActions", "Add “{entry}” from the library to {title}",
               entry=choice.title, title=position.title) if choice.merge else
            tr("LibraryActions", "Replace the job description of {title} with “{entry}”",
               entry=choice.title, title=position.title))
    window.controller.execute(text, lambda s: s.edit_position(position.id, **fields))
    window.select_position(position.id)
