"""What a job-description handbook says, independent of its file format.

One `PositionSheet` per position, laid out like the seeds' 岗位说明书: 职位名称,
所属部门, 职位定员 (with vacancies), 直接上级, 直接下属, then 岗位职责, 任职要求,
KPI指标 and 发展方向.  The PDF, DOCX and HTML writers only decide how it looks.
The handbook is in Chinese, like the documents consultants hand to their
clients; its labels are collected in `LABELS`.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from orgdesk.analysis.headcount import HeadcountAnalysis, analyse_headcount
from orgdesk.analysis.texts import headcount_text, kpi_line, requirement_lines, seats_suffix
from orgdesk.core.model import Kpi, Position, PositionId, PositionKind
from orgdesk.core.organisation import Organisation

LABELS = {
    "handbook": "岗位说明书",
    "client": "客户",
    "author": "编制",
    "date": "日期",
    "contents": "目录",
    "chart": "组织结构图",
    "summary": "人员编制汇总",
    "sheets": "岗位说明",
    "title": "职位名称",
    "department": "所属部门",
    "headcount": "职位定员",
    "superior": "直接上级",
    "reports": "直接下属",
    "duties": "岗位职责",
    "requirements": "任职要求",
    "kpis": "KPI指标",
    "career": "发展方向",
    "none": "无",
    "to_fill": "待补充",
    "staff": "（参谋/助理岗位）",
    "no_department": "未分部门",
    "branch": "范围",
    "positions": "岗位数",
    "planned": "定员",
    "filled": "在岗",
    "vacancies": "空缺",
    "level": "层级",
    "by_department": "按部门统计",
    "by_level": "按层级统计",
    "total": "合计",
    "page": "第 {page} 页 / 共 {pages} 页",
    # What a job description leaves out (the document keeps all of it).
    "more_characters": "……（另有 {count} 个字符未显示）",
    "more_items": "……（另有 {count} 项未列出）",
}

#: What one job description shows.  A handbook is read by people: a title of
#: 100,000 characters or a position with 10,000 duties made the PDF run for
#: minutes (Qt lays out a table cell many pages long again for every page).
#: Beyond these limits a text is cut and says how much is not shown; the
#: document itself is unchanged.
MAX_NAME_CHARS = 200  # titles and names: headings, table cells, chart boxes, the cover
MAX_TEXT_CHARS = 2_000  # one duty, requirement, KPI, career path or note
MAX_LIST_ITEMS = 100  # duties, requirements, KPIs, direct reports of one position
MAX_LIST_CHARS = 10_000  # all the items of one list together


@dataclass(frozen=True, slots=True)
class PositionSheet:
    """One position's job description, as text ready to lay out."""

    number: str  # "3.2"-style section number
    position_id: PositionId
    title: str
    heading: str  # the title, with its department or superior when the title repeats
    department: str
    headcount: str
    headcount_note: str
    superior: str
    reports: str
    duties: tuple[str, ...]
    requirements: tuple[str, ...]
    kpis: tuple[str, ...]
    career_path: str
    staff: bool
    # "" or what a list leaves out (LABELS["more_items"]), shown after its items.
    duties_omitted: str = ""
    requirements_omitted: str = ""
    kpis_omitted: str = ""


@dataclass(frozen=True, slots=True)
class HandbookContent:
    """The whole handbook: cover, the org chart's scope, the figures and one sheet per position."""

    title: str
    scope: str  # "" for the whole organisation, else the branch's root title
    client: str
    author: str
    date_text: str
    sheets: tuple[PositionSheet, ...]
    analysis: HeadcountAnalysis
    org: Organisation  # the organisation (or branch) the handbook covers

    def section_titles(self) -> list[tuple[str, str]]:
        """(number, title) of every section, for the table of contents."""
        return ([("1", LABELS["chart"]), ("2", LABELS["summary"]), ("3", LABELS["sheets"])]
                + [(s.number, s.heading) for s in self.sheets])


def date_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, U+FFFE/FFFF, lone
# surrogates): a DOCX cannot hold them and no reader wants them in a PDF or page.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def shown(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters and a note of how many more there are."""
    if len(text) <= limit:
        return text
    return text[:limit] + LABELS["more_characters"].format(count=f"{len(text) - limit:,}")


def shown_items(items: Sequence[str], limit: int = MAX_TEXT_CHARS
                ) -> tuple[tuple[str, ...], str]:
    """The items a job description lists (each cut to `limit`) and a note of those left out.

    At most MAX_LIST_ITEMS items and MAX_LIST_CHARS characters together; the
    note is "" when every item is shown.
    """
    kept: list[str] = []
    room = MAX_LIST_CHARS
    for item in items:
        if len(kept) == MAX_LIST_ITEMS or (kept and room <= 0):
            break
        text = shown(item, min(limit, max(room, 1)))
        kept.append(text)
        room -= len(text)
    left = len(items) - len(kept)
    return tuple(kept), (LABELS["more_items"].format(count=f"{left:,}") if left else "")


