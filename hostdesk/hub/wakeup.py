"""Waking the event streams when sign-ups or the catalogue change: a bell per process, NOTIFY across.

Writers call `changed(conn)` inside the write transaction that changed registrations or jobs.
It rings this process's bell once the transaction has committed (HubDB.write runs the
connection's AFTER_COMMIT callbacks), and on PostgreSQL also sends `NOTIFY hostdesk_events`
in that transaction, which the server delivers at COMMIT to every hub process's `Listener`.
A wake-up carries no data: a woken stream reads the database from its cursor, which stays the
truth; a missed wake-up costs latency (the streams' slow poll catches it), never a row.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from hostdesk.hub.db import AFTER_COMMIT

log = logging.getLogger(__name__)
CHANNEL = "hostdesk_events"
LISTEN_TIMEOUT = 1.0  # seconds between checks of stop() while no notification comes
RETRY_MAX = 10.0  # seconds between attempts to get the LISTEN connection back


class Bell:
    """Wakes every stream of this process that waits on it; `ring()` from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None

    def round(self) -> asyncio.Event:
        """An event set by the next ring. Take it BEFORE reading the database, then wait on
        it: a ring between the read and the wait is not lost."""
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._event is None or self._loop is not loop:
                self._loop, self._event = loop, asyncio.Event()
            return self._event

    def ring(self) -> None:
        with self._lock:
            loop, event, self._event = self._loop, self._event, None
        if loop is not None and event is not None:
            with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits
                loop.call_soon_threadsafe(event.set)


BELL = Bell()  # one per process: every app and writer in it shares it


def changed(conn: Connection) -> None:
    """Inside a write transaction that changed registrations or jobs: wake every stream
    (of every hub process on PostgreSQL) once it commits."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})
    callbacks = conn.info.setdefault(AFTER_COMMIT, [])
    if BELL.ring not in callbacks:
        callbacks.append(BELL.ring)


def libpq_url(db_url: str) -> str:
    """The SQLAlchemy URL (postgresql+psycopg://…) as psycopg.connect takes it."""
    return make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)


class Listener:
    """One LISTEN connection per hub process, on a thread: each NOTIFY rings `bell`.

    When the connection is lost it is made again (backing off up to RETRY_MAX); the bell
    rings after every (re)connect, since notifications sent meanwhile were not heard.
    """

    def __init__(self, db_url: str, bell: Bell = BELL):
        self._url = libpq_url(db_url)
        self._bell = bell
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in force (tests, bench)
        self._thread = threading.Thread(target=self._run, name="hub-events-listen", daemon=True)

    def start(self) -> Listener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        import psycopg  # the hub's PostgreSQL driver; only a PostgreSQL hub starts a Listener

        wait = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    self._bell.ring()
                    wait = 0.5
                    while not self._stop.is_set():
                        for _notice in conn.notifies(timeout=LISTEN_TIMEOUT):
                            self._bell.ring()
            except Exception as exc:  # any failure: listen again shortly
                # The type only: a connection error's message names the server and user.
                log.warning("events: LISTEN connection lost (%s); retrying", type(exc).__name__)
            finally:
                self.listening.clear()
            if self._stop.wait(wait):
                return
            wait = min(wait * 2, RETRY_MAX)
