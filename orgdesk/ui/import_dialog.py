"""File → Import…: choose a file, map its columns, see the tree and every problem, then import.

The dialog never parses anything itself: `orgdesk.io.interchange.preview`
gives the headers, sample rows and the recognised mapping, and
`read_source` does the full read and check on a worker thread (a big staff
list takes seconds) with a progress bar and a Cancel button.  Each change of
file, sheet, encoding, mapping or roots choice starts a fresh check; the
Import button is enabled only when the last check found no problem, so the
organisation handed back is always complete and sound.  The file chooser and
the error box are module functions (`choose_source`, `show_error`) so tests
replace them.  The caller opens `dialog.organisation` as a new document.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation
from orgdesk.io.fields import FIELDS, UNMAPPED
from orgdesk.io.interchange import (
    IMPORT_FORMATS,
    ImportResult,
    Preview,
    preview,
    read_source,
)
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import ImportCancelled
from orgdesk.ui import dialogs
from orgdesk.ui.i18n import tr, tr_n
from orgdesk.ui.messages import user_message

#: The preview tree shows at most this many positions (a 100,000-row list would stall it).
PREVIEW_POSITIONS = 2000
#: Problems listed in the dialog; the count says how many there are in all.
SHOWN_PROBLEMS = 500
ENCODINGS = (("", QT_TRANSLATE_NOOP("ImportDialog", "Detect (UTF-8, else GB18030)")),
             ("utf-8", "UTF-8"), ("gb18030", "GB18030 / GBK"), ("utf-16", "UTF-16"),
             ("big5", "Big5"),
             ("cp1252", QT_TRANSLATE_NOOP("ImportDialog", "Western (Windows-1252)")))
#: The units a problem's place is counted in (`Problem.unit`, capitalised), for the translator.
UNITS = (QT_TRANSLATE_NOOP("ImportDialog", "Row"), QT_TRANSLATE_NOOP("ImportDialog", "Line"),
         QT_TRANSLATE_NOOP("ImportDialog", "Node"), QT_TRANSLATE_NOOP("ImportDialog", "Entry"),
         QT_TRANSLATE_NOOP("ImportDialog", "Edge"), QT_TRANSLATE_NOOP("ImportDialog", "Position"),
         QT_TRANSLATE_NOOP("ImportDialog", "Relation"),
         QT_TRANSLATE_NOOP("ImportDialog", "Department"),
         QT_TRANSLATE_NOOP("ImportDialog", "Department row"),
         QT_TRANSLATE_NOOP("ImportDialog", "Dotted-line row"))


def choose_source(parent: QWidget) -> Path | None:
    """Ask which file to import; None when cancelled (tests replace this)."""
    patterns = " ".join(f"*{suffix}" for suffix in IMPORT_FORMATS)
    name, _ = QFileDialog.getOpenFileName(
        parent, tr("ImportDialog", "Import"), "",
        tr("ImportDialog", "Tables and charts ({patterns})", patterns=patterns))
    return Path(name) if name else None


def pasted_path(text: str) -> Path | None:
    """The file a typed or pasted text names: quotes, a file:// URL and ~ are understood."""
    from PySide6.QtCore import QUrl

    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    if text.startswith("file:"):
        text = QUrl(text).toLocalFile()
    if not text:
        return None
    try:
        return Path(text).expanduser().absolute()
    except (OSError, RuntimeError, ValueError):  # an unknown ~user, a NUL character
        return None


def fit_to_items(combo: QComboBox) -> None:
    """Make `combo` wide enough to show its widest item whole.

    The style's size hint can leave the text field narrower than a Chinese
    text (full-width brackets, fallback-font glyphs): measure the field it
    really gets and widen the box by what is missing.
    """
    combo.resize(combo.sizeHint())
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    metrics = combo.fontMetrics()
    widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())),
                 default=0)
    missing = widest + metrics.averageCharWidth() - field.width()
    if missing > 0:
        combo.setMinimumWidth(combo.sizeHint().width() + missing)


def show_error(parent: QWidget, sentence: str) -> None:
    dialogs.show_error(parent, sentence)


