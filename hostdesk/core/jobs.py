"""The job being recruited for: its fields, its stable code, and its public JSON shape."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

from hostdesk.core.salary import Pay, PayParseError, PayUnit, format_pay, parse_pay


class JobStatus(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


# The keys of `hostdesk jobs list --json`, in order; the hub's job schema uses the same.
JOB_JSON_KEYS = (
    "code", "title", "company", "city", "salary_min", "salary_max", "salary_unit",
    "salary_text", "benefits", "headcount", "age_min", "age_max", "age_text", "shift",
    "requirements", "signup_url", "urgent", "status",
)  # fmt: skip

CODE_MAX_LEN = 32


@dataclass(frozen=True)
class Job:
    """One job opening as the agency presents it on stream."""

    code: str
    title: str
    company: str = ""
    city: str = ""
    pay: Pay = field(default_factory=Pay)
    benefits: tuple[str, ...] = ()
    headcount: int | None = None
    age_min: int | None = None
    age_max: int | None = None
    # The age cell as the sheet wrote it (like Pay.text): shown when the band could not be read.
    age_text: str = ""
    shift: str = ""
    requirements: str = ""
    highlights: str = ""
    signup_url: str = ""
    urgent: bool = False
    status: JobStatus = JobStatus.OPEN
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def content_equal(self, other: Job) -> bool:
        """Same job apart from the time it was last touched (re-imports of an unchanged row)."""
        return replace(self, updated_at=other.updated_at) == other

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "company": self.company,
            "city": self.city,
            "salary_min": self.pay.min,
            "salary_max": self.pay.max,
            "salary_unit": self.pay.unit.value if self.pay.unit else None,
            "salary_text": self.pay.text or format_pay(self.pay),
            "benefits": list(self.benefits),
            "headcount": self.headcount,
            "age_min": self.age_min,
            "age_max": self.age_max,
            "age_text": self.age_text,
            "shift": self.shift,
            "requirements": self.requirements,
            "signup_url": self.signup_url,
            "urgent": self.urgent,
            "status": self.status.value,
        }

    @classmethod
    def from_json(cls, data: dict) -> Job:
        unit = data.get("salary_unit")
        text = data.get("salary_text") or ""
        try:
            note = parse_pay(text).note  # the qualifier (综合工资, 底薪+计件) lives in the text
        except PayParseError:
            note = ""
        pay = Pay(
            min=data.get("salary_min"),
            max=data.get("salary_max"),
            unit=PayUnit(unit) if unit else None,
            note=note,
            text=text,
        )
        return cls(
            code=data["code"],
            title=data["title"],
            company=data.get("company") or "",
            city=data.get("city") or "",
            pay=pay,
            benefits=tuple(data.get("benefits") or ()),
            headcount=data.get("headcount"),
            age_min=data.get("age_min"),
            age_max=data.get("age_max"),
            age_text=data.get("age_text") or "",
            shift=data.get("shift") or "",
            requirements=data.get("requirements") or "",
            signup_url=data.get("signup_url") or "",
            urgent=bool(data.get("urgent")),
            status=JobStatus(data.get("status") or "open"),
        )


def normalize_text(text: str) -> str:
    """NFKC (full-width letters/digits to half-width) and collapsed whitespace, as sheets vary."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def make_code(company: str, title: str, city: str) -> str:
    """A stable code for a job given without one: the same sheet row always maps to the same job.

    Derived from what identifies the opening, so re-importing a sheet without a code
    column updates the jobs instead of duplicating them.
    """
    key = "\x1f".join(normalize_text(part).casefold() for part in (company, title, city))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
    return "J" + digest[:8].upper()


def valid_code(code: str) -> bool:
    """Codes appear in sign-up URLs and file names: printable ASCII without spaces or slashes."""
    return (
        0 < len(code) <= CODE_MAX_LEN
        and code.isascii()
        and all(ch.isalnum() or ch in "-_." for ch in code)
    )
