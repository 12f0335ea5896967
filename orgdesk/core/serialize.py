"""Plain-dict forms of the entities (clipboard, JSON interchange, fixtures).

Only JSON types come out (str, int, None, lists, dicts), and `*_from_dict`
validates through the entities' own constructors, so a dict from the
clipboard or a file can never build an invalid position.  A position's dict
is derived from `model.POSITION_FIELDS`, following its attribute paths.
"""
from __future__ import annotations

from typing import Any

from orgdesk.core.errors import InvalidValueError, Sentence, sentence_of
from orgdesk.core.model import (
    POSITION_FIELDS,
    Department,
    DepartmentId,
    FieldKind,
    Kpi,
    Position,
    PositionField,
    PositionId,
    Requirements,
    position_from_values,
)

# The dict form follows the entities' attribute paths: {"title": …, "requirements":
# {"education": …, "other": …}, "kpis": [{"name": …, "target": …}], …}.


def _to_json(spec: PositionField, value: Any) -> Any:
    kind = spec.kind
    if kind in (FieldKind.ID, FieldKind.REFERENCE):
        return None if value is None else int(value)
    if kind is FieldKind.CHOICE:
        return value.value
    if kind is FieldKind.TEXTS:
        return list(value)
    if kind is FieldKind.KPIS:
        return [{"name": k.name, "target": k.target} for k in value]
    return value


def _from_json(spec: PositionField, value: Any) -> Any:
    kind = spec.kind
    if kind is FieldKind.ID:
        return PositionId(int(value))
    if kind is FieldKind.REFERENCE:
        return None if value is None else int(value)
    if kind is FieldKind.INTEGER:
        return int(value)
    if kind is FieldKind.OPTIONAL_INTEGER:
        return _int_or_none(value)
    if kind is FieldKind.CHOICE:
        assert spec.choices is not None
        return spec.choices(value)
    if kind is FieldKind.TEXTS:
        return _texts(value)
    if kind is FieldKind.KPIS:
        return kpis_from_list(value)
    return _text(value)


def _to_dict(fields: tuple[PositionField, ...], position: Position, depth: int
             ) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for spec in fields:
        target = data
        for name in spec.path[depth:-1]:
            target = target.setdefault(name, {})
        target[spec.path[-1]] = _to_json(spec, spec.value_of(position))
    return data


def _values(fields: tuple[PositionField, ...], data: dict[str, Any], depth: int
            ) -> dict[str, Any]:
    """Flat values of the fields `data` holds; required ones must be there (KeyError)."""
    values: dict[str, Any] = {}
    for spec in fields:
        source = data
        for name in spec.path[depth:-1]:
            source = source.get(name, {})
            if not isinstance(source, dict):
                raise InvalidValueError(Sentence.of("“{name}” must be a table of values.",
                                                    name=name))
        if spec.path[-1] in source:
            values[spec.key] = _from_json(spec, source[spec.path[-1]])
        elif spec.required:
            raise KeyError(spec.path[-1])
    return values


_REQUIREMENT_FIELDS = tuple(f for f in POSITION_FIELDS if f.path[0] == "requirements")


def dict_keys(group: str = "") -> set[str]:
    """The keys of a position's dict form (or of one group in it, e.g. "requirements")."""
    if group:
        return {f.path[1] for f in POSITION_FIELDS if f.path[0] == group}
    return {f.path[0] for f in POSITION_FIELDS}


def requirements_from_dict(data: dict[str, Any]) -> Requirements:
    values = _values(_REQUIREMENT_FIELDS, {"requirements": data}, 0)
    return Requirements(**{f.path[1]: values[f.key] for f in _REQUIREMENT_FIELDS
                           if f.key in values})


def kpis_from_list(items: Any) -> tuple[Kpi, ...]:
    if not isinstance(items, list):
        raise InvalidValueError("Expected a list of KPIs.")
    return tuple(Kpi(_text(k["name"]), _text(k.get("target", ""))) for k in items)


def position_to_dict(position: Position) -> dict[str, Any]:
    return _to_dict(POSITION_FIELDS, position, 0)


def position_from_dict(data: dict[str, Any]) -> Position:
    try:
        return position_from_values(_values(POSITION_FIELDS, data, 0))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InvalidValueError(Sentence.of("A position record is incomplete or malformed "
                                            "({reason}).", reason=sentence_of(exc))) from None


def department_to_dict(department: Department) -> dict[str, Any]:
    return {"id": int(department.id), "name": department.name, "colour": department.colour,
            "order": department.order}


def department_from_dict(data: dict[str, Any]) -> Department:
    try:
        return Department(DepartmentId(int(data["id"])), _text(data["name"]),
                          _text(data.get("colour", "#D9E2F3")), int(data.get("order", 0)))
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidValueError(Sentence.of("A department record is incomplete or malformed "
                                            "({reason}).", reason=sentence_of(exc))) from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(Sentence.of("Expected text, found {type}.",
                                            type=type(value).__name__))
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InvalidValueError("Expected a list of texts.")
    return tuple(_text(v) for v in value)


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)
