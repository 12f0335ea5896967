"""A document as a version holds it: orgdesk's own lossless JSON, and back.

A version stores the whole document (info, departments, positions, relations and every
setting) as the JSON `orgdesk export x.json` writes (io/json_format.py), read back by
the same checks as an imported file.  The origin of a pulled file (server without
password, project, version) is a document setting, `team_origin`; it is local to the
copy, so it is never part of what is published or compared.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from orgdesk.analysis.texts import requirement_lines
from orgdesk.core.errors import Sentence
from orgdesk.core.model import DocumentInfo
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.io import json_format
from orgdesk.io.assemble import Assembly, assemble
from orgdesk.io.options import RootPolicy
from orgdesk.io.problems import Problem
from orgdesk.team.errors import LibraryProblem


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a local file came from: the library (no password), project and version."""

    server: str
    project: str
    version: int

    def to_setting(self) -> dict[str, Any]:
        return {"server": self.server, "project": self.project, "version": self.version}


def origin_of(org: Organisation) -> Origin | None:
    """The document's origin, if it was pulled from a library (checked by core/settings.py)."""
    value = org.settings.get(TEAM_ORIGIN_SETTING)
    if not isinstance(value, dict):
        return None
    return Origin(str(value["server"]), str(value["project"]), int(value["version"]))


def without_origin(org: Organisation) -> Organisation:
    """A copy of the document without its local origin (what a version holds)."""
    copy = org.copy()
    copy.settings.pop(TEAM_ORIGIN_SETTING, None)
    return copy


def with_origin(org: Organisation, origin: Origin) -> Organisation:
    copy = org.copy()
    copy.settings[TEAM_ORIGIN_SETTING] = origin.to_setting()
    return copy


def password_free(server: str) -> bool:
    """Whether an address text carries no password (so it may be stored in a document)."""
    try:
        return urlsplit(server).password is None
    except ValueError:
        return False


def document_text(org: Organisation) -> str:
    """The JSON text a version stores (the origin left out)."""
    buffer = io.BytesIO()
    json_format.write_json(without_origin(org), buffer)
    return buffer.getvalue().decode("utf-8")


def document_from_text(text: str, where: str) -> Organisation:
    """The organisation a version's JSON holds, checked like an imported file."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise LibraryProblem(Sentence.of("Version {version} in the library is not readable "
                                         "JSON.", version=where)) from None
    return document_from_dict(data, where)


def document_from_dict(data: Any, where: str) -> Organisation:
    """The organisation of a document's dict form (a version, or a merge result)."""
    label = Path(f"version {where}")
    problems: list[Problem] = []
    data = json_format.load(label, data)
    drafts, extras = json_format.read_json(label, problems, data)
    info = extras.info or DocumentInfo()
    if not drafts and not problems:  # an empty organisation is a document too
        org: Organisation | None = Organisation(info, extras.departments or (),
                                                settings=dict(extras.settings))
    else:
        plan = Assembly("position", True, RootPolicy.FOREST, "", info, extras.departments,
                        extras.relations, dict(extras.settings))
        org = assemble(drafts, plan, problems, [])
    if problems or org is None:
        first = str(problems[0]) if problems else ""
        raise LibraryProblem(Sentence.of("Version {version} in the library cannot be read: "
                                         "{reason}", version=where, reason=first))
    return org


def search_rows(org: Organisation) -> list[dict[str, Any]]:
    """One row per position for the library's search table."""
    names = {d.id: d.name for d in org.departments}
    rows = []
    for position in org.positions():
        department = names.get(position.department_id, "") if position.department_id else ""
        duties = "\n".join(position.duties)
        requirements = "\n".join(requirement_lines(position.requirements))
        title, department, duties, requirements = (
            server_text(t) for t in (position.title, department, duties, requirements))
        rows.append({"position_id": int(position.id), "title": title,
                     "department": department, "duties": duties,
                     "requirements": requirements,
                     "search_text": search_text(title, department, duties, requirements)})
    return rows


def search_text(title: str, department: str, duties: str, requirements: str) -> str:
    """The text search looks in, lowercased so that LIKE (several times faster than ILIKE
    over Chinese text) finds any case; migration 0003 builds the same for older rows."""
    return "\n".join((title, department, duties, requirements)).lower()


def server_text(text: str) -> str:
    """PostgreSQL's text cannot hold NUL, which a document may: the search copy drops it
    (the document itself keeps it, escaped in its JSON)."""
    return text.replace("\x00", "")
