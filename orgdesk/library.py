"""The position library: reusable job descriptions transcribed from the seeds.

`resources/position_library.toml` holds one template per distinct job
description (format: docs/sample-format.md, part 2).  A template becomes a
position with its duties, requirements and KPIs through `to_position`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache

from orgdesk.core.errors import InvalidValueError, Sentence
from orgdesk.core.model import Kpi, Position, PositionId, Requirements
from orgdesk.paths import resources_dir
from orgdesk.samples import kpis_from, requirements_from

LIBRARY_FORMAT = "orgdesk-library/1"


@dataclass(frozen=True, slots=True)
class PositionTemplate:
    key: str
    title: str
    department: str
    level: str
    source: str
    planned_headcount: int
    headcount_note: str
    duties: tuple[str, ...]
    requirements: Requirements
    kpis: tuple[Kpi, ...]
    career_path: str
    notes: str

    def to_position(self, pid: PositionId, superior_id: PositionId | None) -> Position:
        return Position(
            id=pid, title=self.title, superior_id=superior_id, level=self.level,
            planned_headcount=self.planned_headcount, headcount_note=self.headcount_note,
            duties=self.duties, requirements=self.requirements, kpis=self.kpis,
            career_path=self.career_path, notes=self.notes,
        )


@cache
def position_library() -> tuple[PositionTemplate, ...]:
    with open(resources_dir() / "position_library.toml", "rb") as handle:
        data = tomllib.load(handle)
    if data.get("format") != LIBRARY_FORMAT:
        raise InvalidValueError(Sentence.of("The position library's format must be "
                                            "“{format}”.",
                                            format=LIBRARY_FORMAT))
    templates = []
    for item in data.get("templates", []):
        where = f"library template “{item['key']}”"
        templates.append(PositionTemplate(
            key=item["key"], title=item["title"], department=item.get("department", ""),
            level=item.get("level", ""), source=item.get("source", ""),
            planned_headcount=item.get("planned_headcount", 1),
            headcount_note=item.get("headcount_note", ""),
            duties=tuple(item.get("duties", [])),
            requirements=requirements_from(item.get("requirements", {}), where),
            kpis=kpis_from(item.get("kpis", [])),
            career_path=item.get("career_path", ""), notes=item.get("notes", ""),
        ))
    return tuple(templates)


# ------------------------------------------------------------------ browsing
#: The families the library is shown in, in this order (keys; the window names them).
FAMILIES = ("management", "team_leadership", "agents", "quality", "training", "technical",
            "support")

#: Words of a title that put it in a family, tried family by family in this order:
#: the function (quality, training, technical, support) before the rank, so that a
#: 培训经理 is training and a 质检组长 quality.
_FAMILY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("quality", ("质检", "质量", "质控", "质培", "质监", "品质", "qa", "quality")),
    ("training", ("培训", "讲师", "训练", "trainer", "training")),
    ("technical", ("技术", "网管", "系统", "it", "工程师", "technical", "engineer")),
    ("support", ("行政", "数据", "人事", "人力", "市场", "营销", "内勤", "助理", "分析", "财务",
                 "值班", "排班", "调度", "文员", "planner", "analyst", "assistant", "admin")),
    ("team_leadership", ("组长", "督导", "班长", "领班", "小组长", "team leader",
                         "supervisor")),
    ("management", ("总监", "总经理", "经理", "主任", "主管", "负责人", "管理", "director",
                    "manager", "head")),
    ("agents", ("座席", "坐席", "话务", "客服", "接线", "代表", "专员", "回访", "接待", "处理",
                "agent", "operator", "representative")),
)

#: Where a title names the organisation before the job (呼叫中心运营经理 is a 运营经理).
_ORG_PREFIXES = ("呼叫中心", "客服中心", "客户服务中心", "联络中心", "运营中心")
#: How a Chinese job title ends; a title ending otherwise names a function or a group.
_ROLE_ENDINGS = ("员", "师", "长", "经理", "主管", "主任", "总监", "代表", "督导", "助理", "人员",
                 "客服", "内勤", "领班", "负责人", "专家", "顾问", "秘书")
_TEAM_PREFIX = re.compile(r"^(.+?组)(.{2,})$")  # 国税组话务员 → 话务员 (项目组长 stays)
_NOT_A_TITLE = ("岗位", "职位", "岗")


def clean_title(title: str) -> str:
    """The job a library title names, without the organisation or team it came from:
    呼叫中心运营经理 → 运营经理, 国税组话务员 → 话务员, 经理岗 → 经理."""
    text = " ".join(title.split())
    for prefix in _ORG_PREFIXES:
        at = text.find(prefix)
        rest = text[at + len(prefix):] if at >= 0 else ""
        if at >= 0 and len(rest) >= 2 and rest not in _NOT_A_TITLE:
            text = rest
            break
    team = _TEAM_PREFIX.match(text)
    if team and team.group(2) not in _NOT_A_TITLE and not team.group(2).startswith("长"):
        text = team.group(2)
    if text.endswith("岗") and len(text) >= 3:
        text = text[:-1]
    for suffix in ("岗位", "职位", "小组"):  # a group of jobs, not a job: its people
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[:-len(suffix)]
            break
    if not text.endswith(_ROLE_ENDINGS) and not text.isascii():
        text += "人员"  # 培训 → 培训人员, 回访小组 → 回访人员
    return text or title


def family_of(title: str) -> str:
    """The family (one of FAMILIES) a job title belongs to; agents when nothing says."""
    folded = title.casefold()
    for family, words in _FAMILY_WORDS:
        if any(word in folded for word in words):
            return family
    return "agents"


def _duplicate_key(title: str) -> str:
    """Titles that are the same job written differently share a key."""
    return clean_title(title).replace("坐席", "座席").replace("客服代表", "客户代表").casefold()


def fullness(template: PositionTemplate) -> int:
    """How much a description holds: its duties, requirements and KPIs."""
    req = template.requirements
    stated = sum(1 for value in (req.education, req.min_years, req.age_min, req.age_max, req.other)
                 if value not in ("", None))
    return len(template.duties) + len(req.skills) + len(req.languages) + stated \
        + len(template.kpis)


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One job in the library as the window shows it: a clean title, its family and
    the descriptions transcribed for it (the fullest first)."""

    title: str
    family: str
    variants: tuple[PositionTemplate, ...]


