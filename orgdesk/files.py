"""Files the user names: how they are named in sentences, checked, and written atomically.

One home for what Save, every export and every interchange write share:

* `name_of` / `readable_name`: a file named in a sentence, readable even when
  its name is not UTF-8 (GBK bytes from a zip made on Chinese Windows).
* `target_problem` / `check_target`: a missing folder, a read-only file or
  folder, a folder with the target's name, refused before any slow work.
* `resolve_target`: the real file behind a chain of symlinks, so a link
  stays a link pointing at the new contents.
* `temporary_beside`, `replace_durably`, `write_atomically`: a temporary
  file beside the real target, fsynced, renamed over it, the folder fsynced.
  Temporary names are plain ASCII, so a target whose name is not UTF-8 can
  still be handed to SQLite (`VACUUM INTO`) or any other text-only API.
* `ExportFailed`: the one error of a write that did not happen.

Pure Python: no Qt, no SQLAlchemy, nothing above `core`.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import IO

from orgdesk.core.errors import Sentence, UserError

#: What must never reach a message as it is: C0 and C1 controls and DEL (they drive
#: terminals and forge lines), line and paragraph separators, bidi controls (they
#: reorder the text around them) and surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069\ud800-\udfff]")
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")

#: Every temporary file orgdesk writes beside a user's file starts with this.
TEMPORARY_PREFIX = ".orgdesk-"


def readable_name(name: str) -> str:
    """A file name as text a person can read and any output can hold.

    On POSIX a name that is not UTF-8 (GBK names from a zip made on Chinese
    Windows) arrives with its bytes as lone surrogates (PEP 383), which no
    UTF-8 output, SQLite text or Qt label can hold.  Its bytes are read as
    GB18030 when they are valid GB18030 (what such names almost always are),
    else each undecodable byte is shown as \\xNN; control characters are
    shown as escapes so a name cannot forge a line or drive a terminal.
    """
    if _UNSAFE.search(name) is None:
        return name
    if _ESCAPED_BYTES.search(name):
        runs = _ESCAPED_BYTES.sub(_undecodable, name)
        try:  # the whole name: its first bytes may have looked like UTF-8 by chance (“Ա”)
            whole = name.encode("utf-8", "surrogateescape").decode("gb18030")
        except UnicodeError:
            whole = runs
        name = whole if _rare(whole) < _rare(runs) else runs
    return _UNSAFE.sub(_escape, name)


def _rare(text: str) -> int:
    """Characters outside ASCII and GB2312, the everyday Chinese set: mojibake has many."""
    return text.encode("gb2312", "replace").count(b"?") - text.count("?")


def _undecodable(match: re.Match[str]) -> str:
    """A run of surrogate-escaped bytes as GB18030 text, else unchanged (escaped later)."""
    raw = bytes(ord(c) - 0xDC00 for c in match.group())
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return match.group()


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # one undecodable byte of the name
        code -= 0xDC00
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def name_of(path: Path | str) -> str:
    """How a file is named in messages: its file name in quotes, readable and safe."""
    return f"“{readable_name(Path(path).name)}”"


class ExportFailed(UserError):
    """An export or a written file that could not be made; any previous file is unchanged."""


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC,
                                                      getattr(errno, "EDQUOT", errno.ENOSPC))


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, as the end of a sentence ("the disk is full")."""
    if is_disk_full(exc):
        return "the disk is full"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return (exc.strerror or str(exc)).rstrip(".").lower()


class TargetProblem(Enum):
    """Why a file cannot be written at a path, found before anything is written."""

    NO_FOLDER = "no folder"
    IS_FOLDER = "is a folder"
    READ_ONLY_FILE = "read-only file"
    READ_ONLY_FOLDER = "read-only folder"


