"""The sync worker's rules apart from its thread: the backoff, the gate, what each failure means.

No threads, no I/O, no Qt: the worker (hostdesk.sync.worker) asks, these answer. Time is
a monotonic clock passed in (time.monotonic in the worker, a fake one in the tests).

- The gate: one for the whole hub. Each failure in a row closes it for a full-jitter
  delay (capped, attempts unlimited) or the hub's own Retry-After; any answer opens it.
  While the hub gives no answer at all (refused connection, unreachable), a cheap look
  every probe interval may end the outage long before the backoff would: a backlog
  starts draining within seconds of the hub's return (issue 16).
- Failures: 401/403/a wrong URL pause everything; a request the hub refuses as such is
  split down to the one item it refuses; the rest is transient and waits at the gate.
- The event stream: when to open it again after it ended, and when to give up on it for
  a while and poll.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from hostdesk.sync.client import NETWORK, SERVER, HubBadRequest, HubError, HubRefused
from hostdesk.sync.stream import BUSY, DROPPED, SILENT, UNREACHABLE, StreamEnd

BACKOFF_BASE = 1.0
BACKOFF_CAP = 300.0
# While the hub does not answer at all (refused, unreachable), it is looked at this often,
# so a backlog starts draining within seconds of its return and not at the backoff's end.
PROBE_INTERVAL = 2.0
STREAM_REDIAL = 1.0  # after a drop, the stream is opened again after this (times the drops)
STREAM_MAX_DROPS = 3  # this many quick drops in a row: polling for STREAM_FALLBACK s
STREAM_FALLBACK = 300.0

Clock = Callable[[], float]  # monotonic seconds


def full_jitter(attempt: int, base: float, cap: float, rng: Callable[[], float]) -> float:
    """uniform(0, min(cap, base * 2**attempt))."""
    return rng() * min(cap, base * (2 ** min(attempt, 32)))


class Gate:
    """The one backoff gate in front of the hub, and the looks at a hub that gave no answer."""

    def __init__(
        self,
        base: float = BACKOFF_BASE,
        cap: float = BACKOFF_CAP,
        probe_interval: float = PROBE_INTERVAL,
        *,
        rng: Callable[[], float] = random.random,
        clock: Clock = time.monotonic,
    ):
        self._base, self._cap = base, cap
        self.probe_interval = probe_interval
        self._rng = rng
        self._clock = clock
        self.failures = 0  # in a row
        self._not_before = 0.0  # the gate opens then
        self._probe_at = 0.0  # the next look at a hub that did not answer

    def close(self, retry_after: float | None = None) -> float:
        """A failure: closed for the hub's Retry-After, else the backoff's next delay (which
        grows with each failure in a row). Returns the delay in seconds."""
        delay = (
            retry_after
            if retry_after is not None
            else full_jitter(self.failures, self._base, self._cap, self._rng)
        )
        self.failures += 1
        now = self._clock()
        self._not_before = now + delay
        self._probe_at = now + self.probe_interval
        return delay

    def open(self) -> None:
        """The hub answered, "sync now", or the network is back: no waiting, count from 0."""
        self.failures = 0
        self._not_before = 0.0

    def wait(self) -> float:
        """Seconds until the gate opens (0: open)."""
        return max(0.0, self._not_before - self._clock())

    def until_look(self, silent: bool) -> float:
        """Seconds until the worker should act while the gate is closed: at its opening, or,
        when the hub gave no answer at all (`silent`), at the next look if that comes first
        (0: look now). A hub that answered (429, 5xx, a portal) is left alone until then."""
        wait = self.wait()
        if not silent or wait <= 0:
            return wait
        return min(wait, max(0.0, self._probe_at - self._clock()))


@dataclass(frozen=True)
class Failure:
    """What a failed request means for the worker."""

    pause: bool  # nothing is sent until the settings change or "sync now"
    reason: str  # the status reason: network, server, captive_portal, unauthorized, ...
    retry_after: float | None = None  # the hub's wish, else the backoff decides

    @property
    def silent(self) -> bool:
        return silent(self.reason)


def silent(reason: str) -> bool:
    """The hub gave no answer at all (refused, unreachable): worth a look every probe
    interval. Any answer (429, 5xx, a portal's page) means it is there: its wish holds."""
    return reason == NETWORK


def failure(exc: HubError) -> Failure:
    """A HubError as the worker acts on it (a bad request outside a batch is the hub's
    fault: it waits at the gate as a server error would)."""
    if isinstance(exc, HubRefused):
        return Failure(pause=True, reason=exc.reason)
    if isinstance(exc, HubBadRequest):
        return Failure(pause=False, reason=SERVER)
    return Failure(pause=False, reason=exc.reason, retry_after=getattr(exc, "retry_after", None))


def smaller_batch(size: int) -> int | None:
    """The hub refused a batch of `size` as such: the next size to try, or None when the
    batch was one event (that event is the one it refuses: set aside for the operator)."""
    return max(1, size // 2) if size > 1 else None


def bad_request_reason(exc: HubBadRequest) -> str:
    """The attention reason of the one event the hub refused as a request."""
    return f"rejected:http_{exc.status}"


def refusal_reason(status: str, reason: str | None) -> str:
    """The attention reason of an item the hub refused in its answer (status:reason)."""
    return f"{status}:{reason or 'unspecified'}"


class StreamRedial:
    """When to open the hub's event stream again after it ended."""

    def __init__(
        self,
        redial: float = STREAM_REDIAL,
        fallback: float = STREAM_FALLBACK,
        silence: float = 15.0,
        *,
        max_drops: int = STREAM_MAX_DROPS,
        rng: Callable[[], float] = random.random,
    ):
        self.redial, self.fallback, self.silence = redial, fallback, silence
        self.max_drops = max_drops
        self._rng = rng
        self.drops = 0  # quick drops (or busy answers) in a row

    def heard(self) -> None:
        """The stream delivered something: it works, the count of drops starts over."""
        self.drops = 0

    def after(self, end: StreamEnd) -> float | None:
        """Seconds from now until the next try after `end` (0: as soon as the hub answers
        again); None: this rule has nothing to say (refused, unsupported: the worker's)."""
        if end.outcome == UNREACHABLE:
            return 0.0
        if end.outcome == SILENT:  # a buffering proxy: polling for a while
            return self.fallback
        if end.outcome == BUSY:
            self.drops += 1
            if end.retry_after is not None:
                return end.retry_after
            return full_jitter(self.drops, self.redial, self.fallback, self._rng)
        if end.outcome == DROPPED:
            quick = end.lasted < self.silence and not end.events
            self.drops = self.drops + 1 if quick else 1
            if self.drops >= self.max_drops:
                self.drops = 0
                return self.fallback
            return self.redial * self.drops
        return None
