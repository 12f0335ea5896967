"""Edit → Derive Support Structure…: the plan before and after, and Apply as one undo step.

`StructureView` shows a `StructurePlan` (one row per role and place: the seats
now, the range the rules allow, the seats after applying, the action, and
the plain-language explanation of the selected row) so the sizing dialog can
show the same before/after; `StructureDialog` derives the plan from the
open document, marks positions fixed, and applies the plan through the
controller, which makes it one step on the undo stack.
"""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.errors import UserError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.design.apply import apply_structure, set_fixed
from orgdesk.design.structure import Action, PlanLine, Role, StructurePlan, derive_structure
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import interface_language as interface_language
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.messages import user_message


def role_name(role: Role) -> str:
    names = {
        Role.TEAM_LEADER: tr("StructureView", "Team leaders"),
        Role.SUPERVISOR: tr("StructureView", "Supervisors"),
        Role.QA: tr("StructureView", "QA inspectors"),
        Role.TRAINER: tr("StructureView", "Trainers"),
        Role.WORKFORCE_PLANNER: tr("StructureView", "Workforce planners"),
        Role.MANAGER: tr("StructureView", "Managers"),
    }
    return names[role]


def action_name(action: Action) -> str:
    names = {Action.CREATE: tr("StructureView", "Create"),
             Action.ADJUST: tr("StructureView", "Adjust"),
             Action.REMOVE: tr("StructureView", "Remove"),
             Action.KEEP: tr("StructureView", "Keep")}
    return names[action]


class StructureView(QWidget):
    """A derived structure as a table, with the selected row's explanation below."""

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("structureView")
        self.plan: StructurePlan | None = None
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("structureTable")
        self.table.setHorizontalHeaderLabels([
            tr("StructureView", "Role"), tr("StructureView", "Where"),
            tr("StructureView", "Now"), tr("StructureView", "Rule calls for"),
            tr("StructureView", "After"), tr("StructureView", "Action")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._explain(row))
        self.explanation = QPlainTextEdit(self)
        self.explanation.setObjectName("structureExplanation")
        self.explanation.setReadOnly(True)
        self.explanation.setMaximumHeight(90)
        self.totals = QLabel(self)
        self.totals.setObjectName("structureTotals")
        self.totals.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explanation)
        layout.addWidget(self.totals)

    def show_plan(self, plan: StructurePlan, org: Organisation) -> None:
        self.plan = plan
        self.table.setRowCount(len(plan.lines))
        for row, line in enumerate(plan.lines):
            where = self._where(line, plan, org)
            if line.minimum == line.maximum:
                calls_for = str(line.minimum)
            elif line.role in (Role.SUPERVISOR, Role.MANAGER):  # a span: only a floor
                calls_for = f"≥ {line.minimum}"
            else:
                calls_for = f"{line.minimum}–{line.maximum}"
            values = (role_name(line.role), where, str(line.current), calls_for,
                      str(line.after), action_name(line.action))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(line.explanation(interface_language()))
                if column in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if line.action is not Action.KEEP:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        totals = [tr("StructureView", "{role}: {before} → {after}", role=role_name(role),
                     before=before, after=after)
                  for role, (before, after) in plan.totals().items() if role is not Role.MANAGER]
        notes = plan.notes_zh if interface_language() == "zh" else plan.notes_en
        self.totals.setText("   ".join(totals) + ("\n" + "\n".join(notes) if notes else ""))
        if plan.lines:
            first = next((i for i, line in enumerate(plan.lines)
                          if line.action is not Action.KEEP), 0)
            self.table.setCurrentCell(first, 0)
        self._explain(self.table.currentRow())

    @staticmethod
    def _where(line: PlanLine, plan: StructurePlan, org: Organisation) -> str:
        """The position a line is about; for a centre's QA, trainers or planners, the centre
        and its holders, each marked when fixed."""
        def named(pid: PositionId) -> str:
            title = org.position(pid).title if pid in org else str(pid)
            return title + (tr("StructureView", " (fixed)") if pid in plan.fixed else "")

        if line.scope_id is not None and line.scope_id in line.position_ids:
            return named(line.scope_id)
        holders = "、".join(named(pid) for pid in line.position_ids)
        return f"{line.scope_title} → {holders}" if holders else line.scope_title

    def current_line(self) -> PlanLine | None:
        row = self.table.currentRow()
        if self.plan is None or not 0 <= row < len(self.plan.lines):
            return None
        return self.plan.lines[row]

    def _explain(self, row: int) -> None:
        if self.plan is None or not 0 <= row < len(self.plan.lines):
            self.explanation.setPlainText("")
            return
        self.explanation.setPlainText(self.plan.lines[row].explanation(interface_language()))


