"""The sign-ups the hub refused for good: each with its reason, to fix (edit) or retry.

Names and phones are masked (the console may be captured by OBS). Reading and editing
run through tasks; retrying is a message to the sync worker (it never waits).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
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
from hostdesk.core.phone import mask_name, mask_phone
from hostdesk.core.registrations import PhoneWarningNotConfirmed
from hostdesk.ui import registration_dialogs as dialogs
from hostdesk.ui import tasks

LIMIT = 500  # shown at once; more would be a hub problem to fix at the source, not one by one


def _read(outbox, registrations) -> list[tuple]:
    """(attention event, its registration or None) pairs: plain data, read on a worker."""
    events = outbox.attention(LIMIT)
    return [(e, registrations.get(e.registration_id) if registrations else None) for e in events]


class AttentionListDialog(QDialog):
    retried = Signal(list)  # event ids handed to the worker
    loaded = Signal(int)  # rows shown

    def __init__(
        self,
        outbox,  # OutboxRepository (attention())
        registrations,  # RegistrationService (get, amend) or None
        retry: Callable[[list[str]], None],
        parent=None,
    ):
        super().__init__(parent)
        self._outbox, self._registrations, self._retry = outbox, registrations, retry
        self.setWindowTitle(self.tr("Sign-ups that need attention"))
        self.resize(900, 420)
        self.rows: list[tuple] = []
        self.edit_dialog: dialogs.EditRegistrationDialog | None = None
        self.intro = QLabel(
            self.tr(
                "The hub refused these changes. They stay here and are never dropped: fix the sign-up and retry, or retry as it is."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("attention_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Saved"), self.tr("Name"), self.tr("Phone"), self.tr("Job"),
             self.tr("Change"), self.tr("Reason")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#ff8a80;")
        self.problem.setVisible(False)
        self.fix_button = QPushButton(self.tr("Fix…"))
        self.fix_button.setObjectName("fix")
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retry")
        self.retry_all_button = QPushButton(self.tr("Retry all"))
        self.retry_all_button.setObjectName("retry_all")
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for button in (self.fix_button, self.retry_button, self.retry_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.fix_button.clicked.connect(self.fix_selected)
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_all_button.clicked.connect(self.retry_all)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._loading = False
        self._update_buttons()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        outbox, registrations = self._outbox, self._registrations
        tasks.run(partial(_read, outbox, registrations), self._on_read, self._on_failed)

    def _on_read(self, rows: list[tuple]) -> None:
        self._loading = False
        selected = set(self.selected_event_ids())
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, (event, reg) in enumerate(rows):
            cells = (
                dialogs.local_time(event.created_at),
                mask_name(reg.name) if reg and reg.name else "",
                mask_phone(reg.phone) if reg and reg.phone else "",
                (reg.job_title or reg.job_code) if reg else "",
                self.change_text(event.event_type),
                messages.sync_attention_reason(event.reason),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, event.event_id)
                if column == 5:
                    item.setToolTip(text)
                self.table.setItem(i, column, item)
            if event.event_id in selected:
                self.table.selectRow(i)
        self.table.resizeColumnsToContents()
        self._update_buttons()
        self.loaded.emit(len(rows))

    def _on_failed(self, exc: Exception) -> None:
        self._loading = False
        self.show_problem(dialogs.problem_text(exc))

    def change_text(self, event_type: str) -> str:
        return {
            "create": self.tr("New sign-up"),
            "amend": self.tr("Edit"),
            "withdraw": self.tr("Withdrawal"),
            "air_start": self.tr("Job put on air"),  # the on-air timeline, not a sign-up
            "air_end": self.tr("Job taken off air"),
            "show_start": self.tr("Show went live"),  # the show's room and host, for reports
            "show_end": self.tr("Show ended"),
        }.get(event_type, event_type)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # -- acting ----------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_event_ids(self) -> list[str]:
        return [self.rows[r][0].event_id for r in self.selected_rows() if r < len(self.rows)]

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        self.retry_button.setEnabled(bool(rows))
        self.retry_all_button.setEnabled(bool(self.rows))
        fixable = (
            len(rows) == 1
            and self._registrations is not None
            and self.rows[rows[0]][1] is not None
            and self.rows[rows[0]][1].erased_at is None
            and str(self.rows[rows[0]][1].status) != "withdrawn"
        )
        self.fix_button.setEnabled(fixable)

    def retry_selected(self) -> None:
        self._send_retry(self.selected_event_ids())

    def retry_all(self) -> None:
        self._send_retry([event.event_id for event, _reg in self.rows])

    def _send_retry(self, event_ids: list[str]) -> None:
        if not event_ids:
            return
        self._retry(event_ids)
        # Off the list at once; the next reload (on the worker's next status) shows the truth.
        gone = set(event_ids)
        self._on_read([row for row in self.rows if row[0].event_id not in gone])
        self.retried.emit(event_ids)

    def fix_selected(self) -> dialogs.EditRegistrationDialog | None:
        """The edit form for the selected sign-up; once saved, its refused changes are retried."""
        rows = self.selected_rows()
        if len(rows) != 1 or self._registrations is None:
            return None
        reg = self.rows[rows[0]][1]
        if reg is None:
            return None
        service = self._registrations
        stuck = [event.event_id for event, r in self.rows if r is not None and r.id == reg.id]
        dialog = dialogs.EditRegistrationDialog(reg, self)
        self.edit_dialog = dialog

        def on_submitted(changes: dict, override: bool = False) -> None:
            tasks.run_serial(
                lambda: service.amend(reg.id, changes, override_phone_warning=override),
                on_done, partial(on_failed, changes),
            )  # fmt: skip

        def on_done(_updated) -> None:
            dialog.accept()
            self._send_retry(stuck)

        def on_failed(changes: dict, exc: Exception) -> None:
            if isinstance(exc, PhoneWarningNotConfirmed):
                masked = dialogs.masked_phone_typed(changes.get("phone", ""))
                if dialogs.confirm_phone_warning(dialog, masked):
                    on_submitted(changes, True)
                    return
            field = getattr(exc, "field", "")
            dialog.show_problem(
                dialogs.problem_text(exc), "age" if field == "birth_year" else field
            )

        dialog.submitted.connect(on_submitted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
