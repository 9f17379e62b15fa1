"""The show report window: pick a show, read its report on a worker, draw it, export an .xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hostdesk import messages
from hostdesk.core.sessions import Session
from hostdesk.render.report_chart import PAPER, ReportPage, draw_report, report_height
from hostdesk.services.show_reports import ShowReports, ShowReportView
from hostdesk.sheets.reader import SheetError
from hostdesk.sheets.report_xlsx import write_report_xlsx
from hostdesk.ui import tasks

MIN_PAGE_WIDTH = 1100  # narrower, the tables' columns cut their numbers


def page_of(view: ShowReportView) -> ReportPage:
    session = view.session
    heading = " · ".join(
        part for part in (messages.platform_label(session.platform.value), session.room) if part
    )
    return ReportPage(view.report, view.titles, heading, view.report.start.astimezone())


def show_label(session: Session) -> str:
    start = session.started_at.astimezone() if session.started_at else session.created_at
    room = f"  {session.room}" if session.room else ""
    return f"{start:%Y-%m-%d %H:%M}{room}"


class ReportCanvas(QWidget):
    """Paints the page at the widget's width; as tall as the page needs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.page: ReportPage | None = None
        self.setMinimumWidth(MIN_PAGE_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_page(self, page: ReportPage | None) -> None:
        self.page = page
        self._fit()
        self.update()

    def _fit(self) -> None:
        height = report_height(self.page, max(self.width(), MIN_PAGE_WIDTH)) if self.page else 0
        self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.page is not None and self.height() != report_height(self.page, self.width()):
            self._fit()

    def sizeHint(self) -> QSize:
        return QSize(MIN_PAGE_WIDTH, self.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), PAPER)
            if self.page is not None:
                draw_report(painter, self.page, self.width())
        finally:
            painter.end()


class ShowReportDialog(QDialog):
    """Non-modal: the host may keep working while it reads; everything slow runs on workers."""

    ready = Signal(object)  # the ShowReportView now drawn
    failed = Signal(str)
    exported = Signal(bool, str)  # succeeded, the message shown

    def __init__(self, reports: ShowReports, session_id: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Show report"))
        self.resize(1240, 900)
        self._reports = reports
        self._wanted = session_id
        self.view: ShowReportView | None = None
        self.shows = QComboBox()
        self.shows.setObjectName("report_shows")
        self.shows.setMinimumWidth(280)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.status = QLabel(self.tr("Preparing the report…"))
        self.status.setObjectName("report_status")
        self.canvas = ReportCanvas()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        scroll.setStyleSheet(f"QScrollArea{{background:{PAPER};border:none;}}")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.shows)
        top.addWidget(self.status, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.shows.activated.connect(self._on_show_chosen)
        self.export_button.clicked.connect(self.ask_and_export)
        self.close_button.clicked.connect(self.close)
        self._list_shows()
        if session_id:
            self.load(session_id)

    # -- reading -----------------------------------------------------------------------

    def _list_shows(self) -> None:
        tasks.run(self._reports.shows, self._on_shows, self._on_failed)

    def _on_shows(self, shows: list[Session]) -> None:
        self.shows.clear()
        for session in shows:
            self.shows.addItem(show_label(session), session.id)
        if not shows:
            self.status.setText(self.tr("No show has gone live yet."))
            return
        wanted = self._wanted or shows[0].id
        index = self.shows.findData(wanted)
        self.shows.setCurrentIndex(max(index, 0))
        if self._wanted is None:
            self.load(self.shows.currentData())

    def _on_show_chosen(self, index: int) -> None:
        session_id = self.shows.itemData(index)
        if session_id and (self.view is None or self.view.session.id != session_id):
            self.load(session_id)

    def load(self, session_id: str) -> None:
        """Read and compute on a worker; the page is drawn when it arrives."""
        self._wanted = session_id
        self.status.setText(self.tr("Preparing the report…"))
        reports = self._reports
        tasks.run(lambda: reports.load(session_id), self._on_loaded, self._on_failed)

    def _on_loaded(self, view: ShowReportView) -> None:
        if view.session.id != self._wanted:  # another show was chosen meanwhile
            return
        self.view = view
        self.canvas.set_page(page_of(view))
        self.export_button.setEnabled(True)
        self.status.setText(
            self.tr("{count} sign-ups in {minutes} minutes").format(
                count=view.report.signups, minutes=round(view.report.duration_minutes)
            )
        )
        self.ready.emit(view)

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, LookupError):
            text = self.tr("That show never went live: there is nothing to report.")
        else:
            text = self.tr("The report could not be prepared ({detail})").format(
                detail=messages.error_text(exc)
            )
        self.status.setText(text)
        self.failed.emit(text)

    # -- export ------------------------------------------------------------------------

    def ask_and_export(self) -> bool:
        """Ask where to save the workbook; False when cancelled (or nothing to export)."""
        if self.view is None:
            return False
        start = self.view.report.start.astimezone()
        name, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the show report"),
            self.tr("show-report-{date}.xlsx").format(date=f"{start:%Y%m%d-%H%M}"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.export_to(path)
        return True

    def export_to(self, path: Path) -> None:
        """Write the workbook on a worker (owner-only, atomically); `exported` tells the end."""
        view = self.view
        if view is None:
            return
        page = page_of(view)
        language = "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
        path = Path(path)
        self.status.setText(self.tr("Exporting…"))
        tasks.run(
            lambda: write_report_xlsx(
                path, page.report, page.titles, page.heading, page.local_start, language=language
            ),
            self._on_exported,
            self._on_export_failed,
        )

    def _on_exported(self, path: Path) -> None:
        text = self.tr("Report exported to {file}").format(file=str(path))
        self.status.setText(text)
        self.exported.emit(True, text)

    def _on_export_failed(self, exc: Exception) -> None:
        if isinstance(exc, SheetError):
            text = messages.sheet_error(exc)
        else:
            text = self.tr("The report could not be exported ({detail})").format(
                detail=messages.error_text(exc)
            )
        self.status.setText(text)
        self.exported.emit(False, text)
