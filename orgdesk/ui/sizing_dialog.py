"""Edit → Size Agent Position…: a workload in, agents per interval, FTE and seats out.

The inputs form a `Workload` (design/workload.py, which checks them and says
what is wrong in one sentence); every change sizes it again (a week of
15-minute intervals takes a few hundredths of a second).  The chart draws the
agents required per interval as bars and the service level they achieve as
a line; the explanation says how each number was reached, in the
interface's language; the derived support structure for the new seat count
is shown before/after (the structure dialog's own view).  Apply stores the
workload, sets the planned headcount and applies the structure: one step on
the undo stack.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.model import PositionId
from orgdesk.design.apply import apply_structure
from orgdesk.design.explain import explain, when
from orgdesk.design.sizing import Sizing, size
from orgdesk.design.structure import StructurePlan, derive_structure
from orgdesk.design.workload import (
    WORKLOADS_SETTING,
    Workload,
    WorkloadError,
    clock,
    parse_hours,
    with_workload,
    workloads_of,
)
from orgdesk.services.editor import DocumentService
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.messages import user_message
from orgdesk.ui.structure_dialog import StructureView, interface_language

BAR = QColor("#4472C4")
LINE = QColor("#ED7D31")
TARGET = QColor("#70AD47")


def ask_forecast_path(parent: QWidget | None) -> Path | None:
    """The forecast file to read (replaced in tests)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, tr("SizingDialog", "Import forecast"), "",
        tr("SizingDialog", "Forecasts ({patterns})", patterns="*.csv *.txt *.xlsx *.xlsm"))
    return Path(path) if path else None


