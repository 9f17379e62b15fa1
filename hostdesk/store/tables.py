"""SQLModel tables; their columns must equal what migrations.py creates (a test checks)."""

from __future__ import annotations

from datetime import datetime

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
