"""`orgdesk size`: size an agent position from its workload (Erlang C; Erlang A beside it).

    orgdesk size FILE --position TITLE_OR_ID (--forecast FILE | --calls N/h | --daily N)
                 --aht S --sl 80/20 [--asa S] [--occupancy 85] --shrinkage 30
                 --hours 08:00-22:00 [--json] [--apply -o OUT]

Without a volume the workload stored in the document for that position is
sized, with any option given on the line overriding it.  `--apply -o OUT`
writes a copy of FILE (through the document's own atomic Save As) in which
the position plans the sized headcount and keeps its workload, and — when the
derived structure is available — the support positions follow from it in the
same step; FILE itself is never written.
"""
from __future__ import annotations

import argparse
import dataclasses
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgdesk.cli.terminal import out, out_json
from orgdesk.core.errors import Sentence, UserError

if TYPE_CHECKING:
    from orgdesk.core.organisation import Organisation
    from orgdesk.design.sizing import Sizing
    from orgdesk.design.workload import Workload


def register(sub: argparse._SubParsersAction) -> None:
    size = sub.add_parser(
        "size", help="size an agent position's headcount from its workload (Erlang C)",
        description="Size an agent position from its call workload: agents per interval by "
                    "Erlang C, scheduled FTE with shrinkage, and the planned headcount.")
    size.add_argument("file", type=Path, help="an .orgdesk file (never modified)")
    size.add_argument("--position", required=True, metavar="TITLE_OR_ID",
                      help="the agent position: its id or its exact title")
    volume = size.add_mutually_exclusive_group()
    volume.add_argument("--forecast", type=Path, metavar="FILE",
                        help="a CSV or Excel forecast: interval start, contacts")
    volume.add_argument("--calls", metavar="N/h", help="the same contacts every hour, e.g. 120/h")
    volume.add_argument("--daily", type=float, metavar="N",
                        help="contacts a day, spread evenly over the opening hours")
    size.add_argument("--aht", type=float, metavar="S", help="average handle time in seconds")
    size.add_argument("--sl", metavar="P/T",
                      help="service-level target: P %% answered within T seconds (default 80/20)")
    size.add_argument("--asa", type=float, metavar="S", help="average-speed-of-answer target")
    size.add_argument("--occupancy", type=float, metavar="P",
                      help="maximum occupancy in per cent (default 100: no cap)")
    size.add_argument("--shrinkage", type=float, metavar="P",
                      help="shrinkage in per cent (default 30)")
    size.add_argument("--hours", metavar="HH:MM-HH:MM", help="opening hours (default 08:00-22:00)")
    size.add_argument("--interval", type=int, choices=(15, 30, 60),
                      help="interval length in minutes (default: the forecast's, else 30)")
    size.add_argument("--paid-hours", type=float, metavar="H",
                      help="paid hours per FTE per week (default 40)")
    size.add_argument("--days", type=float, metavar="D",
                      help="opening days per week (default 7)")
    size.add_argument("--channel", choices=("voice", "chat", "email"))
    size.add_argument("--concurrency", type=float, metavar="N", help="chats per agent at once")
    size.add_argument("--window", type=float, metavar="MIN",
                      help="e-mail response window in minutes (default 240)")
    size.add_argument("--patience", type=float, metavar="S",
                      help="callers' mean patience: also size by Erlang A and show the difference")
    size.add_argument("--min-agents", type=int, metavar="N",
                      help="agents staffed in every open interval (default 1)")
    size.add_argument("--lang", choices=("zh", "en"),
                      help="the explanation's language (default: the document's)")
    size.add_argument("--intervals", action="store_true", help="also list every interval")
    size.add_argument("--json", action="store_true", help="print JSON")
    size.add_argument("--apply", action="store_true",
                      help="write OUT with the position's planned headcount set (needs -o)")
    size.add_argument("-o", "--output", type=Path, metavar="OUT", help="the file --apply writes")
    size.set_defaults(handler=_cmd_size)


