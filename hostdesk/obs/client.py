"""ObsClient: a hardened obs-websocket 5 client over obs-websocket-py 1.0 (plain Python, no Qt).

obs-websocket-py stays the protocol implementation: its request and event
classes and its Hello/Identify handshake with authentication (`obsws._auth`).
Its defects (../shared/notes/obs.md, 1-10) all live in its transport loop, so
that part is replaced here, each fix named where it is made:

1. requests are thread-safe: ids come from a counter under a lock, answers are
   routed by id to the waiting caller;
2./3. event handlers never run on the reader thread: the reader only enqueues,
   an events thread runs the handlers, logging what they raise;
4. connect() has one deadline for TCP, the HTTP upgrade and the handshake; the
   socket timeout is cleared afterwards so an idle connection survives;
5./6. when the reader dies (reset, EOF, close frame) every waiting call fails at
   once with ObsConnectionLost, `connected` turns False and `on_disconnect` is
   enqueued; later calls raise ObsConnectionLost, never BrokenPipeError;
7. close() is bounded: a best-effort close frame that cannot block, then the
   socket is shut down under the reader, whose join is bounded too;
8. nothing reconnects by itself: reconnecting is the caller's loop (obs/link.py);
9. failed requests raise ObsError with obs-websocket's code and comment, and a
   wrong password (close code 4009) raises ObsWrongPassword;
10. call_batch() sends a RequestBatch; the event subscription mask is a parameter.

One ObsClient talks to one OBS; connect() again after a loss starts a fresh
session (nothing from the old one, late answers or queued events, leaks into it).
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import logging
import queue
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import websocket
from obswebsocket import events, obsws
from obswebsocket.base_classes import Baseevents, Baserequests
from obswebsocket.exceptions import ConnectionFailure
from websocket import ABNF

from hostdesk.obs.errors import (
    ObsConnectionError,
    ObsConnectionLost,
    ObsError,
    ObsNotRunning,
    ObsTimeout,
    ObsWrongPassword,
)

LOG = logging.getLogger(__name__)

# obs-websocket 5 opcodes and close codes used here.
_OP_REIDENTIFY, _OP_IDENTIFIED, _OP_EVENT = 3, 2, 5
_OP_REQUEST, _OP_RESPONSE, _OP_BATCH, _OP_BATCH_RESPONSE = 6, 7, 8, 9
CLOSE_AUTHENTICATION_FAILED = 4009
#: EventSubscription::All, the mask obs-websocket-py's handshake always asks for
#: (every category except the high-volume ones such as InputVolumeMeters).
EVENTS_ALL = 1023
# "Nothing there" errors; Windows reports its WSA codes in OSError.errno.
_UNREACHABLE = {
    getattr(errno, name, None)
    for name in ("EHOSTUNREACH", "ENETUNREACH", "WSAEHOSTUNREACH", "WSAENETUNREACH")
} - {None}

EventHandler = Callable[[Baseevents], None]
DisconnectHandler = Callable[[ObsConnectionLost], None]


@dataclass(frozen=True)
class VideoSettings:
    """OBS's canvas (base) and scaled output sizes and frame rate, from GetVideoSettings."""

    base_width: int
    base_height: int
    output_width: int
    output_height: int
    fps_numerator: int
    fps_denominator: int

    @property
    def fps(self) -> float:
        return self.fps_numerator / self.fps_denominator


class _PeerClosed(Exception):
    """OBS sent a websocket close frame; `code` says why (4009 wrong password, 1001 exiting)."""

    def __init__(self, payload: bytes) -> None:
        self.code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
        self.reason = payload[2:].decode("utf-8", "replace")
        super().__init__(f"{self.code} {self.reason}".strip())


class _DirectSend:
    """websocket-client "dispatcher" hook that sends with one plain socket.send().

    websocket-client's own send, on EAGAIN, waits for writability with the
    socket timeout, i.e. forever once the timeout is cleared. A plain send lets
    the kernel's SO_SNDTIMEO (set after the handshake) bound a send to a peer
    that stopped reading; the error then drops the connection.
    """

    def send(self, sock: socket.socket, data: bytes) -> int:
        return sock.send(data)


