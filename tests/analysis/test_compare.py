"""Comparing two versions: pairs of documents made by scripted edits of the samples."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from orgdesk.analysis.compare import ChangeKind, Comparison, compare
from orgdesk.core.model import Kpi, Position, PositionId, Requirements
from orgdesk.core.organisation import Organisation
from orgdesk.storage.document import create_file
from orgdesk.storage.reading import read_organisation

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"
SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.orgdesk"))


def load(name: str) -> Organisation:
    return read_organisation(SAMPLES / f"{name}.orgdesk")


def the(org: Organisation, title: str) -> Position:
    found = [p for p in org.positions() if p.title == title]
    assert len(found) == 1, title
    return found[0]


def edited(tmp_path: Path, name: str, edit: Callable[[Organisation], None]) -> Comparison:
    """Save `name` edited by `edit` as a new file and compare it with the sample's file."""
    org = load(name)
    edit(org)
    target = tmp_path / "edited.orgdesk"
    create_file(target, org)
    return compare(load(name), read_organisation(target))


def summary(comparison: Comparison) -> list[tuple[str, str]]:
    return [(c.kind.value, c.title) for c in comparison.changes]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_identical_files_report_nothing(name: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.orgdesk"
    create_file(copy, load(name))  # a save of its own: new modified time, same content
    comparison = compare(load(name), read_organisation(copy))
    assert comparison.is_empty and comparison.changes == () and comparison.departments == ()
    assert comparison.ids_trusted
    assert comparison.to_dict()["identical"] is True


def test_added(tmp_path: Path) -> None:
    def edit(org: Organisation) -> None:
        manager = the(org, "运营经理")
        org.add_position(Position(org.next_position_id(), "数据分析专员", manager.id,
                                  department_id=manager.department_id, planned_headcount=2))

    comparison = edited(tmp_path, "software_ops_department", edit)
    assert summary(comparison) == [("added", "数据分析专员")]
    assert "under “运营经理”" in comparison.changes[0].detail
    (delta,) = comparison.departments
    assert (delta.name, delta.old_planned, delta.new_planned, delta.planned_delta,
            delta.positions_delta) == ("运营部", 19, 21, 2, 1)


def test_removed(tmp_path: Path) -> None:
    comparison = edited(tmp_path, "software_ops_department",
                        lambda org: org.remove_position(the(org, "培训专员").id))
    assert summary(comparison) == [("removed", "培训专员")]
    assert comparison.changes[0].new_id is None
    assert [(d.name, d.planned_delta) for d in comparison.departments] == [("运营部", -1)]


def test_moved(tmp_path: Path) -> None:
    def edit(org: Organisation) -> None:
        org.move_position(the(org, "质检专员").id, the(org, "项目经理").id)

    comparison = edited(tmp_path, "software_ops_department", edit)
    assert summary(comparison) == [("moved", "质检专员")]
    assert comparison.changes[0].detail == "Moved “质检专员” from “运营经理” to “项目经理”."
    assert comparison.departments == ()  # a move inside one department changes no headcount


def test_moved_to_the_top_level(tmp_path: Path) -> None:
    comparison = edited(tmp_path, "software_ops_department",
                        lambda org: org.move_position(the(org, "培训专员").id, None))
    assert summary(comparison) == [("moved", "培训专员")]
    assert "to the top level" in comparison.changes[0].detail


def test_renamed(tmp_path: Path) -> None:
    def edit(org: Organisation) -> None:
        org.update_position(the(org, "项目督导").evolve(title="项目组长"))

    comparison = edited(tmp_path, "software_ops_department", edit)
    assert summary(comparison) == [("renamed", "项目组长")]
    assert comparison.changes[0].detail == "Renamed “项目督导” to “项目组长”."


@pytest.mark.parametrize(("field", "value", "shown"), [
    ("duties", ("负责项目整体运营", "新增: 制定排班计划"), "duties"),
    ("requirements", Requirements(education="大专", min_years=2, languages=("普通话标准",)),
     "requirements"),
    ("kpis", (Kpi("接通率", "≥90%"),), "KPIs"),
    ("career_path", "项目经理 → 运营经理", "career path"),
    ("headcount_note", "视项目情况配备", "headcount note"),
    ("level", "经理级", "level"),
])
def test_changed_fields(tmp_path: Path, field: str, value: object, shown: str) -> None:
    def edit(org: Organisation) -> None:
        org.update_position(the(org, "运营总监").evolve(**{field: value}))

    comparison = edited(tmp_path, "training_call_center_50", edit)
    assert summary(comparison) == [("changed", "运营总监")]
    (change,) = comparison.changes[0].fields
    assert change.field == field and change.old != change.new
    assert shown in comparison.changes[0].detail
    assert comparison.departments == ()


def test_requirements_change_reads_as_the_handbook_writes_it(tmp_path: Path) -> None:
    def edit(org: Organisation) -> None:
        director = the(org, "运营总监")
        org.update_position(director.evolve(requirements=Requirements(education="本科", age_min=25,
                                                                      age_max=40)))

    (change,) = edited(tmp_path, "training_call_center_50", edit).changes
    assert change.fields[0].new == "学历要求：本科\n年龄要求：25-40岁"


def test_headcount_deltas_per_department(tmp_path: Path) -> None:
    # training_call_center_50: 项目组1 has 话务员 ×10 + 项目组长 = 11 seats.
    def edit(org: Organisation) -> None:
        agents = [p for p in org.positions() if p.title == "话务员"]
        org.update_position(agents[0].evolve(planned_headcount=12, filled_headcount=9))
        org.update_position(agents[1].evolve(department_id=agents[2].department_id))

    comparison = edited(tmp_path, "training_call_center_50", edit)
    assert [(c.kind, c.title) for c in comparison.changes] == [
        (ChangeKind.CHANGED, "话务员"), (ChangeKind.CHANGED, "话务员")]
    assert "planned headcount 10 → 12" in comparison.changes[0].detail
    assert "filled headcount 0 → 9" in comparison.changes[0].detail
    assert "department 项目组2 → 项目组3" in comparison.changes[1].detail
    assert [(d.name, d.old_planned, d.new_planned, d.planned_delta, d.filled_delta,
             d.positions_delta) for d in comparison.departments] == [
        ("项目组1", 11, 13, 2, 9, 0),
        ("项目组2", 11, 1, -10, 0, -1),
        ("项目组3", 11, 21, 10, 0, 1),
    ]
    assert (comparison.old_totals.planned, comparison.new_totals.planned) == (50, 52)


def test_every_kind_at_once(tmp_path: Path) -> None:
    def edit(org: Organisation) -> None:
        org.update_position(the(org, "人事专员").evolve(title="招聘专员"))
        org.move_position(the(org, "质检专员").id, the(org, "项目经理").id)
        org.remove_position(the(org, "培训师").id)
        org.add_position(Position(org.next_position_id(), "培训主管", the(org, "运营助理").id))
        org.update_position(the(org, "项目经理").evolve(duties=("管理4个项目组",)))

    comparison = edited(tmp_path, "training_call_center_50", edit)
    assert sorted(summary(comparison)) == sorted([
        ("renamed", "招聘专员"), ("moved", "质检专员"), ("removed", "培训师"),
        ("added", "培训主管"), ("changed", "项目经理")])
    assert {kind.value: comparison.count(kind) for kind in ChangeKind} == {
        "added": 1, "removed": 1, "moved": 1, "renamed": 1, "changed": 1}
    # the positions to highlight in the new version: all but the removed one
    assert len(comparison.changed_new_ids()) == 4


def test_lifting_reports_moves_them(tmp_path: Path) -> None:
    def edit(org: Organisation) -> None:
        org.remove_position_lifting_reports(the(org, "项目督导").id)

    comparison = edited(tmp_path, "software_ops_department", edit)
    assert sorted(summary(comparison)) == [("moved", "客户服务专员"), ("removed", "项目督导")]


# ------------------------------------------------- files that came from an import
def renumbered(org: Organisation, offset: int = 100) -> Organisation:
    """The same organisation with every id changed, as an import would give it."""
    new_id = {p.id: PositionId(p.id * 7 % 97 + offset) for p in org.positions()}
    positions = [replace(p, id=new_id[p.id],
                         superior_id=None if p.superior_id is None else new_id[p.superior_id])
                 for p in org.positions()]
    return Organisation(org.info, org.departments, positions)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_import_with_new_ids_matches_on_title_and_superior(name: str) -> None:
    comparison = compare(load(name), renumbered(load(name)))
    assert not comparison.ids_trusted
    assert comparison.is_empty, summary(comparison)
    assert len(comparison.matched) == len(load(name))


def test_import_fallback_pairs_repeated_groups_in_order() -> None:
    # training_call_center_50 has four identical 项目组长 → 话务员 ×10 groups; change
    # the third group's seats only, in a renumbered copy.
    new = renumbered(load("training_call_center_50"))
    agents = [p for p in new.positions() if p.title == "话务员"]
    new.update_position(agents[2].evolve(planned_headcount=12))
    comparison = compare(load("training_call_center_50"), new)
    assert summary(comparison) == [("changed", "话务员")]
    assert comparison.changes[0].new_id == agents[2].id
    assert [(d.name, d.planned_delta) for d in comparison.departments] == [("项目组3", 2)]


def test_import_fallback_sees_moves_additions_and_removals() -> None:
    new = renumbered(load("software_ops_department"))
    new.move_position(the(new, "培训专员").id, the(new, "项目经理").id)
    new.remove_position(the(new, "质检专员").id)
    new.add_position(Position(PositionId(999), "质检主管", the(new, "运营经理").id))
    comparison = compare(load("software_ops_department"), new)
    assert not comparison.ids_trusted
    assert sorted(summary(comparison)) == [
        ("added", "质检主管"), ("moved", "培训专员"), ("removed", "质检专员")]


def test_import_rename_in_place_with_shared_id() -> None:
    # Ids not trusted (most titles differ at the same id), yet a position with the
    # same id under its superior's match is taken as renamed rather than replaced.
    old = Organisation(positions=[Position(PositionId(1), "经理"),
                                  Position(PositionId(2), "组长", PositionId(1)),
                                  Position(PositionId(3), "座席员", PositionId(2))])
    new = Organisation(positions=[Position(PositionId(1), "经理"),
                                  Position(PositionId(2), "班长", PositionId(1)),
                                  Position(PositionId(3), "客服代表", PositionId(2))])
    comparison = compare(old, new)
    assert not comparison.ids_trusted
    assert summary(comparison) == [("renamed", "班长"), ("renamed", "客服代表")]


def test_json_form() -> None:
    import json

    new = load("software_ops_department")
    new.remove_position(the(new, "培训专员").id)
    data = json.loads(json.dumps(compare(load("software_ops_department"), new).to_dict()))
    assert data["identical"] is False and data["matched_by"] == "id"
    assert data["summary"]["removed"] == 1
    assert data["departments"] == [{"name": "运营部", "old_positions": 6, "new_positions": 5,
                                    "old_planned": 19, "new_planned": 18, "planned_delta": -1,
                                    "old_filled": 0, "new_filled": 0, "filled_delta": 0}]
