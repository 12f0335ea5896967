"""Choosing a job description from the position library, with search and preview."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from orgdesk.library import PositionTemplate, position_library


class LibraryDialog(QDialog):
    """Search the library by title, duty or source; preview the chosen template."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDialog")
        self.setWindowTitle(self.tr("Insert from the position library"))
        self.templates = position_library()
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(self.tr("Search titles and duties"))
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setObjectName("libraryList")
        self.list.currentItemChanged.connect(self._preview)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.preview = QTextBrowser(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([260, 420])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        self.resize(760, 480)
        self._filter("")

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        self.list.clear()
        for index, template in enumerate(self.templates):
            haystack = " ".join((template.title, template.source, *template.duties)).casefold()
            if needle in haystack:
                item = QListWidgetItem(f"{template.title}  ·  {template.source.split(':')[0]}")
                item.setData(Qt.ItemDataRole.UserRole, index)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _preview(self, item: QListWidgetItem | None) -> None:
        template = self._template(item)
        if template is None:
            self.preview.clear()
            return
        duties = "".join(f"<li>{html.escape(d)}</li>" for d in template.duties)
        skills = "".join(f"<li>{html.escape(s)}</li>" for s in template.requirements.skills)
        self.preview.setHtml(
            f"<h3>{html.escape(template.title)}</h3><p><i>{html.escape(template.source)}</i></p>"
            f"<ol>{duties}</ol>" + (f"<ul>{skills}</ul>" if skills else ""))

    def _template(self, item: QListWidgetItem | None) -> PositionTemplate | None:
        if item is None:
            return None
        return self.templates[int(item.data(Qt.ItemDataRole.UserRole))]

    def chosen(self) -> PositionTemplate | None:
        return self._template(self.list.currentItem())
