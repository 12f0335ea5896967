"""What a job-description handbook says, independent of its file format.

One `PositionSheet` per distinct job description, laid out like the seeds'
岗位说明书: 职位名称, 所属部门, 职位定员 (with vacancies), 直接上级, 直接下属,
then 岗位职责, 任职要求, 关键绩效指标 and 发展方向.  Positions whose descriptions
are the same (eight 座席员 under eight team leaders) share one sheet that says
where the position appears and how many seats it has in all.  The words the
handbook adds are in its own language (`labels`); the PDF, DOCX and HTML
writers only decide how it looks.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from orgdesk.analysis.headcount import HeadcountAnalysis, analyse_headcount
from orgdesk.core.model import Kpi, Position, PositionId, PositionKind, Requirements
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook.labels import (
    CHINESE,
    date_text,
    headcount_text,
    kpi_line,
    labels_for,
    requirement_lines,
)
from orgdesk.layout.words import Language, content_language

#: The Chinese labels (the default handbook's); `HandbookContent.labels` is the one to use.
LABELS = CHINESE

#: What one job description shows.  A handbook is read by people: a title of
#: 100,000 characters or a position with 10,000 duties made the PDF run for
#: minutes (Qt lays out a table cell many pages long again for every page).
#: Beyond these limits a text is cut and says how much is not shown; the
#: document itself is unchanged.
MAX_NAME_CHARS = 200  # titles and names: headings, table cells, chart boxes, the cover
MAX_TEXT_CHARS = 2_000  # one duty, requirement, KPI, career path or note
MAX_LIST_ITEMS = 100  # duties, requirements, KPIs, direct reports of one position
MAX_LIST_CHARS = 10_000  # all the items of one list together


@dataclass(frozen=True, slots=True)
class Ref:
    """A position named on a sheet, and the anchor of the sheet describing it."""

    text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class PositionSheet:
    """One job description, as text ready to lay out; shared by identical positions."""

    number: str  # "3.2"-style section number
    anchor: str  # "p<first position id>": the id HTML links and DOCX bookmarks use
    position_ids: tuple[PositionId, ...]  # every position it describes, in tree order
    title: str
    heading: str  # the title, with its department or superior when the title repeats
    department: str
    headcount: str  # the seats of every position it describes, together
    headcount_note: str
    superiors: tuple[Ref, ...]
    report_refs: tuple[Ref, ...]
    duties: tuple[str, ...]
    requirements: tuple[str, ...]
    kpis: tuple[str, ...]
    career_path: str
    staff: bool
    # "" or what a list leaves out (labels["more_items"]), shown after its items.
    duties_omitted: str = ""
    requirements_omitted: str = ""
    kpis_omitted: str = ""
    reports_omitted: str = ""
    #: Where a shared description's positions appear ("组长A1", "组长A2 ×2" …);
    #: empty for a position described alone.
    appears: tuple[str, ...] = ()
    appears_omitted: str = ""
    none: str = "无"
    separator: str = "、"

    @property
    def position_id(self) -> PositionId:
        return self.position_ids[0]

    @property
    def superior(self) -> str:
        return self.separator.join(r.text for r in self.superiors) or self.none

    @property
    def reports(self) -> str:
        if not self.report_refs:
            return self.none
        return self.separator.join(r.text for r in self.report_refs) + self.reports_omitted


@dataclass(frozen=True)
class HandbookContent:
    """The whole handbook: cover, the org chart's scope, the figures and the sheets."""

    title: str  # the document's title ("" when it has none)
    scope: str  # "" for the whole organisation, else the branch's root title
    client: str
    author: str
    date_text: str
    sheets: tuple[PositionSheet, ...]
    analysis: HeadcountAnalysis
    org: Organisation  # the organisation (or branch) the handbook covers
    lang: Language = "zh"
    version: str = ""  # the document's last change, as a date
    labels: dict[str, str] = field(default_factory=lambda: CHINESE)

    def section_titles(self) -> list[tuple[str, str]]:
        """(number, title) of every section, for the table of contents (no repeats)."""
        labels = self.labels
        return ([("1", labels["chart"]), ("2", labels["summary"]), ("3", labels["sheets"])]
                + [(s.number, s.heading) for s in self.sheets])

    @property
    def running_title(self) -> str:
        """What the running header and the file's properties call the handbook."""
        return self.title or self.client

    def cover_rows(self) -> tuple[tuple[str, str], ...]:
        labels = self.labels
        return ((labels["client"], self.client), (labels["branch"], self.scope),
                (labels["author"], self.author), (labels["date"], self.date_text),
                (labels["version"], self.version))


