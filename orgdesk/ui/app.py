"""The application: windows, recent files, language, crash recovery, start-up.

`OrgdeskApp` owns the open windows (one per document) and does the document
commands that are not about one window: New, Open, Open Recent, Quit, and the
offer to recover working copies left by an orgdesk that did not close.
"""
from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)
from PySide6.QtGui import QActionGroup, QFont
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QSplitter, QWidget

from orgdesk import __version__
from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import IMPORT_FORMATS
from orgdesk.paths import resources_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import FileInUse, RecoveryAvailable
from orgdesk.storage.recovery import scan_sessions
from orgdesk.storage.session import session_owner
from orgdesk.ui import dialogs
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.fonts import cjk_family, emoji_family, missing_emoji_advice, missing_font_advice
from orgdesk.ui.i18n import tr
from orgdesk.ui.instances import InstanceServer, bring_forward, forward_open
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.messages import user_message
from orgdesk.ui.preferences import settings
from orgdesk.ui.window_state import cascade

MAX_RECENT = 10
LANGUAGES = (("system", "System"), ("en", "English"), ("zh_CN", "简体中文"))



def language_setting() -> str:
    value = settings().value("language", "system")
    return value if value in {code for code, _ in LANGUAGES} else "system"


#: The translators installed now, removed again when the language changes.
_INSTALLED: list[QTranslator] = []


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Load orgdesk's and Qt's own translations for the chosen or system language.

    The ones installed before are removed first, so this also switches language.
    """
    for old in _INSTALLED:
        app.removeTranslator(old)
    _INSTALLED.clear()
    choice = language_setting()
    locale = QLocale.system() if choice == "system" else QLocale(choice)
    installed = _INSTALLED
    if locale.language() == QLocale.Language.Chinese:
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "orgdesk_zh_CN.qm")):
            app.installTranslator(ours)
            installed.append(ours)
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    return list(installed)


class OrgdeskApp(QObject):
    """The windows of one orgdesk process."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.windows: list[MainWindow] = []
        #: Documents this process asked another orgdesk to show instead of opening them.
        self.forwarded: list[Path] = []
        self._server: InstanceServer | None = None

    def listen(self) -> bool:
        """Answer other orgdesk processes asking to show a document open here."""
        if self._server is None:
            self._server = InstanceServer(self.show_open_document, self)
        return self._server.listening

    def show_open_document(self, path: Path) -> bool:
        """Bring forward the window of `path` if this process has it open (else open nothing)."""
        resolved = Path(path).absolute()
        for window in self.windows:
            file_path = window.controller.service.file.path
            if file_path is not None and same_file(file_path, resolved):
                bring_forward(window)
                return True
        return False

    # ---------------------------------------------------------------- windows
    def show_service(self, service: DocumentService) -> MainWindow:
        window = MainWindow(DocumentController(service), self)
        self.windows.append(window)
        window.show()
        cascade(window, list(self.windows))
        if service.file.path is not None:
            self.remember_recent(service.file.path)
        return window

    def window_closed(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def new_document(self) -> MainWindow:
        return self.show_service(DocumentService(DocumentFile.new()))

    def new_from_sample(self, slug: str) -> MainWindow | None:
        from orgdesk.samples import template_organisation

        try:
            org = template_organisation(slug)
        except UserError as exc:
            dialogs.show_error(None, user_message(exc))
            return None
        return self.show_service(DocumentService(DocumentFile.new(org)))

    def show_imported(self, org) -> MainWindow:
        """An imported organisation, in a new untitled window, ready for Save As."""
        return self.show_service(DocumentService(DocumentFile.new(org)))

    def open_dialog(self, parent: QWidget | None) -> MainWindow | None:
        path = dialogs.ask_open_path(parent)
        return self.open_path(path, parent) if path else None

    def open_path(self, path: Path, parent: QWidget | None = None) -> MainWindow | None:
        """Open `path` in a new window, or raise its window if it is already open.

        A table or chart file (CSV, Excel, JSON, GraphML) is offered for import; a
        document another orgdesk has open is shown there (see `forwarded`).
        """
        resolved = Path(path).absolute()
        for window in self.windows:
            if window.controller.service.file.path == resolved:
                bring_forward(window)
                return window
        if resolved.suffix.lower() in IMPORT_FORMATS:
            return self.offer_import(resolved, parent)
        service = open_document(resolved, parent, forward=self._forward)
        if service is None:
            return None
        window = self.show_service(service)
        # An empty, untouched "Untitled" window is replaced by the opened file.
        for other in list(self.windows):
            if other is not window and other.controller.service.file.path is None \
                    and not other.controller.is_modified and not len(other.controller.org):
                other.close()
        return window

    def _forward(self, path: Path) -> bool:
        owner = session_owner(path)
        if owner is None or not forward_open(owner, path):
            return False
        self.forwarded.append(path)
        return True

    def open_dropped(self, path: Path, parent: QWidget | None = None) -> MainWindow | None:
        """A file dropped on a window: a document opens; a table or chart goes straight to
        the import dialog (dropping it says what the user wants; the dialog can still cancel)."""
        if Path(path).suffix.lower() in IMPORT_FORMATS:
            org = run_import_dialog(parent, Path(path).absolute())
            return self.show_imported(org) if org is not None else None
        return self.open_path(path, parent)

    def offer_import(self, path: Path, parent: QWidget | None) -> MainWindow | None:
        """A table or chart chosen with Open: offer to import it into a new document."""
        if not ask_import_instead(parent, path.name):
            return None
        org = run_import_dialog(parent, path)
        return self.show_imported(org) if org is not None else None

    def quit_all(self) -> bool:
        for window in list(self.windows):
            if not window.close():
                return False
        QCoreApplication.quit()
        return True

    # --------------------------------------------------------------- recovery
    def offer_recovery(self) -> list[MainWindow]:
        """Reopen working copies left with unsaved edits, if the user wants them."""
        opened = []
        scan = scan_sessions()
        for aside in scan.set_aside:  # damaged left-overs are kept aside, never offered
            dialogs.show_info(None, user_message(aside.sentence))
        for found in scan.candidates:
            name = found.document.name if found.document \
                else tr("OrgdeskApp", "an untitled document")
            sentence = tr("OrgdeskApp", "orgdesk did not close properly; unsaved changes to "
                          "“{name}” from {time} can be recovered.", name=name,
                          time=found.last_edit.astimezone().strftime("%Y-%m-%d %H:%M"))
            if dialogs.ask_recover(None, sentence):
                try:
                    file = DocumentFile.recover(found.key)
                    for notice in file.notices:
                        dialogs.show_info(None, user_message(notice))
                    opened.append(self.show_service(DocumentService(file)))
                except UserError as exc:
                    dialogs.show_error(None, user_message(exc))
            else:
                DocumentFile.discard_recovery(found.key)
        return opened

    # ------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = settings().value("recentFiles", [])
        if isinstance(value, str):  # QSettings gives a list of one as the bare string
            items = [value]
        else:
            items = [str(p) for p in value] if isinstance(value, (list, tuple)) else []
        return [p for p in items if Path(p).is_file()]

    def remember_recent(self, path: Path) -> None:
        items = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        settings().setValue("recentFiles", items[:MAX_RECENT])

    # --------------------------------------------------------------- language
    def add_language_menu(self, menu: QMenu) -> None:
        language_menu = menu.addMenu(tr("OrgdeskApp", "&Language"))
        language_menu.setObjectName("languageMenu")
        group = QActionGroup(language_menu)
        current = language_setting()
        for code, label in LANGUAGES:
            action = language_menu.addAction(
                tr("OrgdeskApp", "System default") if code == "system" else label)
            action.setObjectName(f"actionLanguage_{code}")
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))

    def set_language(self, code: str) -> None:
        """Switch the interface language now: translators, then every open window."""
        settings().setValue("language", code)
        app = QCoreApplication.instance()
        if app is not None:
            install_translators(app)
        for window in list(self.windows):
            self.retranslate(window)

    def retranslate(self, window: MainWindow) -> MainWindow:
        """`window` built again in the current language, showing the same document as it was.

        Every menu, dock, panel and chart text is made where it is built, so the
        window is rebuilt around the same controller (document, undo history and
        working copy untouched) and takes the old one's place, size and docks.
        """
        # Everything listening to the document's signals belongs to the old window;
        # some listeners are lambdas Qt would not disconnect when the window goes.
        controller = window.controller
        for signal in (controller.changed, controller.problem, controller.modified_changed,
                       controller.scenarios_changed):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # a signal nobody listened to
                signal.disconnect()
        replacement = MainWindow(controller, self)
        replacement.setGeometry(window.geometry())
        replacement.restoreState(window.saveState())
        splitters = (window.centralWidget(), replacement.centralWidget())
        if all(isinstance(s, QSplitter) for s in splitters):
            cast(QSplitter, splitters[1]).setSizes(cast(QSplitter, splitters[0]).sizes())
        current = window.current_id()
        if window.isMaximized():
            replacement.showMaximized()
        else:
            replacement.show()
        if current is not None:
            replacement.select_position(current)
        self.windows[self.windows.index(window)] = replacement
        window.replaced = True  # type: ignore[attr-defined]  # read by MainWindow.closeEvent
        window.close()
        window.deleteLater()
        return replacement


