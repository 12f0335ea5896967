"""The local cache of base versions: each version a document was pulled or published
as, kept under the state folder for counting its edits offline (ui/team_edits.py).

Keyed by server (its password-free address, as a file's `team_origin` names it),
project and version — versions are never changed, so a cached one never goes stale.
The window's Open Version and publish, its status bar (for a version not cached yet)
and the CLI's `orgdesk pull` and `orgdesk publish` all write it here the same way, so
a file pulled or published from either shows its edits at once, offline too.  Pure
Python (the CLI imports it without Qt).

A version is kept as every scenario, in orgdesk's lossless JSON, one line per
position, gzipped; a cache file that cannot be written or read costs the offline
count, nothing else.
"""
from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgdesk.team.documents import TeamDocument


def cache_dir() -> Path:
    """The cache's folder, under the state folder (ORGDESK_STATE_DIR or the platform's)."""
    from orgdesk.storage.session import state_dir

    return state_dir() / "team-bases"


def cache_path(server: str, project: str, version: int) -> Path:
    """The file that keeps `version` of `project` on `server`."""
    key = hashlib.sha256("\0".join((server, project, str(version))).encode("utf-8",
                                                                          "surrogatepass"))
    return cache_dir() / f"{key.hexdigest()[:40]}.jsonl.gz"


#: The first line of a cached version: what follows and how it is laid out.
CACHE_FORMAT = "orgdesk-team-base-1"


def _cache_lines(document: TeamDocument) -> Iterator[str]:
    """A version as JSON lines: a header naming the scenarios, then for each scenario its
    document without its positions and one line per position.  Read back line by line,
    a large version never holds the interpreter in one long parse (one json.loads of a
    10,000-position version held every other thread, the window's too, ~0.25 s)."""
    from orgdesk.io.json_format import document_dict
    from orgdesk.team.documents import without_origin

    encode = json.JSONEncoder(ensure_ascii=False).encode
    parts = []
    for scenario in document.scenarios:
        data = document_dict(without_origin(scenario.org))
        parts.append((data, data.pop("positions")))
    yield encode({"format": CACHE_FORMAT, "scenarios": [
        {"name": s.name, "open": s.open, "positions": len(positions)}
        for s, (_data, positions) in zip(document.scenarios, parts, strict=True)]})
    for data, positions in parts:
        yield encode(data)
        yield from map(encode, positions)


def remember_base(server: str, project: str, version: int, document: TeamDocument) -> None:
    """Keep a version (as the library holds it) for counting edits offline.

    Best effort: a cache that cannot be written costs the offline count, nothing else.
    """
    target = cache_path(server, project, version)
    text = "\n".join(_cache_lines(document))
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(gzip.compress(text.encode("utf-8", "surrogatepass"), compresslevel=1))
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def base_document(server: str, project: str, version: int) -> TeamDocument | None:
    """The cached base version (on a worker thread: a large one takes a while), or None
    (never cached here, or unreadable: then it is fetched again)."""
    from orgdesk.core.errors import UserError
    from orgdesk.team.documents import Scenario, TeamDocument, document_from_dict

    try:
        raw = cache_path(server, project, version).read_bytes()
        lines = gzip.decompress(raw).decode("utf-8", "surrogatepass").split("\n")
        header = json.loads(lines[0])
        if header.get("format") != CACHE_FORMAT:
            return None
        scenarios, at = [], 1
        for entry in header["scenarios"]:
            data = json.loads(lines[at])
            count = int(entry["positions"])
            data["positions"] = [json.loads(line) for line in lines[at + 1:at + 1 + count]]
            at += 1 + count
            scenarios.append(Scenario(str(entry["name"]), document_from_dict(
                data, str(version)), bool(entry["open"])))
        if at != len(lines) or sum(1 for s in scenarios if s.open) != 1:
            return None
        return TeamDocument(tuple(scenarios))
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            UserError):
        return None  # a damaged cache file: as if there were none
