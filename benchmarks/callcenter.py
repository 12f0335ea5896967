"""Generated call-center-shaped organisations for the benchmarks.

Shape: 运营总监 → 运营经理s → 项目经理s → 组长s, each team leader with one
座席员 ×14 position and a few single-seat posts, until `count` positions.
"""
from __future__ import annotations

from orgdesk.core.model import (
    Department,
    DepartmentId,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation

DUTIES = ("负责本组座席人员的日常管理与排班", "监听通话录音并及时辅导", "处理升级投诉并跟踪解决",
          "统计本组接通率、服务水平等运营指标", "组织班前会并传达业务更新", "完成领导交办的其他工作")
TEAM_SEATS = (("座席员", 14), ("质检员", 1), ("培训员", 1), ("资深座席", 2))


def generate(count: int) -> Organisation:
    departments = [Department(DepartmentId(1), "运营部", "#8FB8DE", 0),
                   Department(DepartmentId(2), "品质部", "#F4C07A", 1)]
    positions: list[Position] = []
    req = Requirements("大专", 2, 20, 35, ("普通话标准",), ("沟通能力强", "熟练使用办公软件"))
    kpis = (Kpi("接通率", "≥90%"), Kpi("投诉率", "≤1%"))

    def add(title: str, superior: PositionId | None, order: int, seats: int = 1,
            kind: PositionKind = PositionKind.LINE) -> PositionId | None:
        if len(positions) >= count:
            return None
        pid = PositionId(len(positions) + 1)
        positions.append(Position(pid, title, superior, order, DepartmentId(1 + (pid % 2)), kind,
                                  planned_headcount=seats, filled_headcount=seats - (pid % 3 == 0),
                                  duties=DUTIES, requirements=req, kpis=kpis))
        return pid

    director = add("运营总监", None, 0)
    managers = [add(f"运营经理{m + 1}", director, m) for m in range(max(1, count // 500))]
    add("运营助理", director, len(managers), kind=PositionKind.STAFF)
    leaders: list[PositionId] = []
    for manager in managers:
        for p in range(10):
            pm = add(f"项目经理{p + 1}", manager, p)
            for t in range(8):
                if pm is None:
                    break
                leader = add(f"组长{t + 1}", pm, t)
                if leader is not None:
                    leaders.append(leader)
    for leader in leaders:
        for order, (title, seats) in enumerate(TEAM_SEATS):
            add(title, leader, order, seats)
    while len(positions) < count:  # top up under the director's assistant
        add(f"专员{len(positions)}", PositionId(len(managers) + 2), len(positions))
    return Organisation(departments=departments, positions=positions)
