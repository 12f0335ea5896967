"""Team library commands: publish, pull, and `library init|upgrade|list|log|search|…`.

The library's address comes from --url (or the positional URL), else from the file's
origin (publish), else from ORGDESK_LIBRARY_URL; its password never from a document.
A refused publish prints its one sentence, then the difference or the conflicts.
"""
from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgdesk.cli.terminal import err, out, out_json
from orgdesk.core.errors import Sentence, UserError

if TYPE_CHECKING:
    from orgdesk.team.library import Library, Mode, VersionInfo


def register(sub: argparse._SubParsersAction) -> None:
    publish = sub.add_parser("publish", help="publish FILE to the team library as a new version")
    publish.add_argument("file", type=Path)
    publish.add_argument("--project", help="the project (default: the one FILE was pulled from)")
    publish.add_argument("-m", "--message", required=True, help="what changed, for the log")
    publish.add_argument("--url", help="the library's address (default: where FILE came from, "
                                       "else ORGDESK_LIBRARY_URL)")
    choice = publish.add_mutually_exclusive_group()
    choice.add_argument("--branch", nargs="?", const="", metavar="NAME",
                        help="publish as the first version of a new branch")
    choice.add_argument("--merge", action="store_true",
                        help="merge with the versions published since FILE's base")
    publish.add_argument("--prefer", choices=("mine", "theirs"),
                         help="with --merge: which side wins each conflict")
    publish.set_defaults(handler=_cmd_publish)

    pull = sub.add_parser("pull", help="write a version from the team library as a local file")
    pull.add_argument("spec", metavar="PROJECT[@VERSION]",
                      help="a project (its latest version), PROJECT@ID or PROJECT@BRANCH")
    pull.add_argument("-o", "--output", type=Path, required=True, help="the .orgdesk file to write")
    pull.add_argument("--url", help="the library's address (default: ORGDESK_LIBRARY_URL)")
    pull.add_argument("--overwrite", action="store_true", help="replace an existing file")
    pull.set_defaults(handler=_cmd_pull)

    library = sub.add_parser("library", help="the team library on PostgreSQL")
    commands = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    def with_url(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help_text)
        parser.add_argument("url", nargs="?", metavar="URL",
                            help="postgresql://USER@HOST/DATABASE (default: ORGDESK_LIBRARY_URL)")
        return parser

    with_url("init", "create the library's schema in an empty database").set_defaults(
        handler=_cmd_init)
    upgrade = with_url("upgrade", "upgrade the library's schema (its data is kept)")
    upgrade.add_argument("--revision", default="head", help=argparse.SUPPRESS)
    upgrade.set_defaults(handler=_cmd_upgrade)
    listing = with_url("list", "list the projects and their latest versions")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_cmd_list)
    log = commands.add_parser("log", help="list the versions of a project, newest first")
    log.add_argument("project")
    log.add_argument("--url")
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=_cmd_log)
    search = with_url("search", "find positions by title, department, duty, requirement, "
                                "project or author")
    search.add_argument("text")
    search.add_argument("--project", help="only this project")
    search.add_argument("--all-versions", action="store_true",
                        help="every version, not only each branch's latest")
    search.add_argument("--since", type=_date, metavar="YYYY-MM-DD",
                        help="only versions published on or after this day (UTC)")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=_cmd_search)
    add = with_url("add-position", "add a position's job description to the team's library")
    add.add_argument("file", type=Path)
    add.add_argument("--position", required=True, metavar="TITLE_OR_ID")
    add.set_defaults(handler=_cmd_add_position)
    positions = with_url("positions", "list the team's job descriptions")
    positions.add_argument("--text", default="", help="only those holding this text")
    positions.add_argument("--json", action="store_true")
    positions.set_defaults(handler=_cmd_positions)
    grant = commands.add_parser("grant", help="make a PostgreSQL role a reader or editor of a "
                                              "project (the library's administrator)")
    grant.add_argument("project")
    grant.add_argument("role")
    level = grant.add_mutually_exclusive_group(required=True)
    level.add_argument("--reader", action="store_true")
    level.add_argument("--editor", action="store_true")
    grant.add_argument("--url")
    grant.set_defaults(handler=_cmd_grant)
    revoke = commands.add_parser("revoke", help="take a role's access to a project away")
    revoke.add_argument("project")
    revoke.add_argument("role")
    revoke.add_argument("--url")
    revoke.set_defaults(handler=_cmd_revoke)
    login = with_url("login", "save the library's password in the system keyring")
    login.set_defaults(handler=_cmd_login)


