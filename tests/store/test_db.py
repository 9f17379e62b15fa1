"""The store's durability pragmas: set on every connection, verified, or no writing at all."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from hostdesk.store import db as store_db
from hostdesk.store import pragmas
from hostdesk.store.db import open_database
from hostdesk.store.pragmas import PragmaError, read_pragmas


def test_every_connection_has_the_pragmas(tmp_path):
    database = open_database(tmp_path / "h.db")
    found = []

    def check():
        # A fresh connection from another thread, as worker threads will get.
        with database.engine.connect() as conn:
            found.append(read_pragmas(conn.connection.driver_connection))

    threads = [threading.Thread(target=check) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with database.engine.connect() as conn:
        found.append(read_pragmas(conn.connection.driver_connection))
    database.close()
    assert found == [pragmas.REQUIRED_PRAGMAS] * 4


def test_file_is_in_wal_mode_for_other_readers(tmp_path):
    open_database(tmp_path / "h.db").close()
    raw = sqlite3.connect(tmp_path / "h.db")
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # persistent in the file
    raw.close()


def test_refuses_when_a_wrapper_overrides_a_pragma(tmp_path, monkeypatch):
    real = pragmas.apply_pragmas

    def sloppy(conn):  # what a "helpful" wrapper does for speed
        real(conn)
        conn.execute("PRAGMA synchronous=NORMAL")

    monkeypatch.setattr(store_db, "apply_pragmas", sloppy)
    with pytest.raises(PragmaError) as info:
        open_database(tmp_path / "h.db")
    assert info.value.pragma == "synchronous"
    assert info.value.found == 1
    # Nothing was written: no schema, no version.
    raw = sqlite3.connect(tmp_path / "h.db")
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 0
    assert raw.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    raw.close()


def test_refuses_a_database_that_cannot_do_wal(tmp_path, monkeypatch):
    def no_wal(conn):
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={pragmas.BUSY_TIMEOUT_MS}")

    monkeypatch.setattr(store_db, "apply_pragmas", no_wal)
    with pytest.raises(PragmaError) as info:
        open_database(tmp_path / "h.db")
    assert info.value.pragma == "journal_mode"


def test_connections_opened_later_are_checked_too(tmp_path, monkeypatch):
    database = open_database(tmp_path / "h.db")
    database.engine.dispose()  # drop pooled connections: the next one is brand new

    def broken(conn):
        conn.execute("PRAGMA foreign_keys=OFF")

    monkeypatch.setattr(store_db, "apply_pragmas", broken)
    with pytest.raises(PragmaError), database.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    database.close()
