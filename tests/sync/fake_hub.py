"""A tiny in-process stand-in for the hub, for unit tests of the worker's state machine only.

It keeps events by id (duplicate / conflict by fingerprint) and registrations by client
id with a version, like the contract says; `script` overrides answers request by request.
The real hub is tested in test_fault_injection.py.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A scripted answer: (status, headers, body bytes) or None to answer normally.
Answer = tuple[int, dict, bytes] | None


class FakeHub:
    def __init__(self, token: str = "device-token", port: int = 0):
        self.token = token
        self.events: dict[str, dict] = {}  # event_id -> item
        self.versions: dict[str, int] = {}  # client_id -> events applied
        self.batches: list[list[dict]] = []  # every batch received, in order
        self.requests: list[str] = []  # "METHOD path" of every request
        self.script: list[Callable[[str, dict | None], Answer] | None] = []
        self.reject: dict[str, str] = {}  # client_id -> reason: answer "rejected"
        self.lock = threading.Lock()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _answer(self, status: int, body, headers: dict | None = None):
                raw = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                headers = {"Content-Type": "application/json", **(headers or {})}
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _handle(self, method: str):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                with hub.lock:
                    hub.requests.append(f"{method} {self.path}")
                    entry = hub.script.pop(0) if hub.script else None  # None: answer normally
                    scripted = entry(self.path, body) if entry is not None else None
                if scripted is not None:
                    status, headers, raw = scripted
                    return self._answer(status, raw, headers)
                if method == "GET" and self.path == "/healthz":  # the hub's: no token needed
                    return self._answer(200, {"status": "ok"})
                if self.headers.get("Authorization") != f"Bearer {hub.token}":
                    return self._answer(401, {"detail": "unknown token"})
                if method == "POST" and self.path == "/api/v1/registrations/batch":
                    return self._answer(200, {"results": hub.apply(body["items"])})
                if method == "POST" and self.path == "/api/v1/registrations/lookup":
                    with hub.lock:
                        known = {
                            c: hub.versions[c] for c in body["client_ids"] if c in hub.versions
                        }
                    return self._answer(200, {"known": known})
                if method == "GET" and self.path.startswith("/api/v1/stats"):
                    return self._answer(
                        200, {"total": len(hub.versions), "by_job": {}, "by_session": {}}
                    )
                return self._answer(404, {"detail": "not found"})

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()

    def apply(self, items: list[dict]) -> list[dict]:
        out = []
        with self.lock:
            self.batches.append(items)
            for item in items:
                eid, cid = item["event_id"], item["client_id"]
                status, reason = "created", None
                if eid in self.events:
                    same = self.events[eid]["fingerprint"] == item["fingerprint"]
                    status, reason = ("duplicate", None) if same else ("conflict", "fingerprint")
                elif cid in self.reject:
                    status, reason = "rejected", self.reject[cid]
                elif item["event_type"] == "create":
                    if cid in self.versions:
                        status, reason = "conflict", "client_id_exists"
                    else:
                        self.versions[cid] = 1
                elif cid not in self.versions:
                    status, reason = "rejected", "unknown_registration"
                elif item["base_version"] != self.versions[cid]:
                    status, reason = "conflict", "version"
                else:
                    self.versions[cid] += 1
                if status == "created":
                    self.events[eid] = item
                out.append({"event_id": eid, "client_id": cid, "status": status, "reason": reason})
        return out

    def forget(self, client_id: str) -> None:
        """As a hub restored from an older backup: the registration and its events are gone."""
        with self.lock:
            self.versions.pop(client_id, None)
            for eid in [e for e, item in self.events.items() if item["client_id"] == client_id]:
                del self.events[eid]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def html(status: int = 200) -> Callable[[str, dict | None], Answer]:
    page = b"<html><body>Welcome to Venue Wi-Fi. Please log in.</body></html>"
    return lambda _p, _b: (status, {"Content-Type": "text/html"}, page)


def status(code: int, headers: dict | None = None) -> Callable[[str, dict | None], Answer]:
    return lambda _p, _b: (
        code,
        {"Content-Type": "application/json", **(headers or {})},
        b'{"detail": "x"}',
    )
