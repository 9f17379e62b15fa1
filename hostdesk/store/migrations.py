"""Versioned schema changes, tracked in SQLite's `PRAGMA user_version`.

Each step is plain SQL run in one transaction with the version bump, so a failed
upgrade leaves the previous schema untouched. Never edit a released step: add one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hostdesk.private_files import private_file

# Migration 10's edit of the hub copies hub_jobs remembers (see there).
_ADD_AGE_TEXT_KEY = """
    UPDATE hub_jobs SET {column} = replace({column}, ',"benefits":', ',"age_text":"","benefits":')
    WHERE {column} LIKE '{{%' AND instr({column}, '"age_text":') = 0"""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the job catalogue.
    (
        """CREATE TABLE jobs (
            id INTEGER NOT NULL PRIMARY KEY,
            code VARCHAR NOT NULL UNIQUE,
            title VARCHAR NOT NULL,
            company VARCHAR NOT NULL DEFAULT '',
            city VARCHAR NOT NULL DEFAULT '',
            salary_min FLOAT,
            salary_max FLOAT,
            salary_unit VARCHAR,
            salary_note VARCHAR NOT NULL DEFAULT '',
            salary_text VARCHAR NOT NULL DEFAULT '',
            benefits VARCHAR NOT NULL DEFAULT '[]',
            headcount INTEGER,
            age_min INTEGER,
            age_max INTEGER,
            shift VARCHAR NOT NULL DEFAULT '',
            requirements VARCHAR NOT NULL DEFAULT '',
            highlights VARCHAR NOT NULL DEFAULT '',
            signup_url VARCHAR NOT NULL DEFAULT '',
            urgent BOOLEAN NOT NULL DEFAULT 0,
            status VARCHAR NOT NULL DEFAULT 'open',
            updated_at DATETIME NOT NULL
        )""",
    ),
    # 2: where a job came from (hub-owned jobs must not be overwritten silently by a
    # pull), and the index the catalogue's status filter reads.
    (
        "ALTER TABLE jobs ADD COLUMN origin VARCHAR NOT NULL DEFAULT 'local'",
        "CREATE INDEX ix_jobs_status ON jobs (status)",
    ),
    # 3: the record of what was on air when (take / clear), for "which job at which
    # minute produced how many sign-ups"; session ids arrive with the console issue.
    (
        """CREATE TABLE takes (
            id INTEGER NOT NULL PRIMARY KEY,
            action VARCHAR NOT NULL,
            job_code VARCHAR,
            session VARCHAR,
            at DATETIME NOT NULL
        )""",
        "CREATE INDEX ix_takes_at ON takes (at)",
    ),
    # 4: live sessions and their rundowns. At most one session is not ended (the partial
    # unique index): "tonight's session" is never ambiguous, even with two writers.
    # Rundown codes are not foreign keys to jobs: a job deleted or re-coded in the
    # catalogue must not take the host's plan with it.
    (
        """CREATE TABLE sessions (
            id VARCHAR NOT NULL PRIMARY KEY,
            platform VARCHAR NOT NULL DEFAULT 'other',
            room VARCHAR NOT NULL DEFAULT '',
            created_at DATETIME NOT NULL,
            started_at DATETIME,
            ended_at DATETIME
        )""",
        "CREATE UNIQUE INDEX ux_sessions_one_open ON sessions ((ended_at IS NULL))"
        " WHERE ended_at IS NULL",
        "CREATE INDEX ix_sessions_created_at ON sessions (created_at)",
        """CREATE TABLE rundown_items (
            id INTEGER NOT NULL PRIMARY KEY,
            session_id VARCHAR NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            job_code VARCHAR NOT NULL,
            UNIQUE (session_id, job_code),
            UNIQUE (session_id, position)
        )""",
        "CREATE INDEX ix_takes_session ON takes (session)",
    ),
    # 5: registrations (sign-ups typed in at the desk) and the outbox the sync issue
    # drains. A registration and its event are written in one transaction; an event's
    # payload is frozen once written (its fingerprint proves it). No foreign key to jobs
    # or sessions: the record of a sign-up outlives a deleted job (job_title is a snapshot).
    (
        """CREATE TABLE registrations (
            id VARCHAR NOT NULL PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            job_code VARCHAR NOT NULL,
            job_title VARCHAR NOT NULL DEFAULT '',
            session_id VARCHAR NOT NULL DEFAULT '',
            name VARCHAR NOT NULL DEFAULT '',
            phone VARCHAR NOT NULL DEFAULT '',
            phone_hash VARCHAR NOT NULL DEFAULT '',
            age INTEGER,
            birth_year INTEGER,
            gender VARCHAR NOT NULL DEFAULT '',
            current_city VARCHAR NOT NULL DEFAULT '',
            expected_city VARCHAR NOT NULL DEFAULT '',
            note VARCHAR NOT NULL DEFAULT '',
            source VARCHAR NOT NULL,
            consent_method VARCHAR NOT NULL,
            notice_version VARCHAR NOT NULL,
            consented_at DATETIME NOT NULL,
            status VARCHAR NOT NULL DEFAULT 'active',
            phone_warning_overridden BOOLEAN NOT NULL DEFAULT 0,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            erased_at DATETIME,
            search VARCHAR NOT NULL DEFAULT ''
        )""",
        # Newest first, with the search text in the index: a "%text%" search scans the
        # narrow index instead of whole rows (<= 100 ms on 100,000 registrations).
        "CREATE INDEX ix_registrations_created_at ON registrations (created_at, seq, search)",
        "CREATE INDEX ix_registrations_session_id ON registrations (session_id, created_at)",
        "CREATE INDEX ix_registrations_job_code ON registrations (job_code, created_at)",
        "CREATE INDEX ix_registrations_source ON registrations (source, created_at)",
        "CREATE INDEX ix_registrations_phone_hash ON registrations (phone_hash, job_code)",
        """CREATE TABLE outbox (
            id INTEGER NOT NULL PRIMARY KEY,
            event_id VARCHAR NOT NULL UNIQUE,
            registration_id VARCHAR NOT NULL REFERENCES registrations (id),
            event_type VARCHAR NOT NULL,
            payload VARCHAR NOT NULL,
            fingerprint VARCHAR NOT NULL,
            state VARCHAR NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try_at DATETIME,
            last_error VARCHAR NOT NULL DEFAULT '',
            created_at DATETIME NOT NULL,
            acked_at DATETIME
        )""",
        "CREATE INDEX ix_outbox_state ON outbox (state)",
        "CREATE INDEX ix_outbox_registration ON outbox (registration_id, id)",
    ),
    # 6: what the pull from the hub remembers. hub_state: the catalogue's ETag, the
    # registrations cursor and which hub they belong to. hub_jobs: per hub-owned job, the
    # content last pulled (base, to tell a local edit from a hub change) and a hub version
    # waiting while it clashes with a local edit (theirs). hub_registrations: sign-ups made
    # on the hub, with the hub's version (an amend made here starts from it); they never
    # get a "create" event, so nothing pulled is ever sent back.
    (
        """CREATE TABLE hub_state (
            key VARCHAR NOT NULL PRIMARY KEY,
            value VARCHAR NOT NULL
        )""",
        """CREATE TABLE hub_jobs (
            code VARCHAR NOT NULL PRIMARY KEY,
            base VARCHAR NOT NULL DEFAULT '',
            theirs VARCHAR,
            conflict_at DATETIME
        )""",
        """CREATE TABLE hub_registrations (
            client_id VARCHAR NOT NULL PRIMARY KEY REFERENCES registrations (id),
            version INTEGER NOT NULL,
            cursor INTEGER NOT NULL DEFAULT 0,
            pulled_at DATETIME NOT NULL
        )""",
    ),
    # 7: the viewer's separate tick on the sign-up page allowing the agency to pass their
    # details to the employer (the agency's own consent is consent_method/notice_version).
    # Sign-ups taken at the desk have not given it until someone records otherwise.
    ("ALTER TABLE registrations ADD COLUMN employer_consent BOOLEAN NOT NULL DEFAULT 0",),
    # 8: the hub's version of each job this PC knows (publish names it as the base of a
    # change, so an edit made on the hub or another PC meanwhile is a conflict); 0: unknown.
    ("ALTER TABLE hub_jobs ADD COLUMN version INTEGER NOT NULL DEFAULT 0",),
    # 9: the on-air timeline goes to the hub through the same outbox (issue 16): an event may
    # belong to no registration (air_start / air_end: registration_id NULL, the span's id in
    # the payload), and a take keeps the id of the span it started. SQLite cannot drop a
    # NOT NULL in place: the outbox is copied into a new table, ids and states kept.
    (
        """CREATE TABLE outbox_new (
            id INTEGER NOT NULL PRIMARY KEY,
            event_id VARCHAR NOT NULL UNIQUE,
            registration_id VARCHAR REFERENCES registrations (id),
            event_type VARCHAR NOT NULL,
            payload VARCHAR NOT NULL,
            fingerprint VARCHAR NOT NULL,
            state VARCHAR NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try_at DATETIME,
            last_error VARCHAR NOT NULL DEFAULT '',
            created_at DATETIME NOT NULL,
            acked_at DATETIME
        )""",
        "INSERT INTO outbox_new SELECT id, event_id, registration_id, event_type, payload,"
        " fingerprint, state, attempts, next_try_at, last_error, created_at, acked_at FROM outbox",
        "DROP TABLE outbox",
        "ALTER TABLE outbox_new RENAME TO outbox",
        "CREATE INDEX ix_outbox_state ON outbox (state)",
        "CREATE INDEX ix_outbox_registration ON outbox (registration_id, id)",
        "ALTER TABLE takes ADD COLUMN span_id VARCHAR",
    ),
    # 10: the age cell as the sheet wrote it (issue 15): an age the reader cannot turn into a
    # band is shown as written on the card and the page, as the pay's text is. Jobs stored
    # before have no such text: '' shows their band as it was read. The hub copies remembered
    # (hub_jobs.base/theirs: a job's canonical JSON, keys sorted) gain the key in its sorted
    # place, else every hub job would read as edited here and the next hub change as a
    # conflict. ',"benefits":' occurs once, as a key: a quote inside a JSON string is escaped.
    (
        "ALTER TABLE jobs ADD COLUMN age_text VARCHAR NOT NULL DEFAULT ''",
        *(_ADD_AGE_TEXT_KEY.format(column=column) for column in ("base", "theirs")),
    ),
    # 11 (issue 16): the host (主播) of each show, for the report per host; "" = not said.
    ("ALTER TABLE sessions ADD COLUMN host VARCHAR NOT NULL DEFAULT ''",),
)

LATEST = len(MIGRATIONS)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer HostDesk; opening it could lose data."""

    def __init__(self, path: Path, found: int):
        super().__init__(f"{path}: schema version {found} is newer than this HostDesk ({LATEST})")
        self.path = path
        self.found = found


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, path: Path, target: int | None = None) -> list[int]:
    """Bring the schema to `target` (default: latest); returns the steps applied.

    Backs up the file before upgrading a database that already holds a schema.
    """
    target = LATEST if target is None else target
    current = schema_version(conn)
    if current > LATEST:
        raise SchemaTooNewError(path, current)
    steps = list(range(current + 1, target + 1))
    if not steps:
        return []
    if current > 0 and path.exists():
        # A copy of the user's data as it was, in case an upgrade goes wrong in the field.
        backup_path = private_file(path.with_name(f"{path.name}.v{current}.bak"))
        backup = sqlite3.connect(backup_path)
        with backup:
            conn.backup(backup)
        backup.close()
    # The sqlite3 module's implicit transactions do not cover DDL; manage them ourselves.
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in steps:
            for statement in MIGRATIONS[step - 1]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {steps[-1]}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return steps
