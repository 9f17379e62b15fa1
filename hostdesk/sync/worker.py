"""The thread that drains the outbox to the hub: batches, pause, audit, status.

State machine per event (outbox.state): pending → sending → acked | retry_wait |
attention. Transient failures (network, 5xx, 408, 429, a captive portal's page) put the
batch in retry_wait behind one global backoff gate: full jitter, capped at 5 minutes, no
attempt limit, reset on success, on "sync now" and when the hub answers again. 401, 403
and a wrong URL pause everything (no retries) until `reconfigure()` or `sync_now()`.
Those rules (the gate, the backoff, what each failure means, the stream's redials) are
hostdesk.sync.policy's, free of threads and tested on their own; this module runs them.
A periodic audit asks the hub which acknowledged registrations it has and re-sends,
with the same event ids, what it lost (a hub restored from a backup).

While online, the worker holds the hub's event stream open (hostdesk.sync.stream, on a
thread of its own) and stores its sign-ups as they come, through the pull's own code
(Puller.apply_events: the cursor in the same commit); the regular pull then runs at its
slow pace. It polls as before when the stream cannot be held: an older hub without it,
a proxy that buffers it, repeated drops. While the hub does not answer at all, a cheap
look every PROBE_INTERVAL s ends the outage as soon as it is back, whatever the backoff;
a hub that answers 429/503 is left alone for its Retry-After.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from hostdesk.store.outbox_repo import OutboxRepository, OutgoingEvent
from hostdesk.sync import policy
from hostdesk.sync.client import (
    CONNECT_TIMEOUT,
    NETWORK,
    NOT_CONFIGURED,
    READ_TIMEOUT,
    HubBadRequest,
    HubClient,
    HubError,
    HubRefused,
    HubUnavailable,
)
from hostdesk.sync.policy import (
    BACKOFF_BASE,
    BACKOFF_CAP,
    PROBE_INTERVAL,
    STREAM_FALLBACK,
    STREAM_REDIAL,
)
from hostdesk.sync.stream import (
    DROPPED,
    REFUSED,
    SILENCE_TIMEOUT,
    SILENT,
    UNREACHABLE,
    UNSUPPORTED,
    EventStream,
    StreamEnd,
    StreamEvent,
    StreamOpen,
)
from hostdesk.threads import lower_priority

log = logging.getLogger(__name__)

BATCH_SIZE = 100  # the hub's limit per request
AUDIT_INTERVAL = 600.0
AUDIT_PAGE = 500  # the hub's limit per lookup
# While a job is on air with its sign-up counter and the hub's event stream is not held
# (an older hub, a proxy that buffers it), the hub's QR sign-ups are pulled this often: the
# count still goes up within seconds (one small GET when nothing is new).
LIVE_PULL_INTERVAL = 2.0
IDLE_POLL = 5.0  # events saved by another process (the CLI) are noticed within this


@dataclass(frozen=True)
class SyncStatus:
    state: str  # online | offline | paused | disabled
    reason: (
        str  # "", network, server, captive_portal, unauthorized, forbidden, bad_url, not_configured
    )
    unsynced: int
    attention: int
    last_success: datetime | None
    next_try: datetime | None
    # Hub sign-ups this worker has stored (new or changed) so far: when it moves, the
    # console refreshes the list and the counter on air at once, not at its next look.
    pulled: int = 0
    # Events of this desk the hub has answered (acked or refused) so far: when it moves,
    # the desk list re-reads its rows' sync state (an edit shows 已同步 once acked).
    settled: int = 0
    # The hub's event stream is held: its sign-ups arrive by push (the status bar says
    # 实时推送); else they are pulled every `pull_every` seconds (每 N 秒查询).
    streaming: bool = False
    pull_every: float = 0.0


def _utc_now() -> datetime:
    return datetime.now(UTC)


Credentials = Callable[[], tuple[str, str]]  # (hub URL, token); may read the OS keyring


class SyncWorker:
    def __init__(
        self,
        outbox: OutboxRepository,
        credentials: Credentials,
        on_status: Callable[[SyncStatus], None] | None = None,
        *,
        batch_size: int = BATCH_SIZE,
        backoff_base: float = BACKOFF_BASE,
        backoff_cap: float = BACKOFF_CAP,
        audit_interval: float = AUDIT_INTERVAL,
        audit_page: int = AUDIT_PAGE,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        idle_poll: float = IDLE_POLL,
        make_pull: Callable[[str, str], Callable[[], object]] | None = None,
        pull_interval: float = 60.0,
        stream: bool = True,
        stream_silence: float = SILENCE_TIMEOUT,
        stream_redial: float = STREAM_REDIAL,
        stream_fallback: float = STREAM_FALLBACK,
        probe_interval: float = PROBE_INTERVAL,
        clock: Callable[[], datetime] = _utc_now,
        rng: Callable[[], float] = random.random,
    ):
        self._outbox = outbox
        self._credentials = credentials
        self._on_status = on_status
        self._batch_size = batch_size
        self._batch_limit = batch_size  # halved while the hub refuses a batch's size/shape
        self._gate = policy.Gate(backoff_base, backoff_cap, probe_interval, rng=rng)
        self._audit_interval = audit_interval
        self._audit_page = audit_page
        self._timeouts = (connect_timeout, read_timeout)
        self._idle_poll = idle_poll
        self._make_pull = make_pull
        self._pull: Callable[[], object] | None = None  # made per (URL, token) by make_pull
        self._pull_more = False
        self._pull_interval = pull_interval
        self._pull_often = False
        self._pulled = 0
        self._settled = 0
        self._pulled_once = False  # a pull succeeded on this connection: the stream may open
        self._stream_wanted = stream
        self._stream_silence = stream_silence
        self._redial = policy.StreamRedial(stream_redial, stream_fallback, stream_silence, rng=rng)
        self._stream: EventStream | None = None
        self._stream_serial = 0  # events of an earlier connection (or hub) are passed over
        self._stream_live = False
        self._stream_at = 0.0  # monotonic: the stream may open from then on
        self._stream_off = ""  # why the stream is not tried on this connection (older hub)
        self._incoming: list = []  # registration items from the stream, not stored yet
        self._clock = clock
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._client: HubClient | None = None
        self._paused = ""  # reason while paused
        self._state, self._reason = "offline", ""
        self._contacted = False
        self._audit_at = 0.0  # monotonic: due at once
        self._audit_after = ""  # the last registration id an unfinished audit checked
        self._pull_at = 0.0
        self._last_success: datetime | None = None
        self._status: SyncStatus | None = None

    # -- called from any thread ------------------------------------------------------------

    @property
    def status(self) -> SyncStatus | None:
        return self._status

    @property
    def streaming(self) -> bool:
        """Whether the hub's event stream is open now (else sign-ups come by polling)."""
        return self._stream_live

    @property
    def probe_interval(self) -> float:
        """How often a hub that does not answer is looked at (the outage's end is seen)."""
        return self._gate.probe_interval

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="hostdesk-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the request in flight (if any); events left "sending" are recovered
        at the next start."""
        self._stopping.set()
        self._commands.put(("stop", None))
        if self._thread is not None:
            self._thread.join(timeout)

    def sync_now(self) -> None:
        """Unpause, re-read the settings, reset the backoff, send everything at once."""
        self._commands.put(("now", None))

    def reconfigure(self) -> None:
        """The hub URL or token changed in the settings: same as sync_now."""
        self._commands.put(("now", None))

    def network_regained(self) -> None:
        """The OS says the network is back: reset the backoff (no unpausing)."""
        self._commands.put(("regained", None))

    def notify(self) -> None:
        """New events were saved: look at the outbox now instead of at the next poll."""
        self._commands.put(("poke", None))

    def publish_soon(self) -> None:
        """Jobs were imported, edited or are about to go on air: pull and publish now."""
        self._commands.put(("jobs", None))

    def pull_often(self, on: bool) -> None:
        """On: a counter is on air, pull every LIVE_PULL_INTERVAL s (from now); off: as usual."""
        self._commands.put(("often", bool(on)))

    def retry(self, event_ids: Iterable[str]) -> None:
        """The operator retries attention events: pending again, same ids and payloads."""
        self._commands.put(("retry", list(event_ids)))

    # -- synchronous use (the CLI) ---------------------------------------------------------

    def run_once(self, max_batches: int = 100_000) -> tuple[SyncStatus, bool]:
        """Push everything due, audit, push what the audit reopened, pull; in this thread.

        Returns (status, ok): ok is False when a request failed (nothing is retried here:
        the caller runs again later).
        """
        self._outbox.recover()
        self._connect()
        ok = not self._paused
        for phase in ("push", "audit", "push", "pull"):
            if not ok:
                break
            if phase == "push":
                for _ in range(max_batches):
                    sent = self._push_batch()
                    if sent is None:
                        ok = False
                    if not sent:
                        break
            elif phase == "audit":
                ok = self._guard(self._audit)
            elif self._pull is not None:
                ok = self._guard(self._run_pull)
        if ok and not self._contacted:
            ok = self._guard(self._probe)
        self._close_client()
        return self._publish(), ok

    # -- the thread ------------------------------------------------------------------------

    def _run(self) -> None:
        lower_priority()  # the sign-ups wait a moment; the console's keys do not
        try:
            self._outbox.recover()
            self._connect()
        except Exception as exc:
            log.error("sync could not start: %s", type(exc).__name__)
        self._publish()
        while not self._stopping.is_set():
            try:
                wait = self._step()
                self._publish()
                if wait > 0:
                    self._wait(wait)
                else:
                    self._drain_commands()
            except Exception as exc:  # a locked or full disk: keep the thread alive, back off
                # SQL errors carry no values here (the engine hides parameters).
                log.warning("sync step failed: %s: %.300s", type(exc).__name__, exc)
                self._stopping.wait(max(0.05, self._gate.close()))
        self._close_client()

    def _step(self) -> float:
        """One unit of work; returns how long to sleep (0: go on at once)."""
        if self._paused:
            self._close_stream()
            return 3600.0
        if self._incoming:
            self._store_incoming()
            return 0
        if self._gate.wait() > 0:
            return self._look_while_down()
        now = time.monotonic()
        self._hold_stream(now)
        if now >= self._audit_at:
            if self._guard(self._audit):
                self._audit_at = now + self._audit_interval
            return 0
        sent = self._push_batch()
        if sent:
            return 0
        if sent is None:
            return self._until_look()
        if self._pull is not None and now >= self._pull_at:
            if self._guard(self._run_pull):
                self._pull_at = now if self._pull_more else now + self._next_pull()
            return 0
        if not self._contacted or self._state != "online":
            self._guard(self._probe)  # nothing to send: is the hub back, is the token good?
            return self._until_look() or self._idle_poll
        return self._idle_wait(now)

    def _next_pull(self) -> float:
        return (
            min(self._pull_interval, LIVE_PULL_INTERVAL)
            if self._pull_often and not self._stream_live  # the stream brings them at once
            else self._pull_interval
        )

    def _until_look(self) -> float:
        """How long to sleep after a failure: to the gate's opening, or to the next look when
        the hub gave no answer at all (never the whole backoff: a request that just failed
        must not keep the worker from seeing the hub's return)."""
        return self._gate.until_look(policy.silent(self._reason) and self._client is not None)

    def _look_while_down(self) -> float:
        """Backing off: when the hub gave no answer at all, look at it every probe interval."""
        wait = self._until_look()
        if wait > 0:
            return wait
        if self._guard(self._reach):
            log.info("sync: the hub answers again")
            return 0
        return max(0.05, self._until_look())

    def _idle_wait(self, now: float) -> float:
        wait = min(self._idle_poll, max(0.0, self._audit_at - now))
        if self._pull is not None:
            wait = min(wait, max(0.0, self._pull_at - now))
        if self._stream_due():
            wait = min(wait, max(0.0, self._stream_at - now))
        counts = self._outbox.counts(acked=False)
        if counts.next_try is not None:
            until = (counts.next_try - self._clock()).total_seconds()
            wait = min(wait, max(0.25, until))
        return wait

    def _wait(self, seconds: float) -> None:
        try:
            command = self._commands.get(timeout=seconds)
        except queue.Empty:
            return
        self._handle(command)
        self._drain_commands()

    def _drain_commands(self) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            self._handle(command)

    def _handle(self, command) -> None:
        name, arg = command
        if name == "now":
            self._paused = ""
            self._reset_backoff()
            self._connect()
            self._pull_at = 0.0
        elif name == "jobs":
            self._pull_at = 0.0  # the pull publishes this PC's jobs after it (pull.Puller)
        elif name == "regained":
            self._reset_backoff()
            self._pull_at = 0.0
        elif name == "often":
            if arg and not self._pull_often:
                self._pull_at = 0.0
            elif not arg and self._pull_often:  # the next pull at the usual distance
                self._pull_at = time.monotonic() + self._pull_interval
            self._pull_often = arg
        elif name == "retry":
            count = self._outbox.retry(arg)
            log.info("operator retry: %d event(s) pending again", count)
        elif name == "stream":
            serial, message = arg
            if serial == self._stream_serial:
                self._on_stream(message)

    # -- the work --------------------------------------------------------------------------

    def _push_batch(self) -> int | None:
        """Send one batch: its size, 0 when nothing is due, None when the request failed."""
        if self._client is None or self._paused:
            return None
        batch = self._outbox.claim(self._batch_limit, self._clock())
        if not batch:
            return 0
        ids = [e.id for e in batch]
        try:
            results = self._client.push([e.item() for e in batch])
        except HubBadRequest as exc:
            self._bad_request(batch, exc)
            return len(batch)  # not a failure of the link: go on with smaller batches
        except HubError as exc:
            self._failed(exc, ids)
            return None
        except BaseException:
            self._outbox.release(ids)
            raise
        acked, attention = [], {}
        for event, result in zip(batch, results, strict=True):
            if result.acked:
                acked.append(event.id)
            else:
                attention[event.id] = policy.refusal_reason(result.status, result.reason)
        self._outbox.settle(acked, attention, [], now=self._clock(), next_try=None)
        self._settled += len(acked) + len(attention)
        if attention:
            log.warning(
                "hub refused %d event(s): %s", len(attention), sorted(set(attention.values()))
            )
        self._batch_limit = self._batch_size
        self._succeeded()
        return len(batch)

    def _audit(self) -> None:
        # An audit cut short (429 from the hub's rate limit, the network) goes on from the
        # page it reached: starting over could never finish a long history.
        asked, reopened = 0, 0
        while True:
            ids = self._outbox.audit_page(self._audit_after, self._audit_page)
            if not ids:
                self._audit_after = ""
                break
            known = self._client.lookup(ids)
            reopened += self._outbox.reopen(known, ids)
            asked += len(ids)
            self._audit_after = ids[-1]
            self._succeeded()
        if reopened:
            log.warning(
                "audit: the hub lacks %d acknowledged event(s); sending them again", reopened
            )
        else:
            log.info("audit: %d registration(s) checked, none missing", asked)

    def _run_pull(self) -> None:
        result = self._pull()
        stored = getattr(result, "registrations", None)
        if stored is not None:
            self._count_pulled(stored)
        self._pulled_once = True
        self._succeeded()
        # A long backlog of hub sign-ups comes in rounds: the next one at once.
        self._pull_more = bool(getattr(result, "more", False))

    def _count_pulled(self, stored) -> None:
        # An erasure takes a sign-up off the counter too: it refreshes like a new one.
        self._pulled += stored.inserted + stored.updated + getattr(stored, "erased", 0)

    def _probe(self) -> None:
        self._client.get_json("/api/v1/stats")
        self._succeeded()

    def _reach(self) -> None:
        """The cheapest answer the hub gives (no token needed): is it there at all?"""
        self._client.get_json("/healthz")
        self._succeeded()

    # -- the event stream ------------------------------------------------------------------

    def _stream_due(self) -> bool:
        """Whether the stream should be opened (now or at _stream_at)."""
        return (
            self._stream_wanted
            and self._stream is None
            and not self._stream_off
            and self._pulled_once
            and hasattr(self._pull, "apply_events")
            and hasattr(self._pull, "jobs_etag")
            and self._client is not None
            and not self._paused
            and self._state == "online"
        )

    def _hold_stream(self, now: float) -> None:
        if not self._stream_due() or now < self._stream_at:
            return
        self._stream_serial += 1
        serial = self._stream_serial

        def deliver(message) -> None:
            self._commands.put(("stream", (serial, message)))

        connect_timeout, _read = self._timeouts
        self._stream = EventStream(
            self._client.base_url,
            self._client.token,
            self._pull.cursor(),  # the truth: what is stored, not what was heard
            deliver,
            connect_timeout=connect_timeout,
            silence_timeout=self._stream_silence,
        ).start()

    def _close_stream(self) -> None:
        self._stream_serial += 1  # whatever the old one still delivers is passed over
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        if self._stream_live:
            self._stream_live = False
            self._pull_at = 0.0  # polling again: one look at once
        self._incoming = []  # not stored, so not in the cursor: the next connection repeats them

    def _on_stream(self, message) -> None:
        if isinstance(message, StreamEvent):
            if message.kind == "registration" and isinstance(message.data, dict):
                self._incoming.append(message.data)
                self._redial.heard()
            elif message.kind == "catalogue":
                # Sent first on every stream and at each change: pull when it is news.
                etag = message.data.get("etag") if isinstance(message.data, dict) else None
                if not isinstance(etag, str) or etag != self._pull.jobs_etag():
                    self._pull_at = 0.0
                self._redial.heard()
        elif isinstance(message, StreamOpen):
            self._stream_live = True
            self._succeeded()
            log.info("sync: the hub's event stream is open")
        elif isinstance(message, StreamEnd):
            self._stream_ended(message)

    def _stream_ended(self, end: StreamEnd) -> None:
        self._stream = None
        if self._stream_live:
            self._stream_live = False
            self._pull_at = 0.0  # polling again until it reopens; the cursor says from where
        if end.outcome == REFUSED:
            self._failed(HubRefused(end.reason, "event stream"), [])
        elif end.outcome == UNREACHABLE:
            self._failed(HubUnavailable(NETWORK, "event stream"), [])
        elif end.outcome == UNSUPPORTED:
            self._stream_off = end.reason
            log.info("sync: the hub has no event stream (%s); polling", end.reason)
        delay = self._redial.after(end)
        if delay is None:
            return
        self._stream_at = time.monotonic() + delay
        if end.outcome == SILENT:
            log.info("sync: the event stream stays silent (a buffering proxy?); polling")
        elif end.outcome == DROPPED and self._redial.drops == 0:
            log.info("sync: the event stream keeps dropping; polling for a while")

    def _store_incoming(self) -> None:
        items, self._incoming = self._incoming, []
        try:
            stored, invalid = self._pull.apply_events(items)
        except BaseException:
            # Not stored: the stream must start again from the stored cursor, or the next
            # events would carry the cursor past these.
            self._close_stream()
            self._stream_at = time.monotonic() + self._redial.redial
            raise
        self._count_pulled(stored)
        if invalid:
            log.info("event stream: %d unusable sign-up(s) passed over", invalid)

    def _guard(self, fn: Callable[[], None]) -> bool:
        if self._client is None or self._paused:
            return False
        try:
            fn()
        except HubError as exc:
            self._failed(exc, [])
            return False
        return True

    # -- outcomes --------------------------------------------------------------------------

    def _succeeded(self) -> None:
        regained = self._state != "online" and self._gate.failures > 0
        self._state, self._reason = "online", ""
        self._contacted = True
        self._gate.open()
        self._last_success = self._clock()
        if regained:
            # The hub answers again: whatever waited for it may go now.
            self._outbox.make_due()

    def _failed(self, exc: HubError, ids: list[int]) -> None:
        failure = policy.failure(exc)
        if failure.pause:
            self._paused = failure.reason
            self._state, self._reason = "paused", failure.reason
            self._outbox.release(ids)
            log.warning("sync paused: %s", exc)
            return
        delay = self._gate.close(failure.retry_after)
        self._state, self._reason = "offline", failure.reason
        next_try = self._clock() + timedelta(seconds=delay)
        self._outbox.settle([], {}, ids, now=self._clock(), next_try=next_try, error=failure.reason)
        log.info("sync: %s; next try in %.1f s", exc, delay)

    def _bad_request(self, batch: list[OutgoingEvent], exc: HubBadRequest) -> None:
        """The hub refused the request as such: split it down to the one item it refuses."""
        smaller = policy.smaller_batch(len(batch))
        if smaller is not None:
            self._batch_limit = smaller
            self._outbox.release([e.id for e in batch])
            return
        reason = policy.bad_request_reason(exc)
        self._outbox.settle([], {batch[0].id: reason}, [], now=self._clock(), next_try=None)
        self._settled += 1
        log.warning("hub refused a single event: %s", reason)

    def _reset_backoff(self) -> None:
        self._gate.open()
        self._outbox.make_due()

    # -- connection and status -------------------------------------------------------------

    def _connect(self) -> None:
        self._close_client()
        try:
            url, token = self._credentials()
        except Exception as exc:
            log.warning("reading the hub settings failed: %s", type(exc).__name__)
            url, token = "", ""
        if not url or not token:
            self._paused = NOT_CONFIGURED
            self._state, self._reason = "paused", NOT_CONFIGURED
            return
        self._client = HubClient(
            url, token, connect_timeout=self._timeouts[0], read_timeout=self._timeouts[1]
        )
        self._pull = self._make_pull(url, token) if self._make_pull is not None else None
        self._pulled_once = False
        self._stream_off, self._stream_at = "", 0.0
        self._redial.heard()
        self._contacted = False
        self._state, self._reason = "offline", ""

    def _close_client(self) -> None:
        self._close_stream()
        if self._client is not None:
            self._client.close()
            self._client = None

    def _publish(self) -> SyncStatus:
        if self._status is None and self._last_success is None:
            self._last_success = self._outbox.counts().last_success  # once: it scans
        counts = self._outbox.counts(acked=False)
        last = self._last_success
        # While the hub gives no answer, the next look comes before the backoff's end.
        wait = self._gate.until_look(policy.silent(self._reason))
        next_try = None
        if not self._paused and wait > 0:
            next_try = self._clock() + timedelta(seconds=wait)
        status = SyncStatus(
            state=self._state,
            reason=self._reason,
            unsynced=counts.unsynced,
            attention=counts.attention,
            last_success=last,
            next_try=next_try,
            pulled=self._pulled,
            settled=self._settled,
            streaming=self.streaming,
            pull_every=self._next_pull(),
        )
        changed = status != self._status
        self._status = status
        if changed and self._on_status is not None:
            try:
                self._on_status(status)
            except Exception as exc:  # the UI's relay must not stop the sync
                log.warning("sync status callback failed: %s", type(exc).__name__)
        return status
