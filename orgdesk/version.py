"""The version line shown by `orgdesk --version` and the window's About box.

Qt-free and above `export` (it names the Graphviz in use), so both front
ends (cli and ui) import it downward instead of the window importing the CLI.
"""
from __future__ import annotations

from orgdesk import __version__


def version_text() -> str:
    """The version line; names the Graphviz in use once chart export exists."""
    text = f"orgdesk {__version__}"
    try:
        from orgdesk.export.graphviz_engine import engine_description
    except ImportError:
        return text
    return f"{text} ({engine_description()})"
