"""The hub's SQLite file, its -wal/-shm and the folders it makes are owner-only under umask 022.

SQLite only: a PostgreSQL server keeps its own files (the hub writes none there).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from hostdesk.hub.db import HubDB
from tests.hub.conftest import Hub
from tests.hub.harness import HarnessError, HubProcess
from tests.hub.signup import PAGE_ARGS, put_jobs, submit


@contextlib.contextmanager
def started_under_umask_022(db: Path, log_dir: Path):
    """A real `hub serve` process on `db`, started with umask 022 (it inherits ours)."""
    process = HubProcess(f"sqlite:///{db}", log_dir=log_dir, args=PAGE_ARGS)
    old = os.umask(0o022)
    try:
        process.start()
    except HarnessError as exc:
        pytest.fail(str(exc))
    finally:
        os.umask(old)
    try:
        yield process
    finally:
        process.stop()


def modes(folder: Path) -> dict[str, str]:
    return {
        p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in [folder, *sorted(folder.iterdir())]
    }


def sign_up(process: HubProcess) -> None:
    """A sign-up through the page (its row lands in the WAL while the hub runs)."""
    hub = Hub(process, process.token("device-1"), process.token("admin-1", admin=True))
    put_jobs(hub)
    r = submit(hub, "J1", phone="13800138001")
    assert r.status_code == 303, r.text[-1000:]


def test_a_new_hub_database_its_wal_and_its_folders_are_owner_only(tmp_path):
    state = tmp_path / "var" / "hub"  # both folders made by the hub
    db = state / "hub.db"
    with started_under_umask_022(db, tmp_path) as process:
        # Checked before this test's own process opens the file: all the hub's doing.
        owner_only = {"hub": "0o700", "hub.db": "0o600", "hub.db-shm": "0o600",
                      "hub.db-wal": "0o600"}  # fmt: skip
        assert modes(state) == owner_only
        assert modes(tmp_path / "var")["var"] == "0o700"
        sign_up(process)
        assert (state / "hub.db-wal").stat().st_size > 0
        assert modes(state) == owner_only


def test_a_hub_database_an_older_version_left_wide_is_tightened_at_start(tmp_path):
    srv = tmp_path / "srv"  # a folder the administrator made: the hub leaves its mode
    srv.mkdir()
    os.chmod(srv, 0o755)
    db = srv / "hub.db"
    old = HubDB(f"sqlite:///{db}")
    old.create_schema()
    old.close()
    os.chmod(db, 0o644)
    # A reader holding the database keeps -wal/-shm; SQLite makes them 0644 like the file.
    reader = sqlite3.connect(db)
    try:
        reader.execute("SELECT count(*) FROM registrations").fetchone()
        wide = {"srv": "0o755", "hub.db": "0o644", "hub.db-shm": "0o644", "hub.db-wal": "0o644"}
        assert modes(srv) == wide
        with started_under_umask_022(db, tmp_path) as process:
            assert modes(srv) == {**{name: "0o600" for name in wide}, "srv": "0o755"}
            sign_up(process)
            assert modes(srv) == {**{name: "0o600" for name in wide}, "srv": "0o755"}
    finally:
        reader.close()
