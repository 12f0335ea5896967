"""The team library on a PostgreSQL server: projects, versions, publish, pull, search.

Each operation is one transaction on the server.  A publish takes the project's
advisory lock, checks that nobody published on top of the version the document was
based on, and writes the version and its positions; if the connection drops on the
way, the server rolls everything back and nothing half-written remains.  The schema's
revision is checked first: an older or newer library gets a sentence, not a crash.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    Integer,
    func,
    insert,
    literal,
    select,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError

from orgdesk.analysis.compare import compare
from orgdesk.analysis.report import comparison_text
from orgdesk.core.errors import Sentence
from orgdesk.core.model import Position
from orgdesk.core.organisation import Organisation
from orgdesk.core.serialize import position_to_dict
from orgdesk.io.json_format import document_dict
from orgdesk.team import migrate
from orgdesk.team.address import LibraryAddress, parse_address
from orgdesk.team.connection import connect, library_engine, translated
from orgdesk.team.documents import (
    Origin,
    TeamDocument,
    bigrams,
    characters,
    document_from_dict,
    document_from_text,
    document_text,
    document_with_origin,
    search_rows,
    search_text,
    server_text,
    team_document_from_text,
    text_digest,
    without_origin,
)
from orgdesk.team.errors import (
    AccessDenied,
    ConflictDetails,
    LibraryProblem,
    MergeConflicts,
    NothingToPublish,
    PublishConflict,
    UnknownProject,
    UnknownVersion,
)
from orgdesk.team.merge import Prefer, merge_documents, merge_team_documents
from orgdesk.team.schema import (
    MAIN_BRANCH,
    SCHEMA,
    position_texts,
    project_characters,
    project_members,
    projects,
    team_positions,
    version_positions,
    versions,
)

Mode = Literal["check", "branch", "merge"]
#: Search results shown at most (the most recent versions first).
SEARCH_LIMIT = 50
MAX_MESSAGE = 10_000
#: A search finding fewer texts than this looks only at their projects' versions; a more
#: common word walks the versions newest first instead, stopping at the limit.
_SELECTIVE = 2000
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One version as `library log` lists it (without its document)."""

    id: int
    project: str
    branch: str
    seq: int
    parent_id: int | None
    base_id: int | None
    author: str
    created_at: datetime
    message: str
    title: str
    position_count: int


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    name: str
    versions: int
    latest: VersionInfo | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    project: str
    version_id: int
    branch: str
    author: str
    created_at: datetime
    position_id: int
    title: str
    department: str
    excerpt: str


@dataclass(frozen=True, slots=True)
class TeamPosition:
    id: int
    title: str
    department: str
    position: dict[str, object]
    source_project: str
    author: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Published:
    """A publish that went through: the new version, and the merged document if it merged."""

    version: VersionInfo
    merged: Organisation | None = None  # the merged document's open scenario
    merged_document: TeamDocument | None = None  # the merged document, every scenario


_VERSION_COLUMNS = (versions.c.id, projects.c.name, versions.c.branch, versions.c.seq,
                    versions.c.parent_id, versions.c.base_id, versions.c.author,
                    versions.c.created_at, versions.c.message, versions.c.title,
                    versions.c.position_count)


def _version(row: Any) -> VersionInfo:
    """A row of _VERSION_COLUMNS (a Row's type spells out every column; this is all of them)."""
    return VersionInfo(*row)


def parse_spec(spec: str) -> tuple[str, str | None]:
    """`P`, `P@12` (a version id) or `P@branch` (that branch's latest)."""
    project, at, rest = spec.rpartition("@") if "@" in spec else (spec, "", "")
    return (project, rest) if at else (spec, None)