def _clean(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    return shown(_UNPRINTABLE.sub("", text), limit)


def _name(text: str) -> str:
    return _clean(text, MAX_NAME_CHARS).strip() or "?"


def printable_organisation(org: Organisation) -> Organisation:
    """A copy of `org` whose text every handbook format can carry, in the length it shows.

    Characters no format can hold are dropped, and names and texts are cut to
    MAX_NAME_CHARS and MAX_TEXT_CHARS with a note of what is not shown, so
    the chart, headings and tables of every format show the same text.
    """
    def clean_position(p: Position) -> Position:
        req = p.requirements
        return replace(
            p, title=_name(p.title), level=_clean(p.level, MAX_NAME_CHARS),
            headcount_note=_clean(p.headcount_note), duties=tuple(map(_clean, p.duties)),
            requirements=replace(req, languages=tuple(map(_clean, req.languages)),
                                 skills=tuple(map(_clean, req.skills)), other=_clean(req.other)),
            kpis=tuple(Kpi(_clean(k.name), _clean(k.target)) for k in p.kpis),
            career_path=_clean(p.career_path), notes=_clean(p.notes))

    info = replace(org.info, title=_clean(org.info.title, MAX_NAME_CHARS),
                   client=_clean(org.info.client, MAX_NAME_CHARS),
                   author=_clean(org.info.author, MAX_NAME_CHARS), notes=_clean(org.info.notes))
    departments = [replace(d, name=_name(d.name)) for d in org.departments]
    relations = [replace(r, label=_clean(r.label)) for r in org.relations]
    return Organisation(info, departments, [clean_position(p) for p in org.positions()], relations)


def _reports(titles: list[str]) -> str:
    """直接下属: the titles of the direct reports, the first MAX_LIST_ITEMS of them."""
    if not titles:
        return LABELS["none"]
    shown_titles, omitted = shown_items(titles)
    return "、".join(shown_titles) + omitted


def _headings(org: Organisation) -> dict[PositionId, str]:
    """Section headings: a title used by several positions (four "项目组长") gets
    its department, or its superior's title, so the contents tells them apart."""
    departments = {d.id: d.name for d in org.departments}
    positions = list(org.positions())
    counts = Counter(p.title for p in positions)
    headings = {}
    for position in positions:
        heading = position.title
        if counts[position.title] > 1:
            superior = org.superior(position.id)
            where = (departments[position.department_id] if position.department_id is not None
                     else superior.title if superior is not None else "")
            if where:
                heading += f"（{where}）"
        headings[position.id] = heading
    return headings


def build_content(org: Organisation, day: date, scope: str = "") -> HandbookContent:
    """The handbook of `org` (already cut to a branch when `scope` names one)."""
    departments = {d.id: d.name for d in org.departments}
    headings = _headings(org)
    sheets = []
    for index, position in enumerate(org.positions(), start=1):
        superior = org.superior(position.id)
        reports = org.direct_reports(position.id)
        duties, duties_omitted = shown_items(position.duties)
        requirements, requirements_omitted = shown_items(
            requirement_lines(position.requirements))
        kpis, kpis_omitted = shown_items([kpi_line(k) for k in position.kpis[:MAX_LIST_ITEMS]])
        if len(position.kpis) > MAX_LIST_ITEMS:  # KPI lines are made only for those shown
            kept = len(kpis)
            kpis_omitted = LABELS["more_items"].format(count=f"{len(position.kpis) - kept:,}")
        sheets.append(PositionSheet(
            number=f"3.{index}",
            position_id=position.id,
            title=position.title,
            heading=headings[position.id],
            department=(departments[position.department_id]
                        if position.department_id is not None else LABELS["none"]),
            headcount=headcount_text(position),
            headcount_note=position.headcount_note,
            superior=superior.title if superior is not None else LABELS["none"],
            reports=_reports([r.title + seats_suffix(r) for r in reports]),
            duties=duties,
            requirements=requirements,
            kpis=kpis,
            career_path=position.career_path,
            staff=position.kind is PositionKind.STAFF,
            duties_omitted=duties_omitted,
            requirements_omitted=requirements_omitted,
            kpis_omitted=kpis_omitted,
        ))
    return HandbookContent(
        title=org.info.title or LABELS["handbook"],
        scope=scope,
        client=org.info.client,
        author=org.info.author,
        date_text=date_text(day),
        sheets=tuple(sheets),
        analysis=analyse_headcount(org),
        org=org,
    )
