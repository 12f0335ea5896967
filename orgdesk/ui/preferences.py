"""Where orgdesk keeps the user's choices (language, recent files, last export type).

A module of its own, below the application and its windows, so that any window
module can read a choice without importing the application (no import cycle).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    # Explicit format and scope so QSettings.setDefaultFormat/setPath apply (tests).
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "orgdesk", "orgdesk")


def last_export_folder(kind: str) -> Path | None:
    """The folder the last export of `kind` ("chart", "data", "figures", …) went to,
    falling back to the last folder of any export; None before the first one."""
    store = settings()
    for key in (f"export/{kind}/folder", "export/folder"):
        value = store.value(key, "")
        if isinstance(value, str) and value and Path(value).is_dir():
            return Path(value)
    return None


def last_export_format(kind: str, default: str) -> str:
    """The file format (suffix without the dot) last chosen for an export of `kind`."""
    value = settings().value(f"export/{kind}/format", default)
    return value if isinstance(value, str) and value else default


def remember_export(kind: str, target: Path) -> None:
    """Remember the folder and format of an export just written to `target`."""
    store = settings()
    folder = str(Path(target).parent)
    store.setValue(f"export/{kind}/folder", folder)
    store.setValue("export/folder", folder)
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix:
        store.setValue(f"export/{kind}/format", suffix)


def suggested_target(kind: str, stem: str, default_format: str,
                     formats: tuple[str, ...] = ()) -> Path:
    """Where an export of `kind` is offered: `stem` named, in the last folder used (a bare
    name before the first export: the file dialog's own folder), in the last format used
    when it is one of `formats`."""
    fmt = last_export_format(kind, default_format)
    if formats and fmt not in formats:
        fmt = default_format
    folder = last_export_folder(kind)
    name = f"{stem}.{fmt}"
    return folder / name if folder is not None else Path(name)


def document_folder() -> Path:
    """Where a new document is offered to be saved: the folder of the last document
    saved, else the user's Documents folder, else the home folder."""
    value = settings().value("documents/folder", "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def remember_document_folder(path: Path) -> None:
    settings().setValue("documents/folder", str(Path(path).parent))
