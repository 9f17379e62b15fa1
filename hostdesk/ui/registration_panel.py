"""The quick-entry form for sign-ups (keyboard only, Enter saves) and its crash-safe draft.

Stream-safe: after a save only the masked name and phone are shown. The draft of what is
being typed is kept in an owner-only file so a crash loses nothing; it holds personal
data, so a save replaces it with the remembered job and source only.
"""

from __future__ import annotations

import itertools
import json
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hostdesk import messages
from hostdesk.core.jobs import Job
from hostdesk.core.phone import mask_phone
from hostdesk.core.registrations import (
    ConsentMethod,
    DuplicateRegistration,
    PhoneWarningNotConfirmed,
    Registration,
    RegistrationDraft,
    RegistrationError,
    Source,
)
from hostdesk.fileio import atomic_write_bytes
from hostdesk.private_files import FILE_MODE, private_dir
from hostdesk.ui import registration_dialogs as dialogs
from hostdesk.ui import tasks
from hostdesk.ui.job_choices import JobChoiceModel
from hostdesk.ui.registrations_list import RegistrationsList

DRAFT_DELAY_MS = 300
# Personal fields: the ones a save clears (and the draft file then no longer holds).
PERSONAL = ("name", "phone", "age", "current_city", "expected_city", "note")
# What an assistant types in; QR and import sign-ups arrive from elsewhere.
FORM_SOURCES = (Source.PHONE, Source.COMMENT, Source.DM, Source.WALK_IN)
# How consent is usually given for each source (the assistant may change it).
DEFAULT_CONSENT = {
    Source.PHONE: ConsentMethod.VERBAL, Source.COMMENT: ConsentMethod.VERBAL,
    Source.DM: ConsentMethod.VERBAL, Source.WALK_IN: ConsentMethod.WRITTEN,
}  # fmt: skip


def draft_path(data_dir: Path) -> Path:
    return data_dir / "drafts" / "registration.json"


def write_draft(path: Path, content: dict) -> None:
    """Atomically, readable by the owner only (on a worker: it fsyncs)."""
    private_dir(path.parent)  # also tightens a drafts folder an older version left open
    data = json.dumps(content, ensure_ascii=False).encode("utf-8")
    atomic_write_bytes(path, data, mode=FILE_MODE)


def read_draft(path: Path) -> dict:
    """The saved draft, or {} when there is none or it is unreadable (a draft is a convenience)."""
    try:
        content = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return content if isinstance(content, dict) else {}


