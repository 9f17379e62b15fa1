"""Request-size limit on writes (ASGI middleware): a body over the limit is answered 413 unread."""

from __future__ import annotations

import json

MAX_BODY = 1024 * 1024  # 1 MiB
WRITE_METHODS = {"POST", "PUT", "PATCH"}
# The back office's upload forms take a sheet of up to 5 MB and say so on their own page
# when it is larger; past this, the plain 413 (paths exactly, not prefixes).
UPLOAD_BODY = 8 * 1024 * 1024
UPLOAD_PATHS = frozenset({"/office/catalogue/upload", "/office/lead-import"})


class BodyLimit:
    """Reads a write's body up to the limit before the app sees it, then replays it."""

    def __init__(
        self,
        app,
        limit: int = MAX_BODY,
        *,
        prefix: str = "",
        page: bytes | None = None,
        headers: tuple[tuple[bytes, bytes], ...] = (),
    ):
        """`prefix`: only paths starting with it are limited; `page` (with extra `headers`):
        an HTML body for the 413 (the sign-up page's own limit) instead of the API's JSON."""
        self.app = app
        self.limit = limit
        self.prefix = prefix
        self.page = page
        self.headers = headers

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] not in WRITE_METHODS
            or not scope["path"].startswith(self.prefix)
        ):
            await self.app(scope, receive, send)
            return
        limit = max(self.limit, UPLOAD_BODY) if scope["path"] in UPLOAD_PATHS else self.limit
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                too_big = False
            if too_big:
                await _too_large(send, self.page, self.headers)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _too_large(send, self.page, self.headers)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send, page: bytes | None = None, headers=()) -> None:
    if page is None:
        body, kind = json.dumps({"detail": "request body over 1 MiB"}).encode(), b"application/json"
    else:
        body, kind = page, b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