class _Signals(QObject):
    progress = Signal(str, int, int)  # stage, done, total (-1 when unknown)
    done = Signal(object)  # ImportResult, or the sentence of a failure, or None when cancelled


class _Progress:
    """The io progress port, forwarding to the dialog and answering its Cancel button."""

    def __init__(self, signals: _Signals, stop: threading.Event) -> None:
        self.signals = signals
        self.stop = stop

    def report(self, stage: str, done: int, total: int | None) -> None:
        self.signals.progress.emit(stage, done, -1 if total is None else total)

    def cancelled(self) -> bool:
        return self.stop.is_set()


class _CheckJob(QRunnable):
    """One full read and check of the source, off the GUI thread."""

    def __init__(self, path: Path, options: ImportOptions) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog keeps it until its result has arrived
        self.signals = _Signals()
        self.stop = threading.Event()
        self.path = path
        self.options = options

    def run(self) -> None:
        try:
            result: object = read_source(self.path, self.options, _Progress(self.signals, self.stop))
        except ImportCancelled:
            result = None
        except UserError as exc:
            result = user_message(exc)
        except Exception as exc:  # noqa: BLE001 - a bug: one sentence, and the dialog stays usable
            result = tr("ImportDialog", "The file could not be read ({error}).",
                        error=type(exc).__name__)
        self.signals.done.emit(result)


