"""The analysis panel: headcount tables, span-of-control violations, the labour cost per
department, the rules editor and the headcount bar chart, for one organisation.

A standalone widget: the main window gives it the organisation and the
document's rules (`set_organisation`, `set_rules`), listens to
`position_activated(int)` to go to a position, and stores what
`rules_edited(SpanRules)` hands it.  It never edits the document itself.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orgdesk.analysis.bar_chart import BarSeries, headcount_series, preferred_height
from orgdesk.analysis.cost import CostAnalysis, GroupCost, analyse_cost
from orgdesk.analysis.headcount import HeadcountAnalysis, analyse_headcount
from orgdesk.analysis.span_check import RuleKind, Violation, check_span
from orgdesk.analysis.span_rules import (
    ROLE_NAMES,
    ManagerSpanRule,
    RatioRule,
    RoleMatcher,
    Roles,
    SpanRules,
    SpanRulesError,
    TeamSizeRule,
)
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation
from orgdesk.files import title_stem
from orgdesk.io.figures import FigureTable, export_figures, tab_separated
from orgdesk.paint.bar_chart import paint_bar_charts
from orgdesk.ui import dialogs, preferences
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.messages import user_message

Cell = str | int | float  # a float is an amount of money, shown with cents
AnyIndex = QModelIndex | QPersistentModelIndex
#: The data role that sorts figures as numbers, not text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The data role holding a row's position id (positions table only).
POSITION_ROLE = Qt.ItemDataRole.UserRole + 2


class FiguresModel(QAbstractTableModel):
    """A read-only table of figures: text in the first column(s), numbers right-aligned."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[Cell, ...]] = []
        self._ids: list[int | None] = []

    def set_headers(self, headers: Sequence[str]) -> None:
        if list(headers) != self._headers:
            self.beginResetModel()
            self._headers = list(headers)
            self.endResetModel()

    def set_rows(self, rows: Sequence[tuple[Cell, ...]], ids: Sequence[int | None] = ()) -> None:
        self.beginResetModel()
        self._rows = [tuple(row) for row in rows]
        self._ids = list(ids) or [None] * len(self._rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:,.2f}" if isinstance(value, float) else str(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == POSITION_ROLE:
            return self._ids[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None


class BarChartWidget(QWidget):
    """The headcount bar charts, painted by the same code as the handbook's picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: tuple[BarSeries, ...] = ()
        self.setMinimumWidth(320)

    def set_series(self, series: Sequence[BarSeries]) -> None:
        self._series = tuple(series)
        self.setMinimumHeight(int(preferred_height(self._series)) + 16)
        self.update()

    @property
    def series(self) -> tuple[BarSeries, ...]:
        return self._series

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().base())
            paint_bar_charts(painter, QRectF(self.rect().adjusted(8, 8, -8, -8)), self._series,
                             self.font().family())
        finally:
            painter.end()


class RulesEditor(QWidget):
    """Span-of-control rules as check boxes, ranges and keyword lists; `rules()` reads them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.enabled: dict[str, QCheckBox] = {}
        self.low: dict[str, QSpinBox] = {}
        self.high: dict[str, QSpinBox] = {}
        numbers = QGroupBox(self.tr("Rules"), self)
        form = QFormLayout(numbers)
        for name, text in (("team_leader", self.tr("Team leader: agent seats")),
                           ("qa", self.tr("One QA inspector per agent seats")),
                           ("trainer", self.tr("One trainer per agent seats"))):
            self.enabled[name] = QCheckBox(text, numbers)
            self.low[name], self.high[name] = self._spin(numbers), self._spin(numbers)
            form.addRow(self.enabled[name], self._range(self.low[name], self.high[name]))
        self.enabled["manager"] = QCheckBox(self.tr("Manager: at most direct-report seats"),
                                            numbers)
        self.high["manager"] = self._spin(numbers)
        form.addRow(self.enabled["manager"], self.high["manager"])
        layout.addWidget(numbers)
        roles = QGroupBox(self.tr("How titles are recognised (separate words with 、 or ,)"), self)
        role_form = QFormLayout(roles)
        self.keywords: dict[str, QLineEdit] = {}
        self.exclude: dict[str, QLineEdit] = {}
        names = {"agent": self.tr("Agents"), "team_leader": self.tr("Team leaders"),
                 "qa": self.tr("QA inspectors"), "trainer": self.tr("Trainers"),
                 "manager": self.tr("Managers")}
        for name in ROLE_NAMES:
            self.keywords[name] = QLineEdit(roles)
            self.exclude[name] = QLineEdit(roles)
            self.exclude[name].setPlaceholderText(self.tr("but not titles containing…"))
            # Every row says what it is for: a blank label left the exclusions unexplained.
            role_form.addRow(tr("RulesEditor", "{role}: titles containing", role=names[name]),
                             self.keywords[name])
            role_form.addRow(tr("RulesEditor", "{role}: but not", role=names[name]),
                             self.exclude[name])
        layout.addWidget(roles)
        self.set_rules(SpanRules())

    @staticmethod
    def _spin(parent: QWidget) -> QSpinBox:
        box = QSpinBox(parent)
        box.setRange(1, 10_000)
        return box

    def _range(self, low: QSpinBox, high: QSpinBox) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(low)
        layout.addWidget(QLabel("–", row))
        layout.addWidget(high)
        return row

    def set_rules(self, rules: SpanRules) -> None:
        for name, rule in (("team_leader", rules.team_leader), ("qa", rules.qa),
                           ("trainer", rules.trainer)):
            self.enabled[name].setChecked(rule.enabled)
            self.low[name].setValue(rule.min_agents)
            self.high[name].setValue(rule.max_agents)
        self.enabled["manager"].setChecked(rules.manager.enabled)
        self.high["manager"].setValue(rules.manager.max_reports)
        for name in ROLE_NAMES:
            matcher: RoleMatcher = getattr(rules.roles, name)
            self.keywords[name].setText("、".join(matcher.keywords))
            self.exclude[name].setText("、".join(matcher.exclude))

    @staticmethod
    def _words(text: str) -> tuple[str, ...]:
        for separator in ("，", ",", ";", "；"):
            text = text.replace(separator, "、")
        return tuple(word.strip() for word in text.split("、") if word.strip())

    def rules(self) -> SpanRules:
        """The rules as edited; SpanRulesError (one sentence) when they do not make sense."""
        roles = Roles(**{name: RoleMatcher(self._words(self.keywords[name].text()),
                                           self._words(self.exclude[name].text()))
                         for name in ROLE_NAMES})
        return SpanRules(
            roles=roles,
            team_leader=TeamSizeRule(self.enabled["team_leader"].isChecked(),
                                     self.low["team_leader"].value(),
                                     self.high["team_leader"].value()),
            qa=RatioRule(self.enabled["qa"].isChecked(), self.low["qa"].value(),
                         self.high["qa"].value()),
            trainer=RatioRule(self.enabled["trainer"].isChecked(), self.low["trainer"].value(),
                              self.high["trainer"].value()),
            manager=ManagerSpanRule(self.enabled["manager"].isChecked(),
                                    self.high["manager"].value()),
        )


class AnalysisPanel(QWidget):
    """Headcount per position, department and level; violations; rules; bar chart."""

    #: A position the user picked (a violation or a table row): go to it.
    position_activated = Signal(object)  # an id: Signal(int) is 32-bit
    #: The user applied edited rules: store them in the document.
    rules_edited = Signal(object)

    def __init__(self, org: Organisation, rules: SpanRules | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._org = org
        self._rules = rules or SpanRules()
        self.analysis: HeadcountAnalysis = analyse_headcount(org)
        self.violations: list[Violation] = []
        self.tabs = QTabWidget(self)
        # 超编 (over) last: planned = filled − over + vacant reconciles on every row.
        figures = (self.tr("Positions"), self.tr("Planned"), self.tr("Filled"),
                   self.tr("Vacant"), self.tr("Over"))
        self.positions_model = FiguresModel(
            (self.tr("Position"), self.tr("Department"), self.tr("Level"),
             self.tr("Direct reports"), self.tr("All under it"), self.tr("Planned"),
             self.tr("Filled"), self.tr("Vacant"), self.tr("Planned under"),
             self.tr("Filled under"), self.tr("Vacant under"), self.tr("Over"),
             self.tr("Over under")), self)
        self.departments_model = FiguresModel((self.tr("Department"), *figures), self)
        self.levels_model = FiguresModel((self.tr("Level"), *figures), self)
        self.positions_view = self._table(self.positions_model)
        self.positions_view.activated.connect(self._table_activated)
        self.tabs.addTab(self.positions_view, self.tr("Positions"))
        self.tabs.addTab(self._table(self.departments_model), self.tr("Departments"))
        self.tabs.addTab(self._table(self.levels_model), self.tr("Levels"))
        self.violation_list = QListWidget(self)
        self.violation_list.itemClicked.connect(self._violation_clicked)
        self.violation_list.itemActivated.connect(self._violation_clicked)
        self.tabs.addTab(self.violation_list, self.tr("Span of control"))
        self.cost: CostAnalysis = analyse_cost(org)
        self.cost_model = FiguresModel((), self)  # headers name the currency: set in refresh
        self.cost_view = self._table(self.cost_model)
        self.cost_view.setObjectName("costTable")
        self.tabs.addTab(self.cost_view, self.tr("Cost"))
        self._headcount_summary = self._cost_summary = ""
        self.tabs.currentChanged.connect(self._show_summary)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.cost_view), self.tr(
            "Labour cost per department: a seat costs the middle of its monthly pay range "
            "plus the on-cost; vacancies are planned seats not filled"))
        self.chart = BarChartWidget(self)
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        self.tabs.addTab(chart_scroll, self.tr("Chart"))
        self.tabs.addTab(self._rules_page(), self.tr("Rules"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copyFiguresButton")
        self.copy_button.setToolTip(self.tr("Copy the table shown (or its selected rows) to "
                                            "paste into a spreadsheet"))
        self.copy_button.clicked.connect(self.copy_figures)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("exportFiguresButton")
        self.export_button.setToolTip(self.tr("Save the figures as an Excel workbook (every "
                                              "table) or a CSV file (the table shown)"))
        self.export_button.clicked.connect(self.export_figures)
        copy = QAction(self.tr("Copy"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.triggered.connect(self.copy_figures)
        self.addAction(copy)
        header = QHBoxLayout()
        header.setContentsMargins(4, 2, 4, 0)
        header.addWidget(self.summary, 1)
        header.addWidget(self.copy_button)
        header.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs)
        self.refresh()

    def _table(self, model: FiguresModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView(self)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # document order until the user sorts
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    def _rules_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.rules_editor = RulesEditor(page)
        self.rules_editor.set_rules(self._rules)
        self.rules_problem = QLabel(page)
        self.rules_problem.setWordWrap(True)
        self.rules_problem.setStyleSheet("color: #B00020;")
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("Apply"), page)
        self.defaults_button = QPushButton(self.tr("Call-center defaults"), page)
        self.apply_button.clicked.connect(self.apply_rules)
        self.defaults_button.clicked.connect(
            lambda: self.rules_editor.set_rules(SpanRules()))
        buttons.addWidget(self.defaults_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rules_editor)
        layout.addWidget(scroll)
        layout.addWidget(self.rules_problem)
        layout.addLayout(buttons)
        return page

    # ------------------------------------------------------------------ inputs
    def violation_text(self, v: Violation) -> str:
        """The violation in the interface's language, with its figures."""
        if v.rule is RuleKind.TEAM_LEADER:
            agents = tr_n("AnalysisPanel", "{count} agent seat", "{count} agent seats", v.actual)
            return tr("AnalysisPanel", "Team leader “{title}” leads {agents}; "
                      "the rule is {low}–{high}.", title=v.title, agents=agents, low=v.low,
                      high=v.high)
        if v.rule is RuleKind.MANAGER:
            return tr_n("AnalysisPanel",
                        "Manager “{title}” has {count} direct-report seat; "
                        "the rule is at most {high}.",
                        "Manager “{title}” has {count} direct-report seats; "
                        "the rule is at most {high}.", v.actual, title=v.title, high=v.high)
        low, high = v.rule_range or (0, 0)
        values = {"agents": tr_n("AnalysisPanel", "{count} agent seat", "{count} agent seats",
                                 v.agents or 0),
                  "team": v.title, "low": low, "high": high,
                  "need": str(v.low) if v.low == v.high else f"{v.low}–{v.high}"}
        if v.rule is RuleKind.QA:
            return tr_n("AnalysisPanel",
                        "{count} QA inspector seat for {agents} (“{team}”); "
                        "one per {low}–{high} agents means {need}.",
                        "{count} QA inspector seats for {agents} (“{team}”); "
                        "one per {low}–{high} agents means {need}.", v.actual, **values)
        return tr_n("AnalysisPanel",
                    "{count} trainer seat for {agents} (“{team}”); "
                    "one per {low}–{high} agents means {need}.",
                    "{count} trainer seats for {agents} (“{team}”); "
                    "one per {low}–{high} agents means {need}.", v.actual, **values)

    def set_organisation(self, org: Organisation) -> None:
        """Show the figures of `org` (call after each change of the document)."""
        self._org = org
        self.refresh()

    def set_rules(self, rules: SpanRules) -> None:
        """The document's rules (from storage, or after undo): shown and checked."""
        self._rules = rules
        self.rules_editor.set_rules(rules)
        self.rules_problem.clear()
        self.refresh()

    @property
    def rules(self) -> SpanRules:
        return self._rules

    def apply_rules(self) -> None:
        """Check the edited rules; apply and announce them, or say what is wrong."""
        try:
            rules = self.rules_editor.rules()
        except SpanRulesError as exc:
            self.rules_problem.setText(user_message(exc))
            return
        self.rules_problem.clear()
        if rules != self._rules:
            self._rules = rules
            self.refresh()
            self.rules_edited.emit(rules)

    # --------------------------------------------------------------- refresh
    def refresh(self) -> None:
        self.analysis = analyse_headcount(self._org)
        self.violations = check_span(self._org, self._rules)
        analysis = self.analysis
        no_department = self.tr("(no department)")
        self.positions_model.set_rows(
            [("　" * (f.level - 1) + f.title, f.department or no_department, f.level,
              f.direct_reports, f.positions_under, f.planned, f.filled, f.vacancies,
              f.planned_under, f.filled_under, f.vacancies_under, f.over, f.over_under)
             for f in analysis.positions],
            [int(f.position_id) for f in analysis.positions])
        self.departments_model.set_rows(
            [(g.key or no_department, g.positions, g.planned, g.filled, g.vacancies, g.over)
             for g in analysis.departments])
        self.levels_model.set_rows(
            [(int(g.key), g.positions, g.planned, g.filled, g.vacancies, g.over)
             for g in analysis.levels])
        self.violation_list.clear()
        for violation in self.violations:
            item = QListWidgetItem(self.violation_text(violation), self.violation_list)
            item.setData(Qt.ItemDataRole.UserRole, int(violation.position_id))
            item.setToolTip(self.tr("Click to go to the position"))
        if not self.violations:
            item = QListWidgetItem(self.tr("No span-of-control violations."), self.violation_list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.chart.set_series(headcount_series(
            analysis, by_department=self.tr("Headcount by department"),
            by_level=self.tr("Headcount by level"), no_department=no_department,
            level_label=lambda n: tr("AnalysisPanel", "Level {level}", level=n),
            planned_label=self.tr("planned"), filled_label=self.tr("filled")))
        totals = analysis.totals
        figures = {
            "positions": tr_n("AnalysisPanel", "{count} position", "{count} positions",
                              totals.positions),
            "planned": tr_n("AnalysisPanel", "{count} planned seat", "{count} planned seats",
                            totals.planned),
            "filled": f"{totals.filled:,}", "vacant": f"{totals.vacancies:,}",
            "violations": tr_n("AnalysisPanel", "{count} violation", "{count} violations",
                               len(self.violations))}
        # With 超编 the totals only add up when it is said: planned = filled − over + vacant.
        self._headcount_summary = (
            tr("AnalysisPanel", "{positions}, {planned}, {filled} filled, {vacant} vacant, "
               "{over} over; {violations}", over=f"{totals.over:,}", **figures)
            if totals.over else
            tr("AnalysisPanel", "{positions}, {planned}, {filled} filled, {vacant} vacant; "
               "{violations}", **figures))
        self.tabs.setTabText(self.tabs.indexOf(self.violation_list),
                             tr("AnalysisPanel", "Span of control ({count})",
                                count=len(self.violations)))
        self._show_cost(no_department)

    def _show_cost(self, no_department: str) -> None:
        """The cost per department and in total, monthly and annual, in the document's
        currency; a last column counts the positions whose seats have no pay."""
        self.cost = cost = analyse_cost(self._org)
        currency = cost.currency
        self.cost_model.set_headers((
            self.tr("Department"), self.tr("Positions"), self.tr("Planned"), self.tr("Filled"),
            self.tr("Vacant"),
            tr("AnalysisPanel", "Monthly, planned ({currency})", currency=currency),
            tr("AnalysisPanel", "Monthly, filled ({currency})", currency=currency),
            tr("AnalysisPanel", "Monthly, vacancies ({currency})", currency=currency),
            tr("AnalysisPanel", "Annual, planned ({currency})", currency=currency),
            tr("AnalysisPanel", "Annual, filled ({currency})", currency=currency),
            tr("AnalysisPanel", "Annual, vacancies ({currency})", currency=currency),
            self.tr("Positions without pay")))

        def row(group: GroupCost, name: str) -> tuple[Cell, ...]:
            c = group.cost
            return (name, group.positions, group.planned, group.filled, group.vacancies,
                    float(c.monthly_planned), float(c.monthly_filled), float(c.monthly_vacant),
                    float(c.annual_planned), float(c.annual_filled), float(c.annual_vacant),
                    group.lacking_pay)

        self.cost_model.set_rows(
            [row(g, g.key or no_department) for g in cost.departments]
            + [row(cost.total, self.tr("Total"))])
        total = cost.total
        if not cost.has_pay:
            self._cost_summary = self.tr("No position has pay yet: set a seat's monthly pay in "
                                         "the position's overview.")
        else:
            self._cost_summary = tr(
                "AnalysisPanel", "Labour cost a month: {planned} planned, {filled} filled, "
                "{vacant} vacant; a year: {annual} planned ({currency})",
                planned=f"{total.cost.monthly_planned:,.2f}",
                filled=f"{total.cost.monthly_filled:,.2f}",
                vacant=f"{total.cost.monthly_vacant:,.2f}",
                annual=f"{total.cost.annual_planned:,.2f}", currency=currency)
            if total.lacking_pay:
                self._cost_summary += " " + tr_n(
                    "AnalysisPanel", "{count} position with seats has no pay: not counted.",
                    "{count} positions with seats have no pay: not counted.",
                    total.lacking_pay)
        self._show_summary()

    def _show_summary(self) -> None:
        """The headcount in a line above the tables; the labour cost on the Cost tab."""
        on_cost = self.tabs.currentWidget() is self.cost_view
        self.summary.setText(self._cost_summary if on_cost else self._headcount_summary)

    # ---------------------------------------------------------------- clicks
    def _violation_clicked(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if pid is not None:
            self.position_activated.emit(int(pid))

    def _table_activated(self, index: QModelIndex) -> None:
        pid = index.data(POSITION_ROLE)
        if pid is not None:
            self.position_activated.emit(int(pid))

    # ------------------------------------------------------- copy and export
    def figure_tables(self) -> list[FigureTable]:
        """The tables as shown (sorted as the user sorted them), each named after its tab,
        the span-of-control list as a one-column table."""
        tables = []
        for index in range(self.tabs.count()):
            table = self._tab_table(index)
            if table is not None:
                tables.append(table)
        return tables

    def _tab_table(self, index: int, selected_only: bool = False) -> FigureTable | None:
        page = self.tabs.widget(index)
        name = self.tabs.tabText(index)
        if isinstance(page, QTableView):
            model = page.model()
            rows: list[int] | range = range(model.rowCount())
            if selected_only and page.selectionModel().hasSelection():
                rows = sorted(i.row() for i in page.selectionModel().selectedRows())
            headers = tuple(str(model.headerData(c, Qt.Orientation.Horizontal))
                            for c in range(model.columnCount()))
            return FigureTable(name, headers, tuple(
                tuple(model.index(r, c).data(SORT_ROLE) for c in range(model.columnCount()))
                for r in rows))
        if page is self.violation_list:
            items = [page.item(r) for r in range(page.count())]
            if selected_only and page.selectedItems():
                items = page.selectedItems()
            return FigureTable(name, (self.tr("Span of control"),),
                               tuple((item.text(),) for item in items))
        return None

    def copy_figures(self) -> None:
        """The table shown (its selected rows when there are) to the clipboard as
        tab-separated text, headers first; other tabs copy every table."""
        table = self._tab_table(self.tabs.currentIndex(), selected_only=True)
        tables = [table] if table is not None else self.figure_tables()
        QGuiApplication.clipboard().setText("\n".join(tab_separated(t) for t in tables))

    def export_figures(self) -> None:
        """Ask where, then write every table to an XLSX workbook or the shown one to CSV."""
        tables = self.figure_tables()
        current = self._tab_table(self.tabs.currentIndex())
        index = next((i for i, t in enumerate(tables) if current is not None
                      and t.name == current.name), 0)
        stem = " ".join(filter(None, (title_stem(self._org.info.title), self.tr("analysis"))))
        suggested = preferences.suggested_target("figures", stem, "xlsx",
                                                 ("xlsx", "csv"))
        target = dialogs.ask_figures_path(self, suggested)
        if target is None:
            return
        try:
            export_figures(target, tables, index)
        except UserError as exc:
            dialogs.show_error(self, user_message(exc))
            return
        preferences.remember_export("figures", target)