@cache
def library_entries() -> tuple[LibraryEntry, ...]:
    """The library without near-duplicates: one entry per job, in family order, then
    by title; each entry keeps every description of that job as a variant."""
    groups: dict[str, list[PositionTemplate]] = {}
    for template in position_library():
        groups.setdefault(_duplicate_key(template.title), []).append(template)
    entries = []
    for templates in groups.values():
        ordered = tuple(sorted(templates, key=lambda t: -fullness(t)))  # stable: file order
        title = clean_title(ordered[0].title)
        entries.append(LibraryEntry(title, family_of(title), ordered))
    return tuple(sorted(entries, key=lambda e: (FAMILIES.index(e.family), e.title)))


# ------------------------------------------------------------------ applying
#: The parts of a description that can be applied to an existing position.
PARTS = ("duties", "requirements", "kpis")


def _merged_texts(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    seen = {text.strip() for text in mine}
    return mine + tuple(text for text in theirs if text.strip() not in seen)


def merged_requirements(mine: Requirements, theirs: Requirements) -> Requirements:
    """The position's own requirements, completed by the template's where it says nothing;
    languages and skills are joined (without repeats)."""
    return replace(
        mine,
        education=mine.education or theirs.education,
        min_years=mine.min_years if mine.min_years is not None else theirs.min_years,
        age_min=mine.age_min if mine.age_min is not None else theirs.age_min,
        age_max=mine.age_max if mine.age_max is not None else theirs.age_max,
        languages=_merged_texts(mine.languages, theirs.languages),
        skills=_merged_texts(mine.skills, theirs.skills),
        other=mine.other or theirs.other,
    )


def applied_fields(position: Position, template: PositionTemplate, merge: bool,
                   parts: frozenset[str] | set[str] = frozenset(PARTS)) -> dict[str, object]:
    """The fields of `position` after applying `template`'s `parts`: replaced by the
    template's, or merged (the position's first, then what the template adds)."""
    fields: dict[str, object] = {}
    if "duties" in parts:
        fields["duties"] = (_merged_texts(position.duties, template.duties) if merge
                            else template.duties)
    if "requirements" in parts:
        fields["requirements"] = (merged_requirements(position.requirements,
                                                      template.requirements)
                                  if merge else template.requirements)
    if "kpis" in parts:
        names = {k.name.strip() for k in position.kpis}
        fields["kpis"] = (position.kpis + tuple(k for k in template.kpis
                                                if k.name.strip() not in names)
                          if merge else template.kpis)
    return fields