def _date(text: str) -> datetime:
    """A day as an aware datetime at its start (UTC), for --since."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written as YYYY-MM-DD") from None


def _library(url: str | None) -> Library:
    from orgdesk.team.library import Library

    return Library.open(url)


def _version_line(version: VersionInfo) -> str:
    when = version.created_at.strftime("%Y-%m-%d %H:%M")
    branch = "" if version.branch == "main" else f" [{version.branch}]"
    return (f"{version.id}{branch}  {when}  {version.author}  {version.position_count} "
            f"positions  {version.message}")


def _version_dict(version: VersionInfo) -> dict[str, Any]:
    data = asdict(version)
    data["created_at"] = version.created_at.isoformat()
    return data


def _cmd_publish(args: argparse.Namespace) -> int:
    from orgdesk.team.address import parse_address
    from orgdesk.team.bases import remember_base
    from orgdesk.team.documents import (
        Origin,
        TeamDocument,
        document_origin,
        document_with_origin,
        read_document,
        write_document,
    )
    from orgdesk.team.errors import MergeConflicts, PublishConflict
    from orgdesk.team.library import Library

    if args.prefer and not args.merge:
        raise UserError(Sentence.of("--prefer decides a merge's conflicts; use it with --merge."))
    if getattr(args, "scenario", None) is not None:
        raise UserError(Sentence.of("A version holds every scenario of {file}; publish it "
                                    "without --scenario.", file=args.file.name))
    document = read_document(args.file)
    origin = document_origin(document)
    project = args.project or (origin.project if origin else None)
    if not project:
        raise UserError(Sentence.of("{file} was not pulled from a team library; name its "
                                    "project with --project.", file=args.file.name))
    address = parse_address(args.url or (origin.server if origin else None))
    same_lineage = origin is not None and origin.project == project and (
        origin.server == address.shown)
    base = origin.version if origin is not None and same_lineage else None
    mode: Mode = "branch" if args.branch is not None else "merge" if args.merge else "check"
    with Library(address) as library:
        try:
            published = library.publish(document, project, args.message, base=base, mode=mode,
                                        branch=args.branch or None, prefer=args.prefer)
        except PublishConflict as conflict:
            err(f"orgdesk: {conflict}")
            err(*conflict.details.difference)
            return 1
        except MergeConflicts as conflicts:
            err(f"orgdesk: {conflicts}")
            err(*(f"  {line}" for line in conflicts.conflicts))
            return 1
    version = published.version
    # A merge leaves the merged document in the file, every scenario of it.
    local = published.merged_document if published.merged_document is not None \
        else TeamDocument.single(published.merged) if published.merged is not None else document
    # The server has the version; the local file (every scenario) now remembers it as its base.
    try:
        write_document(args.file, document_with_origin(
            local, Origin(address.shown, project, version.id)))
    except UserError as exc:
        raise UserError(Sentence.of(
            "Published version {version} of “{project}”, but {file} could not be updated "
            "({reason}); pull that version to go on from it.", version=version.id,
            project=project, file=args.file.name, reason=str(exc).rstrip("."))) from None
    # The file now follows the version it became (merged or not: the file holds what the
    # version holds), so its edits are counted against it as after the window's publish.
    remember_base(address.shown, project, version.id, local)
    merged = " (merged)" if published.merged is not None else ""
    out(f"Published version {version.id} of “{project}” on branch {version.branch}{merged}.")
    return 0


def _cmd_pull(args: argparse.Namespace) -> int:
    from orgdesk.storage.document import EXTENSION
    from orgdesk.team.bases import remember_base
    from orgdesk.team.documents import write_document

    output: Path = args.output
    if output.suffix.lower() != EXTENSION:
        output = output.with_name(output.name + EXTENSION)
    if output.exists() and not args.overwrite:
        raise UserError(Sentence.of("“{file}” already exists; choose another name or add "
                                    "--overwrite.", file=output.name))
    with _library(args.url) as library:
        version, document = library.pull_document(args.spec)
        server = library.address.shown
    write_document(output, document)
    # As the window's Open Version does: the file's edits are counted against this
    # version from the start, offline too (team/bases.py).
    remember_base(server, version.project, version.id, document)
    scenarios = len(document.scenarios)
    listed = f", {scenarios} scenarios" if scenarios > 1 else ""
    out(f"Pulled version {version.id} of “{version.project}” ({len(document.org)} positions"
        f"{listed}) to {output}.")
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    with _library(args.url) as library:
        revision = library.init()
        out(f"Created the team library at {library.address.shown} (schema {revision}).")
    return 0


def _cmd_upgrade(args: argparse.Namespace) -> int:
    with _library(args.url) as library:
        before, after = library.upgrade(args.revision)
        if before == after:
            out(f"The team library at {library.address.shown} is up to date (schema {after}).")
        else:
            out(f"Upgraded the team library at {library.address.shown} from schema {before} "
                f"to {after}.")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    with _library(args.url) as library:
        summaries = library.projects()
    if args.json:
        out_json([{"project": s.name, "versions": s.versions,
                   "latest": _version_dict(s.latest) if s.latest else None} for s in summaries])
        return 0
    if not summaries:
        out("The library has no projects you may read.")
    for summary in summaries:
        latest = _version_line(summary.latest) if summary.latest else "no versions"
        out(f"{summary.name}  ({summary.versions} versions)  latest: {latest}")
    return 0


def _cmd_log(args: argparse.Namespace) -> int:
    with _library(args.url) as library:
        versions = library.log(args.project)
    if args.json:
        out_json([_version_dict(v) for v in versions])
        return 0
    for version in versions:
        out(_version_line(version))
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    with _library(args.url) as library:
        hits = library.search(args.text, all_versions=args.all_versions, project=args.project,
                              since=args.since)
    if args.json:
        out_json([{**asdict(hit), "created_at": hit.created_at.isoformat()} for hit in hits])
        return 0
    if not hits:
        out("No position in the library matches.")
    for hit in hits:
        department = f" ({hit.department})" if hit.department else ""
        out(f"{hit.project} @{hit.version_id}  #{hit.position_id} {hit.title}{department}  "
            f"{hit.author}  {hit.excerpt}")
    return 0


def _cmd_add_position(args: argparse.Namespace) -> int:
    from orgdesk.cli.chart_support import find_position
    from orgdesk.storage.reading import read_organisation
    from orgdesk.team.documents import origin_of

    org = read_organisation(args.file)
    position = org.position(find_position(org, args.position))
    names = {d.id: d.name for d in org.departments}
    department = names.get(position.department_id, "") if position.department_id else ""
    origin = origin_of(org)
    with _library(args.url) as library:
        new_id = library.add_position(position, department, origin.project if origin else "")
    out(f"Added “{position.title}” to the team's job descriptions (entry {new_id}).")
    return 0


def _cmd_positions(args: argparse.Namespace) -> int:
    with _library(args.url) as library:
        entries = library.team_positions(args.text)
    if args.json:
        out_json([{**asdict(e), "created_at": e.created_at.isoformat()} for e in entries])
        return 0
    for entry in entries:
        department = f" ({entry.department})" if entry.department else ""
        out(f"{entry.id}  {entry.title}{department}  {entry.author}")
    return 0


def _cmd_grant(args: argparse.Namespace) -> int:
    with _library(args.url) as library:
        library.grant(args.project, args.role, editor=args.editor)
    what = "an editor" if args.editor else "a reader"
    out(f"{args.role} is now {what} of “{args.project}”.")
    return 0


def _cmd_revoke(args: argparse.Namespace) -> int:
    with _library(args.url) as library:
        library.revoke(args.project, args.role)
    out(f"{args.role} no longer has access to “{args.project}”.")
    return 0


def _cmd_login(args: argparse.Namespace) -> int:
    import getpass

    from orgdesk.team.address import parse_address, save_password

    address = parse_address(args.url)
    password = getpass.getpass(f"Password for {address.shown}: ")
    save_password(address, password)
    out(f"Saved the password for {address.shown} in the system keyring.")
    return 0
