"""Rate limits shared by every hub process on one PostgreSQL database (in memory on SQLite).

A limit counts hits per key (a client address on the sign-up page, a token on the API) in
a window that starts at the key's first hit: at most `limit` in that window, then refused
until it ends. On PostgreSQL the window lives in the `rate_windows` table and one
INSERT … ON CONFLICT DO UPDATE … RETURNING both counts and answers, so two processes (or
`--workers N`) see the same count. SQLite serves one process: auth.RateLimiter in memory.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from typing import Protocol

from sqlalchemy import Engine, create_engine, delete, text

from hostdesk.hub.auth import RateLimiter
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import RATE_WINDOWS

PURGE_EVERY = 300.0  # seconds between clean-ups of windows that have ended, per process
# The counters are worth less than a sign-up: a crash may lose the last hits, so their
# commits do not wait for the disk (WAL flush), which keeps a page view cheap.
_FAST_COMMIT = "-c synchronous_commit=off"
_HIT = text(
    "INSERT INTO rate_windows (bucket, started, hits) VALUES (:bucket, :now, 1) "
    "ON CONFLICT (bucket) DO UPDATE SET "
    "started = CASE WHEN rate_windows.started <= :now - :window "
    "THEN EXCLUDED.started ELSE rate_windows.started END, "
    "hits = CASE WHEN rate_windows.started <= :now - :window "
    "THEN 1 ELSE rate_windows.hits + 1 END "
    "RETURNING started, hits"
)


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def _engine(url: str) -> Engine:
    """One small pool per database for all of a process's limiters (API, page views, page
    POSTs): counting never waits behind the sign-ups' writer lock, and `--workers N` adds
    at most 16 connections per process to what PostgreSQL's max_connections must allow."""
    with _engines_lock:
        if url not in _engines:
            _engines[url] = create_engine(
                url,
                pool_size=4,
                max_overflow=12,
                pool_recycle=3600,
                hide_parameters=True,
                connect_args={"prepare_threshold": None, "options": _FAST_COMMIT},
            )
        return _engines[url]


class Limiter(Protocol):
    limit: int

    def check(self, key: str) -> int | None:
        """None when allowed (and counted), else the seconds to wait (for Retry-After)."""


class SharedLimiter:
    """A fixed window per key in PostgreSQL, counted by one statement; 0 = off."""

    def __init__(self, db: HubDB, scope: str, limit: int, window: float):
        self.scope = scope
        self.limit = limit
        self.window = window
        self._engine = _engine(db.url)
        self._lock = threading.Lock()
        self._purged = 0.0

    def bucket(self, key: str) -> str:
        # Hashed: no client address or token name is stored, and any text fits.
        return f"{self.scope}:{hashlib.blake2b(key.encode('utf-8', 'replace'), digest_size=16).hexdigest()}"

    def check(self, key: str, *, now: float | None = None) -> int | None:
        if self.limit <= 0:
            return None
        now = time.time() if now is None else now
        with self._engine.begin() as conn:
            started, hits = conn.execute(
                _HIT, {"bucket": self.bucket(key), "now": now, "window": self.window}
            ).one()
            if self._purge_due(now):
                conn.execute(
                    delete(RATE_WINDOWS).where(
                        RATE_WINDOWS.c.bucket.startswith(f"{self.scope}:"),
                        RATE_WINDOWS.c.started <= now - self.window,
                    )
                )
        if hits <= self.limit:
            return None
        return max(1, math.ceil(started + self.window - now))

    def _purge_due(self, now: float) -> bool:
        with self._lock:
            if now - self._purged < PURGE_EVERY:
                return False
            self._purged = now
            return True

    def close(self) -> None:
        """Close the pool's idle connections (it reconnects if another limiter counts again)."""
        self._engine.dispose()


def make_limiter(db: HubDB, scope: str, limit: int, window: float) -> Limiter:
    """Shared through the database on PostgreSQL; in this process's memory on SQLite."""
    if db.dialect == "postgresql" and limit > 0:
        return SharedLimiter(db, scope, limit, window)
    return RateLimiter(limit, window)
