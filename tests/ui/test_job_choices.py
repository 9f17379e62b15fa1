"""The sign-up form's job chooser and the list's job filter: one model each, set in one reset."""

from __future__ import annotations

from dataclasses import replace

from hostdesk.core.jobs import Job, JobStatus
from hostdesk.ui.registration_panel import RegistrationForm
from hostdesk.ui.registrations_list import RegistrationsList


def _jobs(n: int) -> list[Job]:
    base = Job(code="J0000", title="普工", company="某厂", city="苏州")
    statuses = (JobStatus.OPEN, JobStatus.PAUSED, JobStatus.CLOSED)
    return [
        replace(base, code=f"J{i:04d}", title=f"岗位{i}", status=statuses[i % 3]) for i in range(n)
    ]


def _entries(combo) -> list[tuple[str, str]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_the_form_offers_the_open_jobs_only_after_its_choose_row(qtbot):
    form = RegistrationForm()
    qtbot.addWidget(form)
    jobs = _jobs(9)
    form.set_jobs(jobs)
    entries = _entries(form.job)
    assert entries[0] == (form.tr("Choose a job"), "")
    assert entries[1:] == [(f"{j.code}  {j.title}", j.code) for j in jobs if j.status == "open"]
    assert form.job.currentData() == ""  # nothing on air: no job is guessed


def test_the_on_air_job_is_chosen_and_a_closed_one_cannot_be(qtbot):
    form = RegistrationForm()
    qtbot.addWidget(form)
    form.set_jobs(_jobs(9))
    form.set_on_air("J0003")
    assert form.job.currentData() == "J0003"
    form.set_on_air("J0004")  # paused: not a choice, the form keeps what it had
    assert form.job.currentData() == "J0003"
    assert form.job_choices.row_of("J0004") == -1


def test_a_reload_keeps_the_job_chosen_and_drops_one_that_closed(qtbot):
    form = RegistrationForm()
    qtbot.addWidget(form)
    jobs = _jobs(9)
    form.set_jobs(jobs)
    form.set_on_air("J0006")
    form.set_jobs(list(reversed(jobs)))  # another order: still found by its code
    assert form.job.currentData() == "J0006"
    assert form.job.currentText() == "J0006  岗位6"
    closed = [replace(j, status=JobStatus.CLOSED) if j.code == "J0006" else j for j in jobs]
    form.set_jobs(closed)
    assert form.job_choices.row_of("J0006") == -1
    assert "J0006" not in [data for _text, data in _entries(form.job)]


def test_the_list_filter_offers_every_job_and_keeps_its_choice(qtbot):
    recent = RegistrationsList()
    qtbot.addWidget(recent)
    assert _entries(recent.job_filter) == [(recent.tr("All jobs"), "")]
    jobs = _jobs(5000)
    recent.set_jobs(jobs)
    assert recent.job_filter.count() == 5001  # closed and paused jobs still have sign-ups
    recent.job_filter.setCurrentIndex(recent.job_choices.row_of("J4999"))
    recent.set_jobs(jobs[::-1])
    assert recent.job_filter.currentData() == "J4999"
    recent.set_jobs(jobs[:10])  # the chosen job is gone: back to all jobs
    assert recent.job_filter.currentData() == ""
