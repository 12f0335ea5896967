"""File → Print Chart…, Print Preview…, Print Handbook…: Qt's print dialogs over the
same pages the PDF exports make.

The chart is drawn once by Graphviz for the printer and paged by the PDF
export's plan on the paper and orientation the printer has (one page while
its text stays legible, else a poster: an assembly map and overlapping tiles,
each a page of the preview, so the page breaks are what the user sees).  The
orientation is first set to the one the chart's shape suits; the user may turn
it in the dialog, and the preview is painted again.  The handbook is painted
page by page exactly as its PDF (A4, landscape chart pages).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from orgdesk.core.errors import UserError
from orgdesk.core.organisation import Organisation
from orgdesk.export.chart_export import PrintableChart, printable_chart
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.model import ChartLayout
from orgdesk.paint.svg_render import print_plan, svg_to_device
from orgdesk.ui import dialogs
from orgdesk.ui.i18n import tr
from orgdesk.ui.messages import user_message


def chart_options(org: Organisation, layout: ChartLayout | None,
                  collapsed: frozenset[int]) -> ChartExportOptions:
    """The chart as the window shows it, with a PDF's defaults (legend on)."""
    from orgdesk.core.model import PositionId

    return ChartExportOptions(format="pdf", orientation=layout.orientation if layout else "tb",
                              collapsed=frozenset(PositionId(p) for p in collapsed if p in org))


def new_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title or "orgdesk")
    printer.setFullPage(True)  # the pages keep their own margins
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    return printer


def suit_orientation(printer: QPrinter, chart: PrintableChart) -> None:
    """Turn the printer's paper the way the chart's plan prefers on it."""
    sheet = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    size = (min(sheet.width(), sheet.height()), max(sheet.width(), sheet.height()))
    plan = print_plan(chart.svg, chart.box_ids, size, chart.smallest_pt)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if plan.landscape
                               else QPageLayout.Orientation.Portrait)


def paint_chart(printer: QPrinter, chart: PrintableChart) -> None:
    from orgdesk.export.fonts import font_name

    svg_to_device(printer, chart.svg, chart.footer, chart.box_ids, font_name(),
                  chart.smallest_pt)
    fix_pdf_output(printer, font_name())


def fix_pdf_output(printer: QPrinter, family: str) -> None:
    """A printer writing a PDF file (“Print to File”) gets the text fix the exported PDFs
    get, so copied Chinese comes out right (see orgdesk.paint.pdf_text)."""
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or \
            not printer.outputFileName():
        return
    from orgdesk.files import write_atomically
    from orgdesk.paint.pdf_text import fix_to_unicode

    path = Path(printer.outputFileName())
    try:
        data = path.read_bytes()
        fixed = fix_to_unicode(data, family)
        if fixed != data:
            write_atomically(path, fixed)
    except (OSError, UserError):  # the printed file stays as Qt wrote it
        return


def _preview(printer: QPrinter, parent: QWidget) -> QPrintPreviewDialog:
    dialog = QPrintPreviewDialog(printer, parent)
    # The dialog does not own its printer: the Python object must live as long as it.
    dialog.printer_ = printer  # type: ignore[attr-defined]  # kept alive with the dialog
    return dialog


def _drawn(parent: QWidget, org: Organisation, layout: ChartLayout | None,
           collapsed: frozenset[int]) -> PrintableChart | None:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return printable_chart(org, chart_options(org, layout, collapsed))
    except UserError as exc:
        dialogs.show_error(parent, user_message(exc))
        return None
    finally:
        QApplication.restoreOverrideCursor()


def print_chart(parent: QWidget, org: Organisation, layout: ChartLayout | None,
                collapsed: frozenset[int],
                ask: Callable[[QPrinter, QWidget], bool] | None = None) -> QPrinter | None:
    """Qt's print dialog, then the chart's pages on the chosen printer; the printer used,
    or None when nothing was printed."""
    chart = _drawn(parent, org, layout, collapsed)
    if chart is None:
        return None
    printer = new_printer(org.info.title)
    suit_orientation(printer, chart)
    if not (ask or _ask_print)(printer, parent):
        return None
    paint_chart(printer, chart)
    return printer


def _ask_print(printer: QPrinter, parent: QWidget) -> bool:
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def chart_preview(parent: QWidget, org: Organisation, layout: ChartLayout | None,
                  collapsed: frozenset[int]) -> QPrintPreviewDialog | None:
    """A print preview of the chart (its Print button prints it); None if it cannot be drawn."""
    chart = _drawn(parent, org, layout, collapsed)
    if chart is None:
        return None
    printer = new_printer(org.info.title)
    suit_orientation(printer, chart)
    dialog = _preview(printer, parent)
    dialog.setObjectName("chartPrintPreview")
    dialog.setWindowTitle(tr("Printing", "Print Preview: Chart"))
    dialog.paintRequested.connect(lambda device: paint_chart(device, chart))
    return dialog


def handbook_preview(parent: QWidget, org: Organisation) -> QPrintPreviewDialog:
    """A print preview of the whole organisation's handbook, page for page as its PDF."""
    printer = new_printer(org.info.title)
    dialog = _preview(printer, parent)
    dialog.setObjectName("handbookPrintPreview")
    dialog.setWindowTitle(tr("Printing", "Print Preview: Handbook"))

    def paint(device: QPrinter) -> None:
        from orgdesk.export.handbook import render_handbook
        from orgdesk.paint.fonts import chinese_font_family

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            render_handbook(org, "pdf", device=device)
            fix_pdf_output(device, chinese_font_family() or "")
        except UserError as exc:
            dialogs.show_error(parent, user_message(exc))
        finally:
            QApplication.restoreOverrideCursor()

    dialog.paintRequested.connect(paint)
    return dialog
