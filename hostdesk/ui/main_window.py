"""The first desktop window: the job catalogue with search, filters and compliance warnings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hostdesk import messages
from hostdesk.services.catalogue import CatalogueService
from hostdesk.ui import tasks
from hostdesk.ui.models import JobFilterProxy, JobTableModel


class MainWindow(QMainWindow):
    catalogue_loaded = Signal(int)  # number of jobs now shown

    def __init__(self, catalogue: CatalogueService, notices: list[str] = ()):
        super().__init__()
        self._catalogue = catalogue
        self.setWindowTitle(self.tr("HostDesk – live recruitment assistant"))
        self.resize(1280, 760)

        self.model = JobTableModel(self)
        self.proxy = JobFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.banner = QLabel("\n".join(notices))
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#5c4400;color:#ffe8a3;padding:6px;")
        self.banner.setVisible(bool(notices))

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search title, employer, city or benefit"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in ("open", "paused", "closed"):
            self.status_filter.addItem(messages.status_label(status), status)
        self.city_filter = QComboBox()
        self.city_filter.addItem(self.tr("All cities"), "")

        self.table = QTableView()
        self.table.setObjectName("jobs_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep catalogue order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 170, 150, 120, 190, 260, 70)):
            self.table.setColumnWidth(column, width)

        self.warnings_list = QListWidget()
        self.warnings_list.setObjectName("warnings_list")
        self.warnings_box = QGroupBox(self.tr("Compliance warnings"))
        box_layout = QVBoxLayout(self.warnings_box)
        box_layout.addWidget(self.warnings_list)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.city_filter)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.warnings_box)
        splitter.setSizes([560, 160])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self.tr("Loading jobs…"))
        self.statusBar().addWidget(self.count_label)

        self._build_menu()
        self.search.textChanged.connect(self._on_search_text_changed)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.city_filter.currentIndexChanged.connect(self._on_city_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import job sheet…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self._on_import_triggered)
        file_menu.addAction(self.import_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    # -- loading -------------------------------------------------------------------------

    def load_catalogue(self, *, demo_on_first_run: bool = False) -> None:
        """Read (and lint) the catalogue on a worker thread; the window stays responsive."""
        catalogue = self._catalogue

        def work():
            if demo_on_first_run:
                catalogue.load_demo_if_empty()
            jobs = catalogue.repo.list_jobs()
            return jobs, catalogue.lint(jobs)

        tasks.run(work, self._on_catalogue_read, self._on_task_failed)

    def _on_catalogue_read(self, result) -> None:
        jobs, warnings = result
        self.model.set_jobs(jobs, warnings)
        current_city = self.city_filter.currentData()
        self.city_filter.blockSignals(True)
        self.city_filter.clear()
        self.city_filter.addItem(self.tr("All cities"), "")
        for city in self.model.cities():
            self.city_filter.addItem(city, city)
        self.city_filter.setCurrentIndex(max(0, self.city_filter.findData(current_city)))
        self.city_filter.blockSignals(False)
        self._update_counts()
        self.catalogue_loaded.emit(len(jobs))

    def _on_task_failed(self, exc: Exception) -> None:
        self.count_label.setText(self.tr("Could not read the catalogue: {0}").format(exc))

    # -- filters and selection -----------------------------------------------------------

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        warned = sum(1 for row in range(total) if self.model.warnings_for(self.model.job(row).code))
        self.count_label.setText(
            self.tr("{shown} of {total} jobs shown · {warned} with warnings").format(
                shown=self.proxy.rowCount(), total=total, warned=warned
            )
        )

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_counts()

    def _on_status_filter_changed(self, _index: int) -> None:
        self.proxy.set_status(self.status_filter.currentData())
        self._update_counts()

    def _on_city_filter_changed(self, _index: int) -> None:
        self.proxy.set_city(self.city_filter.currentData() or "")
        self._update_counts()

    def _on_table_selection_changed(self, selected: QItemSelection, _deselected) -> None:
        self.warnings_list.clear()
        indexes = selected.indexes()
        if not indexes:
            return
        job = self.proxy.data(indexes[0], JobTableModel.JobRole)
        warnings = self.model.warnings_for(job.code)
        if not warnings:
            self.warnings_list.addItem(self.tr("No warnings for {0}").format(job.title))
        for w in warnings:
            self.warnings_list.addItem(messages.field_warning(w))

    # -- import --------------------------------------------------------------------------

    def _on_import_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import job sheet"),
            "",
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        self.count_label.setText(self.tr("Importing {0}…").format(path.name))
        tasks.run(
            lambda: self._catalogue.import_file(path),
            lambda outcome: self._on_import_finished(path, outcome),
            self._on_import_failed,
        )

    def _on_import_finished(self, path: Path, outcome) -> None:
        problems = [messages.row_problem(p, path.name) for p in outcome.plan.problems]
        r = outcome.result
        summary = self.tr("{created} new, {updated} updated, {unchanged} unchanged").format(
            created=r.created, updated=r.updated, unchanged=r.unchanged
        )
        if problems:
            QMessageBox.warning(
                self,
                self.tr("Some rows were not imported"),
                summary + "\n\n" + "\n".join(problems[:30]),
            )
        else:
            self.statusBar().showMessage(summary, 8000)
        self.load_catalogue()

    def _on_import_failed(self, exc: Exception) -> None:
        text = messages.sheet_error(exc) if hasattr(exc, "reason") else str(exc)
        self.count_label.setText(text)
        QMessageBox.critical(self, self.tr("Import failed"), text)