def handbook_language(org: Organisation) -> Language:
    """The handbook's language when none is chosen: the document's content's."""
    return content_language(p.title for p in org.positions())


# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, U+FFFE/FFFF, lone
# surrogates): a DOCX cannot hold them and no reader wants them in a PDF or page.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def shown(text: str, limit: int, labels: dict[str, str] = CHINESE) -> str:
    """`text`, or its first `limit` characters and a note of how many more there are."""
    if len(text) <= limit:
        return text
    return text[:limit] + labels["more_characters"].format(count=f"{len(text) - limit:,}")


def shown_items(items: Sequence[str], limit: int = MAX_TEXT_CHARS,
                labels: dict[str, str] = CHINESE) -> tuple[tuple[str, ...], str]:
    """The items a job description lists (each cut to `limit`) and a note of those left out.

    At most MAX_LIST_ITEMS items and MAX_LIST_CHARS characters together; the
    note is "" when every item is shown.
    """
    kept: list[str] = []
    room = MAX_LIST_CHARS
    for item in items:
        if len(kept) == MAX_LIST_ITEMS or (kept and room <= 0):
            break
        text = shown(item, min(limit, max(room, 1)), labels)
        kept.append(text)
        room -= len(text)
    left = len(items) - len(kept)
    return tuple(kept), (labels["more_items"].format(count=f"{left:,}") if left else "")


def printable_organisation(org: Organisation, lang: Language = "zh") -> Organisation:
    """A copy of `org` whose text every handbook format can carry, in the length it shows.

    Characters no format can hold are dropped, and names and texts are cut to
    MAX_NAME_CHARS and MAX_TEXT_CHARS with a note of what is not shown, so
    the chart, headings and tables of every format show the same text.
    """
    labels = labels_for(lang)

    def clean(text: str, limit: int = MAX_TEXT_CHARS) -> str:
        return shown(_UNPRINTABLE.sub("", text), limit, labels)

    def name(text: str) -> str:
        return clean(text, MAX_NAME_CHARS).strip() or "?"

    def clean_position(p: Position) -> Position:
        req = p.requirements
        return replace(
            p, title=name(p.title), level=clean(p.level, MAX_NAME_CHARS),
            headcount_note=clean(p.headcount_note), duties=tuple(map(clean, p.duties)),
            requirements=replace(req, languages=tuple(map(clean, req.languages)),
                                 skills=tuple(map(clean, req.skills)), other=clean(req.other)),
            kpis=tuple(Kpi(clean(k.name), clean(k.target)) for k in p.kpis),
            career_path=clean(p.career_path), notes=clean(p.notes))

    info = replace(org.info, title=clean(org.info.title, MAX_NAME_CHARS),
                   client=clean(org.info.client, MAX_NAME_CHARS),
                   author=clean(org.info.author, MAX_NAME_CHARS), notes=clean(org.info.notes))
    departments = [replace(d, name=name(d.name)) for d in org.departments]
    relations = [replace(r, label=clean(r.label)) for r in org.relations]
    return Organisation(info, departments, [clean_position(p) for p in org.positions()], relations)


#: What makes two job descriptions the same: the text a reader sees, never the
#: id, the superior, the department or the number of seats.
DescriptionKey = tuple[str, tuple[str, ...], Requirements, tuple[Kpi, ...], str, PositionKind]


