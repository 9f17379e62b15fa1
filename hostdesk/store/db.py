"""Opening the SQLite database with the pragmas durability depends on, and checking they hold."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from hostdesk.store import migrations

DB_FILE = "hostdesk.db"
BUSY_TIMEOUT_MS = 5000

# What every connection must report; a wrapper or a future default that changes any of
# these turns "saved" into "maybe saved", so we refuse to write instead.
REQUIRED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a commit survives power loss in WAL mode
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


class PragmaError(RuntimeError):
    """A durability pragma did not take effect: the store refuses to write."""

    def __init__(self, path: Path, pragma: str, found, wanted):
        super().__init__(f"{path}: PRAGMA {pragma} is {found!r}, need {wanted!r}")
        self.path = path
        self.pragma = pragma
        self.found = found
        self.wanted = wanted


def apply_pragmas(dbapi_conn: sqlite3.Connection) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def read_pragmas(dbapi_conn: sqlite3.Connection) -> dict:
    cur = dbapi_conn.cursor()
    found = {}
    for name in REQUIRED_PRAGMAS:
        value = cur.execute(f"PRAGMA {name}").fetchone()[0]
        found[name] = value.lower() if isinstance(value, str) else value
    cur.close()
    return found


def verify_pragmas(dbapi_conn: sqlite3.Connection, path: Path) -> None:
    found = read_pragmas(dbapi_conn)
    for name, wanted in REQUIRED_PRAGMAS.items():
        if found[name] != wanted:
            raise PragmaError(path, name, found[name], wanted)


@dataclass
class Database:
    """The engine for one data dir's database file, migrated and verified."""

    path: Path
    engine: Engine

    def session(self) -> Session:
        # expire_on_commit=False: rows are converted to domain objects after commit.
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Open (creating and migrating as needed); raises PragmaError or SchemaTooNewError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
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
