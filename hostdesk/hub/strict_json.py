"""Request bodies read as strict JSON: UTF-8, no NaN or Infinity, no duplicate keys.

Python's json module takes NaN, Infinity and 1e400 (a float infinity), and keeps the last
of two equal keys. Here a body that is not JSON at all (or not UTF-8, or nested past what
the parser can follow, or with a key twice) is a 400; a non-finite number becomes
NON_FINITE, a value no schema field accepts: refused with a 422 where the schema wants a
number, and inside a batch item's free-form payload that one item is rejected
("payload_invalid", see ingest._check), never its whole batch.
"""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi import HTTPException, Request
from fastapi.routing import APIRoute

NOT_JSON = "the body is not JSON (UTF-8, no NaN or Infinity, each key once)"


class _NonFinite:
    """Stands for NaN, Infinity or an out-of-range float; never equal to a number."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NON_FINITE"


NON_FINITE = _NonFinite()


class DuplicateKey(ValueError):
    """An object names the same key twice."""


def _constant(_name: str) -> _NonFinite:
    return NON_FINITE


def _float(text: str) -> float | _NonFinite:
    value = float(text)
    return value if math.isfinite(value) else NON_FINITE


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise DuplicateKey("a key appears twice")
    return obj


_decoder = json.JSONDecoder(parse_float=_float, parse_constant=_constant, object_pairs_hook=_object)


def loads(body: bytes) -> Any:
    """The JSON in `body`, or ValueError (RecursionError for nesting too deep to follow)."""
    text = body.decode("utf-8")  # UnicodeDecodeError is a ValueError
    return _decoder.decode(text)


class StrictJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            try:
                self._json = loads(await self.body())
            except (ValueError, RecursionError):
                # Raised as an HTTPException so that FastAPI answers it as it is, without
                # keeping the body on an exception that a log might print.
                raise HTTPException(400, NOT_JSON) from None
        return self._json


class StrictJSONRoute(APIRoute):
    """A route whose JSON body is read by `loads` (APIRouter(route_class=StrictJSONRoute))."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def strict(request: Request):
            return await handler(StrictJSONRequest(request.scope, request.receive))

        return strict