class StructureDialog(QDialog):
    """Derive the support structure of the open document, then apply it (one undo step)."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None,
                 agents: Mapping[int, int] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("structureDialog")
        self.setWindowTitle(self.tr("Derived Support Structure"))
        self.controller = controller
        self.agents = dict(agents or {})
        self.summary = QLabel(self)
        self.summary.setObjectName("structureSummary")
        self.summary.setWordWrap(True)
        self.view = StructureView(self)
        self.problem = QLabel(self)
        self.problem.setObjectName("structureProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.fix_button = QPushButton(self.tr("Mark as Fixed"), self)
        self.fix_button.setObjectName("structureFixButton")
        self.fix_button.setToolTip(self.tr("A fixed position is never changed by a derived "
                                           "structure."))
        self.fix_button.clicked.connect(self.toggle_fixed)
        buttons.addButton(self.fix_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("structureApplyButton")
        self.apply_button.clicked.connect(self.apply)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.view.table.currentCellChanged.connect(lambda *_: self._update_fix_button())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.plan: StructurePlan | None = None
        self.controller.problem.connect(self._show_problem)
        self.refresh()

    def refresh(self) -> None:
        """Derive the plan again from the document as it is now."""
        self.problem.clear()
        try:
            plan = derive_structure(self.controller.org, None, self.agents)
        except UserError as exc:
            self.plan = None
            self.apply_button.setEnabled(False)
            self.problem.setText(user_message(exc))
            return
        self.plan = plan
        rules = plan.rules
        self.summary.setText(tr_n(
            "StructureDialog", "{count} agent seat.", "{count} agent seats.", plan.agents
        ) + " " + tr(
            "StructureDialog",
            "Rules: team leader {tl_low}–{tl_high} agents, QA one per "
            "{qa_low}–{qa_high}, trainer one per {tr_low}–{tr_high}, at most {span} reports "
            "per manager.", tl_low=rules.team_leader.min_agents,
            tl_high=rules.team_leader.max_agents, qa_low=rules.qa.min_agents,
            qa_high=rules.qa.max_agents, tr_low=rules.trainer.min_agents,
            tr_high=rules.trainer.max_agents, span=rules.manager.max_reports))
        self.view.show_plan(plan, self.controller.org)
        self.apply_button.setEnabled(plan.changes_anything)
        self._update_fix_button()

    def _row_position(self) -> PositionId | None:
        line = self.view.current_line()
        if line is None or not line.position_ids:
            return None
        return line.position_ids[0]

    def _update_fix_button(self) -> None:
        pid = self._row_position()
        self.fix_button.setEnabled(pid is not None)
        fixed = self.plan is not None and pid in self.plan.fixed
        self.fix_button.setText(self.tr("Unmark Fixed") if fixed else self.tr("Mark as Fixed"))

    def toggle_fixed(self) -> None:
        pid = self._row_position()
        if pid is None or self.plan is None:
            return
        fixed = pid not in self.plan.fixed
        title = self.controller.org.position(pid).title
        text = (tr("StructureDialog", "Mark “{title}” as fixed", title=title) if fixed
                else tr("StructureDialog", "Unmark “{title}” as fixed", title=title))
        row = self.view.table.currentRow()
        self.controller.execute(text, lambda service: set_fixed(service, [pid], fixed))
        self.refresh()
        if 0 <= row < self.view.table.rowCount():
            self.view.table.setCurrentCell(row, 0)

    def apply(self) -> None:
        if self.plan is None or not self.plan.changes_anything:
            return
        plan = self.plan
        done = self.controller.execute(self.tr("Apply the derived structure"),
                                       lambda service: apply_structure(service, plan))
        if done is not None:
            self.agents = {}  # the sizing's seats are in the document now
            self.refresh()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
