"""Read-only access to the catalogue with the standard library alone.

`hostdesk jobs list --json` is called by scripts: importing SQLAlchemy and SQLModel
costs about half a second, more than the whole query. This path opens the file with
sqlite3, the same pragmas and checks, and the same row mapping; anything unusual (no
file yet, a schema to migrate) returns None and the caller opens the store properly.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hostdesk.core.jobs import Job
from hostdesk.private_files import private_sqlite_file
from hostdesk.store import migrations
from hostdesk.store.job_rows import row_to_job
from hostdesk.store.pragmas import BUSY_TIMEOUT_MS, apply_pragmas, verify_pragmas


def read_jobs(path: Path) -> list[Job] | None:
    """All jobs in catalogue order, or None when the full store must handle this file."""
    if not path.is_file():
        return None
    private_sqlite_file(path)  # a file an older version left readable by all
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        apply_pragmas(conn)
        verify_pragmas(conn, path)
        if migrations.schema_version(conn) != migrations.LATEST:
            return None
        conn.row_factory = sqlite3.Row
        return [row_to_job(r) for r in conn.execute("SELECT * FROM jobs ORDER BY id")]
    finally:
        conn.close()
