"""Saving and closing single jobs through the catalogue service, on a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from hostdesk.core.jobs import CODE_MAX_LEN, Job, JobStatus, make_code
from hostdesk.services.catalogue import JobSaveError, unique_code

OLD = datetime(2024, 8, 26, tzinfo=UTC)


def _job(code="HX-001", **kw) -> Job:
    return replace(Job(code=code, title="焊工", company="海信", city="青岛", updated_at=OLD), **kw)


def test_save_new_then_edit(ctx):
    saved = ctx.catalogue.save_job(_job(), new=True)
    assert saved.updated_at > OLD  # stamped at the save
    assert ctx.jobs.get("HX-001") == saved
    edited = ctx.catalogue.save_job(_job(title="二保焊工"), new=False)
    assert ctx.jobs.get("HX-001") == edited
    assert ctx.jobs.count() == 1


@pytest.mark.parametrize(
    ("job", "new", "reason"),
    [
        (_job(title="  "), True, "title_missing"),
        (_job(code="有 空格"), True, "code_invalid"),
        (_job(code="NOPE"), False, "not_found"),
    ],
)
def test_refused_saves_write_nothing(ctx, job, new, reason):
    with pytest.raises(JobSaveError) as refused:
        ctx.catalogue.save_job(job, new=new)
    assert refused.value.reason == reason
    assert ctx.jobs.count() == 0


def test_a_new_job_never_overwrites_one_with_its_code(ctx):
    ctx.catalogue.save_job(_job(), new=True)
    with pytest.raises(JobSaveError) as refused:
        ctx.catalogue.save_job(_job(title="另一个"), new=True)
    assert (refused.value.reason, refused.value.code) == ("code_taken", "HX-001")
    assert ctx.jobs.get("HX-001").title == "焊工"


def test_close_job(ctx):
    ctx.catalogue.save_job(_job(status=JobStatus.PAUSED), new=True)
    closed = ctx.catalogue.close_job("HX-001")
    assert closed.status is JobStatus.CLOSED
    assert ctx.jobs.get("HX-001").status is JobStatus.CLOSED
    with pytest.raises(JobSaveError) as refused:
        ctx.catalogue.close_job("NOPE")
    assert refused.value.reason == "not_found"


def test_suggested_codes_are_unique(ctx):
    job = _job()
    base = make_code("海信", "焊工", "青岛")
    assert ctx.catalogue.suggest_code(job) == base
    ctx.catalogue.save_job(replace(job, code=base), new=True)
    assert ctx.catalogue.suggest_code(job) == f"{base}-2"
    assert ctx.catalogue.codes() == {base}
    long = "X" * CODE_MAX_LEN
    assert unique_code(long, {long, long[:-2] + "-2"}) == long[:-2] + "-3"
