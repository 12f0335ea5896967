"""The position library: reusable job descriptions transcribed from the seeds.

`resources/position_library.toml` holds one template per distinct job
description (format: docs/sample-format.md, part 2).  A template becomes a
position with its duties, requirements and KPIs through `to_position`.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
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
