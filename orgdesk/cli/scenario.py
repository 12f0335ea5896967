"""`orgdesk scenario list|create|rename|delete|compare FILE …`: a document's scenarios.

list and compare only read the file.  create, rename and delete change it
in place, as the editor would: the file is opened (locked, a working copy
built and validated), the operation is one transaction there, and Save
writes the whole file atomically; a file open in the editor is refused as
"in use".  compare prints the impact table (or JSON), and with `-o` writes
it as a PDF or XLSX file.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from orgdesk.cli.terminal import out, out_json
from orgdesk.core.errors import Sentence, UserError


def register(sub: argparse._SubParsersAction) -> None:
    scenario = sub.add_parser("scenario", help="list, create, rename, delete or compare the "
                                               "scenarios of a file")
    commands = scenario.add_subparsers(dest="scenario_command", metavar="ACTION",
                                       required=True)
    listing = commands.add_parser("list", help="the scenarios of FILE, the open one marked *")
    listing.add_argument("file", type=Path, help="an .orgdesk file")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_cmd_list)

    create = commands.add_parser("create", help="a new scenario: a copy of another one")
    create.add_argument("file", type=Path, help="an .orgdesk file (changed in place)")
    create.add_argument("name", help="the new scenario's name")
    create.add_argument("--from", dest="source", metavar="NAME",
                        help="copy this scenario (default: the open one)")
    create.set_defaults(handler=_cmd_create)

    rename = commands.add_parser("rename", help="rename a scenario")
    rename.add_argument("file", type=Path, help="an .orgdesk file (changed in place)")
    rename.add_argument("old", help="its name now")
    rename.add_argument("new", help="its new name")
    rename.set_defaults(handler=_cmd_rename)

    delete = commands.add_parser("delete", help="delete a scenario (never the last one)")
    delete.add_argument("file", type=Path, help="an .orgdesk file (changed in place)")
    delete.add_argument("name", help="the scenario to delete")
    delete.set_defaults(handler=_cmd_delete)

    compare = commands.add_parser("compare", help="compare two scenarios: changed positions "
                                                  "and the impact per department")
    compare.add_argument("file", type=Path, help="an .orgdesk file")
    compare.add_argument("a", help="the baseline scenario")
    compare.add_argument("b", help="the scenario compared with it")
    compare.add_argument("--json", action="store_true", help="print JSON")
    compare.add_argument("-o", "--output", type=Path, metavar="OUT",
                         help="also write the comparison to OUT (.pdf or .xlsx)")
    compare.add_argument("--lang", choices=("zh", "en"),
                         help="the PDF's or workbook's language (default: the document's, so "
                              "Chinese titles make a Chinese comparison)")
    compare.set_defaults(handler=_cmd_compare)


def _read(path: Path) -> tuple[Any, list[Any]]:
    """The file's open organisation and its scenarios, read without opening it for editing."""
    from orgdesk.storage import intake
    from orgdesk.storage.reading import read_organisation
    from orgdesk.storage.scenarios import list_scenarios

    org = read_organisation(path)  # validates the file (checksum, schema, rows)
    return org, intake.read_validated(path, lambda conn, version: list_scenarios(conn, path)
                                      if _has_scenarios(conn) else None) or []


def _has_scenarios(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = "
                        "'scenarios'").fetchone() is not None


def _cmd_list(args: argparse.Namespace) -> int:
    from orgdesk.storage.scenario_table import DEFAULT_NAME
    from orgdesk.storage.scenarios import ScenarioInfo

    _org, listed = _read(args.file)
    listed = listed or [ScenarioInfo(1, DEFAULT_NAME, 0, True)]
    if args.json:
        out_json([{"name": s.name, "open": s.active, "order": s.ordinal} for s in listed])
    else:
        out(*(f"{'*' if s.active else ' '} {s.name}" for s in listed))
    return 0


def _edit(path: Path, operation: Any) -> None:
    """Open `path`, run `operation(scenarios)` as one transaction, save and close."""
    from orgdesk.services.editor import DocumentService
    from orgdesk.services.scenarios import ScenarioService
    from orgdesk.storage.document import DocumentFile

    with DocumentFile.open(path, recover=False) as file:
        scenarios = ScenarioService(DocumentService(file))
        operation(scenarios)
        file.save()


def _cmd_create(args: argparse.Namespace) -> int:
    def create(scenarios: Any) -> None:
        if args.source is not None:
            source = scenarios.find(args.source)
            if not source.active:
                # Copy another scenario: open it, copy it, and go back (one file, one save).
                back = scenarios.active()
                scenarios.switch(source.id)
                scenarios.create(args.name)
                scenarios.switch(back.id)
                return
        scenarios.create(args.name)

    _edit(args.file, create)
    out(f"Created scenario “{args.name.strip()}” in {args.file}.")
    return 0


def _cmd_rename(args: argparse.Namespace) -> int:
    _edit(args.file, lambda s: s.rename(s.find(args.old).id, args.new))
    out(f"Renamed scenario “{args.old}” to “{args.new.strip()}” in {args.file}.")
    return 0


def _cmd_delete(args: argparse.Namespace) -> int:
    _edit(args.file, lambda s: s.delete(s.find(args.name).id))
    out(f"Deleted scenario “{args.name}” from {args.file}.")
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from orgdesk.analysis.scenario_impact import compare_scenarios
    from orgdesk.storage.reading import SCENARIO, read_organisation

    organisations = []
    for name in (args.a, args.b):
        token = SCENARIO.set(name)
        try:
            organisations.append(read_organisation(args.file))
        finally:
            SCENARIO.reset(token)
    comparison = compare_scenarios(organisations[0], organisations[1], args.a, args.b,
                                   _cost())
    if args.output is not None:
        _write(comparison, organisations[0], organisations[1], args.output, args.lang)
    if args.json:
        out_json(comparison.to_dict())
    else:
        from orgdesk.export.scenario_compare import impact_lines

        out(*impact_lines(comparison))
        if args.output is not None:
            out(f"Wrote {args.output}.")
    return 0


def _cost() -> Any:
    from orgdesk.export.scenario_compare import cost_by_department

    return cost_by_department


def _write(comparison: Any, a: Any, b: Any, output: Path, lang: str | None) -> None:
    """The comparison as a deliverable in `lang`, by default the language of the
    document's content (as `handbook` and `report --cost` choose): its words, units
    and the default scenario's name (see services.scenario_names)."""
    from dataclasses import replace
    from itertools import chain

    from orgdesk.export.scenario_words import comparison_labels, cost_unit
    from orgdesk.layout.words import Language, content_language
    from orgdesk.services.scenario_names import shown_name

    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise UserError(Sentence.of("A comparison is written as .pdf or .xlsx, not “{suffix}”.",
                                    suffix=output.suffix or output.name))
    language: Language = ("zh" if lang == "zh" else "en") if lang else \
        content_language(p.title for p in chain(a.positions(), b.positions()))
    labels = comparison_labels(language, cost_unit(comparison, a, b))
    shown = replace(comparison, name_a=shown_name(comparison.name_a, language),
                    name_b=shown_name(comparison.name_b, language))
    if suffix == ".xlsx":
        from orgdesk.export.scenario_compare import write_xlsx

        write_xlsx(shown, output, labels)
    else:
        from orgdesk.paint.scenario_pdf import write_pdf

        write_pdf(shown, a, b, output, labels)
