"""Finding interface text that never went through a translation call.

`Marking` is a translator that answers every text Qt or orgdesk asks it for
with the text between ⟪ ⟫.  With it installed, every piece of a widget's text
that came through `tr`, `self.tr`, a translated Sentence or Qt's own
translations is marked; English words outside the marks were written into
the interface directly and can never be translated.  `untranslated(widget)`
walks a widget and everything under it (menus, actions, docks, tabs, item
views' headers, combo boxes, tooltips) and returns those texts.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

OPEN, CLOSE = "⟪", "⟫"
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_WORD = re.compile(r"[A-Za-z]{2,}")
_TAGS = re.compile(r"<[^>]*>|&[a-z]+;")
#: Names that are the same in every language: the product, file formats, tools, keys;
#: "English": the language menu names each language in itself.
NAMES = frozenset((
    "orgdesk", "KPI", "KPIs", "PNG", "SVG", "PDF", "CSV", "TSV", "XLSX", "XLSM", "DOT", "JSON",
    "GraphML", "HTML", "DOCX", "PPTX", "Word", "Excel", "PowerPoint", "Visio", "draw", "io",
    "yEd", "GoJS", "OrgChart", "JS", "Organimi", "dabeng", "UTF", "GBK", "GB", "Big",
    "Windows", "Ctrl", "Shift", "Alt", "Del", "Esc", "Enter", "Insert", "Graphviz", "Qt", "mm",
    "px", "dpi", "pt", "Noto", "Sans", "CJK", "ID", "IDs", "SQLite", "WebAssembly", "Linguist",
    "Letter", "QA", "HR", "IT", "English",
))  # English: the language menu names each language in itself


class Marking(QTranslator):
    """Answers every text with the text itself between ⟪ ⟫, and remembers what was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        self.asked.add((context, source))
        return f"{OPEN}{source}{CLOSE}" if source else source

    def isEmpty(self) -> bool:
        return False


def unmarked_words(text: str) -> list[str]:
    """English words of `text` outside every ⟪ ⟫ mark (HTML tags ignored)."""
    previous = None
    text = _TAGS.sub(" ", text)
    while previous != text:
        previous, text = text, _MARKED.sub(" ", text)
    return [w for w in _WORD.findall(text) if w not in NAMES]


def _header_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    from PySide6.QtCore import QModelIndex

    try:
        count = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column, no header of its own
        return
    for section in range(count):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


def _action_texts(action: QAction, seen: set[int]) -> Iterator[tuple[str, str]]:
    if id(action) in seen or action.isSeparator():
        return
    seen.add(id(action))
    where = f"action {action.objectName() or action.text()!r}"
    yield where, action.text()
    if action.toolTip() != action.text().replace("&", ""):
        yield where + " tooltip", action.toolTip()
    yield where + " status tip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from _menu_texts(menu, seen)


def _menu_texts(menu: QMenu, seen: set[int]) -> Iterator[tuple[str, str]]:
    yield f"menu {menu.objectName() or menu.title()!r}", menu.title()
    for action in menu.actions():
        yield from _action_texts(action, seen)


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every piece of interface text under `root`."""
    seen: set[int] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        yield where + " title", widget.windowTitle() if widget.isWindow() or isinstance(
            widget, QDockWidget) else ""
        yield where + " tooltip", widget.toolTip()
        if isinstance(widget, (QAbstractButton, QLabel)):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield where + " placeholder", widget.placeholderText()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield where + f" tab {i}", widget.tabText(i)
                yield where + f" tab {i} tooltip", widget.tabToolTip(i)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                yield where + f" item {i}", widget.itemText(i)
        elif isinstance(widget, QAbstractItemView):
            for text in _header_texts(widget.model()):
                yield where + " header", text
        elif isinstance(widget, QMenu):
            yield from _menu_texts(widget, seen)
        for action in widget.actions():
            yield from _action_texts(action, seen)


def untranslated(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text under `root` holding English outside a translation."""
    return sorted({(where, text) for where, text in visible_texts(root)
                   if text and unmarked_words(text)})
