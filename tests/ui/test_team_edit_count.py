"""The status bar's edit count follows each edit and undo by what it touched; a property
test holds it to a fresh count through random edits, moves, removals, undos and redos
(on a big document a fresh count after every edit held the window up ~0.1 s)."""
from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.team.documents import document_text, team_document_from_text
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.team_edits import Edits, ScenarioEdits, organisation_edits
from orgdesk.ui.team_status import TeamStatusLabel

pytestmark = pytest.mark.gui


def _following(window: MainWindow) -> TeamStatusLabel:
    """The window's label, following the document's own text as its base version."""
    label = window.team_status
    origin = {"server": "postgresql://nobody@127.0.0.1:1/orgdesk", "project": "P",
              "version": 1}
    window.controller.execute("pulled", lambda s: s.set_setting(TEAM_ORIGIN_SETTING, origin))
    label.base = team_document_from_text(document_text(window.controller.org), "1")
    label.count()
    assert label.edits == Edits()
    return label


def _random_step(window: MainWindow, base: Organisation, chance: random.Random,
                 step: int) -> None:
    """One random edit, move, removal, undo or redo (a refused one changes nothing)."""
    controller = window.controller
    stack = controller.undo_stack
    ids = sorted(p.id for p in controller.org.positions())
    if len(ids) < 5 and stack.index() > 1:
        stack.undo()  # keep something to edit
        return
    pid = chance.choice(ids)
    other = chance.choice([None, *ids])
    index = chance.choice([None, 0, 1, 2])
    action = chance.randrange(9)
    if action == 0:
        title = chance.choice([base.position(pid).title if pid in base else "x", f"改名{step}"])
        controller.execute("rename", lambda s: s.edit_position(pid, title=title))
    elif action == 1:
        controller.execute("add", lambda s: s.new_position(f"新{step}", other, index))
    elif action == 2:
        controller.execute("move", lambda s: s.move_position(pid, other, index))
    elif action == 3:
        controller.execute("alone", lambda s: s.move_position_alone(pid, other))
    elif action == 4 and len(controller.org.branch(pid)) < 6:
        controller.execute("cut", lambda s: s.remove_branch(pid))
    elif action == 5:
        controller.execute("lift", lambda s: s.remove_position_lifting_reports(pid))
    elif action == 6 and other is not None and other != pid:
        controller.execute("dotted", lambda s: s.add_relation(pid, other))
    elif action == 7 and stack.index() > 1:  # the first step is the origin's
        stack.undo()
    elif action == 8:
        stack.redo()


@pytest.mark.parametrize("seed", range(6))
def test_the_followed_count_is_a_fresh_count(open_window: Callable[..., MainWindow],
                                             seed: int) -> None:
    window = open_window("training_call_center_50")
    controller = window.controller
    label = _following(window)
    assert label.base is not None
    base = label.base.org
    chance = random.Random(seed)
    for step in range(80):
        _random_step(window, base, chance, step)
        assert label.edits == organisation_edits(base, controller.org), (seed, step)
    stack = controller.undo_stack
    while stack.index() > 1:  # back to the version
        stack.undo()
        assert label.edits == organisation_edits(base, controller.org)
    assert label.edits == Edits()


def test_an_order_among_reports_is_one_edit_and_a_renumbering_none(
        open_window: Callable[..., MainWindow]) -> None:
    window = open_window("training_call_center_50")
    controller = window.controller
    label = _following(window)
    manager = next(p.id for p in controller.org.positions()
                   if len(controller.org.report_ids(p.id)) >= 3)
    reports = list(controller.org.report_ids(manager))
    controller.execute("last first", lambda s: s.move_position(reports[-1], manager, 0))
    assert label.edits == Edits(other=1)  # the reports' order: one edit, not one each
    controller.execute("new", lambda s: s.new_position("新组长", manager, 0))
    assert label.edits == Edits(added=1, other=1)  # the others moved down: no edit
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert label.edits == Edits()
    fresh = ScenarioEdits(label.base.org, controller.org)  # type: ignore[union-attr]
    assert fresh.edits() == Edits()
