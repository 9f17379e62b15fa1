"""Qt item models over the job catalogue: the table, and the search/filter proxy."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from hostdesk import messages
from hostdesk.core.compliance import LintWarning
from hostdesk.core.jobs import Job
from hostdesk.core.salary import format_pay

# Jobs dragged from the catalogue onto the rundown: their codes, one per line.
JOB_CODES_MIME = "application/x-hostdesk-job-codes"
COLUMNS = ("code", "title", "company", "city", "pay", "benefits", "status", "warnings")
WARNING_BRUSH = QBrush(QColor("#f0b429"))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


class JobTableModel(QAbstractTableModel):
    """Jobs and their lint warnings; replaced whole when the catalogue is (re)loaded."""

    JobRole = Qt.ItemDataRole.UserRole + 1
    SearchRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self._jobs: list[Job] = []
        self._warnings: dict[str, list[LintWarning]] = {}
        self._search: list[str] = []
        self._pay: list[str] = []
        self._rows: dict[str, int] = {}

    def set_jobs(self, jobs: list[Job], warnings: list[LintWarning]) -> None:
        self.beginResetModel()
        self._jobs = list(jobs)
        self._warnings = {}
        for w in warnings:
            self._warnings.setdefault(w.code, []).append(w)
        # Precomputed once: filtering runs on every keystroke over thousands of rows.
        self._search = [
            _fold(" ".join((j.code, j.title, j.company, j.city, *j.benefits))) for j in self._jobs
        ]
        self._pay = [format_pay(j.pay) for j in self._jobs]
        self._rows = {j.code: row for row, j in enumerate(self._jobs)}
        self.endResetModel()

    def job(self, row: int) -> Job:
        return self._jobs[row]

    def search_text(self, row: int) -> str:
        """The row's folded code, title, company, city and benefits, as the search matches."""
        return self._search[row]

    def job_by_code(self, code: str) -> Job | None:
        row = self._rows.get(code)
        return None if row is None else self._jobs[row]

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [JOB_CODES_MIME]

    def mimeData(self, indexes) -> QMimeData:
        codes = list(dict.fromkeys(self._jobs[i.row()].code for i in indexes if i.isValid()))
        mime = QMimeData()
        mime.setData(JOB_CODES_MIME, "\n".join(codes).encode("utf-8"))
        return mime

    def warnings_for(self, code: str) -> list[LintWarning]:
        return self._warnings.get(code, [])

    def cities(self) -> list[str]:
        return sorted({j.city for j in self._jobs if j.city})

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        name = COLUMNS[section]
        if name == "warnings":
            return QCoreApplication.translate("JobTableModel", "Warnings")
        return messages.field_label(name)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, name = index.row(), COLUMNS[index.column()]
        job = self._jobs[row]
        if role == self.JobRole:
            return job
        if role == self.SearchRole:
            return self._search[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "pay":
                return self._pay[row]
            if name == "benefits":
                return "、".join(job.benefits)
            if name == "status":
                return messages.status_label(job.status.value)
            if name == "warnings":
                count = len(self._warnings.get(job.code, ()))
                return f"⚠ {count}" if count else ""
            return getattr(job, name)
        if role == Qt.ItemDataRole.ForegroundRole and name == "warnings":
            return WARNING_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and name == "warnings":
            return "\n".join(messages.lint_warning(w) for w in self._warnings.get(job.code, ()))
        return None


class JobFilterProxy(QSortFilterProxyModel):
    """Search as you type (title, company, city, benefit, code) plus status and city filters."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._terms: list[str] = []
        self._status = ""
        self._city = ""

    def set_search(self, text: str) -> None:
        self._change("_terms", _fold(text).split())

    def set_status(self, status: str) -> None:
        self._change("_status", status)

    def set_city(self, city: str) -> None:
        self._change("_city", city)

    def _change(self, attr: str, value) -> None:
        # begin/endFilterChange (Qt 6.9+) re-filters rows only; invalidateFilter is deprecated.
        self.beginFilterChange()
        setattr(self, attr, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        # Qt asks once per row at every reset: with no filter set (every start, 5,000 rows)
        # the answer must not cost a trip through the model.
        if not (self._terms or self._status or self._city):
            return True
        model: JobTableModel = self.sourceModel()
        job = model.job(source_row)
        if self._status and job.status.value != self._status:
            return False
        if self._city and job.city != self._city:
            return False
        haystack = model.search_text(source_row)
        return all(term in haystack for term in self._terms)
