"""Reading hand-written cells, and the exact encodings of orgdesk's own tables."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgdesk.core.model import Kpi
from orgdesk.io import cells
from orgdesk.io.fields import field_for, recognise


@pytest.mark.parametrize(("cell", "items"), [
    ("1、负责A；\n2、负责B;3、负责C。", ["负责A", "负责B", "负责C"]),
    ("1、接听来电 2、记录工单 3、回访客户", ["接听来电", "记录工单", "回访客户"]),
    ("(1)负责A\n(2)负责B", ["负责A", "负责B"]),
    ("负责第1、2项工作；接听热线（12）", ["负责第1、2项工作", "接听热线（12）"]),
    ("负责A。2、负责B", ["负责A", "负责B"]),
    ("① 排班\r\n② 监控", ["排班", "监控"]),
    ("- 沟通能力强\n- 熟练使用办公软件", ["沟通能力强", "熟练使用办公软件"]),
    ("3年以上工作经验", ["3年以上工作经验"]),
    ("负责1.5倍加班核算", ["负责1.5倍加班核算"]),
    ("  \n ；", []),
])
def test_split_items(cell: str, items: list[str]) -> None:
    assert cells.split_items(cell) == items


@pytest.mark.parametrize(("value", "number"), [
    (14, 14), (14.0, 14), ("14", 14), ("14人", 14), ("×14", 14), ("３年以上", 3), ("十二", 12),
    ("二十五岁", 25), ("0", 0)])
def test_parse_int(value: object, number: int) -> None:
    assert cells.parse_int(value) == number


@pytest.mark.parametrize("value", ["many", "1.5", 1.5, "-1", "12-14", "", True, 10**12])
def test_parse_int_refuses(value: object) -> None:
    with pytest.raises(ValueError):
        cells.parse_int(value)


def test_headcount_with_words_keeps_them_as_a_note() -> None:
    assert cells.parse_headcount("14人（含组长1人）") == (14, "14人（含组长1人）")
    with pytest.raises(ValueError):
        cells.parse_headcount("视项目情况配备")


@pytest.mark.parametrize(("value", "ages"), [
    ("25-35", (25, 35)), ("25~35岁", (25, 35)), ("25至35周岁", (25, 35)), ("25岁以上", (25, None)),
    ("40岁以下", (None, 40)), ("不限", (None, None))])
def test_parse_age_range(value: str, ages: tuple[int | None, int | None]) -> None:
    assert cells.parse_age_range(value) == ages


@pytest.mark.parametrize(("value", "level"), [
    ("大专及以上学历", "大专"), ("高中/中专", "高中"), ("Bachelor", "本科"), ("学历不限", "不限"),
    ("研究生", "硕士")])
def test_parse_education(value: str, level: str) -> None:
    assert cells.parse_education(value) == level


@pytest.mark.parametrize(("item", "kpi"), [
    ("接通率≥90%", Kpi("接通率", "≥90%")), ("投诉率：≤1%", Kpi("投诉率", "≤1%")),
    ("Service level: 80/20", Kpi("Service level", "80/20")), ("满意度", Kpi("满意度"))])
def test_parse_kpi(item: str, kpi: Kpi) -> None:
    assert cells.parse_kpi(item) == kpi


def test_mixed_requirements_are_sorted_without_losing_words() -> None:
    got = cells.parse_requirements(["大专及以上学历", "2年以上客服工作经验", "年龄22-35岁",
                                    "普通话标准", "沟通能力强"])
    assert got == {"education": "大专", "min_years": 2, "age_min": 22, "age_max": 35,
                   "languages": ["普通话标准"], "skills": ["2年以上客服工作经验", "沟通能力强"]}


@given(st.lists(st.text()))
def test_exact_lists_round_trip(items: list[str]) -> None:
    assert cells.split_exact(cells.join_list(items)) == tuple(items)


@given(st.lists(st.builds(Kpi, st.text(), st.text())))
def test_exact_kpis_round_trip(kpis: list[Kpi]) -> None:
    assert cells.split_kpis_exact(cells.join_kpis(tuple(kpis))) == tuple(kpis)


@given(st.text())
def test_xml_escape_round_trips_and_leaves_no_xml_illegal_character(text: str) -> None:
    escaped = cells.xml_escape(text)
    assert cells.xml_unescape(escaped) == text
    assert not any(ord(c) < 32 and c not in "\t\n" for c in escaped)


@given(st.text())
def test_formula_guard_round_trips_and_defuses(text: str) -> None:
    guarded = cells.guard_formula(text)
    assert cells.unguard_formula(guarded) == text
    assert not guarded.startswith(cells.FORMULA_TRIGGERS)


def test_headers_of_the_peers_and_chinese_are_recognised() -> None:
    mapping = recognise(["Name", "Reports_To", "parentId", "Unique ID", "Role Title", "岗位",
                         "所属部门", "岗位职责", "任职要求", "定员", "KPI指标", "Telephone"])
    assert mapping == {"Name": "name", "Reports_To": "superior", "parentId": "",
                       "Unique ID": "id", "Role Title": "title", "岗位": "", "所属部门": "department",
                       "岗位职责": "duties", "任职要求": "requirements", "定员": "planned_headcount",
                       "KPI指标": "kpis", "Telephone": ""}


def test_fields_are_named_by_key_alias_or_header() -> None:
    assert field_for("title").key == "title"
    assert field_for("职位").key == "title"
    assert field_for("Planned headcount 定员").key == "planned_headcount"
    with pytest.raises(Exception, match="There is no field called “salary”"):
        field_for("salary")


@pytest.mark.parametrize(("headers", "expected"), [
    (["id", "reportsTo", "name", "title", "tags"], ["id", "superior", "name", "title", ""]),
    (["id", "parentId", "name", "positionName", "area"],
     ["id", "superior", "name", "title", "department"]),
    (["name", "position", "id", "manager", "email"], ["name", "title", "id", "superior", ""]),
    (["Id", "Parent Id", "Name", "Title", "Is Assistant?"],
     ["id", "superior", "name", "title", "kind"]),
    (["职位", "上级", "部门", "职责", "任职要求", "定员", "KPI"],
     ["title", "superior", "department", "duties", "requirements", "planned_headcount", "kpis"]),
])
def test_peer_header_sets(headers: list[str], expected: list[str]) -> None:
    assert [recognise(headers)[h] for h in headers] == expected
