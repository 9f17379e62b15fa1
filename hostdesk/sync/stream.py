"""The hub's event stream (GET /api/v1/events, Server-Sent Events): one connection per thread.

An `EventStream` opens the stream with `Last-Event-ID` = the stored registrations cursor
(read by the worker, on its thread, just before),
hands every event to `deliver` as it comes, and ends by delivering one `StreamEnd` that
says why (the sync worker decides whether and when to open the next one). No retries here,
no state kept across connections: the cursor in the store is the truth, so a connection cut
anywhere repeats at most what the store has not committed, and skips nothing.

Parsing follows the WHATWG event-stream rules (lines ending in LF, CRLF or CR; `data`
lines joined by LF; comments as keep-alives); no library for it is installed with the
desktop and the rules fit in one small class.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import requests
import urllib3
from requests.adapters import HTTPAdapter

from hostdesk.sync.client import (
    BAD_URL,
    CAPTIVE_PORTAL,
    FORBIDDEN,
    NETWORK,
    SERVER,
    UNAUTHORIZED,
    parse_retry_after,
)

log = logging.getLogger(__name__)

EVENTS_PATH = "/api/v1/events"
# The hub sends a keep-alive every 5 s: three missed ones and the connection is dead (or a
# proxy buffers it, which is as useless).
SILENCE_TIMEOUT = 15.0
MAX_LINE = 1 << 20  # one event's line; a longer one is not the hub's

# How a connection ended (StreamEnd.outcome).
DROPPED = "dropped"  # it was open, then cut or closed (reconnect)
SILENT = "silent"  # opened, then nothing at all within SILENCE_TIMEOUT (a buffering proxy)
UNREACHABLE = "unreachable"  # no answer: the hub is down or the network is
BUSY = "busy"  # 429, 5xx: the hub asks to wait (retry_after when it says how long)
REFUSED = "refused"  # 401, 403: the token is no good (reason says which)
UNSUPPORTED = "unsupported"  # 404/405/410 or not an event stream: an older hub, or a portal
CLOSED = "closed"  # closed by us


@dataclass(frozen=True)
class StreamEvent:
    kind: str  # registration | catalogue | an unknown name (ignored by the worker)
    id: int | None  # the cursor of a registration event
    data: object  # the event's JSON


@dataclass(frozen=True)
class StreamOpen:
    """The hub accepted the stream: events may follow."""


@dataclass(frozen=True)
class StreamEnd:
    outcome: str
    reason: str = ""  # for REFUSED: unauthorized | forbidden; else a code for the log
    retry_after: float | None = None
    events: int = 0  # events delivered on this connection before it ended
    lasted: float = 0.0  # seconds the connection was open


class SseParser:
    """Incremental event-stream parser: feed bytes, get (event name, data, id) per event."""

    def __init__(self):
        self._buffer = ""
        self._decoder = None
        self._cr_pending = False  # a CR ended the last chunk: an LF after it is the same break
        self._event, self._data, self._id = "", [], None
        self.comments = 0

    def feed(self, chunk: bytes) -> list[tuple[str, str, str | None]]:
        if self._decoder is None:
            import codecs

            self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        text = self._decoder.decode(chunk)
        if self._cr_pending and text.startswith("\n"):
            text = text[1:]
        self._cr_pending = False
        self._buffer += text
        out = []
        while True:
            cut = _line_break(self._buffer)
            if cut is None:
                break
            end, after = cut
            if self._buffer[end] == "\r" and after == len(self._buffer):
                self._cr_pending = True  # the LF may come in the next chunk
            line, self._buffer = self._buffer[:end], self._buffer[after:]
            event = self._line(line)
            if event is not None:
                out.append(event)
        if len(self._buffer) > MAX_LINE:
            raise ValueError("an event-stream line is too long")
        return out

    def _line(self, line: str) -> tuple[str, str, str | None] | None:
        if not line:
            if not self._data:
                self._event = ""
                return None
            event = (self._event or "message", "\n".join(self._data), self._id)
            self._event, self._data = "", []
            return event
        if line.startswith(":"):
            self.comments += 1
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id" and "\0" not in value:
            self._id = value
        return None  # "retry" and unknown fields: the worker has its own policy


def _line_break(text: str) -> tuple[int, int] | None:
    """(end of the first line, start of the next) in `text`, or None without a line break."""
    cr, lf = text.find("\r"), text.find("\n")
    if cr < 0 and lf < 0:
        return None
    if lf < 0 or (0 <= cr < lf):
        return cr, cr + 2 if text.startswith("\n", cr + 1) else cr + 1
    return lf, lf + 1


def _event(name: str, data: str, last_id: str | None) -> StreamEvent | None:
    try:
        body = json.loads(data)
    except ValueError:
        log.warning("event stream: a %s event that is not JSON was passed over", name[:40])
        return None
    cursor = None
    if last_id is not None and last_id.isdigit():
        cursor = int(last_id)
    return StreamEvent(kind=name, id=cursor if name == "registration" else None, data=body)


class EventStream:
    """One connection to the hub's event stream, read on its own (daemon) thread."""

    def __init__(
        self,
        base_url: str,
        token: str,
        last_event_id: int,
        deliver: Callable[[object], None],
        *,
        connect_timeout: float = 5.0,
        silence_timeout: float = SILENCE_TIMEOUT,
    ):
        self.base_url = (base_url or "").strip().rstrip("/")
        self._token = token
        self._last_event_id = last_event_id  # the stored cursor, read by the worker
        self._deliver = deliver
        self._timeout = (connect_timeout, silence_timeout)
        self._closing = threading.Event()
        self._response: requests.Response | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> EventStream:
        self._thread = threading.Thread(target=self._run, name="hostdesk-events", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """End the connection now (from any thread); its StreamEnd says CLOSED."""
        self._closing.set()
        response = self._response
        if response is not None:
            # Shutting the socket down wakes the reading thread at once (closing alone
            # may leave it blocked until the silence timeout).
            sock = getattr(getattr(response.raw, "connection", None), "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        end, began = StreamEnd(CLOSED), time.monotonic()
        try:
            end = self._connect_and_read()
        except Exception as exc:  # never let the reader die silently: the worker must know
            log.warning("event stream failed: %s", type(exc).__name__)
            end = StreamEnd(DROPPED, type(exc).__name__)
        finally:
            outcome = CLOSED if self._closing.is_set() else end.outcome
            self._deliver(replace(end, outcome=outcome, lasted=time.monotonic() - began))

    def _connect_and_read(self) -> StreamEnd:
        session = requests.Session()
        session.mount("http://", HTTPAdapter(max_retries=0))
        session.mount("https://", HTTPAdapter(max_retries=0))
        headers = {
            "Accept": "text/event-stream",
            "Cache-Control": "no-cache",
            "Authorization": f"Bearer {self._token}",
            "Last-Event-ID": str(self._last_event_id),
        }
        try:
            try:
                response = session.get(
                    self.base_url + EVENTS_PATH,
                    headers=headers,
                    timeout=self._timeout,
                    stream=True,
                    allow_redirects=False,
                )
            except requests.exceptions.RequestException as exc:
                return StreamEnd(UNREACHABLE, type(exc).__name__)
            self._response = response
            try:
                return self._read(response)
            finally:
                response.close()
        finally:
            self._response = None
            session.close()

    def _read(self, response: requests.Response) -> StreamEnd:
        code = response.status_code
        if code == 401:
            return StreamEnd(REFUSED, UNAUTHORIZED)
        if code == 403:
            return StreamEnd(REFUSED, FORBIDDEN)
        if code in (404, 405, 410):
            return StreamEnd(UNSUPPORTED, BAD_URL)
        if code in (408, 425, 429) or code >= 500:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            return StreamEnd(BUSY, SERVER, retry_after=retry_after)
        ctype = response.headers.get("Content-Type", "").lower()
        if code != 200 or not ctype.startswith("text/event-stream"):
            return StreamEnd(UNSUPPORTED, CAPTIVE_PORTAL)
        self._deliver(StreamOpen())
        parser, events, heard = SseParser(), 0, False
        try:
            # chunk_size=None: each piece as the network gives it, not after a full buffer.
            for chunk in response.iter_content(chunk_size=None):
                if self._closing.is_set():
                    break
                heard = heard or bool(chunk)
                for name, data, last_id in parser.feed(chunk):
                    event = _event(name, data, last_id)
                    if event is not None:
                        self._deliver(event)
                        events += 1
        except (requests.exceptions.RequestException, ValueError) as exc:
            cause = exc.args[0] if exc.args else None
            timed_out = isinstance(exc, requests.exceptions.Timeout) or isinstance(
                cause, urllib3.exceptions.ReadTimeoutError
            )
            if timed_out and not heard:
                return StreamEnd(SILENT, "no keep-alive", events=events)
            return StreamEnd(DROPPED, NETWORK if not timed_out else "silence", events=events)
        return StreamEnd(DROPPED, "closed by the hub", events=events)
