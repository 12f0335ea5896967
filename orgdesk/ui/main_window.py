"""The main window: the position tree and a read-only overview of the selection.

The full editor (panels, undoable editing, document commands) is built on
this window; here it opens a document, shows its tree and the selected
position's fields, and refuses to lose unsaved edits on close.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QWidget,
)

from orgdesk.core.errors import UserError
from orgdesk.core.model import PositionId
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import RecoveryAvailable
from orgdesk.ui import dialogs
from orgdesk.ui.tree_model import OrgTreeModel, PositionIdRole


class MainWindow(QMainWindow):
    """One window per open document."""

    def __init__(self, service: DocumentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.model = OrgTreeModel(service.org, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("orgTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.overview = QTextBrowser(self)
        self.overview.setObjectName("overviewPanel")
        self.overview.setOpenLinks(False)
        self.overview.anchorClicked.connect(lambda url: self.select_position(
            PositionId(int(url.toString().removeprefix("position:")))))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.overview)
        splitter.setSizes([360, 560])
        self.setCentralWidget(splitter)
        self._build_menus()
        self.resize(1000, 680)
        self.tree.expandAll()
        roots = service.org.roots()
        if roots:
            self.select_position(roots[0].id)
        self._update_title()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        save = file_menu.addAction(self.tr("&Save"), self.save)
        save.setShortcut(QKeySequence.StandardKey.Save)
        file_menu.addSeparator()
        close = file_menu.addAction(self.tr("&Close"), self.close)
        close.setShortcut(QKeySequence.StandardKey.Close)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.tr("&Expand All"), self.tree.expandAll)
        view_menu.addAction(self.tr("&Collapse All"), self.tree.collapseAll)

    def _update_title(self) -> None:
        name = self.service.file.display_name
        self.setWindowTitle(f"{name}[*] — orgdesk")
        self.setWindowModified(self.service.file.modified)

    # -------------------------------------------------------------- selection
    def select_position(self, pid: PositionId) -> None:
        index = self.model.index_of(pid)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self.overview.clear()
            return
        self.overview.setHtml(self._overview_html(PositionId(indexes[0].data(PositionIdRole))))

    def _overview_html(self, pid: PositionId) -> str:
        org = self.service.org
        position = org.position(pid)
        esc = html.escape
        department = (org.department(position.department_id).name
                      if position.department_id is not None else "—")
        superior = org.superior(pid)
        superior_html = (f'<a href="position:{superior.id}">{esc(superior.title)}</a>'
                         if superior else "—")
        reports = ", ".join(f'<a href="position:{r.id}">{esc(r.title)}</a>'
                            + (f" ×{r.planned_headcount}" if r.planned_headcount > 1 else "")
                            for r in org.direct_reports(pid)) or "—"
        req = position.requirements
        rows = [
            (self.tr("Department"), esc(department)),
            (self.tr("Direct superior"), superior_html),
            (self.tr("Direct reports"), reports),
            (self.tr("Planned headcount"), f"{position.planned_headcount} "
             + esc(position.headcount_note)),
            (self.tr("Filled / vacant"), f"{position.filled_headcount} / {position.vacancies}"),
            (self.tr("Education"), esc(req.education or "—")),
        ]
        if req.min_years is not None:
            rows.append((self.tr("Years of experience"), str(req.min_years)))
        if req.age_min is not None or req.age_max is not None:
            rows.append((self.tr("Age"), f"{req.age_min or ''}–{req.age_max or ''}"))
        table = "".join(f"<tr><th align=left>{k}</th><td>{v}</td></tr>" for k, v in rows)
        duties = "".join(f"<li>{esc(d)}</li>" for d in position.duties)
        skills = "".join(f"<li>{esc(s)}</li>" for s in (*req.languages, *req.skills))
        kpis = "".join(f"<li>{esc(k.name)} {esc(k.target)}</li>" for k in position.kpis)
        parts = [f"<h2>{esc(position.title)}</h2><table cellspacing=4>{table}</table>"]
        if duties:
            parts.append(f"<h3>{self.tr('Duties')}</h3><ol>{duties}</ol>")
        if skills or req.other:
            parts.append(f"<h3>{self.tr('Requirements')}</h3><ul>{skills}</ul>"
                         f"<p>{esc(req.other)}</p>")
        if kpis:
            parts.append(f"<h3>KPI</h3><ul>{kpis}</ul>")
        if position.notes:
            parts.append(f"<h3>{self.tr('Notes')}</h3><p>{esc(position.notes)}</p>")
        return "".join(parts)

    # --------------------------------------------------------------- document
    def save(self) -> bool:
        try:
            if self.service.file.path is None:
                dialogs.show_error(self, self.tr("Save As arrives with the editor; "
                                                 "this document has no file yet."))
                return False
            self.service.file.save()
        except UserError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self._update_title()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.service.file.close()
        event.accept()


def open_document(path: Path, parent: QWidget | None = None) -> DocumentService | None:
    """Open `path` for editing, asking about recovery; None (after a message) on failure."""
    try:
        try:
            return DocumentService(DocumentFile.open(path))
        except RecoveryAvailable as offer:
            recover = dialogs.ask_recover(parent, str(offer))
            return DocumentService(DocumentFile.open(path, recover=recover))
    except UserError as exc:
        dialogs.show_error(parent, str(exc))
        return None
