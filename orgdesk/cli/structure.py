"""`orgdesk structure FILE`: the support structure the span rules call for, and applying it.

Headless (no Qt).  FILE is only read: marking positions fixed and applying the
plan write a new file OUT (`-o`), built and written atomically like
`orgdesk new`, never over FILE.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from orgdesk.cli.terminal import out, out_json
from orgdesk.core.errors import Sentence, UserError

if TYPE_CHECKING:  # the parser is built for every command: nothing heavy at import
    from orgdesk.core.model import PositionId
    from orgdesk.core.organisation import Organisation
    from orgdesk.design.structure import StructurePlan


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        "structure",
        help="derive the team leaders, supervisors, QA, trainers, planners and managers the "
             "agent seats call for under the span rules; --apply writes the result to OUT")
    cmd.add_argument("file", type=Path, help="an .orgdesk file (never changed)")
    cmd.add_argument("--json", action="store_true", help="print the plan as JSON")
    cmd.add_argument("--apply", action="store_true",
                     help="apply the plan (one step: create, adjust and remove support "
                          "positions) and write the result to OUT")
    cmd.add_argument("-o", "--output", type=Path, metavar="OUT",
                     help="the .orgdesk file to write (must not exist)")
    cmd.add_argument("--fix", nargs="+", default=[], metavar="ID",
                     help="mark these positions (ids or titles) as fixed: never changed by "
                          "a derived structure (written to OUT)")
    cmd.add_argument("--unfix", nargs="+", default=[], metavar="ID",
                     help="remove the fixed mark of these positions (written to OUT)")
    cmd.add_argument("--lang", choices=("zh", "en"), default="en",
                     help="the language of the explanations (default: en)")
    cmd.set_defaults(handler=_cmd_structure)


def _position(org: Organisation, text: str, option: str) -> PositionId:
    from orgdesk.core.model import PositionId

    text = text.strip()
    if text.isdigit() and PositionId(int(text)) in org:
        return PositionId(int(text))
    found = [p for p in org.positions() if p.title == text] or \
        [p for p in org.positions() if p.title.casefold() == text.casefold()]
    if len(found) == 1:
        return found[0].id
    if found:
        raise UserError(Sentence.of("{count} positions are called “{text}” (ids {ids}); give "
                                    "{option} the id of the one you mean.", count=len(found),
                                    text=text, ids=", ".join(str(p.id) for p in found),
                                    option=option))
    raise UserError(Sentence.of("There is no position with the title or id “{text}”.",
                                text=text))


def _target(args: argparse.Namespace) -> Path | None:
    from orgdesk.files import resolve_target

    writes = args.apply or args.fix or args.unfix
    if args.output is None:
        if writes:
            raise UserError("--apply, --fix and --unfix write a new file: give it with -o OUT "
                            "(FILE itself is never changed).")
        return None
    if not writes:
        raise UserError("-o writes the result of --apply, --fix or --unfix; give one of them.")
    output: Path = args.output
    if output.suffix.lower() != ".orgdesk":
        output = output.with_name(output.name + ".orgdesk")
    if output.exists() or resolve_target(output) == resolve_target(args.file):
        raise UserError(Sentence.of("“{file}” already exists; choose another name.",
                                    file=output.name))
    if not output.parent.is_dir():
        raise UserError(Sentence.of("Cannot write “{file}”: the folder “{parent}” does not "
                                    "exist.", file=output.name, parent=output.parent))
    return output


def _cmd_structure(args: argparse.Namespace) -> int:
    from orgdesk.design.apply import write_structured_copy
    from orgdesk.design.structure import derive_structure
    from orgdesk.storage.reading import read_organisation

    target = _target(args)
    org = read_organisation(args.file)
    fix = [_position(org, text, "--fix") for text in args.fix]
    unfix = [_position(org, text, "--unfix") for text in args.unfix]
    if target is None:
        plan, result = derive_structure(org), org
    else:
        plan, result = write_structured_copy(org, target, fix=fix, unfix=unfix,
                                             apply=args.apply)
    if args.json:
        data = plan.to_dict()
        data["applied"] = bool(args.apply)
        data["output"] = str(target) if target is not None else None
        out_json(data)
        return 0
    _print_plan(org, plan, args.lang)
    if target is not None:
        done = "Applied the plan and wrote" if args.apply else "Wrote"
        if args.lang == "zh":
            done = "已应用方案并写入" if args.apply else "已写入"
        out(f"{done} {target} ({len(result)} positions).")
    return 0


def _print_plan(org: Organisation, plan: StructurePlan, lang: str) -> None:
    from orgdesk.design.structure import ROLE_NAMES

    zh = lang == "zh"
    title = org.info.title or ""
    if zh:
        out(f"“{title}”的支持岗位推算（{plan.agents} 个座席）")
    else:
        out(f"Derived structure of “{title}” ({plan.agents} agent seats)")
    actions_zh = {"create": "新设", "adjust": "调整", "remove": "删除", "keep": "保持"}
    for line in plan.lines:
        action = actions_zh[line.action.value] if zh else line.action.value
        out(f"  [{action}] {line.explanation(lang)}")
    for note in (plan.notes_zh if zh else plan.notes_en):
        out(f"  {note}")
    if not plan.lines and not plan.notes_en:
        out("  没有座席岗位，无从推算。" if zh else "  No agent positions: nothing to derive.")
    totals = []
    for role, (before, after) in plan.totals().items():
        singular, plural, chinese = ROLE_NAMES[role]
        name = chinese if zh else (singular if after == 1 else plural)
        totals.append(f"{name} {before} → {after}")
    if totals:
        out(("  合计：" if zh else "  Totals: ") + ("，" if zh else ", ").join(totals))
    if plan.fixed:
        ids = ", ".join(str(p) for p in sorted(plan.fixed))
        out(f"  固定岗位：{ids}" if zh else f"  Fixed positions: {ids}")
