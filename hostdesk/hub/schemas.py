"""The API's request and response bodies (pydantic): what /openapi.json declares."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from hostdesk.core.jobs import CODE_MAX_LEN
from hostdesk.core.registrations import NOTICE_VERSION
from hostdesk.core.text import has_control, strip_invisible

MAX_BATCH = 100
MAX_LOOKUP = 500
ID_MAX = 64
ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"  # uuids and the like


def _storable(value: str) -> str:
    """NUL and unpaired surrogates: PostgreSQL refuses the one, UTF-8 cannot carry the other."""
    if "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError("NUL or unpaired surrogate characters")
    return value


def _catalogue_line(value: str) -> str:
    """One line of a job's text: shown on stream, on the page and in exports."""
    if has_control(value):
        raise ValueError("control characters (NUL, CR, LF, ESC…) are not allowed here")
    return strip_invisible(value)


def _catalogue_lines(value: str) -> str:
    """A job's longer text (requirements): line breaks and tabs allowed, nothing else."""
    if has_control(value, allow="\n\r\t"):
        raise ValueError("control characters other than line breaks and tabs")
    return strip_invisible(value)


Text = Annotated[str, AfterValidator(_storable)]
Line = Annotated[str, AfterValidator(_catalogue_line)]
Lines = Annotated[str, AfterValidator(_catalogue_lines)]
# What a sign-up link and its QR code carry (core.jobs.valid_code): the page's /j/{code}.
JOB_CODE_PATTERN = rf"^[A-Za-z0-9_.-]{{1,{CODE_MAX_LEN}}}$"
# Sane bounds: the desktop keeps pay in a FLOAT column and headcount and ages in INTEGER
# ones (64-bit in SQLite); a bigger number breaks every desktop's pull of the catalogue.
PAY_MAX = 10_000_000  # yuan, whatever the unit
HEADCOUNT_MAX = 100_000
JOB_AGE_MAX = 120
Pay = Annotated[int | float, Field(ge=0, le=PAY_MAX, allow_inf_nan=False)]
Id = Annotated[str, Field(min_length=1, max_length=ID_MAX, pattern=ID_PATTERN)]


class ErrorOut(BaseModel):
    detail: str


class FieldError(BaseModel):
    """Where a request broke the schema and how (errors.validation_error): never the value."""

    loc: list[str | int]
    msg: str
    type: str


class UnprocessableOut(BaseModel):
    """A 422 of a route that also refuses with a reason of its own: the schema's errors, or
    that reason (declare this, not ErrorOut, so both shapes keep the OpenAPI promise)."""

    detail: list[FieldError] | str


class HealthOut(BaseModel):
    status: Literal["ok"]
    database: Literal["sqlite", "postgresql"]


class BatchItem(BaseModel):
    client_id: Id
    event_id: Id
    # air_start / air_end: the on-air timeline (client_id: the span's id; hub/airtime.py).
    # show_start / show_end: a show's room and host (client_id: the show's code; hub/shows.py).
    event_type: Literal["create", "amend", "withdraw", "air_start", "air_end", "show_start",
                        "show_end"]  # fmt: skip
    base_version: int = Field(ge=0, le=1_000_000)
    fingerprint: str = Field(min_length=1, max_length=128)
    payload: dict[str, Any]


class BatchIn(BaseModel):
    items: list[BatchItem] = Field(min_length=1, max_length=MAX_BATCH)


class ItemResult(BaseModel):
    event_id: str
    client_id: str
    status: Literal["created", "duplicate", "conflict", "rejected"]
    reason: str | None


class BatchOut(BaseModel):
    results: list[ItemResult]


class RegistrationOut(BaseModel):
    client_id: str
    job_code: str
    job_title: str
    session_id: str
    name: str
    phone: str
    age: int | None
    source: str
    consent_method: str
    notice_version: str
    consented_at: str
    status: Literal["active", "withdrawn", "erased"]  # erased: personal fields emptied
    version: int
    origin: Literal["device", "hub"]
    device: str | None
    employer_consent: bool
    created_at: str
    updated_at: str
    cursor: int


class RegistrationPage(BaseModel):
    items: list[RegistrationOut]
    next: int | None


class LookupIn(BaseModel):
    client_ids: list[Id] = Field(max_length=MAX_LOOKUP)


class LookupOut(BaseModel):
    known: dict[str, int]


