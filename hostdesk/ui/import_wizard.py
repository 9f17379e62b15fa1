"""The import wizard: pick a sheet, preview it (per-row problems, a dry run), import, summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from hostdesk import messages
from hostdesk.core.age import format_age
from hostdesk.core.salary import format_pay
from hostdesk.services.catalogue import CatalogueService, ImportOutcome
from hostdesk.sheets.reader import SheetError
from hostdesk.ui import tasks

PREVIEW_ROWS = 50  # enough to recognise the sheet; the counts cover the rest
PROBLEMS_SHOWN = 1000  # a list longer than this helps nobody; the count says how many
ERROR_STYLE = "color:#c0392b;"
PREVIEW_FIELDS = ("code", "title", "company", "city", "pay", "age", "headcount")


def _after_first_paint(start: Callable[[], None]) -> None:
    """Start a worker once the page just shown has been painted.

    A page's first paint calls into Python for every new widget (PySide looks up overrides
    once per instance), each call waiting for the GIL; with a CPU-bound worker already
    running, each wait lasts a switch interval and the window froze for 200-400 ms.
    """
    QTimer.singleShot(0, start)


def _failure_text(exc: Exception) -> str:
    """A fatal sheet error in the user's words; anything else named, for the log-reader."""
    if isinstance(exc, SheetError):
        return messages.sheet_error(exc)
    return f"{type(exc).__name__}: {exc}"


class ImportFilePage(QWizardPage):
    """Step 1: the sheet to import, typed or chosen in a file dialog."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Choose a job sheet"))
        self.setSubTitle(self.tr("An .xlsx or .csv file with one job per row."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.setPlaceholderText(self.tr("Path of the .xlsx or .csv file"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def _on_browse_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import job sheet"),
            self.path_edit.text().strip(),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        if name:
            self.path_edit.setText(name)


def _fill_list(widget: QListWidget, problems, name: str, more: str) -> None:
    """Row problems as lines naming file, row and column; a long list ends with a count."""
    widget.clear()
    widget.addItems([messages.row_problem(p, name) for p in problems[:PROBLEMS_SHOWN]])
    if len(problems) > PROBLEMS_SHOWN:
        widget.addItem(more.format(count=len(problems) - PROBLEMS_SHOWN))


def fill_warnings(widget: QListWidget, warnings, name: str) -> None:
    """The importer's warnings (cells kept as written, text the card cannot draw)."""
    _fill_list(
        widget, warnings, name,
        QCoreApplication.translate("ImportWizard", "… and {count} more warnings"),
    )  # fmt: skip


