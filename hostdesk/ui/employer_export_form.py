"""The sign-up export's "for an employer" part: the tick, the show (ended ones too) and the
employer; the sheet itself is hostdesk/sheets/employer_export.py (the hub's rule)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from hostdesk.core.jobs import Job
from hostdesk.core.registrations import RegQuery
from hostdesk.core.sessions import Session
from hostdesk.ui import tasks

# (every show, newest first or not; every job): read on a worker when the form opens.
ExportSources = tuple[Callable[[], list[Session]], Callable[[], list[Job]]]


def show_label(session: Session) -> str:
    start = session.started_at or session.created_at
    room = f"  {session.room}" if session.room else ""
    return f"{start.astimezone():%Y-%m-%d %H:%M}{room}"


class EmployerExportForm(QWidget):
    """Unticked: the agency's own sheet. Ticked: the employer's, for one show and employer."""

    loaded = Signal()  # the shows and employers are in the lists

    def __init__(self, sources: ExportSources, parent: QWidget | None = None):
        super().__init__(parent)
        self.tick = QCheckBox(self.tr("For an employer"))
        self.tick.setObjectName("export_for_employer")
        note = QLabel(
            self.tr(
                "Only the viewers who agreed to be passed to the employer, with their full name and number; no internal columns"
            )
        )  # fmt: skip
        note.setWordWrap(True)
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("export_show")
        self.show_combo.addItem(self.tr("As the list's filters"), "")
        self.company_combo = QComboBox()
        self.company_combo.setObjectName("export_company")
        self.company_combo.addItem(self.tr("Every employer"), "")
        self.choices = QWidget()
        form = QFormLayout(self.choices)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("", note)
        form.addRow(self.tr("Show"), self.show_combo)
        form.addRow(self.tr("Employer"), self.company_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tick)
        layout.addWidget(self.choices)
        self.choices.setEnabled(False)
        self.tick.toggled.connect(self.choices.setEnabled)
        self._jobs: list[Job] = []
        list_sessions, list_jobs = sources
        tasks.run(lambda: (list_sessions(), list_jobs()), self._on_sources_read, lambda _e: None)

    def _on_sources_read(self, result) -> None:
        if not shiboken6.isValid(self):
            return
        sessions, jobs = result
        self._jobs = jobs
        newest = sorted(sessions, key=lambda s: s.started_at or s.created_at, reverse=True)
        for session in newest:
            if session.started_at is not None:  # a show that never went live has no sign-ups
                self.show_combo.addItem(show_label(session), session.id)
        for company in sorted({job.company.strip() for job in jobs if job.company.strip()}):
            self.company_combo.addItem(company, company)
        self.loaded.emit()

    def for_employer(self) -> bool:
        return self.tick.isChecked()

    def choice(self, query: RegQuery) -> tuple[RegQuery, set[str] | None]:
        """The list's query, or the show picked, and the employer's job codes (None: every
        employer)."""
        show = self.show_combo.currentData()
        if show:  # that show's sign-ups, whatever the list's date or source filter says
            query = dataclasses.replace(RegQuery(), session_id=show)
        company = self.company_combo.currentData()
        if not company:
            return query, None
        return query, {job.code for job in self._jobs if job.company.strip() == company}
