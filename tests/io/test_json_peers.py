"""Every peer tool's JSON imports as the tree it describes, through the table mapping."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgdesk.core.model import PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.fields import UNMAPPED
from orgdesk.io.interchange import open_table, preview, read_source
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import InterchangeError
from orgdesk.io.progress import NO_PROGRESS
from orgdesk.io.tables import effective_mapping, read_drafts

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "json"


def tree(org: Organisation) -> dict[str, list[str]]:
    """Each title with its direct reports' titles, in order (titles are unique here)."""
    result = {"": [p.title for p in org.roots()]}
    for position in org.positions():
        result[position.title] = [p.title for p in org.direct_reports(position.id)]
    return {k: v for k, v in result.items() if v}


EXPECTED = {
    "d3_org_chart.json": {
        "": ["Contact Center Director"],
        "Contact Center Director": ["Operations Manager", "Workforce Planner"],
        "Operations Manager": ["Team Leader", "Quality Analyst"],
        "Team Leader": ["Senior Agent"]},
    "gojs_tree_model.json": {
        "": ["呼叫中心总监"], "呼叫中心总监": ["客服经理", "技术支持经理"],
        "客服经理": ["话务组长", "质检专员"], "话务组长": ["座席代表"], "技术支持经理": ["系统管理员"]},
    "gojs_graph_links.json": {
        "": ["Head of Customer Care"],
        "Head of Customer Care": ["Voice Channel Manager", "Chat & Email Manager"],
        "Voice Channel Manager": ["Voice Team Lead"], "Chat & Email Manager": ["Chat Team Lead"]},
    "orgchartjs.json": {
        "": ["VP Customer Experience"],
        "VP Customer Experience": ["Executive Assistant", "Contact Center Manager"],
        "Contact Center Manager": ["Inbound Team Lead", "Outbound Team Lead"],
        "Inbound Team Lead": ["Inbound Agent"], "Outbound Team Lead": ["Outbound Agent"]},
    "dabeng_nested.json": {
        "": ["客户服务中心主任"], "客户服务中心主任": ["热线运营部经理", "培训与质检部经理"],
        "热线运营部经理": ["早班组长", "晚班组长"], "晚班组长": ["夜班座席"],
        "培训与质检部经理": ["培训师", "质检员"]},
    "nested_subordinates.json": {
        "": ["Customer Support Director", "Workforce Management Lead"],
        "Customer Support Director": ["Tier 1 Support Manager", "Tier 2 Support Manager"],
        "Tier 1 Support Manager": ["Tier 1 Agent"],
        "Tier 2 Support Manager": ["Escalation Specialist"]},
    "google_rows.json": {
        "": ["Call Center President"],
        "Call Center President": ["Vice President, Service", "Alice"],
        "Vice President, Service": ["Bob"], "Bob": ["Carol"]},
    "google_datatable.json": {
        "": ["客服中心经理"], "客服中心经理": ["一线主管", "二线主管"], "一线主管": ["高级座席"]},
    "yfiles.json": {
        "": ["Service Desk Manager"], "Service Desk Manager": ["Shift Supervisor"],
        "Shift Supervisor": ["Service Desk Analyst", "Service Desk Analyst (Night)"]},
    "children_ids.json": {
        "": ["客服中心经理"], "客服中心经理": ["投诉处理主管", "呼出营销主管"],
        "投诉处理主管": ["投诉专员"]},
    "hr_employees.json": {
        "": ["Customer Operations Director"],
        "Customer Operations Director": ["Billing Support Manager", "Retention Specialist"],
        "Billing Support Manager": ["Billing Specialist"]},
    "cytoscape.json": {"": ["运营总监"], "运营总监": ["排班主管", "质检主管"], "质检主管": ["质检员"]},
}

