"""Bundled sample organisations: their TOML source form and the built files.

Each `sample_orgs/<slug>.toml` is the reviewed, diffable source of a sample
(format in docs/sample-format.md); `python -m orgdesk.samples build` writes
`sample_orgs/<slug>.orgdesk` from it, and `check` (run by the tests) proves
every built file holds exactly what its source says.
"""
from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from orgdesk.core.errors import InvalidValueError, Sentence, UserError, sentence_of
from orgdesk.core.model import (
    PLACE_KEYS,
    Department,
    DepartmentId,
    DocumentInfo,
    Kpi,
    PositionId,
    Relation,
    RelationId,
    RelationKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.core.serialize import (
    dict_keys,
    kpis_from_list,
    position_from_dict,
    requirements_from_dict,
)
from orgdesk.paths import sample_orgs_dir

SAMPLE_FORMAT = "orgdesk-sample/1"
#: Samples carry a fixed date so a rebuild is identical to the committed file.
SAMPLE_DATE = datetime(2026, 1, 1, tzinfo=UTC)

#: A sample names a position's place by keys; its other fields are the dict form's
#: (core.serialize), so a new position field is readable here without an edit.
_PLACE_KEYS = {"key", "department", "reports_to"}
_POSITION_KEYS = _PLACE_KEYS | (dict_keys() - set(PLACE_KEYS))


@dataclass(frozen=True)
class Sample:
    slug: str
    source: Path
    title: str

    @property
    def built(self) -> Path:
        return self.source.with_suffix(".orgdesk")


def requirements_from(table: dict[str, Any], where: str) -> Requirements:
    unknown = set(table) - dict_keys("requirements")
    if unknown:
        raise InvalidValueError(Sentence.of("{where}: unknown requirement fields {names}.",
                                            where=where, names=", ".join(sorted(unknown))))
    try:
        return requirements_from_dict(table)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidValueError(Sentence.of("{where}: {reason}", where=where,
                                                reason=sentence_of(exc))) from None


def kpis_from(items: list[dict[str, Any]]) -> tuple[Kpi, ...]:
    return kpis_from_list(items)


def organisation_from_toml(data: dict[str, Any], name: str = "sample") -> Organisation:
    """Build an Organisation from a parsed sample file; ids follow file order."""
    if data.get("format") != SAMPLE_FORMAT:
        raise InvalidValueError(Sentence.of("{name}: format must be “{format}”.",
                                            name=name, format=SAMPLE_FORMAT))
    doc = data.get("document", {})
    info = DocumentInfo(doc.get("title", ""), doc.get("client", ""), doc.get("author", ""),
                        doc.get("notes", ""), SAMPLE_DATE, SAMPLE_DATE)
    departments: dict[str, Department] = {}
    for order, item in enumerate(data.get("departments", [])):
        departments[item["key"]] = Department(DepartmentId(order + 1), item["name"],
                                              item.get("colour", "#D9E2F3"), order)
    table = data.get("positions", [])
    ids: dict[str, PositionId] = {}
    for index, item in enumerate(table):
        if item["key"] in ids:
            raise InvalidValueError(Sentence.of("{name}: position key “{key}” appears twice.",
                                                name=name, key=item["key"]))
        ids[item["key"]] = PositionId(index + 1)
    order_under: dict[PositionId | None, int] = {}
    positions = []
    for item in table:
        where = f"{name}: position “{item['key']}”"
        unknown = set(item) - _POSITION_KEYS
        if unknown:
            raise InvalidValueError(Sentence.of("{where}: unknown fields {names}.",
                                                where=where, names=", ".join(sorted(unknown))))
        superior = ids[item["reports_to"]] if item.get("reports_to") else None
        order = order_under.get(superior, 0)
        order_under[superior] = order + 1
        department = item.get("department")
        if department and department not in departments:
            raise InvalidValueError(Sentence.of("{where}: unknown department “{department}”.",
                                                where=where, department=department))
        unknown = set(item.get("requirements", {})) - dict_keys("requirements")
        if unknown:
            raise InvalidValueError(Sentence.of("{where}: unknown requirement fields {names}.",
                                                where=where, names=", ".join(sorted(unknown))))
        content = {k: v for k, v in item.items() if k not in _PLACE_KEYS}
        try:
            positions.append(position_from_dict({
                **content, "id": ids[item["key"]], "superior_id": superior, "order": order,
                "department_id": departments[department].id if department else None}))
        except InvalidValueError as exc:
            raise InvalidValueError(Sentence.of("{where}: {reason}", where=where,
                                                reason=sentence_of(exc))) from None
    relations = [
        Relation(RelationId(i + 1), ids[r["from"]], ids[r["to"]],
                 RelationKind(r.get("kind", "dotted")), r.get("label", ""))
        for i, r in enumerate(data.get("relations", []))
    ]
    return Organisation(info, departments.values(), positions, relations)


def load_sample_source(path: Path) -> Organisation:
    with open(path, "rb") as handle:
        return organisation_from_toml(tomllib.load(handle), path.name)


def samples() -> list[Sample]:
    """The bundled samples, by slug."""
    found = []
    for source in sorted(sample_orgs_dir().glob("*.toml")):
        with open(source, "rb") as handle:
            title = tomllib.load(handle).get("document", {}).get("title", source.stem)
        found.append(Sample(source.stem, source, title))
    return found


def find_sample(name: str) -> Sample:
    for sample in samples():
        if name in (sample.slug, sample.title):
            return sample
    known = ", ".join(s.slug for s in samples())
    raise UserError(Sentence.of("There is no sample organisation called “{name}”; choose one "
                                "of: {known}.", name=name, known=known))


def template_organisation(name: str) -> Organisation:
    """A fresh organisation from a sample, dated now (for `orgdesk new --template`)."""
    org = load_sample_source(find_sample(name).source)
    org.info = DocumentInfo(org.info.title, org.info.client, org.info.author, org.info.notes)
    return org


def build(sample: Sample) -> None:
    from orgdesk.storage.document import create_file

    tmp = sample.built.with_name(sample.built.stem + ".building.orgdesk")
    create_file(tmp, load_sample_source(sample.source), touch_modified=False)
    tmp.replace(sample.built)


def stale_samples() -> list[str]:
    """Samples whose built .orgdesk is missing or differs from its TOML source."""
    from orgdesk.storage.reading import read_organisation

    stale = []
    for sample in samples():
        if not sample.built.is_file():
            stale.append(f"{sample.slug}: {sample.built.name} is missing")
        elif (read_organisation(sample.built).snapshot()
              != load_sample_source(sample.source).snapshot()):
            stale.append(f"{sample.slug}: {sample.built.name} differs from {sample.source.name}")
    return stale


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "build"
    if command == "build":
        for sample in samples():
            build(sample)
            print(f"built {sample.built}")
        return 0
    if command == "check":
        stale = stale_samples()
        for line in stale:
            print(line, file=sys.stderr)
        return 1 if stale else 0
    print("usage: python -m orgdesk.samples [build|check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
