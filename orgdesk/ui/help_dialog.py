"""Help → Keyboard Shortcuts and Help → User Guide.

The shortcut sheet is read from the window's own menus and actions when it is
opened, so it always lists the keys the window really has, in the interface's
language; the gestures that are no action (drags, double-clicks, the wheel)
are listed after them.  The guide is a short HTML page per language in
`resources/help/`, chosen by a translatable file name, so it follows the
interface language like every other text.
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from orgdesk.paths import resources_dir


def plain_text(action: QAction) -> str:
    """An action's text as a user reads it: no accelerator ampersands, no ellipsis."""
    text = action.text().split("\t")[0]
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")
    # Chinese texts carry their accelerator as "(&X)" after the words.
    if text.endswith(")") and "(" in text and len(text) - text.rindex("(") == 3:
        text = text[:text.rindex("(")]
    return text.strip()


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action with a shortcut in `window`'s menus, in menu
    order, each action once."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} → {plain_text(action)}")  # type: ignore[arg-type]  # menu() is a QMenu here
                continue
            keys = [k for k in action.shortcuts() if not k.isEmpty()]
            if action.isSeparator() or not keys or id(action) in seen:
                continue
            seen.add(id(action))
            rows.append((path, plain_text(action), ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), plain_text(top))  # type: ignore[arg-type]  # menu() is a QMenu here
    return rows


class ShortcutSheet(QDialog):
    """Every key of the window, in a table that can be read and searched by eye."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = menu_shortcuts(window)
        gestures = [
            (self.tr("Tree and chart"), self.tr("Move a position with its branch"),
             self.tr("Drag")),
            (self.tr("Tree and chart"), self.tr("Move a position without its reports"),
             self.tr("Shift+Drag")),
            (self.tr("Tree"), self.tr("Select several positions"),
             self.tr("Ctrl+Click, Shift+Click, Shift+Arrows")),
            (self.tr("Chart"), self.tr("Select several positions"),
             self.tr("Ctrl+Click, Shift+Click; Ctrl+Drag or Shift+Drag on the empty chart")),
            (self.tr("Chart"), self.tr("Rename a position"), self.tr("Double-click its box")),
            (self.tr("Chart"), self.tr("Zoom"), self.tr("Ctrl+Wheel")),
            (self.tr("Lists"), self.tr("Move an item up or down"), "Alt+Up, Alt+Down"),
        ]
        self.table = QTableWidget(len(rows) + len(gestures), 3, self)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"),
                                              self.tr("Keys")])
        for row, values in enumerate(rows + gestures):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 560)


class UserGuide(QDialog):
    """The short user guide in the interface's language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("orgdesk User Guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(guide_html(self.tr("guide.en.html")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(680, 600)


def guide_html(name: str) -> str:
    """The guide page `name` (a translated file name), else the English one."""
    folder = resources_dir() / "help"
    path = folder / name
    if path.parent != folder or not path.is_file():  # a damaged translation names no page
        path = folder / "guide.en.html"
    return path.read_text("utf-8")
