"""The sign-up form's job chooser: a list model over the open jobs, set in one reset."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from hostdesk.core.jobs import Job, JobStatus


class JobChoiceModel(QAbstractListModel):
    """A first "choose" row, then "CODE  title" per job; the code is the UserRole.

    A combo box filled with addItem costs one call into Qt per job (5,000 at a start); this
    model is replaced whole and Qt asks only for the rows it shows.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._texts: list[str] = []
        self._codes: list[str] = []
        self._rows: dict[str, int] = {}

    def set_jobs(self, first: str, jobs: list[Job], *, open_only: bool = True) -> None:
        """`first` is the row meaning "no job" or "all jobs" (code ""); with `open_only`,
        closed and paused jobs are left out."""
        if open_only:
            jobs = [job for job in jobs if job.status is JobStatus.OPEN]
        self.beginResetModel()
        self._texts = [first, *(f"{job.code}  {job.title}" for job in jobs)]
        self._codes = ["", *(job.code for job in jobs)]
        self._rows = {code: row for row, code in enumerate(self._codes)}
        self.endResetModel()

    def row_of(self, code: str) -> int:
        """The row of a job's code, -1 when it is not a choice (a dict, not a scan per take)."""
        return self._rows.get(code, -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._codes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._texts[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self._codes[index.row()]
        return None
