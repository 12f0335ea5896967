"""A document as a version holds it: orgdesk's own lossless JSON, and back.

A version stores the whole document (info, departments, positions, relations and every
setting) as the JSON `orgdesk export x.json` writes (io/json_format.py), read back by
the same checks as an imported file.  The origin of a pulled file (server without
password, project, version) is a document setting, `team_origin`; it is local to the
copy, so it is never part of what is published or compared.

A document of several scenarios (file format 4) is that JSON of its OPEN scenario
with one more key, "scenarios": every scenario in its order, `{"name", "open": true}`
for the open one (the top level) and `{"name", "document": {…}, "shares_open": true}`
— the same lossless JSON — for each other, where a position the open scenario has alike
(same fields, department of the same name) is its id alone in the positions list: it is
encoded, stored and read once (versions written before `shares_open` have every
position in full and read as they did).  So the version's positions, title, search
rows, the log's count and a comparison are the open scenario's, an older orgdesk
reading the version gets the open scenario, and versions published before scenarios (no key) are one
scenario, named as a new file's.  A document of one scenario with the default name
is stored without the key, byte for byte as before.  Each scenario carries its own
settings, so the origin is set in (and left out of) every scenario.
"""
from __future__ import annotations

import hashlib
import io
import itertools
import json
import sys
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from orgdesk.analysis.texts import requirement_lines
from orgdesk.core.errors import Sentence
from orgdesk.core.model import DocumentInfo, Position
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.io import json_format
from orgdesk.io.assemble import Assembly, assemble
from orgdesk.io.drafts import Draft
from orgdesk.io.options import RootPolicy
from orgdesk.io.problems import MalformedFile, Problem
from orgdesk.storage.scenario_table import DEFAULT_NAME, MAX_NAME_LENGTH
from orgdesk.team.errors import LibraryProblem

#: The version JSON's key listing a document's scenarios (see the module docstring).
SCENARIOS_KEY = "scenarios"
#: Set in a scenario's entry whose positions list gives those the open scenario has alike
#: by their id alone (see the module docstring).
SHARES_KEY = "shares_open"


@dataclass(frozen=True, slots=True)
class Scenario:
    """One scenario of a document: its name, organisation, and whether it is the open one."""

    name: str
    org: Organisation
    open: bool = False


@dataclass(frozen=True, slots=True)
class TeamDocument:
    """A whole document as a version holds it: its scenarios in order, exactly one open."""

    scenarios: tuple[Scenario, ...]

    @classmethod
    def single(cls, org: Organisation) -> TeamDocument:
        return cls((Scenario(DEFAULT_NAME, org, True),))

    @classmethod
    def of(cls, document: Organisation | TeamDocument) -> TeamDocument:
        return document if isinstance(document, TeamDocument) else cls.single(document)

    @property
    def org(self) -> Organisation:
        """The open scenario's organisation."""
        return next(s.org for s in self.scenarios if s.open)

    @property
    def plain(self) -> bool:
        """One scenario with the default name: stored (and merged) as before scenarios."""
        return len(self.scenarios) == 1 and self.scenarios[0].name == DEFAULT_NAME

    def mapped(self, change: Callable[[Organisation], Organisation]) -> TeamDocument:
        return TeamDocument(tuple(Scenario(s.name, change(s.org), s.open)
                                  for s in self.scenarios))

    def layout(self) -> list[tuple[str, Organisation | None]]:
        """The scenarios as `storage.document.create_file` takes them (None: the open one)."""
        return [(s.name, None if s.open else s.org) for s in self.scenarios]


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


def document_origin(document: TeamDocument) -> Origin | None:
    """The document's origin: the open scenario's, else that of the first scenario with one
    (a scenario opened after the window published has none of its own)."""
    ordered = sorted(document.scenarios, key=lambda s: not s.open)
    return next((o for o in map(origin_of, (s.org for s in ordered)) if o is not None), None)


def document_with_origin(document: TeamDocument, origin: Origin) -> TeamDocument:
    return document.mapped(lambda org: with_origin(org, origin))


def read_document(path: Path) -> TeamDocument:
    """Every scenario of an .orgdesk file, read without opening it for editing."""
    from orgdesk.storage import intake
    from orgdesk.storage.reading import SCENARIO, read_organisation
    from orgdesk.storage.scenario_table import SCENARIOS_FORMAT
    from orgdesk.storage.scenarios import list_scenarios, load_snapshot, stored_snapshot

    token = SCENARIO.set(None)  # the open scenario, whatever --scenario a command names
    try:
        org = read_organisation(path)  # validates the file (checksum, schema, rows)
    finally:
        SCENARIO.reset(token)

    def scenarios(conn: Any, version: int) -> TeamDocument:
        if version < SCENARIOS_FORMAT:
            return TeamDocument.single(org)
        return TeamDocument(tuple(
            Scenario(s.name, org if s.active else load_snapshot(
                stored_snapshot(conn, s.id), org.info, path).org, s.active)
            for s in list_scenarios(conn, path)))

    return intake.read_validated(path, scenarios)


