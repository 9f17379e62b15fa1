"""The hub's FastAPI application: `create_app(db_url)` wires the database, tokens and routes."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException

from hostdesk import __version__
from hostdesk.hub import (
    api_catalogue,
    api_erasures,
    api_registrations,
    deps,
    events,
    signup_page,
    wakeup,
)
from hostdesk.hub.auth import DEFAULT_RATE_LIMIT, RATE_WINDOW, TokenLookup
from hostdesk.hub.db import HubDB
from hostdesk.hub.deps import AUTH_ERRORS, Hub
from hostdesk.hub.errors import log_internal, validation_error, withhold_messages
from hostdesk.hub.limits import MAX_BODY, BodyLimit
from hostdesk.hub.office import routes as office_routes
from hostdesk.hub.ratelimit import make_limiter
from hostdesk.hub.retention import RetentionLoop
from hostdesk.hub.schemas import ErrorOut, HealthOut, MeOut
from hostdesk.hub.signup_page import DEFAULT_PAGE_RATE_LIMIT, DEFAULT_RETENTION_DAYS

log = logging.getLogger(__name__)


def create_app(
    db_url: str,
    *,
    rate_limit: int = DEFAULT_RATE_LIMIT,
    max_body: int = MAX_BODY,
    agency: str = "",
    retention_days: int = DEFAULT_RETENTION_DAYS,
    page_rate_limit: int = DEFAULT_PAGE_RATE_LIMIT,
    page_get_rate_limit: int | None = None,
    public_url: str = "",
    events_heartbeat: float | None = None,
    events_poll: float | None = None,
) -> FastAPI:
    """The app on the database at `db_url` (made on first start). `rate_limit`: writes per
    token per 10 s (0: no limit). The sign-up page (/j/{code}): `agency` and
    `retention_days` are named in its privacy notice; `page_rate_limit`: sign-up POSTs per
    client IP per minute (0: no limit); `page_get_rate_limit`: page views per client IP per
    minute (None: 3 x page_rate_limit, i.e. 60). `public_url`: the address phones open,
    told to PCs by /api/v1/me so their QR codes name it. On PostgreSQL the limits are counted in
    the database, so every hub process on it shares them. GET /api/v1/events: `events_heartbeat`
    seconds between pings, a re-read at least every `events_poll` seconds (None:
    $HOSTDESK_HUB_EVENTS_HEARTBEAT / _POLL, else 5 and 10)."""
    db = HubDB(db_url)
    db.create_schema()
    limiter = make_limiter(db, "api", rate_limit, RATE_WINDOW)
    hub = Hub(db=db, tokens=TokenLookup(db), limiter=limiter)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # The page promises deletion after `retention_days`: purge now and every hour.
        retention = RetentionLoop(db, retention_days).start()
        # PostgreSQL: commits of every hub process wake this one's event streams (wakeup.py).
        listener = wakeup.Listener(db.url).start() if db.dialect == "postgresql" else None
        try:
            yield
        finally:
            if listener is not None:
                listener.stop()
            retention.stop()
            db.close()

    app = FastAPI(
        title="HostDesk hub",
        version=__version__,
        description="Sign-ups from the broadcast PCs, exactly once; the job catalogue.",
        lifespan=lifespan,
        # No /docs or /redoc: their pages load scripts from a public CDN, and a hub on the
        # internet need not show its API to every visitor. /openapi.json stays (clients, tests).
        docs_url=None,
        redoc_url=None,
        # No redirect from /path/ to /path: Starlette builds it from the request's Host
        # header, so `Host: evil.example` would send the client there.
        redirect_slashes=False,
    )
    app.state.hub = hub
    app.add_middleware(BodyLimit, limit=max_body)
    app.include_router(api_registrations.router)
    app.include_router(api_catalogue.router)
    app.include_router(api_erasures.router)
    app.state.events = events.Streams.configured(db, events_heartbeat, events_poll)
    app.include_router(events.router)
    signup_page.install(
        app, db, agency=agency, retention_days=retention_days, rate_limit=page_rate_limit,
        get_rate_limit=page_get_rate_limit,
    )  # fmt: skip
    office_routes.install(app, db)  # the staff's web desk, /office/

    @app.get("/api/v1/me", response_model=MeOut, responses=AUTH_ERRORS, tags=["auth"])
    def me(principal: deps.Caller) -> MeOut:
        """The token's name (a broadcast PC puts it in its sign-up links as d=), its role, and
        the hub's public address (its QR codes should name it; empty: not set)."""
        return MeOut(name=principal.name, admin=principal.admin, public_url=public_url)

    @app.get(
        "/healthz",
        response_model=HealthOut,
        responses={503: {"model": ErrorOut, "description": "the database does not answer"}},
        tags=["health"],
    )
    def healthz() -> HealthOut:
        try:
            with db.read() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:
            log.warning("database check failed: %s", type(exc).__name__)
            raise HTTPException(503, "database unavailable") from None
        return HealthOut(status="ok", database=db.database)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        # The viewers' pages answer in HTML (a wrong method, a path under /j/ that is not a
        # page); the API keeps FastAPI's JSON.
        if request.url.path.startswith("/office/") and exc.status_code >= 400:
            return office_routes.error_page(request, exc.status_code)
        if _is_page(request) and exc.status_code >= 400:
            return signup_page.error_page(request, exc.status_code, "bad", exc.headers)
        return await http_exception_handler(request, exc)

    # A 422 names the field and the kind of error, never the value (it may be a phone).
    app.add_exception_handler(RequestValidationError, validation_error)
    # uvicorn logs the exception Starlette re-raises after our 500: frames, no messages.
    withhold_messages("uvicorn.error", "uvicorn")

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        # Where it failed to the log, without any exception's message (a validation error
        # lists its inputs, a database error its parameters); a JSON 500 out.
        log_internal(exc)
        if request.url.path.startswith("/office/"):
            return office_routes.error_page(request, 500)
        if _is_page(request):
            return signup_page.error_page(request, 500, "internal")
        return JSONResponse({"detail": "internal error"}, status_code=500)

    return app


def _is_page(request: Request) -> bool:
    return request.url.path.startswith(("/j/", "/static/"))
