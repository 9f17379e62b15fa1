"""Reading and writing the job catalogue; each write is one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, insert
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


def row_to_job(row) -> Job:
    """A JobRow, or a plain result row with the same column names, as a domain Job."""
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


def _values(job: Job) -> dict:
    """The table's columns for a job (all but the id)."""
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
        "shift": job.shift,
        "requirements": job.requirements,
        "highlights": job.highlights,
        "signup_url": job.signup_url,
        "urgent": job.urgent,
        "status": job.status.value,
        "updated_at": job.updated_at,
    }


def _fill(row: JobRow, job: Job) -> None:
    for name, value in _values(job).items():
        setattr(row, name, value)


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
        # Plain rows, not ORM objects: building 5,000 tracked instances took 5x as long and
        # nothing here is modified.
        table = JobRow.__table__
        with self._db.engine.connect() as conn:
            return [row_to_job(r) for r in conn.execute(table.select().order_by(table.c.id))]

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
            new_rows: dict[str, dict] = {}
            for job in jobs:
                row = existing.get(job.code)
                if row is None:
                    # New jobs go in with one executemany insert (an ORM object per row
                    # cost about a second for a 5,000-row sheet).
                    new_rows[job.code] = _values(job)
                    created = len(new_rows)
                elif row_to_job(row).content_equal(job):
                    unchanged += 1
                else:
                    _fill(row, job)
                    s.add(row)
                    updated += 1
            if new_rows:
                s.execute(insert(JobRow), list(new_rows.values()))
            if dry_run:
                s.rollback()
            else:
                s.commit()
        return UpsertResult(created, updated, unchanged)