class SizingChart(QWidget):
    """Agents required per interval (bars, left axis) and achieved service level (line,
    right axis 0–100 %), with the target as a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sizingChart")
        self.setMinimumSize(420, 200)
        self.sizing: Sizing | None = None

    def show_sizing(self, sizing: Sizing | None) -> None:
        self.sizing = sizing
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        sizing = self.sizing
        metrics = painter.fontMetrics()
        line_height = metrics.height()
        plot = QRectF(metrics.horizontalAdvance("0000") + 8, line_height + 8,
                      self.width() - metrics.horizontalAdvance("0000") * 2 - 24,
                      self.height() - line_height * 2 - 20)
        painter.setPen(QPen(self.palette().text().color(), 1))
        painter.drawRect(plot)
        if sizing is None or not sizing.intervals or plot.width() < 10 or plot.height() < 10:
            painter.end()
            return
        rows = sizing.intervals
        most = max(1, max(r.agents for r in rows))
        width = plot.width() / len(rows)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for index, row in enumerate(rows):
            height = plot.height() * row.agents / most
            painter.drawRect(QRectF(plot.left() + index * width, plot.bottom() - height,
                                    max(width - (1 if width > 3 else 0), 0.5), height))
        target = sizing.workload.service_level
        if target is not None and sizing.workload.channel != "email":
            y = plot.bottom() - plot.height() * target / 100
            painter.setPen(QPen(TARGET, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        levels = [r.service_level for r in rows]
        if all(level is not None for level in levels):
            points = QPolygonF([QPointF(plot.left() + (i + 0.5) * width,
                                        plot.bottom() - plot.height() * (level or 0.0))
                                for i, level in enumerate(levels)])
            painter.setPen(QPen(LINE, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(points)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(0, plot.top() - 4, plot.left() - 4, line_height),
                         Qt.AlignmentFlag.AlignRight, str(most))
        painter.drawText(QRectF(0, plot.bottom() - line_height + 4, plot.left() - 4,
                                line_height), Qt.AlignmentFlag.AlignRight, "0")
        painter.drawText(QRectF(plot.right() + 4, plot.top() - 4, 60, line_height),
                         Qt.AlignmentFlag.AlignLeft, "100%")
        days = sizing.workload.days
        for index in (0, len(rows) // 2, len(rows) - 1):
            x = plot.left() + (index + 0.5) * width
            text = when(rows[index], days, interface_language())
            advance = metrics.horizontalAdvance(text)
            left = min(max(x - advance / 2, plot.left()), plot.right() - advance)
            painter.drawText(QPointF(left, plot.bottom() + line_height + 2), text)
        legend = [(BAR, tr("SizingChart", "Agents required")),
                  (LINE, tr("SizingChart", "Service level achieved")),
                  (TARGET, tr("SizingChart", "Target"))]
        x = plot.left()
        for colour, text in legend:
            painter.fillRect(QRectF(x, 4, 10, 10), colour)
            painter.drawText(QPointF(x + 14, 4 + metrics.ascent() - 2), text)
            x += 28 + metrics.horizontalAdvance(text)
        painter.end()


class SizingDialog(QDialog):
    """Size one agent position from its workload and apply the seats (one undo step)."""

    def __init__(self, controller: DocumentController, position: PositionId,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sizingDialog")
        self.controller = controller
        self.position = position
        title = controller.org.position(position).title
        self.setWindowTitle(tr("SizingDialog", "Size “{title}”", title=title))
        self.sizing: Sizing | None = None
        self.workload: Workload | None = None
        self.plan: StructurePlan | None = None
        self.volumes: tuple[tuple[int, float], ...] = ()
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(300)
        self._pause.timeout.connect(self.recompute)
        self._build_inputs()
        self.summary = QLabel(self)
        self.summary.setObjectName("sizingSummary")
        self.summary.setWordWrap(True)
        self.chart = SizingChart(self)
        self.explanation = QPlainTextEdit(self)
        self.explanation.setObjectName("sizingExplanation")
        self.explanation.setReadOnly(True)
        self.structure = StructureView(self)
        tabs = QTabWidget(self)
        tabs.setObjectName("sizingTabs")
        tabs.addTab(self.chart, tr("SizingDialog", "Intervals"))
        tabs.addTab(self.explanation, tr("SizingDialog", "How it was reached"))
        tabs.addTab(self.structure, tr("SizingDialog", "Support structure before/after"))
        self.problem = QLabel(self)
        self.problem.setObjectName("sizingProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.apply_button = QPushButton(tr("SizingDialog", "Apply"), self)
        self.apply_button.setObjectName("sizingApplyButton")
        self.apply_button.clicked.connect(self.apply)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(tabs, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.form_widget)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(1000, 600)
        self._load()
        self.recompute()

    # ------------------------------------------------------------------ inputs
    def _spin(self, name: str, low: float, high: float, value: float, decimals: int = 0,
              suffix: str = "") -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setDecimals(decimals)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.valueChanged.connect(self.input_changed)
        return spin

    def _build_inputs(self) -> None:
        self.form_widget = QWidget(self)
        form = QFormLayout(self.form_widget)
        self.channel = QComboBox(self)
        self.channel.setObjectName("sizingChannel")
        for key, text in (("voice", tr("SizingDialog", "Voice")),
                          ("chat", tr("SizingDialog", "Chat")),
                          ("email", tr("SizingDialog", "E-mail / back office"))):
            self.channel.addItem(text, key)
        self.channel.currentIndexChanged.connect(self.input_changed)
        self.source = QComboBox(self)
        self.source.setObjectName("sizingSource")
        for key, text in (("hourly", tr("SizingDialog", "Contacts per hour")),
                          ("daily", tr("SizingDialog", "Contacts per day")),
                          ("forecast", tr("SizingDialog", "Forecast file"))):
            self.source.addItem(text, key)
        self.source.currentIndexChanged.connect(self.input_changed)
        self.volume = self._spin("sizingVolume", 0, 10_000_000, 100)
        self.forecast_button = QPushButton(tr("SizingDialog", "Import Forecast…"), self)
        self.forecast_button.setObjectName("sizingForecastButton")
        self.forecast_button.clicked.connect(self.import_forecast)
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.forecast_button)
        self.aht = self._spin("sizingAht", 1, 86_400, 180, suffix=tr("SizingDialog", " s"))
        self.sl_share = self._spin("sizingSlShare", 1, 99.9, 80, 1, "%")
        self.sl_seconds = self._spin("sizingSlSeconds", 0, 86_400, 20,
                                     suffix=tr("SizingDialog", " s"))
        sl_row = QHBoxLayout()
        sl_row.addWidget(self.sl_share)
        sl_row.addWidget(QLabel(tr("SizingDialog", "within"), self))
        sl_row.addWidget(self.sl_seconds)
        self.use_asa = QCheckBox(tr("SizingDialog", "ASA at most"), self)
        self.use_asa.setObjectName("sizingUseAsa")
        self.use_asa.toggled.connect(self.input_changed)
        self.asa = self._spin("sizingAsa", 1, 86_400, 20, suffix=tr("SizingDialog", " s"))
        self.occupancy = self._spin("sizingOccupancy", 1, 100, 85, 0, "%")
        self.shrinkage = self._spin("sizingShrinkage", 0, 95, 30, 0, "%")
        self.hours = QLineEdit("08:00-22:00", self)
        self.hours.setObjectName("sizingHours")
        self.hours.textChanged.connect(self.input_changed)
        self.interval = QComboBox(self)
        self.interval.setObjectName("sizingInterval")
        for minutes in (15, 30, 60):
            self.interval.addItem(tr("SizingDialog", "{minutes} minutes", minutes=minutes),
                                  minutes)
        self.interval.setCurrentIndex(1)
        self.interval.currentIndexChanged.connect(self.input_changed)
        self.paid_hours = self._spin("sizingPaidHours", 1, 168, 40, 1,
                                     tr("SizingDialog", " h/week"))
        self.days = self._spin("sizingDays", 1, 7, 7, 0, tr("SizingDialog", " days/week"))
        self.concurrency = self._spin("sizingConcurrency", 1, 20, 2, 1)
        self.window_minutes = self._spin("sizingWindow", 1, 10_080, 240,
                                         suffix=tr("SizingDialog", " min"))
        self.use_patience = QCheckBox(tr("SizingDialog", "Erlang A: patience"), self)
        self.use_patience.setObjectName("sizingUsePatience")
        self.use_patience.toggled.connect(self.input_changed)
        self.patience = self._spin("sizingPatience", 1, 86_400, 120,
                                   suffix=tr("SizingDialog", " s"))
        form.addRow(tr("SizingDialog", "Channel"), self.channel)
        form.addRow(tr("SizingDialog", "Volume"), self.source)
        form.addRow("", volume_row)
        form.addRow(tr("SizingDialog", "Average handle time"), self.aht)
        form.addRow(tr("SizingDialog", "Service level"), sl_row)
        form.addRow(self.use_asa, self.asa)
        form.addRow(tr("SizingDialog", "Maximum occupancy"), self.occupancy)
        form.addRow(tr("SizingDialog", "Shrinkage"), self.shrinkage)
        form.addRow(tr("SizingDialog", "Opening hours"), self.hours)
        form.addRow(tr("SizingDialog", "Interval"), self.interval)
        form.addRow(tr("SizingDialog", "Paid hours per FTE"), self.paid_hours)
        form.addRow(tr("SizingDialog", "Opening days"), self.days)
        form.addRow(tr("SizingDialog", "Chats per agent"), self.concurrency)
        form.addRow(tr("SizingDialog", "Response window"), self.window_minutes)
        form.addRow(self.use_patience, self.patience)

    def _load(self) -> None:
        """The stored workload's values, if the position has one."""
        try:
            stored = workloads_of(self.controller.org.settings).get(int(self.position))
        except UserError as exc:
            self.problem.setText(user_message(exc))
            stored = None
        if stored is None:
            return
        widgets = [self.channel, self.source, self.volume, self.aht, self.sl_share,
                   self.sl_seconds, self.use_asa, self.asa, self.occupancy, self.shrinkage,
                   self.hours, self.interval, self.paid_hours, self.days, self.concurrency,
                   self.window_minutes, self.use_patience, self.patience]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.channel.setCurrentIndex(self.channel.findData(stored.channel))
            if stored.volumes:
                self.volumes = stored.volumes
                self.source.setCurrentIndex(self.source.findData("forecast"))
            else:
                self.source.setCurrentIndex(self.source.findData("daily"))
                self.volume.setValue(stored.daily_volume or 0.0)
            self.aht.setValue(stored.aht)
            if stored.service_level is not None:
                self.sl_share.setValue(stored.service_level)
            self.sl_seconds.setValue(stored.threshold)
            self.use_asa.setChecked(stored.asa is not None)
            self.asa.setValue(stored.asa or 20.0)
            self.occupancy.setValue(stored.max_occupancy)
            self.shrinkage.setValue(stored.shrinkage)
            self.hours.setText(f"{clock(stored.opens)}-{clock(stored.closes)}")
            self.interval.setCurrentIndex(self.interval.findData(stored.interval_minutes))
            self.paid_hours.setValue(stored.paid_hours)
            self.days.setValue(stored.days_per_week)
            self.concurrency.setValue(stored.concurrency)
            self.window_minutes.setValue(stored.response_window)
            self.use_patience.setChecked(stored.patience is not None)
            self.patience.setValue(stored.patience or 120.0)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def import_forecast(self) -> None:
        path = ask_forecast_path(self)
        if path is None:
            return
        from orgdesk.io.forecast import busy_hours, read_forecast

        try:
            forecast = read_forecast(path)
        except UserError as exc:
            self.problem.setText(user_message(exc))
            return
        self.volumes = forecast.volumes
        self.interval.blockSignals(True)
        self.interval.setCurrentIndex(self.interval.findData(forecast.interval_minutes))
        self.interval.blockSignals(False)
        hours = busy_hours(forecast)
        if hours is not None:
            opens, closes = parse_hours(self.hours.text()) if self._hours_valid() else hours
            self.hours.blockSignals(True)  # widened to cover every interval with contacts
            self.hours.setText(f"{clock(min(opens, hours[0]))}-{clock(max(closes, hours[1]))}")
            self.hours.blockSignals(False)
        self.source.setCurrentIndex(self.source.findData("forecast"))
        self.recompute()

    def _hours_valid(self) -> bool:
        try:
            parse_hours(self.hours.text())
        except UserError:
            return False
        return True

    def current_workload(self) -> Workload:
        """The workload the inputs describe (WorkloadError if they do not make one)."""
        opens, closes = parse_hours(self.hours.text())
        source = self.source.currentData()
        channel = self.channel.currentData()
        values: dict[str, object] = {}
        if source == "forecast":
            values["volumes"] = self.volumes
            if not self.volumes:
                raise WorkloadError(Sentence.of("Import a forecast file first."))
        elif source == "hourly":
            values["daily_volume"] = self.volume.value() * max(closes - opens, 0) / 60
        else:
            values["daily_volume"] = self.volume.value()
        return Workload(
            aht=self.aht.value(), service_level=self.sl_share.value(),
            threshold=self.sl_seconds.value(),
            asa=self.asa.value() if self.use_asa.isChecked() else None,
            max_occupancy=self.occupancy.value(), shrinkage=self.shrinkage.value(),
            opens=opens, closes=closes, interval_minutes=int(self.interval.currentData()),
            channel=str(channel), concurrency=self.concurrency.value() if channel == "chat"
            else 1.0, response_window=self.window_minutes.value(),
            patience=self.patience.value() if self.use_patience.isChecked() else None,
            paid_hours=self.paid_hours.value(), days_per_week=self.days.value(),
            **values)  # type: ignore[arg-type]  # volumes or daily_volume, checked by Workload

    # ----------------------------------------------------------------- results
    def input_changed(self) -> None:
        """Size again at once; with Erlang A (about a second for a week of intervals) only
        once the typing pauses."""
        if self.use_patience.isChecked():
            self._pause.start()
        else:
            self.recompute()

    def recompute(self) -> None:
        source = self.source.currentData()
        self.volume.setEnabled(source != "forecast")
        self.forecast_button.setEnabled(True)
        channel = self.channel.currentData()
        self.concurrency.setEnabled(channel == "chat")
        self.window_minutes.setEnabled(channel == "email")
        self.asa.setEnabled(self.use_asa.isChecked())
        self.patience.setEnabled(self.use_patience.isChecked())
        self.problem.clear()
        try:
            workload = self.current_workload()
            sizing = size(workload)
            plan = derive_structure(self.controller.org, None,
                                    {int(self.position): sizing.headcount})
        except (UserError, ValueError) as exc:
            self.workload = self.sizing = self.plan = None
            self.problem.setText(user_message(exc) if isinstance(exc, UserError) else str(exc))
            self.apply_button.setEnabled(False)
            self.chart.show_sizing(None)
            return
        self.workload, self.sizing, self.plan = workload, sizing, plan
        lang = interface_language()
        peak = sizing.peak
        now = self.controller.org.position(self.position).planned_headcount
        text = tr_n("SizingDialog", "{count} seat ({fte} FTE; now {now}).",
                    "{count} seats ({fte} FTE; now {now}).", sizing.headcount,
                    fte=f"{sizing.fte:.2f}", now=now) + " " + tr_n(
            "SizingDialog", "Peak {when}: {erlangs} Erlangs, {count} agent.",
            "Peak {when}: {erlangs} Erlangs, {count} agents.", peak.agents,
            when=when(peak, workload.days, lang),
            erlangs=f"{peak.traffic:.2f}")
        if sizing.headcount_a is not None:
            text += " " + tr_n("SizingDialog", "Erlang A: {count} seat.", "Erlang A: {count} seats.",
                               sizing.headcount_a)
        self.summary.setText(text)
        self.chart.show_sizing(sizing)
        self.explanation.setPlainText("\n".join(explain(sizing, lang)))
        self.structure.show_plan(plan, self.controller.org)
        self.apply_button.setEnabled(True)

    def apply(self) -> None:
        """Store the workload, set the seats and apply the derived structure: one step."""
        if self.workload is None or self.sizing is None:
            return
        workload, seats, pid = self.workload, self.sizing.headcount, self.position
        title = self.controller.org.position(pid).title

        def edit(service: DocumentService) -> None:
            service.set_setting(WORKLOADS_SETTING,
                                with_workload(service.org.settings, int(pid), workload))
            service.edit_position(pid, planned_headcount=seats)
            apply_structure(service, derive_structure(service.org, None, {int(pid): seats}))

        done = self.controller.execute(
            tr_n("SizingDialog", "Size “{title}”: {count} seat", "Size “{title}”: {count} seats",
                 seats, title=title), edit)
        if done is not None:
            self.recompute()
