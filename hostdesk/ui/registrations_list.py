"""The recent sign-ups: a masked table with search, filters and paging; reveal, edit, withdraw.

Queries run on a worker (debounced as the assistant types); a stale answer is dropped.
Names and phones are masked; "reveal" unmasks one row until the selection moves or
REVEAL_MS pass.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hostdesk import messages
from hostdesk.core.jobs import Job
from hostdesk.core.phone import mask_name, mask_phone
from hostdesk.core.registrations import (
    PhoneWarningNotConfirmed,
    Registration,
    RegQuery,
    Source,
)
from hostdesk.ui import registration_dialogs as dialogs
from hostdesk.ui import tasks
from hostdesk.ui.job_choices import JobChoiceModel

PAGE = 100
SEARCH_DELAY_MS = 250
REVEAL_MS = 10_000


class RegistrationTableModel(QAbstractTableModel):
    RegRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Registration] = []
        self.revealed_id = ""
        self._headers = [self.tr("Time"), self.tr("Name"), self.tr("Phone"), self.tr("Job"),
                         self.tr("Source"), self.tr("Status"), self.tr("Sync")]  # fmt: skip

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        reg = self.rows[index.row()]
        if role == self.RegRole:
            return reg
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(reg, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and str(reg.status) == "withdrawn":
            return Qt.GlobalColor.gray
        return None  # no tooltips: a tooltip over a name would unmask it on stream

    def _text(self, reg: Registration, column: int) -> str:
        shown = reg.id == self.revealed_id
        if column == 0:
            return _when(reg.created_at)
        if column == 1:
            return reg.name if shown else mask_name(reg.name)
        if column == 2:
            return reg.phone if shown else mask_phone(reg.phone)
        if column == 3:
            return reg.job_title or reg.job_code
        if column == 4:
            return messages.source_label(str(reg.source))
        if column == 5:
            return messages.reg_status_label(reg.status)
        return messages.sync_state_label(reg.sync_state)

    def set_rows(self, rows: list[Registration], *, append: bool = False) -> None:
        self.beginResetModel()
        self.rows = self.rows + rows if append else list(rows)
        self.revealed_id = ""
        self.endResetModel()

    def reveal(self, reg_id: str) -> None:
        self.revealed_id = reg_id
        self.dataChanged.emit(self.index(0, 1), self.index(max(0, len(self.rows) - 1), 2))

    def replace(self, reg: Registration) -> None:
        for row, old in enumerate(self.rows):
            if old.id == reg.id:
                self.rows[row] = reg
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()
    return local.strftime("%H:%M" if local.date() == datetime.now().date() else "%m-%d %H:%M")


class RegistrationsList(QWidget):
    failed = Signal(str)
    loaded = Signal(int)  # rows now shown, after each query answer
    changed = Signal(object)  # a Registration after an edit or a withdrawal

    def __init__(self, service=None, parent=None):
        super().__init__(parent)
        self.setObjectName("registrations_list")
        self._service = service
        self._session_id = ""
        self._generation = 0
        self.model = RegistrationTableModel(self)
        self.dialog: dialogs.EditRegistrationDialog | None = None
        self.export_dialog: dialogs.RegistrationExportDialog | None = None
        # (every show, every job) for the export's "for an employer" part; None: not offered.
        self.export_sources = None
        self._total = 0
        # Confirmations, replaceable in tests.
        self.confirm_withdraw = partial(dialogs.confirm_withdraw, self)
        self.confirm_phone_warning = partial(dialogs.confirm_phone_warning, self)

        self.search = QLineEdit()
        self.search.setObjectName("reg_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, phone digits, job or note"))
        self.session_filter = _combo("reg_session_filter", (
            (self.tr("This session"), "session"), (self.tr("All sessions"), "")))  # fmt: skip
        self.job_filter = _combo("reg_job_filter", ())
        self.job_choices = JobChoiceModel(self.job_filter)
        self.job_choices.set_jobs(self.tr("All jobs"), [], open_only=False)
        self.job_filter.setModel(self.job_choices)
        self.source_filter = _combo("reg_source_filter", [(self.tr("All sources"), "")] + [
            (messages.source_label(s.value), s.value) for s in Source])  # fmt: skip
        self.date_filter = _combo("reg_date_filter", (
            (self.tr("Today"), "today"), (self.tr("Last 7 days"), "7d"),
            (self.tr("Any date"), "")))  # fmt: skip

        self.table = QTableView()
        self.table.setObjectName("registrations_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((60, 70, 105, 120, 70, 60)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.reveal_button = QPushButton(self.tr("Reveal"))
        self.reveal_button.setObjectName("reg_reveal")
        self.reveal_button.setToolTip(self.tr("Show the selected row unmasked for 10 seconds"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("reg_export")
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setObjectName("reg_more")
        self.more_button.setVisible(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("reg_count")
        buttons = (
            self.more_button, self.reveal_button, self.edit_button, self.withdraw_button,
            self.export_button,
        )  # fmt: skip
        for button in buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        filters = QHBoxLayout()
        for combo in (self.session_filter, self.job_filter, self.source_filter, self.date_filter):
            filters.addWidget(combo, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        for button in buttons:
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(REVEAL_MS)
        self._reveal_timer.timeout.connect(self.hide_revealed)
        self._connect()
        self._update_buttons()

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_filters_changed)
        for combo in (self.session_filter, self.job_filter, self.source_filter, self.date_filter):
            combo.currentIndexChanged.connect(self._on_filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.more_button.clicked.connect(self.more)
        self.export_button.clicked.connect(self.open_export)
        self.model.modelReset.connect(self._update_buttons)

    # -- inputs from the console ---------------------------------------------------------

    def set_session(self, session_id: str) -> None:
        if session_id != self._session_id:
            self._session_id = session_id
            self.refresh()

    def set_jobs(self, jobs: list[Job]) -> None:
        current = self.job_filter.currentData()
        self.job_filter.blockSignals(True)
        self.job_choices.set_jobs(self.tr("All jobs"), jobs, open_only=False)
        self.job_filter.setCurrentIndex(max(0, self.job_choices.row_of(current)))
        self.job_filter.blockSignals(False)

    def on_saved(self, _reg: Registration) -> None:
        self.refresh()

    # -- querying ------------------------------------------------------------------------

    def query(self, offset: int = 0) -> RegQuery:
        since = None
        date = self.date_filter.currentData()
        if date:
            midnight = (
                datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
            )
            since = midnight if date == "today" else midnight - timedelta(days=6)
        session = self._session_id if self.session_filter.currentData() == "session" else ""
        if self.session_filter.currentData() == "session" and not session:
            session = "-"  # no session loaded yet: this session has nothing
        return RegQuery(
            text=self.search.text().strip(), session_id=session,
            job_code=self.job_filter.currentData() or "",
            source=self.source_filter.currentData() or "", since=since, limit=PAGE, offset=offset,
        )  # fmt: skip

    def refresh(self) -> None:
        """Run the query again from the top (on a worker; a newer query wins)."""
        self._search_timer.stop()
        self._fetch(self.query(), append=False)

    def more(self) -> None:
        self._fetch(self.query(offset=len(self.model.rows)), append=True)

    def _fetch(self, query: RegQuery, *, append: bool) -> None:
        service = self._service
        if service is None:
            return
        self._generation += 1
        generation = self._generation

        def work():
            rows = service.list(query)
            total = service.count(query) if query.offset == 0 else None
            return rows, total

        tasks.run(work, partial(self._on_fetched, generation, append), self._on_task_failed)

    def _on_fetched(self, generation: int, append: bool, result) -> None:
        if generation != self._generation:
            return  # the filters changed while this query ran
        rows, total = result
        if total is not None:
            self._total = total
        self.model.set_rows(rows, append=append)
        shown = len(self.model.rows)
        self._total = max(self._total, shown)
        self.more_button.setVisible(shown < self._total)
        self.count_label.setText(
            self.tr("{shown} of {total} sign-ups").format(shown=shown, total=self._total)
        )
        self.loaded.emit(shown)

    def _on_task_failed(self, exc: Exception) -> None:
        self.failed.emit(dialogs.problem_text(exc))

    # -- the selected row ----------------------------------------------------------------

    def selected(self) -> Registration | None:
        index = self.table.currentIndex()
        return self.model.data(index, RegistrationTableModel.RegRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 0))

    def reveal_selected(self) -> None:
        reg = self.selected()
        if reg is None:
            return
        self.model.reveal(reg.id)
        self._reveal_timer.start()

    def hide_revealed(self) -> None:
        self._reveal_timer.stop()
        if self.model.revealed_id:
            self.model.reveal("")

    def edit_selected(self) -> dialogs.EditRegistrationDialog | None:
        reg = self.selected()
        if reg is None or self._service is None:
            return None
        self.hide_revealed()
        dialog = dialogs.EditRegistrationDialog(reg, self)
        self.dialog = dialog
        service = self._service

        def on_done(updated: Registration) -> None:
            dialog.accept()
            self._on_changed(updated)

        def on_submitted(changes: dict, override: bool = False) -> None:
            tasks.run_serial(lambda: service.amend(reg.id, changes, override_phone_warning=override),
                             on_done, partial(on_failed, changes))  # fmt: skip

        def on_failed(changes: dict, exc: Exception) -> None:
            if isinstance(exc, PhoneWarningNotConfirmed):
                masked = dialogs.masked_phone_typed(changes.get("phone", ""))
                if self.confirm_phone_warning(masked):
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

    def withdraw_selected(self) -> None:
        reg = self.selected()
        if reg is None or self._service is None or str(reg.status) == "withdrawn":
            return
        self.hide_revealed()
        if not self.confirm_withdraw(reg):
            return
        service = self._service
        tasks.run_serial(lambda: service.withdraw(reg.id), self._on_changed, self._on_task_failed)

    def open_export(self) -> dialogs.RegistrationExportDialog | None:
        if self._service is None:
            return None
        dialog = dialogs.RegistrationExportDialog(
            self._service, self.query(), self, sources=self.export_sources
        )
        self.export_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _on_changed(self, reg: Registration) -> None:
        self.model.replace(reg)
        self.changed.emit(reg)
        self.refresh()  # an edit may move the row out of the filter

    # -- slots ---------------------------------------------------------------------------

    def _on_filters_changed(self, *_args) -> None:
        self._search_timer.start()

    def _on_table_current_changed(self, current: QModelIndex, _previous) -> None:
        reg = (
            self.model.data(current, RegistrationTableModel.RegRole) if current.isValid() else None
        )
        if reg is None or reg.id != self.model.revealed_id:
            self.hide_revealed()
        self._update_buttons()

    def _on_table_context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.reveal_button.text(), self.reveal_selected)
        menu.addAction(self.edit_button.text(), self.edit_selected)
        menu.addAction(self.withdraw_button.text(), self.withdraw_selected)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _update_buttons(self) -> None:
        reg = self.selected()
        for button in (self.reveal_button, self.edit_button):
            button.setEnabled(reg is not None)
        self.withdraw_button.setEnabled(reg is not None and str(reg.status) != "withdrawn")
        self.export_button.setEnabled(self._service is not None)


def _combo(name: str, items) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo
