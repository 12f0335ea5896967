"""The position library (Ctrl+L): job descriptions by family, searched and previewed,
inserted as a new position or applied to the selected one.

The list shows clean job titles grouped by family (management, team
leadership, agents, quality, training, technical, support), one entry per
job: the library's several descriptions of one job are its versions, chosen
in the preview.  Where a description was transcribed from stays out of the
interface.  Applied to an existing position, the chosen parts (duties,
requirements, KPIs) replace the position's or are merged into them; the
window makes that one undoable step.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesk.library import PARTS, LibraryEntry, PositionTemplate, library_entries
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.long_text import elide

FAMILY_NAMES = {
    "management": QT_TRANSLATE_NOOP("LibraryDialog", "Management"),
    "team_leadership": QT_TRANSLATE_NOOP("LibraryDialog", "Team leadership"),
    "agents": QT_TRANSLATE_NOOP("LibraryDialog", "Agents"),
    "quality": QT_TRANSLATE_NOOP("LibraryDialog", "Quality"),
    "training": QT_TRANSLATE_NOOP("LibraryDialog", "Training"),
    "technical": QT_TRANSLATE_NOOP("LibraryDialog", "Technical"),
    "support": QT_TRANSLATE_NOOP("LibraryDialog", "Support"),
    "team": QT_TRANSLATE_NOOP("LibraryDialog", "Team library"),
}
ENTRY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class LibraryChoice:
    """What the user chose: a description (`template`, shown as `title`), inserted as a
    new position, or applied to the current one (`merge` or replace, `parts`)."""

    title: str
    template: PositionTemplate
    apply: bool = False
    merge: bool = False
    parts: frozenset[str] = field(default_factory=lambda: frozenset(PARTS))


class LibraryDialog(QDialog):
    """Search the library by title or duty; preview, insert or apply an entry."""

    def __init__(self, parent: QWidget | None = None, target: str | None = None,
                 team_server: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDialog")
        self.setWindowTitle(self.tr("Position library"))
        self.entries = library_entries()
        self.target = target
        self._apply = False
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(self.tr("Search titles and duties"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(lambda _c, _p: self._show_entry())
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.version = QComboBox(self)
        self.version.setObjectName("libraryVersion")
        self.version.currentIndexChanged.connect(lambda _i: self._preview())
        self.version_label = QLabel(self.tr("Version"), self)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("libraryPreview")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        versions = QHBoxLayout()
        versions.addWidget(self.version_label)
        versions.addWidget(self.version, 1)
        right_layout.addLayout(versions)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setSizes([260, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.insert_button = buttons.addButton(self.tr("Insert as New Report"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.insert_button.setObjectName("libraryInsertButton")
        self.insert_button.clicked.connect(self._insert)
        buttons.rejected.connect(self.reject)
        self.apply_box: QGroupBox | None = None
        if target is not None:
            layout.addWidget(self._apply_options(target))
            self.apply_button = QPushButton(
                tr("LibraryDialog", "Apply to “{title}”", title=elide(target, 40)), self)
            self.apply_button.setObjectName("libraryApplyButton")
            self.apply_button.clicked.connect(self._apply_chosen)
            buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self._filter("")
        if team_server is not None:
            self._load_team(team_server)

    def _load_team(self, server: str) -> None:
        """The team library's descriptions (a document pulled from one), read on a worker
        thread and added when they arrive; an unreachable library adds nothing, silently:
        the built-in descriptions are all there is offline."""
        from shiboken6 import isValid

        from orgdesk.team.positions import team_entries
        from orgdesk.ui.jobs import Job, JobOutcome, start

        def arrived(outcome: JobOutcome) -> None:
            if outcome.ok and isValid(self) and isinstance(outcome.result, tuple):
                self.add_entries(outcome.result)

        self._team_job = start(Job(lambda _job: team_entries(server)), arrived)

    def add_entries(self, entries: tuple[LibraryEntry, ...]) -> None:
        """Show `entries` too (after the built-in ones), keeping the search and choice."""
        if entries:
            self.entries = (*self.entries, *entries)
            self._filter(self.search.text())

    def _apply_options(self, target: str) -> QGroupBox:
        box = QGroupBox(tr("LibraryDialog", "Apply to “{title}”", title=elide(target, 60)), self)
        box.setObjectName("libraryApplyOptions")
        row = QHBoxLayout(box)
        self.replace_radio = QRadioButton(self.tr("Replace its"), box)
        self.replace_radio.setObjectName("libraryReplace")
        self.merge_radio = QRadioButton(self.tr("Add to its"), box)
        self.merge_radio.setObjectName("libraryMerge")
        self.merge_radio.setChecked(True)  # nothing of the position's own text is lost
        row.addWidget(self.merge_radio)
        row.addWidget(self.replace_radio)
        self.part_boxes: dict[str, QCheckBox] = {}
        for part, text in (("duties", self.tr("duties")),
                           ("requirements", self.tr("requirements")),
                           ("kpis", self.tr("KPIs"))):
            check = QCheckBox(text, box)
            check.setObjectName(f"libraryPart_{part}")
            check.setChecked(True)
            self.part_boxes[part] = check
            row.addWidget(check)
        row.addStretch(1)
        self.apply_box = box
        return box

    # ---------------------------------------------------------------- list
    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        current = self.chosen_entry()
        self.tree.clear()
        families: dict[str, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        for index, entry in enumerate(self.entries):
            if needle and not any(needle in haystack for haystack in self._haystacks(entry)):
                continue
            family = families.get(entry.family)
            if family is None:
                family = QTreeWidgetItem(self.tree, [QCoreApplication.translate(
                    "LibraryDialog", str(FAMILY_NAMES[entry.family]))])
                family.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = family.font(0)
                font.setBold(True)
                family.setFont(0, font)
                families[entry.family] = family
            item = QTreeWidgetItem(family, [entry.title])
            item.setData(0, ENTRY_ROLE, index)
            if first is None or entry == current:
                first = item
        self.tree.expandAll()
        for family in families.values():
            family.setText(0, f"{family.text(0)} ({family.childCount()})")
        if first is not None:
            self.tree.setCurrentItem(first)
        else:
            self._show_entry()

    @staticmethod
    def _haystacks(entry: LibraryEntry) -> list[str]:
        texts = [entry.title]
        for template in entry.variants:
            texts += [template.title, *template.duties]
        return [text.casefold() for text in texts]

    def chosen_entry(self) -> LibraryEntry | None:
        item = self.tree.currentItem() if hasattr(self, "tree") else None
        index = item.data(0, ENTRY_ROLE) if item is not None else None
        return None if index is None else self.entries[int(index)]

    def chosen_template(self) -> PositionTemplate | None:
        entry = self.chosen_entry()
        if entry is None:
            return None
        return entry.variants[max(self.version.currentIndex(), 0)]

    # ------------------------------------------------------------- preview
    def _show_entry(self) -> None:
        entry = self.chosen_entry()
        self.version.blockSignals(True)
        self.version.clear()
        for number, template in enumerate(entry.variants if entry else (), 1):
            self.version.addItem(self._version_text(number, template))
        self.version.blockSignals(False)
        several = entry is not None and len(entry.variants) > 1
        self.version.setVisible(several)
        self.version_label.setVisible(several)
        self.insert_button.setEnabled(entry is not None)
        if self.target is not None:
            self.apply_button.setEnabled(entry is not None)
        self._preview()

    def _version_text(self, number: int, template: PositionTemplate) -> str:
        parts = [tr_n("LibraryDialog", "{count} duty", "{count} duties", len(template.duties))]
        if template.kpis:
            parts.append(tr_n("LibraryDialog", "{count} KPI", "{count} KPIs", len(template.kpis)))
        if template.department:
            parts.append(template.department)
        return tr("LibraryDialog", "Version {number}: {details}", number=number,
                  details=", ".join(parts))

    def _preview(self) -> None:
        entry, template = self.chosen_entry(), self.chosen_template()
        if entry is None or template is None:
            self.preview.clear()
            return
        esc = html.escape
        req = template.requirements
        facts = [(self.tr("Education"), req.education),
                 (self.tr("Years of experience"),
                  "" if req.min_years is None else str(req.min_years)),
                 (self.tr("Languages"), "、".join(req.languages)),
                 (self.tr("Other"), req.other)]
        parts = [f"<h3>{esc(entry.title)}</h3>"]
        if template.department:
            parts.append(f"<p>{esc(self.tr('Department'))}: {esc(template.department)}</p>")
        if template.duties:
            parts.append(f"<h4>{esc(self.tr('Duties'))}</h4><ol>"
                         + "".join(f"<li>{esc(d)}</li>" for d in template.duties) + "</ol>")
        stated = [(name, value) for name, value in facts if value]
        if stated or req.skills:
            parts.append(f"<h4>{esc(self.tr('Requirements'))}</h4><ul>"
                         + "".join(f"<li>{esc(n)}: {esc(v)}</li>" for n, v in stated)
                         + "".join(f"<li>{esc(s)}</li>" for s in req.skills) + "</ul>")
        if template.kpis:
            parts.append(f"<h4>{esc(self.tr('KPIs'))}</h4><ul>" + "".join(
                f"<li>{esc(k.name)}" + (f" — {esc(k.target)}" if k.target else "") + "</li>"
                for k in template.kpis) + "</ul>")
        if template.career_path:
            parts.append(f"<h4>{esc(self.tr('Career path'))}</h4><p>"
                         f"{esc(template.career_path)}</p>")
        self.preview.setHtml("".join(parts))

    # ------------------------------------------------------------- answers
    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ENTRY_ROLE) is not None:
            self._insert()

    def _insert(self) -> None:
        if self.chosen_template() is not None:
            self._apply = False
            self.accept()

    def _apply_chosen(self) -> None:
        if self.chosen_template() is not None and self.chosen_parts():
            self._apply = True
            self.accept()

    def chosen_parts(self) -> frozenset[str]:
        if self.apply_box is None:
            return frozenset(PARTS)
        return frozenset(part for part, box in self.part_boxes.items() if box.isChecked())

    def chosen(self) -> LibraryChoice | None:
        entry, template = self.chosen_entry(), self.chosen_template()
        if entry is None or template is None:
            return None
        return LibraryChoice(entry.title, template, apply=self._apply,
                             merge=self.apply_box is not None and self.merge_radio.isChecked(),
                             parts=self.chosen_parts())

