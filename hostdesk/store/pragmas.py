"""The SQLite pragmas durability depends on: set on every connection, then verified.

Standard library only, so the light read path (store/reader.py) uses the same rules.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 5000
# SQLite copies the WAL back into the database inside whichever commit crosses this many
# pages (default 1,000): that commit then takes several times longer. The console runs a
# passive checkpoint off the save path every 30 s (Database.checkpoint), so a save rarely
# pays for one; short CLI runs checkpoint when their last connection closes.
WAL_AUTOCHECKPOINT_PAGES = 8000

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
    cur.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
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
