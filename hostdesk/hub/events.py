"""GET /api/v1/events: what a caller may see, pushed as Server-Sent Events as soon as it commits.

Events (docs/hub-api.md):
- `registration`, id = the row's cursor (seq), data = the row exactly as an item of
  GET /api/v1/registrations (the same query and shaping: api_registrations.changed_after);
  new, changed and erased rows the caller may see, in cursor order, none skipped;
- `catalogue`, data = {"etag": …} as GET /api/v1/jobs gives it: sent first on every stream
  (a client that was away learns whether it missed a change) and after each change;
- `: ping` comments every heartbeat; a revoked token's stream ends at its next heartbeat.

Resumable: `Last-Event-ID: <cursor>` (an EventSource sends it when it reconnects; it wins
over the URL's) or `?since=<cursor>`. The database is the truth: a stream reads from its
cursor whenever wakeup.BELL rings (a commit in this process, or a NOTIFY from another one on
PostgreSQL) and at least every `poll` seconds, so a lost wake-up costs time, never a row.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import Annotated

import anyio
import anyio.to_thread
from fastapi import APIRouter, Header, HTTPException, Query, Request
from sqlalchemy import select
from sse_starlette import EventSourceResponse, ServerSentEvent

from hostdesk.hub import access, api_catalogue, deps, wakeup
from hostdesk.hub.api_registrations import CURSOR_MAX, rows_after, shaped
from hostdesk.hub.auth import Principal
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import TOKENS

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["events"])

HEARTBEAT = 5.0  # seconds between `: ping` comments: a client notices a dead stream in ~15 s
POLL = 10.0  # seconds: the safety net when a wake-up was lost (e.g. LISTEN reconnecting)
HEARTBEAT_ENV = "HOSTDESK_HUB_EVENTS_HEARTBEAT"  # seconds; tests use a fraction of one
POLL_ENV = "HOSTDESK_HUB_EVENTS_POLL"
PAGE = 200  # rows per read: a stream resuming far back sends its backlog in pages
STREAMS_PER_TOKEN = 4  # per process: one desktop's stream plus reconnects not yet noticed
READERS = 4  # worker threads the streams' reads take at most: they never starve the API
CURSOR_RE = re.compile(r"[0-9]{1,16}")


def seconds_from_environment(name: str, default: float) -> float:
    """$name when it is a number of seconds in 0.05-3600, else `default` (tests shorten the
    heartbeat, or lengthen the poll so that only a wake-up can deliver)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0.05 <= value <= 3600:
        log.warning("%s is not 0.05-3600 seconds: using %s", name, default)
        return default
    return value


@dataclass
class Streams:
    """This process's open streams: how many per token, and which tokens still hold.

    Tokens are re-checked for all streams in one query, at most every heartbeat / 5, so 500
    streams cost one query a second, not a hundred; a revoked token's stream thus ends within
    1.2 heartbeats.
    """

    db: HubDB
    heartbeat: float = HEARTBEAT
    poll: float = POLL
    per_token: int = STREAMS_PER_TOKEN

    def __post_init__(self) -> None:
        self.open: Counter[str] = Counter()
        self._live: set[tuple[str, bool]] = set()
        self._checked_at = float("-inf")
        self._check_lock: anyio.Lock | None = None
        self.readers = anyio.CapacityLimiter(READERS)
        self._asks: list[_Ask] = []
        self._drainer: asyncio.Task | None = None

    @classmethod
    def configured(cls, db: HubDB, heartbeat: float | None, poll: float | None) -> Streams:
        """create_app's options, else the environment's, else the defaults."""
        return cls(
            db,
            heartbeat=heartbeat or seconds_from_environment(HEARTBEAT_ENV, HEARTBEAT),
            poll=poll or seconds_from_environment(POLL_ENV, POLL),
        )

    def take(self, principal: Principal) -> bool:
        if self.open[principal.name] >= self.per_token:
            return False
        self.open[principal.name] += 1
        return True

    def release(self, principal: Principal) -> None:
        self.open[principal.name] -= 1
        if self.open[principal.name] <= 0:
            del self.open[principal.name]

    async def still_live(self, principal: Principal) -> bool:
        """The token is not revoked (nor its role changed), as of at most heartbeat / 5 ago."""
        if self._check_lock is None:
            self._check_lock = anyio.Lock()
        async with self._check_lock:
            if time.monotonic() - self._checked_at >= self.heartbeat / 5:
                started = time.monotonic()
                names = list(self.open)
                self._live = await anyio.to_thread.run_sync(
                    self._read_live, names, limiter=self.readers
                )
                self._checked_at = started
        return (principal.name, principal.admin) in self._live

    async def read(
        self, principal: Principal, visibility: str, cursor: int
    ) -> tuple[list[tuple[int, str]], str]:
        """The stream's next rows as (cursor, JSON) and the catalogue's ETag.

        Streams woken by one ring ask together: one worker-thread trip and one connection
        for all, one query per set of streams that see the same rows from the same cursor
        (500 streams cost about one query per sign-up, not 500); each stream's rows are
        still shaped for its own caller."""
        future = asyncio.get_running_loop().create_future()
        self._asks.append(_Ask(principal, visibility, cursor, future))
        if self._drainer is None:
            self._drainer = asyncio.get_running_loop().create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        try:
            while self._asks:
                waiting = -1
                while waiting != len(self._asks):  # the other streams woken with this one
                    waiting = len(self._asks)
                    await asyncio.sleep(0)
                batch, self._asks = self._asks, []
                try:
                    answers = await anyio.to_thread.run_sync(
                        self._read_batch, batch, limiter=self.readers
                    )
                except Exception as exc:  # the database failed: these streams end
                    log.warning("events: read failed (%s)", type(exc).__name__)
                    answers = [exc] * len(batch)
                for ask, answer in zip(batch, answers, strict=True):
                    if ask.future.done():  # its stream was closed meanwhile
                        continue
                    if isinstance(answer, Exception):
                        ask.future.set_exception(answer)
                    else:
                        ask.future.set_result(answer)
        finally:
            self._drainer = None

    def _read_batch(self, batch: list[_Ask]) -> list[tuple[list[tuple[int, str]], str]]:
        rows: dict[tuple[str, int], list] = {}
        answers = []
        with self.db.read() as conn:
            etag = api_catalogue.current_etag(conn)
            for ask in batch:
                key = (ask.visibility, ask.cursor)
                if key not in rows:
                    rows[key] = rows_after(conn, ask.principal, ask.cursor, PAGE)
                items = [shaped(row, ask.principal) for row in rows[key]]
                answers.append(([(i.cursor, i.model_dump_json()) for i in items], etag))
        return answers

    def _read_live(self, names: list[str]) -> set[tuple[str, bool]]:
        if not names:
            return set()
        with self.db.read() as conn:
            rows = conn.execute(
                select(TOKENS.c.name, TOKENS.c.admin).where(
                    TOKENS.c.name.in_(names), TOKENS.c.revoked_at.is_(None)
                )
            ).all()
        return {(r.name, bool(r.admin)) for r in rows}


