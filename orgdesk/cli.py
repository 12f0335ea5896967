"""Command-line entry point: `orgdesk [FILE]` opens the GUI; subcommands run headless.

Arguments are parsed before anything imports Qt, and the headless commands
never import it at all, so they work on a server or in CI with no display.
Known problems print one sentence on stderr and exit 1; a bug prints one
sentence and leaves its traceback in a log file, never on the terminal.
"""
from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path

from orgdesk import __version__
from orgdesk.core.errors import UserError

COMMANDS = ("new", "info", "check", "templates")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgdesk",
        description="Org-chart editor for call-center organisations. "
                    "Without a command, opens FILE (or a new document) in the editor window.",
    )
    parser.add_argument("--version", action="version", version=_version_text())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("open", help="open FILE in the editor window (the default)")
    gui.add_argument("file", nargs="?", type=Path, help="an .orgdesk file")

    new = sub.add_parser("new", help="create a new .orgdesk file")
    new.add_argument("output", type=Path, help="the file to create (must not exist)")
    new.add_argument("--template", metavar="NAME",
                     help="start from a bundled sample organisation (see `orgdesk templates`)")
    new.add_argument("--title", help="document title (default: the template's or the file name)")

    info = sub.add_parser("info", help="print a summary of FILE")
    info.add_argument("file", type=Path)
    info.add_argument("--json", action="store_true", help="print JSON")

    check = sub.add_parser("check", help="check FILE's integrity and structure")
    check.add_argument("file", type=Path)

    sub.add_parser("templates", help="list the bundled sample organisations")
    return parser


def _version_text() -> str:
    return f"orgdesk {__version__}"


def _cmd_new(args: argparse.Namespace) -> int:
    from orgdesk.core.model import DocumentInfo
    from orgdesk.core.organisation import Organisation
    from orgdesk.storage.document import EXTENSION, create_file

    output: Path = args.output
    if output.suffix.lower() != EXTENSION:
        output = output.with_name(output.name + EXTENSION)
    if output.exists():
        raise UserError(f"“{output.name}” already exists; choose another name.")
    if args.template:
        from orgdesk.samples import template_organisation

        org = template_organisation(args.template)
    else:
        org = Organisation(DocumentInfo(title=output.stem))
    if args.title:
        from dataclasses import replace

        org.info = replace(org.info, title=args.title)
    create_file(output, org)
    print(f"Created {output} ({len(org)} positions).")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from orgdesk.report import summary
    from orgdesk.storage.document import read_organisation

    data = summary(read_organisation(args.file))
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{data['title'] or args.file.name}")
    print(f"  positions: {data['positions']}   depth: {data['depth']}   roots: {data['roots']}")
    print(f"  headcount: {data['headcount_planned']} planned, {data['headcount_filled']} filled, "
          f"{data['vacancies']} vacant")
    for department in data["departments"]:
        print(f"  {department['name']}: {department['positions']} positions, "
              f"{department['headcount_planned']} planned")
    for warning in data["warnings"]:
        print(f"  warning: {warning}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from orgdesk.report import file_problems, structure_problems
    from orgdesk.storage.document import read_organisation

    org = read_organisation(args.file)  # header, quick_check, schema, forest
    problems = file_problems(args.file) + structure_problems(org)
    if problems:
        print(f"{args.file.name}: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{args.file.name}: OK ({len(org)} positions, depth {org.depth()}).")
    return 0


def _cmd_templates(_args: argparse.Namespace) -> int:
    from orgdesk.samples import load_sample_source, samples

    for sample in samples():
        org = load_sample_source(sample.source)
        print(f"{sample.slug:32} {sample.title}  ({len(org)} positions, "
              f"{org.totals().planned} seats)")
    return 0


def _cmd_open(args: argparse.Namespace) -> int:
    from orgdesk.ui.launch import launch

    return launch(args.file)


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
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    if first not in (*COMMANDS, "open") and not any(a in ("-h", "--help", "--version") for a in argv):
        argv.insert(0, "open")
    args = _parser().parse_args(argv)
    handler = {
        "new": _cmd_new, "info": _cmd_info, "check": _cmd_check,
        "templates": _cmd_templates, "open": _cmd_open,
    }[args.command or "open"]
    try:
        return handler(args)
    except UserError as exc:
        print(f"orgdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one sentence here, the traceback in the log
        log = _log_bug()
        where = f"; details are in {log}" if log else ""
        print(f"orgdesk: internal error ({type(exc).__name__}){where}.", file=sys.stderr)
        return 70