def write_document(path: Path, document: TeamDocument) -> None:
    """Write `document` as a new .orgdesk file with every scenario (atomically)."""
    from orgdesk.storage.document import create_file

    create_file(path, document.org, touch_modified=False,
                scenarios=None if document.plain else document.layout())


def password_free(server: str) -> bool:
    """Whether an address text carries no password (so it may be stored in a document)."""
    try:
        return urlsplit(server).password is None
    except ValueError:
        return False


def document_text(document: Organisation | TeamDocument) -> str:
    """The JSON text a version stores (the origin left out of every scenario)."""
    document = TeamDocument.of(document)
    buffer = io.BytesIO()
    json_format.write_json(without_origin(document.org), buffer)
    text = buffer.getvalue().decode("utf-8")
    if document.plain:
        return text
    opened = document.org
    listed = [{"name": s.name, "open": True} if s.open else
              {"name": s.name, "document": _sharing_dict(without_origin(s.org), opened),
               SHARES_KEY: True}
              for s in document.scenarios]
    encoded = json.JSONEncoder(ensure_ascii=False).encode(listed)
    # The open scenario's text as written, with the list as its last key.
    return text.rstrip().removesuffix("}") + f',\n"{SCENARIOS_KEY}": {encoded}}}\n'


class _Changed:
    """An organisation seen with only some of its positions (for json_format.document_dict)."""

    def __init__(self, org: Organisation, positions: list[Position]) -> None:
        self.info, self.departments, self.relations = org.info, org.departments, org.relations
        self.settings = org.settings
        self._positions = positions

    def positions(self) -> list[Position]:
        return self._positions


def _sharing_dict(org: Organisation, opened: Organisation) -> dict[str, Any]:
    """`org`'s dict form with each position the open scenario has alike (the same fields,
    in a department of the same name) given by its id alone: a scenario usually changes
    a few positions of many, and those are then encoded, stored and read back once."""
    open_positions = {p.id: p for p in opened.positions()}
    open_names = {d.id: d.name for d in opened.departments}
    names = {d.id: d.name for d in org.departments}
    listed: list[int | None] = []
    changed: list[Position] = []
    for position in org.positions():
        same = open_positions.get(position.id)
        department = position.department_id
        if same is not None and (same is position or same == position) and (
                department is None or names.get(department) == open_names.get(department)):
            listed.append(int(position.id))
        else:
            listed.append(None)
            changed.append(position)
    data = json_format.document_dict(cast(Organisation, _Changed(org, changed)))
    written = iter(data["positions"])
    data["positions"] = [next(written) if ident is None else ident for ident in listed]
    return data


def _parsed(text: str, where: str) -> Any:
    """A version's JSON text parsed; a sentence when it is not JSON."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise LibraryProblem(Sentence.of("Version {version} in the library is not readable "
                                         "JSON.", version=where)) from None


def team_document_from_text(text: str, where: str) -> TeamDocument:
    """Every scenario a version's JSON holds, each checked like an imported file."""
    data = _parsed(text, where)
    listed = data.pop(SCENARIOS_KEY, None) if isinstance(data, dict) else None
    open_drafts: dict[str, Draft] = {}
    org = document_from_dict(data, where, keep=open_drafts)
    if listed is None:
        return TeamDocument.single(org)
    return TeamDocument(tuple(_scenarios(listed, org, where, open_drafts)))


def _scenarios(listed: Any, org: Organisation, where: str, open_drafts: dict[str, Draft]
               ) -> list[Scenario]:
    problem = LibraryProblem(Sentence.of("Version {version} in the library has a list of "
                                         "scenarios orgdesk cannot read.", version=where))
    if not isinstance(listed, Sequence) or isinstance(listed, str) or not listed:
        raise problem
    found: list[Scenario] = []
    names: set[str] = set()
    for entry in listed:
        name = entry.get("name") if isinstance(entry, dict) else None
        if not (isinstance(name, str) and 0 < len(name) <= MAX_NAME_LENGTH
                and name == name.strip() and name.casefold() not in names
                and not any(unicodedata.category(ch)[0] == "C" for ch in name)):
            raise problem
        names.add(name.casefold())
        if entry.get("open") is True:
            found.append(Scenario(name, org, True))
        elif "document" in entry:
            shared = None
            if entry.get(SHARES_KEY) is True:
                shared = _shared_positions(entry["document"], open_drafts)
                if shared is None:
                    raise problem
            other = document_from_dict(entry["document"], f"{where} ({name})", shared=shared)
            other.info = org.info  # the document's info is shared by its scenarios
            found.append(Scenario(name, other))
        else:
            raise problem
    if sum(1 for s in found if s.open) != 1:
        raise problem
    return found