#: The source's own keys, in file order, as each entry names itself.
SOURCE_KEYS = {
    "d3_org_chart.json": ["O-6066", "O-6067", "O-6068", "O-6069", "O-6070", "O-6071"],
    "gojs_tree_model.json": ["1", "2", "3", "4", "5", "6", "7"],
    "gojs_graph_links.json": ["cc-head", "cc-voice", "cc-chat", "cc-voice-tl", "cc-chat-tl"],
    "yfiles.json": ["n0", "n1", "n2", "n3"],
    "google_datatable.json": ["e1", "e2", "e3", "e4"],
    "hr_employees.json": ["E1001", "E1002", "E1003", "E1004"],
    "cytoscape.json": ["ops", "wfm", "qa", "qa1"],
    "nested_subordinates.json": ["CC-01", "CC-02", "CC-04", "CC-03", "CC-05", "CC-10"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_peer_json_gives_the_described_tree(name: str) -> None:
    org = read_source(FIXTURES / name, ImportOptions(roots=RootPolicy.FOREST)).require()
    assert tree(org) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(SOURCE_KEYS))
def test_source_ids_are_kept_as_text(name: str) -> None:
    table = open_table(FIXTURES / name, ImportOptions())
    problems: list = []
    drafts = read_drafts(table, effective_mapping(table.headers, {}, table.guessed), NO_PROGRESS,
                         problems)
    assert problems == []
    assert [d.key for d in drafts] == SOURCE_KEYS[name]


def test_nested_entries_are_counted_in_document_order() -> None:
    table = open_table(FIXTURES / "dabeng_nested.json", ImportOptions())
    assert table.unit == "entry"
    rows = list(table.rows)
    titles = [cells[table.headers.index("title")] for _, cells in rows]
    assert titles == ["客户服务中心主任", "热线运营部经理", "早班组长", "晚班组长", "夜班座席",
                      "培训与质检部经理", "培训师", "质检员"]
    assert [number for number, _ in rows] == list(range(1, 9))


def test_preview_offers_a_mapping_table_for_peer_json() -> None:
    shown = preview(FIXTURES / "yfiles.json")
    assert not shown.own and shown.format == "json"
    assert shown.headers == ["id", "tag.name", "tag.position", "tag.email", "parent (edges)"]
    assert shown.mapping == {"id": "id", "tag.name": "name", "tag.position": "title",
                             "tag.email": UNMAPPED, "parent (edges)": "superior"}
    assert shown.samples[1] == ["n1", "Karl Weber", "Shift Supervisor", "karl@example.com", "n0"]


def test_unmapped_keys_are_kept_in_the_notes_and_lists_one_per_line() -> None:
    org = read_source(FIXTURES / "hr_employees.json").require()
    director = org.roots()[0]
    assert director.notes == "contact.email: hannah@example.com\ncontact.phone: +49 30 1234"
    agent = next(p for p in read_source(FIXTURES / "orgchartjs.json").require().positions()
                 if p.title == "Inbound Agent")
    assert "tags: Inbound team" in agent.notes


def test_orgchartjs_assistant_tag_is_a_staff_position_and_stpid_a_superior() -> None:
    org = read_source(FIXTURES / "orgchartjs.json").require()
    kinds = {p.title: p.kind for p in org.positions()}
    assert kinds["Executive Assistant"] is PositionKind.STAFF
    assert kinds["Contact Center Manager"] is PositionKind.LINE


def test_id_and_parent_keys_are_found_by_their_values() -> None:
    """No alias names `seat` or `reportsVia`: the parent's values are ids of other entries."""
    shown = preview(FIXTURES / "unnamed_keys.json")
    assert shown.mapping["seat"] == "id" and shown.mapping["reportsVia"] == "superior"
    org = read_source(FIXTURES / "unnamed_keys.json",
                      ImportOptions(mapping={"desc": "title"})).require()
    assert tree(org) == {"": ["Hotline Manager"], "Hotline Manager": ["Hotline Supervisor"],
                         "Hotline Supervisor": ["Hotline Agent", "Hotline Agent (Cantonese)"]}


def test_a_copy_of_the_id_is_not_taken_for_the_parent(tmp_path: Path) -> None:
    source = tmp_path / "copy.json"
    source.write_text(json.dumps([
        {"uid": "a", "nodeRef": "a", "up": None, "role": "Head"},
        {"uid": "b", "nodeRef": "b", "up": "a", "role": "Lead"},
        {"uid": "c", "nodeRef": "c", "up": "b", "role": "Agent"}]), "utf-8")
    mapping = preview(source).mapping
    assert mapping["up"] == "superior" and mapping["nodeRef"] != "superior"


def test_map_overrides_the_detected_keys_and_paths(tmp_path: Path) -> None:
    org = read_source(FIXTURES / "yfiles.json",
                      ImportOptions(mapping={"tag.name": "title", "tag.position": "notes"})
                      ).require()
    root = org.roots()[0]
    assert root.title == "Priya Nair" and "Service Desk Manager" in root.notes


def test_map_names_a_key_the_file_lacks() -> None:
    with pytest.raises(InterchangeError, match=r"tag\.fullName.*tag\.position"):
        read_source(FIXTURES / "yfiles.json", ImportOptions(mapping={"tag.fullName": "title"}))


def test_edge_problems_name_the_edge_and_the_entry(tmp_path: Path) -> None:
    source = tmp_path / "edges.json"
    source.write_text(json.dumps({
        "nodeList": [{"id": "a", "label": "Head"}, {"id": "b", "label": "Lead"},
                     {"id": "c", "label": "Agent"}],
        "edgeList": [{"source": "a", "target": "b"}, {"source": "a", "target": "c"},
                     {"source": "b", "target": "c"}, {"source": "b", "target": "zz"}]}), "utf-8")
    messages = [str(p) for p in read_source(source).problems]
    assert ("Entry 3: the edge list gives it two superiors, “a” and “b”; keep one reporting "
            "line.") in messages
    assert ("Edge 4: it names “zz”, which is not the id of any node; correct the edge or add "
            "that node.") in messages


def test_zero_and_null_words_mean_no_superior(tmp_path: Path) -> None:
    source = tmp_path / "zero.json"
    source.write_text(json.dumps([
        {"id": 1, "pid": 0, "title": "经理"}, {"id": 2, "pid": 1, "title": "主管"},
        {"id": 3, "pid": "NULL", "title": "顾问"}]), "utf-8")
    org = read_source(source, ImportOptions(roots=RootPolicy.FOREST)).require()
    assert tree(org) == {"": ["经理", "顾问"], "经理": ["主管"]}


def test_ten_thousand_entries_flat_and_nested(tmp_path: Path) -> None:
    count = 10_000
    flat = [{"id": f"P{i}", "parentId": f"P{(i - 1) // 7}" if i else None,
             "name": f"员工{i}", "positionName": f"Agent {i}"} for i in range(count)]
    (tmp_path / "flat.json").write_text(json.dumps(flat, ensure_ascii=False), "utf-8")
    nodes = [{"id": i, "title": f"岗位 {i}", "children": []} for i in range(count)]
    for i in range(1, count):
        nodes[(i - 1) // 7]["children"].append(nodes[i])
    (tmp_path / "nested.json").write_text(json.dumps(nodes[0], ensure_ascii=False), "utf-8")
    for name, prefix in (("flat.json", "Agent "), ("nested.json", "岗位 ")):
        result = read_source(tmp_path / name)
        org = result.require()
        assert len(org) == count and result.rows == count
        number = {p.id: int(p.title.removeprefix(prefix)) for p in org.positions()}
        for position in org.positions():
            expected = (number[position.id] - 1) // 7 if number[position.id] else None
            got = number[position.superior_id] if position.superior_id is not None else None
            assert got == expected


def test_edges_up_reads_edge_lists_from_report_to_superior(tmp_path: Path) -> None:
    source = tmp_path / "up.json"
    source.write_text(json.dumps({
        "nodeList": [{"id": "a", "label": "Head"}, {"id": "b", "label": "Lead"},
                     {"id": "c", "label": "Agent"}],
        "edgeList": [{"source": "b", "target": "a"}, {"source": "c", "target": "b"}]}), "utf-8")
    org = read_source(source, ImportOptions(edges="up")).require()
    assert tree(org) == {"": ["Head"], "Head": ["Lead"], "Lead": ["Agent"]}


def test_the_result_says_which_keys_were_taken_for_the_structure() -> None:
    result = read_source(FIXTURES / "unnamed_keys.json", ImportOptions(mapping={"desc": "title"}))
    assert result.notices == [("Read as a flat list: “seat” names each entry and “reportsVia” "
                              "its superior (--map KEY=id or KEY=superior chooses others).")]


def test_a_nested_node_keeps_a_list_of_names_and_follows_every_list_of_reports(
        tmp_path: Path) -> None:
    source = tmp_path / "teams.json"
    source.write_text(json.dumps({
        "title": "客服经理", "staff": ["张三", "李四"],
        "children": [{"title": "组长", "children": []}],
        "subordinates": [{"title": "质检员"}]}, ensure_ascii=False), "utf-8")
    org = read_source(source).require()
    assert tree(org) == {"": ["客服经理"], "客服经理": ["组长", "质检员"]}
    assert "staff: 张三\n李四" in org.roots()[0].notes
