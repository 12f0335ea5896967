"""File → Export Chart…: options, a preview, and the export run in the background.

The dialog collects `ChartExportOptions`, previews the chart as Graphviz draws
it, and writes the file through `orgdesk.export` on a worker thread with a
progress bar.  The file chooser and the error box are module functions
(`choose_target`, `show_error`) so tests replace them.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orgdesk.analysis.texts import tree_indent
from orgdesk.core.errors import UserError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.chart_export import ExportResult, export_chart_file, render_chart
from orgdesk.export.options import FORMATS, PAPERS, ChartExportOptions
from orgdesk.files import title_stem
from orgdesk.layout.model import ChartLayout
from orgdesk.ui import dialogs, jobs, preferences
from orgdesk.ui.i18n import tr
from orgdesk.ui.jobs import Job
from orgdesk.ui.long_text import elide
from orgdesk.ui.messages import user_message

#: Above this many positions the preview is not drawn automatically.
PREVIEW_LIMIT = 1500
#: The stages `export_chart_file` reports (in English), translated when shown.
STAGES = (QT_TRANSLATE_NOOP("ExportChartDialog", "Laying out the chart"),
          QT_TRANSLATE_NOOP("ExportChartDialog", "Painting pages"),
          QT_TRANSLATE_NOOP("ExportChartDialog", "Painting the image"),
          QT_TRANSLATE_NOOP("ExportChartDialog", "Drawing the slides"),
          QT_TRANSLATE_NOOP("ExportChartDialog", "Writing the file"),
          QT_TRANSLATE_NOOP("ExportChartDialog", "Done"))
DRAWING_WITH = "Drawing with "


def choose_target(parent: QWidget, suggested: str, fmt: str) -> Path | None:
    """Ask where to save; None when cancelled (tests replace this)."""
    label = (QCoreApplication.translate("ExportChartDialog", "PowerPoint") if fmt == "pptx"
             else fmt.upper())
    name, _ = QFileDialog.getSaveFileName(parent, tr("ExportChartDialog", "Export Chart"), suggested,
                                          f"{label} (*.{fmt})")
    return Path(name) if name else None


def show_error(parent: QWidget, sentence: str) -> None:
    dialogs.show_error(parent, sentence)


def show_info(parent: QWidget, text: str) -> None:
    dialogs.show_info(parent, text)


def _export(org: Organisation, target: Path, options: ChartExportOptions,
            layout: ChartLayout | None, report: Callable[[int, str], None]) -> ExportResult:
    """The chart file, or the PowerPoint deck (native shapes, no Graphviz)."""
    if options.format == "pptx":
        from orgdesk.export.deck import export_deck_file

        return ExportResult((export_deck_file(org, target, options, report),))
    return export_chart_file(org, target, options, layout, report)


class ExportChartDialog(QDialog):
    """Chart export options with a preview; `export_to(path)` runs the export."""

    export_finished = Signal(str)  # "" when the file was written, else the reason

    def __init__(self, org: Organisation, parent: QWidget | None = None,
                 layout: ChartLayout | None = None,
                 collapsed: frozenset[PositionId] = frozenset()) -> None:
        super().__init__(parent)
        self.setObjectName("exportChartDialog")
        self.setWindowTitle(self.tr("Export Chart"))
        self.org = org
        self.screen_layout = layout  # the chart view's layout, exported as is when it applies
        self.collapsed = collapsed
        self._job: Job | None = None
        self._target: Path | None = None
        form = QFormLayout()
        self.format = QComboBox()
        for fmt in FORMATS:  # the deck is named for its program, as users look for it
            self.format.addItem(self.tr("PowerPoint") if fmt == "pptx" else fmt.upper(), fmt)
        self.layout_kind = QComboBox()
        self.layout_kind.addItem(self.tr("Compact (as on screen)"), "compact")
        self.layout_kind.addItem(self.tr("Graphviz dot"), "dot")
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Top to bottom"), "tb")
        self.orientation.addItem(self.tr("Left to right"), "lr")
        self.dpi = QSpinBox()
        self.dpi.setRange(10, 1200)
        self.dpi.setValue(150)
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(paper.upper() if paper != "letter" else self.tr("Letter"), paper)
        # A custom size is typed in ("600x900mm"); the export checks it.
        self.paper.setEditable(True)
        self.page_turn = QComboBox()
        self.page_turn.addItem(self.tr("From the chart's shape"), None)
        self.page_turn.addItem(self.tr("Portrait"), False)
        self.page_turn.addItem(self.tr("Landscape"), True)
        self.fit = QCheckBox(self.tr("Scale to one page"))
        self.poster = QCheckBox(self.tr("Poster: tiles over several pages"))
        self.wide = QCheckBox(self.tr("Plain wide layout (every row of reports unwrapped)"))
        self.root = QComboBox()
        self.root.addItem(self.tr("Whole organisation"), None)
        # Indentation stops at a depth and titles are cut, and the box is not sized
        # to its longest entry: the list of a 100,000-level chain would otherwise
        # hold gigabytes of spaces and measure every one of them.
        self.root.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.root.setMinimumContentsLength(30)
        for position in org.positions():
            indent = tree_indent(org.level_of(position.id))
            self.root.addItem(f"{indent}{elide(position.title, 200)}", int(position.id))
        self.levels = QSpinBox()
        self.levels.setRange(-1, 99)
        self.levels.setSpecialValueText(self.tr("All levels"))
        self.levels.setValue(-1)
        # The deliverable's language is its own, by default the document's (not the UI's).
        self.language = QComboBox()
        self.language.addItem(self.tr("As the document"), None)
        self.language.addItem("中文", "zh")  # each language named in itself
        self.language.addItem("English", "en")
        self.legend = QCheckBox(self.tr("Legend"))
        for label, widget in ((self.tr("Format"), self.format), (self.tr("Layout"), self.layout_kind),
                              (self.tr("Orientation"), self.orientation),
                              (self.tr("Resolution (dpi)"), self.dpi), (self.tr("Paper"), self.paper),
                              (self.tr("Pages"), self.page_turn), ("", self.fit), ("", self.poster),
                              ("", self.wide), (self.tr("Branch"), self.root),
                              (self.tr("Levels below it"), self.levels),
                              (self.tr("Chart language"), self.language), ("", self.legend)):
            form.addRow(label, widget)
        self.preview = QLabel()
        self.preview.setObjectName("exportPreview")
        self.preview.setMinimumSize(360, 260)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._ask_and_export)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.preview, 1)
        main = QVBoxLayout(self)
        main.addLayout(top)
        main.addWidget(self.progress)
        main.addWidget(self.status)
        main.addWidget(self.buttons)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(self.update_preview)
        # The format of the last chart export (QSettings), before the signals are connected.
        last = self.format.findData(preferences.last_export_format("chart", str(FORMATS[0])))
        if last >= 0:
            self.format.setCurrentIndex(last)
        self.format.currentIndexChanged.connect(self._format_changed)
        for combo in (self.format, self.layout_kind, self.orientation, self.paper, self.root,
                      self.language, self.page_turn):
            combo.currentIndexChanged.connect(self._changed)
        for box in (self.fit, self.poster, self.wide, self.legend):
            box.toggled.connect(self._changed)
        for spin in (self.dpi, self.levels):
            spin.valueChanged.connect(self._changed)
        self._format_changed()
        self._changed()

    # ------------------------------------------------------------ options
    def options(self) -> ChartExportOptions:
        """The options as chosen now."""
        root = self.root.currentData()
        return ChartExportOptions(
            format=self.format.currentData(), layout=self.layout_kind.currentData(),
            orientation=self.orientation.currentData(), dpi=self.dpi.value(),
            paper=self._paper(), landscape=self.page_turn.currentData(),
            fit=self.fit.isChecked(), poster=self.poster.isChecked(),
            balance=not self.wide.isChecked(), root=None if root is None else PositionId(root),
            depth=None if self.levels.value() < 0 else self.levels.value(),
            collapsed=self.collapsed, lang=self.language.currentData(),
            legend=self.legend.isChecked())

    def _format_changed(self) -> None:
        # The legend's default follows the format: on for PDF, off for the others.
        self.legend.setChecked(ChartExportOptions(format=self.format.currentData()).legend_shown())

    def _paper(self) -> str:
        """The paper chosen from the list, or the custom size typed in."""
        index = self.paper.currentIndex()
        text = self.paper.currentText().strip()
        if index >= 0 and text == self.paper.itemText(index):
            return str(self.paper.itemData(index))
        return text.lower()

    def _layout_for(self, options: ChartExportOptions) -> ChartLayout | None:
        """The screen's layout when the export shows the same chart, else None (recomputed)."""
        layout = self.screen_layout
        if (layout is None or options.layout != "compact" or options.root is not None
                or options.depth is not None or options.orientation != layout.orientation
                or not options.balance):  # the screen shows the balanced layout
            return None
        if layout.staffing or any(box.collapsed for box in layout.boxes.values()):
            return None  # its boxes carry words in the interface's language, not the chart's
        return layout

    def _changed(self) -> None:
        fmt = self.format.currentData()
        self.dpi.setEnabled(fmt == "png")
        for widget in (self.paper, self.page_turn, self.fit, self.poster):
            widget.setEnabled(fmt == "pdf")
        self._preview_timer.start()

    def update_preview(self) -> None:
        """Draw the preview (as Graphviz renders it) unless the chart is very large."""
        if len(self.org) > PREVIEW_LIMIT:
            self.preview.setText(self.tr("No preview for charts of more than %n positions.", "",
                                         PREVIEW_LIMIT))
            return
        options = self.options()
        preview = ChartExportOptions(format="svg", layout=options.layout,
                                     orientation=options.orientation, root=options.root,
                                     depth=options.depth, collapsed=options.collapsed,
                                     lang=options.lang, legend=options.legend)
        try:
            svg = render_chart(self.org, preview, self._layout_for(options))
        except UserError as exc:
            self.preview.setText(user_message(exc))
            return
        from orgdesk.paint.svg_render import svg_to_png

        pixmap = QPixmap()
        pixmap.loadFromData(svg_to_png(svg, 36))
        self.preview.setPixmap(pixmap.scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))

    # ------------------------------------------------------------ export
    def _ask_and_export(self) -> None:
        fmt = self.format.currentData()
        # The last export's folder, the organisation's title as the name.
        suggested = str(preferences.suggested_target(
            "chart", title_stem(self.org.info.title) or "chart", fmt, (fmt,)))
        target = choose_target(self, suggested, fmt)
        if target is not None:
            if target.suffix.lower() != f".{fmt}":
                target = target.with_name(f"{target.name}.{fmt}")
            self.export_to(target)

    def export_to(self, target: Path) -> None:
        """Export to `target` on a worker thread; `export_finished` tells the outcome."""
        options = self.options()
        self._target = target
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        # The worker reads its own copy: the window may go on editing meanwhile.
        org, layout = self.org.copy(), self._layout_for(options)
        self._job = jobs.start(
            Job(lambda job: _export(org, target, options, layout, job.report)),
            lambda outcome: self._on_done(outcome.problem, outcome.result),
            lambda values: self._on_progress(*values))  # type: ignore[arg-type]  # the job reports (percent, what) tuples

    def _on_progress(self, percent: int, what: str) -> None:
        self.progress.setValue(percent)
        if what.startswith(DRAWING_WITH):  # "Drawing with Graphviz 2.43 (system dot)"
            self.status.setText(tr("ExportChartDialog", "Drawing with {engine}",
                                    engine=what[len(DRAWING_WITH):]))
        else:
            self.status.setText(self.tr(what))

    def _on_done(self, problem: str, result: object = None) -> None:
        self._job = None
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status.setText("")
        self.export_finished.emit(problem)
        if problem:
            show_error(self, problem)
            return
        if self._target is not None:
            preferences.remember_export("chart", self._target)
        if isinstance(result, ExportResult) and (result.warnings or len(result.paths) > 1):
            show_info(self, self.report(result))
        self.accept()

    def report(self, result: ExportResult) -> str:
        """What the user should know of a finished export: tiles written, Graphviz's warnings."""
        lines = []
        if len(result.paths) > 1:
            lines.append(self.tr("The image was too large for one file, so it was cut into "
                                 "%n images:", "", len(result.paths)))
            lines += [f"  {path.name}" for path in result.paths]
        if result.warnings:
            lines.append(self.tr("Graphviz warned:"))
            lines += [f"  {warning}" for warning in result.warnings]
        return "\n".join(lines)
