"""Edits of several positions at once (orgdesk.services.bulk): one batch each, exactly
the chosen fields on exactly the chosen positions; and a new report's department."""
from __future__ import annotations

from orgdesk.core.model import PositionId, PositionKind
from orgdesk.services import DocumentService
from orgdesk.services.bulk import (
    AUTOMATIC,
    copy_branches,
    edit_positions,
    move_positions,
    paste_branches,
    remove_positions,
    top_most,
)

P = PositionId


def test_a_new_report_takes_its_superiors_department(service: DocumentService) -> None:
    support = service.add_department("支持部")
    service.edit_position(P(3), department_id=support.id)
    report = service.new_position("组长", P(3))
    assert report.department_id == support.id
    # Named explicitly, the given department wins; a top position has none to take.
    other = service.new_position("助理", P(3), department_id=service.org.departments[0].id)
    assert other.department_id == service.org.departments[0].id
    assert service.new_position("顾问", None).department_id is None
    # And on disk, as the working copy holds it.
    assert service.file.load().position(report.id).department_id == support.id


def test_bulk_edit_sets_exactly_the_chosen_fields_on_the_chosen_positions(
        service: DocumentService) -> None:
    quality = service.add_department("质检部")
    before = {p.id: p for p in service.org.positions()}
    with service.batch("bulk") as batch:
        edit_positions(service, [P(5), P(6), P(3)],
                       {"department_id": quality.id, "kind": PositionKind.LINE, "level": "P3"})
    after = {p.id: p for p in service.org.positions()}
    for pid in (P(3), P(5), P(6)):
        assert after[pid] == before[pid].evolve(department_id=quality.id,
                                                kind=PositionKind.LINE, level="P3")
    for pid in (P(1), P(2), P(4)):
        assert after[pid] == before[pid]
    assert sorted(batch.changes.positions_updated) == [P(3), P(5), P(6)]
    # One step: the batch's before-state restores them all.
    service.apply_patch(batch.before)
    assert {p.id: p for p in service.org.positions()} == before
    assert service.file.load().snapshot() == service.org.snapshot()


def test_bulk_edit_that_changes_nothing_records_nothing(service: DocumentService) -> None:
    with service.batch() as batch:
        edit_positions(service, [P(2), P(3)], {"planned_headcount": 1})
    assert batch.changes.empty


def test_bulk_arrangement_only_for_teams_and_back_to_automatic(
        service: DocumentService) -> None:
    edit_positions(service, [P(1), P(2), P(4)], {}, arrangement="vertical")
    # 运营经理 has three reports; 项目经理 one, 客户服务专员 none: nothing to arrange.
    assert service.org.settings["chart"]["overrides"] == {"1": "vertical"}
    edit_positions(service, [P(1)], {}, arrangement=AUTOMATIC)
    assert "overrides" not in (service.org.settings.get("chart") or {})


def test_remove_several_with_their_branches_in_one_batch(service: DocumentService) -> None:
    assert top_most(service.org, [P(4), P(2), P(3), P(6)]) == [P(2), P(6)]
    with service.batch() as batch:
        remove_positions(service, [P(4), P(2), P(6), P(3)])
    assert [p.id for p in service.org.positions()] == [P(1), P(5)]
    assert sorted(batch.changes.positions_removed) == [P(2), P(3), P(4), P(6)]


def test_remove_several_lifting_their_reports(service: DocumentService) -> None:
    remove_positions(service, [P(2), P(3)], lift_reports=True)
    # Both managers gone; the agents moved up to where 项目经理 was, under 运营经理.
    assert [p.id for p in service.org.direct_reports(P(1))] == [P(4), P(5), P(6)]


def test_move_several_in_one_batch_keeps_tree_order(service: DocumentService) -> None:
    with service.batch() as batch:
        move_positions(service, [P(6), P(5)], P(3))
    assert [p.id for p in service.org.direct_reports(P(3))] == [P(4), P(5), P(6)]
    assert batch.structural
    service.apply_patch(batch.before)
    assert [p.id for p in service.org.direct_reports(P(1))] == [P(2), P(5), P(6)]


def test_move_several_alone_lifts_each_ones_reports(service: DocumentService) -> None:
    move_positions(service, [P(3), P(2)], P(5), with_reports=False)
    assert [p.id for p in service.org.direct_reports(P(5))] == [P(2), P(3)]
    assert [p.id for p in service.org.direct_reports(P(1))] == [P(4), P(5), P(6)]


def test_copy_and_paste_several_branches_in_one_batch(service: DocumentService) -> None:
    data = copy_branches(service.org, [P(3), P(6), P(4)])  # 客户服务专员 goes with 项目督导
    assert [b["root"] for b in data["branches"]] == [3, 6]
    with service.batch() as batch:
        roots = paste_branches(service, data, P(5))
    assert [service.org.position(r).title for r in roots] == ["项目督导", "培训专员"]
    assert [p.title for p in service.org.branch(P(5))] == [
        "质检专员", "项目督导", "客户服务专员", "培训专员"]
    assert len(batch.changes.positions_added) == 3
