"""The jobs table's columns to and from domain `Job`s; standard library only (see reader.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime

from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.salary import Pay, PayUnit


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _timestamp(value: datetime | str) -> datetime:
    # SQLite keeps no zone and, read without SQLAlchemy, no type: everything we write is UTC.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def row_to_job(row: Mapping) -> Job:
    """A jobs-table row (SQLAlchemy's `row._mapping` or a `sqlite3.Row`) as a domain Job."""
    return Job(
        code=row["code"],
        title=row["title"],
        company=row["company"],
        city=row["city"],
        pay=Pay(
            min=_number(row["salary_min"]),
            max=_number(row["salary_max"]),
            unit=PayUnit(row["salary_unit"]) if row["salary_unit"] else None,
            note=row["salary_note"],
            text=row["salary_text"],
        ),
        benefits=tuple(json.loads(row["benefits"])),
        headcount=row["headcount"],
        age_min=row["age_min"],
        age_max=row["age_max"],
        age_text=row["age_text"],
        shift=row["shift"],
        requirements=row["requirements"],
        highlights=row["highlights"],
        signup_url=row["signup_url"],
        urgent=bool(row["urgent"]),
        status=JobStatus(row["status"]),
        updated_at=_timestamp(row["updated_at"]),
    )


def job_to_row(job: Job) -> dict:
    """The table's columns for a job (all but the id and the origin)."""
    return {
        "code": job.code,
        "title": job.title,
        "company": job.company,
        "city": job.city,
        "salary_min": job.pay.min,
        "salary_max": job.pay.max,
        "salary_unit": job.pay.unit.value if job.pay.unit else None,
        "salary_note": job.pay.note,
        "salary_text": job.pay.text,
        "benefits": json.dumps(list(job.benefits), ensure_ascii=False),
        "headcount": job.headcount,
        "age_min": job.age_min,
        "age_max": job.age_max,
        "age_text": job.age_text,
        "shift": job.shift,
        "requirements": job.requirements,
        "highlights": job.highlights,
        "signup_url": job.signup_url,
        "urgent": job.urgent,
        "status": job.status.value,
        "updated_at": job.updated_at,
    }
