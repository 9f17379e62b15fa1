"""GET /api/v1/events: what a caller may see, pushed as Server-Sent Events as soon as it commits.

Callers: a device or admin token (Authorization: Bearer), or a signed-in back-office user's
session cookie: GET /office/events, the path under which a browser sends that cookie (an
office page's EventSource), or /api/v1/events with the cookie and no token. Staff who work leads
(access.works_leads: office admin, recruiter) see every sign-up, masked as the lead desk
shows it (access.lead_shape, never revealed here); an employer account has no stream (its
view is /office/employer). A session that ends (signed out, idle or total time over, the
account disabled) ends its streams at the next heartbeat, as a revoked token does.

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
from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import ColumnElement, select
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from hostdesk.hub import access, api_catalogue, deps, staff, wakeup
from hostdesk.hub.api_registrations import CURSOR_MAX, OUT_COLUMNS, shaped
from hostdesk.hub.auth import Principal
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import REGS, TOKENS
from hostdesk.hub.schemas import RegistrationOut

log = logging.getLogger(__name__)
router = APIRouter(tags=["events"])
OFFICE_COOKIE = "hd_office"  # the back office's session cookie (office/routes.py COOKIE)
_bearer = HTTPBearer(auto_error=False, description="a device or admin token")

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


@dataclass(frozen=True)
class Viewer:
    """Who holds a stream: a token's owner (device, admin) or a signed-in staff member.

    `key` counts streams against STREAMS_PER_TOKEN (per token, per staff account); `live`
    is what the liveness check must still find (the token unrevoked with the same scope,
    or the session valid with the same role)."""

    principal: Principal | None = None
    user: staff.Staff | None = None
    session: str = ""  # the session cookie's digest (staff only)

    @property
    def key(self) -> str:
        if self.principal is not None:
            return f"token:{self.principal.name}"
        return f"staff:{self.user.id}"

    @property
    def live(self) -> tuple[str, str, str]:
        if self.principal is not None:
            return ("token", self.principal.name, self.principal.scope)
        return ("session", self.session, self.user.role)

    def where(self) -> ColumnElement[bool]:
        """The rows it may see (access.py)."""
        if self.principal is not None:
            return access.visible(self.principal)
        return access.leads_visible(self.user)

    def item(self, row) -> RegistrationOut:
        """A row as it receives it: the list route's item for a token, the lead desk's
        masking for staff; the cursor named."""
        if self.principal is not None:
            return shaped(row, self.principal)
        m = access.lead_shape(self.user, dict(row._mapping))
        m["cursor"] = m.pop("seq")
        return RegistrationOut(**m)


@dataclass
class Streams:
    """This process's open streams: how many per token (or staff account), and which tokens
    and staff sessions still hold.

    They are re-checked for all streams at once (one query for the tokens, one for the
    sessions), at most every heartbeat / 5, so 500 streams cost a query or two a second, not a
    hundred; a revoked token's or an ended session's stream thus ends within 1.2 heartbeats.
    """

    db: HubDB
    heartbeat: float = HEARTBEAT
    poll: float = POLL
    per_token: int = STREAMS_PER_TOKEN

    def __post_init__(self) -> None:
        self.open: Counter[str] = Counter()
        self._holders: Counter[tuple[str, str, str]] = Counter()  # Viewer.live of open streams
        self._live: set[tuple[str, str, str]] = set()
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

    def take(self, viewer: Viewer) -> bool:
        if self.open[viewer.key] >= self.per_token:
            return False
        self.open[viewer.key] += 1
        self._holders[viewer.live] += 1
        return True

    def release(self, viewer: Viewer) -> None:
        for counter, key in ((self.open, viewer.key), (self._holders, viewer.live)):
            counter[key] -= 1
            if counter[key] <= 0:
                del counter[key]

    async def still_live(self, viewer: Viewer) -> bool:
        """The token is not revoked (nor its scope changed), or the staff session still holds
        (nor the role changed), as of at most heartbeat / 5 ago."""
        if self._check_lock is None:
            self._check_lock = anyio.Lock()
        async with self._check_lock:
            if time.monotonic() - self._checked_at >= self.heartbeat / 5:
                started = time.monotonic()
                holders = list(self._holders)
                self._live = await anyio.to_thread.run_sync(
                    self._read_live, holders, limiter=self.readers
                )
                self._checked_at = started
        return viewer.live in self._live

    async def read(
        self, viewer: Viewer, visibility: str, cursor: int
    ) -> tuple[list[tuple[int, str]], str]:
        """The stream's next rows as (cursor, JSON) and the catalogue's ETag.

        Streams woken by one ring ask together: one worker-thread trip and one connection
        for all, one query per set of streams that see the same rows from the same cursor
        (500 streams cost about one query per sign-up, not 500); each stream's rows are
        still shaped for its own caller."""
        future = asyncio.get_running_loop().create_future()
        self._asks.append(_Ask(viewer, visibility, cursor, future))
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
                    rows[key] = _rows_after(conn, ask.viewer.where(), ask.cursor)
                items = [ask.viewer.item(row) for row in rows[key]]
                answers.append(([(i.cursor, i.model_dump_json()) for i in items], etag))
        return answers

    def _read_live(self, holders: list[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
        names = [name for kind, name, _ in holders if kind == "token"]
        digests = [digest for kind, digest, _ in holders if kind == "session"]
        live: set[tuple[str, str, str]] = set()
        if not names and not digests:
            return live
        with self.db.read() as conn:
            if names:
                rows = conn.execute(
                    select(TOKENS.c.name, TOKENS.c.admin).where(
                        TOKENS.c.name.in_(names), TOKENS.c.revoked_at.is_(None)
                    )
                ).all()
                live |= {("token", r.name, "admin" if r.admin else "device") for r in rows}
            live |= {
                ("session", digest, role) for digest, role in staff.live_sessions(conn, digests)
            }
        return live


@dataclass
class _Ask:
    viewer: Viewer
    visibility: str  # the rows it sees: Viewer.where as SQL text
    cursor: int
    future: asyncio.Future


def _rows_after(conn, where: ColumnElement[bool], cursor: int) -> list:
    """The next PAGE rows of OUT_COLUMNS after `cursor` that `where` lets through."""
    stmt = select(*OUT_COLUMNS).where(REGS.c.seq > cursor, where)
    return conn.execute(stmt.order_by(REGS.c.seq).limit(PAGE)).all()


def _visibility(viewer: Viewer) -> str:
    """The viewer's clause as text: streams whose texts match see the same rows."""
    return str(viewer.where().compile(compile_kwargs={"literal_binds": True}))


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


