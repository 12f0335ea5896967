"""File → Print Chart…, Print Preview…, Print Handbook…: Qt's print path paints the same
pages as the PDF exports (checked through a PDF printer with poppler), and the preview
shows each page break as a page."""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from orgdesk.core.organisation import Organisation
from orgdesk.export.chart_export import render_chart
from orgdesk.export.handbook import render_handbook
from orgdesk.storage.reading import read_organisation
from orgdesk.ui import printing
from orgdesk.ui.main_window import MainWindow
from tests.export.test_pptx import big_org


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _to_file(target: Path) -> Callable[[QPrinter, QWidget], bool]:
    """Answer the print dialog by choosing a PDF printer writing `target`."""
    def ask(printer: QPrinter, _parent: QWidget) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True
    return ask


def _exported_pages(org: Organisation, tmp_path: Path) -> int:
    options = printing.chart_options(org, None, frozenset())
    exported = tmp_path / "exported.pdf"
    exported.write_bytes(render_chart(org, options))
    return _pages(exported)


def test_a_small_chart_prints_on_one_page_turned_to_suit_it(
        open_window: Callable[..., MainWindow], tmp_path: Path, qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")
    qtbot.waitUntil(lambda: window.chart.view.chart_layout() is not None)
    target = tmp_path / "printed.pdf"
    printer = printing.print_chart(window, window.controller.org,
                                   window.chart.view.chart_layout(),
                                   window.chart.view.collapsed(), ask=_to_file(target))
    assert printer is not None
    assert _pages(target) == 1
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    text = _text(target)
    assert "运营总监" in text and "项目经理" in text
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(target), str(png)], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5_000  # a drawn page, not a blank one


def test_a_big_chart_prints_as_the_exports_poster_and_the_preview_shows_every_page(
        qtbot: QtBot, tmp_path: Path) -> None:
    org = big_org(1500)
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "poster.pdf"
    printer = printing.print_chart(parent, org, None, frozenset(), ask=_to_file(target))
    assert printer is not None
    pages = _pages(target)
    assert pages > 2  # an assembly map and tiles
    assert pages == _exported_pages(org, tmp_path)
    preview = printing.chart_preview(parent, org, None, frozenset())
    assert isinstance(preview, QPrintPreviewDialog)
    qtbot.addWidget(preview)
    preview.show()
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() == pages, timeout=60_000)
    preview.close()


def test_turning_the_paper_in_the_dialog_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    org = read_organisation(Path(__file__).parents[2] / "sample_orgs"
                            / "training_call_center_50.orgdesk")
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "portrait.pdf"

    def portrait(printer: QPrinter, widget: QWidget) -> bool:
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        return _to_file(target)(printer, widget)

    printing.print_chart(parent, org, None, frozenset(), ask=portrait)
    size = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                          check=True).stdout
    assert "595 x 842" in size  # A4 portrait, as the user chose


def test_cancelling_the_print_dialog_prints_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    org = big_org(40)
    assert printing.print_chart(parent, org, None, frozenset(),
                                ask=lambda _p, _w: False) is None
    assert list(tmp_path.iterdir()) == []


def test_the_handbook_prints_page_for_page_as_its_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    org = read_organisation(Path(__file__).parents[2] / "sample_orgs"
                            / "training_call_center_50.orgdesk")
    exported = tmp_path / "handbook.pdf"
    exported.write_bytes(render_handbook(org, "pdf"))
    parent = QWidget()
    qtbot.addWidget(parent)
    preview = printing.handbook_preview(parent, org)
    qtbot.addWidget(preview)
    preview.show()
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() == _pages(exported), timeout=60_000)
    printed = tmp_path / "printed.pdf"
    printer = printing.new_printer(org.info.title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    render_handbook(org, "pdf", device=printer)
    assert _pages(printed) == _pages(exported)
    assert "岗位说明书" in _text(printed)
    preview.close()


def test_the_file_menu_offers_printing(open_window: Callable[..., MainWindow],
                                       qtbot: QtBot) -> None:
    window = open_window("training_call_center_50")
    qtbot.waitUntil(lambda: window.chart.view.chart_layout() is not None)
    assert window.findChild(QAction, "actionPrintChart").shortcut().toString() == "Ctrl+P"
    window.findChild(QAction, "actionPrintPreview").trigger()
    preview = window.findChild(QPrintPreviewDialog, "chartPrintPreview")
    assert preview is not None and preview.isVisible()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == 1, timeout=60_000)
    preview.close()
    window.findChild(QAction, "actionPrintHandbook").trigger()
    handbook = window.findChild(QPrintPreviewDialog, "handbookPrintPreview")
    assert handbook is not None and handbook.isVisible()
    handbook_widget = handbook.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: handbook_widget.pageCount() > 3, timeout=60_000)
    handbook.close()
