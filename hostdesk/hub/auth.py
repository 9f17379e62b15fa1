"""Bearer tokens: made once, stored as sha256 hashes; device vs admin; per-token rate limits."""

from __future__ import annotations

import hashlib
import math
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import TOKENS

TOKEN_PREFIX = "hd_"
CACHE_SECONDS = 5.0  # a token looked up is trusted this long without asking the database
RATE_WINDOW = 10.0  # seconds
DEFAULT_RATE_LIMIT = 120  # writes per token per window
SWEEP_MIN = 1024


@dataclass(frozen=True)
class Principal:
    name: str
    admin: bool


class TokenExists(ValueError):
    pass


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(db: HubDB, name: str, *, admin: bool = False) -> str:
    """A new token for `name` (unique); only its hash is stored. Returns the token."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = datetime.now(UTC).isoformat()
    try:
        with db.write() as conn:
            conn.execute(
                insert(TOKENS).values(
                    name=name, token_hash=hash_token(token), admin=admin, created_at=now
                )
            )
    except IntegrityError:
        raise TokenExists(name) from None
    return token


class TokenCache:
    """Who a presented token belongs to; unknown tokens are asked about every time."""

    def __init__(self, db: HubDB):
        self._db = db
        self._lock = threading.Lock()
        self._known: dict[str, tuple[Principal, float]] = {}

    def resolve(self, token: str) -> Principal | None:
        digest = hash_token(token)
        now = time.monotonic()
        with self._lock:
            hit = self._known.get(digest)
        if hit and now - hit[1] < CACHE_SECONDS:
            return hit[0]
        with self._db.read() as conn:
            row = conn.execute(
                select(TOKENS.c.name, TOKENS.c.admin).where(TOKENS.c.token_hash == digest)
            ).first()
        if row is None:
            with self._lock:
                self._known.pop(digest, None)
            return None
        principal = Principal(name=row.name, admin=bool(row.admin))
        with self._lock:
            self._known[digest] = (principal, now)
        return principal


class RateLimiter:
    """At most `limit` writes per token in any `window` seconds (a sliding log); 0 = off."""

    def __init__(self, limit: int = DEFAULT_RATE_LIMIT, window: float = RATE_WINDOW):
        self.limit = limit
        self.window = window
        self._lock = threading.Lock()
        self._log: dict[str, deque[float]] = {}
        # Keyed by client address on the public sign-up page: every new phone network adds
        # a key, so keys idle for a whole window are dropped once there are this many.
        self._sweep_at = SWEEP_MIN

    def check(self, key: str) -> int | None:
        """None when allowed (and counted), else the seconds to wait (for Retry-After)."""
        if self.limit <= 0:
            return None
        now = time.monotonic()
        with self._lock:
            if len(self._log) >= self._sweep_at:
                self._sweep(now)
            log = self._log.setdefault(key, deque())
            while log and now - log[0] >= self.window:
                log.popleft()
            if len(log) >= self.limit:
                return max(1, math.ceil(log[0] + self.window - now))
            log.append(now)
            return None

    def _sweep(self, now: float) -> None:
        idle = [k for k, log in self._log.items() if not log or now - log[-1] >= self.window]
        for key in idle:
            del self._log[key]
        self._sweep_at = max(SWEEP_MIN, 2 * len(self._log))

    def __len__(self) -> int:
        return len(self._log)