class RegistrationForm(QWidget):
    saved = Signal(object)  # the committed Registration
    failed = Signal(str)  # a message for the status bar

    def __init__(self, service=None, data_dir: Path | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("registration_form")
        self._service = service
        self._draft_file = draft_path(data_dir) if data_dir else None
        self._busy = False
        self._restoring = False
        self._on_air = ""
        self._job_chosen = False  # the assistant picked the job: the on-air job no longer moves it
        self._pending_job = ""  # from the draft, until the catalogue arrives
        # Confirmations, replaceable in tests: (earlier records) -> bool, (masked phone) -> bool.
        self.confirm_duplicate = partial(dialogs.confirm_duplicate, self)
        self.confirm_phone_warning = partial(dialogs.confirm_phone_warning, self)

        self.fields: dict[str, QLineEdit] = {}
        for name, limit in (("name", 20), ("phone", 40), ("age", 8), ("current_city", 20),
                            ("expected_city", 20), ("note", 500)):  # fmt: skip
            edit = QLineEdit()
            edit.setObjectName(f"reg_{name}")
            edit.setMaxLength(limit * 4)  # room for pasted junk: the message says what is wrong
            self.fields[name] = edit
        self.fields["phone"].setPlaceholderText(self.tr("11-digit mobile"))
        self.fields["age"].setPlaceholderText(self.tr("35 or 1990"))
        self.fields["age"].setMinimumWidth(90)
        self.fields["note"].setPlaceholderText(self.tr("Optional"))
        self.job = QComboBox()
        self.job.setObjectName("reg_job")
        self.job_choices = JobChoiceModel(self.job)
        self.job.setModel(self.job_choices)
        self.source = QComboBox()
        self.source.setObjectName("reg_source")
        for source in FORM_SOURCES:
            self.source.addItem(messages.source_label(source.value), source.value)
        self.consent = QComboBox()
        self.consent.setObjectName("reg_consent")
        for method in ConsentMethod:
            self.consent.addItem(messages.consent_label(method.value), method.value)
        self.save_button = QPushButton(self.tr("Save (Enter)"))
        self.save_button.setObjectName("reg_save")
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        self.problem = QLabel()
        self.problem.setObjectName("reg_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#ff8a80;")
        self.status = QLabel()
        self.status.setObjectName("reg_status")
        self._build_layout()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._on_draft_timer_timeout)
        self._connect()
        self.setEnabled(service is not None)
        if self._draft_file is not None:
            tasks.run(partial(read_draft, self._draft_file), self._on_draft_read)

    def _build_layout(self) -> None:
        f, grid = self.fields, QGridLayout()
        rows = (
            ((self.tr("Name"), f["name"]), (self.tr("Phone"), f["phone"]),
             (self.tr("Age"), f["age"])),
            ((self.tr("Job"), self.job),),
            ((self.tr("Source"), self.source), (self.tr("Consent"), self.consent)),
            ((self.tr("Lives in"), f["current_city"]), (self.tr("Wants to work in"), f["expected_city"])),
            ((self.tr("Note"), f["note"]),),
        )  # fmt: skip
        for row, cells in enumerate(rows):
            for column, (text, widget) in enumerate(cells):
                label = QLabel(text)
                label.setBuddy(widget)
                span = 5 if len(cells) == 1 else (3 if len(cells) == 2 and column == 1 else 1)
                grid.addWidget(label, row, column * 2)
                grid.addWidget(widget, row, column * 2 + 1, 1, span)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 3)
        grid.setColumnStretch(5, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)
        self.problem.setVisible(False)
        order = [f["name"], f["phone"], f["age"], self.job, self.source, self.consent,
                 f["current_city"], f["expected_city"], f["note"]]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        for edit in self.fields.values():
            edit.textEdited.connect(self._on_field_edited)
        self.job.activated.connect(self._on_job_activated)
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.consent.currentIndexChanged.connect(self._on_field_edited)
        self.save_button.clicked.connect(self.submit)

    # -- what the console tells the form -------------------------------------------------

    def set_jobs(self, jobs: list[Job]) -> None:
        """Open jobs to sign up for; the current choice is kept when it is still open."""
        current = self.job.currentData() or self._pending_job
        self.job.blockSignals(True)
        # The first row: nothing on air, no job is guessed.
        self.job_choices.set_jobs(self.tr("Choose a job"), jobs)
        self.job.blockSignals(False)
        if self._pending_job and self.job_choices.row_of(self._pending_job) >= 0:
            self._job_chosen = True
        self._pending_job = ""
        self._select_job(current if self._job_chosen else self._on_air or current)

    def set_on_air(self, code: str) -> None:
        """The job on air is the default, unless this entry's job was picked by hand."""
        self._on_air = code
        if code and not self._job_chosen and not self.has_personal_data():
            self._select_job(code)

    def restore_on_air(self, code: str) -> None:
        """Reopened mid-show with `code` put back on air: the form's job is it, even under a
        restored unsaved entry, unless that entry's job was picked by hand."""
        self._on_air = code
        if code and not self._job_chosen:
            self._select_job(code)

    def _select_job(self, code: str) -> None:
        index = self.job_choices.row_of(code)
        if index >= 0:
            self.job.setCurrentIndex(index)

    def focus_first(self) -> None:
        self.fields["name"].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.fields["name"].selectAll()

    def has_personal_data(self) -> bool:
        return any(self.fields[name].text() for name in PERSONAL)

    # -- saving --------------------------------------------------------------------------

    def draft(self) -> RegistrationDraft:
        """What is typed, as a draft; raises dialogs.AgeError for an age that is no number."""
        f = {name: edit.text() for name, edit in self.fields.items()}
        age, birth_year = dialogs.parse_age(f["age"])
        return RegistrationDraft(
            job_code=self.job.currentData() or "", name=f["name"], phone=f["phone"], age=age,
            birth_year=birth_year, current_city=f["current_city"],
            expected_city=f["expected_city"], note=f["note"],
            source=Source(self.source.currentData()),
            consent_method=ConsentMethod(self.consent.currentData()),
        )  # fmt: skip

    def submit(self) -> None:
        """Enter: check, confirm what needs confirming, save; "saved" only after the commit."""
        if self._busy or self._service is None:
            return
        self.show_problem("")
        try:
            draft = self.draft()
        except dialogs.AgeError:
            self.show_problem(dialogs.age_problem(), "age")
            return
        self._set_busy(True)
        service = self._service
        tasks.run_serial(lambda: service.check(draft), partial(self._on_checked, draft),
                         self._on_save_failed)  # fmt: skip

    def _on_checked(self, draft: RegistrationDraft, check) -> None:
        phone = mask_phone(check.clean.get("phone", ""))
        if check.duplicates and not self.confirm_duplicate(check.duplicates):
            self._set_busy(False)
            self.show_problem(self.tr("Not saved: this phone is already signed up for this job."))
            return
        unassigned = "phone_unassigned" in check.warnings
        if unassigned and not self.confirm_phone_warning(phone):
            self._set_busy(False)
            self.show_problem(messages.registration_warning("phone_unassigned"), "phone")
            return
        warnings = [w for w in check.warnings if w != "phone_unassigned"]
        service, duplicate = self._service, bool(check.duplicates)
        tasks.run_serial(
            lambda: service.save(draft, confirm_duplicate=duplicate,
                                 override_phone_warning=unassigned),
            partial(self._on_saved, warnings), self._on_save_failed,
        )  # fmt: skip

    def _on_saved(self, warnings: list[str], reg: Registration) -> None:
        self._set_busy(False)
        text = dialogs.masked_saved(reg)
        if warnings:
            text += " · " + " · ".join(messages.registration_warning(w) for w in warnings)
        self.status.setText(text)
        self.clear()
        self.focus_first()
        self.saved.emit(reg)

    def _on_save_failed(self, exc: Exception) -> None:
        """Nothing was saved: the typing stays, and the message says why and where."""
        self._set_busy(False)
        if isinstance(exc, DuplicateRegistration | PhoneWarningNotConfirmed):
            self.submit()  # a record arrived between the check and the save: ask again
            return
        field = getattr(exc, "field", "") if isinstance(exc, RegistrationError) else ""
        field = {"birth_year": "age", "job_code": "job", "consent_method": "consent"}.get(
            field, field
        )
        self.show_problem(dialogs.problem_text(exc), field)

    def show_problem(self, text: str, field: str = "") -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        widget = self.fields.get(field) or {"job": self.job, "source": self.source,
                                            "consent": self.consent}.get(field)  # fmt: skip
        for edit in self.fields.values():
            edit.setStyleSheet("")
        if widget is not None:
            if isinstance(widget, QLineEdit):
                widget.setStyleSheet("border:1px solid #ff5252;")
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if text:
            self.status.setText("")

    def clear(self) -> None:
        """Empty the personal fields; the job, source and consent stay for the next caller."""
        for name in PERSONAL:
            self.fields[name].clear()
        self._job_chosen = False
        if self._on_air:
            self._select_job(self._on_air)
        self._draft_timer.stop()
        self._store_draft()  # the draft file keeps no personal data past a save

    def _set_busy(self, busy: bool) -> None:
        # Typing during the save would be wiped by the clear that follows it.
        self._busy = busy
        for edit in self.fields.values():
            edit.setReadOnly(busy)

    # -- the draft -----------------------------------------------------------------------

    def draft_content(self) -> dict:
        content = {name: self.fields[name].text() for name in PERSONAL}
        content.update(job_code=self.job.currentData() or "", source=self.source.currentData(),
                       consent=self.consent.currentData(), job_chosen=self._job_chosen)  # fmt: skip
        return {k: v for k, v in content.items() if v != ""}

    def _on_field_edited(self, *_args) -> None:
        if not self._restoring and self._draft_file is not None:
            self._draft_timer.start()

    def _on_draft_timer_timeout(self) -> None:
        self._store_draft()

    def _store_draft(self) -> None:
        path = self._draft_file
        if path is None:
            return
        content = self.draft_content()
        # The writer lane keeps writes in order: an old draft never lands after a newer one.
        tasks.run_serial(lambda: write_draft(path, content), lambda _r: None,
                         self._on_draft_failed)  # fmt: skip

    def _on_draft_failed(self, exc: Exception) -> None:
        self.failed.emit(self.tr("The draft could not be kept: {reason}").format(
            reason=messages.error_text(exc)))  # fmt: skip

    def _on_draft_read(self, content: dict) -> None:
        if not content or self.has_personal_data():
            return
        self._restoring = True
        try:
            for name in PERSONAL:
                if isinstance(content.get(name), str):
                    self.fields[name].setText(content[name])
            index = self.source.findData(content.get("source"))
            if index >= 0:
                self.source.setCurrentIndex(index)
            index = self.consent.findData(content.get("consent"))
            if index >= 0:
                self.consent.setCurrentIndex(index)
            code = content.get("job_code", "")
            if content.get("job_chosen") and isinstance(code, str):
                if self.job_choices.row_of(code) >= 0:
                    self._select_job(code)
                    self._job_chosen = True
                else:
                    self._pending_job = code  # the catalogue is not loaded yet
        finally:
            self._restoring = False

    # -- slots ---------------------------------------------------------------------------

    def _on_job_activated(self, _index: int) -> None:
        self._job_chosen = True
        self._on_field_edited()

    def _on_source_changed(self, _index: int) -> None:
        if not self._restoring:
            consent = DEFAULT_CONSENT.get(Source(self.source.currentData()))
            index = self.consent.findData(consent.value if consent else None)
            if index >= 0:
                self.consent.setCurrentIndex(index)
        self._on_field_edited()


class RegistrationPanel(QWidget):
    """The 报名登记 tab: the quick-entry form on top, the recent sign-ups below."""

    failed = Signal(str)

    def __init__(self, service=None, data_dir: Path | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("registration_panel")
        self.form = RegistrationForm(service, data_dir, self)
        self.recent = RegistrationsList(service, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.recent, 1)
        self.form.saved.connect(self.recent.on_saved)
        self.form.failed.connect(self.failed)
        self.recent.failed.connect(self.failed)

    def owns_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus)

    def set_jobs(self, jobs: list[Job]) -> None:
        self.form.set_jobs(jobs)
        self.recent.set_jobs(jobs)

    def set_on_air(self, code: str) -> None:
        self.form.set_on_air(code)

    def restore_on_air(self, code: str) -> None:
        self.form.restore_on_air(code)

    def set_session(self, session_id: str) -> None:
        self.recent.set_session(session_id)
