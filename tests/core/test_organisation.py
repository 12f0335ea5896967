"""Structure rules of the organisation aggregate (orgdesk.core.organisation)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import (
    CycleError,
    DomainError,
    InvalidValueError,
    UnknownDepartmentError,
    UnknownPositionError,
)
from orgdesk.core.model import (
    Department,
    DepartmentId,
    PositionId,
    Relation,
    RelationId,
)
from orgdesk.core.organisation import Organisation, Totals
from tests.core.helpers import (
    assert_changes_exact,
    assert_orders_contiguous,
    call_center,
    dept,
    ids,
    pos,
    state,
    structure,
)

P = PositionId


def rel(rid: int, source: int, target: int) -> Relation:
    return Relation(RelationId(rid), P(source), P(target))


def titles_by_id(org: Organisation) -> dict[int, str]:
    return {p.id: p.title for p in org.positions()}


# ------------------------------------------------------------- construction
def test_the_fixture_is_a_valid_forest() -> None:
    org = call_center()
    assert org.is_forest()
    assert len(org) == 9
    assert_orders_contiguous(org)


def test_empty_organisation() -> None:
    org = Organisation()
    assert len(org) == 0
    assert org.is_forest()
    assert org.roots() == [] and list(org.positions()) == []
    assert org.depth() == 0
    assert org.totals() == Totals(0, 0, 0, 0)


def test_construction_refuses_a_two_position_cycle() -> None:
    with pytest.raises(CycleError):
        Organisation(positions=[pos(1, "a", 2), pos(2, "b", 1)])


def test_construction_refuses_a_cycle_beside_a_valid_tree() -> None:
    positions = [pos(1, "root"), pos(2, "child", 1),
                 pos(3, "x", 5), pos(4, "y", 3), pos(5, "z", 4), pos(6, "tail", 3)]
    with pytest.raises(CycleError) as caught:
        Organisation(positions=positions)
    # The message names the positions on the loop, readably.
    assert all(title in str(caught.value) for title in ("x", "y", "z"))


def test_construction_refuses_an_unknown_superior() -> None:
    with pytest.raises(UnknownPositionError):
        Organisation(positions=[pos(1, "a"), pos(2, "b", 99)])


def test_construction_refuses_an_unknown_department() -> None:
    with pytest.raises(UnknownDepartmentError):
        Organisation(departments=[dept(1, "客服部")],
                     positions=[pos(1, "a", department_id=DepartmentId(2))])


def test_construction_refuses_duplicate_position_ids() -> None:
    with pytest.raises(DomainError):
        Organisation(positions=[pos(1, "a"), pos(1, "b", order=1)])


def test_construction_refuses_duplicate_department_ids() -> None:
    # A silently dropped department would also drop its name and colour.
    with pytest.raises(DomainError):
        Organisation(departments=[dept(1, "客服部"), dept(1, "运营部")])


def test_construction_refuses_duplicate_relation_ids() -> None:
    with pytest.raises(DomainError):
        Organisation(positions=[pos(1, "a"), pos(2, "b", 1), pos(3, "c", 1, 1)],
                     relations=[rel(1, 2, 3), rel(1, 3, 2)])


def test_construction_refuses_a_relation_to_an_unknown_position() -> None:
    with pytest.raises(UnknownPositionError):
        Organisation(positions=[pos(1, "a")], relations=[rel(1, 1, 2)])


def test_construction_order_of_the_input_does_not_matter() -> None:
    org = call_center()
    reordered = Organisation(departments=org.departments, positions=reversed(list(org.positions())))
    assert reordered.snapshot()[1:] == org.snapshot()[1:]
    assert structure(reordered) == structure(org)


# ------------------------------------------------------------------ queries
def test_direct_reports_follow_the_explicit_order_not_ids_or_input_order() -> None:
    org = Organisation(positions=[pos(1, "boss"), pos(2, "c", 1, 2), pos(3, "a", 1, 0),
                                  pos(4, "b", 1, 1)])
    assert ids(org.direct_reports(P(1))) == [3, 4, 2]
    assert org.direct_reports(P(2)) == []


def test_direct_reports_are_derived_from_superior_links() -> None:
    org = call_center()
    assert structure(org) == {
        None: [1, 9], 1: [2, 3], 2: [4, 5], 4: [6, 7], 6: [], 7: [], 5: [], 3: [8], 8: [], 9: [],
    }
    for position in org.positions():
        for report in org.direct_reports(position.id):
            assert report.superior_id == position.id


def test_direct_reports_of_none_are_the_roots() -> None:
    org = call_center()
    assert ids(org.direct_reports(None)) == ids(org.roots()) == [1, 9]


def test_direct_reports_of_an_unknown_position() -> None:
    with pytest.raises(UnknownPositionError):
        call_center().direct_reports(P(99))


def test_positions_are_listed_depth_first_in_sibling_order() -> None:
    assert ids(call_center().positions()) == [1, 2, 4, 6, 7, 5, 3, 8, 9]


def test_branch_is_the_position_and_everything_under_it() -> None:
    org = call_center()
    assert ids(org.branch(P(2))) == [2, 4, 6, 7, 5]
    assert ids(org.branch(P(6))) == [6]
    assert org.descendant_ids(P(2)) == {4, 5, 6, 7}


def test_chain_of_command_runs_from_the_direct_superior_to_the_root() -> None:
    org = call_center()
    assert ids(org.chain_of_command(P(6))) == [4, 2, 1]
    assert org.chain_of_command(P(1)) == []
    assert org.superior(P(6)).id == 4  # type: ignore[union-attr]  # this position has a superior
    assert org.superior(P(9)) is None


def test_level_and_depth() -> None:
    org = call_center()
    assert [org.level_of(P(i)) for i in (1, 2, 4, 6, 9)] == [1, 2, 3, 4, 1]
    assert org.depth() == 4
    assert Organisation(positions=[pos(1, "alone")]).depth() == 1
    assert Organisation(positions=[pos(1, "a"), pos(2, "b", order=1)]).depth() == 1


def test_totals_sum_headcounts() -> None:
    org = Organisation(positions=[
        pos(1, "boss", planned_headcount=1, filled_headcount=1),
        pos(2, "agents", 1, planned_headcount=20, filled_headcount=17),
        pos(3, "overfilled", 1, 1, planned_headcount=2, filled_headcount=5),
    ])
    # Overfilling one position does not hide the vacancies of another, and the
    # over-staffing (超编) is counted so the totals reconcile.
    totals = org.totals()
    assert totals == Totals(positions=3, planned=23, filled=23, vacancies=3, over=3)
    assert totals.planned == totals.filled - totals.over + totals.vacancies
    assert org.totals(org.branch(P(2))) == Totals(1, 20, 17, 3)
    assert org.totals([]) == Totals(0, 0, 0, 0)


def test_positions_in_a_department() -> None:
    org = call_center()
    assert ids(org.positions_in(DepartmentId(1))) == [2, 4, 6, 7, 5]
    assert ids(org.positions_in(DepartmentId(2))) == [3, 8]


def test_lookups_of_unknown_ids_are_typed() -> None:
    org = call_center()
    with pytest.raises(UnknownPositionError):
        org.position(P(99))
    with pytest.raises(UnknownDepartmentError):
        org.department(DepartmentId(99))
    with pytest.raises(DomainError):
        org.relation(RelationId(99))


# --------------------------------------------------------------------- add
@pytest.mark.parametrize(("index", "expected"), [
    (0, [10, 4, 5]),
    (1, [4, 10, 5]),
    (2, [4, 5, 10]),
    (None, [4, 5, 10]),
    (99, [4, 5, 10]),
    (-3, [10, 4, 5]),
])
def test_add_position_at_an_index(index: int | None, expected: list[int]) -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.add_position(pos(10, "新组长", 2), index)
    assert ids(org.direct_reports(P(2))) == expected
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)
    assert changes.positions_added == [10]


def test_add_a_root_at_an_index() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.add_position(pos(10, "董事会"), 0)
    assert ids(org.roots()) == [10, 1, 9]
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)


def test_add_into_an_empty_organisation() -> None:
    org = Organisation()
    changes = org.add_position(pos(1, "总经理", order=5), 3)
    assert org.position(P(1)).order == 0
    assert changes.positions_added == [1] and changes.positions_updated == []


def test_the_order_given_to_add_is_replaced_by_the_index() -> None:
    org = call_center()
    org.add_position(pos(10, "x", 2, order=7), 0)
    assert org.position(P(10)).order == 0
    assert_orders_contiguous(org)


@pytest.mark.parametrize(("position", "error"), [
    (pos(10, "x", 99), UnknownPositionError),
    (pos(10, "x", 2, department_id=DepartmentId(99)), UnknownDepartmentError),
    (pos(4, "duplicate id", 2), DomainError),
])
def test_add_refusals_change_nothing(position: object, error: type[Exception]) -> None:
    org = call_center()
    before = state(org)
    with pytest.raises(error):
        org.add_position(position, 0)  # type: ignore[arg-type]  # the test passes a wrong value on purpose
    assert state(org) == before


def test_next_ids_are_fresh() -> None:
    org = call_center()
    assert org.next_position_id() not in org
    assert org.next_position_id() == 10
    assert org.next_department_id() == 3
    assert org.next_relation_id() == 1
    assert Organisation().next_position_id() == 1


# ------------------------------------------------------------------- update
def test_update_position_replaces_fields() -> None:
    org = call_center()
    before = org.snapshot()
    changed = org.position(P(6)).evolve(title="高级座席员", duties=("接听来电", "记录工单"),
                                        planned_headcount=25)
    changes = org.update_position(changed)
    assert org.position(P(6)) == changed
    assert_changes_exact(before, org, changes)


@pytest.mark.parametrize("fields", [{"superior_id": P(3)}, {"order": 1}])
def test_update_position_refuses_structure_changes(fields: dict[str, object]) -> None:
    org = call_center()
    before = state(org)
    with pytest.raises(DomainError):
        org.update_position(org.position(P(6)).evolve(**fields))
    assert state(org) == before


def test_update_position_refuses_an_unknown_department_or_position() -> None:
    org = call_center()
    before = state(org)
    with pytest.raises(UnknownDepartmentError):
        org.update_position(org.position(P(6)).evolve(department_id=DepartmentId(42)))
    with pytest.raises(UnknownPositionError):
        org.update_position(pos(42, "ghost"))
    assert state(org) == before


# --------------------------------------------------------------------- move
def test_move_takes_the_whole_branch() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.move_position(P(4), P(3), 0)
    assert structure(org)[3] == [4, 8]
    assert structure(org)[4] == [6, 7]  # the branch came along
    assert structure(org)[2] == [5]
    assert org.position(P(5)).order == 0  # the old siblings closed the gap
    assert ids(org.chain_of_command(P(6))) == [4, 3, 1]
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)
    assert set(changes.positions_updated) == {4, 5, 8}


@pytest.mark.parametrize(("index", "expected"), [(0, [4, 8]), (1, [8, 4]), (None, [8, 4]),
                                                 (50, [8, 4]), (-1, [4, 8])])
def test_move_to_an_index(index: int | None, expected: list[int]) -> None:
    org = call_center()
    org.move_position(P(4), P(3), index)
    assert structure(org)[3] == expected
    assert_orders_contiguous(org)


@pytest.mark.parametrize(("index", "expected"), [(0, [5, 4]), (1, [4, 5]), (None, [4, 5])])
def test_move_among_the_same_siblings(index: int | None, expected: list[int]) -> None:
    # The index counts siblings without the moved position.
    org = call_center()
    org.move_position(P(5), P(2), index)
    assert structure(org)[2] == expected
    assert_orders_contiguous(org)


def test_reorder_three_siblings() -> None:
    org = Organisation(positions=[pos(1, "boss"), pos(2, "a", 1, 0), pos(3, "b", 1, 1),
                                  pos(4, "c", 1, 2)])
    before = org.snapshot()
    changes = org.move_position(P(2), P(1), 2)
    assert structure(org)[1] == [3, 4, 2]
    assert_changes_exact(before, org, changes)
    before = org.snapshot()
    changes = org.move_position(P(2), P(1), 1)
    assert structure(org)[1] == [3, 2, 4]
    assert_changes_exact(before, org, changes)


def test_a_move_to_where_the_position_already_is_changes_nothing() -> None:
    # A no-op drag must not mark the document modified nor make an undo step.
    org = call_center()
    before = state(org)
    for pid, superior, index in ((4, 2, 0), (5, 2, 1), (5, 2, None), (1, None, 0), (9, None, 1)):
        changes = org.move_position(P(pid), None if superior is None else P(superior), index)
        assert state(org) == before
        assert changes.empty, changes


def test_move_to_root() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.move_position(P(4), None, 1)
    assert ids(org.roots()) == [1, 4, 9]
    assert org.position(P(4)).superior_id is None
    assert structure(org)[4] == [6, 7]
    assert org.level_of(P(6)) == 2
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)


def test_move_a_root_under_another_root() -> None:
    org = call_center()
    org.move_position(P(9), P(1), 0)
    assert ids(org.roots()) == [1]
    assert structure(org)[1] == [9, 2, 3]
    assert_orders_contiguous(org)


@pytest.mark.parametrize(("pid", "target"), [
    (2, 2),   # itself
    (2, 4),   # a direct report
    (2, 6),   # a deeper descendant
    (1, 8),   # a root under its own leaf
    (4, 7),
])
def test_move_under_itself_or_a_descendant_is_a_cycle_and_changes_nothing(
        pid: int, target: int) -> None:
    org = call_center()
    org.add_relation(rel(1, 6, 8))
    before = state(org)
    with pytest.raises(CycleError):
        org.move_position(P(pid), P(target), 0)
    assert state(org) == before
    assert org.is_forest()
    with pytest.raises(CycleError):
        org.check_move(P(pid), P(target))


def test_check_move_allows_legal_targets() -> None:
    org = call_center()
    for target in (None, P(1), P(3), P(8), P(9), P(5)):
        org.check_move(P(4), target)  # no error


@pytest.mark.parametrize(("pid", "target"), [(99, 1), (4, 99)])
def test_move_of_or_to_an_unknown_position_changes_nothing(pid: int, target: int) -> None:
    org = call_center()
    before = state(org)
    with pytest.raises(UnknownPositionError):
        org.move_position(P(pid), P(target))
    assert state(org) == before


# ------------------------------------------------------------------- remove
def test_remove_position_refuses_a_position_with_reports() -> None:
    org = call_center()
    before = state(org)
    with pytest.raises(DomainError) as caught:
        org.remove_position(P(4))
    assert "组长A" in str(caught.value)
    assert state(org) == before


def test_remove_a_leaf_closes_the_gap() -> None:
    org = call_center()
    org.add_relation(rel(1, 6, 8))
    org.add_relation(rel(2, 5, 8))
    before = org.snapshot()
    changes = org.remove_position(P(6))
    assert 6 not in org
    assert structure(org)[4] == [7]
    assert org.position(P(7)).order == 0
    assert ids(org.relations) == [2]  # the relation went with its position
    assert changes.relations_removed == [1]
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)


def test_remove_unknown_position() -> None:
    org = call_center()
    before = state(org)
    for remove in (org.remove_position, org.remove_branch, org.remove_position_lifting_reports):
        with pytest.raises(UnknownPositionError):
            remove(P(99))
        assert state(org) == before


def test_remove_branch_removes_everything_under_it() -> None:
    org = call_center()
    org.add_relation(rel(1, 6, 8))   # from inside the branch to outside
    org.add_relation(rel(2, 9, 7))   # from outside to inside
    org.add_relation(rel(3, 3, 9))   # unrelated
    before = org.snapshot()
    changes = org.remove_branch(P(2))
    assert not any(pid in org for pid in (2, 4, 5, 6, 7))
    assert ids(org.positions()) == [1, 3, 8, 9]
    assert org.position(P(3)).order == 0
    assert ids(org.relations) == [3]
    assert sorted(changes.positions_removed) == [2, 4, 5, 6, 7]
    assert sorted(changes.relations_removed) == [1, 2]
    assert changes.positions_updated == [3]
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)


def test_remove_branch_of_a_root_and_of_a_leaf() -> None:
    org = call_center()
    org.remove_branch(P(8))
    assert structure(org)[3] == []
    org.remove_branch(P(1))
    assert ids(org.positions()) == [9]
    assert org.position(P(9)).order == 0
    assert_orders_contiguous(org)


def test_remove_position_lifting_reports_puts_them_in_its_place() -> None:
    org = call_center()
    org.add_relation(rel(1, 2, 8))
    before = org.snapshot()
    changes = org.remove_position_lifting_reports(P(2))
    assert 2 not in org
    assert structure(org)[1] == [4, 5, 3]
    assert structure(org)[4] == [6, 7]  # the lifted reports keep their own reports
    assert org.relations == []
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)


def test_remove_a_middle_position_lifting_three_reports() -> None:
    org = Organisation(positions=[
        pos(1, "boss"), pos(2, "first", 1, 0), pos(3, "middle", 1, 1), pos(4, "last", 1, 2),
        pos(5, "r1", 3, 0), pos(6, "r2", 3, 1), pos(7, "r3", 3, 2),
    ])
    before = org.snapshot()
    changes = org.remove_position_lifting_reports(P(3))
    assert structure(org)[1] == [2, 5, 6, 7, 4]
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)


def test_remove_a_position_with_one_report_lifting_it() -> None:
    # The report takes exactly its superior's place: the siblings do not change.
    org = Organisation(positions=[pos(1, "boss"), pos(2, "a", 1, 0), pos(3, "b", 1, 1),
                                  pos(4, "c", 1, 2), pos(5, "r", 3, 0)])
    before = org.snapshot()
    changes = org.remove_position_lifting_reports(P(3))
    assert structure(org)[1] == [2, 5, 4]
    assert_changes_exact(before, org, changes)
    assert changes.positions_updated == [5]


def test_remove_a_root_lifting_its_reports() -> None:
    org = call_center()
    changes = org.remove_position_lifting_reports(P(1))
    assert ids(org.roots()) == [2, 3, 9]
    assert all(org.position(P(p)).superior_id is None for p in (2, 3))
    assert changes.positions_removed == [1]
    assert_orders_contiguous(org)


def test_remove_a_leaf_lifting_reports_is_a_plain_remove() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.remove_position_lifting_reports(P(6))
    assert structure(org)[4] == [7]
    assert_changes_exact(before, org, changes)


# -------------------------------------------------------------- departments
def test_add_department() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.add_department(Department(DepartmentId(3), "质检部", "#FFEECC", 2))
    assert org.department(DepartmentId(3)).name == "质检部"
    assert [d.name for d in org.departments] == ["客服部", "运营部", "质检部"]
    assert_changes_exact(before, org, changes)


def test_add_department_refuses_a_duplicate_name_or_id() -> None:
    org = call_center()
    before = state(org)
    with pytest.raises(InvalidValueError):
        org.add_department(dept(3, "客服部"))
    with pytest.raises(DomainError):
        org.add_department(dept(1, "新部门"))
    assert state(org) == before


def test_update_department() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.update_department(Department(DepartmentId(2), "运营管理部", "#112233", 1))
    assert org.department(DepartmentId(2)).colour == "#112233"
    assert_changes_exact(before, org, changes)
    with pytest.raises(InvalidValueError):
        org.update_department(dept(2, "客服部"))
    with pytest.raises(UnknownDepartmentError):
        org.update_department(dept(9, "无"))


def test_remove_department_clears_its_positions_department() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.remove_department(DepartmentId(2))
    assert [d.id for d in org.departments] == [1]
    assert org.position(P(3)).department_id is None
    assert org.position(P(8)).department_id is None
    assert org.position(P(2)).department_id == 1
    assert 3 in org and 8 in org  # positions stay
    assert sorted(changes.positions_updated) == [3, 8]
    assert_changes_exact(before, org, changes)


def test_remove_unknown_department_changes_nothing() -> None:
    org = call_center()
    before = state(org)
    with pytest.raises(UnknownDepartmentError):
        org.remove_department(DepartmentId(9))
    assert state(org) == before


# ---------------------------------------------------------------- relations
def test_add_and_remove_relation() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.add_relation(rel(1, 6, 8))
    assert org.relation(RelationId(1)).target_id == 8
    assert_changes_exact(before, org, changes)
    before = org.snapshot()
    changes = org.remove_relation(RelationId(1))
    assert org.relations == []
    assert_changes_exact(before, org, changes)


def test_relations_never_change_the_hierarchy() -> None:
    org = call_center()
    shape = structure(org)
    org.add_relation(rel(1, 8, 6))
    org.add_relation(rel(2, 6, 1))
    assert structure(org) == shape
    assert org.is_forest()


def test_relation_refusals_change_nothing() -> None:
    org = call_center()
    org.add_relation(rel(1, 6, 8))
    before = state(org)
    with pytest.raises(UnknownPositionError):
        org.add_relation(rel(2, 6, 99))
    with pytest.raises(UnknownPositionError):
        org.add_relation(rel(2, 99, 6))
    with pytest.raises(DomainError):
        org.add_relation(rel(1, 7, 8))
    with pytest.raises(DomainError):
        org.remove_relation(RelationId(5))
    assert state(org) == before


# ------------------------------------------------------------ id stability
def test_ids_are_stable_across_operations() -> None:
    org = call_center()
    titles = titles_by_id(org)
    org.move_position(P(4), P(3), 0)
    org.move_position(P(9), P(8))
    org.add_position(pos(10, "新岗位", 1), 0)
    org.remove_position_lifting_reports(P(2))
    org.remove_department(DepartmentId(1))
    org.move_position(P(3), None, 0)
    after = titles_by_id(org)
    assert after.pop(10) == "新岗位"
    titles.pop(2)
    assert after == titles


# ----------------------------------------------------------------- changes
def test_changeset_merge_folds_add_then_remove_away() -> None:
    merged = ChangeSet(positions_added=[P(1)]).merge(ChangeSet(positions_removed=[P(1)]))
    assert merged.empty
    merged = ChangeSet(positions_removed=[P(1)]).merge(ChangeSet(positions_added=[P(1)]))
    assert merged.positions_updated == [1] and not merged.positions_removed
    merged = ChangeSet(positions_updated=[P(2)]).merge(ChangeSet(positions_removed=[P(2)]))
    assert merged.positions_removed == [2] and not merged.positions_updated
    merged = ChangeSet(relations_added=[RelationId(3)]).merge(
        ChangeSet(relations_removed=[RelationId(3)]))
    assert merged.empty


# ----------------------------------------------- random sequences of edits
_operation = st.tuples(
    st.sampled_from(["add", "move", "remove_leaf", "remove_branch", "lift", "relation",
                     "remove_department", "edit"]),
    st.integers(0, 30), st.integers(0, 30), st.integers(-2, 12),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_operation, max_size=25))
def test_every_operation_keeps_the_invariants(operations: list[tuple[str, int, int, int]]) -> None:
    """Any sequence of edits: a forest, contiguous orders, exact change sets, valid refusals."""
    org = call_center()
    for name, a, b, index in operations:
        known = sorted(p.id for p in org.positions())
        pid = P(known[a % len(known)]) if known else None
        target = P(known[b % len(known)]) if known and b % 4 else None
        before = state(org)
        try:
            if name == "add":
                changes = org.add_position(pos(org.next_position_id(), "新", target), index)
            elif pid is None:
                continue
            elif name == "move":
                changes = org.move_position(pid, target, index)
            elif name == "remove_leaf":
                changes = org.remove_position(pid)
            elif name == "remove_branch":
                changes = org.remove_branch(pid)
            elif name == "lift":
                changes = org.remove_position_lifting_reports(pid)
            elif name == "relation":
                if target is None or target == pid:
                    continue
                changes = org.add_relation(Relation(org.next_relation_id(), pid, target))
            elif name == "remove_department":
                if not org.departments:
                    continue
                changes = org.remove_department(org.departments[a % len(org.departments)].id)
            else:
                changes = org.update_position(org.position(pid).evolve(
                    planned_headcount=index % 5, filled_headcount=a % 7))
        except CycleError:
            assert target is not None and (target == pid or target in org.descendant_ids(pid))
            assert state(org) == before
            continue
        except DomainError:
            assert name == "remove_leaf" and org.direct_reports(pid)
            assert state(org) == before
            continue
        assert org.is_forest()
        assert_orders_contiguous(org)
        assert_changes_exact(before[0], org, changes)  # type: ignore[arg-type]  # a snapshot stands in for the organisation
        for relation in org.relations:
            assert relation.source_id in org and relation.target_id in org
        rebuilt = Organisation(org.info, org.departments, org.positions(), org.relations,
                               org.settings)
        assert rebuilt.snapshot() == org.snapshot()


# --------------------------------------------------------------- move alone
def test_move_alone_leaves_the_reports_in_its_place() -> None:
    org = call_center()
    before = org.snapshot()
    changes = org.move_position_alone(P(2), P(3), 0)
    assert structure(org)[1] == [4, 5, 3]
    assert structure(org)[3] == [2, 8]
    assert structure(org)[2] == []
    assert structure(org)[4] == [6, 7]
    assert_orders_contiguous(org)
    assert_changes_exact(before, org, changes)


def test_move_alone_under_a_former_descendant_is_allowed() -> None:
    org = call_center()
    org.move_position_alone(P(2), P(6))
    assert ids(org.chain_of_command(P(2))) == [6, 4, 1]
    assert structure(org)[1] == [4, 5, 3]
    assert org.is_forest()
    assert_orders_contiguous(org)


def test_move_alone_to_root_and_in_place() -> None:
    org = call_center()
    org.move_position_alone(P(4), None)
    assert ids(org.roots()) == [1, 9, 4]
    assert structure(org)[2] == [6, 7, 5]
    before = state(org)
    assert org.move_position_alone(P(7), P(2), 1).empty  # already there
    assert state(org) == before


@pytest.mark.parametrize(("target", "error"), [(2, CycleError), (99, UnknownPositionError)])
def test_move_alone_refusals_change_nothing(target: int, error: type[Exception]) -> None:
    org = call_center()
    before = state(org)
    with pytest.raises(error):
        org.move_position_alone(P(2), P(target))
    assert state(org) == before
