"""Command-line entry point: `orgdesk [FILE]` opens the GUI; subcommands run headless.

Arguments are parsed before anything imports Qt, and the headless commands
never import it at all, so they work on a server or in CI with no display.
Each group of commands lives in its own module with a `register(subparsers)`
function.  Known problems print one sentence on stderr and exit 1; a bug
prints one sentence and leaves its traceback in a log file, never on the
terminal.  Every human-readable line goes through `orgdesk.cli.terminal`,
which escapes control characters from the document; a reader that closes
the pipe early (`orgdesk info FILE | head -1`) ends orgdesk quietly.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from orgdesk.cli.terminal import (
    OutputClosed,
    err,
    flush_output,
    prepare_streams,
    silence_output,
)
from orgdesk.core.errors import UserError
from orgdesk.version import version_text

#: Modules that each add their subcommands to the parser.
COMMAND_MODULES = ("orgdesk.cli.document", "orgdesk.cli.export", "orgdesk.cli.interchange",
                   "orgdesk.cli.deliverables", "orgdesk.cli.structure",
                   "orgdesk.cli.size", "orgdesk.cli.team",
                   "orgdesk.cli.scenario")


def _cmd_open(args: argparse.Namespace) -> int:
    from orgdesk.ui.launch import launch

    return launch(args.file)


class _LazyVersion(argparse._VersionAction):
    """`--version`, its text made only when asked for: it names the Graphviz in use,
    which runs `dot -V`, and every command builds this parser."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        self.version = version_text()
        super().__call__(parser, namespace, values, option_string)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgdesk",
        description="Org-chart editor for call-center organisations. "
                    "Without a command, opens FILE (or a new document) in the editor window.",
    )
    parser.add_argument("--version", action=_LazyVersion)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("open", help="open FILE in the editor window (the default)")
    gui.add_argument("file", nargs="?", type=Path, help="an .orgdesk file")
    gui.set_defaults(handler=_cmd_open)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    _add_scenario_option(sub)
    return parser


def _add_scenario_option(sub: argparse._SubParsersAction) -> None:
    """`--scenario NAME` on every command that reads .orgdesk files (FILE, OLD, NEW):
    they then read that scenario of each file instead of the one it has open."""
    for name, command in sub.choices.items():
        reads = {action.dest for action in command._actions if not action.option_strings}
        if name != "open" and reads & {"file", "old", "new"}:
            command.add_argument("--scenario", metavar="NAME",
                                 help="read this scenario of the file (default: the one "
                                      "it has open); see `orgdesk scenario list`")


def _log_bug() -> Path | None:
    try:
        from orgdesk.storage.session import state_dir

        log = state_dir() / "crash.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc() + "\n")
        return log
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    prepare_streams()
    try:
        try:
            code = _run(argv)
        except SystemExit:  # argparse after --help, --version or a usage error
            flush_output()
            raise
        flush_output()
    except OutputClosed:
        silence_output()
        return 1
    return code


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    try:
        return parser.parse_args(argv)
    except BrokenPipeError:  # `orgdesk --help | head -1`
        raise OutputClosed from None


def _nothing() -> None:
    return None


def _run(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = {name for action in parser._actions
                if isinstance(action, argparse._SubParsersAction) for name in action.choices}
    first = next((a for a in argv if not a.startswith("-")), None)
    if first not in commands and not any(a in ("-h", "--help", "--version") for a in argv):
        argv.insert(0, "open")
    args = _parse(parser, argv)
    if args.command is None:
        args = _parse(parser, ["open"])
    # --scenario holds for this command only: a caller running several commands in one
    # process (tests, the stress run) must not read its later files in that scenario.
    restore: Callable[[], object] = _nothing
    if getattr(args, "scenario", None) is not None:
        from orgdesk.storage.reading import SCENARIO

        token = SCENARIO.set(args.scenario)
        restore = partial(SCENARIO.reset, token)
    try:
        return int(args.handler(args))
    except OutputClosed:
        raise
    except UserError as exc:
        err(f"orgdesk: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: one sentence here, the traceback in the log
        log = _log_bug()
        where = f"; details are in {log}" if log else ""
        err(f"orgdesk: internal error ({type(exc).__name__}){where}.")
        return 70
    finally:
        restore()
