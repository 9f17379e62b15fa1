"""An HTTP-aware loopback proxy between the sync worker and a real hub, with a fault per request.

Each request whose path contains `match` (default: the batch endpoint) takes the next
entry of `script` (a fault name; an empty script passes everything); other requests pass.

Faults:
- "pass": forward, answer with the hub's answer;
- "drop_request": read the request, close without forwarding (nothing reached the hub);
- "commit_drop": forward (the hub commits), then close without answering;
- "commit_500": forward (the hub commits), then answer 500;
- "delay": forward (the hub commits), then hold the answer `delay` seconds (past the
  client's read timeout) and answer nothing;
- "429", "503": answer that status with `Retry-After: 1` (503: as an HTTP date);
- "captive": answer 200 with an HTML login page (a venue's captive portal);
- "401": answer 401 without forwarding;
- ("tamper", fn): forward the request body after fn(body) -> body (e.g. a phone the hub
  rejects), answer with the hub's answer.
`refuse()` closes the listening socket (connection refused) until `accept()`.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable
from email.utils import formatdate

HTML = b"<html><head><title>Venue Wi-Fi</title></head><body>Please log in.</body></html>"


def _read_message(sock: socket.socket, *, response: bool = False) -> bytes | None:
    """One HTTP/1.1 message (headers + Content-Length body); None when the peer closed first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    status_line = head.split(b"\r\n", 1)[0]
    if response and (b" 304 " in status_line or b" 204 " in status_line):
        length = 0
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body


def _split(message: bytes) -> tuple[list[bytes], bytes]:
    head, _, body = message.partition(b"\r\n\r\n")
    return head.split(b"\r\n"), body


def _with_body(message: bytes, body: bytes) -> bytes:
    lines, _ = _split(message)
    lines = [ln for ln in lines if not ln.lower().startswith(b"content-length:")]
    lines.append(b"Content-Length: " + str(len(body)).encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def _answer(status: int, reason: str, headers: dict, body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}".encode()]
    headers = {**headers, "Content-Length": str(len(body)), "Connection": "close"}
    lines += [f"{k}: {v}".encode() for k, v in headers.items()]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class FaultProxy:
    def __init__(
        self, target_port: int, *, match: str = "/registrations/batch", delay: float = 3.0
    ):
        self.target = ("127.0.0.1", target_port)
        self.match = match
        self.delay = delay
        self.script: list[str | tuple[str, Callable[[dict], dict]]] = []
        self.log: list[tuple[str, str]] = []  # (request line, fault) — no bodies
        self._lock = threading.Lock()
        self._closed = False
        self._listener: socket.socket | None = None
        self.port = 0
        self.accept()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- controls --------------------------------------------------------------------------

    def accept(self) -> None:
        """Listen (again, on the same port)."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept_loop, args=(listener,), daemon=True).start()

    def refuse(self) -> None:
        """Stop listening: connections are refused until accept()."""
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def close(self) -> None:
        self._closed = True
        self.refuse()

    def faults_seen(self) -> list[str]:
        with self._lock:
            return [fault for _, fault in self.log if fault != "pass"]

    # -- the proxy -------------------------------------------------------------------------

    def _accept_loop(self, listener: socket.socket) -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _next_fault(self, request_line: str):
        with self._lock:
            fault = self.script.pop(0) if self.match in request_line and self.script else "pass"
            self.log.append((request_line, fault if isinstance(fault, str) else fault[0]))
        return fault

    def _serve(self, client: socket.socket) -> None:
        with contextlib.closing(client):
            client.settimeout(30)
            try:
                request = _read_message(client)
            except OSError:
                return
            if request is None:
                return
            request_line = request.split(b"\r\n", 1)[0].decode("latin-1")
            fault = self._next_fault(request_line)
            if isinstance(fault, tuple):
                _, tamper = fault
                _lines, body = _split(request)
                request = _with_body(request, json.dumps(tamper(json.loads(body))).encode())
                fault = "pass"
            if fault == "drop_request":
                return
            if fault in ("429", "503", "401", "captive"):
                client.sendall(self._canned(fault))
                return
            try:
                response = self._forward(request)
            except OSError:
                return  # the hub is down: the client sees its connection closed
            if response is None or fault == "commit_drop":
                return
            if fault == "commit_500":
                client.sendall(
                    _answer(500, "Internal Server Error", {"Content-Type": "text/plain"}, b"oops")
                )
                return
            if fault == "delay":
                time.sleep(self.delay)
                return
            with contextlib.suppress(OSError):
                client.sendall(_force_close(response))

    def _forward(self, request: bytes) -> bytes | None:
        with socket.create_connection(self.target, timeout=30) as upstream:
            upstream.sendall(_force_close(request))
            return _read_message(upstream, response=True)

    @staticmethod
    def _canned(fault: str) -> bytes:
        if fault == "429":
            return _answer(
                429, "Too Many Requests", {"Retry-After": "1"}, b'{"detail":"slow down"}'
            )
        if fault == "503":
            when = formatdate(time.time() + 1, usegmt=True)
            return _answer(503, "Service Unavailable", {"Retry-After": when}, b"busy")
        if fault == "401":
            headers = {"Content-Type": "application/json"}
            return _answer(401, "Unauthorized", headers, b'{"detail":"unknown token"}')
        return _answer(200, "OK", {"Content-Type": "text/html; charset=utf-8"}, HTML)


def _force_close(message: bytes) -> bytes:
    """One request per connection: simpler than tracking keep-alive through faults."""
    lines, body = _split(message)
    lines = [ln for ln in lines if not ln.lower().startswith(b"connection:")]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body
