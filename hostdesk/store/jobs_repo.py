"""Reading and writing the job catalogue; each write is one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import select

from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.salary import Pay, PayUnit
from hostdesk.store.db import Database
from hostdesk.store.tables import JobRow


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _aware(value: datetime) -> datetime:
    # SQLite keeps no zone; everything we write is UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def row_to_job(row: JobRow) -> Job:
    return Job(
        code=row.code,
        title=row.title,
        company=row.company,
        city=row.city,
        pay=Pay(
            min=_number(row.salary_min),
            max=_number(row.salary_max),
            unit=PayUnit(row.salary_unit) if row.salary_unit else None,
            note=row.salary_note,
            text=row.salary_text,
        ),
        benefits=tuple(json.loads(row.benefits)),
        headcount=row.headcount,
        age_min=row.age_min,
        age_max=row.age_max,
        shift=row.shift,
        requirements=row.requirements,
        highlights=row.highlights,
        signup_url=row.signup_url,
        urgent=row.urgent,
        status=JobStatus(row.status),
        updated_at=_aware(row.updated_at),
    )


def _fill(row: JobRow, job: Job) -> None:
    row.title = job.title
    row.company = job.company
    row.city = job.city
    row.salary_min = job.pay.min
    row.salary_max = job.pay.max
    row.salary_unit = job.pay.unit.value if job.pay.unit else None
    row.salary_note = job.pay.note
    row.salary_text = job.pay.text
    row.benefits = json.dumps(list(job.benefits), ensure_ascii=False)
    row.headcount = job.headcount
    row.age_min = job.age_min
    row.age_max = job.age_max
    row.shift = job.shift
    row.requirements = job.requirements
    row.highlights = job.highlights
    row.signup_url = job.signup_url
    row.urgent = job.urgent
    row.status = job.status.value
    row.updated_at = job.updated_at


@dataclass(frozen=True)
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class JobRepository:
    """The catalogue table behind domain `Job`s."""

    def __init__(self, db: Database):
        self._db = db

    def list_jobs(self) -> list[Job]:
        with self._db.session() as s:
            return [row_to_job(r) for r in s.exec(select(JobRow).order_by(JobRow.id))]

    def get(self, code: str) -> Job | None:
        with self._db.session() as s:
            row = s.exec(select(JobRow).where(JobRow.code == code)).first()
            return row_to_job(row) if row else None

    def count(self) -> int:
        with self._db.session() as s:
            return s.exec(select(func.count()).select_from(JobRow)).one()

    def upsert_many(self, jobs: Iterable[Job], *, dry_run: bool = False) -> UpsertResult:
        """Insert new codes, update changed ones, leave identical ones alone: all or nothing.

        With dry_run the same work is done and rolled back, so the counts are exact.
        """
        jobs = list(jobs)
        created = updated = unchanged = 0
        with self._db.session() as s:
            existing = {
                r.code: r
                for r in s.exec(select(JobRow).where(JobRow.code.in_([j.code for j in jobs])))
            }
            for job in jobs:
                row = existing.get(job.code)
                if row is None:
                    row = JobRow(code=job.code, title=job.title, updated_at=job.updated_at)
                    _fill(row, job)
                    s.add(row)
                    existing[job.code] = row
                    created += 1
                elif row_to_job(row).content_equal(job):
                    unchanged += 1
                else:
                    _fill(row, job)
                    s.add(row)
                    updated += 1
            if dry_run:
                s.rollback()
            else:
                s.commit()
        return UpsertResult(created, updated, unchanged)
