"""The words the handbook adds to the document's own text, in the handbook's language.

A handbook is a deliverable: its language is its own choice (`--lang`, the
dialog), by default the language of the document's content, never the
interface's.  A Chinese 岗位说明书 must not carry one English word that the
user did not write, so every label, unit and date format lives here as a
table per language rather than in Qt's translations.
"""
from __future__ import annotations

from datetime import date

from orgdesk.analysis import texts as chinese_texts
from orgdesk.core.model import Kpi, Requirements
from orgdesk.layout.words import Language, date_words

CHINESE: dict[str, str] = {
    "handbook": "岗位说明书",
    "client": "客户",
    "author": "编制",
    "date": "日期",
    "version": "版本",
    "contents": "目录",
    "back": "返回目录",
    "chart": "组织结构图",
    "overview": "总览",
    "branch_of": "{title} 分支",
    "part": "（{part}/{parts}）",
    "summary": "人员编制汇总",
    "sheets": "岗位说明",
    "title": "职位名称",
    "department": "所属部门",
    "headcount": "职位定员",
    "superior": "直接上级",
    "reports": "直接下属",
    "appears": "所在位置",
    "places": "（共 {count} 处）",
    "duties": "岗位职责",
    "requirements": "任职要求",
    "kpis": "关键绩效指标",
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
    "over": "超编",
    "level": "层级",
    "level_n": "第{level}层",
    "by_department": "按部门统计",
    "by_level": "按层级统计",
    "total": "合计",
    "page": "第 {page} 页 / 共 {pages} 页",
    "list_separator": "、",
    "open": "（",
    "close": "）",
    "colon": "：",
    "gap": "　",  # between a section number and its title
    # What a job description leaves out (the document keeps all of it).
    "more_characters": "……（另有 {count} 个字符未显示）",
    "more_items": "……（另有 {count} 项未列出）",
}

ENGLISH: dict[str, str] = {
    "handbook": "Job Descriptions",
    "client": "Client",
    "author": "Prepared by",
    "date": "Date",
    "version": "Version",
    "contents": "Contents",
    "back": "Back to contents",
    "chart": "Organisation chart",
    "overview": "Overview",
    "branch_of": "Branch: {title}",
    "part": " ({part} of {parts})",
    "summary": "Headcount summary",
    "sheets": "Job descriptions",
    "title": "Position",
    "department": "Department",
    "headcount": "Headcount",
    "superior": "Reports to",
    "reports": "Direct reports",
    "appears": "Appears under",
    "places": " ({count} places)",
    "duties": "Duties",
    "requirements": "Requirements",
    "kpis": "KPIs",
    "career": "Career path",
    "none": "None",
    "to_fill": "To be completed",
    "staff": "(staff position)",
    "no_department": "No department",
    "branch": "Scope",
    "positions": "Positions",
    "planned": "Planned",
    "filled": "Filled",
    "vacancies": "Vacant",
    "over": "Over",
    "level": "Level",
    "level_n": "Level {level}",
    "by_department": "By department",
    "by_level": "By level",
    "total": "Total",
    "page": "Page {page} of {pages}",
    "list_separator": ", ",
    "open": " (",
    "close": ")",
    "colon": ": ",
    "gap": " ",
    "more_characters": "… ({count} more characters not shown)",
    "more_items": "… ({count} more not listed)",
}

LABELS_BY_LANGUAGE: dict[Language, dict[str, str]] = {"zh": CHINESE, "en": ENGLISH}

def labels_for(lang: Language) -> dict[str, str]:
    return LABELS_BY_LANGUAGE[lang]


def date_text(day: date, lang: Language = "zh") -> str:
    return date_words(lang, day)


def headcount_text(planned: int, filled: int, lang: Language) -> str:
    """职位定员 as the seeds write it ("1人"), then the filled seats and vacancies."""
    vacancies = max(planned - filled, 0)
    over = max(filled - planned, 0)  # 超编: said as such, never as "0 vacant"
    if lang == "zh":
        text = f"{planned}人"
        if filled or planned:
            text += (f"（在岗{filled}人，超编{over}人）" if over
                     else f"（在岗{filled}人，空缺{vacancies}人）")
        return text
    text = f"{planned} {'seat' if planned == 1 else 'seats'}"
    if filled or planned:
        text += (f" ({filled} filled, {over} over)" if over
                 else f" ({filled} filled, {vacancies} vacant)")
    return text


def requirement_lines(req: Requirements, lang: Language) -> list[str]:
    """任职要求 as labelled lines; the Chinese ones are the comparison's own."""
    if lang == "zh":
        return chinese_texts.requirement_lines(req)
    lines = []
    if req.education:
        lines.append(f"Education: {req.education}")
    if req.min_years is not None:
        lines.append("Experience: any" if req.min_years == 0
                     else f"Experience: {req.min_years}+ years")
    if req.age_min is not None and req.age_max is not None:
        lines.append(f"Age: {req.age_min}–{req.age_max}")
    elif req.age_min is not None:
        lines.append(f"Age: {req.age_min} or over")
    elif req.age_max is not None:
        lines.append(f"Age: {req.age_max} or under")
    if req.languages:
        lines.append("Languages: " + "; ".join(req.languages))
    if len(req.skills) == 1:
        lines.append(f"Skills: {req.skills[0]}")
    elif req.skills:
        lines.append("Skills:")
        lines.extend(f"• {skill}" for skill in req.skills)
    if req.other:
        lines.append(f"Other: {req.other}")
    return lines


def kpi_line(kpi: Kpi, lang: Language) -> str:
    if lang == "zh":
        return chinese_texts.kpi_line(kpi)
    return f"{kpi.name} (target: {kpi.target})" if kpi.target else kpi.name
