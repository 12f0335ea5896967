"""The three-way merge of documents (pure Python, no server): clean merges, conflicts,
ids both sides added, structure the merge would break, and the result builds."""
from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesk.io.json_format import document_dict
from orgdesk.samples import template_organisation
from orgdesk.team.documents import document_from_dict
from orgdesk.team.merge import merge_documents


def base() -> dict[str, Any]:
    return document_dict(template_organisation("call_center_chart"))


def position(document: dict[str, Any], pid: int) -> dict[str, Any]:
    return next(p for p in document["positions"] if p["id"] == pid)


def positions(document: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {p["id"]: p for p in document["positions"]}


def test_unchanged_sides_merge_to_the_base() -> None:
    result = merge_documents(base(), base(), base())
    assert result.clean
    assert positions(result.document) == positions(base())


def test_changes_to_different_positions_and_fields_both_survive() -> None:
    original = base()
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    first, second = sorted(positions(original))[:2]
    position(ours, first)["title"] = "我们的标题"
    position(theirs, second)["notes"] = "their note"
    position(theirs, first)["planned_headcount"] = 9  # another field of the same position
    result = merge_documents(original, ours, theirs)
    assert result.clean, result.conflicts
    merged = positions(result.document)
    assert merged[first]["title"] == "我们的标题"
    assert merged[first]["planned_headcount"] == 9
    assert merged[second]["notes"] == "their note"
    org = document_from_dict(result.document, "merged")
    assert org.position(first).title == "我们的标题"  # type: ignore[arg-type]


def test_the_same_field_changed_differently_is_a_conflict_unless_a_side_is_preferred() -> None:
    original = base()
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    pid = sorted(positions(original))[1]
    position(ours, pid)["title"] = "甲"
    position(theirs, pid)["title"] = "乙"
    result = merge_documents(original, ours, theirs)
    assert [(c.kind, c.key) for c in result.conflicts] == [("position", str(pid))]
    assert "title" in str(result.conflicts[0].sentence)
    assert positions(merge_documents(original, ours, theirs, "mine").document)[pid]["title"] == "甲"
    assert positions(merge_documents(original, ours, theirs, "theirs").document)[pid]["title"] == "乙"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    original = base()
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    pid = sorted(positions(original))[1]
    for side in (ours, theirs):
        position(side, pid)["title"] = "同样"
    result = merge_documents(original, ours, theirs)
    assert result.clean and positions(result.document)[pid]["title"] == "同样"


def test_deleted_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    original = base()
    leaf = max(positions(original))  # the samples' last position has no reports
    assert all(p.get("superior_id") != leaf for p in original["positions"])
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    ours["positions"] = [p for p in ours["positions"] if p["id"] != leaf]
    position(theirs, leaf)["notes"] = "changed"
    result = merge_documents(original, ours, theirs)
    assert [c.kind for c in result.conflicts] == ["position"]
    assert "deleted by you" in str(result.conflicts[0].sentence)
    assert leaf not in positions(merge_documents(original, ours, theirs, "mine").document)
    assert leaf in positions(merge_documents(original, ours, theirs, "theirs").document)


def test_a_deletion_nobody_else_touched_is_taken() -> None:
    original = base()
    leaf = max(positions(original))
    theirs = copy.deepcopy(original)
    theirs["positions"] = [p for p in theirs["positions"] if p["id"] != leaf]
    result = merge_documents(original, copy.deepcopy(original), theirs)
    assert result.clean and leaf not in positions(result.document)


def test_positions_both_sides_added_under_one_id_are_both_kept() -> None:
    original = base()
    new_id = max(positions(original)) + 1
    root = min(positions(original))
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    ours["positions"].append({**position(original, root), "id": new_id, "title": "我们加的",
                              "superior_id": root})
    ours["positions"].append({**position(original, root), "id": new_id + 1, "title": "我们加的下级",
                              "superior_id": new_id})
    theirs["positions"].append({**position(original, root), "id": new_id, "title": "他们加的",
                                "superior_id": root})
    result = merge_documents(original, ours, theirs)
    assert result.clean, result.conflicts
    merged = positions(result.document)
    titles = {p["title"]: p for p in merged.values()}
    assert titles["他们加的"]["id"] == new_id
    ours_new = titles["我们加的"]["id"]
    assert ours_new not in positions(original) and ours_new != new_id
    assert titles["我们加的下级"]["superior_id"] == ours_new  # the reference followed
    org = document_from_dict(result.document, "merged")
    assert len(org) == len(original["positions"]) + 3
    assert int(result.document["settings"]["last_position_id"]) >= max(merged)


def test_a_report_added_under_a_position_the_other_side_deleted_is_a_conflict() -> None:
    original = base()
    leaf = max(positions(original))
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    ours["positions"].append({**position(original, leaf), "id": leaf + 100, "title": "新下级",
                              "superior_id": leaf})
    theirs["positions"] = [p for p in theirs["positions"] if p["id"] != leaf]
    result = merge_documents(original, ours, theirs)
    assert [c.kind for c in result.conflicts] == ["structure"]
    assert "deleted" in str(result.conflicts[0].sentence)
    document_from_dict(result.document, "merged")  # still buildable


def test_two_moves_that_make_a_cycle_together_are_a_conflict() -> None:
    original = base()
    by_id = positions(original)
    leaves = [pid for pid in sorted(by_id) if all(p.get("superior_id") != pid
                                                  for p in by_id.values())]
    a, b = leaves[:2]
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    position(ours, a)["superior_id"] = b
    position(theirs, b)["superior_id"] = a
    result = merge_documents(original, ours, theirs)
    assert [c.kind for c in result.conflicts] == ["structure"]
    assert "under each other" in str(result.conflicts[0].sentence)
    document_from_dict(result.document, "merged")


def test_settings_and_info_merge_by_key() -> None:
    original = base()
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    ours["settings"]["chart"] = {"orientation": "lr"}
    theirs["info"]["client"] = "新客户"
    ours["settings"]["team_origin"] = {"server": "postgresql://x@h/d", "project": "p",
                                       "version": 3}
    result = merge_documents(original, ours, theirs)
    assert result.clean
    assert result.document["settings"]["chart"] == {"orientation": "lr"}
    assert result.document["info"]["client"] == "新客户"
    assert "team_origin" not in result.document["settings"]  # local to the copy, never merged
    theirs["settings"]["chart"] = {"orientation": "tb", "detail": 1}
    clash = merge_documents(original, ours, theirs)
    assert [(c.kind, c.key) for c in clash.conflicts] == [("setting", "chart")]


def test_the_inputs_are_left_unchanged() -> None:
    original, ours, theirs = base(), base(), base()
    ours["positions"].append({**ours["positions"][-1], "id": 999})
    theirs["positions"].append({**theirs["positions"][-1], "id": 999, "title": "x"})
    saved = copy.deepcopy((original, ours, theirs))
    merge_documents(original, ours, theirs)
    assert (original, ours, theirs) == saved


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ours_titles=st.dictionaries(st.integers(0, 6), st.text(min_size=1, max_size=8), max_size=4),
       their_titles=st.dictionaries(st.integers(0, 6), st.text(min_size=1, max_size=8),
                                    max_size=4))
def test_title_edits_merge_or_conflict_exactly_where_both_sides_disagree(
        ours_titles: dict[int, str], their_titles: dict[int, str]) -> None:
    original = base()
    ids = sorted(positions(original))
    ours, theirs = copy.deepcopy(original), copy.deepcopy(original)
    for side, edits in ((ours, ours_titles), (theirs, their_titles)):
        for index, title in edits.items():
            position(side, ids[index])["title"] = title
    result = merge_documents(original, ours, theirs)
    old = positions(original)
    expected_conflicts = {str(ids[i]) for i in ours_titles.keys() & their_titles.keys()
                          if ours_titles[i] != their_titles[i]
                          and ours_titles[i] != old[ids[i]]["title"]
                          and their_titles[i] != old[ids[i]]["title"]}
    assert {c.key for c in result.conflicts} == expected_conflicts
    merged = positions(result.document)
    for index in range(len(ids)):
        pid = ids[index]
        if str(pid) in expected_conflicts:
            continue
        mine = ours_titles.get(index, old[pid]["title"])
        theirs_title = their_titles.get(index, old[pid]["title"])
        want = mine if mine != old[pid]["title"] else theirs_title
        assert merged[pid]["title"] == want
