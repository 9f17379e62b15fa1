"""What every route needs: the hub's state, the caller (token → device or admin), write limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hostdesk.hub.auth import Principal, TokenLookup
from hostdesk.hub.db import HubDB
from hostdesk.hub.ratelimit import Limiter
from hostdesk.hub.schemas import ErrorOut

_bearer = HTTPBearer(auto_error=False, description="a device token, or an admin token")


@dataclass
class Hub:
    db: HubDB
    tokens: TokenLookup
    limiter: Limiter  # writes per token: in the database on PostgreSQL (every process)


def hub(request: Request) -> Hub:
    return request.app.state.hub


def caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The token's owner, or 401. Admin tokens may do everything a device may."""
    if credentials is None or not credentials.credentials:
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    principal = hub(request).tokens.resolve(credentials.credentials)
    if principal is None:
        raise HTTPException(401, "unknown token", headers={"WWW-Authenticate": "Bearer"})
    return principal


def admin(principal: Annotated[Principal, Depends(caller)]) -> Principal:
    if not principal.admin:
        raise HTTPException(403, "this needs an admin token")
    return principal


def _limit(request: Request, principal: Principal) -> Principal:
    wait = hub(request).limiter.check(principal.name)
    if wait is not None:
        raise HTTPException(429, "too many requests", headers={"Retry-After": str(wait)})
    return principal


def writer(request: Request, principal: Annotated[Principal, Depends(caller)]) -> Principal:
    """A device or admin write: counted against the token's rate limit."""
    return _limit(request, principal)


def admin_writer(request: Request, principal: Annotated[Principal, Depends(admin)]) -> Principal:
    return _limit(request, principal)


HubDep = Annotated[Hub, Depends(hub)]
Caller = Annotated[Principal, Depends(caller)]
Writer = Annotated[Principal, Depends(writer)]
AdminWriter = Annotated[Principal, Depends(admin_writer)]


def _error(description: str) -> dict:
    return {"model": ErrorOut, "description": description}


RETRY_AFTER = {"Retry-After": {"description": "seconds to wait", "schema": {"type": "string"}}}
AUTH_ERRORS = {401: _error("missing or unknown token")}
ADMIN_ERRORS = {**AUTH_ERRORS, 403: _error("a device token on an admin route")}
WRITE_ERRORS = {
    400: _error("the body is not JSON (or not UTF-8)"),
    413: _error("request body over 1 MiB"),
    429: {**_error("rate limit: wait Retry-After seconds"), "headers": RETRY_AFTER},
}
