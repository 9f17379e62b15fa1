"""The Qt list model over tonight's rundown: slot numbers, drag to reorder, drops from the catalogue."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.rundown import Rundown
from hostdesk.ui.models import JOB_CODES_MIME

# Rows dragged inside the rundown: their positions, so a drop moves instead of copying.
_ROWS_MIME = "application/x-hostdesk-rundown-rows"
_ON_AIR = QBrush(QColor("#e5484d"))
_CUED = QBrush(QColor("#3ecf8e"))
_GONE = QBrush(QColor("#7a7f87"))


class RundownModel(QAbstractListModel):
    """Job codes in running order; titles come from the catalogue it is given."""

    CodeRole = Qt.ItemDataRole.UserRole + 1
    rundown_changed = Signal(list)  # the codes in their new order, after a user's change

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rundown = Rundown()
        self._jobs: dict[str, Job] = {}
        self.on_air = ""
        self.cued = ""

    # -- state from the window -----------------------------------------------------------

    def set_catalogue(self, jobs: dict[str, Job]) -> None:
        self._jobs = jobs
        self._refresh()

    def set_codes(self, codes: list[str]) -> None:
        """Replace the whole rundown (loading a session); does not signal a user change."""
        self.beginResetModel()
        self.rundown = Rundown(codes)
        self.endResetModel()

    def set_marks(self, *, on_air: str | None = None, cued: str | None = None) -> None:
        if on_air is not None:
            self.on_air = on_air
        if cued is not None:
            self.cued = cued
        self._refresh()

    def codes(self) -> list[str]:
        return list(self.rundown.codes)

    def job(self, code: str) -> Job | None:
        return self._jobs.get(code)

    # -- user changes --------------------------------------------------------------------

    def add(self, codes: list[str], at: int | None = None) -> int:
        """Append (or insert at `at`) the codes not already in the rundown; returns how many."""
        added = 0
        for code in codes:
            position = None if at is None else at + added
            before = len(self.rundown.codes)
            if self.rundown.add(code, position):
                row = before if position is None else min(position, before)
                # The row is already in the rundown: announce it as inserted.
                self.beginInsertRows(QModelIndex(), row, row)
                self.endInsertRows()
                added += 1
        if added:
            self.rundown_changed.emit(self.codes())
        return added

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.rundown.codes):
                self.beginRemoveRows(QModelIndex(), row, row)
                self.rundown.remove(self.rundown.codes[row])
                self.endRemoveRows()
        self.rundown_changed.emit(self.codes())

    def move_row(self, source: int, target: int) -> bool:
        """Move one row so it ends at position `target` (in the list without it)."""
        count = len(self.rundown.codes)
        if not (0 <= source < count and 0 <= target < count) or source == target:
            return False
        self.beginResetModel()
        self.rundown.move(source, target)
        self.endResetModel()
        self.rundown_changed.emit(self.codes())
        return True

    # -- Qt model ------------------------------------------------------------------------

    def _refresh(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rundown.codes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        code = self.rundown.codes[row]
        job = self._jobs.get(code)
        if role == self.CodeRole:
            return code
        if role == Qt.ItemDataRole.DisplayRole:
            slot = str(row + 1) if row < 9 else "·"
            mark = "● " if code == self.on_air else ("○ " if code == self.cued else "")
            if job is None:
                return f"{slot}  {mark}{code}"
            where = " · ".join(part for part in (job.company, job.city) if part)
            return f"{slot}  {mark}{job.title}" + (f"  —  {where}" if where else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return code
        if role == Qt.ItemDataRole.ForegroundRole:
            if job is None or job.status == JobStatus.CLOSED:
                return _GONE
            if code == self.on_air:
                return _ON_AIR
            if code == self.cued:
                return _CUED
        if role == Qt.ItemDataRole.FontRole and code == self.on_air:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return flags | Qt.ItemFlag.ItemIsDragEnabled
        return flags | Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [_ROWS_MIME, JOB_CODES_MIME]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(_ROWS_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        if data.hasFormat(_ROWS_MIME):
            text = bytes(data.data(_ROWS_MIME).data()).decode()
            rows = [int(r) for r in text.split(",") if r]
            if len(rows) != 1:
                return False
            source = rows[0]
            # Dropping below itself: the row leaves its place first, so the target shifts.
            self.move_row(source, target - 1 if target > source else target)
            return False  # we moved it ourselves: the view must not remove the source row
        if data.hasFormat(JOB_CODES_MIME):
            codes = bytes(data.data(JOB_CODES_MIME).data()).decode("utf-8").split("\n")
            return self.add([c for c in codes if c], target) > 0
        return False