class _WebSocket(websocket.WebSocket):
    """websocket-client's WebSocket with the peer's close frame raised, not swallowed.

    Its recv() turns a close frame into "", which is how obs-websocket-py loses
    the code obs-websocket explains itself with. `deadline` (monotonic) bounds
    each recv during the handshake.
    """

    deadline: float | None = None

    def recv(self) -> str:
        if self.deadline is not None and self.sock is not None:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("handshake deadline passed")
            self.sock.settimeout(remaining)
        with self.readlock:
            opcode, data = self.recv_data()
        if opcode == ABNF.OPCODE_CLOSE:
            raise _PeerClosed(data)
        return data.decode("utf-8") if isinstance(data, bytes) else data

    def send_close(self, status: int = websocket.STATUS_NORMAL, reason: bytes = b"") -> None:
        # recv_data() answers a close frame before returning it; if OBS already
        # dropped TCP that answer fails, and the failure must not hide the close code.
        with contextlib.suppress(OSError, websocket.WebSocketException):
            super().send_close(status, reason)


class _Pending:
    """One request waiting for its answer (or for the connection's death)."""

    __slots__ = ("done", "error", "response")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.response: dict | None = None
        self.error: ObsConnectionLost | None = None


def _lost(error: ObsConnectionLost) -> ObsConnectionLost:
    """A fresh copy to raise: one exception instance raised in several threads shares a traceback."""
    return ObsConnectionLost(str(error), error.close_code)


class _Session:
    """One identified connection: socket, reader thread, events thread and pending requests."""

    def __init__(self, ws: _WebSocket, label: str, client: ObsClient) -> None:
        self.ws = ws
        self.client = client
        self.lock = threading.Lock()
        self.pending: dict[str, _Pending] = {}
        self.ids = itertools.count(1)
        self.lost: ObsConnectionLost | None = None
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.reader = threading.Thread(target=self._read, name=f"obs-reader-{label}", daemon=True)
        self.events = threading.Thread(
            target=self._dispatch, name=f"obs-events-{label}", daemon=True
        )
        self.reader.start()
        self.events.start()

    def request(self, op: int, data: dict, timeout: float) -> dict:
        """Send one request message and wait for the answer with the same id."""
        slot = _Pending()
        with self.lock:
            if self.lost is not None:
                raise _lost(self.lost)
            request_id = str(next(self.ids))
            self.pending[request_id] = slot
        message = json.dumps({"op": op, "d": {**data, "requestId": request_id}})
        try:
            self.ws.send(message)
        except Exception as exc:  # OSError, a timed-out send, a socket closed under us
            self.fail(ObsConnectionLost(f"sending to OBS failed: {exc!r}"))
        if not slot.done.wait(timeout):
            with self.lock:
                self.pending.pop(request_id, None)
            if not slot.done.is_set():  # the answer may have landed just before the pop
                raise ObsTimeout(
                    f"OBS did not answer {data.get('requestType', 'a batch')} within {timeout:g} s"
                )
        if slot.error is not None:
            raise _lost(slot.error)
        assert slot.response is not None
        return slot.response

    def fail(self, error: ObsConnectionLost, notify: bool = True) -> None:
        """Mark the session dead once: wake every waiting call, unblock the reader, notify."""
        with self.lock:
            if self.lost is not None:
                return
            self.lost = error
            pending, self.pending = self.pending, {}
        for slot in pending.values():
            slot.error = error
            slot.done.set()
        sock = self.ws.sock
        if sock is not None:
            # shutdown (not close) wakes a recv blocked in the reader on every OS
            # and makes a send blocked on a full buffer fail at once.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if notify:
            self.queue.put(("lost", error))
        self.queue.put(None)

    def close(self, timeout: float) -> None:
        """Close politely if that cannot block, then for sure; bounded by `timeout`."""
        end = time.monotonic() + timeout
        if self.lost is None and self.ws.lock.acquire(timeout=min(0.2, timeout)):
            try:  # a close frame, never waiting: a hung OBS must not hold us here
                frame = ABNF.create_frame(
                    struct.pack("!H", websocket.STATUS_NORMAL), ABNF.OPCODE_CLOSE
                )
                if self.ws.sock is not None:  # Windows has no MSG_DONTWAIT: SO_SNDTIMEO bounds it
                    self.ws.sock.send(frame.format(), getattr(socket, "MSG_DONTWAIT", 0))
            except OSError:
                pass
            finally:
                self.ws.lock.release()
        self.fail(ObsConnectionLost("the connection was closed by HostDesk"), notify=False)
        current = threading.current_thread()
        for thread in (self.reader, self.events):
            if thread is not current:
                thread.join(max(0.0, end - time.monotonic()))
        self.ws.shutdown()

    def _read(self) -> None:
        try:
            while True:
                self._route(self.ws.recv())
        except _PeerClosed as closed:
            error = ObsConnectionLost(f"OBS closed the connection ({closed})", closed.code)
        except Exception as exc:  # reset, EOF, protocol error: the connection is over
            error = ObsConnectionLost(f"the connection to OBS was lost: {exc!r}")
        self.fail(error)
        self.ws.shutdown()  # the reader is the socket's last reader: release the fd

    def _route(self, text: str) -> None:
        """Hand an answer to its caller or queue an event; never raises, never waits."""
        try:
            message = json.loads(text)
            op, data = message["op"], message["d"]
            if not isinstance(data, dict):
                raise TypeError("d is not an object")
        except (ValueError, KeyError, TypeError) as exc:
            LOG.warning("ignoring a malformed message from OBS (%s): %.200r", exc, text)
            return
        if op in (_OP_RESPONSE, _OP_BATCH_RESPONSE):
            with self.lock:
                slot = self.pending.pop(str(data.get("requestId")), None)
            if slot is not None:  # else it timed out already: drop the late answer
                slot.response = data
                slot.done.set()
        elif op == _OP_EVENT:
            self.queue.put(("event", data))

    def _dispatch(self) -> None:
        while (item := self.queue.get()) is not None:
            kind, payload = item
            try:
                if kind == "event":
                    self.client._run_handlers(payload)
                else:
                    self.client._notify_lost(payload)
            except Exception:  # an odd event must not end event delivery
                LOG.exception("cannot deliver %s %.200r", kind, payload)


