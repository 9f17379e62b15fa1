"""A loopback TCP proxy for the event-stream tests: passes bytes through as they come (an SSE
stream is never complete, so the message-level tests/sync/fault_proxy.py cannot carry it),
records each connection's first request head, cuts every open connection on demand, and can
answer 404 for a path (an older hub without it) or 503 with Retry-After (a hub or a proxy
that cannot take it now), hold a path's answer after its head (a proxy that buffers it: the
client sees 200 and then nothing) or close the connection right after the head (a network
that keeps dropping it). The path tuples may be changed while it runs."""

from __future__ import annotations

import contextlib
import socket
import threading

NOT_FOUND_BODY = b'{"detail":"Not Found"}'
BUSY_BODY = b'{"detail":"busy"}'


class StreamProxy:
    def __init__(
        self,
        upstream_port: int,
        *,
        not_found: tuple[str, ...] = (),
        hold: tuple[str, ...] = (),
        drop: tuple[str, ...] = (),
        busy: tuple[str, ...] = (),
    ):
        self.upstream_port = upstream_port
        self.not_found = not_found
        self.hold = hold
        self.drop = drop
        self.busy = busy
        self.heads: list[str] = []  # each connection's first request head
        self._pairs: set[tuple[socket.socket, socket.socket | None]] = set()
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def events_heads(self) -> list[str]:
        """The requests for the event stream, in order."""
        with self._lock:
            return [h for h in self.heads if h.split(" ", 2)[1].startswith("/api/v1/events")]

    def cut(self) -> int:
        """Close every open connection now (both sides), as a dropped network does."""
        with self._lock:
            pairs, self._pairs = list(self._pairs), set()
        for pair in pairs:
            for sock in pair:
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                    with contextlib.suppress(OSError):
                        sock.close()
        return len(pairs)

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._server.close()
        self.cut()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        data = b""
        with contextlib.suppress(OSError):
            while b"\r\n\r\n" not in data:
                chunk = client.recv(65536)
                if not chunk:
                    break
                data += chunk
        if b"\r\n\r\n" not in data:
            client.close()
            return
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        path = head.split(" ", 2)[1]
        with self._lock:
            self.heads.append(head)
        if any(path.startswith(p) for p in self.not_found):
            with contextlib.suppress(OSError):
                client.sendall(
                    b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\nConnection: close\r\n\r\n%s"
                    % (len(NOT_FOUND_BODY), NOT_FOUND_BODY)
                )
            client.close()
            return
        if any(path.startswith(p) for p in self.busy):
            with contextlib.suppress(OSError):
                client.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                    b"Retry-After: 1\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
                    % (len(BUSY_BODY), BUSY_BODY)
                )
            client.close()
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
            upstream.settimeout(None)
        except OSError:
            client.close()
            return
        pair = (client, upstream)
        with self._lock:
            self._pairs.add(pair)
        upstream.sendall(data)
        held = any(path.startswith(p) for p in self.hold)
        dropped = any(path.startswith(p) for p in self.drop)
        threading.Thread(
            target=self._pipe, args=(upstream, client, pair, held, dropped), daemon=True
        ).start()
        self._pipe(client, upstream, pair)

    def _pipe(
        self, source: socket.socket, target: socket.socket, pair, held=False, dropped=False
    ) -> None:
        seen = b""
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                if held or dropped:  # pass the head on, keep (or cut) everything after it
                    if b"\r\n\r\n" in seen:
                        continue
                    seen += chunk
                    if b"\r\n\r\n" in seen:
                        chunk = chunk[: len(chunk) - len(seen.split(b"\r\n\r\n", 1)[1])]
                target.sendall(chunk)
                if dropped and b"\r\n\r\n" in seen:
                    break
        except OSError:
            pass
        finally:
            with self._lock:
                self._pairs.discard(pair)
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