def open_document(path: Path, parent: QWidget | None = None,
                  forward: Callable[[Path], bool] | None = None) -> DocumentService | None:
    """Open `path` for editing, asking about recovery; None (after a message) on failure.

    A document another orgdesk has open is handed to `forward` (which asks that
    orgdesk to show it): when it was shown there, None without a message.
    """
    try:
        try:
            file = DocumentFile.open(path)
        except RecoveryAvailable as offer:
            recover = dialogs.ask_recover(parent, str(offer))
            file = DocumentFile.open(path, recover=recover)
    except FileInUse as exc:
        if forward is not None and forward(path):
            return None
        dialogs.show_error(parent, user_message(exc))
        return None
    except UserError as exc:
        dialogs.show_error(parent, user_message(exc))
        return None
    # A file that cannot be locked, a damaged left-over set aside: said once, then open.
    for notice in file.notices:
        dialogs.show_info(parent, user_message(notice))
    return DocumentService(file)


def configure_application(app: QApplication) -> None:
    app.setApplicationName("orgdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("orgdesk")
    install_translators(app)
    family = cjk_family()
    if family is None:
        dialogs.show_error(None, missing_font_advice())
    emoji = emoji_family()
    if emoji is None:
        # Said once per installation: emoji are rare in org charts, a warning at
        # every start would be noise.
        store = settings()
        if store.value("fonts/emojiAdviceShown", "false") not in (True, "true"):
            store.setValue("fonts/emojiAdviceShown", True)
            dialogs.show_info(None, missing_emoji_advice())
    fallbacks = [name for name in (family, emoji) if name is not None]
    if fallbacks:
        font = QFont(app.font())
        font.setFamilies([font.family(), *fallbacks])
        app.setFont(font)


def ask_import_instead(parent: QWidget | None, name: str) -> bool:
    """Offer to import a table or chart chosen with Open (tests replace this)."""
    answer = QMessageBox.question(
        parent, "orgdesk",
        tr("OrgdeskApp", "“{name}” is not an orgdesk document but a table or chart; "
                         "import it into a new document?", name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def run_import_dialog(parent: QWidget | None, path: Path) -> Organisation | None:
    """The import dialog on `path`, modal; the imported organisation or None."""
    from orgdesk.ui.import_dialog import ImportDialog

    dialog = ImportDialog(parent, path)
    try:
        return dialog.organisation if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def same_file(a: Path, b: Path) -> bool:
    try:
        return a == b or os.path.samefile(a, b)
    except OSError:
        return False


def run(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    orgdesk = OrgdeskApp(app)
    orgdesk.listen()
    recovered = orgdesk.offer_recovery()
    window = orgdesk.open_path(path) if path is not None else None
    if window is None and orgdesk.forwarded and not recovered:
        # Started only to open a document another orgdesk shows: nothing more to do.
        print(tr("OrgdeskApp", "orgdesk: {file} is open in another orgdesk window, which "
                               "was brought forward.", file=f"“{orgdesk.forwarded[0].name}”"))
        return 0
    if window is None and not recovered:
        orgdesk.new_document()
    app.setQuitOnLastWindowClosed(True)
    return app.exec()
