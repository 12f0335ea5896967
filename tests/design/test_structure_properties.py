"""Properties of the derived structure on generated call centers: applying it reaches a
structure that needs nothing more, changes no fixed position, and undoes exactly."""
from __future__ import annotations

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import DESIGN_FIXED_SETTING
from orgdesk.design.apply import apply_structure
from orgdesk.design.structure import Role, StructurePlan, derive_structure
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile

TITLES = ("呼叫中心经理", "主管", "组长", "座席员", "话务员", "质检员", "培训师", "排班专员",
          "助理", "项目经理")


@st.composite
def call_centers(draw: st.DrawFn) -> Organisation:
    count = draw(st.integers(1, 14))
    positions: list[Position] = []
    for index in range(count):
        pid = PositionId(index + 1)
        superior = None if index == 0 or draw(st.integers(0, 9)) == 0 else \
            PositionId(draw(st.integers(1, index)))
        title = draw(st.sampled_from(TITLES))
        seats = draw(st.integers(0, 60 if title in ("座席员", "话务员") else 3))
        filled = draw(st.integers(0, seats + 1))
        holders = ("甲",) if draw(st.integers(0, 5)) == 0 else ()
        positions.append(Position(pid, title, superior, index, planned_headcount=seats,
                                  filled_headcount=filled, holders=holders))
    fixed = draw(st.lists(st.integers(1, count), unique=True, max_size=3))
    return Organisation(positions=positions,
                        settings={DESIGN_FIXED_SETTING: fixed} if fixed else {})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(call_centers())
def test_applied_structures_are_a_fixpoint_and_undo_exactly(org: Organisation) -> None:
    note(repr([(p.id, p.title, p.superior_id, p.planned_headcount, p.filled_headcount,
                p.holders) for p in org.positions()]) + repr(org.settings))
    fixed = {pid: org.position(pid) for pid in org.settings.get(DESIGN_FIXED_SETTING, [])}
    with DocumentFile.new(org) as file:
        service = DocumentService(file)
        before = service.org.snapshot()
        plan = derive_structure(service.org)
        batch = apply_structure(service, plan)
        after = service.org.snapshot()
        for pid, position in fixed.items():
            # Fixed: untouched, not even moved (its place among its siblings may shift when
            # a position is added or moved beside it).
            assert service.org.position(pid) == position.evolve(
                order=service.org.position(pid).order)
        for line in plan.lines:
            assert line.minimum <= line.required
        again = derive_structure(service.org)
        assert not again.edits, [line.explanation_en for line in again.lines if line.edits]
        service.apply_patch(batch.before)
        assert service.org.snapshot() == before
        service.apply_patch(batch.after)
        assert service.org.snapshot() == after


@settings(max_examples=60, deadline=None)
@given(call_centers(), st.integers(0, 400), st.integers(0, 400), st.data())
def test_more_agents_anywhere_never_need_fewer_leaders_qa_or_trainers(
        org: Organisation, a: int, b: int, data: st.DataObject) -> None:
    agents = [p.id for p in org.positions() if p.title in ("座席员", "话务员")]
    if not agents:
        return
    queue = data.draw(st.sampled_from(agents))
    fewer, more = sorted((a, b))
    small = derive_structure(org, None, {queue: fewer})
    large = derive_structure(org, None, {queue: more})

    def floor(plan: StructurePlan, role: Role) -> int:
        return sum(line.minimum for line in plan.lines if line.role is role)

    for role in (Role.TEAM_LEADER, Role.QA, Role.TRAINER, Role.WORKFORCE_PLANNER):
        assert floor(small, role) <= floor(large, role), role
