"""Dialogs of the registration desk: duplicate, phone and withdraw confirmations, and the edit form.

Everything shown here is masked (张**, 138****5678): the console may be captured by OBS.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hostdesk import messages
from hostdesk.core.phone import PhoneError, mask_name, mask_phone, normalize_phone
from hostdesk.core.registrations import (
    ConsentMethod,
    PhoneWarningNotConfirmed,
    Registration,
    RegistrationError,
    RegistrationNotFound,
    RegistrationStoreError,
    RegQuery,
    Source,
)
from hostdesk.ui import tasks

# Called by this name with literal strings so that lupdate finds them (a wrapper taking
# only the text hid every string of this module from the translation files).
translate = QCoreApplication.translate

REGISTRATION_ERRORS = (
    RegistrationError, PhoneWarningNotConfirmed, RegistrationNotFound, RegistrationStoreError,
)  # fmt: skip


def local_time(moment) -> str:
    """A stored (UTC) time as the assistant's wall clock, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def masked_line(reg: Registration) -> str:
    """One earlier record, safe for the screen: time, masked name and phone, job, source."""
    return "{time}  {name}  {phone}  {job}  {source}".format(
        time=local_time(reg.created_at), name=mask_name(reg.name) if reg.name else "",
        phone=mask_phone(reg.phone) if reg.phone else "", job=reg.job_title or reg.job_code,
        source=messages.source_label(str(reg.source)),
    )  # fmt: skip


def problem_text(exc: BaseException) -> str:
    """A worker's error as one sentence: the registration reasons, else the generic ones."""
    if isinstance(exc, REGISTRATION_ERRORS):
        return messages.registration_problem(exc)
    return messages.error_text(exc)


def _ask(
    parent: QWidget | None, title: str, text: str, detail: str, yes: str, no: str = ""
) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setInformativeText(detail)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(
        no or translate("RegistrationDialogs", "Don't save"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)  # an Enter typed ahead must not confirm by accident
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def confirm_duplicate(parent: QWidget | None, earlier: list[Registration]) -> bool:
    """The same phone is already signed up for this job: save a second record anyway?"""
    return _ask(
        parent,
        translate("RegistrationDialogs", "Already signed up"),
        translate("RegistrationDialogs", "This phone number is already signed up for this job:"),
        "\n".join(masked_line(reg) for reg in earlier[:5]),
        translate("RegistrationDialogs", "Save again"),
    )


def confirm_phone_warning(parent: QWidget | None, masked_phone: str) -> bool:
    """The number looks right but is in no assigned range: the assistant may override."""
    return _ask(
        parent,
        translate("RegistrationDialogs", "Check the phone number"),
        translate(
            "RegistrationDialogs",
            "{phone} is not a number in use in mainland China as far as HostDesk knows.",
        ).format(phone=masked_phone),
        translate(
            "RegistrationDialogs",
            "Read it back to the caller. Save it anyway if it is right; the override is recorded.",
        ),
        translate("RegistrationDialogs", "Save anyway"),
    )


def confirm_withdraw(parent: QWidget | None, reg: Registration) -> bool:
    return _ask(
        parent,
        translate("RegistrationDialogs", "Withdraw the sign-up"),
        translate(
            "RegistrationDialogs", "Withdraw this sign-up? It stays in the list as withdrawn."
        ),
        masked_line(reg),
        translate("RegistrationDialogs", "Withdraw"),
        translate("RegistrationDialogs", "Keep it"),
    )


# The fields the edit dialog offers, in the order of the quick-entry form.
TEXT_FIELDS = ("name", "phone", "age", "current_city", "expected_city", "note")


class EditRegistrationDialog(QDialog):
    """Change a sign-up; every change is recorded as an event (the record is never overwritten).

    Name and phone stay masked: their boxes start empty, and typing one replaces it.
    """

    submitted = Signal(dict)  # the changed fields, by the draft's names

    def __init__(self, reg: Registration, parent=None):
        super().__init__(parent)
        self.reg = reg
        self.setWindowTitle(self.tr("Edit the sign-up"))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "name": self.tr("Name"), "phone": self.tr("Phone"),
            "age": self.tr("Age or year of birth"), "current_city": self.tr("Lives in"),
            "expected_city": self.tr("Wants to work in"), "note": self.tr("Note"),
        }  # fmt: skip
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"edit_{name}")
            self.fields[name] = edit
            form.addRow(labels[name], edit)
        self.fields["name"].setPlaceholderText(
            self.tr("{masked} (type to replace)").format(
                masked=mask_name(reg.name) if reg.name else ""
            )
        )
        self.fields["phone"].setPlaceholderText(
            self.tr("{masked} (type to replace)").format(
                masked=mask_phone(reg.phone) if reg.phone else ""
            )
        )
        self.fields["age"].setText(str(reg.age or reg.birth_year or ""))
        self.fields["current_city"].setText(reg.current_city)
        self.fields["expected_city"].setText(reg.expected_city)
        self.fields["note"].setText(reg.note)
        self.source = QComboBox()
        self.source.setObjectName("edit_source")
        for source in Source:
            self.source.addItem(messages.source_label(source.value), source.value)
        self.source.setCurrentIndex(max(0, self.source.findData(str(reg.source))))
        self.consent = QComboBox()
        self.consent.setObjectName("edit_consent")
        for method in ConsentMethod:
            self.consent.addItem(messages.consent_label(method.value), method.value)
        self.consent.setCurrentIndex(max(0, self.consent.findData(str(reg.consent_method))))
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Consent"), self.consent)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#ff8a80;")
        self.problem.setVisible(False)
        buttons = QDialogButtonBox()
        # Qt's own button texts are not translated in the app: ours are.
        buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def changes(self) -> dict:
        """The fields that differ from the record; raises ValueError(field) for a bad age."""
        reg, text = self.reg, {k: w.text().strip() for k, w in self.fields.items()}
        changes: dict = {}
        for name in ("name", "phone"):
            if text[name]:
                changes[name] = text[name]
        age, birth_year = parse_age(text["age"])
        if (age, birth_year) != (reg.age, reg.birth_year) and (age or birth_year):
            changes.update(age=age, birth_year=birth_year)
        for name in ("current_city", "expected_city", "note"):
            if self.fields[name].text() != getattr(reg, name):
                changes[name] = self.fields[name].text()
        if self.source.currentData() != str(reg.source):
            changes["source"] = Source(self.source.currentData())
        if self.consent.currentData() != str(reg.consent_method):
            changes["consent_method"] = ConsentMethod(self.consent.currentData())
        return changes

    def show_problem(self, text: str, field: str = "") -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()

    def _on_buttons_accepted(self) -> None:
        try:
            changes = self.changes()
        except AgeError:
            self.show_problem(age_problem(), "age")
            return
        if not changes:
            self.reject()
            return
        self.show_problem("")
        self.submitted.emit(changes)  # the list saves it and closes the dialog when committed


