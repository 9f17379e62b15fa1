"""SQLModel tables; their columns must equal what migrations.py creates (a test checks)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class JobRow(SQLModel, table=True):
    __tablename__ = "jobs"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    title: str
    company: str = ""
    city: str = ""
    salary_min: float | None = None
    salary_max: float | None = None
    salary_unit: str | None = None
    salary_note: str = ""
    salary_text: str = ""
    benefits: str = "[]"  # JSON array of tags; only ever read whole
    headcount: int | None = None
    age_min: int | None = None
    age_max: int | None = None
    age_text: str = ""  # the age cell as written (schema 10)
    shift: str = ""
    requirements: str = ""
    highlights: str = ""
    signup_url: str = ""
    urgent: bool = False
    status: str = "open"
    # "local" (typed or imported here) or "hub" (pulled from the agency's catalogue):
    # the sync issue must not silently overwrite local edits of hub-owned jobs.
    origin: str = "local"
    updated_at: datetime


class TakeRow(SQLModel, table=True):
    """One change of what is on air: a job taken (job_code set) or the overlay cleared."""

    __tablename__ = "takes"

    id: int | None = Field(default=None, primary_key=True)
    action: str  # "take" | "clear"
    job_code: str | None = None
    session: str | None = None
    at: datetime
    span_id: str | None = None  # a take's on-air span, sent to the hub (takes_repo.py)


class SessionRow(SQLModel, table=True):
    """One live session; state is derived: planned (not started), live, ended."""

    __tablename__ = "sessions"

    id: str = Field(primary_key=True)  # short random id, also in the QR sign-up URL
    platform: str = "other"  # kuaishou | douyin | channels | other
    room: str = ""
    created_at: datetime
    started_at: datetime | None = None
    ended_at: datetime | None = None
    host: str = ""  # the host (主播) on camera; "" when not said (migration 11)


class RundownItemRow(SQLModel, table=True):
    """One job code at one position of a session's rundown."""

    __tablename__ = "rundown_items"
    __table_args__ = (
        UniqueConstraint("session_id", "job_code"),
        UniqueConstraint("session_id", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: str = Field(foreign_key="sessions.id", ondelete="CASCADE")
    position: int
    job_code: str


class RegistrationRow(SQLModel, table=True):
    """One sign-up; personal fields become "" when retention erases them (erased_at set)."""

    __tablename__ = "registrations"

    id: str = Field(primary_key=True)  # uuid4 made here: the hub's idempotency key
    seq: int = Field(unique=True)  # local order of saving: max(seq)+1 in the write transaction
    job_code: str
    job_title: str = ""  # snapshot of the title when the viewer signed up
    session_id: str = ""
    name: str = ""
    phone: str = ""
    phone_hash: str = ""  # HMAC with the data dir's key: duplicate checks
    age: int | None = None
    birth_year: int | None = None
    gender: str = ""
    current_city: str = ""
    expected_city: str = ""
    note: str = ""
    source: str
    consent_method: str
    notice_version: str
    consented_at: datetime
    status: str = "active"
    phone_warning_overridden: bool = False
    created_at: datetime
    updated_at: datetime
    erased_at: datetime | None = None
    # name, job title, code, note and phone joined by U+001F (which no field may contain):
    # the list's text search is one LIKE over one indexed column.
    search: str = ""
    employer_consent: bool = False  # the viewer allowed the employer to receive their details


class OutboxRow(SQLModel, table=True):
    """One change for the hub: a registration's create, amend or withdraw, or an on-air span's
    start or end."""

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(unique=True)
    # None: an on-air event (air_start | air_end), the span's id in its payload.
    registration_id: str | None = Field(default=None, foreign_key="registrations.id")
    event_type: str  # create | amend | withdraw | air_start | air_end
    payload: str  # canonical JSON, frozen once written
    fingerprint: str  # sha256 of payload
    state: str = "pending"  # pending | sending | acked | retry_wait | attention
    attempts: int = 0
    next_try_at: datetime | None = None
    last_error: str = ""
    created_at: datetime
    acked_at: datetime | None = None


class HubStateRow(SQLModel, table=True):
    """One remembered value of the pull: jobs ETag, registrations cursor, which hub."""

    __tablename__ = "hub_state"

    key: str = Field(primary_key=True)
    value: str


class HubJobRow(SQLModel, table=True):
    """A hub-owned job's last pulled content (base) and a hub version waiting on a clash."""

    __tablename__ = "hub_jobs"

    code: str = Field(primary_key=True)
    base: str = ""  # canonical JSON of the job as last pulled; "" when never pulled cleanly
    theirs: str | None = None  # the hub's version not applied because the job was edited here
    conflict_at: datetime | None = None
    # The hub's version of the job (of theirs while a conflict waits, else of base); 0: unknown.
    version: int = 0


class HubRegistrationRow(SQLModel, table=True):
    """A sign-up pulled from the hub, with the hub's version of it."""

    __tablename__ = "hub_registrations"

    client_id: str = Field(primary_key=True, foreign_key="registrations.id")
    version: int
    cursor: int = 0
    pulled_at: datetime
