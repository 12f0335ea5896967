"""`Organisation.copy()`: what a background job reads while the window goes on editing."""
from __future__ import annotations

from orgdesk.core.model import PositionId
from tests.core.helpers import call_center

P = PositionId


def test_a_copy_is_equal_settings_included_and_independent() -> None:
    org = call_center()
    org.set_setting("chart", {"detail": 2, "overrides": {"4": "vertical"}})
    copied = org.copy()
    assert copied.snapshot() == org.snapshot()
    assert copied.settings == org.settings
    org.update_position(org.position(P(4)).evolve(title="班长"))
    org.move_position(P(8), P(2))
    org.settings["chart"]["overrides"]["4"] = "horizontal"  # even a nested value
    assert copied.position(P(4)).title == "组长A"
    assert copied.position(P(8)).superior_id == P(3)
    assert copied.settings["chart"] == {"detail": 2, "overrides": {"4": "vertical"}}
    assert copied.is_forest()
