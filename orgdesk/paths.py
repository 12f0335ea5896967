"""Where the bundled data lives: sample organisations and resources.

In a source checkout they are the top-level `sample_orgs/` and `resources/`
folders; an installed wheel carries them as `orgdesk.sample_orgs` and
`orgdesk.resources` (see pyproject's package-dir mapping).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    in_checkout = _CHECKOUT / name
    if (_CHECKOUT / "pyproject.toml").is_file() and in_checkout.is_dir():
        return in_checkout
    spec = importlib.util.find_spec(f"orgdesk.{name}")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"orgdesk's bundled {name} folder is missing from this install.")
    return Path(next(iter(spec.submodule_search_locations)))


def sample_orgs_dir() -> Path:
    return _bundled("sample_orgs")


def resources_dir() -> Path:
    return _bundled("resources")
