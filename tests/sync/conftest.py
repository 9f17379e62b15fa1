"""Helpers for the sync tests: sign-ups saved through the real service, workers on a data dir."""

from __future__ import annotations

import time

import pytest

from hostdesk.core.jobs import Job
from hostdesk.core.registrations import RegistrationDraft
from hostdesk.store.outbox_repo import OutboxRepository
from tests.hub.conftest import *  # noqa: F403 - the real hub on SQLite and PostgreSQL
from tests.sync.fake_hub import FakeHub

# Fast enough for tests, still the real code paths.
FAST = {
    "backoff_base": 0.05,
    "backoff_cap": 0.2,
    "idle_poll": 0.05,
    "connect_timeout": 1.0,
    "read_timeout": 2.0,
    "audit_interval": 3600.0,
}


def phone(i: int) -> str:
    return f"139{i:08d}"


def seed(ctx, count: int, start: int = 0) -> list[str]:
    """`count` sign-ups saved one by one (row + create event per commit); their ids."""
    if ctx.jobs.get("SY-1") is None:
        ctx.jobs.upsert_many([Job(code="SY-1", title="同步测试岗")])
    ids = []
    for i in range(start, start + count):
        draft = RegistrationDraft(job_code="SY-1", name=f"同步{i}", phone=phone(i), age=30)
        reg = ctx.registrations.save(draft, confirm_duplicate=True, override_phone_warning=True)
        ids.append(reg.id)
    return ids


def wait_until(predicate, timeout: float = 60.0, step: float = 0.02) -> bool:
    # A minute: a bound that tells "never" from "slow" on a loaded machine, not a timing test.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


@pytest.fixture
def fake_hub():
    hub = FakeHub()
    yield hub
    hub.close()


@pytest.fixture
def outbox(ctx):
    return OutboxRepository(ctx.db)
