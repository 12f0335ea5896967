"""Plain-text and JSON forms of the analysis and of a comparison (CLI `report`, `diff`).

Tables are aligned by display width, so Chinese titles (two columns per
character in a terminal) line up with the figures beside them.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from orgdesk.analysis.compare import ChangeKind, Comparison
from orgdesk.analysis.headcount import HeadcountAnalysis, analyse_headcount
from orgdesk.analysis.span_check import Violation, check_span
from orgdesk.analysis.span_rules import SpanRules
from orgdesk.analysis.texts import tree_indent
from orgdesk.core.organisation import Organisation

#: Characters from the first wide block (Hangul Jamo) on; only these can be wide.
_MAYBE_WIDE = re.compile("[\u1100-\U0010ffff]")


def width(text: str) -> int:
    """Terminal columns `text` takes: wide and full-width characters take two."""
    if text.isascii():  # figures and Latin titles: most cells of a large report
        return len(text)
    return len(text) + sum(1 for c in _MAYBE_WIDE.findall(text)
                           if unicodedata.east_asian_width(c) in ("W", "F"))


def table(header: Sequence[str], rows: Sequence[Sequence[object]], indent: str = "  ") -> list[str]:
    """Rows under a header; the first column left-aligned, the figures right-aligned.

    Each cell is measured once (a report of 100,000 positions has a million cells).
    """
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    measured = [[width(text) for text in row] for row in cells]
    widths = [max(row[i] for row in measured) for i in range(len(header))]
    lines = []
    for row, sizes in zip(cells, measured):
        parts = [row[0] + " " * (widths[0] - sizes[0])]
        parts += [" " * (widths[i] - sizes[i]) + row[i] for i in range(1, len(row))]
        lines.append(indent + "  ".join(parts).rstrip())
    return lines


def analysis_dict(org: Organisation, rules: SpanRules) -> dict[str, Any]:
    """Everything `orgdesk report --json` prints."""
    analysis = analyse_headcount(org)
    return {
        "title": org.info.title,
        **analysis.to_dict(),
        "span_rules": rules.to_dict(),
        "violations": [v.to_dict() for v in check_span(org, rules)],
    }


def analysis_text(org: Organisation, rules: SpanRules, name: str) -> list[str]:
    """The lines `orgdesk report` prints."""
    analysis = analyse_headcount(org)
    totals = analysis.totals
    lines = [org.info.title or name,
             (f"  {totals.positions} positions, {totals.planned} planned seats, "
             f"{totals.filled} filled, {totals.vacancies} vacant"
              + (f", {totals.over} over" if totals.over else "")), "",
             "Positions (seats under = everything below the position):"]
    lines += table(
        ("position", "level", "reports", "under", "planned", "filled", "vacant",
         "planned under", "filled under", "vacant under"),
        [(tree_indent(f.level) + f.title, f.level, f.direct_reports, f.positions_under,
          f.planned, f.filled, f.vacancies, f.planned_under, f.filled_under, f.vacancies_under)
         for f in analysis.positions])
    lines += _groups(analysis)
    lines += ["", "Span-of-control rules:"] + [f"  {line}" for line in rules_text(rules)]
    lines += _violations(check_span(org, rules))
    return lines


def _groups(analysis: HeadcountAnalysis) -> list[str]:
    header = ("positions", "planned", "filled", "vacant")
    lines = ["", "Departments:"]
    lines += table(("department",) + header,
                   [(g.key or "(no department)", g.positions, g.planned, g.filled, g.vacancies)
                    for g in analysis.departments])
    lines += ["", "Levels:"]
    lines += table(("level",) + header,
                   [(g.key, g.positions, g.planned, g.filled, g.vacancies)
                    for g in analysis.levels])
    return lines


def _violations(violations: list[Violation]) -> list[str]:
    if not violations:
        return ["", "No span-of-control violations."]
    return ["", f"{len(violations)} span-of-control violation(s):"] + [
        f"  [{v.position_id}] {v.message}" for v in violations]


def rules_text(rules: SpanRules) -> list[str]:
    """The rules as one readable line each, with how roles are recognised."""
    def state(enabled: bool) -> str:
        return "" if enabled else " (off)"

    lines = [
        (f"team leader: {rules.team_leader.min_agents}-{rules.team_leader.max_agents} agent seats"
        f"{state(rules.team_leader.enabled)}"),
        (f"QA inspector: one per {rules.qa.min_agents}-{rules.qa.max_agents} agent seats"
        f"{state(rules.qa.enabled)}"),
        (f"trainer: one per {rules.trainer.min_agents}-{rules.trainer.max_agents} agent seats"
        f"{state(rules.trainer.enabled)}"),
        (f"manager: at most {rules.manager.max_reports} direct-report seats"
        f"{state(rules.manager.enabled)}"),
    ]
    for name in ("agent", "team_leader", "qa", "trainer", "manager"):
        matcher = getattr(rules.roles, name)
        text = f"{name.replace('_', ' ')} titles contain: {'、'.join(matcher.keywords) or '—'}"
        if matcher.exclude:
            text += f"; not: {'、'.join(matcher.exclude)}"
        lines.append(text)
    return lines


def comparison_text(comparison: Comparison, old_name: str, new_name: str) -> list[str]:
    """The lines `orgdesk diff` prints."""
    if comparison.is_empty:
        return [f"No differences between {old_name} and {new_name}."]
    counts = ", ".join(f"{comparison.count(kind)} {kind.value}" for kind in ChangeKind
                       if comparison.count(kind))
    how = ("source ids (the keys of the file they were imported from)"
           if comparison.by_source_id else
           "ids" if comparison.ids_trusted else "title and superior (the ids differ)")
    old, new = comparison.old_totals, comparison.new_totals
    lines = [f"{old_name} → {new_name}: {counts or 'no position changes'}; matched by {how}.",
             (f"  planned seats {old.planned} → {new.planned} ({new.planned - old.planned:+d}), "
             f"positions {old.positions} → {new.positions}")]
    if comparison.changes:
        lines.append("")
        lines += [f"  {change.kind.value:8} {change.detail}" for change in comparison.changes]
    if comparison.departments:
        lines += ["", "Headcount by department:"]
        lines += table(("department", "planned", "→", "Δ", "positions", "→", "Δ"),
                       [(d.name or "(no department)", d.old_planned, d.new_planned,
                         f"{d.planned_delta:+d}", d.old_positions, d.new_positions,
                         f"{d.positions_delta:+d}") for d in comparison.departments])
    return lines