def folder_of(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def target_problem(target: Path) -> TargetProblem | None:
    """What stops a file being written at `target` (the real file: see resolve_target)."""
    folder = folder_of(target)
    if not folder.is_dir():
        return TargetProblem.NO_FOLDER
    if target.is_dir():
        return TargetProblem.IS_FOLDER
    # Mode bits rather than os.access: root passes os.access, yet a user who
    # marked a file or folder read-only expects it to stay as it is.
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        return TargetProblem.READ_ONLY_FILE
    if not folder.stat().st_mode & stat.S_IWUSR or not os.access(folder, os.W_OK):
        return TargetProblem.READ_ONLY_FOLDER
    return None


def check_target(target: Path, shown: Path | None = None) -> None:
    """ExportFailed unless a file can be written at `target` (named as `shown`)."""
    problem = target_problem(target)
    if problem is None:
        return
    file = name_of(shown or target)
    if problem is TargetProblem.NO_FOLDER:
        sentence = Sentence.of("Cannot write {file}: the folder “{folder}” does not exist.",
                               file=file, folder=readable_name(str(folder_of(target))))
    elif problem is TargetProblem.IS_FOLDER:
        sentence = Sentence.of("Cannot write {file}: a folder has that name.", file=file)
    elif problem is TargetProblem.READ_ONLY_FILE:
        sentence = Sentence.of("Cannot write {file}: the file is read-only.", file=file)
    else:
        sentence = Sentence.of("Cannot write {file}: the folder is read-only.", file=file)
    raise ExportFailed(sentence)


def resolve_target(target: Path) -> Path:
    """The real file that writing `target` replaces, symlinks (and chains of them) resolved.

    Writing beside the real file and renaming over it keeps every link a link
    pointing at the new contents.  A dangling link is written through: the
    file is created where the link points, so the link works again.  Raises
    OSError (ELOOP) for links that point at each other.
    """
    try:
        return Path(os.path.realpath(target, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(target))


def temporary_beside(target: Path, suffix: str) -> Path:
    """A fresh temporary path in `target`'s folder, named in plain ASCII.

    Not derived from the target's name: that may hold bytes that are not
    UTF-8, which SQLite (`VACUUM INTO`) and other text-only APIs refuse.
    """
    return folder_of(target) / f"{TEMPORARY_PREFIX}{os.urandom(6).hex()}{suffix}"


def fsync_path(path: Path, directory: bool = False) -> None:
    """Flush a file (or a directory entry) to stable storage where the OS allows."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:
            return  # Windows cannot open directories; rename there is already durable
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_durably(tmp: Path, target: Path) -> None:
    """Rename the complete, fsynced `tmp` over `target` and flush the folder entry."""
    os.replace(tmp, target)
    fsync_path(folder_of(target), directory=True)


def write_atomically(target: Path, content: bytes | Callable[[IO[bytes]], None],
                     suffix: str = ".writing") -> None:
    """Replace the file at `target` by `content` completely or not at all.

    `content` is the bytes or a function writing them to an open file.  A
    symlink at `target` stays a link; an existing file keeps its permissions.
    Every OS error becomes ExportFailed; the temporary file is removed.
    """
    shown = Path(target)
    try:
        real = resolve_target(shown)
    except OSError as exc:
        raise _failed(shown, exc) from None
    check_target(real, shown)
    tmp = temporary_beside(real, suffix)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666)  # the umask applies, as to any new file
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                content(handle)
            handle.flush()
            if real.exists():
                os.chmod(tmp, stat.S_IMODE(real.stat().st_mode))
            os.fsync(handle.fileno())
        replace_durably(tmp, real)
    except OSError as exc:
        _remove(tmp)
        raise _failed(shown, exc) from None
    except BaseException:
        _remove(tmp)
        raise


def _failed(target: Path, exc: OSError) -> ExportFailed:
    return ExportFailed(Sentence.of("Cannot write {file}: {reason}; nothing was changed.",
                                    file=name_of(target), reason=os_reason(exc)))


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


_NOT_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
#: Longest file-name stem offered from a title (names are at most 255 bytes; 3 per CJK char).
MAX_STEM_CHARS = 80


def title_stem(title: str) -> str:
    """A file-name stem offered for a document titled `title` ("" for no usable title):
    characters no file system allows become spaces, runs of spaces one, and the
    ends lose spaces and dots (Windows drops a trailing dot)."""
    stem = " ".join(_NOT_IN_NAMES.sub(" ", title).split())[:MAX_STEM_CHARS]
    return stem.strip(" .")