class HubRegistrationIn(BaseModel):
    """A sign-up made on the hub itself (the QR form): origin "hub", source "qr"."""

    client_id: Id | None = None
    job_code: Text = Field(min_length=1, max_length=ID_MAX)
    job_title: Text = Field(default="", max_length=200)
    session_id: Text = Field(default="", max_length=ID_MAX)
    name: Text = Field(min_length=1, max_length=20)
    phone: str = Field(pattern=r"^1[3-9][0-9]{9}$")
    age: int | None = Field(default=None, ge=16, le=80)
    consent_method: Literal["verbal", "checkbox", "written"] = "checkbox"
    notice_version: Text = Field(default=NOTICE_VERSION, max_length=32)
    employer_consent: bool = False
    device: Id | None = None  # the broadcast PC it is credited to, as the page's d= does


class MeOut(BaseModel):
    """Who the presented token belongs to: the desktop puts `name` in its QR links (d=)."""

    name: str
    admin: bool
    public_url: str = ""  # `hostdesk-hub serve --public-url`: the address phones open


class Job(BaseModel):
    """One job, keys exactly as `hostdesk jobs list --json`."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=JOB_CODE_PATTERN)
    title: Line = Field(min_length=1, max_length=200)
    company: Line = Field(default="", max_length=200)
    city: Line = Field(default="", max_length=50)
    salary_min: Pay | None = None
    salary_max: Pay | None = None
    salary_unit: Literal["month", "hour", "day", "piece", "year"] | None = None
    salary_text: Line = Field(default="", max_length=200)
    benefits: list[Annotated[Line, Field(max_length=100)]] = Field(default=[], max_length=50)
    headcount: int | None = Field(default=None, ge=0, le=HEADCOUNT_MAX)
    age_min: int | None = Field(default=None, ge=0, le=JOB_AGE_MAX)
    age_max: int | None = Field(default=None, ge=0, le=JOB_AGE_MAX)
    age_text: Line = Field(default="", max_length=200)  # the age as written (shown when unread)
    shift: Line = Field(default="", max_length=200)
    requirements: Lines = Field(default="", max_length=5000)
    signup_url: Line = Field(default="", max_length=2000)
    urgent: bool = False
    status: Literal["open", "paused", "closed"] = "open"

    @field_validator("title")
    @classmethod
    def _title_shows(cls, title: str) -> str:
        if not title.strip():
            raise ValueError("the title is empty once invisible characters are removed")
        return title

    @model_validator(mode="after")
    def _ranges_in_order(self) -> Job:
        # The desktop's pay and age readers refuse a range that starts above its end.
        for low, high in (("salary_min", "salary_max"), ("age_min", "age_max")):
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                raise ValueError(f"{low} is above {high}")
        return self


class JobsIn(BaseModel):
    jobs: list[Job] = Field(max_length=20_000)

    @field_validator("jobs")
    @classmethod
    def _unique_codes(cls, jobs: list[Job]) -> list[Job]:
        seen: set[str] = set()
        for job in jobs:
            if job.code in seen:
                raise ValueError(f"job code {job.code!r} appears twice")
            seen.add(job.code)
        return jobs


class JobsOut(BaseModel):
    jobs: list[Job]
    # Each job's version on the hub (catalogue.py), apart from the jobs so that a job keeps
    # exactly the keys of `hostdesk jobs list --json`.
    versions: dict[str, int] = {}


MAX_PUBLISH = 1000
JOB_VERSION_MAX = 2**31 - 1


class PublishItem(BaseModel):
    """One job as a PC has it, and the hub version its change was based on (0: new here)."""

    model_config = ConfigDict(extra="forbid")

    job: Job
    base_version: int = Field(ge=0, le=JOB_VERSION_MAX)


class PublishIn(BaseModel):
    items: list[PublishItem] = Field(min_length=1, max_length=MAX_PUBLISH)

    @field_validator("items")
    @classmethod
    def _unique_codes(cls, items: list[PublishItem]) -> list[PublishItem]:
        seen: set[str] = set()
        for item in items:
            if item.job.code in seen:
                raise ValueError(f"job code {item.job.code!r} appears twice")
            seen.add(item.job.code)
        return items


class PublishResult(BaseModel):
    """created / updated / unchanged: the hub now has the job at `version`. conflict: the
    hub's job changed since base_version (or is new there): `job` is the hub's, untouched."""

    code: str
    status: Literal["created", "updated", "unchanged", "conflict"]
    version: int  # the hub's version of the job now (0: the hub has no such job)
    job: Job | None = None  # the hub's current job, on a conflict
    updated_by: str = ""
    updated_at: str = ""


class PublishOut(BaseModel):
    results: list[PublishResult]


class JobsPutOut(BaseModel):
    count: int


class StatsOut(BaseModel):
    total: int
    by_job: dict[str, int]
    by_session: dict[str, int]
