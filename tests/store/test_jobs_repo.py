"""The catalogue table: field round trip, upsert by code, all-or-nothing writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.salary import Pay, PayUnit
from hostdesk.store.db import open_database
from hostdesk.store.jobs_repo import CodeTaken, JobRepository, UpsertResult

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


def test_insert_adds_a_new_job_and_refuses_a_code_in_use(repo):
    repo.insert(_job("A"))
    assert repo.get("A") == _job("A")
    with pytest.raises(CodeTaken) as taken:
        repo.insert(_job("A", title="另一个岗位"))
    assert taken.value.code == "A"
    assert repo.count() == 1
    assert repo.get("A").title == "冰箱总装普工"  # the first job is untouched


def test_update_replaces_one_job_by_code(repo):
    repo.upsert_many([_job("A"), _job("B")])
    later = datetime(2024, 9, 1, tzinfo=UTC)
    assert repo.update(_job("A", title="注塑工", benefits=(), headcount=None, updated_at=later))
    assert repo.get("A") == _job("A", title="注塑工", benefits=(), headcount=None, updated_at=later)
    assert repo.get("B") == _job("B")
    assert not repo.update(_job("Z"))  # no such job: nothing is created
    assert repo.codes() == {"A", "B"}


def test_set_status_changes_only_the_status_and_time(repo):
    repo.upsert_many([_job("A")])
    later = datetime(2024, 9, 1, tzinfo=UTC)
    assert repo.set_status("A", JobStatus.CLOSED, later)
    assert repo.get("A") == _job("A", status=JobStatus.CLOSED, updated_at=later)
    assert not repo.set_status("Z", JobStatus.CLOSED, later)