class ObsClient:
    """A connection to one OBS over obs-websocket 5; thread-safe; see the module docstring.

    Errors: connect() raises ObsNotRunning, ObsWrongPassword, ObsTimeout or
    ObsConnectionError; call() raises ObsError (OBS refused the request),
    ObsTimeout (no answer in time) or ObsConnectionLost (no connection).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 4455,
        password: str = "",
        *,
        connect_timeout: float = 5.0,
        request_timeout: float = 10.0,
        send_timeout: float = 5.0,
        event_subscriptions: int = EVENTS_ALL,
        on_disconnect: DisconnectHandler | None = None,
    ) -> None:
        self.host, self.port = host, port
        self.connect_timeout = connect_timeout
        self.request_timeout = request_timeout
        self.send_timeout = send_timeout
        self.event_subscriptions = event_subscriptions
        #: Called on the events thread when an established connection is lost
        #: (not after close()), with the ObsConnectionLost saying why.
        self.on_disconnect = on_disconnect
        # The library instance only runs the handshake (never .connect()), so its
        # RecvThread and authreconnect machinery never exist.
        self._proto = obsws(host, port, password, legacy=False, authreconnect=0)
        self._handlers: list[tuple[EventHandler, str | None]] = []
        self._handlers_lock = threading.Lock()
        self._connect_lock = threading.Lock()  # two connect()s must not make two sessions
        self._session: _Session | None = None

    # -- connection -------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        session = self._session
        return session is not None and session.lost is None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def connect(self) -> None:
        """Connect and identify within `connect_timeout` seconds; no-op when connected.

        Raises ObsNotRunning (refused: OBS closed or its WebSocket server off),
        ObsWrongPassword (4009), ObsTimeout (something accepted TCP but did not
        speak obs-websocket in time) or ObsConnectionError (anything else).
        On failure nothing is left running and nothing retries.
        """
        with self._connect_lock:
            if self.connected:
                return
            deadline = time.monotonic() + self.connect_timeout
            ws = _WebSocket(enable_multithread=True, dispatcher=_DirectSend())
            try:
                self._handshake(ws, deadline)
            except BaseException:
                ws.shutdown()
                raise
            ws.deadline = None
            ws.settimeout(None)  # note 4: a handshake timeout left on the socket kills the reader
            self._set_send_timeout(ws.sock)
            self._session = _Session(ws, f"{self.port}", self)

    def _handshake(self, ws: _WebSocket, deadline: float) -> None:
        where = self.address
        try:
            # Our own TCP socket: bounded connect, and websocket-client's
            # environment proxy lookup (http_proxy applies even to 127.0.0.1) is skipped.
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            ws.deadline = deadline
            sock.settimeout(max(0.001, deadline - time.monotonic()))
            ws.connect(
                f"ws://{_url_host(self.host)}:{self.port}", socket=sock, suppress_origin=True
            )
            self._proto.ws = ws
            self._proto._auth()  # Hello, Identify (with authentication), Identified
            if self.event_subscriptions != EVENTS_ALL:  # the library always asks for All
                mask = {"eventSubscriptions": self.event_subscriptions}
                ws.send(json.dumps({"op": _OP_REIDENTIFY, "d": mask}))
                while json.loads(ws.recv()).get("op") != _OP_IDENTIFIED:
                    pass
        except _PeerClosed as closed:
            if closed.code == CLOSE_AUTHENTICATION_FAILED:
                what = "rejected the password" if self._proto.password else "requires a password"
                raise ObsWrongPassword(f"OBS at {where} {what}") from None
            raise ObsConnectionError(f"OBS at {where} refused the connection ({closed})") from None
        except (TimeoutError, websocket.WebSocketTimeoutException):
            raise ObsTimeout(
                f"{where} did not answer as obs-websocket within {self.connect_timeout:g} s"
            ) from None
        except OSError as exc:
            if isinstance(exc, ConnectionRefusedError) or exc.errno in _UNREACHABLE:
                raise ObsNotRunning(
                    f"nothing listens at {where}: is OBS running with its WebSocket server on?"
                ) from None
            raise ObsConnectionError(f"cannot connect to {where}: {exc}") from None
        except (websocket.WebSocketException, ConnectionFailure, ValueError, KeyError) as exc:
            raise ObsConnectionError(f"{where} is not an obs-websocket 5 server: {exc!r}") from None

    def _set_send_timeout(self, sock: socket.socket) -> None:
        seconds = self.send_timeout
        if sys.platform == "win32":
            value = struct.pack("I", int(seconds * 1000))
        else:
            value = struct.pack("ll", int(seconds), int(seconds % 1 * 1_000_000))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, value)

    def close(self, timeout: float = 2.0) -> None:
        """Disconnect; returns within about `timeout` seconds whatever OBS does."""
        session = self._session
        if session is not None:
            session.close(timeout)

    def __enter__(self) -> ObsClient:
        self.connect()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- requests ---------------------------------------------------------------------------

    def call(
        self, request: Baserequests | str, data: dict | None = None, *, timeout: float | None = None
    ) -> dict:
        """Run one request; return its responseData ({} when it has none).

        `request` is an obswebsocket `requests.X(**fields)` (filled in with the
        answer too, so its getters work) or a request type name with `data`.
        """
        name, fields = _request_parts(request, data)
        answer = self._session_or_raise().request(
            _OP_REQUEST, {"requestType": name, "requestData": fields}, self._timeout(timeout)
        )
        result = _result(answer, name)
        if isinstance(result, ObsError):
            raise result
        if isinstance(request, Baserequests):
            request.input(result, True)
        return result

    def call_batch(
        self,
        batch: Iterable[Baserequests | tuple[str, dict]],
        *,
        halt_on_failure: bool = False,
        timeout: float | None = None,
    ) -> list[dict | ObsError]:
        """Run requests in one RequestBatch (serial, realtime); one result per request run.

        A failed request's result is an ObsError (returned, not raised); with
        `halt_on_failure` OBS stops at the first failure and the list is shorter.
        """
        items = []
        for entry in batch:
            name, fields = (
                _request_parts(*entry) if isinstance(entry, tuple) else _request_parts(entry)
            )
            items.append({"requestType": name, "requestData": fields})
        answer = self._session_or_raise().request(
            _OP_BATCH,
            {"haltOnFailure": halt_on_failure, "executionType": 0, "requests": items},
            self._timeout(timeout),
        )
        return [_result(r, r.get("requestType", "")) for r in answer.get("results", [])]

    def version(self) -> tuple[str, str]:
        """(OBS version, obs-websocket version), e.g. ("29.0.2", "5.1.0")."""
        answer = self.call("GetVersion")
        return answer["obsVersion"], answer["obsWebSocketVersion"]

    def video_settings(self) -> VideoSettings:
        d = self.call("GetVideoSettings")
        return VideoSettings(
            d["baseWidth"], d["baseHeight"], d["outputWidth"], d["outputHeight"],
            d["fpsNumerator"], d["fpsDenominator"],
        )  # fmt: skip

    def heartbeat(self, timeout: float = 2.0) -> float:
        """Round-trip a GetVersion; return its time in seconds.

        A hung OBS keeps TCP open and never answers, which nothing else detects:
        no answer within `timeout` drops the connection (on_disconnect is
        enqueued) and raises ObsTimeout, so the caller's reconnect loop takes over.
        """
        session = self._session_or_raise()
        start = time.monotonic()
        try:
            session.request(_OP_REQUEST, {"requestType": "GetVersion", "requestData": {}}, timeout)
        except ObsTimeout:
            message = f"OBS did not answer a heartbeat within {timeout:g} s (hung?)"
            session.fail(ObsConnectionLost(message))
            raise ObsTimeout(message) from None
        return time.monotonic() - start

    def _session_or_raise(self) -> _Session:
        session = self._session
        if session is None:
            raise ObsConnectionLost("not connected to OBS")
        return session

    def _timeout(self, timeout: float | None) -> float:
        return self.request_timeout if timeout is None else timeout

    # -- events -----------------------------------------------------------------------------

    def register(self, callback: EventHandler, event: type[Baseevents] | str | None = None) -> None:
        """Call `callback(event)` on the events thread for `event` (an events.X class or
        its name), or for every event when None. What it raises is logged."""
        with self._handlers_lock:
            self._handlers.append((callback, _event_name(event)))

    def unregister(
        self, callback: EventHandler, event: type[Baseevents] | str | None = None
    ) -> None:
        name = _event_name(event)
        with self._handlers_lock:
            self._handlers = [
                (cb, ev) for cb, ev in self._handlers if not (cb == callback and name in (None, ev))
            ]

    def _run_handlers(self, data: dict) -> None:
        name = data.get("eventType", "")
        event = getattr(events, name)()
        event.input(data.get("eventData") or {})
        with self._handlers_lock:
            handlers = [cb for cb, ev in self._handlers if ev is None or ev == name]
        for callback in handlers:
            try:
                callback(event)
            except Exception:
                LOG.exception("OBS event handler %r failed on %s", callback, name)

    def _notify_lost(self, error: ObsConnectionLost) -> None:
        LOG.warning("OBS connection lost: %s", error)
        if self.on_disconnect is not None:
            try:
                self.on_disconnect(error)
            except Exception:
                LOG.exception("on_disconnect handler failed")


def _request_parts(request: Baserequests | str, data: dict | None = None) -> tuple[str, dict]:
    if isinstance(request, Baserequests):
        return request.name, {**request.data(), **(data or {})}
    return request, dict(data or {})


def _result(answer: dict, name: str) -> dict | ObsError:
    """responseData of a successful answer, else an ObsError keeping code and comment."""
    status = answer.get("requestStatus") or {}
    if status.get("result"):
        return answer.get("responseData") or {}
    return ObsError(int(status.get("code", 0)), str(status.get("comment", "")), name)


def _event_name(event: type[Baseevents] | str | None) -> str | None:
    return event if event is None or isinstance(event, str) else event.name


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
