"""Document commands: new, info, check, templates."""
from __future__ import annotations

import argparse
from pathlib import Path

from orgdesk.cli.terminal import err, out, out_json
from orgdesk.core.errors import Sentence, UserError


def register(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser("new", help="create a new .orgdesk file")
    new.add_argument("output", type=Path, help="the file to create (must not exist)")
    new.add_argument("--template", metavar="NAME",
                     help="start from a bundled sample organisation (see `orgdesk templates`)")
    new.add_argument("--title", help="document title (default: the template's or the file name)")
    new.set_defaults(handler=_cmd_new)

    info = sub.add_parser("info", help="print a summary of FILE")
    info.add_argument("file", type=Path)
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=_cmd_info)

    check = sub.add_parser("check", help="check FILE's integrity and structure")
    check.add_argument("file", type=Path)
    check.set_defaults(handler=_cmd_check)

    templates = sub.add_parser("templates", help="list the bundled sample organisations")
    templates.set_defaults(handler=_cmd_templates)


def _cmd_new(args: argparse.Namespace) -> int:
    from orgdesk.core.model import DocumentInfo
    from orgdesk.core.organisation import Organisation
    from orgdesk.storage.document import EXTENSION, create_file

    output: Path = args.output
    if output.suffix.lower() != EXTENSION:
        output = output.with_name(output.name + EXTENSION)
    if output.exists():
        raise UserError(Sentence.of("“{file}” already exists; choose another name.",
                                    file=output.name))
    if args.template:
        from orgdesk.samples import template_organisation

        org = template_organisation(args.template)
    else:
        org = Organisation(DocumentInfo(title=output.stem))
    if args.title:
        from dataclasses import replace

        org.info = replace(org.info, title=args.title)
    create_file(output, org)
    out(f"Created {output} ({len(org)} positions).")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from orgdesk.report import summary
    from orgdesk.storage.reading import read_organisation

    data = summary(read_organisation(args.file))
    if args.json:
        out_json(data)
        return 0
    out(f"{data['title'] or args.file.name}",
        f"  positions: {data['positions']}   depth: {data['depth']}   roots: {data['roots']}",
        f"  headcount: {data['headcount_planned']} planned, {data['headcount_filled']} filled, "
        f"{data['vacancies']} vacant")
    for department in data["departments"]:
        out(f"  {department['name']}: {department['positions']} positions, "
            f"{department['headcount_planned']} planned")
    for warning in data["warnings"]:
        out(f"  warning: {warning}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from orgdesk.report import file_problems, structure_problems
    from orgdesk.storage.reading import read_organisation

    org = read_organisation(args.file)  # header, quick_check, schema, forest
    problems = file_problems(args.file) + structure_problems(org)
    if getattr(args, "scenario", None) is None:  # every scenario, not only the open one
        from orgdesk.storage.scenarios import scenario_problems

        problems += scenario_problems(args.file, org)
    if problems:
        err(f"{args.file.name}: {len(problems)} problem(s):", *(f"  {p}" for p in problems))
        return 1
    out(f"{args.file.name}: OK ({len(org)} positions, depth {org.depth()}).")
    return 0


def _cmd_templates(_args: argparse.Namespace) -> int:
    from orgdesk.samples import load_sample_source, samples

    for sample in samples():
        org = load_sample_source(sample.source)
        out(f"{sample.slug:32} {sample.title}  ({len(org)} positions, "
            f"{org.totals().planned} seats)")
    return 0


