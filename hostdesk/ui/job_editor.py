"""The job editor dialog: create, edit, duplicate or close a job, with a live card preview."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from enum import StrEnum

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hostdesk import messages
from hostdesk.core.age import format_age
from hostdesk.core.compliance import lint_job
from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.salary import format_pay
from hostdesk.render.card import render_card
from hostdesk.render.geometry import Canvas, Layout
from hostdesk.render.themes import DEFAULT_THEME
from hostdesk.services.catalogue import CatalogueService, JobSaveError
from hostdesk.ui import tasks
from hostdesk.ui.job_form import FormReading, generated_code, problem_text, read_form

PREVIEW_DELAY_MS = 150  # typing restarts the timer: one render per pause, not per key
ERROR_STYLE = "color:#c62828;"
VALUE_STYLE = "color:#5f6b7a;"
WARNING_STYLE = "color:#b26a00;"


class Mode(StrEnum):
    NEW = "new"
    EDIT = "edit"
    DUPLICATE = "duplicate"


class JobEditorDialog(QDialog):
    """One job's fields with immediate feedback; saves through the catalogue on a worker."""

    job_saved = Signal(str)  # the code, after SQLite committed
    preview_rendered = Signal()

    def __init__(
        self,
        catalogue: CatalogueService,
        *,
        mode: Mode | str = Mode.NEW,
        job: Job | None = None,
        layout: str | Layout = Layout.LANDSCAPE,
        theme: str = DEFAULT_THEME,
        canvas: Canvas = (1920, 1080),
        codes: Collection[str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.mode = Mode(mode)
        if self.mode is not Mode.NEW and job is None:
            raise ValueError(f"{self.mode.value} needs the job")
        self._catalogue = catalogue
        self._original = job
        self._look = (layout, theme, tuple(canvas))
        # Codes in use, to refuse a duplicate as it is typed; the save checks again anyway.
        self._codes: set[str] = set(codes or ())
        if job is not None:
            self._codes.add(job.code)
        self._save_attempted = False
        self._busy = False
        self._render_seq = 0
        self.preview_image: QImage | None = None
        self.saved_job: Job | None = None

        titles = {
            Mode.NEW: self.tr("New job"),
            Mode.EDIT: self.tr("Edit job {code}"),
            Mode.DUPLICATE: self.tr("Duplicate job {code}"),
        }
        self.setWindowTitle(titles[self.mode].format(code=job.code if job else ""))
        self._build()
        if job is not None:
            self._fill(job)
        self._connect()
        if codes is None and self.mode is not Mode.EDIT:
            # Read on a worker; until then a taken code is only refused by the save itself.
            self._run(catalogue.codes, self._on_codes_loaded, lambda _exc: None)
        self._on_form_changed()

    # -- the three ways in, for the main window ------------------------------------------

    @classmethod
    def create(cls, parent, catalogue, **look) -> JobEditorDialog:
        return cls(catalogue, mode=Mode.NEW, parent=parent, **look)

    @classmethod
    def edit(cls, parent, catalogue, job: Job, **look) -> JobEditorDialog:
        return cls(catalogue, mode=Mode.EDIT, job=job, parent=parent, **look)

    @classmethod
    def duplicate(cls, parent, catalogue, job: Job, **look) -> JobEditorDialog:
        return cls(catalogue, mode=Mode.DUPLICATE, job=job, parent=parent, **look)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        line = {name: QLineEdit() for name in (
            "code", "title", "company", "city", "pay", "benefits", "headcount", "age",
            "shift", "signup_url",
        )}  # fmt: skip
        self.fields: dict[str, QWidget] = dict(line)
        self.fields["requirements"] = QPlainTextEdit()
        self.fields["highlights"] = QPlainTextEdit()
        for name in ("requirements", "highlights"):
            self.fields[name].setTabChangesFocus(True)
            self.fields[name].setFixedHeight(56)
        self.fields["urgent"] = QCheckBox(messages.field_label("urgent"))
        status = QComboBox()
        for value in JobStatus:
            status.addItem(messages.status_label(value.value), value.value)
        self.fields["status"] = status
        for name, widget in self.fields.items():
            widget.setObjectName(name)

        line["code"].setReadOnly(self.mode is Mode.EDIT)
        line["pay"].setPlaceholderText(self.tr("e.g. 5000-6500元/月, 22元/小时 or 面议"))
        line["age"].setPlaceholderText(self.tr("e.g. 18-45岁, 45岁以下; empty means no limit"))
        line["benefits"].setPlaceholderText(self.tr("separate with 、 or commas: 包吃住、五险一金"))
        line["headcount"].setPlaceholderText(self.tr("a number, or leave empty"))

        # Feedback lines under the fields: a problem in red, or how the card will show it.
        self.notes = {name: QLabel() for name in ("code", "title", "pay", "age", "headcount")}
        for name, note in self.notes.items():
            note.setObjectName(f"{name}_note")
            note.setWordWrap(True)
            note.setVisible(False)

        form = QFormLayout()
        for name in ("code", "title", "company", "city", "pay", "age", "benefits", "headcount",
                     "shift", "requirements", "highlights", "signup_url"):  # fmt: skip
            label = messages.field_label(name)
            form.addRow(label, self.fields[name])
            if name in self.notes:
                form.addRow("", self.notes[name])
        form.addRow("", self.fields["urgent"])
        form.addRow(messages.field_label("status"), self.fields["status"])

        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)

        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 200)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        preview_box = QGroupBox(self.tr("Card preview (as shown on air)"))
        box_layout = QVBoxLayout(preview_box)
        box_layout.addWidget(self.preview, 1)
        warnings_box = QGroupBox(self.tr("Compliance warnings"))
        QVBoxLayout(warnings_box).addWidget(self.warnings)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_job_button = QPushButton(self.tr("Close job"))
        self.close_job_button.setToolTip(
            self.tr("Save this job as closed: it stays in the list but cannot go on air")
        )
        self.close_job_button.setVisible(
            self.mode is Mode.EDIT and self._original.status is not JobStatus.CLOSED
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_job_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        right = QVBoxLayout()
        right.addWidget(preview_box, 3)
        right.addWidget(warnings_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.error)
        outer.addLayout(buttons)
        self.resize(1100, 640)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)

    def _fill(self, job: Job) -> None:
        f = self.fields
        f["code"].setText(job.code if self.mode is Mode.EDIT else "")
        for name in ("title", "company", "city", "shift", "signup_url"):
            f[name].setText(getattr(job, name))
        f["pay"].setText(job.pay.text or format_pay(job.pay))
        f["age"].setText(_age_field(job))
        f["benefits"].setText("、".join(job.benefits))
        f["headcount"].setText("" if job.headcount is None else str(job.headcount))
        f["requirements"].setPlainText(job.requirements)
        f["highlights"].setPlainText(job.highlights)
        f["urgent"].setChecked(job.urgent)
        status = JobStatus.OPEN if self.mode is Mode.DUPLICATE else job.status
        f["status"].setCurrentIndex(f["status"].findData(status.value))

    def _connect(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self._on_form_changed)
        self.fields["urgent"].toggled.connect(self._on_form_changed)
        self.fields["status"].currentIndexChanged.connect(self._on_form_changed)
        self._preview_timer.timeout.connect(self._on_preview_timer_timeout)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.close_job_button.clicked.connect(self.close_job)

    # -- reading the fields --------------------------------------------------------------

    def _text(self, name: str) -> str:
        widget = self.fields[name]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def _values(self) -> dict[str, str]:
        return {name: self._text(name) for name in self.fields if name not in ("urgent", "status")}

    def generated_code(self) -> str:
        """The code a new job gets when the code field is left empty."""
        return generated_code(self._values(), self._codes)

    def _read(self) -> FormReading:
        reading = read_form(
            self._values(),
            urgent=self.fields["urgent"].isChecked(),
            status=JobStatus(self.fields["status"].currentData()),
            fixed_code=self._original.code if self.mode is Mode.EDIT else None,
            codes=self._codes,
        )
        original = self._original
        if original is not None and self._text("age").strip() == _age_field(original).strip():
            # Age untouched: keep the job's own text ("" for a job stored with a band only),
            # so an edit elsewhere does not change the age the hub and the export hold.
            job = replace(reading.job, age_text=original.age_text)
            reading = replace(reading, job=job)
        return reading

    # -- immediate feedback --------------------------------------------------------------

    def _set_note(self, name: str, text: str, *, problem: bool) -> None:
        note = self.notes[name]
        note.setText(text)
        note.setStyleSheet(ERROR_STYLE if problem else VALUE_STYLE)
        note.setProperty("problem", problem)
        note.setVisible(bool(text))

    def _on_form_changed(self, *_args) -> None:
        form = self._read()
        problems = form.problems
        if self.mode is not Mode.EDIT:
            self.fields["code"].setPlaceholderText(
                self.tr("generated: {code}").format(code=self.generated_code())
            )
        shown = self.tr("on the card: {value}")
        for name, value in (("pay", form.pay_shown), ("age", form.age_shown)):
            if name in problems:
                self._set_note(name, problems[name], problem=True)
            elif name == "age" and not self._text("age").strip():
                self._set_note(name, self.tr("no age limit"), problem=False)
            else:
                self._set_note(name, shown.format(value=value) if value else "", problem=False)
        for name in ("code", "headcount"):
            self._set_note(name, problems.get(name, ""), problem=name in problems)
        # An empty title is only an error once the user tried to save.
        title_problem = problems.get("title", "") if self._save_attempted else ""
        self._set_note("title", title_problem, problem=True)

        # A field that did not parse is reported above; its stand-in value must not also warn.
        hidden = {"pay"} if "pay" in problems else set()
        hidden |= {"age_min", "age_max"} if "age" in problems else set()
        warnings = lint_job(form.job, self._catalogue.wordlists)
        warnings = [w for w in warnings if w.field not in hidden]
        self.warnings.setText(
            "\n".join(f"• {messages.field_warning(w)}" for w in warnings) or self.tr("No warnings")
        )
        self._preview_timer.start()  # (re)start: the render waits for a pause in typing

    # -- preview -------------------------------------------------------------------------

    def _on_preview_timer_timeout(self) -> None:
        job = self._read().job
        if not job.title:  # a blank title row looks broken: show what goes there
            job = replace(job, title=messages.field_label("title"))
        layout, theme, canvas = self._look
        self._render_seq += 1
        seq = self._render_seq
        self._run(
            lambda: render_card(job, layout=layout, theme=theme, canvas=canvas),
            lambda image: self._on_preview_rendered(seq, image),
            lambda exc: self._on_preview_failed(seq, exc),
        )

    def _on_preview_rendered(self, seq: int, image: QImage) -> None:
        if seq != self._render_seq:  # an older render finishing late: a newer one is coming
            return
        self.preview_image = image
        self._show_preview()
        self.preview_rendered.emit()

    def _on_preview_failed(self, seq: int, exc: Exception) -> None:
        if seq == self._render_seq:
            self.preview.setText(self.tr("The preview failed: {detail}").format(detail=exc))

    def _show_preview(self) -> None:
        if self.preview_image is None:
            return
        size = self.preview.contentsRect().size()
        if size.isEmpty():  # not laid out yet (never shown): its minimum is still a good size
            size = self.preview.minimumSize()
        pixmap = QPixmap.fromImage(self.preview_image).scaled(
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_preview()

    # -- saving --------------------------------------------------------------------------

    def save(self) -> None:
        """Validate in place; if all is well, write on a worker and close once committed."""
        if self._busy:
            return
        self._save_attempted = True
        self._on_form_changed()
        form = self._read()
        if form.problems:
            order = ("title", "code", "pay", "age", "headcount")
            self.fields[next(n for n in order if n in form.problems)].setFocus()
            return
        self._write(form.job)

    def close_job(self) -> None:
        """Save the job as closed (with any edits made): it can no longer go on air."""
        status = self.fields["status"]
        status.setCurrentIndex(status.findData(JobStatus.CLOSED.value))
        self.save()

    def _write(self, job: Job) -> None:
        self._set_busy(True)
        self.error.setText(self.tr("Saving…"))
        self.error.setStyleSheet(VALUE_STYLE)
        self.error.setVisible(True)
        catalogue, new = self._catalogue, self.mode is not Mode.EDIT
        self._run(lambda: catalogue.save_job(job, new=new), self._on_saved, self._on_save_failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.save_button, self.close_job_button):
            button.setEnabled(not busy)

    def _on_saved(self, job: Job) -> None:
        self._set_busy(False)
        self.saved_job = job
        self.job_saved.emit(job.code)
        self.accept()

    def _on_save_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.error.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, JobSaveError):
            message = problem_text(exc.reason, exc.code)
            if exc.reason == "code_taken":
                self._codes.add(exc.code)  # saved elsewhere meanwhile: now the field says so
            if exc.reason in ("code_taken", "code_invalid", "title_missing"):
                self._on_form_changed()
                name = "title" if exc.reason == "title_missing" else "code"
                self._set_note(name, message, problem=True)
                self.error.setVisible(False)
                return
        else:
            message = self.tr("The job was not saved: {detail}").format(detail=exc)
        self.error.setText(message)
        self.error.setVisible(True)

    # -- plumbing ------------------------------------------------------------------------

    def _on_codes_loaded(self, codes: set[str]) -> None:
        self._codes |= codes
        self._on_form_changed()

    def _run(self, fn, on_done, on_error) -> None:
        """tasks.run, with callbacks skipped once Qt has deleted the dialog."""

        def alive(callback):
            return lambda value: callback(value) if shiboken6.isValid(self) else None

        tasks.run(fn, alive(on_done), alive(on_error))


def _age_field(job: Job) -> str:
    """The age as the editor shows it: as the sheet wrote it, else the band."""
    return job.age_text or format_age(job.age_min, job.age_max)
