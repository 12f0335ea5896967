"""The chart's team-totals switch is a boolean, checked like every other setting."""
from __future__ import annotations

import pytest

from orgdesk.core.settings import InvalidSetting, check_setting


@pytest.mark.parametrize("value", [True, False])
def test_team_totals_on_or_off(value: bool) -> None:
    check_setting("chart", {"rollup": value, "detail": 2})


@pytest.mark.parametrize("value", ["yes", 1, None, [True]])
def test_anything_else_is_refused(value: object) -> None:
    with pytest.raises(InvalidSetting, match="team totals"):
        check_setting("chart", {"rollup": value})
