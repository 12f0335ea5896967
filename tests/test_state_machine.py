"""A hypothesis state machine over `DocumentService` with hostile text.

Every rule is an edit a user can make; after every step the organisation is a
forest with contiguous sibling orders, relations point at existing positions,
the returned ChangeSet names exactly what changed, and the working copy on
disk holds exactly what memory holds.  Save compares the saved file too, and
close + reopen must give back the same document.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from orgdesk.core.changes import ChangeSet
from orgdesk.core.errors import CycleError, InvalidValueError
from orgdesk.core.model import (
    EDUCATION_SCALE,
    DepartmentId,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    RelationKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.reading import read_organisation
from tests.core.helpers import assert_changes_exact, assert_orders_contiguous, structure
from tests.io.strategies import pay as pay_fields

pytestmark = pytest.mark.slow

# Text that has broken exporters and storage layers before: quoting, escapes,
# markup, formula prefixes, Graphviz's \N, newlines, CJK and astral emoji.
_FRAGMENTS = [
    '"', "'", "\\", "\\N", "\\\\", "<", ">", "&", "&amp;", "<b>x</b>", "\n", "\r\n", "\t",
    "座席员", "组长", "客服中心", "=", "+", "-", "@", "=SUM(A1:A9)", "@cmd", "😀", "👩‍💼",
    "NULL", "%s", "{0}", "'; DROP TABLE positions; --", " ", "\u200b", "\x00",
]
_PREFIXES = ["", "=", "+", "-", "@", "\\N", "<", '"']

hostile_text = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=4)), max_size=6,
).map("".join)
hostile_title = st.builds(lambda prefix, body: prefix + body,
                          st.sampled_from(_PREFIXES), hostile_text).filter(lambda t: t.strip())
text_list = st.lists(hostile_text, max_size=4).map(tuple)
index = st.none() | st.integers(-2, 12)
picker = st.integers(0, 10_000)  # chooses among the ids that exist when the rule runs
headcount = st.integers(0, 500)


@st.composite
def requirements(draw: st.DrawFn) -> Requirements:
    ages = sorted(draw(st.lists(st.integers(16, 70), min_size=2, max_size=2)))
    return Requirements(
        education=draw(st.sampled_from(("", *EDUCATION_SCALE))),
        min_years=draw(st.none() | st.integers(0, 40)),
        age_min=draw(st.none() | st.just(ages[0])),
        age_max=draw(st.none() | st.just(ages[1])),
        languages=draw(text_list),
        skills=draw(text_list),
        other=draw(hostile_text),
    )


kpis = st.lists(st.builds(Kpi, hostile_text, hostile_text), max_size=3).map(tuple)
colours = st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)


class DocumentMachine(RuleBasedStateMachine):
    """Edits on one saved document through the service, the one writer."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="orgdesk-machine-"))
        self._old_state_dir = os.environ.get("ORGDESK_STATE_DIR")
        os.environ["ORGDESK_STATE_DIR"] = str(self.tmp / "state")
        self.path = self.tmp / "组织 chart.orgdesk"
        self.saves = 0
        self.file = DocumentFile.new()
        try:
            self.service = DocumentService(self.file)
            self.service.save_as(self.path)
        except BaseException:
            self.teardown()  # hypothesis only tears down a machine that was built
            raise
        assert self.file.path == self.path
        assert not self.file.modified

    def teardown(self) -> None:
        try:
            self.file.close()
        finally:
            if self._old_state_dir is None:
                os.environ.pop("ORGDESK_STATE_DIR", None)
            else:
                os.environ["ORGDESK_STATE_DIR"] = self._old_state_dir
            shutil.rmtree(self.tmp, ignore_errors=True)

    # ----------------------------------------------------------- helpers
    @property
    def org(self) -> Organisation:
        return self.service.org

    def pick(self, n: int) -> PositionId:
        known = sorted(p.id for p in self.org.positions())
        return known[n % len(known)]

    def pick_or_root(self, n: int) -> PositionId | None:
        return None if n % 5 == 0 else self.pick(n // 5)

    def has_positions(self) -> bool:
        return len(self.org) > 0

    def has_departments(self) -> bool:
        return bool(self.org.departments)

    def has_relations(self) -> bool:
        return bool(self.org.relations)

    def unchanged_since(self, before: tuple[object, ...]) -> None:
        assert self.org.snapshot() == before
        assert self.file.load().snapshot() == before

    # ------------------------------------------------------------- rules
    @initialize(titles=st.lists(hostile_title, min_size=5, max_size=10),
                parents=st.lists(picker, min_size=10, max_size=10))
    def start_with_a_tree(self, titles: list[str], parents: list[int]) -> None:
        # Start from a saved tree, so moves and removals have something to work on.
        for title, parent in zip(titles, parents):
            superior = self.pick_or_root(parent) if self.has_positions() else None
            self.service.new_position(title, superior)
        self.service.save()
        assert read_organisation(self.path).snapshot() == self.org.snapshot()

    @rule(title=hostile_title, superior=picker, at=index, duties=text_list,
          planned=headcount, filled=headcount)
    def add_position(self, title: str, superior: int, at: int | None, duties: tuple[str, ...],
                     planned: int, filled: int) -> None:
        superior_id = self.pick_or_root(superior) if self.has_positions() else None
        siblings = [p.id for p in self.org.direct_reports(superior_id)]
        before = self.org.snapshot()
        position = Position(self.org.next_position_id(), title, superior_id, duties=duties,
                            planned_headcount=planned, filled_headcount=filled)
        changes = self.service.add_position(position, at)
        expected_at = len(siblings) if at is None else max(0, min(at, len(siblings)))
        siblings.insert(expected_at, position.id)
        assert [p.id for p in self.org.direct_reports(superior_id)] == siblings
        assert self.org.position(position.id).title == title
        assert_changes_exact(before, self.org, changes)

    @precondition(has_positions)
    @rule(which=picker, title=hostile_title, duties=text_list, reqs=requirements(), kpis=kpis,
          planned=headcount, filled=headcount, notes=hostile_text, career=hostile_text,
          level=hostile_text, note=hostile_text, kind=st.sampled_from(PositionKind),
          department=picker, source=hostile_text, holders=text_list, pay=pay_fields())
    def edit_fields(self, which: int, title: str, duties: tuple[str, ...], reqs: Requirements,
                    kpis: tuple[Kpi, ...], planned: int, filled: int, notes: str, career: str,
                    level: str, note: str, kind: PositionKind, department: int, source: str,
                    holders: tuple[str, ...], pay: dict[str, int]) -> None:
        pid = self.pick(which)
        departments = self.org.departments
        department_id = (None if not departments or department % 3 == 0
                         else departments[department % len(departments)].id)
        before = self.org.snapshot()
        changes = self.service.edit_position(
            pid, title=title, duties=duties, requirements=reqs, kpis=kpis,
            planned_headcount=planned, filled_headcount=filled, notes=notes,
            career_path=career, level=level, headcount_note=note, kind=kind,
            department_id=department_id, source_id=source, holders=holders, **pay)
        edited = self.org.position(pid)
        assert (edited.title, edited.duties, edited.requirements, edited.kpis, edited.source_id,
                edited.holders) == (title, duties, reqs, kpis, source, holders)
        assert (edited.pay_min, edited.pay_max, edited.on_cost_percent) == (
            pay["pay_min"], pay["pay_max"], pay["on_cost_percent"])
        assert edited.vacancies == max(planned - filled, 0)
        assert_changes_exact(before, self.org, changes)

    @precondition(has_positions)
    @rule(which=picker, to=picker, at=index)
    def move_with_branch(self, which: int, to: int, at: int | None) -> None:
        pid = self.pick(which)
        target_id = self.pick_or_root(to)
        before = self.org.snapshot()
        shape = structure(self.org)
        if target_id is not None and (target_id == pid
                                      or target_id in self.org.descendant_ids(pid)):
            with pytest.raises(CycleError):
                self.service.move_position(pid, target_id, at)
            self.unchanged_since(before)
            assert structure(self.org) == shape
            return
        branch = [p.id for p in self.org.branch(pid)]
        changes = self.service.move_position(pid, target_id, at)
        assert self.org.position(pid).superior_id == target_id
        assert [p.id for p in self.org.branch(pid)] == branch
        assert_changes_exact(before, self.org, changes)

    @precondition(has_positions)
    @rule(which=picker, alone=st.booleans())
    def drop_in_place(self, which: int, alone: bool) -> None:
        # A drag dropped where it started: no change, no write, not modified.
        pid = self.pick(which)
        position = self.org.position(pid)
        if alone and self.org.direct_reports(pid):
            return
        before = self.org.snapshot()
        was_modified = self.file.modified
        move = self.service.move_position_alone if alone else self.service.move_position
        changes = move(pid, position.superior_id, position.order)
        assert changes.empty, changes
        self.unchanged_since(before)
        assert self.file.modified == was_modified

    @precondition(has_positions)
    @rule(which=picker, to=picker, at=index)
    def move_alone(self, which: int, to: int, at: int | None) -> None:
        pid = self.pick(which)
        target_id = self.pick_or_root(to)
        before = self.org.snapshot()
        if target_id == pid:
            with pytest.raises(CycleError):
                self.service.move_position_alone(pid, target_id, at)
            self.unchanged_since(before)
            return
        old_superior = self.org.position(pid).superior_id
        reports = [p.id for p in self.org.direct_reports(pid)]
        changes = self.service.move_position_alone(pid, target_id, at)
        assert self.org.position(pid).superior_id == target_id
        assert self.org.direct_reports(pid) == []
        for report in reports:
            assert self.org.position(report).superior_id == old_superior
        assert_changes_exact(before, self.org, changes)

    @precondition(lambda self: len(self.org) >= 4)  # keep a tree worth editing
    @rule(which=picker)
    def remove_branch(self, which: int) -> None:
        pid = self.pick(which)
        branch = {p.id for p in self.org.branch(pid)}
        before = self.org.snapshot()
        changes = self.service.remove_branch(pid)
        assert not any(p in self.org for p in branch)
        assert set(changes.positions_removed) == branch
        assert_changes_exact(before, self.org, changes)

    @precondition(lambda self: len(self.org) >= 3)
    @rule(which=picker)
    def remove_lifting_reports(self, which: int) -> None:
        pid = self.pick(which)
        position = self.org.position(pid)
        siblings = [p.id for p in self.org.direct_reports(position.superior_id)]
        reports = [p.id for p in self.org.direct_reports(pid)]
        at = siblings.index(pid)
        before = self.org.snapshot()
        changes = self.service.remove_position_lifting_reports(pid)
        assert pid not in self.org
        assert [p.id for p in self.org.direct_reports(position.superior_id)] == (
            siblings[:at] + reports + siblings[at + 1:])
        assert_changes_exact(before, self.org, changes)

    @precondition(lambda self: len(self.org.departments) < 4)
    @rule(name=hostile_title, colour=colours)
    def add_department(self, name: str, colour: str) -> None:
        before = self.org.snapshot()
        if any(d.name == name for d in self.org.departments):
            with pytest.raises(InvalidValueError):
                self.service.add_department(name, colour)
            self.unchanged_since(before)
            return
        department = self.service.add_department(name, colour)
        assert self.org.department(department.id) == department

    @precondition(has_departments)
    @rule(which=picker)
    def remove_department(self, which: int) -> None:
        departments = self.org.departments
        did = DepartmentId(departments[which % len(departments)].id)
        members = {p.id for p in self.org.positions_in(did)}
        before = self.org.snapshot()
        changes = self.service.remove_department(did)
        assert did not in {d.id for d in self.org.departments}
        assert all(self.org.position(p).department_id is None for p in members)
        assert_changes_exact(before, self.org, changes)

    @precondition(lambda self: len(self.org) >= 2)
    @rule(source=picker, to=picker, kind=st.sampled_from(RelationKind), label=hostile_text)
    def add_relation(self, source: int, to: int, kind: RelationKind, label: str) -> None:
        source_id = self.pick(source)
        target_id = self.pick(to)
        if source_id == target_id:
            target_id = self.pick(to + 1)
        before = self.org.snapshot()
        relation = self.service.add_relation(source_id, target_id, kind, label)
        assert self.org.relation(relation.id) == relation
        assert_changes_exact(before, self.org, ChangeSet(relations_added=[relation.id]))

    @precondition(has_relations)
    @rule(which=picker)
    def remove_relation(self, which: int) -> None:
        relations = self.org.relations
        rid = relations[which % len(relations)].id
        before = self.org.snapshot()
        changes = self.service.remove_relation(rid)
        assert_changes_exact(before, self.org, changes)

    @precondition(lambda self: self.file.modified)
    @rule()
    def save_and_reopen(self) -> None:
        self.service.save()
        self.saves += 1
        saved = self.org.snapshot()
        assert not self.file.modified
        assert read_organisation(self.path).snapshot() == saved
        self.file.close()
        self.file = DocumentFile.open(self.path)
        self.service = DocumentService(self.file)
        assert self.service.file.load().snapshot() == saved
        assert self.org.snapshot() == saved
        assert not self.file.modified

    @precondition(lambda self: self.file.modified)
    @rule()
    def save_as_new_name(self) -> None:
        self.path = self.tmp / f"副本 {self.saves} ＝\"'.orgdesk"
        self.saves += 1
        self.service.save_as(self.path)
        assert self.file.path == self.path
        assert read_organisation(self.path).snapshot() == self.org.snapshot()
        assert not self.file.modified

    # -------------------------------------------------------- invariants
    @invariant()
    def is_a_forest(self) -> None:
        assert self.org.is_forest()

    @invariant()
    def sibling_orders_are_contiguous(self) -> None:
        assert_orders_contiguous(self.org)

    @invariant()
    def relations_point_at_positions(self) -> None:
        for relation in self.org.relations:
            assert relation.source_id in self.org and relation.target_id in self.org
            assert relation.source_id != relation.target_id

    @invariant()
    def memory_equals_disk(self) -> None:
        assert self.service.org.snapshot() == self.service.file.load().snapshot()


DocumentMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                           HealthCheck.data_too_large],
)
TestDocumentMachine = DocumentMachine.TestCase
