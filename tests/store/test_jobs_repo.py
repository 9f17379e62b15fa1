"""The catalogue table: field round trip, upsert by code, all-or-nothing writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.salary import Pay, PayUnit
from hostdesk.store.db import open_database
from hostdesk.store.jobs_repo import JobRepository, UpsertResult

T0 = datetime(2024, 8, 26, 9, 0, tzinfo=UTC)


def _job(code="HX-001", **kw) -> Job:
    base = Job(
        code=code,
        title="冰箱总装普工",
        company="海信",
        city="青岛 黄岛区",
        pay=Pay(min=22.5, max=None, unit=PayUnit.HOUR, note="", text="22.5元/小时"),
        benefits=("包吃住", "五险一金"),
        headcount=50,
        age_min=18,
        age_max=45,
        shift="两班倒",
        requirements="能适应站立作业",
        highlights="中央空调车间",
        signup_url="https://example.invalid/x",
        urgent=True,
        status=JobStatus.PAUSED,
        updated_at=T0,
    )
    return replace(base, **kw)


@pytest.fixture
def repo(tmp_path):
    database = open_database(tmp_path / "h.db")
    yield JobRepository(database)
    database.close()


def test_every_field_round_trips(repo):
    job = _job()
    assert repo.upsert_many([job]) == UpsertResult(created=1)
    assert repo.get("HX-001") == job
    assert repo.list_jobs() == [job]


def test_upsert_updates_by_code_and_skips_identical(repo):
    repo.upsert_many([_job("A"), _job("B")])
    later = datetime(2024, 9, 1, tzinfo=UTC)
    result = repo.upsert_many(
        [_job("A", updated_at=later), _job("B", title="注塑工", updated_at=later), _job("C")]
    )
    assert result == UpsertResult(created=1, updated=1, unchanged=1)
    assert repo.count() == 3
    assert repo.get("B").title == "注塑工"
    assert repo.get("A").updated_at == T0  # unchanged content keeps its timestamp


def test_dry_run_counts_exactly_and_writes_nothing(repo):
    repo.upsert_many([_job("A")])
    result = repo.upsert_many([_job("A", title="新"), _job("B")], dry_run=True)
    assert result == UpsertResult(created=1, updated=1)
    assert repo.count() == 1
    assert repo.get("A").title == "冰箱总装普工"


def test_a_failing_row_writes_nothing(repo):
    repo.upsert_many([_job("A")])
    bad = _job("Z", title=None)  # NOT NULL in the table
    with pytest.raises(IntegrityError):
        repo.upsert_many([_job("B"), _job("A", title="改"), bad])
    assert repo.count() == 1
    assert repo.get("A").title == "冰箱总装普工"