class ImportPreviewPage(QWizardPage):
    """Step 2: what the import would do. Reading and the dry run happen on a worker."""

    previewed = Signal(bool)  # True: a plan is shown; False: the file cannot be used

    def __init__(self, catalogue: CatalogueService):
        super().__init__()
        self._catalogue = catalogue
        self._generation = 0  # a preview of a file the user has since left is ignored
        self.outcome: ImportOutcome | None = None
        self.setTitle(self.tr("Check before importing"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))

        self.status_label = QLabel()
        self.status_label.setObjectName("preview_status")
        self.status_label.setWordWrap(True)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("preview_counts")
        self.counts_label.setWordWrap(True)
        self.table = QTableWidget(0, 1 + len(PREVIEW_FIELDS))
        self.table.setObjectName("preview_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.rows_label = QLabel()
        self.rows_label.setObjectName("preview_rows")
        self.problems_label = QLabel()
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("preview_problems")
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_list = QListWidget()
        self.warnings_list.setObjectName("preview_warnings")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems_list, 1)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings_list, 1)

    def initializePage(self) -> None:
        path = self.wizard().file_page.path()
        self._generation += 1
        generation = self._generation
        self.outcome = None
        self._show_plan_widgets(False)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Reading {file}…").format(file=path.name))
        self.completeChanged.emit()
        catalogue = self._catalogue  # the worker gets the service, never this page
        _after_first_paint(
            lambda: tasks.run(
                lambda: catalogue.import_file(path, dry_run=True),
                lambda outcome: self._on_preview_done(generation, outcome),
                lambda exc: self._on_preview_failed(generation, exc),
            )
        )

    def isComplete(self) -> bool:
        return self.outcome is not None and bool(self.outcome.plan.jobs)

    def _show_plan_widgets(self, visible: bool) -> None:
        for widget in (
            self.counts_label, self.rows_label, self.table, self.problems_label,
            self.problems_list, self.warnings_label, self.warnings_list,
        ):  # fmt: skip
            widget.setVisible(visible)

    def _on_preview_done(self, generation: int, outcome: ImportOutcome) -> None:
        if generation != self._generation:
            return
        plan, result = outcome.plan, outcome.result
        self.outcome = outcome
        name = plan.path.name
        if plan.jobs:
            self.status_label.setText(
                self.tr("Nothing has been saved yet. Importing {file} will give:").format(file=name)
            )
        else:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(
                self.tr(
                    "No row of {file} can be imported: correct the rows below, or go back and choose another file."
                ).format(file=name)
            )
        self.counts_label.setText(
            self.tr(
                "{created} new, {updated} updated, {unchanged} unchanged, {refused} refused"
            ).format(
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                refused=plan.rows_refused,
            )
        )
        self._fill_table(plan.jobs[:PREVIEW_ROWS])
        self.rows_label.setText(messages.import_rows(plan))
        self._fill_problems(plan.problems, name, plan.rows_refused)
        self._show_plan_widgets(True)
        self.warnings_label.setText(
            self.tr(
                "{count} rows will be imported with the warnings below; correct the sheet where they matter:"
            ).format(count=plan.rows_with_warnings)
        )
        fill_warnings(self.warnings_list, plan.warnings, name)
        self.warnings_label.setVisible(bool(plan.warnings))
        self.warnings_list.setVisible(bool(plan.warnings))
        self.completeChanged.emit()
        self.previewed.emit(True)

    def _fill_table(self, rows) -> None:
        headers = [self.tr("Row")] + [messages.field_label(f) for f in PREVIEW_FIELDS]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, (sheet_row, job) in enumerate(rows):
            values = (
                str(sheet_row), job.code, job.title, job.company, job.city,
                job.pay.text or format_pay(job.pay), job.age_text or format_age(job.age_min, job.age_max),
                "" if job.headcount is None else str(job.headcount),
            )  # fmt: skip
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _fill_problems(self, problems, name: str, refused: int) -> None:
        self.problems_list.clear()
        if not problems:
            self.problems_label.setText(self.tr("Every row can be imported."))
            self.problems_list.setVisible(False)
            return
        self.problems_label.setText(
            self.tr(
                "{count} rows will not be imported; correct them in the sheet and import it again:"
            ).format(count=refused)
        )
        _fill_list(self.problems_list, problems, name, self.tr("… and {count} more problems"))

    def _on_preview_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(
            self.tr("{problem}\nGo back to choose another file.").format(problem=_failure_text(exc))
        )
        self.completeChanged.emit()
        self.previewed.emit(False)


