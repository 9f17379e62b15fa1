"""Refusals and failures without personal data: 422 bodies and tracebacks that echo no input.

A request may carry a name and a phone number. FastAPI's 422 body repeats each wrong
value ("input"), and an exception's message may hold it too: a validation error lists
its inputs, a database error its SQL parameters. So a 422 here says where and what kind
(loc, msg, type) and never the value, and a traceback written to the log keeps the
frames and the exception types but no exception's message.
"""

from __future__ import annotations

import logging
import traceback

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)


def _error(err: dict) -> dict:
    loc = [part if isinstance(part, int) else str(part) for part in err.get("loc", ())]
    return {"loc": loc, "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))}


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with each error's place, wording and kind; no input, no context values."""
    errors = [_error(e) for e in exc.errors()]
    route = request.scope.get("route")
    log.info(
        "request refused (%s %s): %s",
        request.method,
        getattr(route, "path", "?"),  # the template (/j/{code}), never the path itself
        ", ".join(sorted({e["type"] for e in errors})),
    )
    return JSONResponse({"detail": errors}, status_code=422)


def safe_traceback(exc: BaseException) -> str:
    """The traceback of `exc` and of the exceptions it chains, with no exception's message."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    for number, link in enumerate(reversed(chain)):
        if number:
            lines.append("\nwhich led to:\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(traceback.extract_tb(link.__traceback__)))
        lines.append(f"{type(link).__module__}.{type(link).__qualname__} (message withheld)\n")
    return "".join(lines).rstrip("\n")


class WithholdMessages(logging.Filter):
    """Replaces a record's exception by safe_traceback's text (for loggers we do not own,
    such as uvicorn's "Exception in ASGI application")."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = safe_traceback(record.exc_info[1])
            record.exc_info = None
        return True


def log_internal(exc: BaseException) -> None:
    """An unexpected failure: its type and where it happened, for the operator."""
    log.error("internal error: %s\n%s", type(exc).__name__, safe_traceback(exc))


_FILTER = WithholdMessages()


def withhold_messages(*logger_names: str) -> None:
    """Put the filter on these loggers (idempotent: one filter per logger)."""
    for name in logger_names:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
