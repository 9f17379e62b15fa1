"""The hub's own tables (its database is not the desktop's; nothing here is shared with store/)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, false
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel


class HubModel(SQLModel, registry=registry()):
    """Base of the hub's tables: a metadata of their own, apart from the desktop's."""


class TokenRow(HubModel, table=True):
    """A bearer token: one per broadcast PC (device) or an administrator; only its hash is kept."""

    __tablename__ = "tokens"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    token_hash: str = Field(unique=True)  # sha256 hex of the token
    admin: bool = False  # the scope: admin, else device
    created_at: str
    revoked_at: str | None = None  # set by `hostdesk-hub token revoke`: refused from then on


class RegistrationRow(HubModel, table=True):
    """A sign-up as the hub holds it. `seq` is the global change counter behind the cursors."""

    __tablename__ = "registrations"

    id: int | None = Field(default=None, primary_key=True)
    client_id: str = Field(unique=True)  # the desktop's uuid: the idempotency key
    origin: str = "device"  # device | hub (made on the hub, e.g. the QR form)
    device: str | None = None  # the token name that sent it
    # No index on job_code or session_id: they only group the stats, and each index would
    # cost every insert of a batch more than a scan costs the occasional stats request.
    job_code: str
    job_title: str = ""
    session_id: str = ""
    name: str = ""
    phone: str = ""
    age: int | None = None
    birth_year: int | None = None
    gender: str = ""
    current_city: str = ""
    expected_city: str = ""
    note: str = ""
    source: str = ""
    consent_method: str = ""
    notice_version: str = ""
    consented_at: str = ""  # ISO-8601 UTC, as every time here
    status: str = "active"  # active | withdrawn | erased (personal fields emptied on request)
    # The viewer's separate tick on the sign-up page: pass the details on to the employer
    # named on the job (the agency's own consent is the row itself). Other origins: false.
    employer_consent: bool = Field(
        default=False,
        sa_column=Column(Boolean, nullable=False, default=False, server_default=false()),
    )
    version: int = 1  # events applied
    created_at: str
    updated_at: str
    # BIGINT: the cursor a client passes back is compared with it, whatever its size.
    seq: int = Field(sa_column=Column(BigInteger, unique=True, nullable=False))


class EventRow(HubModel, table=True):
    """Every event applied, with its frozen payload: event_id is unique forever."""

    __tablename__ = "events"

    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(unique=True)
    client_id: str
    type: str
    fingerprint: str
    payload: str
    device: str | None = None
    at: str


class JobRow(HubModel, table=True):
    """The catalogue: each job as the JSON of `hostdesk jobs list --json`, in catalogue order."""

    __tablename__ = "jobs"

    code: str = Field(primary_key=True)
    position: int
    data: str
    # Per-job version (catalogue.py): a write names the version it was based on, so two
    # writers (a desktop's publish, the admin's PUT, the web upload) never overwrite blindly.
    version: int = 1
    updated_by: str = ""  # the token (or staff) name of the last change
    updated_at: str = ""


class CounterRow(HubModel, table=True):
    """Named counters and values: "seq" (last change number), "jobs_etag"."""

    __tablename__ = "counters"

    name: str = Field(primary_key=True)
    value: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    text: str = ""


class ErasureRow(HubModel, table=True):
    """The audit of one erasure: who, when, by which key, how many — never the key itself."""

    __tablename__ = "erasures"

    id: int | None = Field(default=None, primary_key=True)
    actor: str  # a token's name, or "cli"
    key_kind: str  # phone | client_id
    count: int  # registrations erased
    at: str
    seq: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))


class SpentTokenRow(HubModel, table=True):
    """A sign-up page CSRF token already used to sign up (its random id): never accepted again.

    Kept until the token would have expired anyway (then purged); shared by every process."""

    __tablename__ = "page_tokens_spent"

    token_id: str = Field(primary_key=True)
    expires: int = Field(index=True)  # unix seconds: the token is refused after it anyway


class RateWindowRow(HubModel, table=True):
    """One key's rate-limit window (hostdesk.hub.ratelimit), shared by processes on PostgreSQL."""

    __tablename__ = "rate_windows"

    bucket: str = Field(primary_key=True)  # scope:hash of the key (no address or name kept)
    started: float  # unix seconds of the window's first hit
    hits: int


class StaffUserRow(HubModel, table=True):
    """A back-office account (/office/): admin, recruiter or employer; only an argon2 hash."""

    __tablename__ = "staff_users"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    role: str  # admin | recruiter | employer
    employer: str = ""  # the company an employer account speaks for (the jobs' company)
    password_hash: str
    disabled: bool = Field(
        default=False,
        sa_column=Column(Boolean, nullable=False, default=False, server_default=false()),
    )
    lang: str = ""  # zh_CN | en; "" = from the browser's Accept-Language
    created_at: str


class StaffSessionRow(HubModel, table=True):
    """A signed-in browser: the cookie's sha256 and its CSRF token; shared by every process."""

    __tablename__ = "staff_sessions"

    token_hash: str = Field(primary_key=True)
    user_id: int = Field(index=True)
    csrf: str
    created: float  # unix seconds
    seen: float  # last request (refreshed at most every few minutes)


