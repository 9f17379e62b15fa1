"""The catalogue panel: every job, searched as you type and filtered by status and city."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hostdesk import messages
from hostdesk.core.compliance import LintWarning
from hostdesk.core.jobs import Job
from hostdesk.ui.models import JobFilterProxy, JobTableModel


class CataloguePanel(QWidget):
    job_activated = Signal(str)  # double-click or Enter: add this job to the rundown
    current_job_changed = Signal(str)  # the selected job's code, "" when none
    filters_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = JobTableModel(self)
        self.proxy = JobFilterProxy(self)
        self.proxy.setSourceModel(self.model)

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
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((80, 150, 110, 80, 150, 200, 70)):
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.city_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.city_filter.currentIndexChanged.connect(self._on_city_filter_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)

    def set_jobs(self, jobs: list[Job], warnings: list[LintWarning]) -> None:
        current = self.current_code()
        self.model.set_jobs(jobs, warnings)
        city = self.city_filter.currentData()
        self.city_filter.blockSignals(True)
        self.city_filter.clear()
        self.city_filter.addItem(self.tr("All cities"), "")
        for name in self.model.cities():
            self.city_filter.addItem(name, name)
        self.city_filter.setCurrentIndex(max(0, self.city_filter.findData(city)))
        self.city_filter.blockSignals(False)
        if current:
            self.select(current)
        self.filters_changed.emit()

    def has_focus(self) -> bool:
        return self.search.hasFocus() or self.table.hasFocus()

    def current_code(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid():
            return ""
        return self.proxy.data(index, JobTableModel.JobRole).code

    def select(self, code: str) -> bool:
        row = next(
            (r for r in range(self.proxy.rowCount())
             if self.proxy.index(r, 0).data(JobTableModel.JobRole).code == code),
            -1,
        )  # fmt: skip
        if row < 0:
            return False
        self.table.setCurrentIndex(self.proxy.index(row, 0))
        return True

    def activate_current(self) -> None:
        """Enter: the selected job, or the first match of the search, goes to the rundown."""
        code = self.current_code()
        if not code and self.proxy.rowCount():
            code = self.proxy.index(0, 0).data(JobTableModel.JobRole).code
        if code:
            self.job_activated.emit(code)

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self.filters_changed.emit()

    def _on_status_filter_changed(self, _index: int) -> None:
        self.proxy.set_status(self.status_filter.currentData())
        self.filters_changed.emit()

    def _on_city_filter_changed(self, _index: int) -> None:
        self.proxy.set_city(self.city_filter.currentData() or "")
        self.filters_changed.emit()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.job_activated.emit(self.proxy.data(index, JobTableModel.JobRole).code)

    def _on_table_current_changed(self, current: QModelIndex, _previous) -> None:
        code = self.proxy.data(current, JobTableModel.JobRole).code if current.isValid() else ""
        self.current_job_changed.emit(code)
