"""hostdesk.hub.ratelimit on a real PostgreSQL database: a window per key from its first hit,
Retry-After to its end, a new window after it, ended windows purged, no key stored in clear;
SQLite keeps the in-memory limiter."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hostdesk.hub import ratelimit
from hostdesk.hub.auth import RateLimiter
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import RATE_WINDOWS
from hostdesk.hub.ratelimit import SharedLimiter, make_limiter


@pytest.fixture
def pg_db(pg_cluster):
    db = HubDB(pg_cluster.new_database())
    db.create_schema()
    yield db
    db.close()


def windows(db: HubDB) -> list[tuple[str, float, int]]:
    with db.read() as conn:
        rows = conn.execute(select(RATE_WINDOWS).order_by(RATE_WINDOWS.c.bucket)).all()
    return [tuple(r) for r in rows]


def test_a_window_per_key_from_its_first_hit(pg_db):
    limiter = SharedLimiter(pg_db, "page_post", limit=3, window=60.0)
    other = SharedLimiter(pg_db, "page_post", limit=3, window=60.0)  # another process
    try:
        assert limiter.check("10.0.0.1", now=1000.0) is None
        assert other.check("10.0.0.1", now=1010.0) is None
        assert limiter.check("10.0.0.1", now=1020.0) is None
        assert other.check("10.0.0.1", now=1030.0) == 30  # the window ends at 1060
        assert limiter.check("10.0.0.1", now=1059.5) == 1
        assert limiter.check("10.0.0.2", now=1030.0) is None  # another address
        assert other.check("10.0.0.1", now=1060.0) is None  # a new window
        assert [(started, hits) for _, started, hits in windows(pg_db)] in (
            [(1060.0, 1), (1030.0, 1)], [(1030.0, 1), (1060.0, 1)],
        )  # fmt: skip
        # Neither the address nor any other key is stored in clear.
        assert all("10.0.0" not in bucket for bucket, _, _ in windows(pg_db))
    finally:
        limiter.close()
        other.close()


def test_scopes_count_apart_and_zero_is_off(pg_db):
    views = SharedLimiter(pg_db, "page_get", limit=1, window=60.0)
    posts = SharedLimiter(pg_db, "page_post", limit=1, window=60.0)
    off = SharedLimiter(pg_db, "api", limit=0, window=10.0)
    try:
        assert views.check("k", now=0.0) is None and posts.check("k", now=0.0) is None
        assert views.check("k", now=1.0) == 59 and posts.check("k", now=1.0) == 59
        assert all(off.check("k", now=2.0) is None for _ in range(5))
        assert len(windows(pg_db)) == 2
    finally:
        for limiter in (views, posts, off):
            limiter.close()


def test_ended_windows_are_purged(pg_db, monkeypatch):
    monkeypatch.setattr(ratelimit, "PURGE_EVERY", 100.0)
    limiter = SharedLimiter(pg_db, "page_get", limit=5, window=60.0)
    try:
        for i in range(20):
            limiter.check(f"10.1.0.{i}", now=1000.0 + i)  # the first purges nothing yet
        assert len(windows(pg_db)) == 20
        limiter.check("10.2.0.1", now=1075.0)  # within PURGE_EVERY of the last purge: none
        assert len(windows(pg_db)) == 21
        limiter.check("10.2.0.2", now=1110.0)  # purge due: windows begun before 1050 go
        assert len(windows(pg_db)) == 2
    finally:
        limiter.close()


def test_sqlite_keeps_the_in_memory_limiter(tmp_path, pg_db):
    db = HubDB(f"sqlite:///{tmp_path / 'hub.db'}")
    try:
        assert isinstance(make_limiter(db, "page_get", 60, 60.0), RateLimiter)
    finally:
        db.close()
    shared = make_limiter(pg_db, "page_get", 60, 60.0)
    try:
        assert isinstance(shared, SharedLimiter)
    finally:
        shared.close()
    assert isinstance(make_limiter(pg_db, "page_get", 0, 60.0), RateLimiter)  # off: no queries