class Library:
    """A connection to one team library; close() (or `with`) releases its connections."""

    def __init__(self, address: LibraryAddress, engine: Engine | None = None) -> None:
        self.address = address
        self.engine = engine or library_engine(address)

    @classmethod
    def open(cls, url: str | None) -> Library:
        return cls(parse_address(url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One server transaction with the schema checked; driver failures as sentences."""
        with connect(self.engine, self.address) as connection, translated(self.address), \
                connection.begin():
            migrate.check_schema(connection, self.address)
            yield connection

    def init(self) -> str:
        with connect(self.engine, self.address) as connection, translated(self.address):
            return migrate.upgrade_to(connection, self.address, create=True)[1]

    def upgrade(self, revision: str = "head") -> tuple[str | None, str]:
        with connect(self.engine, self.address) as connection, translated(self.address):
            return migrate.upgrade_to(connection, self.address, revision)

    def whoami(self) -> str:
        with connect(self.engine, self.address) as connection, translated(self.address):
            return str(connection.execute(text("SELECT current_user")).scalar())

    # ------------------------------------------------------------------ reading
    def _project_id(self, connection: Connection, name: str) -> int:
        found = connection.execute(select(projects.c.id).where(projects.c.name == name)).scalar()
        if found is None:
            raise UnknownProject(Sentence.of(
                "The library has no project “{project}”, or you may not read it.", project=name))
        return int(found)

    def projects(self) -> list[ProjectSummary]:
        with self.transaction() as connection:
            counts: dict[int, int] = dict(connection.execute(
                select(versions.c.project_id, func.count()).group_by(versions.c.project_id)
            ).all())
            latest_ids = select(func.max(versions.c.id)).group_by(versions.c.project_id)
            latest = {v.project: v for v in map(_version, connection.execute(
                select(*_VERSION_COLUMNS).join(projects).where(versions.c.id.in_(latest_ids))))}
            rows = connection.execute(select(projects.c.id, projects.c.name)
                                      .order_by(projects.c.name)).all()
        return [ProjectSummary(name, int(counts.get(pid, 0)), latest.get(name))
                for pid, name in rows]

    def log(self, project: str) -> list[VersionInfo]:
        """Every version of the project, newest first."""
        with self.transaction() as connection:
            pid = self._project_id(connection, project)
            return [_version(row) for row in connection.execute(
                select(*_VERSION_COLUMNS).join(projects).where(versions.c.project_id == pid)
                .order_by(versions.c.id.desc()))]

    def _resolve(self, connection: Connection, project: str, which: str | None) -> VersionInfo:
        pid = self._project_id(connection, project)
        query = select(*_VERSION_COLUMNS).join(projects).where(versions.c.project_id == pid)
        if which is not None and which.isascii() and which.isdigit():
            query = query.where(versions.c.id == int(which))
        else:
            query = query.where(versions.c.branch == (which or MAIN_BRANCH))
        row = connection.execute(query.order_by(versions.c.id.desc()).limit(1)).first()
        if row is None:
            if which is None:
                raise UnknownVersion(Sentence.of("The project “{project}” has no versions yet.",
                                                 project=project))
            raise UnknownVersion(Sentence.of(
                "The project “{project}” has no version or branch “{which}”.", project=project,
                which=which))
        return _version(row)

    def resolve(self, spec: str) -> VersionInfo:
        project, which = parse_spec(spec)
        with self.transaction() as connection:
            return self._resolve(connection, project, which)

    def _stored(self, connection: Connection, version_id: int) -> str:
        """A version's stored JSON."""
        stored = connection.execute(select(versions.c.document)
                                    .where(versions.c.id == version_id)).scalar()
        if stored is None:
            raise UnknownVersion(Sentence.of("The library has no version {version}.",
                                             version=version_id))
        return str(stored)

    def _document(self, connection: Connection, version_id: int) -> Organisation:
        return document_from_text(self._stored(connection, version_id), str(version_id))

    def _team_document(self, connection: Connection, version_id: int) -> TeamDocument:
        return team_document_from_text(self._stored(connection, version_id), str(version_id))

    def pull(self, spec: str) -> tuple[VersionInfo, Organisation]:
        """A version and its open scenario's organisation, which remembers where it came
        from (`pull_document` gives every scenario)."""
        version, document = self.pull_document(spec)
        return version, document.org

    def pull_document(self, spec: str) -> tuple[VersionInfo, TeamDocument]:
        """A version and its whole document, every scenario remembering where it came from."""
        project, which = parse_spec(spec)
        with self.transaction() as connection:
            version = self._resolve(connection, project, which)
            document = self._team_document(connection, version.id)
        return version, document_with_origin(
            document, Origin(self.address.shown, version.project, version.id))

    def document(self, version_id: int) -> Organisation:
        """A version's open scenario (what comparisons show)."""
        with self.transaction() as connection:
            return self._document(connection, version_id)

    def team_document(self, version_id: int) -> TeamDocument:
        with self.transaction() as connection:
            return self._team_document(connection, version_id)

    # ------------------------------------------------------------------ publishing
    def publish(self, org: Organisation | TeamDocument, project: str, message: str, *,
                base: int | None = None, mode: Mode = "check", branch: str | None = None,
                prefer: Prefer = None) -> Published:
        """Store `org` as a new version of `project` (created if absent, by its administrator).

        `org` is the document: one organisation, or every scenario of a file.
        `base` is the version the document was pulled as (None for a first publish).
        When somebody published on the base's branch since, `mode` decides: "check"
        refuses with the difference, "branch" publishes on a new branch, "merge" merges
        three ways (refusing with the conflicts unless `prefer` settles them).
        """
        _check_text("message", message, MAX_MESSAGE)
        _check_text("project", project, MAX_NAME)
        if branch is not None:
            _check_text("branch", branch, MAX_NAME)
        try:
            with self.transaction() as connection:
                return self._publish(connection, org, project, message, base, mode, branch, prefer)
        except AccessDenied:
            raise AccessDenied(Sentence.of(
                "You may read the project “{project}” but not publish to it; ask the library's "
                "administrator to make you an editor (orgdesk library grant … --editor).",
                project=project)) from None

    def _publish(self, connection: Connection, org: Organisation | TeamDocument, project: str,
                 message: str, base_id: int | None, mode: Mode, branch: str | None,
                 prefer: Prefer) -> Published:
        document = TeamDocument.of(org)
        pid = self._project_or_new(connection, project)
        # Publishes to one project queue here; READ COMMITTED then sees the winner's version.
        connection.execute(select(func.pg_advisory_xact_lock(pid)))
        base = self._base(connection, pid, project, base_id)
        merged: Organisation | None = None
        parent: VersionInfo | None
        merge_base: int | None = None
        if mode == "branch":
            name = branch or self._new_branch_name(connection, pid)
            if self._head(connection, pid, name) is not None:
                raise LibraryProblem(Sentence.of(
                    "The project “{project}” already has a branch “{branch}”; choose another "
                    "name.", project=project, branch=name))
            parent, target_branch, seq = base, name, 1
        else:
            target_branch = base.branch if base else (branch or MAIN_BRANCH)
            head = self._head(connection, pid, target_branch)
            if head is None or (base is not None and head.id == base.id):
                parent = head
            elif mode == "merge":
                theirs_document = self._team_document(connection, head.id)
                base_document = (self._team_document(connection, base.id) if base
                                 else TeamDocument.single(Organisation()))
                if document.plain and theirs_document.plain and base_document.plain:
                    result = merge_documents(
                        document_dict(without_origin(base_document.org)),
                        document_dict(without_origin(document.org)),
                        document_dict(theirs_document.org), prefer)
                    lines = tuple(str(c.sentence) for c in result.conflicts)
                    merged_document = (TeamDocument.single(document_from_dict(
                        result.document, "merged")) if result.clean else None)
                else:  # scenario by scenario
                    whole = merge_team_documents(base_document, document, theirs_document,
                                                 prefer)
                    lines = tuple(str(c.sentence) for c in whole.conflicts)
                    merged_document = whole.document if whole.clean else None
                if merged_document is None:
                    raise MergeConflicts(Sentence.of(
                        "Merging with version {head} of “{project}” found {count} conflicts; "
                        "decide each one (--prefer mine or --prefer theirs) or publish as a "
                        "branch.", head=head.id, project=project, count=len(lines)), lines)
                document = merged_document
                merged = document.org
                parent, merge_base = head, base.id if base else None
            else:
                raise self._conflict(connection, project, base, head)
            seq = parent.seq + 1 if parent is not None and parent.branch == target_branch else 1
        # The positions go to the server first; then the server stores and indexes them
        # while the document is encoded beside it: the server's index work and Python's
        # JSON work overlap (the driver lets go of the GIL while it waits, where sending
        # the positions, Python's work too, would only take turns with the encoding), and
        # the version row, which needs the JSON, comes last.
        new_id = int(connection.execute(
            select(func.nextval(f"{SCHEMA}.versions_id_seq"))).scalar_one())
        # The search and the log's count are the open scenario's (see team/documents.py).
        org = document.org
        rows = search_rows(org)
        new_texts = _send_positions(connection, pid, rows)
        with ThreadPoolExecutor(1, thread_name_prefix="orgdesk-publish") as encoder:
            encoded = encoder.submit(document_text, document)
            _store_positions(connection, new_id, pid, new_texts)
            stored = encoded.result()
        if parent is not None and mode != "branch" and merged is None:
            # Compared by digest: the stored document need not travel back to compare.
            previous = connection.execute(select(func.md5(versions.c.document))
                                          .where(versions.c.id == parent.id)).scalar()
            if previous == hashlib.md5(stored.encode("utf-8")).hexdigest():
                raise NothingToPublish(Sentence.of(
                    "Nothing changed since version {version}; nothing was published.",
                    version=parent.id))
        connection.execute(insert(versions).values(
            id=new_id, project_id=pid, parent_id=parent.id if parent else None, base_id=merge_base,
            branch=target_branch, seq=seq, message=message, title=server_text(org.info.title),
            position_count=len(org), document=stored))
        version = _version(connection.execute(
            select(*_VERSION_COLUMNS).join(projects).where(versions.c.id == new_id)).one())
        return Published(version, merged, document if merged is not None else None)

    def _project_or_new(self, connection: Connection, name: str) -> int:
        found = connection.execute(select(projects.c.id).where(projects.c.name == name)).scalar()
        if found is not None:
            return int(found)
        try:
            with connection.begin_nested():
                created = connection.execute(
                    text(f"INSERT INTO {SCHEMA}.projects (name) VALUES (:name) "
                         "ON CONFLICT (name) DO NOTHING RETURNING id"), {"name": name}).scalar()
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == "42501":  # not the administrator
                raise UnknownProject(Sentence.of(
                    "The library has no project “{project}”, or you may not read it; its "
                    "administrator creates projects and grants access.", project=name)) from None
            raise
        if created is None:  # created by someone else a moment ago
            return self._project_id(connection, name)
        return int(created)

    def _base(self, connection: Connection, pid: int, project: str, base_id: int | None
              ) -> VersionInfo | None:
        if base_id is None:
            return None
        row = connection.execute(select(*_VERSION_COLUMNS).join(projects).where(
            versions.c.id == base_id, versions.c.project_id == pid)).first()
        if row is None:
            raise UnknownVersion(Sentence.of(
                "The document is based on version {version}, which the project “{project}” "
                "does not have.", version=base_id, project=project))
        return _version(row)

    def _head(self, connection: Connection, pid: int, branch: str) -> VersionInfo | None:
        row = connection.execute(select(*_VERSION_COLUMNS).join(projects).where(
            versions.c.project_id == pid, versions.c.branch == branch)
            .order_by(versions.c.id.desc()).limit(1)).first()
        return _version(row) if row is not None else None

    def _new_branch_name(self, connection: Connection, pid: int) -> str:
        user = str(connection.execute(text("SELECT current_user")).scalar())
        taken = set(connection.execute(select(versions.c.branch).distinct()
                                       .where(versions.c.project_id == pid)).scalars())
        number = 1
        while f"{user}-{number}" in taken:
            number += 1
        return f"{user}-{number}"

    def _conflict(self, connection: Connection, project: str, base: VersionInfo | None,
                  head: VersionInfo) -> PublishConflict:
        before = (self._team_document(connection, base.id) if base
                  else TeamDocument.single(Organisation()))
        after = self._team_document(connection, head.id)
        old_name = f"version {base.id}" if base else "an empty document"
        difference = _difference(before, after, old_name, f"version {head.id}")
        details = ConflictDetails(project, base.id if base else None, head.id, head.author,
                                  head.message, difference)
        if base is None:
            sentence = Sentence.of(
                "The project “{project}” already has versions (the latest is {head} by "
                "{author}); pull it and publish from there, or publish with --merge or "
                "--branch.", project=project, head=head.id, author=head.author)
        else:
            sentence = Sentence.of(
                "{author} published version {head} of “{project}” after your base version "
                "{base}; publish with --merge to merge both, or --branch to publish yours as "
                "a branch.", author=head.author, head=head.id, project=project, base=base.id)
        return PublishConflict(sentence, details)

    # ------------------------------------------------------------------ search
    def search(self, words: str, *, all_versions: bool = False, project: str | None = None,
               since: datetime | None = None, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Positions whose title, department, duties or requirements hold `words`, then those
        of projects or authors whose name holds them; in each branch's latest version
        unless `all_versions`, published at `since` or later.  Newest versions first, at
        most `limit`."""
        pattern = _pattern(words)
        texts, rows = position_texts, version_positions
        # The texts holding the words, found by their bigrams (checked by LIKE); a word of
        # one character has none and scans the texts of the projects having it.
        matches: Any = texts.c.search_text.like(pattern, escape="\\")
        needle = words.strip().lower()
        probe = select(texts.c.id, texts.c.project_id).where(matches)
        if len(needle) > 1:
            grams = literal(bigrams(needle), ARRAY(Integer))
            probe = probe.where(texts.c.bigrams.contains(grams))
            matches = texts.c.bigrams.contains(grams) & matches
        elif needle:  # one character: only the texts of projects that have it
            having = literal(characters(needle), ARRAY(Integer))
            probe = probe.where(texts.c.project_id.in_(
                select(project_characters.c.project_id)
                .where(project_characters.c.characters.contains(having))))
        if project is not None:
            probe = probe.join(projects).where(projects.c.name == project)
        fields = (texts.c.title, texts.c.department, texts.c.duties, texts.c.requirements)
        with self.transaction() as connection:
            found = connection.execute(probe.limit(_SELECTIVE)).all()
            if len(found) < _SELECTIVE:
                # Few texts: only the versions of their projects are looked at, each one's
                # rows holding its project's texts found through (version_id, text_id).
                hit = func.unnest(literal([t for t, _ in found], ARRAY(BigInteger)),
                                  literal([p for _, p in found], ARRAY(BigInteger))
                                  ).table_valued("id", "project_id").render_derived("hit")
                scope: Any = versions.c.project_id.in_(sorted({p for _, p in found}))
                own_match: Any = rows.c.text_id.in_(
                    select(hit.c.id).where(hit.c.project_id == versions.c.project_id)
                    .correlate_except(hit))
            else:
                # A common word: the newest versions first, each one's rows by their key,
                # stopping at `limit` hits (they come soon).
                scope, own_match = true(), matches
            own = (select(rows.c.position_id, *fields)
                   .select_from(rows.join(texts, texts.c.id == rows.c.text_id))
                   .where(rows.c.version_id == versions.c.id, own_match)
                   .order_by(rows.c.position_id)
                   .limit(limit)  # also keeps the planner from flattening it into a scan
                   .lateral("hit"))
            by_text = (select(projects.c.name, versions.c.id, versions.c.branch,
                              versions.c.author, versions.c.created_at, own.c.position_id,
                              own.c.title, own.c.department, own.c.duties, own.c.requirements)
                       .select_from(versions.join(projects).join(own, true())).where(scope))
            by_text = _in_scope(by_text, versions.c.id, all_versions, project, since)
            by_text = by_text.order_by(versions.c.id.desc(), own.c.position_id).limit(limit)
            named = (func.lower(projects.c.name).like(pattern, escape="\\")
                     | func.lower(versions.c.author).like(pattern, escape="\\"))
            by_name = (select(projects.c.name, versions.c.id, versions.c.branch,
                              versions.c.author, versions.c.created_at, rows.c.position_id,
                              *fields)
                       .select_from(rows.join(versions, versions.c.id == rows.c.version_id)
                                    .join(projects).join(texts, texts.c.id == rows.c.text_id))
                       .where(named))
            by_name = _in_scope(by_name, rows.c.version_id, all_versions, project, since)
            by_name = by_name.order_by(rows.c.version_id.desc(), rows.c.position_id).limit(limit)
            found_rows = [*connection.execute(by_text).all()]
            if len(found_rows) < limit:
                found_rows += connection.execute(by_name).all()
        seen: set[tuple[int, int]] = set()
        hits: list[SearchHit] = []
        for name, vid, branch, author, created, pid, title, department, duties, needs in (
                found_rows):
            if (vid, pid) in seen or len(hits) >= limit:
                continue
            seen.add((vid, pid))
            body = "\n".join((title, department, duties, needs))
            hits.append(SearchHit(name, vid, branch, author, created, pid, title, department,
                                  _excerpt(body, words)))
        return hits

    # ------------------------------------------------------------------ team positions
    def add_position(self, position: Position, department: str, source_project: str) -> int:
        data = position_to_dict(position)
        data.pop("id", None)
        data.pop("superior_id", None)
        data.pop("department_id", None)
        body = json.dumps(data, ensure_ascii=False, sort_keys=True)
        with self.transaction() as connection:
            return int(connection.execute(insert(team_positions).values(
                title=server_text(position.title), department=server_text(department),
                position=server_text(body),
                source_project=source_project,
                search_text=server_text(search_text(position.title, department, "", "")
                                        + "\n" + body.lower()))
                .returning(team_positions.c.id)).scalar_one())

    def team_positions(self, words: str = "", limit: int = 500) -> list[TeamPosition]:
        query = select(team_positions.c.id, team_positions.c.title, team_positions.c.department,
                       team_positions.c.position, team_positions.c.source_project,
                       team_positions.c.author, team_positions.c.created_at)
        if words.strip():
            query = query.where(team_positions.c.search_text.like(_pattern(words), escape="\\"))
        with self.transaction() as connection:
            rows = connection.execute(query.order_by(team_positions.c.id).limit(limit)).all()
        return [TeamPosition(pid, title, department, json.loads(body), source, author, created)
                for pid, title, department, body, source, author, created in rows]

    # ------------------------------------------------------------------ access
    def grant(self, project: str, role: str, editor: bool) -> None:
        """Make `role` a reader (or editor) of `project`, creating the project if needed.

        Only the library's administrator (the owner of its tables) may; the role must exist.
        """
        with self.transaction() as connection:
            exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                        {"r": role}).first()
            if exists is None:
                raise LibraryProblem(Sentence.of(
                    "The server has no role “{role}”; create it first (CREATE ROLE … LOGIN).",
                    role=role))
            pid = self._project_or_new(connection, project)
            quoted = connection.dialect.identifier_preparer.quote(role)
            statements = [
                f"GRANT USAGE ON SCHEMA {SCHEMA} TO {quoted}",
                f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {quoted}",
                f"GRANT INSERT ON {SCHEMA}.team_positions TO {quoted}",
                f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {quoted}",
            ]
            if editor:
                statements.append(
                    f"GRANT INSERT ON {SCHEMA}.versions, {SCHEMA}.version_positions, "
                    f"{SCHEMA}.position_texts, {SCHEMA}.project_characters TO {quoted}")
            for statement in statements:
                connection.execute(text(statement))
            connection.execute(text(
                f"INSERT INTO {SCHEMA}.project_members (project_id, member, can_edit) "
                "VALUES (:p, :m, :e) ON CONFLICT (project_id, member) "
                "DO UPDATE SET can_edit = excluded.can_edit"),
                {"p": pid, "m": role, "e": editor})

    def revoke(self, project: str, role: str) -> None:
        with self.transaction() as connection:
            pid = self._project_id(connection, project)
            connection.execute(project_members.delete().where(
                project_members.c.project_id == pid, project_members.c.member == role))


def _difference(before: TeamDocument, after: TeamDocument, old_name: str, new_name: str
                ) -> tuple[str, ...]:
    """The lines `orgdesk diff` prints from `before` to `after`: of their open scenarios,
    or, where either has several, of each scenario by name (and which came or went)."""
    if before.plain and after.plain:
        return tuple(comparison_text(compare(before.org, after.org), old_name, new_name))
    olds = {s.name: s.org for s in before.scenarios}
    news = {s.name: s.org for s in after.scenarios}
    lines: list[str] = []
    for name in [*news, *(n for n in olds if n not in news)]:
        if lines:
            lines.append("")
        if name not in olds:
            lines.append(f"Scenario “{name}” is new in {new_name}.")
        elif name not in news:
            lines.append(f"Scenario “{name}” is not in {new_name}.")
        else:
            lines += comparison_text(compare(olds[name], news[name]),
                                     f"{old_name} “{name}”", f"{new_name} “{name}”")
    return tuple(lines)


def _check_text(what: str, value: str, limit: int) -> None:
    if not value.strip():
        raise LibraryProblem(Sentence.of("The {what} must not be empty.", what=what))
    if len(value) > limit:
        raise LibraryProblem(Sentence.of("The {what} is longer than {limit} characters.",
                                         what=what, limit=f"{limit:,}"))
    if "\x00" in value:  # PostgreSQL text cannot hold NUL
        raise LibraryProblem(Sentence.of("The {what} holds a NUL character.", what=what))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise LibraryProblem(Sentence.of("The {what} is not valid Unicode text.",
                                         what=what)) from None


def _pattern(words: str) -> str:
    """A LIKE pattern for `words` anywhere in the lowercased search text (% and _ literal)."""
    escaped = words.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _send_positions(connection: Connection, project_id: int, rows: list[dict[str, Any]]
                    ) -> str | None:
    """Send a version's positions with COPY (several times faster than INSERTs) to
    temporary tables: each row with its text's digest, and the texts the project has not
    had yet; the new texts' character keys (an array's text), or None if there are none.
    `_store_positions` moves them.

    COPY cannot write into a table under row-level security, hence the temporary tables
    and INSERT … SELECT, which the policies check.
    """
    digests = [text_digest(row) for row in rows]
    raw = connection.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE incoming_positions (position_id bigint, digest bytea) "
                       "ON COMMIT DROP")
        with cursor.copy("COPY incoming_positions (position_id, digest) FROM STDIN") as copy:
            copy.set_types(["int8", "bytea"])
            for row, digest in zip(rows, digests, strict=True):
                copy.write_row((row["position_id"], digest))
        cursor.execute(
            f"SELECT DISTINCT i.digest FROM incoming_positions i WHERE NOT EXISTS (SELECT 1 "
            f"FROM {SCHEMA}.position_texts t WHERE t.project_id = %s AND t.digest = i.digest)",
            (project_id,))
        missing = {bytes(digest) for (digest,) in cursor.fetchall()}
        if not missing:
            return None
        cursor.execute(f"CREATE TEMP TABLE incoming_texts ({_TEXT_COLUMNS}) ON COMMIT DROP")
        with cursor.copy("COPY incoming_texts FROM STDIN") as copy:
            # The bigram keys go as an array literal of our own: psycopg's list dumper
            # took most of a publish's time.
            copy.set_types(["bytea", "text", "text", "text", "text", "text", "text"])
            new_texts = []
            for row, digest in zip(rows, digests, strict=True):
                if digest in missing:
                    missing.discard(digest)
                    new_texts.append(row["search_text"])
                    copy.write_row((digest, row["title"], row["department"], row["duties"],
                                    row["requirements"], row["search_text"],
                                    _array_literal(bigrams(row["search_text"]))))
    return _array_literal(characters("".join(new_texts)))


def _store_positions(connection: Connection, version_id: int, project_id: int,
                     new_texts: str | None) -> None:
    """Move what `_send_positions` sent into the library: the new texts (indexed here, the
    server's longest work) and their characters, then the version's rows naming them."""
    raw = connection.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        if new_texts is not None:
            cursor.execute(
                f"INSERT INTO {SCHEMA}.position_texts (project_id, digest, title, department, "
                "duties, requirements, search_text, bigrams) SELECT %s, digest, title, "
                "department, duties, requirements, search_text, bigrams FROM incoming_texts "
                "ON CONFLICT (project_id, digest) DO NOTHING", (project_id,))
            cursor.execute("DROP TABLE incoming_texts")
            cursor.execute(f"INSERT INTO {SCHEMA}.project_characters (project_id, characters) "
                           "VALUES (%s, %s::integer[])", (project_id, new_texts))
        cursor.execute(
            f"INSERT INTO {SCHEMA}.version_positions (version_id, project_id, position_id, "
            f"text_id) SELECT %s, %s, i.position_id, t.id FROM incoming_positions i "
            f"JOIN {SCHEMA}.position_texts t ON t.project_id = %s AND t.digest = i.digest",
            (version_id, project_id, project_id))
        cursor.execute("DROP TABLE incoming_positions")


def _array_literal(items: list[int]) -> str:
    """PostgreSQL's text form of an integer[] holding `items` (a list's own text, in C)."""
    return "{" + repr(items)[1:-1] + "}"


_TEXT_COLUMNS = ("digest bytea, title text, department text, duties text, requirements text, "
                 "search_text text, bigrams integer[]")


def _excerpt(body: str, words: str, width: int = 60) -> str:
    """The line of the matched text that holds the words (or the first line)."""
    needle = words.strip().casefold()
    for line in body.split("\n"):
        if needle and needle in line.casefold():
            return line if len(line) <= width else line[:width - 1] + "…"
    return ""


def _in_scope(query: Any, version_id: Any, all_versions: bool, project: str | None,
              since: datetime | None) -> Any:
    """`query` kept to the versions a search looks at: the newest of each branch (unless
    `all_versions`), of one project, published from a day on; `version_id` is the
    query's column naming the version."""
    if not all_versions:
        latest = (select(func.max(versions.c.id))
                  .group_by(versions.c.project_id, versions.c.branch))
        query = query.where(version_id.in_(latest))
    if project is not None:
        query = query.where(projects.c.name == project)
    if since is not None:
        query = query.where(versions.c.created_at >= since)
    return query
