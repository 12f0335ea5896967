"""overviewPanel: title, source id, department, superior, kind, level, headcount, holders,
monthly pay and on-cost, notes."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.changes import ChangeSet
from orgdesk.core.model import (
    MAX_MONTHLY_PAY,
    MAX_ON_COST_PERCENT,
    DepartmentId,
    Position,
    PositionId,
    PositionKind,
    RelationId,
)
from orgdesk.core.organisation import StatePatch
from orgdesk.core.settings import CURRENCY_SETTING, currency_of
from orgdesk.layout.style import OVER
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.long_text import LongTextEdit, elide
from orgdesk.ui.panels.base import PositionPanel, tr

#: The position fields of the pay row.
PAY_FIELDS = frozenset({"pay_min", "pay_max", "on_cost_percent"})


class OverviewPanel(PositionPanel):
    """The position's own fields."""

    FIELDS = frozenset({"title", "source_id", "department_id", "superior_id", "kind", "level",
                        "planned_headcount", "filled_headcount", "holders", "headcount_note",
                        "career_path", "notes", *PAY_FIELDS})
    SHOWS_DEPARTMENTS = True
    SHOWS_RELATIONS = True

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("overviewPanel")
        form = QFormLayout(self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.textEdited.connect(self._title_edited)
        # The key of the client's data it was imported from ("" when created here).
        self.source_id_edit = QLineEdit(self)
        self.source_id_edit.setObjectName("sourceIdEdit")
        self.source_id_edit.textEdited.connect(lambda text: self.edit(
            tr("OverviewPanel", "Edit source ID of {title}", title=self._title()), "source_id",
            typed=True, source_id=text))
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("departmentCombo")
        self.department_combo.activated.connect(self._department_chosen)
        self.superior_label = QLabel(self)
        self.superior_label.setObjectName("superiorLink")
        self.superior_label.linkActivated.connect(lambda link: self.navigate.emit(int(link)))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.addItem(tr("OverviewPanel", "Line position"), PositionKind.LINE.value)
        self.kind_combo.addItem(tr("OverviewPanel", "Staff / assistant"), PositionKind.STAFF.value)
        self.kind_combo.activated.connect(self._kind_chosen)
        self.level_edit = QLineEdit(self)
        self.level_edit.setObjectName("levelEdit")
        self.level_edit.textEdited.connect(lambda text: self.edit(
            tr("OverviewPanel", "Edit level of {title}", title=self._title()), "level", typed=True,
            level=text))
        self.planned_spin = QSpinBox(self)
        self.planned_spin.setObjectName("plannedSpin")
        self.planned_spin.setRange(0, 100000)
        self.planned_spin.valueChanged.connect(lambda value: self.edit(
            tr("OverviewPanel", "Change planned headcount of {title}", title=self._title()),
            "planned", typed=True, planned_headcount=value))
        self.filled_spin = QSpinBox(self)
        self.filled_spin.setObjectName("filledSpin")
        self.filled_spin.setRange(0, 100000)
        self.filled_spin.valueChanged.connect(lambda value: self.edit(
            tr("OverviewPanel", "Change filled headcount of {title}", title=self._title()),
            "filled", typed=True, filled_headcount=value))
        # One line keeps the panel short: the names separated by semicolons.
        self.holders_edit = QLineEdit(self)
        self.holders_edit.setObjectName("holdersEdit")
        self.holders_edit.setPlaceholderText(tr("OverviewPanel", "names, separated by ;"))
        self.holders_edit.textEdited.connect(lambda text: self.edit(
            tr("OverviewPanel", "Edit holders of {title}", title=self._title()), "holders",
            typed=True, holders=holders_from_text(text)))
        self.vacancies_label = QLabel(self)
        self.vacancies_label.setObjectName("vacanciesLabel")
        self._pay_row()
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("headcountNoteEdit")
        self.note_edit.setPlaceholderText(tr("OverviewPanel", "e.g. 视项目情况配备"))
        self.note_edit.textEdited.connect(lambda text: self.edit(
            tr("OverviewPanel", "Edit headcount note of {title}", title=self._title()),
            "headcount_note", typed=True, headcount_note=text))
        self.career_edit = QLineEdit(self)
        self.career_edit.setObjectName("careerPathEdit")
        self.career_edit.textEdited.connect(lambda text: self.edit(
            tr("OverviewPanel", "Edit career path of {title}", title=self._title()),
            "career_path", typed=True, career_path=text))
        self.notes_edit = LongTextEdit(self)  # a note may be megabytes without a space
        self.notes_edit.setMinimumHeight(48)  # two lines at least; it grows with the panel
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.textChanged.connect(self._notes_edited)
        form.addRow(tr("OverviewPanel", "Title"), self.title_edit)
        form.addRow(tr("OverviewPanel", "Department"), self.department_combo)
        # The kind beside the superior and the vacancies beside the planned seats leave
        # room for the pay row (file format 3) in a panel that fits 1366×768 unscrolled.
        self.kind_label = QLabel(tr("OverviewPanel", "Kind"), self)
        form.addRow(tr("OverviewPanel", "Direct superior"), _side_by_side(
            self.superior_label, self.kind_label, self.kind_combo))
        # Source ID and holders share rows with level and filled headcount, so the panel
        # is no taller than before them (it must fit beside the chart at 1366×768).
        self.source_id_label = QLabel(tr("OverviewPanel", "Source ID"), self)
        form.addRow(tr("OverviewPanel", "Level / grade"), _side_by_side(
            self.level_edit, self.source_id_label, self.source_id_edit))
        self.vacancies_name = QLabel(tr("OverviewPanel", "Vacancies"), self)
        form.addRow(tr("OverviewPanel", "Planned headcount"), _side_by_side(
            self.planned_spin, self.vacancies_name, self.vacancies_label))
        self.holders_label = QLabel(tr("OverviewPanel", "Holders"), self)
        form.addRow(tr("OverviewPanel", "Filled headcount"), _side_by_side(
            self.filled_spin, self.holders_label, self.holders_edit))
        self._show_currency()
        form.addRow(self.pay_label, self.pay_row)
        form.addRow(tr("OverviewPanel", "Headcount note"), self.note_edit)
        form.addRow(tr("OverviewPanel", "Career path"), self.career_edit)
        form.addRow(tr("OverviewPanel", "Notes"), self.notes_edit)
        self.relations_list = QListWidget(self)
        self.relations_list.setObjectName("relationsList")
        self.relations_list.setMaximumHeight(90)
        self.relations_list.setMinimumHeight(48)  # two rows: the panel fits 1366×768 unscrolled
        self.relations_list.itemDoubleClicked.connect(
            lambda item: self.navigate.emit(int(item.data(Qt.ItemDataRole.UserRole + 1))))
        add_relation = QPushButton(tr("OverviewPanel", "Add dotted line…"), self)
        add_relation.setObjectName("addRelationButton")
        add_relation.clicked.connect(self._add_relation)
        remove_relation = QPushButton(tr("OverviewPanel", "Remove"), self)
        remove_relation.setObjectName("removeRelationButton")
        remove_relation.clicked.connect(self._remove_relation)
        relation_buttons = QHBoxLayout()
        relation_buttons.addWidget(add_relation)
        relation_buttons.addWidget(remove_relation)
        relation_buttons.addStretch(1)
        relations = QVBoxLayout()
        relations.addWidget(self.relations_list)
        relations.addLayout(relation_buttons)
        form.addRow(tr("OverviewPanel", "Dotted lines"), relations)

    def _title(self) -> str:
        position = self.position
        return position.title if position else ""

    def _pay_row(self) -> None:
        """A seat's monthly pay (min – max; one figure in both) and the on-cost on top, on
        one row.  Each spin box commits when the user presses Enter, leaves it or steps it
        (no keyboard tracking), so typing 6500 is one edit, not 6, 65, 650 and 6500."""
        def spin(name: str, limit: int) -> QSpinBox:
            box = QSpinBox(self)
            box.setObjectName(name)
            box.setRange(0, limit)
            box.setKeyboardTracking(False)
            box.setGroupSeparatorShown(True)
            # Its size hint fits 100,000,000: too wide for a panel beside the chart.
            digits = "+00%" if limit == MAX_ON_COST_PERCENT else "0,000"
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance(digits) + 24)
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            return box

        self.pay_min_spin = spin("payMinSpin", MAX_MONTHLY_PAY)
        self.pay_min_spin.setSpecialValueText("—")  # 0: not set
        self.pay_min_spin.setToolTip(tr("OverviewPanel", "Lowest monthly pay of one seat "
                                        "(— not set)"))
        self.pay_min_spin.setSingleStep(500)
        self.pay_max_spin = spin("payMaxSpin", MAX_MONTHLY_PAY)
        self.pay_max_spin.setSpecialValueText("—")
        self.pay_max_spin.setToolTip(tr("OverviewPanel", "Highest monthly pay of one seat; the "
                                        "same as the lowest for a single figure"))
        self.pay_max_spin.setSingleStep(500)
        # "+35%": the on-cost the employer pays on top (a label would not fit beside the
        # chart at 1366×768; the tooltip and the accessible name say what it is).
        self.on_cost_spin = spin("onCostSpin", MAX_ON_COST_PERCENT)
        self.on_cost_spin.setPrefix("+")
        self.on_cost_spin.setSuffix("%")
        self.on_cost_spin.setAccessibleName(tr("OverviewPanel", "On-cost"))
        self.on_cost_spin.setToolTip(tr("OverviewPanel", "On-cost: what the employer pays on top "
                                        "of the pay (social insurance and housing fund, "
                                        "社保/公积金), in percent of it"))
        self.pay_min_spin.valueChanged.connect(lambda value: self._pay_edited("pay_min", value))
        self.pay_max_spin.valueChanged.connect(lambda value: self._pay_edited("pay_max", value))
        self.on_cost_spin.valueChanged.connect(lambda value: self.edit(
            tr("OverviewPanel", "Change on-cost of {title}", title=self._title()),
            "on_cost_percent", typed=True, on_cost_percent=value))
        #: The row's name, with the document's currency: "Monthly pay (CNY)".
        self.pay_label = QLabel(self)
        self.pay_label.setObjectName("payLabel")
        self.pay_label.setBuddy(self.pay_min_spin)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pay_min_spin, 2)
        row.addWidget(QLabel("–", self))
        row.addWidget(self.pay_max_spin, 2)
        row.addWidget(self.on_cost_spin, 1)
        self.pay_row = row

    def _pay_edited(self, field: str, value: int) -> None:
        """One end of the pay range: a range that would start after it ends takes the new
        figure at both ends, in the same step (typing a minimum above the maximum moves it)."""
        position = self.position
        if position is None:
            return
        low, high = (value, position.pay_max) if field == "pay_min" else (position.pay_min, value)
        if field == "pay_min":
            text = tr("OverviewPanel", "Change minimum monthly pay of {title}",
                      title=self._title())
        else:
            text = tr("OverviewPanel", "Change maximum monthly pay of {title}",
                      title=self._title())
        if low and high and low > high:
            self.edit(text, field, typed=True, pay_min=value, pay_max=value)
        elif field == "pay_min":
            self.edit(text, field, typed=True, pay_min=value)
        else:
            self.edit(text, field, typed=True, pay_max=value)

    def _show_currency(self) -> None:
        self.pay_label.setText(tr("OverviewPanel", "Monthly pay ({currency})",
                                  currency=currency_of(self.controller.org.settings)))

    def _show_pay(self, position: Position) -> None:
        for box, value in ((self.pay_min_spin, position.pay_min),
                           (self.pay_max_spin, position.pay_max),
                           (self.on_cost_spin, position.on_cost_percent)):
            if box.value() != value:
                box.setValue(value)

    def load(self, position: Position | None) -> None:
        org = self.controller.org
        self.department_combo.clear()
        self.department_combo.addItem(tr("OverviewPanel", "(no department)"), -1)
        for department in org.departments:
            self.department_combo.addItem(elide(department.name), int(department.id))
        if position is None:
            for edit in (self.title_edit, self.level_edit, self.note_edit, self.career_edit,
                         self.source_id_edit, self.holders_edit):
                edit.clear()
            self.notes_edit.clear()
            self.relations_list.clear()
            self.superior_label.clear()
            self.vacancies_label.clear()
            return
        if self.title_edit.text() != position.title:
            self.title_edit.setText(position.title)
        index = self.department_combo.findData(
            -1 if position.department_id is None else int(position.department_id))
        self.department_combo.setCurrentIndex(max(index, 0))
        superior = org.superior(position.id)
        self.superior_label.setText(
            f'<a href="{superior.id}">{_escape(elide(superior.title))}</a>' if superior else "—")
        self.kind_combo.setCurrentIndex(0 if position.kind is PositionKind.LINE else 1)
        for edit, value in ((self.level_edit, position.level),
                            (self.note_edit, position.headcount_note),
                            (self.career_edit, position.career_path),
                            (self.source_id_edit, position.source_id)):
            if edit.text() != value:
                edit.setText(value)
        self._show_holders(position.holders)
        self._show_currency()
        self._show_pay(position)
        self.planned_spin.setValue(position.planned_headcount)
        self.filled_spin.setValue(position.filled_headcount)
        self._show_vacancies(position)
        if self.notes_edit.text() != position.notes:
            self.notes_edit.set_text(position.notes)
        self.relations_list.clear()
        for relation in org.relations:
            if position.id not in (relation.source_id, relation.target_id):
                continue
            outgoing = relation.source_id == position.id
            other = org.position(relation.target_id if outgoing else relation.source_id)
            text = ("→ " if outgoing else "← ") + other.title
            if relation.label:
                text += f"  ({relation.label})"
            item = QListWidgetItem(elide(text))
            item.setData(Qt.ItemDataRole.UserRole, int(relation.id))
            item.setData(Qt.ItemDataRole.UserRole + 1, int(other.id))
            self.relations_list.addItem(item)

    def needs_reload(self, changes: ChangeSet, structural: bool) -> bool:
        if super().needs_reload(changes, structural):
            return True
        if CURRENCY_SETTING in changes.settings_changed:  # shown beside the pay
            return True
        # The superior's link and the dotted lines show other positions' titles.
        position = self.position
        if position is None:
            return False
        org = self.controller.org
        shown = {position.superior_id} | {
            r.target_id if r.source_id == position.id else r.source_id
            for r in org.relations if position.id in (r.source_id, r.target_id)}
        return any(pid in shown and ((changes.fields_of(pid) or {"title"}) & {"title"})
                   for pid in changes.positions_updated if pid != position.id)

    def _show_holders(self, holders: tuple[str, ...]) -> None:
        """The names as one line; read-only when the line could not give them back."""
        if holders_from_text(self.holders_edit.text()) != holders:
            self.holders_edit.setText(holders_text(holders))
        editable = holders_from_text(holders_text(holders)) == holders
        self.holders_edit.setReadOnly(not editable)
        self.holders_edit.setToolTip("" if editable else tr(
            "OverviewPanel", "Some names hold “;” or spaces at their ends, so they are shown "
            "here but cannot be edited as one line."))

    def own_edit_done(self, changed: frozenset[str]) -> None:
        position = self.position
        if position is not None and changed & {"planned_headcount", "filled_headcount"}:
            self._show_vacancies(position)
        if position is not None and len(changed & PAY_FIELDS) > 1:  # the range was moved
            self._loading = True
            try:
                self._show_pay(position)
            finally:
                self._loading = False

    def _show_vacancies(self, position: Position) -> None:
        """The vacancies, or 超编 in red when more seats are filled than planned."""
        if position.over:
            self.vacancies_label.setText(tr("OverviewPanel", "{count} over", count=position.over))
            self.vacancies_label.setStyleSheet(f"color: {OVER}; font-weight: bold;")
        else:
            self.vacancies_label.setText(str(position.vacancies))
            self.vacancies_label.setStyleSheet("")

    def _add_relation(self) -> None:
        from orgdesk.ui import dialogs

        position = self.position
        if position is None:
            return
        chosen = dialogs.choose_relation(self, self.controller.org, int(position.id))
        if chosen is None:
            return
        target, kind, label = chosen
        target_title = self.controller.org.position(target).title
        self.controller.execute(
            tr("OverviewPanel", "Add dotted line {source} → {target}", source=position.title,
               target=target_title),
            lambda s: s.add_relation(position.id, target, kind, label))

    def _remove_relation(self) -> None:
        item = self.relations_list.currentItem()
        if item is None:
            return
        rid = RelationId(int(item.data(Qt.ItemDataRole.UserRole)))
        self.controller.execute(tr("OverviewPanel", "Remove dotted line"),
                                lambda s: s.remove_relation(rid))

    def _title_edited(self, text: str) -> None:
        position = self.position
        if position is None or not text.strip():
            return
        pid = position.id
        self.edit(rename_text(position.title, text.strip()), "title",
                  lambda before, after: rename_text(_title_in(before, pid), _title_in(after, pid)),
                  typed=True, title=text.strip())

    def _department_chosen(self, index: int) -> None:
        value = self.department_combo.itemData(index)
        did = None if value in (None, -1) else DepartmentId(int(value))
        self.edit(tr("OverviewPanel", "Change department of {title}", title=self._title()),
                  department_id=did)

    def _kind_chosen(self, index: int) -> None:
        kind = PositionKind(self.kind_combo.itemData(index))
        self.edit(tr("OverviewPanel", "Change kind of {title}", title=self._title()), kind=kind)

    def _notes_edited(self) -> None:
        self.edit(tr("OverviewPanel", "Edit notes of {title}", title=self._title()), "notes",
                  typed=True, notes=self.notes_edit.text())


def _side_by_side(first: QWidget, label: QLabel, second: QWidget) -> QHBoxLayout:
    """One form row holding two fields: `first`, then `label` naming `second`."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 1)
    label.setBuddy(second)
    row.addWidget(label)
    row.addWidget(second, 2)
    return row


#: What separates the holders' names on their one line (a full-width ； as typed in
#: Chinese input too).
_HOLDER_SEPARATORS = re.compile("[;；]")


def holders_text(holders: tuple[str, ...]) -> str:
    return "; ".join(holders)


def holders_from_text(text: str) -> tuple[str, ...]:
    """The names typed on the holders' line, empty ones dropped."""
    return tuple(name.strip() for name in _HOLDER_SEPARATORS.split(text) if name.strip())


def rename_text(old: str, new: str) -> str:
    """The undo text of a rename, e.g. "Rename 组长 → 班长"."""
    return tr("OverviewPanel", "Rename {old} → {new}", old=old, new=new)


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def _title_in(patch: StatePatch, pid: PositionId) -> str:
    """The title `pid` has in one side of an edit ("" where the position is absent)."""
    position = patch.positions.get(pid)
    return position.title if position is not None else ""
