"""The contents of the real version-1 fixture file, and the script that wrote it.

`fixtures/format-1.orgdesk` was written by the released format-1 orgdesk
(commit 8cabb96) running this file as a script:

    git worktree add /tmp/v1tree 8cabb96
    PYTHONPATH=/tmp/v1tree .venv/bin/python tests/storage/v1_sample.py tests/storage/fixtures/format-1.orgdesk

So it uses only what format 1 had (no source ids, no holders) and imports
nothing but orgdesk; the upgrade tests compare what they read from the fixture
with `v1_sample_org()` built by the current code.
"""
from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
    RelationKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation


def v1_sample_org() -> Organisation:
    """A small call center using every format-1 field: departments, relations, lists, settings."""
    info = DocumentInfo(title="客服中心 format 1", client="Client “A”", author="sourceid",
                        notes="written by the format-1 build",
                        created=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
                        modified=datetime(2026, 6, 7, 8, 9, 10, tzinfo=UTC))
    departments = [Department(DepartmentId(1), "运营部", "#D9E2F3", 0),
                   Department(DepartmentId(2), "品质部", "#FFE699", 1),
                   Department(DepartmentId(5), "综合部", "#C6E0B4", 2)]
    pid = PositionId
    positions = [
        Position(pid(1), "客服中心经理", department_id=DepartmentId(1), level="M3",
                 duties=("全面负责客服中心运营", "制定年度目标"),
                 requirements=Requirements(education="本科", min_years=5, age_min=28,
                                           age_max=45, languages=("普通话", "English"),
                                           skills=("管理", "沟通"), other="有呼叫中心经验"),
                 kpis=(Kpi("客户满意度", "≥95%"), Kpi("接通率", "≥90%")),
                 career_path="运营总监", notes="root", filled_headcount=1),
        Position(pid(2), "经理助理", superior_id=pid(1), order=0, kind=PositionKind.STAFF,
                 department_id=DepartmentId(5), duties=("会议纪要",)),
        Position(pid(3), "运营主管", superior_id=pid(1), order=1, department_id=DepartmentId(1),
                 planned_headcount=2, filled_headcount=2, headcount_note="两班",
                 kpis=(Kpi("AHT", "<= 180s"),)),
        Position(pid(4), "质检主管", superior_id=pid(1), order=2, department_id=DepartmentId(2),
                 requirements=Requirements(education="大专", min_years=3)),
        Position(pid(7), "座席员", superior_id=pid(3), order=0, department_id=DepartmentId(1),
                 planned_headcount=40, filled_headcount=37,
                 duties=("接听来电", "记录工单", "回访"),
                 requirements=Requirements(age_min=18, skills=("打字 60字/分",))),
        Position(pid(8), "质检员", superior_id=pid(4), order=0, department_id=DepartmentId(2),
                 planned_headcount=3, filled_headcount=1, kpis=(Kpi("质检量", "200/月"),)),
        Position(pid(9), "培训师", order=1, notes="a second root, not yet placed"),
    ]
    relations = [Relation(RelationId(1), pid(8), pid(3), RelationKind.DOTTED, "质检反馈"),
                 Relation(RelationId(3), pid(2), pid(4), RelationKind.ADVISORY, "")]
    settings = {"chart": {"detail": 2, "orientation": "lr"}, "last_position_id": 12}
    return Organisation(info, departments, positions, relations, settings)


def main(target: str) -> None:
    import orgdesk
    from orgdesk.storage.document import create_file
    from orgdesk.storage.schema import SCHEMA_VERSION

    assert SCHEMA_VERSION == 1, f"run with the format-1 build, not {orgdesk.__file__}"
    create_file(Path(target), v1_sample_org(), touch_modified=False)


if __name__ == "__main__":
    main(sys.argv[1])
