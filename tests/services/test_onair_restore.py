"""Reopened mid-show: the job left on air goes back, unless closed, gone or dropped by the hub."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hostdesk.config import Settings
from hostdesk.core.jobs import JobStatus
from hostdesk.core.take_rules import Refusal
from hostdesk.render.onair_renderer import QtOverlayRenderer
from hostdesk.services.onair import OnAirService
from hostdesk.services.onair_look import build_look
from hostdesk.services.onair_restore import Restore, restore_left_on_air
from hostdesk.services.take_publish import HubCopy
from hostdesk.store.takes_repo import TakeRepository


def _service(ctx) -> OnAirService:
    look = build_look(Settings(), session="S1", device="studio-1")
    return OnAirService(ctx.data_dir, ctx.jobs, TakeRepository(ctx.db), look, QtOverlayRenderer())


@pytest.fixture
def before_restart(qapp, ctx):
    """HX-001 taken in show S1, then the app quit: a new service, as after the restart."""
    ctx.catalogue.load_demo_if_empty()
    _service(ctx).take("HX-001")
    return _service(ctx)


def _catalogue(ctx) -> dict:
    return {job.code: job for job in ctx.jobs.list_jobs()}


class Publishing:
    """The hub's copy of every job, as TakePublishing.before_take answers it."""

    def __init__(self, copy: HubCopy):
        self.copy, self.asked = copy, []

    def before_take(self, code: str) -> HubCopy:
        self.asked.append(code)
        return self.copy


def test_the_job_left_on_air_goes_back_without_a_second_take_record(before_restart, ctx):
    outcome = restore_left_on_air(
        before_restart, "S1", _catalogue(ctx), Publishing(HubCopy.PUBLISHED)
    )
    assert outcome.kind is Restore.RESTORED and outcome.code == "HX-001"
    assert outcome.rendered.code == "HX-001" and before_restart.on_air.code == "HX-001"
    assert outcome.answer is None  # no OBS link in this test: the live files are the output
    assert (before_restart.folder / "live" / "card.png").exists()
    takes = TakeRepository(ctx.db).list_takes()
    assert [(t.action, t.job_code) for t in takes] == [("take", "HX-001")]  # its span goes on


def test_a_job_closed_since_stays_off_air(before_restart, ctx):
    jobs = _catalogue(ctx)
    jobs["HX-001"] = replace(jobs["HX-001"], status=JobStatus.CLOSED)
    outcome = restore_left_on_air(before_restart, "S1", jobs)
    assert (outcome.kind, outcome.code, outcome.refusal) == (
        Restore.REFUSED,
        "HX-001",
        Refusal.CLOSED,
    )
    assert before_restart.on_air is None


def test_a_job_gone_from_the_catalogue_stays_off_air(before_restart, ctx):
    jobs = {code: job for code, job in _catalogue(ctx).items() if code != "HX-001"}
    outcome = restore_left_on_air(before_restart, "S1", jobs)
    assert (outcome.kind, outcome.refusal) == (Restore.REFUSED, Refusal.UNKNOWN)
    assert before_restart.on_air is None


def test_a_job_the_hub_dropped_stays_off_air(before_restart, ctx):
    publishing = Publishing(HubCopy.WITHDRAWN)
    outcome = restore_left_on_air(before_restart, "S1", _catalogue(ctx), publishing)
    assert (outcome.kind, outcome.code) == (Restore.WITHDRAWN, "HX-001")
    assert publishing.asked == ["HX-001"] and before_restart.on_air is None


def test_a_take_pressed_first_stands(before_restart, ctx):
    before_restart.take("GE-002")
    outcome = restore_left_on_air(before_restart, "S1", _catalogue(ctx))
    assert outcome.kind is Restore.NOTHING
    assert before_restart.on_air.code == "GE-002"


def test_nothing_comes_back_after_a_clear_or_in_another_show(before_restart, ctx):
    assert restore_left_on_air(before_restart, "S2", _catalogue(ctx)).kind is Restore.NOTHING
    before_restart.record_clear()
    assert restore_left_on_air(before_restart, "S1", _catalogue(ctx)).kind is Restore.NOTHING
    assert before_restart.on_air is None
