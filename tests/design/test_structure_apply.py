"""Applying a derived structure: one undo step, on the six samples and on built cases."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from orgdesk.analysis.span_check import RuleKind, check_span
from orgdesk.core.errors import UserError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import DESIGN_FIXED_SETTING
from orgdesk.design.apply import StalePlan, apply_structure, set_fixed
from orgdesk.design.structure import Action, Role, derive_structure, team_range
from orgdesk.design.templates import template_for
from orgdesk.samples import load_sample_source, samples
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from tests.core.helpers import pos

SAMPLES = {sample.slug: sample for sample in samples()}


@pytest.fixture
def open_service() -> Iterator[list[DocumentService]]:
    opened: list[DocumentService] = []
    yield opened
    for service in opened:
        service.file.close()


def service_of(org: Organisation, opened: list[DocumentService]) -> DocumentService:
    service = DocumentService(DocumentFile.new(org))
    opened.append(service)
    return service


def sample_org(slug: str) -> Organisation:
    return load_sample_source(SAMPLES[slug].source)


def test_the_six_samples_are_all_here() -> None:
    assert len(SAMPLES) == 6


# Worked out by hand from each sample's source (sample_orgs/*.toml) and the seeds' ratios:
# seats before → after of each role whose count changes, and the action.
EXPECTED = {
    # 1 座席岗: 1 QA and 1 trainer are missing.
    "bank_service_center": {Role.QA: (0, 1, Action.CREATE), Role.TRAINER: (0, 1, Action.CREATE)},
    # No agent positions at all: nothing is derived.
    "call_center_chart": {},
    # 1 座席员, a 质检员 already: a trainer is missing.
    "private_company_call_center": {Role.TRAINER: (0, 1, Action.CREATE)},
    # 项目督导 with 客户服务专员 ×14, one QA, one trainer: as the seeds say.
    "software_ops_department": {},
    # 3 agent seats, a 培训讲师, no QA.
    "tax_invoice_call_center": {Role.QA: (0, 1, Action.CREATE)},
    # 40 话务员: QA 1 → 2 (40/25-30), trainers 1 → 2 (40/15-25 = 2-3).
    "training_call_center_50": {Role.QA: (1, 2, Action.ADJUST),
                                Role.TRAINER: (1, 2, Action.ADJUST)},
}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_each_sample_derives_what_the_ratios_say(slug: str) -> None:
    plan = derive_structure(sample_org(slug))
    changed = {item.role: (item.current, item.after, item.action) for item in plan.lines
               if item.edits}
    assert changed == EXPECTED[slug]
    for item in plan.lines:
        assert item.minimum <= item.required <= max(item.maximum, item.required)
        assert item.explanation_en and item.explanation_zh


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_applying_to_a_sample_is_one_undo_step(slug: str,
                                               open_service: list[DocumentService]) -> None:
    service = service_of(sample_org(slug), open_service)
    before = service.org.snapshot()
    plan = derive_structure(service.org, None, None)
    batch = apply_structure(service, plan)
    after = service.org.snapshot()
    assert (after != before) == bool(plan.edits)
    # The working copy holds exactly what memory holds, written in that one step.
    assert service.file.load().snapshot() == after
    service.apply_patch(batch.before)
    assert service.org.snapshot() == before
    assert service.file.load().snapshot() == before
    service.apply_patch(batch.after)
    assert service.org.snapshot() == after
    # Derived again, the applied structure needs nothing more.
    assert not derive_structure(service.org).edits
    # And the span check agrees, but for teams no split can bring to the minimum.
    rule = plan.rules.team_leader
    for violation in check_span(service.org, plan.rules):
        assert violation.rule is RuleKind.TEAM_LEADER, violation.message
        low, _ = team_range(violation.actual, rule)
        assert violation.actual // rule.min_agents < low


def test_sized_agents_reshape_the_training_center(open_service: list[DocumentService]) -> None:
    service = service_of(sample_org("training_call_center_50"), open_service)
    plan = derive_structure(service.org, None, {5: 100})
    batch = apply_structure(service, plan)
    org = service.org
    assert org.position(5).planned_headcount == 100  # the sizing's agents are set
    assert org.position(4).planned_headcount == 8  # 100 / 12-14 → 8 项目组长
    assert org.position(2).planned_headcount == 2  # 项目经理: 8 + 3 report seats > 10
    assert org.position(14).planned_headcount == 5  # 质检专员: 130 / 25-30 → 5-6
    assert org.position(12).planned_headcount == 6  # 培训师: 130 / 15-25 → 6-9
    (planner,) = batch.result
    created = org.position(planner)
    assert created.title == "排班计划员" and created.planned_headcount == 2  # 130 / 50-100
    assert created.superior_id == 3  # beside the other support positions (运营助理)
    assert created.duties and created.kpis
    assert not [v for v in check_span(org, plan.rules) if v.position_id in (4, 2)]


def test_a_new_team_leader_takes_the_library_description(
        open_service: list[DocumentService]) -> None:
    org = Organisation(positions=[pos(1, "客服经理"), pos(2, "质检员", 1, 0),
                                  pos(3, "座席员", 1, 1, planned_headcount=28, holders=("张三",),
                                      filled_headcount=1)])
    service = service_of(org, open_service)
    plan = derive_structure(service.org)
    batch = apply_structure(service, plan)
    created = [service.org.position(pid) for pid in batch.result]
    leader = next(p for p in created if p.planned_headcount == 2)  # 28 / 12-14
    template = template_for("team_leader")
    assert template is not None
    assert (leader.title, leader.duties, leader.requirements) == (
        template.title, template.duties, template.requirements)
    assert leader.superior_id == 1 and service.org.row_of(leader.id) == 1
    agents = service.org.position(3)
    assert agents.superior_id == leader.id
    assert (agents.holders, agents.filled_headcount) == (("张三",), 1)  # people move along
    assert not [v for v in check_span(service.org, plan.rules)
                if v.rule is RuleKind.TEAM_LEADER]


def test_only_empty_positions_are_removed(open_service: list[DocumentService]) -> None:
    org = Organisation(positions=[
        pos(1, "客服经理"), pos(2, "组长", 1), pos(3, "座席员", 2, planned_headcount=14),
        pos(4, "质检员", 1, 1), pos(5, "质检员", 1, 2), pos(6, "培训师", 1, 3),
        pos(7, "培训师", 1, 4, filled_headcount=1), pos(8, "培训师", 1, 5, holders=("李四",)),
        pos(9, "培训师", 1, 6), pos(10, "助理", 9)])
    service = service_of(org, open_service)
    plan = derive_structure(service.org)
    apply_structure(service, plan)
    remaining = {p.id for p in service.org.positions()}
    assert 5 not in remaining and 4 in remaining  # QA 2 → 1: the last empty one goes
    # Trainers 4 → 1: 6 is empty (removed); 7 has one in post, 8 a holder, 9 a report:
    # they stay, reduced as far as they can be, and the line says so.
    assert 6 not in remaining and {7, 8, 9} <= remaining
    assert service.org.position(7).planned_headcount == 1
    trainer = next(item for item in plan.lines if item.role is Role.TRAINER)
    assert trainer.after > trainer.required and "people in post" in trainer.explanation_en


def test_a_stale_plan_changes_nothing(open_service: list[DocumentService]) -> None:
    service = service_of(sample_org("training_call_center_50"), open_service)
    plan = derive_structure(service.org)
    service.edit_position(14, planned_headcount=3)  # 质检专员 changed after deriving
    before = service.org.snapshot()
    with pytest.raises(StalePlan):
        apply_structure(service, plan)
    assert service.org.snapshot() == before
    assert service.file.load().snapshot() == before


def test_fixed_marks_are_one_undo_step_and_survive_apply(
        open_service: list[DocumentService]) -> None:
    service = service_of(sample_org("training_call_center_50"), open_service)
    with service.batch("mark") as batch:
        set_fixed(service, [14, 12], True)
    assert service.org.settings[DESIGN_FIXED_SETTING] == [12, 14]
    plan = derive_structure(service.org)
    apply_structure(service, plan)
    assert service.org.position(14).planned_headcount == 1
    assert service.org.position(12).planned_headcount == 1
    service.apply_patch(batch.before)
    assert DESIGN_FIXED_SETTING not in service.org.settings
    with pytest.raises(UserError):
        set_fixed(service, [999], True)
    set_fixed(service, [14], True)
    set_fixed(service, [14], False)
    assert DESIGN_FIXED_SETTING not in service.org.settings


def test_agents_at_the_top_get_a_leader_and_support_under_it(
        open_service: list[DocumentService]) -> None:
    # Two centres whose top positions are agent positions (a flat staff list).
    org = Organisation(positions=[pos(1, "座席员", planned_headcount=20),
                                  pos(2, "话务员", None, 1, planned_headcount=5)])
    service = service_of(org, open_service)
    plan = derive_structure(service.org)
    apply_structure(service, plan)
    roots = service.org.roots()
    assert len(roots) == 2  # the centres stay apart, each now led by a new 组长
    for root, agents, leaders in zip(roots, (1, 2), (2, 1), strict=True):
        assert root.planned_headcount == leaders
        titles = {p.id: p.superior_id for p in service.org.branch(root.id)}
        assert titles[PositionId(agents)] == root.id
        support = [p for p in service.org.direct_reports(root.id) if p.id != agents]
        assert support and all(p.superior_id == root.id for p in support)  # QA, trainer
    assert not derive_structure(service.org).edits


def test_new_support_goes_to_the_head_of_its_function(open_service: list[DocumentService]) -> None:
    # 客服中心 (bank): 品质部经理 → 品质部主管 heads quality, so the missing QA inspector
    # reports to the 主管 (the closest head) and joins the 品质部 department if the
    # document has one; no head of training exists, so the trainer goes to the top.
    service = service_of(sample_org("bank_service_center"), open_service)
    plan = derive_structure(service.org)
    batch = apply_structure(service, plan)
    qa, trainer = (service.org.position(pid) for pid in batch.result)
    assert (qa.title, qa.superior_id) == ("呼叫中心质检员", 10)
    assert service.org.position(PositionId(10)).title == "品质部主管"
    assert qa.department_id == service.org.position(PositionId(10)).department_id
    assert trainer.superior_id == 1
