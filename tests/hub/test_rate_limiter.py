"""The hub's sliding-window rate limiter: limits per key, and forgets keys gone quiet."""

from __future__ import annotations

from hostdesk.hub import auth
from hostdesk.hub.auth import RateLimiter


def test_limit_per_key_with_retry_after(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: now[0])
    limiter = RateLimiter(limit=3, window=10.0)
    assert [limiter.check("a") for _ in range(3)] == [None, None, None]
    assert limiter.check("a") == 10  # the oldest of the three leaves the window in 10 s
    assert limiter.check("b") is None  # another key has its own budget
    now[0] += 10.0
    assert limiter.check("a") is None


def test_addresses_gone_quiet_are_forgotten(monkeypatch):
    # The sign-up page keys by client address: a busy stream must not grow it forever.
    now = [0.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: now[0])
    limiter = RateLimiter(limit=5, window=60.0)
    for i in range(5000):
        limiter.check(f"10.0.{i // 256}.{i % 256}")
    assert len(limiter) == 5000  # all within one window: every one still counts
    now[0] += 61.0
    for i in range(auth.SWEEP_MIN * 4):
        limiter.check(f"172.16.{i // 256}.{i % 256}")
        now[0] += 0.001
    assert len(limiter) <= auth.SWEEP_MIN * 4  # the 5,000 quiet ones are gone
    assert all(not k.startswith("10.") for k in limiter._log)