def document_from_text(text: str, where: str) -> Organisation:
    """The organisation a version's JSON holds, checked like an imported file."""
    data = _parsed(text, where)
    if isinstance(data, dict):
        data.pop(SCENARIOS_KEY, None)  # the open scenario is the top level
    return document_from_dict(data, where)


def _shared_positions(document: Any, open_drafts: dict[str, Draft]
                      ) -> list[Draft | None] | None:
    """The open scenario's drafts a sharing scenario names by id, in its order (None where
    it has a position of its own), its own left in `document`; None if unreadable."""
    positions = document.get("positions") if isinstance(document, dict) else None
    if not isinstance(positions, list):
        return None
    order: list[Draft | None] = []
    own = []
    for entry in positions:
        if type(entry) is int:
            draft = open_drafts.get(str(entry))
            if draft is None:
                return None
            order.append(draft)
        else:
            order.append(None)
            own.append(entry)
    document["positions"] = own
    return order


def document_from_dict(data: Any, where: str, *, keep: dict[str, Draft] | None = None,
                       shared: list[Draft | None] | None = None) -> Organisation:
    """The organisation of a document's dict form (a version, or a merge result).

    `keep` receives the positions' drafts by id (for scenarios sharing them); `shared`
    lists the drafts a scenario shares, in its order, None where its own come.
    """
    label = Path(f"version {where}")
    problems: list[Problem] = []
    try:
        data = json_format.load(label, data)
        drafts, extras = json_format.read_json(label, problems, data)
        if shared is not None and not problems:
            own = iter(drafts)
            drafts = [next(own) if draft is None else draft for draft in shared]
        if keep is not None:
            keep.update((draft.key, draft) for draft in drafts)
    except MalformedFile as exc:  # not orgdesk's JSON, or a newer one
        raise LibraryProblem(Sentence.of("Version {version} in the library cannot be read: "
                                         "{reason}", version=where, reason=str(exc))) from None
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


def text_digest(row: dict[str, Any]) -> bytes:
    """What identifies a position's text within its project (migration 0004 computes the
    same in SQL): md5 of each field's length, a colon and the field, in order."""
    joined = "".join(f"{len(row[name])}:{row[name]}"
                     for name in ("title", "department", "duties", "requirements"))
    return hashlib.md5(joined.encode("utf-8")).digest()


def bigrams(text: str) -> list[int]:
    """The distinct two-character pieces of `text` as the integer keys the library's search
    index holds (migration 0004 computes the same in SQL): the two characters' code points
    modulo 65,536, the first in the high 16 bits, read as a signed 32-bit integer."""
    if len(text) < 2:
        return []
    data = text.encode("utf-16-be")
    if len(data) != 2 * len(text):  # characters beyond 65,535: one by one
        codes = [ord(ch) & 0xFFFF for ch in text]
        keys = {a << 16 | b for a, b in itertools.pairwise(codes)}
        return [key - (1 << 32) if key >= 1 << 31 else key for key in keys]
    # Each big-endian 32-bit word of UTF-16 is a pair of neighbours: the words from the
    # first byte give pairs 0-1, 2-3 …, those from the third byte pairs 1-2, 3-4 …
    even = array("i", data[:len(data) // 4 * 4])
    odd = array("i", data[2:2 + (len(data) - 2) // 4 * 4])
    if sys.byteorder == "little":
        even.byteswap()
        odd.byteswap()
    return list(set(even).union(odd))


def characters(text: str) -> list[int]:
    """The distinct characters of `text` as search keys (migration 0004 computes the same
    in SQL): a character's code point modulo 65,536 paired with NUL, which a text on the
    server never holds, read as a signed 32-bit integer."""
    data = text.encode("utf-16-be")
    if len(data) == 2 * len(text):
        units = array("H", data)
        if sys.byteorder == "little":
            units.byteswap()
        codes: set[int] = set(units)
    else:  # characters beyond 65,535
        codes = {ord(ch) & 0xFFFF for ch in text}
    return [code << 16 if code < 0x8000 else (code << 16) - (1 << 32) for code in codes]


def search_text(title: str, department: str, duties: str, requirements: str) -> str:
    """The text search looks in, lowercased so that LIKE (several times faster than ILIKE
    over Chinese text) finds any case; migration 0003 builds the same for older rows."""
    return "\n".join((title, department, duties, requirements)).lower()


def server_text(text: str) -> str:
    """PostgreSQL's text cannot hold NUL, which a document may: the search copy drops it
    (the document itself keeps it, escaped in its JSON)."""
    return text.replace("\x00", "")