class ImportDialog(QDialog):
    """Column mapping, tree preview and problem list of one source file."""

    checked = Signal()  # a check finished (with a result, a failure or a cancel)

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import"))
        self.resize(980, 680)
        self.path: Path | None = None
        self.shown: Preview | None = None
        self.check_result: ImportResult | None = None
        self.organisation: Organisation | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job: _CheckJob | None = None
        self._jobs: list[_CheckJob] = []  # started and not yet reported back
        self._detected_header = True  # whether the file's first row was found to be a header
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.start_check)
        if path is not None:
            self.open_source(path)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importPath")
        self.file_edit.setPlaceholderText(self.tr("Choose or paste a CSV, Excel, GraphML or "
                                                  "JSON file"))
        # A typed or pasted path opens once it names a file (a quoted path or a file:// URL
        # as file managers copy them too); Return or leaving the field says what is wrong.
        self._path_timer = QTimer(self)
        self._path_timer.setSingleShot(True)
        self._path_timer.setInterval(250)
        self._path_timer.timeout.connect(lambda: self._path_typed(final=False))
        self.file_edit.textEdited.connect(lambda _text: self._path_timer.start())
        self.file_edit.editingFinished.connect(lambda: self._path_typed(final=True))
        choose = QPushButton(self.tr("Choose…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        self.sheet = QComboBox()
        self.sheet.setObjectName("importSheet")
        self.encoding = QComboBox()
        self.encoding.setObjectName("importEncoding")
        for value, label in ENCODINGS:
            self.encoding.addItem(self.tr(str(label)), value)
        self.roots = QComboBox()
        self.roots.setObjectName("importRoots")
        # Plain values: Qt hands a str-based enum back as a bare str.
        self.roots.addItem(self.tr("Report it as a problem"), RootPolicy.ASK.value)
        self.roots.addItem(self.tr("Keep them side by side"), RootPolicy.FOREST.value)
        self.roots.addItem(self.tr("Put them under a new position:"), RootPolicy.ADD_ROOT.value)
        self.root_title = QLineEdit()
        self.root_title.setPlaceholderText(self.tr("Title of the new top position"))
        self.root_title.setEnabled(False)
        roots_row = QHBoxLayout()
        roots_row.addWidget(self.roots)
        roots_row.addWidget(self.root_title, 1)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Several top positions"), roots_row)
        form.addRow(self.tr("Rows"), self._table_choices())

        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("importMapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Example"), self.tr("Read as")])
        header = self.mapping.horizontalHeader()
        # Column names and the "Read as" choosers are shown whole; the examples take the rest.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        mapping_box = QGroupBox(self.tr("Columns"))
        QVBoxLayout(mapping_box).addWidget(self.mapping)

        self.tree = QTreeWidget()
        self.tree.setObjectName("importPreview")
        self.tree.setHeaderLabels([self.tr("Position"), self.tr("Department"), self.tr("Seats")])
        self.problems = QTableWidget(0, 2)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tree_box = QGroupBox(self.tr("Preview"))
        QVBoxLayout(self.tree_box).addWidget(self.tree)
        self.problem_box = QGroupBox(self.tr("Problems"))
        QVBoxLayout(self.problem_box).addWidget(self.problems)
        results = QSplitter()
        results.addWidget(self.tree_box)
        results.addWidget(self.problem_box)
        body = QSplitter()
        body.addWidget(mapping_box)
        body.addWidget(results)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        self.body = body

        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        # How the source was read where it could have been meant otherwise (the JSON keys
        # taken for ids and superiors, the edges' direction, the root, a position named as
        # its own superior): the CLI prints these after the import, the dialog beside it.
        self.notices = QLabel()
        self.notices.setObjectName("importNotices")
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.notices.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_check_button = QPushButton(self.tr("Stop"))
        self.cancel_check_button.setVisible(False)
        self.cancel_check_button.clicked.connect(self.cancel_check)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_check_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        main = QVBoxLayout(self)
        main.addLayout(form)
        main.addWidget(body, 1)
        main.addLayout(progress_row)
        main.addWidget(self.status)
        main.addWidget(self.notices)
        main.addWidget(self.buttons)
        self.sheet.currentIndexChanged.connect(self._source_changed)
        self.encoding.currentIndexChanged.connect(self._source_changed)
        self.roots.currentIndexChanged.connect(self._roots_changed)
        self.root_title.textChanged.connect(lambda _text: self._timer.start())

    def _table_choices(self) -> QHBoxLayout:
        """The choices for tables from SQL and HR systems, on one compact row."""
        self.header_row = QCheckBox(self.tr("First row is a header"))
        self.header_row.setObjectName("importHeaderRow")
        self.header_row.setChecked(True)
        self.header_row.setToolTip(self.tr("Detected from the file; clear it when the first "
                                           "row is already data."))
        self.null_tokens = QLineEdit()
        self.null_tokens.setObjectName("importNullTokens")
        self.null_tokens.setPlaceholderText(self.tr("No-superior token, e.g. ROOT"))
        self.null_tokens.setToolTip(self.tr("Superior cells that mean “none”, separated by "
                                            "commas (NULL, N/A, - and 0 are always "
                                            "recognised)."))
        self.empty_title = QLineEdit()
        self.empty_title.setObjectName("importEmptyTitle")
        self.empty_title.setPlaceholderText(self.tr("Title for rows without one"))
        self.group_people = QCheckBox(self.tr("Group people into positions"))
        self.group_people.setObjectName("importGroupPeople")
        self.group_people.setTristate(True)
        self.group_people.setCheckState(Qt.CheckState.PartiallyChecked)
        self.group_people.setToolTip(self.tr("When rows are people: one position per title "
                                             "under one superior, holding its people. Partly "
                                             "checked: only when titles repeat."))
        row = QHBoxLayout()
        row.addWidget(self.header_row)
        row.addWidget(self.null_tokens, 1)
        row.addWidget(self.empty_title, 1)
        row.addWidget(self.group_people)
        self.header_row.toggled.connect(lambda _on: self._source_changed())
        for edit in (self.null_tokens, self.empty_title):
            edit.textChanged.connect(lambda _text: self._choice_changed())
        self.group_people.stateChanged.connect(lambda _state: self._choice_changed())
        return row

    def _choice_changed(self) -> None:
        self._forget_result()
        self._timer.start()

    def _header_choice(self) -> bool | None:
        """None while the box shows what was detected; the user's choice once changed."""
        checked = self.header_row.isChecked()
        return None if checked == self._detected_header else checked

    def _null_tokens(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.null_tokens.text().split(",") if t.strip())

    def _group_choice(self) -> bool | None:
        state = self.group_people.checkState()
        return None if state == Qt.CheckState.PartiallyChecked else (
            state == Qt.CheckState.Checked)

    # ------------------------------------------------------------------ source
    def _path_typed(self, final: bool) -> None:
        """Open the file the path field names, if it names one that is not open already."""
        self._path_timer.stop()
        text = self.file_edit.text()
        if not text.strip():
            return
        path = pasted_path(text)
        if path is not None and path.is_file():
            if path != self.path:
                self.open_source(path)
        elif final and (self.path is None or text != str(self.path)):
            self._show_failure(tr("ImportDialog", "There is no file “{path}”.",
                                  path=text.strip()))

    def _choose(self) -> None:
        path = choose_source(self)
        if path is not None:
            self.open_source(path)

    def options(self) -> ImportOptions:
        """The choices as they stand, for `read_source`."""
        mapping = {}
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 2)
            item = self.mapping.item(row, 2)
            mapping[self._header(row)] = combo.currentData() if isinstance(combo, QComboBox) \
                else item.data(Qt.ItemDataRole.UserRole) if item is not None else UNMAPPED
        policy = RootPolicy(self.roots.currentData())
        return ImportOptions(sheet=self.sheet.currentText() or None,
                             encoding=self.encoding.currentData() or None, mapping=mapping,
                             roots=None if policy is RootPolicy.ASK and self._own() else policy,
                             root_title=self.root_title.text(), header=self._header_choice(),
                             null_tokens=self._null_tokens(),
                             empty_title=self.empty_title.text().strip(),
                             group_people=self._group_choice())

    def _own(self) -> bool:
        return self.shown is not None and self.shown.own

    def open_source(self, path: Path) -> None:
        """Show `path`'s columns with the recognised mapping, then check it."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        for widget in (self.sheet, self.encoding, self.header_row):
            widget.blockSignals(True)
        self.sheet.clear()
        self.encoding.setCurrentIndex(0)
        self.shown = None
        self._detected_header = True
        self.header_row.setChecked(True)
        for widget in (self.sheet, self.encoding, self.header_row):
            widget.blockSignals(False)
        self._load_preview(ImportOptions())

    def _source_changed(self) -> None:
        if self.path is not None:
            self._load_preview(ImportOptions(sheet=self.sheet.currentText() or None,
                                             encoding=self.encoding.currentData() or None,
                                             header=self._header_choice()))

    def _load_preview(self, options: ImportOptions) -> None:
        assert self.path is not None
        self._forget_result()
        try:
            shown = preview(self.path, options)
        except UserError as exc:
            self.shown = None
            self.mapping.setRowCount(0)
            self._show_failure(user_message(exc))
            return
        self.shown = shown
        if options.header is None:  # detected: the box shows what was found
            self._detected_header = shown.header_row
            self.header_row.blockSignals(True)
            self.header_row.setChecked(shown.header_row)
            self.header_row.blockSignals(False)
        self.sheet.blockSignals(True)
        if self.sheet.count() == 0 and shown.sheets:
            self.sheet.addItems(shown.sheets)
            if options.sheet is None:
                from orgdesk.io.xlsx_format import POSITIONS_SHEET

                self.sheet.setCurrentText(POSITIONS_SHEET if POSITIONS_SHEET in shown.sheets
                                          else shown.sheets[0])
        self.sheet.blockSignals(False)
        self.sheet.setEnabled(shown.format == "xlsx")
        self.encoding.setEnabled(shown.format == "csv")
        self._fill_mapping(shown)
        self.start_check()

    def _field_label(self, key: str) -> str:
        for field in FIELDS:
            if field.key == key:
                # The bilingual header, “Title 职位”: a translation keeps the part its
                # readers need (zh_CN: “{chinese}”).
                return tr("ImportDialog", "{english} {chinese}", english=field.label,
                          chinese=field.chinese) if key != "ignore" else self.tr("(ignore)")
        return self.tr("(keep in notes)")

    def _fill_mapping(self, shown: Preview) -> None:
        self.mapping.clearContents()
        self.mapping.setRowCount(len(shown.headers))
        for row, header in enumerate(shown.headers):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            example = next((s[row] for s in shown.samples if row < len(s) and s[row].strip()), "")
            self.mapping.setItem(row, 1, QTableWidgetItem(example.replace("\n", " ⏎ ")))
            key = shown.mapping.get(header, UNMAPPED)
            if shown.own:
                # orgdesk's own columns are read exactly: shown as plain, readable text,
                # not as greyed-out choosers.
                item = QTableWidgetItem(self._field_label(key))
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setToolTip(self.tr("orgdesk's own export: every column is read as "
                                        "orgdesk wrote it."))
                self.mapping.setItem(row, 2, item)
                continue
            combo = QComboBox()
            combo.addItem(self.tr("(keep in notes)"), UNMAPPED)
            for field in FIELDS:
                combo.addItem(self._field_label(field.key), field.key)
            combo.setCurrentIndex(max(combo.findData(key), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping.setCellWidget(row, 2, combo)
            fit_to_items(combo)
        self.mapping.resizeColumnsToContents()
        # Wide enough for the column names, some example and the whole "Read as" choice.
        sections = self.mapping.horizontalHeader()
        frame = 2 * self.mapping.frameWidth() + self.mapping.verticalScrollBar().sizeHint().width()
        needed = sections.sectionSize(0) + sections.sectionSize(2) + 90 + frame
        self.mapping.setMinimumWidth(min(needed, 680))

    def set_field(self, header: str, key: str) -> None:
        """Map the column `header` to the field `key` (the same as choosing it in its box)."""
        for row in range(self.mapping.rowCount()):
            if self._header(row) == header:
                combo = self._field_box(row)
                combo.setCurrentIndex(combo.findData(key))
                return
        raise KeyError(header)

    def mapping_locked(self) -> bool:
        """True when the columns are read as they are (orgdesk's own export): no choosers."""
        return self._own()

    def _header(self, row: int) -> str:
        item = self.mapping.item(row, 0)
        return item.text() if item is not None else ""

    def _field_box(self, row: int) -> QComboBox:
        # Column 2 holds the field choosers this dialog put there.
        return cast(QComboBox, self.mapping.cellWidget(row, 2))

    def _mapping_changed(self) -> None:
        # A field taken by one column is released by the column that had it.
        sender = self.sender()
        key = sender.currentData() if isinstance(sender, QComboBox) else None
        if key not in (None, UNMAPPED, "ignore"):
            for row in range(self.mapping.rowCount()):
                combo = self._field_box(row)
                if isinstance(combo, QComboBox) and combo is not sender \
                        and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._forget_result()
        self._timer.start()

    def _roots_changed(self) -> None:
        self.root_title.setEnabled(self.roots.currentData() == RootPolicy.ADD_ROOT.value)
        self._forget_result()
        self._timer.start()

    # ------------------------------------------------------------------ check
    def start_check(self) -> None:
        """Read and check the whole source on the worker thread (a running check is stopped)."""
        self._timer.stop()
        if self.path is None or self.shown is None:
            return
        self.cancel_check()
        self._forget_result()
        job = _CheckJob(self.path, self.options())
        job.signals.progress.connect(self._progressed)
        # Bound methods of the dialog, so Qt queues the calls into the GUI thread.
        job.signals.done.connect(self._job_done)
        self._job = job
        self._jobs.append(job)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_check_button.setVisible(True)
        self.status.setText(tr("ImportDialog", "Checking “{file}”…", file=self.path.name))
        self._pool.start(job)

    def cancel_check(self) -> None:
        """Stop the running check, if any (the Stop button)."""
        if self._job is not None:
            self._job.stop.set()
            self._job = None
            self._idle(self.tr("Check stopped; change a choice to check again."))

    def is_checking(self) -> bool:
        return self._job is not None

    def _progressed(self, stage: str, done: int, total: int) -> None:
        if self.sender() is not (self._job.signals if self._job else None):
            return
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.status.setText(
            tr_n("ImportDialog", "Reading… {count} row", "Reading… {count} rows", done)
            if stage == "reading" else
            tr_n("ImportDialog", "Checking {count} row…", "Checking {count} rows…", done)
            if stage == "checking" else f"{done:,}")

    def _job_done(self, result: object) -> None:
        job = next((j for j in self._jobs if j.signals is self.sender()), None)
        if job is not None:
            self._finished(job, result)

    def _finished(self, job: _CheckJob, result: object) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        if job is self._job:
            self._job = None
            if isinstance(result, ImportResult):
                self._show_result(result)
            elif isinstance(result, str):
                self._show_failure(result)
            else:
                self._idle(self.tr("Check stopped."))
        self.checked.emit()

    def _idle(self, text: str) -> None:
        self.progress.setVisible(False)
        self.cancel_check_button.setVisible(False)
        self.status.setText(text)

    def _forget_result(self) -> None:
        self.check_result = None
        self.import_button.setEnabled(False)
        self._show_notices([])

    def _show_notices(self, notices: list[str]) -> None:
        """The reader's notices (Sentences), translated, one per line; hidden when none."""
        self.notices.setText("\n".join(user_message(notice) for notice in notices))
        self.notices.setVisible(bool(notices))

    def _show_failure(self, sentence: str) -> None:
        self._idle(sentence)
        self.tree.clear()
        self.problems.setRowCount(1)
        self.problems.setItem(0, 0, QTableWidgetItem(""))
        self.problems.setItem(0, 1, QTableWidgetItem(sentence))
        self.problem_box.setTitle(self.tr("Problems (1)"))

    def _show_result(self, result: ImportResult) -> None:
        self.check_result = result
        shown = result.problems[:SHOWN_PROBLEMS]
        self.problems.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            where = "" if problem.row is None else f"{self.tr(problem.unit.capitalize())} {problem.row}"
            self.problems.setItem(row, 0, QTableWidgetItem(where))
            text = user_message(problem.message)  # a Sentence: translated
            if problem.row is not None:
                text = text[:1].upper() + text[1:]
            self.problems.setItem(row, 1, QTableWidgetItem(text))
        self.problem_box.setTitle(tr("ImportDialog", "Problems ({count})",
                                     count=f"{len(result.problems):,}"))
        self._fill_tree(result.organisation)
        self._show_notices(result.notices)  # with problems too: they may come from a guess
        if result.problems:
            self._idle(tr_n("ImportDialog",
                            "{count} problem must be fixed in the file or by the choices above "
                            "before anything is imported.",
                            "{count} problems must be fixed in the file or by the choices above "
                            "before anything is imported.", len(result.problems)))
        else:
            org = result.organisation
            assert org is not None
            kept = ", ".join(result.kept_in_notes)
            text = tr_n("ImportDialog", "Ready to import {count} position.",
                        "Ready to import {count} positions.", len(org))
            if kept:
                text += " " + tr("ImportDialog", "Kept in the notes: {columns}.", columns=kept)
            self._idle(text)
        self.import_button.setEnabled(not result.problems and result.organisation is not None)

    def _fill_tree(self, org: Organisation | None) -> None:
        self.tree.clear()
        if org is None:
            return
        names = {d.id: d.name for d in org.departments}
        items: dict[int, QTreeWidgetItem] = {}
        for count, position in enumerate(org.positions()):
            if count >= PREVIEW_POSITIONS:
                QTreeWidgetItem(self.tree, [tr_n("ImportDialog", "… and {count} more position",
                                                 "… and {count} more positions",
                                                 len(org) - PREVIEW_POSITIONS)])
                break
            parent = items.get(position.superior_id) if position.superior_id else None
            values = [position.title, names.get(position.department_id, "")
                      if position.department_id is not None else "",
                      str(position.planned_headcount)]
            item = QTreeWidgetItem(parent if parent is not None else self.tree, values)
            items[position.id] = item
        self.tree.expandToDepth(1)
        self.tree.resizeColumnToContents(0)

    # ------------------------------------------------------------------ closing
    def accept(self) -> None:
        if self.check_result is None or self.check_result.problems or self.check_result.organisation is None:
            return
        self.organisation = self.check_result.organisation
        super().accept()

    def done(self, code: int) -> None:
        # Never leave a worker reading a file behind a closed dialog.
        self._timer.stop()
        for job in self._jobs:
            job.stop.set()
        self._job = None
        self._pool.waitForDone()
        super().done(code)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> Organisation | None:
        """Run the dialog modally; the imported organisation, or None (not used by tests)."""
        dialog = cls(parent)
        try:
            return dialog.organisation if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
