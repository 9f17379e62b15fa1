"""Bearer tokens: made once, stored as sha256 hashes; device vs admin; revocable; rate limits."""

from __future__ import annotations

import hashlib
import math
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import TOKENS

TOKEN_PREFIX = "hd_"
RATE_WINDOW = 10.0  # seconds
DEFAULT_RATE_LIMIT = 120  # writes per token per window
SWEEP_MIN = 1024


@dataclass(frozen=True)
class Principal:
    name: str
    admin: bool

    @property
    def scope(self) -> str:
        """device (a broadcast PC) or admin (may also replace the catalogue, make sign-ups)."""
        return "admin" if self.admin else "device"


@dataclass(frozen=True)
class TokenInfo:
    """What `token list` shows: never the token or its hash."""

    name: str
    scope: str
    created_at: str
    revoked_at: str | None


class TokenExists(ValueError):
    pass


class NoSuchToken(LookupError):
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


def list_tokens(db: HubDB) -> list[TokenInfo]:
    """Every token by name, revoked ones included (with when)."""
    columns = (TOKENS.c.name, TOKENS.c.admin, TOKENS.c.created_at, TOKENS.c.revoked_at)
    with db.read() as conn:
        rows = conn.execute(select(*columns).order_by(TOKENS.c.name)).all()
    return [
        TokenInfo(r.name, "admin" if r.admin else "device", r.created_at, r.revoked_at)
        for r in rows
    ]


def revoke_token(db: HubDB, name: str) -> bool:
    """Refuse the token named `name` from now on; False when it was revoked already."""
    now = datetime.now(UTC).isoformat()
    with db.write() as conn:
        exists = conn.execute(select(TOKENS.c.revoked_at).where(TOKENS.c.name == name)).first()
        if exists is None:
            raise NoSuchToken(name)
        if exists.revoked_at is not None:
            return False
        conn.execute(update(TOKENS).where(TOKENS.c.name == name).values(revoked_at=now))
    return True


class TokenLookup:
    """Who a presented token belongs to, asked of the database on every request.

    No cache: a token revoked by `hostdesk-hub token revoke` (another process) must be
    refused by every hub process at once; the lookup is one unique-index probe.
    """

    def __init__(self, db: HubDB):
        self._db = db

    # Built once: every request runs it, and building the statement cost more than running it.
    _LIVE_BY_HASH = select(TOKENS.c.name, TOKENS.c.admin).where(
        TOKENS.c.token_hash == bindparam("digest"), TOKENS.c.revoked_at.is_(None)
    )

    def resolve(self, token: str) -> Principal | None:
        with self._db.read() as conn:
            row = conn.execute(self._LIVE_BY_HASH, {"digest": hash_token(token)}).first()
        return None if row is None else Principal(name=row.name, admin=bool(row.admin))


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
