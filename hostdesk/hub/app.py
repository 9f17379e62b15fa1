"""The hub's FastAPI application: `create_app(db_url)` wires the database, tokens and routes."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from sqlalchemy import text

from hostdesk import __version__
from hostdesk.hub import api_catalogue, api_registrations
from hostdesk.hub.auth import DEFAULT_RATE_LIMIT, RateLimiter, TokenCache
from hostdesk.hub.db import HubDB
from hostdesk.hub.deps import Hub
from hostdesk.hub.limits import MAX_BODY, BodyLimit
from hostdesk.hub.schemas import ErrorOut, HealthOut

log = logging.getLogger(__name__)


def create_app(
    db_url: str, *, rate_limit: int = DEFAULT_RATE_LIMIT, max_body: int = MAX_BODY
) -> FastAPI:
    """The app on the database at `db_url` (made on first start). `rate_limit`: writes per
    token per 10 s (0: no limit)."""
    db = HubDB(db_url)
    db.create_schema()
    hub = Hub(db=db, tokens=TokenCache(db), limiter=RateLimiter(rate_limit))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        db.close()

    app = FastAPI(
        title="HostDesk hub",
        version=__version__,
        description="Sign-ups from the broadcast PCs, exactly once; the job catalogue.",
        lifespan=lifespan,
    )
    app.state.hub = hub
    app.add_middleware(BodyLimit, limit=max_body)
    app.include_router(api_registrations.router)
    app.include_router(api_catalogue.router)

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

    @app.exception_handler(Exception)
    async def _internal(_request, exc: Exception):
        # The traceback to the log (never a body: it may hold a phone number), a JSON 500 out.
        log.error("internal error: %s", type(exc).__name__, exc_info=exc)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    return app
