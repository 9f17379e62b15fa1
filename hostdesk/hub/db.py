"""The hub's database: SQLite (WAL, synchronous=FULL) or PostgreSQL, one engine, one writer at a time."""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, insert, inspect, select, text
from sqlalchemy.engine import make_url

from hostdesk.hub import search_index
from hostdesk.hub.models import COUNTERS, JOBS, LEAD_DESK_INDEXES, REGS, TOKENS, HubModel
from hostdesk.private_files import private_dir, private_sqlite_file

DEFAULT_DB = "sqlite:///hub.db"
BUSY_TIMEOUT_MS = 30_000
SCHEMA_LOCK = 0x486F737444  # any constant: the advisory lock taken while making the schema
PAGE_SECRET = "page_secret"  # COUNTERS row whose text signs the sign-up page's CSRF tokens
# The sign-up page's "same phone, same job within 24 h" check. Partial: only the hub's own
# rows are indexed, so the devices' batch inserts do not pay for it.
HUB_PHONE_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_registrations_hub_job_phone "
    "ON registrations (job_code, phone) WHERE origin = 'hub'"
)
# Retention and erasure rewrite a registration's event payloads inside a write transaction:
# without it each chunk scans every event while ingest waits for the lock.
EVENTS_CLIENT_INDEX = "CREATE INDEX IF NOT EXISTS ix_events_client_id ON events (client_id)"
# conn.info key: callables a write transaction wants run once it has committed.
AFTER_COMMIT = "after_commit"


def normalize_url(db: str) -> str:
    """A database URL from what the user typed: a URL, or a plain path to an SQLite file.

    postgresql:// URLs get the psycopg (3) driver, the one the hub depends on.
    """
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    url = make_url(db)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


class HubDB:
    """The engine plus the one way to write: `with db.write() as conn:` (serialised).

    hide_parameters: an SQL error in the log never shows a row's personal data.

    Writers are serialised on purpose: SQLite allows one anyway, and on PostgreSQL the
    row lock on the "seq" counter makes change numbers follow commit order, so a reader
    paging by cursor never skips a row that commits later with a smaller number.
    """

    def __init__(self, url: str):
        self.url = normalize_url(url)
        self.dialect = make_url(self.url).get_backend_name()
        if self.dialect == "sqlite":
            self.engine = create_engine(
                self.url,
                connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
                hide_parameters=True,
            )
            _sqlite_setup(self.engine)
        elif self.dialect == "postgresql":
            # No pre-ping (a round trip per request): a connection the server dropped fails
            # one request, the pool is invalidated, and the client's retry gets a fresh one.
            # No server-side prepared statements: a generic plan made while a table was small
            # (a sequential scan) stays cached as it grows, and lookups by client id went
            # from 1 ms to 40 ms per batch over 10,000 rows.
            self.engine = create_engine(
                self.url,
                pool_size=10,
                max_overflow=10,
                pool_recycle=3600,
                hide_parameters=True,
                connect_args={"prepare_threshold": None},
            )
        else:
            raise ValueError(f"unsupported database {self.dialect!r}: use sqlite or postgresql")
        self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._sqlite_lock = threading.Lock()

    @property
    def database(self) -> str:
        return "sqlite" if self.dialect == "sqlite" else "postgresql"

    def create_schema(self) -> None:
        """Tables and the counters, if missing (the first start makes the database).

        One transaction under a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
        lock), so two processes starting on a new database at once do not race.
        """
        if self.dialect == "sqlite":
            path = make_url(self.url).database
            if path and path != ":memory:":
                # Personal data, token hashes, the page secret: owner-only, whatever the umask
                # (SQLite gives -wal/-shm the file's mode). Folders made here are 0700; one
                # the administrator chose stays as it is.
                private_dir(Path(path).parent, tighten_existing=False)
                private_sqlite_file(path)
        with self._writer.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
            HubModel.metadata.create_all(conn)
            _add_missing_columns(conn)
            conn.execute(text(HUB_PHONE_INDEX))
            for index in LEAD_DESK_INDEXES:  # the back office's lead list (models.py)
                conn.execute(text(index))
            conn.execute(text(EVENTS_CLIENT_INDEX))
            search_index.install(conn, self.dialect)  # the lead desk's name search
            have = set(conn.execute(select(COUNTERS.c.name)).scalars())
            for name in ("seq", "jobs"):
                if name not in have:
                    conn.execute(insert(COUNTERS).values(name=name, value=0, text=""))
            if PAGE_SECRET not in have:
                # Made once and kept in the database: it survives restarts and every
                # worker on the same database signs and checks with the same key.
                secret = secrets.token_hex(32)
                conn.execute(insert(COUNTERS).values(name=PAGE_SECRET, value=0, text=secret))

    def page_secret(self) -> bytes:
        with self.read() as conn:
            value = conn.execute(
                select(COUNTERS.c.text).where(COUNTERS.c.name == PAGE_SECRET)
            ).scalar_one()
        return value.encode("ascii")

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction that holds the write lock from its first statement to COMMIT."""
        if self.dialect == "sqlite":
            # Queue this process's writers here: SQLite's busy handler polls with sleeps of
            # up to 100 ms, which would idle the database while writers wait their turn.
            with self._sqlite_lock, self._writer.begin() as conn, _after_commit(conn) as done:
                yield conn
        else:
            with self._writer.begin() as conn, _after_commit(conn) as done:
                seq = select(COUNTERS.c.value).where(COUNTERS.c.name == "seq")
                conn.info["seq"] = conn.execute(seq.with_for_update()).scalar()
                yield conn
        for callback in done:  # committed: e.g. wake the event streams (hub/wakeup.py)
            callback()

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


@contextlib.contextmanager
def _after_commit(conn: Connection) -> Iterator[list]:
    """The callbacks a transaction registered under conn.info[AFTER_COMMIT], taken off the
    (pooled) connection whether it commits or not; the caller runs them after COMMIT."""
    done: list = []
    try:
        yield done
    finally:
        done.extend(conn.info.pop(AFTER_COMMIT, ()))


def _add_missing_columns(conn: Connection) -> None:
    """Columns added after a hub database was first made (create_all makes only new tables)."""
    have = {c["name"] for c in inspect(conn).get_columns(REGS.name)}
    if "employer_consent" not in have:
        conn.execute(
            text(
                "ALTER TABLE registrations ADD COLUMN employer_consent BOOLEAN NOT NULL "
                "DEFAULT FALSE"
            )
        )
    if "revoked_at" not in {c["name"] for c in inspect(conn).get_columns(TOKENS.name)}:
        conn.execute(text("ALTER TABLE tokens ADD COLUMN revoked_at VARCHAR"))
    job_columns = {c["name"] for c in inspect(conn).get_columns(JOBS.name)}
    if "version" not in job_columns:  # per-job versions (catalogue.py)
        conn.execute(text("ALTER TABLE jobs ADD COLUMN version INTEGER NOT NULL DEFAULT 1"))
        conn.execute(text("ALTER TABLE jobs ADD COLUMN updated_by VARCHAR NOT NULL DEFAULT ''"))
        conn.execute(text("ALTER TABLE jobs ADD COLUMN updated_at VARCHAR NOT NULL DEFAULT ''"))


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # pysqlite's own transaction handling would defer BEGIN; we issue it ourselves.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # NORMAL "might roll back following a power loss": an acknowledged batch must not.
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def default_db() -> str:
    return os.environ.get("HOSTDESK_HUB_DB") or DEFAULT_DB
