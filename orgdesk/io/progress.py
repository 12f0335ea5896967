"""The progress and cancellation port of long imports and exports.

Reading a 100,000-row table takes seconds, so the readers report how far they
are and ask whether the user gave up.  They talk to this small protocol only:
the CLI passes `NO_PROGRESS` (or a printer), the GUI an object that forwards to
a progress bar and a Cancel button (the Gramps `User` idea, reduced to what
interchange needs).
"""
from __future__ import annotations

from typing import Protocol

from orgdesk.io.problems import ImportCancelled

#: How many rows pass between two progress reports (cheap enough to ask often).
REPORT_EVERY = 2000


class Progress(Protocol):
    """Receives progress reports and answers whether the work should stop."""

    def report(self, stage: str, done: int, total: int | None) -> None:
        """`done` of `total` units (rows, lines) of `stage`; total None when unknown."""

    def cancelled(self) -> bool:
        """True once the user asked to stop; the reader then raises ImportCancelled."""


class NoProgress:
    """Reports nowhere and never cancels (tests, scripts, the plain CLI)."""

    def report(self, stage: str, done: int, total: int | None) -> None:
        return None

    def cancelled(self) -> bool:
        return False


NO_PROGRESS = NoProgress()


def checkpoint(progress: Progress, stage: str, done: int, total: int | None) -> None:
    """Report and stop with ImportCancelled if the user asked to."""
    progress.report(stage, done, total)
    if progress.cancelled():
        raise ImportCancelled("The import was cancelled; nothing was written.")
