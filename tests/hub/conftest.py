"""Fixtures: a real hub process on SQLite and on PostgreSQL (a throwaway cluster per session).

Other test packages reuse them with `from tests.hub.conftest import *  # noqa: F403`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hub.harness import HarnessError, HubProcess, PgCluster

__all__ = ["Hub", "hub", "hub_db_url", "hub_factory", "pg_cluster"]

DATABASES = ["sqlite", "postgresql"]
_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster():
    """PostgreSQL for the whole session; a failure to start fails the tests (never a skip)."""
    try:
        cluster = PgCluster.start()
    except HarnessError as exc:
        pytest.fail(f"PostgreSQL cannot start: {exc}")
    yield cluster
    cluster.drop()


@pytest.fixture(params=DATABASES)
def hub_db_url(request, tmp_path: Path) -> str:
    """A fresh, empty hub database: an SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    try:
        return request.getfixturevalue("pg_cluster").new_database()
    except HarnessError as exc:
        pytest.fail(f"PostgreSQL database cannot be made: {exc}")


@dataclass
class Hub:
    """A running hub: its URL, a device token, an admin token, the process (restartable)."""

    process: HubProcess
    token: str
    admin_token: str

    @property
    def url(self) -> str:
        return self.process.url

    @property
    def db_url(self) -> str:
        return self.process.db_url

    @property
    def database(self) -> str:
        return self.process.database

    def headers(self, token: str | None = None) -> dict:
        return {"Authorization": f"Bearer {token or self.token}"}

    @property
    def admin_headers(self) -> dict:
        return self.headers(self.admin_token)


@pytest.fixture
def hub_factory(hub_db_url: str, tmp_path: Path):
    """Start hubs on this test's database: `hub_factory(rate_limit=5)`, `args=` more `hub
    serve` options; all stopped at the end."""
    started: list[HubProcess] = []

    def make(*, rate_limit: int = 0, args: tuple[str, ...] = ()) -> Hub:
        process = HubProcess(hub_db_url, rate_limit=rate_limit, log_dir=tmp_path, args=args)
        started.append(process)
        try:
            process.start()
        except HarnessError as exc:
            pytest.fail(str(exc))
        n = next(_names)
        return Hub(process, process.token(f"device-{n}"), process.token(f"admin-{n}", admin=True))

    yield make
    for process in started:
        process.stop()


@pytest.fixture
def hub(hub_factory) -> Hub:
    """A running hub without a rate limit, on SQLite and on PostgreSQL."""
    return hub_factory()