async def _events(streams: Streams, viewer: Viewer, cursor: int):
    etag = None
    visibility = _visibility(viewer)
    beat_at = time.monotonic() + streams.heartbeat
    while True:
        poll_at = time.monotonic() + streams.poll
        ring = wakeup.BELL.round()  # before the read: a commit after it rings this round
        try:
            items, current = await streams.read(viewer, visibility, cursor)
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
            if not await streams.still_live(viewer):
                return  # revoked or signed out: the stream ends; a reconnect gets 401
            yield ServerSentEvent(comment="ping")
            beat_at = time.monotonic() + streams.heartbeat


async def viewer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Viewer:
    """The bearer token's owner; without a token, the office session cookie's staff member.
    401 for neither (or an ended session), 403 for a staff member without a stream."""
    if credentials is not None and credentials.credentials:
        return Viewer(principal=await run_in_threadpool(deps.caller, request, credentials))
    cookie = request.cookies.get(OFFICE_COOKIE, "")
    if not cookie:
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    db = deps.hub(request).db
    user, why = await run_in_threadpool(staff.session_of, db, cookie)
    if user is None:
        if why == "disabled":  # logged as the office logs a disabled account's old cookie
            await run_in_threadpool(staff.record, db, "?", "session_refused", "", "disabled")
        raise HTTPException(401, "session_ended: sign in again")
    if not access.works_leads(user):
        raise HTTPException(403, "no_event_stream: this account has no event stream")
    return Viewer(user=user, session=staff.session_digest(cookie))


@router.get("/office/events", include_in_schema=False)  # the office's pages (cookie)
@router.get(
    "/api/v1/events",
    include_in_schema=False,  # an endless text/event-stream: documented in docs/hub-api.md
)
async def events(
    request: Request,
    who: Annotated[Viewer, Depends(viewer)],
    since: Annotated[int, Query(ge=0, le=CURSOR_MAX)] = 0,
    last_event_id: Annotated[str | None, Header()] = None,
):
    """Registrations the caller may see and catalogue changes, pushed (see the module doc)."""
    cursor = parse_cursor(last_event_id, since)
    streams: Streams = request.app.state.events
    if not streams.take(who):
        raise HTTPException(
            429,
            f"too_many_streams: at most {streams.per_token} open streams per token",
            headers={"Retry-After": str(max(1, round(streams.heartbeat)))},
        )
    return _CountedStream(
        _events(streams, who, cursor),
        release=lambda: streams.release(who),
        headers={"Cache-Control": "no-cache"},
        ping=0,  # our own `: ping`, which also re-checks the token or session
        sep="\n",
    )