def description_key(position: Position) -> DescriptionKey:
    return (position.title, position.duties, position.requirements, position.kpis,
            position.career_path, position.kind)


def description_groups(org: Organisation) -> list[list[Position]]:
    """The positions of `org` grouped by identical job description, in tree order."""
    groups: dict[DescriptionKey, list[Position]] = {}
    for position in org.positions():
        groups.setdefault(description_key(position), []).append(position)
    return list(groups.values())


def _seats(counts: list[int]) -> str:
    """" ×14" when every occurrence has 14 seats, " ×12–14" when they differ, "" for one."""
    low, high = min(counts), max(counts)
    if low == high:
        return f" ×{low}" if low != 1 else ""
    return f" ×{low}–{high}"


class _Builder:
    """Makes the sheets: groups, their anchors, and the references between them."""

    def __init__(self, org: Organisation, lang: Language) -> None:
        self.org = org
        self.lang = lang
        self.labels = labels_for(lang)
        self.departments = {d.id: d.name for d in org.departments}
        self.groups = description_groups(org)
        self.anchor_of: dict[PositionId, str] = {}
        for group in self.groups:
            anchor = f"p{group[0].id}"
            for position in group:
                self.anchor_of[position.id] = anchor

    def department(self, position: Position) -> str:
        return ("" if position.department_id is None
                else self.departments[position.department_id])

    def headings(self) -> list[str]:
        """A title used by several different descriptions (four "项目组长" with their
        own duties) gets its department, or else its superiors' titles, or else a
        number, so the contents never lists the same line twice."""
        labels = self.labels
        by_title: dict[str, list[int]] = {}
        for index, group in enumerate(self.groups):
            by_title.setdefault(group[0].title, []).append(index)
        headings = [group[0].title for group in self.groups]

        def department(group: list[Position]) -> str:
            return labels["list_separator"].join(
                dict.fromkeys(filter(None, map(self.department, group))))

        def superiors(group: list[Position]) -> str:
            return labels["list_separator"].join(r.text for r in self.superiors(group)[:3])

        for title, indexes in by_title.items():
            if len(indexes) == 1:
                continue
            places: list[str] = []
            for describe in (department, superiors):
                places = [describe(self.groups[i]) for i in indexes]
                if all(places) and len(set(places)) == len(places):
                    break
            else:  # nothing tells them apart: numbered, with what there is
                places = [f"{place} {n}".strip() for n, place in enumerate(places, start=1)]
            for index, place in zip(indexes, places):
                headings[index] = shown(f"{title}{labels['open']}{place}{labels['close']}",
                                        MAX_NAME_CHARS * 2, labels)
        return headings

    def superiors(self, group: list[Position]) -> tuple[Ref, ...]:
        """The superiors' descriptions (four 项目组长 sharing one description are one)."""
        refs: dict[str, Ref] = {}
        for position in group:
            superior = self.org.superior(position.id)
            if superior is not None:
                anchor = self.anchor_of[superior.id]
                refs.setdefault(anchor, Ref(superior.title, anchor))
        return tuple(refs.values())

    def reports(self, group: list[Position]) -> tuple[tuple[Ref, ...], str]:
        """The direct reports of every position in `group`, one entry per description."""
        seats: dict[str, list[int]] = {}
        title: dict[str, str] = {}
        for position in group:
            per_anchor: dict[str, int] = {}
            for report in self.org.direct_reports(position.id):
                anchor = self.anchor_of[report.id]
                title.setdefault(anchor, report.title)
                per_anchor[anchor] = per_anchor.get(anchor, 0) + report.planned_headcount
            for anchor, count in per_anchor.items():
                seats.setdefault(anchor, []).append(count)
        refs = [Ref(title[a] + _seats(counts), a) for a, counts in seats.items()]
        shown_texts, omitted = shown_items([r.text for r in refs], labels=self.labels)
        return tuple(refs[:len(shown_texts)]), omitted

    def appears(self, group: list[Position]) -> tuple[tuple[str, ...], str]:
        """Where a shared description's positions are: superior (department) ×seats."""
        if len(group) == 1:
            return (), ""
        labels = self.labels
        places: dict[str, int] = {}
        for position in group:
            superior = self.org.superior(position.id)
            where = superior.title if superior is not None else labels["none"]
            department = self.department(position)
            if department:
                where += f"{labels['open']}{department}{labels['close']}"
            places[where] = places.get(where, 0) + position.planned_headcount
        texts = [where + (f" ×{seats}" if seats != 1 else "") for where, seats in places.items()]
        shown_texts, omitted = shown_items(texts, labels=self.labels)
        return shown_texts, omitted + labels["places"].format(count=f"{len(group):,}")

    def sheet(self, index: int, group: list[Position], heading: str) -> PositionSheet:
        labels, lang = self.labels, self.lang
        position = group[0]
        duties, duties_omitted = shown_items(position.duties, labels=labels)
        requirements, requirements_omitted = shown_items(
            requirement_lines(position.requirements, lang), labels=labels)
        kpis, kpis_omitted = shown_items(
            [kpi_line(k, lang) for k in position.kpis[:MAX_LIST_ITEMS]], labels=labels)
        if len(position.kpis) > MAX_LIST_ITEMS:  # KPI lines are made only for those shown
            kpis_omitted = labels["more_items"].format(
                count=f"{len(position.kpis) - len(kpis):,}")
        departments = list(dict.fromkeys(filter(None, map(self.department, group))))
        notes = list(dict.fromkeys(p.headcount_note for p in group if p.headcount_note))
        planned = sum(p.planned_headcount for p in group)
        filled = sum(p.filled_headcount for p in group)
        report_refs, reports_omitted = self.reports(group)
        appears, appears_omitted = self.appears(group)
        return PositionSheet(
            number=f"3.{index}",
            anchor=self.anchor_of[position.id],
            position_ids=tuple(p.id for p in group),
            title=position.title,
            heading=heading,
            department=labels["list_separator"].join(departments) or labels["none"],
            headcount=headcount_text(planned, filled, lang),
            # One note is already cut to MAX_TEXT_CHARS; the notes of several positions
            # sharing the sheet are bounded together like a list.
            headcount_note=(notes[0] if len(notes) == 1
                            else shown("\n".join(notes), MAX_LIST_CHARS, labels)),
            superiors=self.superiors(group),
            report_refs=report_refs,
            reports_omitted=reports_omitted,
            duties=duties,
            requirements=requirements,
            kpis=kpis,
            career_path=position.career_path,
            staff=position.kind is PositionKind.STAFF,
            duties_omitted=duties_omitted,
            requirements_omitted=requirements_omitted,
            kpis_omitted=kpis_omitted,
            appears=appears,
            appears_omitted=appears_omitted,
            none=labels["none"],
            separator=labels["list_separator"],
        )


def build_content(org: Organisation, day: date, scope: str = "",
                  lang: Language | None = None) -> HandbookContent:
    """The handbook of `org` (already cut to a branch when `scope` names one)."""
    lang = lang or handbook_language(org)
    labels = labels_for(lang)
    builder = _Builder(org, lang)
    sheets = tuple(builder.sheet(index, group, heading) for index, (group, heading)
                   in enumerate(zip(builder.groups, builder.headings()), start=1))
    title = org.info.title.strip()
    # A title that only repeats the kind of document ("岗位说明书") says nothing on the
    # cover under that same word.
    if title in (labels["handbook"], CHINESE["handbook"]):
        title = ""
    return HandbookContent(
        title=title,
        scope=scope,
        client=org.info.client.strip(),
        author=org.info.author.strip(),
        date_text=date_text(day, lang),
        sheets=sheets,
        analysis=analyse_headcount(org),
        org=org,
        lang=lang,
        version=date_text(org.info.modified.astimezone().date(), lang),
        labels=labels,
    )