@dataclass
class _Ask:
    principal: Principal
    visibility: str  # the rows it sees: access.visible as SQL text
    cursor: int
    future: asyncio.Future


def _visibility(principal: Principal) -> str:
    """access.visible's clause as text: streams whose texts match see the same rows."""
    return str(access.visible(principal).compile(compile_kwargs={"literal_binds": True}))


class _CountedStream(EventSourceResponse):
    """The stream's slot is given back however it ends (even if it never started)."""

    def __init__(self, *args, release, **kwargs):
        super().__init__(*args, **kwargs)
        self._release = release

    async def __call__(self, scope, receive, send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._release()


def parse_cursor(last_event_id: str | None, since: int) -> int:
    """Where to resume: Last-Event-ID (what an EventSource sends on reconnect) over ?since."""
    if last_event_id is None or not last_event_id.strip():
        return since
    value = last_event_id.strip()
    if not CURSOR_RE.fullmatch(value) or int(value) > CURSOR_MAX:
        raise HTTPException(400, "last_event_id_invalid: a cursor from 0 (a registration's seq)")
    return int(value)


async def _events(streams: Streams, principal: Principal, cursor: int):
    etag = None
    visibility = _visibility(principal)
    beat_at = time.monotonic() + streams.heartbeat
    while True:
        poll_at = time.monotonic() + streams.poll
        ring = wakeup.BELL.round()  # before the read: a commit after it rings this round
        try:
            items, current = await streams.read(principal, visibility, cursor)
        except Exception:  # the database failed (logged once in _drain): end; the client
            return  # reconnects from its Last-Event-ID
        if current != etag:
            etag = current
            yield ServerSentEvent(event="catalogue", data=json.dumps({"etag": etag}))
        for cursor, data in items:  # `cursor`: the last row sent, where to go on from
            yield ServerSentEvent(event="registration", id=str(cursor), data=data)
        if len(items) == PAGE:
            continue  # more of the backlog
        while not ring.is_set() and time.monotonic() < poll_at:
            if time.monotonic() < beat_at:
                with anyio.move_on_after(min(beat_at, poll_at) - time.monotonic()):
                    await ring.wait()
                continue
            if not await streams.still_live(principal):
                return  # revoked: the stream ends; a reconnect gets 401
            yield ServerSentEvent(comment="ping")
            beat_at = time.monotonic() + streams.heartbeat


@router.get(
    "/events",
    include_in_schema=False,  # an endless text/event-stream: documented in docs/hub-api.md
)
async def events(
    request: Request,
    principal: deps.Caller,
    since: Annotated[int, Query(ge=0, le=CURSOR_MAX)] = 0,
    last_event_id: Annotated[str | None, Header()] = None,
):
    """Registrations the caller may see and catalogue changes, pushed (see the module doc)."""
    cursor = parse_cursor(last_event_id, since)
    streams: Streams = request.app.state.events
    if not streams.take(principal):
        raise HTTPException(
            429,
            f"too_many_streams: at most {streams.per_token} open streams per token",
            headers={"Retry-After": str(max(1, round(streams.heartbeat)))},
        )
    return _CountedStream(
        _events(streams, principal, cursor),
        release=lambda: streams.release(principal),
        headers={"Cache-Control": "no-cache"},
        ping=0,  # our own `: ping`, which also re-checks the token
        sep="\n",
    )
