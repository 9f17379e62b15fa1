"""The show report window: pick a show, read its report on a worker, draw it, export an .xlsx."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
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
from hostdesk.render.report_chart import PAPER, ReportPage, render_report, report_height
from hostdesk.services.show_reports import ShowReports, ShowReportView
from hostdesk.sheets.reader import SheetError
from hostdesk.sheets.report_xlsx import write_report_xlsx
from hostdesk.ui import tasks

MIN_PAGE_WIDTH = 1100  # narrower, the tables' columns cut their numbers


def page_of(view: ShowReportView) -> ReportPage:
    session = view.session
    host = QCoreApplication.translate("ShowReport", "Host {host}").format(host=session.host)
    heading = " · ".join(
        part
        for part in (
            messages.platform_label(session.platform.value),
            session.room,
            host if session.host else "",
        )
        if part
    )
    return ReportPage(view.report, view.titles, heading, view.report.start.astimezone())


def show_label(session: Session) -> str:
    start = session.started_at.astimezone() if session.started_at else session.created_at
    room = f"  {session.room}" if session.room else ""
    host = f" · {session.host}" if session.host else ""
    return f"{start:%Y-%m-%d %H:%M}{room}{host}"


class ReportCanvas(QWidget):
    """Shows the page drawn on a worker; as tall as the page needs at its width.

    Drawing the page is tens of milliseconds of text layout, so it never happens here:
    the GUI thread only copies the image. After a resize the old image stays until the
    page drawn at the new width arrives.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.page: ReportPage | None = None
        self.image: QImage | None = None
        self._drawing: tuple | None = None  # (page id, width, ratio) asked of a worker
        self.setMinimumWidth(MIN_PAGE_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def target(self) -> tuple[int, float]:
        """The width and screen scale a page should be drawn at for this widget now."""
        return max(self.width(), MIN_PAGE_WIDTH), self.devicePixelRatioF()

    def set_page(self, page: ReportPage | None, image: QImage | None) -> None:
        self.page, self.image = page, image
        self._drawing = None
        self._fit()
        self.update()
        self._redraw_if_needed()

    def _fit(self) -> None:
        width = self.target()[0]
        self.setFixedHeight(report_height(self.page, width) if self.page else 0)

    def _redraw_if_needed(self) -> None:
        page = self.page
        if page is None:
            return
        width, ratio = self.target()
        have = self.image
        if have is not None and have.width() == round(width * ratio):
            return
        key = (id(page), width, ratio)
        if self._drawing == key:
            return
        self._drawing = key
        tasks.run(lambda: render_report(page, width, ratio), partial(self._on_drawn, page, width))

    def _on_drawn(self, page: ReportPage, width: int, image: QImage) -> None:
        if page is not self.page:
            return  # another show arrived meanwhile
        self._drawing = None
        self.image = image
        self.update()
        self._redraw_if_needed()  # resized again while it was drawn

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.page is not None:
            self._fit()
            self._redraw_if_needed()

    def sizeHint(self) -> QSize:
        return QSize(MIN_PAGE_WIDTH, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), QColor(PAPER))
            if self.image is not None:
                painter.drawImage(0, 0, self.image)
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
        width, ratio = self.canvas.target()

        def work():  # on a worker: read, compute and draw
            view = reports.load(session_id)
            page = page_of(view)
            return view, page, render_report(page, width, ratio)

        tasks.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, result) -> None:
        view, page, image = result
        if view.session.id != self._wanted:  # another show was chosen meanwhile
            return
        self.view = view
        self.canvas.set_page(page, image)
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