def find_position(org: Organisation, text: str) -> int:
    """The position named by `text`: its id, else its exact title (one sentence if not one)."""
    wanted = text.strip()
    if wanted.isascii() and wanted.isdigit():
        pid = int(wanted)
        if pid in {p.id for p in org.positions()}:
            return pid
    folded = wanted.casefold()
    found = [p.id for p in org.positions() if p.title.strip().casefold() == folded]
    if len(found) == 1:
        return int(found[0])
    if found:
        raise UserError(Sentence.of("“{title}” names {count} positions (ids {ids}); give one "
                                    "id.", title=wanted[:80], count=len(found),
                                    ids=", ".join(str(i) for i in found[:10])))
    raise UserError(Sentence.of("The document has no position “{title}”.", title=wanted[:80]))


def _per_hour(text: str) -> float:
    number = text.strip().lower().removesuffix("/h").removesuffix("/hour").strip()
    try:
        value = float(number)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value >= 0):
        raise UserError(Sentence.of("“{text}” is not a number of calls an hour such as 120/h.",
                                    text=text[:40]))
    return value


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The workload fields the options on the line set."""
    from orgdesk.design.workload import parse_hours, parse_service_level

    changes: dict[str, Any] = {}
    plain = {"aht": args.aht, "asa": args.asa, "max_occupancy": args.occupancy,
             "shrinkage": args.shrinkage, "paid_hours": args.paid_hours,
             "days_per_week": args.days, "channel": args.channel,
             "concurrency": args.concurrency, "response_window": args.window,
             "patience": args.patience, "min_agents": args.min_agents,
             "interval_minutes": args.interval}
    changes.update({key: value for key, value in plain.items() if value is not None})
    if args.sl is not None:
        changes["service_level"], changes["threshold"] = parse_service_level(args.sl)
    elif args.asa is not None:
        changes["service_level"] = None  # an ASA target alone
    if args.hours is not None:
        changes["opens"], changes["closes"] = parse_hours(args.hours)
    return changes


def build_workload(args: argparse.Namespace, stored: Workload | None) -> Workload:
    from orgdesk.design.workload import DEFAULT_CLOSES, DEFAULT_OPENS, Workload

    changes = _changes(args)
    if args.forecast is not None:
        from orgdesk.io.forecast import busy_hours, read_forecast

        forecast = read_forecast(args.forecast, args.interval)
        changes.update(volumes=forecast.volumes, interval_minutes=forecast.interval_minutes,
                       daily_volume=None, profile=())
        hours = busy_hours(forecast)
        if "opens" not in changes and stored is None and hours is not None:
            changes["opens"], changes["closes"] = hours  # the hours the forecast has contacts
    elif args.calls is not None or args.daily is not None:
        opens = changes.get("opens", stored.opens if stored else DEFAULT_OPENS)
        closes = changes.get("closes", stored.closes if stored else DEFAULT_CLOSES)
        daily = args.daily
        if args.calls is not None:
            daily = _per_hour(args.calls) * max(closes - opens, 0) / 60
        changes.update(volumes=(), daily_volume=daily, profile=())
    elif stored is None:
        raise UserError("Give the contacts with --forecast, --calls or --daily; the position has "
                        "no workload stored in the document.")
    if stored is not None:
        return dataclasses.replace(stored, **changes)
    if "aht" not in changes:
        raise UserError("Give the average handle time with --aht (seconds).")
    return Workload(**changes)


def _finite(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, 6)


def sizing_json(sizing: Sizing, position: int, title: str, explanation: list[str]
                ) -> dict[str, Any]:
    peak = sizing.peak
    rows = [{"start": r.start, "day": r.day + 1, "time": f"{r.start % 1440 // 60:02d}:"
             f"{r.start % 60:02d}", "contacts": _finite(r.contacts),
             "erlangs": _finite(r.traffic), "agents": r.agents,
             "service_level": _finite(r.service_level), "asa": _finite(r.asa),
             "occupancy": _finite(r.occupancy), "wait_probability": _finite(r.wait_probability),
             "agents_erlang_a": r.agents_a, "service_level_erlang_a": _finite(r.service_level_a),
             "abandon_erlang_a": _finite(r.abandon_a)} for r in sizing.intervals]
    return {"position": position, "title": title, "workload": sizing.workload.to_dict(),
            "model": sizing.model, "peak": rows[sizing.intervals.index(peak)],
            "weekly_agent_hours": _finite(sizing.weekly_hours), "fte": _finite(sizing.fte),
            "headcount": sizing.headcount, "fte_erlang_a": _finite(sizing.fte_a),
            "headcount_erlang_a": sizing.headcount_a, "occupancy_capped": sizing.occupancy_capped,
            "explanation": explanation, "intervals": rows}


def _cmd_size(args: argparse.Namespace) -> int:
    from orgdesk.design.explain import explain, number, when
    from orgdesk.design.sizing import size
    from orgdesk.design.workload import workloads_of
    from orgdesk.layout.words import content_language
    from orgdesk.storage.reading import read_organisation

    if args.apply and args.output is None:
        raise UserError("--apply writes a new file: give it with -o OUT.")
    if args.output is not None and not args.apply:
        raise UserError("-o OUT is written only with --apply.")
    org = read_organisation(args.file)
    pid = find_position(org, args.position)
    stored = workloads_of(org.settings).get(pid)
    workload = build_workload(args, stored)
    sizing = size(workload)
    lang = args.lang or content_language(p.title for p in org.positions())
    explanation = explain(sizing, lang)
    title = org.position(pid).title  # type: ignore[arg-type]  # an int id of this document
    written = 0
    if args.apply:
        written = _apply(org, args.file, args.output, pid, workload, sizing.headcount)
    if args.json:
        data = sizing_json(sizing, pid, title, explanation)
        data["applied"] = bool(args.apply)
        data["output"] = str(args.output) if args.apply else None
        out_json(data)
        return 0
    peak = sizing.peak
    out(f"{title} (position {pid}): {sizing.headcount} seats planned "
        f"({number(sizing.fte, 2)} FTE); peak {when(peak, workload.days, 'en')}: "
        f"{number(peak.traffic, 2)} Erlangs, {peak.agents} agents.")
    if sizing.headcount_a is not None:
        out(f"  Erlang A (patience {number(workload.patience or 0)} s): "
            f"{sizing.headcount_a} seats ({number(sizing.fte_a or 0, 2)} FTE).")
    for line in explanation:
        out(f"  {line}")
    if args.intervals:
        out("  interval      contacts  Erlangs  agents      SL     ASA   occupancy")
        for r in sizing.intervals:
            sl = "—" if r.service_level is None else f"{r.service_level * 100:.1f}%"
            asa = "—" if r.asa is None else ("∞" if math.isinf(r.asa) else f"{r.asa:.1f}s")
            out(f"  {when(r, workload.days, 'en'):>12} {r.contacts:9.1f} {r.traffic:8.2f} "
                f"{r.agents:7d} {sl:>7} {asa:>7} {r.occupancy * 100:10.1f}%")
    if args.apply:
        out(f"Wrote {args.output} ({written} positions) with “{title}” planning "
            f"{sizing.headcount} seats and its support structure derived.")
    return 0


def _apply(org: Organisation, source: Path, output: Path, pid: int, workload: Workload,
           headcount: int) -> int:
    """Write OUT: the document with the position's planned headcount and workload, and
    the support structure derived for it, as one edit; written as a new file the way
    `orgdesk new` and `orgdesk structure --apply` write theirs. FILE is never touched.
    Returns the positions in OUT."""
    from orgdesk.design.apply import apply_structure
    from orgdesk.design.structure import derive_structure
    from orgdesk.design.workload import WORKLOADS_SETTING, with_workload
    from orgdesk.files import name_of, resolve_target
    from orgdesk.services.editor import DocumentService
    from orgdesk.storage.document import EXTENSION, DocumentFile, create_file

    if output.suffix.lower() != EXTENSION:
        output = output.with_name(output.name + EXTENSION)
    if output.exists() or resolve_target(output) == resolve_target(source):
        raise UserError(Sentence.of("{file} already exists; choose another name.",
                                    file=name_of(output)))
    if not output.parent.is_dir():
        raise UserError(Sentence.of("Cannot write {file}: its folder does not exist.",
                                    file=name_of(output)))
    with DocumentFile.new(org.copy()) as file:
        service = DocumentService(file)
        with service.batch("Size the agent position"):
            service.set_setting(WORKLOADS_SETTING,
                                with_workload(service.org.settings, pid, workload))
            service.edit_position(pid, planned_headcount=headcount)  # type: ignore[arg-type]  # an int id of this document
            apply_structure(service, derive_structure(service.org, None, {pid: headcount}))
        create_file(output, service.org)
        return len(service.org)
