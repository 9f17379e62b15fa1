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


TOKENS = TokenRow.__table__
REGS = RegistrationRow.__table__
EVENTS = EventRow.__table__
JOBS = JobRow.__table__
COUNTERS = CounterRow.__table__
ERASURES = ErasureRow.__table__
SPENT_TOKENS = SpentTokenRow.__table__
RATE_WINDOWS = RateWindowRow.__table__
