"""Edit → Edit Selected…: the same fields set on every selected position at once.

Each field has a tick box: left unticked, the field stays as each position has
it; ticked, every selected position gets the value beside it.  The window
applies the result as one undo step (orgdesk.services.bulk.edit_positions).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.model import MAX_MONTHLY_PAY, MAX_ON_COST_PERCENT, DepartmentId, PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.services.bulk import ARRANGEMENTS, AUTOMATIC
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.long_text import elide

MAX_HEADCOUNT = 1_000_000


class BulkEditDialog(QDialog):
    """The fields to set on `count` selected positions; `values()` once accepted."""

    def __init__(self, org: Organisation, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(tr_n("BulkEditDialog", "Edit {count} Selected Position",
                                 "Edit {count} Selected Positions", count))
        self.department = QComboBox(self)
        self.department.setObjectName("bulkDepartment")
        self.department.addItem(tr("BulkEditDialog", "(no department)"), -1)
        for department in org.departments:
            self.department.addItem(elide(department.name), int(department.id))
        self.kind = QComboBox(self)
        self.kind.setObjectName("bulkKind")
        self.kind.addItem(tr("BulkEditDialog", "Line position"), PositionKind.LINE.value)
        self.kind.addItem(tr("BulkEditDialog", "Staff / assistant"), PositionKind.STAFF.value)
        self.level = QLineEdit(self)
        self.level.setObjectName("bulkLevel")
        self.planned = QSpinBox(self)
        self.planned.setObjectName("bulkPlanned")
        self.planned.setRange(0, MAX_HEADCOUNT)
        self.planned.setValue(1)
        self.filled = QSpinBox(self)
        self.filled.setObjectName("bulkFilled")
        self.filled.setRange(0, MAX_HEADCOUNT)
        self.note = QLineEdit(self)
        self.note.setObjectName("bulkNote")
        self.arrangement = QComboBox(self)
        self.arrangement.setObjectName("bulkArrangement")
        for mode, text in ((AUTOMATIC, tr("BulkEditDialog", "Automatic")),
                           (ARRANGEMENTS[0], tr("BulkEditDialog", "Side by side")),
                           (ARRANGEMENTS[1], tr("BulkEditDialog", "Stacked")),
                           (ARRANGEMENTS[2], tr("BulkEditDialog", "Two columns"))):
            self.arrangement.addItem(text, mode)
        # A seat's monthly pay (both ends, set together: 0 is “not set”) and the on-cost.
        self.pay_min, self.pay_max = QSpinBox(self), QSpinBox(self)
        for box, name in ((self.pay_min, "bulkPayMin"), (self.pay_max, "bulkPayMax")):
            box.setObjectName(name)
            box.setRange(0, MAX_MONTHLY_PAY)
            box.setGroupSeparatorShown(True)
            box.setSingleStep(500)
            box.setSpecialValueText("—")
        pay = QWidget(self)
        pay_row = QHBoxLayout(pay)
        pay_row.setContentsMargins(0, 0, 0, 0)
        pay_row.addWidget(self.pay_min, 1)
        pay_row.addWidget(QLabel("–", pay))
        pay_row.addWidget(self.pay_max, 1)
        self.on_cost = QSpinBox(self)
        self.on_cost.setObjectName("bulkOnCost")
        self.on_cost.setRange(0, MAX_ON_COST_PERCENT)
        self.on_cost.setSuffix(" %")
        self.on_cost.setValue(35)  # the middle of the usual 30–40 % in China
        rows: list[tuple[str, str, QWidget]] = [
            ("department_id", tr("BulkEditDialog", "Department"), self.department),
            ("kind", tr("BulkEditDialog", "Kind"), self.kind),
            ("level", tr("BulkEditDialog", "Level / grade"), self.level),
            ("planned_headcount", tr("BulkEditDialog", "Planned headcount"), self.planned),
            ("filled_headcount", tr("BulkEditDialog", "Filled headcount"), self.filled),
            ("headcount_note", tr("BulkEditDialog", "Headcount note"), self.note),
            ("pay", tr("BulkEditDialog", "Monthly pay"), pay),
            ("on_cost_percent", tr("BulkEditDialog", "On-cost (社保/公积金)"), self.on_cost),
            ("arrangement", tr("BulkEditDialog", "Arrangement of reports"), self.arrangement),
        ]
        grid = QGridLayout()
        self.ticks: dict[str, QCheckBox] = {}
        for row, (name, label, editor) in enumerate(rows):
            tick = QCheckBox(label, self)
            tick.setObjectName(f"bulkSet_{name}")
            editor.setEnabled(False)  # unchanged until ticked
            tick.toggled.connect(editor.setEnabled)
            grid.addWidget(tick, row, 0)
            grid.addWidget(editor, row, 1)
            self.ticks[name] = tick
        hint = QLabel(tr("BulkEditDialog", "Only the ticked fields change; the others stay "
                                           "as each position has them."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("bulkButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)  # the title bar names the count; editors get room
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def values(self) -> tuple[dict[str, Any], str | None]:
        """The fields ticked, with their values, and the arrangement (None: unchanged)."""
        fields: dict[str, Any] = {}
        ticked = {name for name, tick in self.ticks.items() if tick.isChecked()}
        if "department_id" in ticked:
            did = int(self.department.currentData())
            fields["department_id"] = None if did < 0 else DepartmentId(did)
        if "kind" in ticked:
            fields["kind"] = PositionKind(self.kind.currentData())
        if "level" in ticked:
            fields["level"] = self.level.text().strip()
        if "planned_headcount" in ticked:
            fields["planned_headcount"] = self.planned.value()
        if "filled_headcount" in ticked:
            fields["filled_headcount"] = self.filled.value()
        if "headcount_note" in ticked:
            fields["headcount_note"] = self.note.text().strip()
        if "pay" in ticked:
            low, high = self.pay_min.value(), self.pay_max.value()
            if low and high and low > high:  # typed the wrong way round: still a range
                low, high = high, low
            fields["pay_min"], fields["pay_max"] = low, high
        if "on_cost_percent" in ticked:
            fields["on_cost_percent"] = self.on_cost.value()
        arrangement = str(self.arrangement.currentData()) if "arrangement" in ticked else None
        return fields, arrangement
