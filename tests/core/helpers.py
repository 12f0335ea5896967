"""Small builders and invariant checks shared by the core tests."""
from __future__ import annotations

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import Department, DepartmentId, Position, PositionId
from orgdesk.core.organisation import Organisation


def pos(pid: int, title: str, superior: int | None = None, order: int = 0,
        **fields: object) -> Position:
    return Position(PositionId(pid), title, None if superior is None else PositionId(superior),
                    order, **fields)  # type: ignore[arg-type]  # keyword fields are checked by __post_init__


def dept(did: int, name: str, order: int = 0) -> Department:
    return Department(DepartmentId(did), name, order=order)


def call_center() -> Organisation:
    """A small tree used across the tests::

        1 总经理
          2 客服经理
            4 组长A
              6 座席员
              7 质检员
            5 组长B
          3 运营经理
            8 培训师
        9 顾问            (a second root)
    """
    return Organisation(
        departments=[dept(1, "客服部"), dept(2, "运营部", 1)],
        positions=[
            # Deliberately not in tree order: order comes from `order`, not the list.
            pos(8, "培训师", 3, 0, department_id=DepartmentId(2)),
            pos(9, "顾问", None, 1),
            pos(7, "质检员", 4, 1, department_id=DepartmentId(1)),
            pos(6, "座席员", 4, 0, department_id=DepartmentId(1), planned_headcount=20,
                filled_headcount=17),
            pos(5, "组长B", 2, 1, department_id=DepartmentId(1)),
            pos(4, "组长A", 2, 0, department_id=DepartmentId(1)),
            pos(3, "运营经理", 1, 1, department_id=DepartmentId(2)),
            pos(2, "客服经理", 1, 0, department_id=DepartmentId(1)),
            pos(1, "总经理", None, 0),
        ],
    )


def ids(positions: object) -> list[int]:
    return [p.id for p in positions]  # type: ignore[attr-defined]  # a snapshot tuple: (info, departments, positions, relations)


def structure(org: Organisation) -> dict[int | None, list[int]]:
    """Every superior (None for the roots) with its direct reports' ids, in order."""
    result: dict[int | None, list[int]] = {None: ids(org.roots())}
    for position in org.positions():
        result[position.id] = ids(org.direct_reports(position.id))
    return result


def state(org: Organisation) -> tuple[object, ...]:
    """The snapshot plus the derived structure, so a half-updated graph shows too."""
    return org.snapshot(), structure(org)


def assert_orders_contiguous(org: Organisation) -> None:
    """Siblings are numbered 0..n-1 and each report's superior_id names its parent."""
    for superior, reports in structure(org).items():
        positions = [org.position(PositionId(r)) for r in reports]
        assert [p.order for p in positions] == list(range(len(positions))), (superior, positions)
        assert all(p.superior_id == superior for p in positions)
    # Every position is reachable from a root exactly once.
    assert sorted(ids(org.positions())) == sorted(set(ids(org.positions())))
    assert len(list(org.positions())) == len(org)


def assert_changes_exact(before: Organisation | tuple[object, ...], after: Organisation,
                         changes: ChangeSet) -> None:
    """`changes` names exactly the positions, departments and relations that differ."""
    old = before.snapshot() if isinstance(before, Organisation) else before
    new = after.snapshot()
    old_positions = {p.id: p for p in old[2]}  # type: ignore[attr-defined]  # a snapshot tuple: (info, departments, positions, relations)
    new_positions = {p.id: p for p in new[2]}  # type: ignore[attr-defined]  # a snapshot tuple: (info, departments, positions, relations)
    for name in ("positions_added", "positions_updated", "positions_removed",
                 "departments_added", "departments_updated", "departments_removed",
                 "relations_added", "relations_removed"):
        listed = getattr(changes, name)
        assert len(listed) == len(set(listed)), f"{name} lists an id twice: {listed}"
    assert set(changes.positions_added) == new_positions.keys() - old_positions.keys()
    assert set(changes.positions_removed) == old_positions.keys() - new_positions.keys()
    assert set(changes.positions_updated) == {
        pid for pid in old_positions.keys() & new_positions.keys()
        if old_positions[pid] != new_positions[pid]
    }
    old_departments = {d.id: d for d in old[1]}  # type: ignore[attr-defined]  # a snapshot tuple: (info, departments, positions, relations)
    new_departments = {d.id: d for d in new[1]}  # type: ignore[attr-defined]  # a snapshot tuple: (info, departments, positions, relations)
    assert set(changes.departments_added) == new_departments.keys() - old_departments.keys()
    assert set(changes.departments_removed) == old_departments.keys() - new_departments.keys()
    assert set(changes.departments_updated) == {
        did for did in old_departments.keys() & new_departments.keys()
        if old_departments[did] != new_departments[did]
    }
    old_relations = {r.id for r in old[3]}  # type: ignore[attr-defined]  # a snapshot tuple: (info, departments, positions, relations)
    new_relations = {r.id for r in new[3]}  # type: ignore[attr-defined]  # a snapshot tuple: (info, departments, positions, relations)
    assert set(changes.relations_added) == new_relations - old_relations
    assert set(changes.relations_removed) == old_relations - new_relations
    assert changes.info_changed == (old[0] != new[0])
