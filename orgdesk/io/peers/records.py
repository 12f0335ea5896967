"""What every peer layout needs from a position: its fields as plain values.

The peers differ in their wrapper and in the names of the few keys that place
a node (`id`/`parentId`, `key`/`parent`, `Unique_ID`/`Reports_To` …); every
other field travels under orgdesk's own field key (`duties`, `min_years`,
`source_id`, `holders` …), which orgdesk's importers recognise on the way back.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from orgdesk.core.model import CONTENT_FIELDS, FieldKind, Kpi, Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import cell_text

#: The content fields each layout writes under its own key: all but the title and the
#: headcounts, which every layout names its own way (and the department, by name).
OWN_KEYS = ("title", "planned_headcount", "filled_headcount")
OTHER_FIELDS = tuple(f for f in CONTENT_FIELDS if f.key not in OWN_KEYS)


def json_value(kind: FieldKind, value: object) -> Any:
    """A field's value as JSON data: lists stay lists, KPIs become objects."""
    if kind is FieldKind.CHOICE:
        return value.value  # type: ignore[attr-defined]  # a CHOICE field holds an Enum member
    if kind is FieldKind.TEXTS:
        return list(value)  # type: ignore[call-overload]  # a TEXTS field holds a tuple of str
    if kind is FieldKind.KPIS:
        return [_kpi(k) for k in value]  # type: ignore[attr-defined]  # a KPIS field holds Kpis
    return value


def _kpi(kpi: Kpi) -> dict[str, str]:
    return {"name": kpi.name, "target": kpi.target} if kpi.target else {"name": kpi.name}


def text_value(kind: FieldKind, value: object) -> str:
    """A field's value as one table cell: list items one per line, “name：target” KPIs."""
    if kind is FieldKind.CHOICE:
        return str(value.value)  # type: ignore[attr-defined]  # a CHOICE field holds an Enum member
    if kind is FieldKind.TEXTS:
        return "\n".join(value)  # type: ignore[arg-type]  # a TEXTS field holds a tuple of str
    if kind is FieldKind.KPIS:
        return "\n".join(f"{k.name}：{k.target}" if k.target else k.name
                         for k in value)  # type: ignore[attr-defined]  # a KPIS field holds Kpis
    return cell_text(value)


def other_json(position: Position) -> dict[str, Any]:
    """Every field but the placing ones and OWN_KEYS, by key, as JSON data."""
    return {f.key: json_value(f.kind, f.value_of(position)) for f in OTHER_FIELDS}


def other_text(position: Position) -> list[str]:
    """The same fields as table cells, in OTHER_FIELDS order."""
    return [text_value(f.kind, f.value_of(position)) for f in OTHER_FIELDS]


def display_name(position: Position) -> str:
    """The peers' `name` is a person's: the people in the seats, "" for a vacant seat.

    Never the title: a name column makes orgdesk's import (and HR tools) read each
    row as a person, so a title there would come back as someone's name.
    """
    return ", ".join(position.holders)


class Lookup:
    """Department names and colours and dotted lines of one organisation, looked up once."""

    def __init__(self, org: Organisation) -> None:
        self.org = org
        self.department_names = {d.id: d.name for d in org.departments}
        self.colours = {d.id: d.colour for d in org.departments}
        self.relations: dict[PositionId, list[PositionId]] = {}
        for relation in org.relations:
            self.relations.setdefault(relation.source_id, []).append(relation.target_id)

    def department(self, position: Position) -> str:
        did = position.department_id
        return self.department_names.get(did, "") if did is not None else ""

    def colour(self, position: Position, default: str = "#FFFFFF") -> str:
        did = position.department_id
        return self.colours.get(did, default) if did is not None else default

    def positions(self) -> Iterator[Position]:
        """Tree order: every superior before its reports (what streaming readers need)."""
        return self.org.positions()
