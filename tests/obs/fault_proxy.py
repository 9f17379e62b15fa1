"""A loopback TCP proxy that injects faults between a client and OBS.

It reproduces what a crashed, hung or half-dead OBS looks like on the wire:

- `FaultProxy(host, port)`: pass-through to host:port (the real OBS);
- `FaultProxy(None)` / `blackhole=True`: accepts TCP and never sends a byte;
- `stall(direction)`: stop reading in "up" (client→OBS), "down" (OBS→client)
  or "both" directions, so bytes pile up in kernel buffers like a hung peer;
- `drop(direction)`: keep reading but throw the bytes away;
- `resume()`: back to pass-through;
- `reset()`: abort every client connection with a TCP RST (SO_LINGER 0),
  what a client sees when OBS crashes;
- `close()`: stop listening and close everything.
"""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
import time

DIRECTIONS = ("up", "down")


class _Pair:
    """One client connection and its upstream connection (None when blackholed)."""

    def __init__(self, client: socket.socket, upstream: socket.socket | None) -> None:
        self.client = client
        self.upstream = upstream
        self.closed = False
        self.lock = threading.Lock()

    def close(self, rst: bool = False) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        if rst:
            # linger 0 + close sends RST; SHUT_RD first wakes our own pump
            # blocked in recv on this socket without sending a FIN.
            self.client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            with contextlib.suppress(OSError):
                self.client.shutdown(socket.SHUT_RD)
        for sock in (self.client, self.upstream):
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.close()


class FaultProxy:
    """Listens on 127.0.0.1:<port>; see the module docstring for the faults."""

    def __init__(
        self, target_host: str | None, target_port: int = 0, blackhole: bool = False
    ) -> None:
        self.target = (target_host, target_port)
        self.blackhole = blackhole or target_host is None
        self.modes = {"up": "pass", "down": "pass"}
        self.accepted = 0
        self._pairs: list[_Pair] = []
        self._lock = threading.Lock()
        self._closed = False
        self._listener = socket.socket()
        # A fixed, small receive buffer (inherited by accepted sockets) instead of
        # Linux's autotuning up to tcp_rmem's 32 MB: a stalled direction then fills
        # up after a few MB, like a hung peer, instead of swallowing 30 MB first.
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 256 * 1024)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen()
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)
        self._thread.start()

    # -- controls --------------------------------------------------------------------------

    def stall(self, direction: str = "both") -> None:
        self._set(direction, "stall")

    def drop(self, direction: str = "both") -> None:
        self._set(direction, "drop")

    def resume(self) -> None:
        self._set("both", "pass")

    def reset(self) -> None:
        """Abort every current client connection with a TCP reset."""
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            pair.close(rst=True)

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            pair.close()
        self._thread.join(2.0)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def live_connections(self) -> int:
        with self._lock:
            return sum(not p.closed for p in self._pairs)

    def _set(self, direction: str, mode: str) -> None:
        for d in DIRECTIONS if direction == "both" else (direction,):
            self.modes[d] = mode

    # -- plumbing --------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                # select first: closing a listener does not wake a blocked accept() on Linux.
                if not select.select([self._listener], [], [], 0.05)[0]:
                    continue
                client, _ = self._listener.accept()
            except (OSError, ValueError):
                return
            self.accepted += 1
            upstream = None
            if not self.blackhole:
                try:
                    upstream = socket.create_connection(self.target, timeout=5)
                    upstream.settimeout(None)
                except OSError:
                    client.close()
                    continue
            pair = _Pair(client, upstream)
            with self._lock:
                self._pairs.append(pair)
            if upstream is not None:
                for direction, src, dst in (("up", client, upstream), ("down", upstream, client)):
                    threading.Thread(
                        target=self._pump, args=(pair, direction, src, dst),
                        name=f"fault-proxy-{direction}", daemon=True,
                    ).start()  # fmt: skip

    def _pump(self, pair: _Pair, direction: str, src: socket.socket, dst: socket.socket) -> None:
        """Copy src → dst under the direction's mode; polls so mode changes apply at once."""
        try:
            while not pair.closed:
                if self.modes[direction] == "stall":
                    time.sleep(0.01)
                    continue
                readable, _, _ = select.select([src], [], [], 0.05)
                if not readable or self.modes[direction] == "stall":  # stalled while waiting
                    continue
                data = src.recv(65536)
                if not data:
                    break
                if self.modes[direction] != "drop":
                    dst.sendall(data)
        except (OSError, ValueError):
            pass
        pair.close()
