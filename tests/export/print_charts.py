"""Organisations for the print tests: a 60-seat call centre in nine columns."""
from __future__ import annotations

from orgdesk.core.model import Department, DepartmentId, Position, PositionId
from orgdesk.core.organisation import Organisation


def sixty_seats() -> Organisation:
    """呼叫中心经理 over six team leaders (座席员 ×8 each) and three support posts: 60 seats."""
    ops, quality = DepartmentId(1), DepartmentId(2)
    positions = [Position(PositionId(1), "呼叫中心经理", department_id=ops)]
    pid = 2
    for team in range(6):
        leader = pid
        positions.append(Position(PositionId(leader), f"第{team + 1}组组长", PositionId(1), team,
                                  department_id=ops))
        positions.append(Position(PositionId(leader + 1), "座席员", PositionId(leader), 0,
                                  department_id=ops, planned_headcount=8))
        pid += 2
    for order, (title, seats) in enumerate((("质检员", 2), ("培训师", 2), ("排班专员", 1))):
        positions.append(Position(PositionId(pid), title, PositionId(1), 6 + order,
                                  department_id=quality, planned_headcount=seats))
        pid += 1
    return Organisation(positions=positions, departments=[
        Department(ops, "运营部", "#8FB8DE", 0), Department(quality, "品质部", "#F4C07A", 1)])
