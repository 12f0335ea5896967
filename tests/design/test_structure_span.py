"""The span check reads a leading position's seats as that many holders, so an applied
structure ("组长 ×3" over "座席员 ×40") passes the check it was derived from."""
from __future__ import annotations

import pytest

from orgdesk.analysis.span_check import RuleKind, check_span
from orgdesk.analysis.span_rules import RatioRule, SpanRules, TeamSizeRule
from orgdesk.core.organisation import Organisation
from tests.core.helpers import pos

RULES = SpanRules(team_leader=TeamSizeRule(True, 12, 14), qa=RatioRule(False),
                  trainer=RatioRule(False))


@pytest.mark.parametrize(("leaders", "agents", "broken"), [
    (3, 40, False), (3, 36, False), (3, 42, False), (3, 35, True), (3, 43, True),
    (1, 14, False), (1, 15, True), (0, 12, False), (0, 15, True)])
def test_team_leader_seats_share_the_agents(leaders: int, agents: int, broken: bool) -> None:
    org = Organisation(positions=[pos(1, "经理"), pos(2, "组长", 1, planned_headcount=leaders),
                                  pos(3, "座席员", 2, planned_headcount=agents)])
    found = [v for v in check_span(org, RULES) if v.rule is RuleKind.TEAM_LEADER]
    assert bool(found) == broken
    if broken:
        holders = max(leaders, 1)
        assert (found[0].low, found[0].high) == (12 * holders, 14 * holders)


@pytest.mark.parametrize(("seats", "reports", "broken"), [
    (1, 10, False), (1, 11, True), (2, 20, False), (2, 21, True)])
def test_manager_seats_share_the_reports(seats: int, reports: int, broken: bool) -> None:
    org = Organisation(positions=[pos(1, "经理", planned_headcount=seats),
                                  pos(2, "专员", 1, planned_headcount=reports)])
    found = [v for v in check_span(org, RULES) if v.rule is RuleKind.MANAGER]
    assert bool(found) == broken
