"""Opening the SQLite database with the pragmas durability depends on, and checking they hold."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlmodel import create_engine

from hostdesk.private_files import private_dir, private_sqlite_file
from hostdesk.store import migrations
from hostdesk.store.pragmas import BUSY_TIMEOUT_MS, apply_pragmas, verify_pragmas


@dataclass
class Database:
    """The engine for one data dir's database file, migrated and verified."""

    path: Path
    engine: Engine

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def write(self, *, verify: bool = False) -> Iterator[Connection]:
        """One write transaction under BEGIN IMMEDIATE: SQLite's write lock is taken before
        the reads, so a read-modify-write cannot lose another thread's change.

        `verify` checks the durability pragmas on the pooled connection first (sign-ups and
        their outbox): one someone switched to synchronous=NORMAL would turn "saved" into
        "maybe saved".
        """
        with self.engine.connect() as conn:
            if verify:
                verify_pragmas(conn.connection.driver_connection, self.path)
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    def checkpoint(self) -> None:
        """Copy the WAL into the database now, without blocking writers (a worker calls it)."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


def open_database(path: Path) -> Database:
    """Open (creating and migrating as needed); raises PragmaError or SchemaTooNewError."""
    private_dir(path.parent)
    # Owner-only before SQLite opens it: its -wal and -shm files copy the database's mode.
    private_sqlite_file(path)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        # A failed statement's error text would carry its parameters (names, phone numbers)
        # into the log via the chained exception: keep the SQL, drop the values.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        apply_pragmas(dbapi_conn)
        verify_pragmas(dbapi_conn, path)

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        verify_pragmas(raw, path)  # startup check, before anything is written
        migrations.migrate(raw, path)
    return Database(path=path, engine=engine)