class AuditRow(HubModel, table=True):
    """Who did what to which object, when: logins, reveals, exports, changes. No personal data."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: str
    actor: str  # an account's name, "?" for an unknown one, or "cli"
    action: str  # login_ok, login_failed, reveal, stage, csrf_refused, …
    object_id: str = ""  # a lead's id, an account's name
    detail: str = ""  # codes only (a stage, an outcome, a reason), never a name or number


class LeadRow(HubModel, table=True):
    """The desk's state of one sign-up (registrations.id); no row yet = 新报名, no owner."""

    __tablename__ = "leads"

    reg_id: int = Field(primary_key=True)
    stage: str = Field(default="new", index=True)
    owner_id: int | None = Field(default=None, index=True)
    stage_at: str
    calls: int = 0
    last_call_at: str | None = None
    last_outcome: str = ""


class LeadHistoryRow(HubModel, table=True):
    """One stage change, appended and never updated: who, when, from, to, note."""

    __tablename__ = "lead_history"

    id: int | None = Field(default=None, primary_key=True)
    reg_id: int = Field(index=True)
    at: str
    actor: str
    from_stage: str
    to_stage: str
    note: str = ""


class LeadCallRow(HubModel, table=True):
    """One call attempt to a lead and how it went."""

    __tablename__ = "lead_calls"

    id: int | None = Field(default=None, primary_key=True)
    reg_id: int = Field(index=True)
    at: str
    actor: str
    outcome: str  # answered | no_answer | busy | invalid


class AirSpanRow(HubModel, table=True):
    """What was on air: one take of a job on a broadcast PC, until its clear or the next take
    (hostdesk.hub.airtime). Times are ISO-8601 UTC strings, as every time here."""

    __tablename__ = "air_spans"

    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(unique=True)  # the desktop's span id (its air_start event's id)
    device: str  # the token name that sent it
    session_code: str | None = Field(default=None, index=True)  # the show (desktop session id)
    job_code: str
    started_at: str = Field(index=True)
    ended_at: str | None = None  # None: on air still (or its end has not arrived yet)


class PageOpenRow(HubModel, table=True):
    """Opens of a job's sign-up page per show, PC and minute (hostdesk.hub.page_opens).

    Anonymous: no address, no cookie, nothing personal. "" = not known (a key column cannot
    be NULL on PostgreSQL, and the upsert needs the whole key)."""

    __tablename__ = "page_opens"

    job_code: str = Field(primary_key=True)
    session_code: str = Field(default="", primary_key=True)  # the QR link's s=
    device: str = Field(default="", primary_key=True)  # d=, only when it names a device token
    minute: str = Field(primary_key=True)  # ISO-8601 UTC, truncated to the minute
    opens: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))


class ShowRow(HubModel, table=True):
    """A show a desktop went live with (hostdesk.hub.shows): its PC, room and host (主播),
    for the reports per show, PC and host. Times are ISO-8601 UTC strings."""

    __tablename__ = "shows"

    id: int | None = Field(default=None, primary_key=True)
    session_code: str = Field(unique=True)  # the desktop's session id (the QR links' s=)
    device: str = Field(index=True)  # the token name that sent it: the broadcast PC
    platform: str = ""
    room: str = Field(default="", index=True)
    host: str = Field(default="", index=True)  # "" = not said (or an older desktop)
    started_at: str = Field(index=True)
    ended_at: str | None = None  # None: live still (or its end has not arrived yet)


TOKENS = TokenRow.__table__
REGS = RegistrationRow.__table__
EVENTS = EventRow.__table__
JOBS = JobRow.__table__
COUNTERS = CounterRow.__table__
ERASURES = ErasureRow.__table__
SPENT_TOKENS = SpentTokenRow.__table__
RATE_WINDOWS = RateWindowRow.__table__
STAFF = StaffUserRow.__table__
STAFF_SESSIONS = StaffSessionRow.__table__
AUDIT = AuditRow.__table__
LEADS = LeadRow.__table__
LEAD_HISTORY = LeadHistoryRow.__table__
LEAD_CALLS = LeadCallRow.__table__
AIR_SPANS = AirSpanRow.__table__
PAGE_OPENS = PageOpenRow.__table__
SHOWS = ShowRow.__table__
# The lead desk's list (hostdesk.hub.leads) with 100,000 sign-ups: newest first, a job's or a
# show's newest first, repeats and searches by phone. Made by create_schema on old databases too.
LEAD_DESK_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_registrations_created ON registrations (created_at)",
    "CREATE INDEX IF NOT EXISTS ix_registrations_job_created ON registrations (job_code, created_at)",
    "CREATE INDEX IF NOT EXISTS ix_registrations_session_created ON registrations (session_id, created_at)",
    "CREATE INDEX IF NOT EXISTS ix_registrations_phone ON registrations (phone)",
    # The last four digits, searched on their own (leads.PHONE_TAIL): numbers are 11 digits.
    "CREATE INDEX IF NOT EXISTS ix_registrations_phone_tail ON registrations (substr(phone, 8, 4))",
)
