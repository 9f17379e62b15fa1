"""Catalogue conflicts: hub-owned jobs edited here while the hub changed them too.

Nothing was overwritten: the local version stays on air until the assistant chooses
the hub's version or keeps hers. Each row shows which fields differ, side by side.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from hostdesk import messages
from hostdesk.core.jobs import JOB_JSON_KEYS
from hostdesk.ui import tasks
from hostdesk.ui.registration_dialogs import local_time

# Fields compared and shown; the pay is one line (its text) rather than four columns.
_SHOWN = tuple(k for k in JOB_JSON_KEYS if k not in ("salary_min", "salary_max", "salary_unit"))


def differences(conflict) -> list[tuple[str, str, str]]:
    """(field, mine, the hub's) for every shown field that differs."""
    theirs = conflict.theirs.to_json()
    mine = conflict.mine.to_json() if conflict.mine is not None else {}
    out = []
    for key in _SHOWN:
        a, b = mine.get(key), theirs.get(key)
        if a != b:
            out.append((key, _text(a), _text(b)))
    return out


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


class JobConflictsDialog(QDialog):
    resolved = Signal(str, bool)  # job code, True when the hub's version was taken
    loaded = Signal(int)

    def __init__(self, hub, parent=None):
        super().__init__(parent)
        self._hub = hub  # HubRepository: conflicts(), resolve() (run on workers)
        self.setWindowTitle(self.tr("Job conflicts with the hub"))
        self.resize(860, 480)
        self.conflicts: list = []
        intro = QLabel(
            self.tr(
                "These jobs were edited here while the agency changed them on the hub. Your version is kept until you choose."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("conflicts_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Job"), self.tr("Fields that differ"), self.tr("Found")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.detail = QTableWidget(0, 3)
        self.detail.setObjectName("conflict_detail")
        self.detail.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Mine (kept now)"), self.tr("The hub's")]
        )
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.horizontalHeader().setStretchLastSection(True)
        self.detail.verticalHeader().setVisible(False)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color:#ff8a80;")
        self.problem.setVisible(False)
        self.take_button = QPushButton(self.tr("Take the hub's"))
        self.take_button.setObjectName("take_theirs")
        self.keep_button = QPushButton(self.tr("Keep mine"))
        self.keep_button.setObjectName("keep_mine")
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.take_button.clicked.connect(partial(self.resolve_selected, True))
        self.keep_button.clicked.connect(partial(self.resolve_selected, False))
        close.clicked.connect(self.accept)
        self._busy = False
        self._update_buttons()

    def reload(self) -> None:
        hub = self._hub
        tasks.run(hub.conflicts, self._on_read, self._on_failed)

    def _on_read(self, conflicts: list) -> None:
        self.conflicts = conflicts
        self.table.setRowCount(len(conflicts))
        for i, conflict in enumerate(conflicts):
            job = conflict.mine or conflict.theirs
            fields = "、".join(messages.field_label(key) for key, _a, _b in differences(conflict))
            for column, text in enumerate(
                (conflict.code, job.title, fields, local_time(conflict.at))
            ):
                self.table.setItem(i, column, QTableWidgetItem(text))
        if conflicts:
            self.table.selectRow(0)
        self._on_table_selection_changed()
        self.loaded.emit(len(conflicts))

    def _on_failed(self, exc: Exception) -> None:
        self._busy = False
        self._update_buttons()
        self.problem.setText(messages.error_text(exc))
        self.problem.setVisible(True)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def _on_table_selection_changed(self) -> None:
        conflict = self.selected()
        rows = differences(conflict) if conflict is not None else []
        self.detail.setRowCount(len(rows))
        for i, (key, mine, theirs) in enumerate(rows):
            for column, text in enumerate((messages.field_label(key), mine, theirs)):
                self.detail.setItem(i, column, QTableWidgetItem(text))
        self.detail.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        enabled = self.selected() is not None and not self._busy
        self.take_button.setEnabled(enabled)
        self.keep_button.setEnabled(enabled)

    def resolve_selected(self, take_theirs: bool) -> None:
        conflict = self.selected()
        if conflict is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        hub, code = self._hub, conflict.code

        def work():
            return hub.resolve(code, take_theirs, datetime.now(UTC))

        tasks.run_serial(work, partial(self._on_resolved, code, take_theirs), self._on_failed)

    def _on_resolved(self, code: str, take_theirs: bool, _done: bool) -> None:
        self._busy = False
        self.resolved.emit(code, take_theirs)
        self.reload()
