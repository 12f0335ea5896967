"""Plain-dict forms of the entities (clipboard, JSON interchange, fixtures).

Only JSON types come out (str, int, None, lists, dicts), and `*_from_dict`
validates through the entities' own constructors, so a dict from the
clipboard or a file can never build an invalid position.
"""
from __future__ import annotations

from typing import Any

from orgdesk.core.errors import InvalidValueError
from orgdesk.core.model import (
    Department,
    DepartmentId,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Requirements,
)


def requirements_to_dict(req: Requirements) -> dict[str, Any]:
    return {"education": req.education, "min_years": req.min_years, "age_min": req.age_min,
            "age_max": req.age_max, "languages": list(req.languages), "skills": list(req.skills),
            "other": req.other}


def requirements_from_dict(data: dict[str, Any]) -> Requirements:
    return Requirements(
        education=_text(data.get("education", "")), min_years=_int_or_none(data.get("min_years")),
        age_min=_int_or_none(data.get("age_min")), age_max=_int_or_none(data.get("age_max")),
        languages=_texts(data.get("languages", [])), skills=_texts(data.get("skills", [])),
        other=_text(data.get("other", "")))


def position_to_dict(position: Position) -> dict[str, Any]:
    return {
        "id": int(position.id), "title": position.title,
        "superior_id": None if position.superior_id is None else int(position.superior_id),
        "order": position.order,
        "department_id": None if position.department_id is None else int(position.department_id),
        "kind": position.kind.value, "level": position.level,
        "planned_headcount": position.planned_headcount,
        "headcount_note": position.headcount_note,
        "filled_headcount": position.filled_headcount, "duties": list(position.duties),
        "requirements": requirements_to_dict(position.requirements),
        "kpis": [{"name": k.name, "target": k.target} for k in position.kpis],
        "career_path": position.career_path, "notes": position.notes,
    }


def position_from_dict(data: dict[str, Any]) -> Position:
    try:
        return Position(
            id=PositionId(int(data["id"])), title=_text(data["title"]),
            superior_id=None if data.get("superior_id") is None
            else PositionId(int(data["superior_id"])),
            order=int(data.get("order", 0)),
            department_id=None if data.get("department_id") is None
            else DepartmentId(int(data["department_id"])),
            kind=PositionKind(data.get("kind", "line")), level=_text(data.get("level", "")),
            planned_headcount=int(data.get("planned_headcount", 1)),
            headcount_note=_text(data.get("headcount_note", "")),
            filled_headcount=int(data.get("filled_headcount", 0)),
            duties=_texts(data.get("duties", [])),
            requirements=requirements_from_dict(data.get("requirements", {})),
            kpis=tuple(Kpi(_text(k["name"]), _text(k.get("target", "")))
                       for k in data.get("kpis", [])),
            career_path=_text(data.get("career_path", "")), notes=_text(data.get("notes", "")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidValueError(f"A position record is incomplete or malformed ({exc}).") from None


def department_to_dict(department: Department) -> dict[str, Any]:
    return {"id": int(department.id), "name": department.name, "colour": department.colour,
            "order": department.order}


def department_from_dict(data: dict[str, Any]) -> Department:
    try:
        return Department(DepartmentId(int(data["id"])), _text(data["name"]),
                          _text(data.get("colour", "#D9E2F3")), int(data.get("order", 0)))
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidValueError(f"A department record is incomplete or malformed ({exc}).") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(f"Expected text, found {type(value).__name__}.")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InvalidValueError("Expected a list of texts.")
    return tuple(_text(v) for v in value)


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)