class AgeError(ValueError):
    """The age box holds neither an age nor a year of birth (no personal data in the text)."""


def parse_age(text: str) -> tuple[int | None, int | None]:
    """(age, birth_year) from what was typed: "35" is an age, "1990" a year of birth."""
    text = unicodedata.normalize("NFKC", text).strip().removesuffix("岁").removesuffix("年")
    if not text:
        return None, None
    if not text.isdigit() or len(text) > 4:
        raise AgeError("age")
    value = int(text)
    return (None, value) if len(text) == 4 else (value, None)


def age_problem() -> str:
    return translate(
        "RegistrationDialogs", "type the age (such as 35) or the year of birth (such as 1990)"
    )


def masked_phone_typed(text: str) -> str:
    """A typed number, masked; one that does not even normalise is masked whole."""
    try:
        return mask_phone(normalize_phone(text))
    except PhoneError:
        return "*" * len(text.strip())


def masked_saved(reg: Registration) -> str:
    return translate("RegistrationDialogs", "Saved {name} {phone}").format(
        name=mask_name(reg.name), phone=mask_phone(reg.phone)
    )


def _breakable(path: str) -> str:
    """A long path wraps at its folder separators (a zero-width space after each)."""
    return path.replace("/", "/\u200b").replace("\\", "\\\u200b")


class RegistrationExportDialog(QDialog):
    """Export what the list's filters match to .xlsx or .csv, masked unless unticked."""

    exported = Signal(int, str)  # rows written, the file

    def __init__(self, service, query: RegQuery, parent=None, *, sources=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export sign-ups"))
        self._service = service
        self._query = query
        self._handle: tasks.Handle | None = None
        self.path = QLineEdit(str(Path.home() / "sign-ups.xlsx"))
        self.path.setObjectName("export_path")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        self.masked = QCheckBox(self.tr("Mask names and phone numbers"))
        self.masked.setObjectName("export_masked")
        self.masked.setChecked(True)  # the safe choice unless someone decides otherwise
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result = QLabel()
        self.result.setObjectName("export_result")
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self._on_buttons_rejected)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The sign-ups the list's filters match go to this file:")))
        layout.addLayout(where)
        layout.addWidget(self.masked)
        # For an employer (issue 14 item 4): the hub's rule, a show and an employer to pick.
        self.employer = None
        if sources is not None:
            from hostdesk.ui.employer_export_form import EmployerExportForm

            self.employer = EmployerExportForm(sources, self)
            self.employer.tick.toggled.connect(lambda on: self.masked.setEnabled(not on))
            layout.addWidget(self.employer)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        from hostdesk.sheets.registrations_export import export_steps  # on first export only

        path = Path(self.path.text().strip())
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        service, query, masked = self._service, self._query, self.masked.isChecked()
        if self.employer is not None and self.employer.for_employer():
            from hostdesk.sheets.employer_export import employer_export_steps

            query, codes = self.employer.choice(query)

            def steps():
                return employer_export_steps(service, query, path, job_codes=codes)
        else:

            def steps():
                return export_steps(service, query, path, masked=masked)

        self.export_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self._show_result("")
        self._handle = tasks.run_steps(
            steps,
            self._on_export_progress, lambda count: self._on_export_done(path, count),
            self._on_export_failed,
        )  # fmt: skip

    def _on_export_progress(self, progress) -> None:
        done, total = progress
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_export_done(self, path: Path, count: int) -> None:
        self._handle = None
        self.export_button.setEnabled(True)
        self._show_result(
            self.tr("{count} sign-ups exported to {file}").format(
                count=count, file=_breakable(str(path))
            )
        )
        self.exported.emit(count, str(path))

    def _on_export_failed(self, exc: Exception) -> None:
        self._handle = None
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        if isinstance(exc, tasks.Cancelled):
            self._show_result(self.tr("Export cancelled: no file was written"))
        elif type(exc).__name__ == "SheetError":
            self._show_result(messages.sheet_error(exc))
        else:
            self._show_result(problem_text(exc))

    def _show_result(self, text: str) -> None:
        """Show the whole result: the dialog grows to the wrapped text's height."""
        self.result.setText(text)
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(width, needed)

    def _on_browse_clicked(self) -> None:
        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export sign-ups"), self.path.text(), f"{xlsx};;{csv}"
        )
        if name:
            path = Path(name)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_name(path.name + (".csv" if chosen == csv else ".xlsx"))
            self.path.setText(str(path))

    def _on_buttons_rejected(self) -> None:
        if self._handle is not None:
            self._handle.cancel()  # the file appears whole or not at all
        self.reject()