class ImportProgressPage(QWizardPage):
    """Step 3: the jobs written in one transaction on a worker; cancel writes nothing."""

    stopped = Signal(str)  # "done", "cancelled" or "failed"

    def __init__(self, catalogue: CatalogueService):
        super().__init__()
        self._catalogue = catalogue
        self._handle: tasks.Handle | None = None
        self.chunk = 500
        self.outcome: ImportOutcome | None = None
        self.state = ""  # "", "running", "done", "cancelled", "failed"
        self.failure = ""
        self.setTitle(self.tr("Importing"))
        self.label = QLabel()
        self.label.setObjectName("import_status")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("import_progress")
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setObjectName("cancel_import")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)
        self.cancel_button.clicked.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self.state == "running"

    def initializePage(self) -> None:
        plan = self.wizard().preview_page.outcome.plan
        self.state, self.outcome, self.failure = "running", None, ""
        self.progress_bar.setRange(0, max(1, len(plan.jobs)))
        self.progress_bar.reset()  # below the minimum, so the first value (0) is a change
        self.label.setText(self.tr("Saving the jobs…"))
        self.cancel_button.setEnabled(True)
        _after_first_paint(lambda: self._start(plan))

    def _start(self, plan) -> None:
        if not self.running:  # cancelled before it started: nothing to undo
            return
        catalogue, chunk = self._catalogue, self.chunk
        self._handle = tasks.run_steps(
            lambda: catalogue.import_steps(plan, chunk=chunk),
            self._on_import_progressed,
            self._on_import_done,
            self._on_import_failed,
        )

    def isComplete(self) -> bool:
        return self.state not in ("", "running")

    def cancel(self) -> None:
        if not self.running:
            return
        if self._handle is None:
            self._stop("cancelled")
            return
        self._handle.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def _on_import_progressed(self, progress: tuple[int, int]) -> None:
        done, total = progress
        self.progress_bar.setValue(done)
        if self._handle is not None and not self._handle.cancel_requested:
            self.label.setText(
                self.tr("Saved {done} of {total} jobs…").format(done=done, total=total)
            )

    def _on_import_done(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.progress_bar.setValue(self.progress_bar.maximum())
        self._stop("done")

    def _on_import_failed(self, exc: Exception) -> None:
        if isinstance(exc, tasks.Cancelled):
            self._stop("cancelled")
        else:
            self.failure = _failure_text(exc)
            self._stop("failed")

    def _stop(self, state: str) -> None:
        self.state = state
        self._handle = None
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()
        self.stopped.emit(state)


class ImportSummaryPage(QWizardPage):
    """Step 4: what happened, in one sentence the user can act on."""

    def __init__(self):
        super().__init__()
        self.label = QLabel()
        self.label.setObjectName("import_summary")
        self.label.setWordWrap(True)
        self.rows_label = QLabel()
        self.rows_label.setObjectName("summary_rows")
        self.warnings_list = QListWidget()
        self.warnings_list.setObjectName("summary_warnings")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.warnings_list, 1)
        layout.addStretch(1)

    def initializePage(self) -> None:
        page = self.wizard().progress_page
        if page.state == "done":
            r, plan = page.outcome.result, page.outcome.plan
            self.setTitle(self.tr("Import finished"))
            self.label.setText(
                self.tr(
                    "{created} new, {updated} updated, {unchanged} unchanged, {refused} rows refused. The catalogue is saved."
                ).format(
                    created=r.created,
                    updated=r.updated,
                    unchanged=r.unchanged,
                    refused=plan.rows_refused,
                )
            )
            # The rows imported with a cell kept as written stay worth fixing in the sheet.
            self.rows_label.setText(messages.import_rows(plan))
            fill_warnings(self.warnings_list, plan.warnings, plan.path.name)
            self.warnings_list.setVisible(bool(plan.warnings))
            self.rows_label.setVisible(True)
            return
        self.rows_label.setVisible(False)
        self.warnings_list.setVisible(False)
        if page.state == "cancelled":
            self.setTitle(self.tr("Import cancelled"))
            self.label.setText(self.tr("Nothing was written: the catalogue is as it was."))
        else:
            self.setTitle(self.tr("Import failed"))
            self.label.setText(
                self.tr("Nothing was written: {problem}").format(problem=page.failure)
            )


class ImportWizard(QWizard):
    """The catalogue import as four steps. Emits `imported` once the jobs are committed.

    Closing it while jobs are being written cancels the import and closes once the
    worker has rolled back (one chunk at most), so nothing is left half-written.
    """

    imported = Signal(int, int, int)  # created, updated, unchanged
    import_finished = Signal(str)  # "done", "cancelled" or "failed"

    def __init__(self, catalogue: CatalogueService, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import job sheet"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(900, 640)
        buttons = QWizard.WizardButton  # Qt's own button texts are not translated in the app
        self.setButtonText(buttons.BackButton, self.tr("< &Back"))
        self.setButtonText(buttons.NextButton, self.tr("&Next >"))
        self.setButtonText(buttons.CancelButton, self.tr("Cancel"))
        self.setButtonText(buttons.FinishButton, self.tr("&Finish"))
        self._close_when_stopped = False
        self.file_page = ImportFilePage()
        self.preview_page = ImportPreviewPage(catalogue)
        self.progress_page = ImportProgressPage(catalogue)
        self.summary_page = ImportSummaryPage()
        for page in (self.file_page, self.preview_page, self.progress_page, self.summary_page):
            self.addPage(page)
        self.progress_page.stopped.connect(self._on_progress_page_stopped)

    def set_path(self, path: Path | str) -> None:
        """Choose the sheet without the file dialog (tests, drag and drop, a recent file)."""
        self.file_page.path_edit.setText(str(path))

    def reject(self) -> None:
        if self.progress_page.running:
            self._close_when_stopped = True
            self.progress_page.cancel()
            return
        super().reject()

    def _on_progress_page_stopped(self, state: str) -> None:
        if state == "done":
            r = self.progress_page.outcome.result
            self.imported.emit(r.created, r.updated, r.unchanged)
        self.import_finished.emit(state)
        if self._close_when_stopped:
            super().reject()
        elif self.currentPage() is self.progress_page:
            self.next()
