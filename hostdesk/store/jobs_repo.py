"""Reading and writing the job catalogue; each write is one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select, update

from hostdesk.core.jobs import Job
from hostdesk.store.db import Database
from hostdesk.store.job_rows import job_to_row, row_to_job
from hostdesk.store.tables import JobRow

JOBS = JobRow.__table__


@dataclass(frozen=True)
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class JobRepository:
    """The catalogue table behind domain `Job`s.

    Plain Core statements rather than ORM objects: the catalogue is read and written
    whole, and building thousands of tracked instances cost seconds for nothing.
    """

    def __init__(self, db: Database):
        self._db = db

    def list_jobs(self) -> list[Job]:
        with self._db.engine.connect() as conn:
            rows = conn.execute(select(JOBS).order_by(JOBS.c.id))
            return [row_to_job(r._mapping) for r in rows]

    def get(self, code: str) -> Job | None:
        with self._db.engine.connect() as conn:
            row = conn.execute(select(JOBS).where(JOBS.c.code == code)).first()
            return row_to_job(row._mapping) if row else None

    def count(self) -> int:
        with self._db.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(JOBS)).scalar_one()

    def upsert_many(self, jobs: Iterable[Job], *, dry_run: bool = False) -> UpsertResult:
        """Insert new codes, update changed ones, leave identical ones alone: all or nothing.

        With dry_run the same work is done and rolled back, so the counts are exact.
        """
        latest = {job.code: job for job in jobs}  # a code given twice: the last one wins
        with self._db.engine.connect() as conn, conn.begin() as transaction:
            existing = {
                r.code: row_to_job(r._mapping)
                for r in conn.execute(select(JOBS).where(JOBS.c.code.in_(list(latest))))
            }
            new_rows, changed_rows, unchanged = [], [], 0
            for code, job in latest.items():
                old = existing.get(code)
                if old is None:
                    new_rows.append(job_to_row(job))
                elif old.content_equal(job):
                    unchanged += 1
                else:
                    changed_rows.append({**job_to_row(job), "match_code": code})
            if new_rows:
                conn.execute(insert(JOBS), new_rows)
            if changed_rows:
                conn.execute(
                    update(JOBS).where(JOBS.c.code == bindparam("match_code")), changed_rows
                )
            if dry_run:
                transaction.rollback()
        return UpsertResult(len(new_rows), len(changed_rows), unchanged)
