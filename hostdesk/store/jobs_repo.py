"""Reading and writing the job catalogue; each write is one transaction."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hostdesk.core.jobs import Job, JobStatus
from hostdesk.store.db import Database
from hostdesk.store.job_rows import job_to_row, row_to_job
from hostdesk.store.tables import JobRow

JOBS = JobRow.__table__


class CodeTaken(ValueError):
    """`insert` of a code another job already has; nothing was written."""

    def __init__(self, code: str):
        super().__init__(f"job code {code!r} is already used")
        self.code = code


@dataclass(frozen=True)
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: UpsertResult) -> UpsertResult:
        return UpsertResult(
            self.created + other.created,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )


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
        latest = list({job.code: job for job in jobs}.items())  # a code twice: the last wins
        with self._db.engine.connect() as conn, conn.begin() as transaction:
            result = _write(conn, latest)
            if dry_run:
                transaction.rollback()
        return result

    def upsert_steps(
        self, jobs: Iterable[Job], *, chunk: int = 500
    ) -> Generator[tuple[int, int], None, UpsertResult]:
        """`upsert_many` a chunk at a time, yielding (jobs done, total) between chunks.

        Still one transaction: it commits after the last yield, and closing the generator
        early (GeneratorExit at a yield, a cancelled import) rolls everything back. Run
        it to its end on one thread: the connection stays open between yields.
        """
        latest = list({job.code: job for job in jobs}.items())  # the last of a code wins
        total = len(latest)
        counts = UpsertResult()
        with self._db.engine.connect() as conn, conn.begin():
            yield 0, total
            for start in range(0, total, max(1, chunk)):
                part = _write(conn, latest[start : start + chunk])
                counts = counts + part
                yield min(start + chunk, total), total
        return counts

    def codes(self) -> set[str]:
        """Every code in the catalogue (the job editor checks a typed code against them)."""
        with self._db.engine.connect() as conn:
            return set(conn.execute(select(JOBS.c.code)).scalars())

    def insert(self, job: Job) -> None:
        """Add one new job in its own transaction; CodeTaken when the code is in use.

        ON CONFLICT DO NOTHING makes the check and the write one statement, so a job
        saved elsewhere in between cannot be overwritten.
        """
        statement = sqlite_insert(JOBS).values(job_to_row(job))
        statement = statement.on_conflict_do_nothing(index_elements=[JOBS.c.code])
        with self._db.engine.begin() as conn:
            if conn.execute(statement).rowcount == 0:
                raise CodeTaken(job.code)

    def update(self, job: Job) -> bool:
        """Replace the job with `job.code` in one transaction; False when there is none."""
        with self._db.engine.begin() as conn:
            result = conn.execute(
                update(JOBS).where(JOBS.c.code == job.code).values(job_to_row(job))
            )
            return result.rowcount > 0

    def set_status(self, code: str, status: JobStatus, at: datetime) -> bool:
        """Change one job's status (closing a job keeps the rest as it was); False if unknown."""
        with self._db.engine.begin() as conn:
            result = conn.execute(
                update(JOBS).where(JOBS.c.code == code).values(status=status.value, updated_at=at)
            )
            return result.rowcount > 0


def _write(conn, jobs: list[tuple[str, Job]]) -> UpsertResult:
    """Insert, update or leave each (code, job), inside the caller's transaction."""
    existing = {
        r.code: row_to_job(r._mapping)
        for r in conn.execute(select(JOBS).where(JOBS.c.code.in_([code for code, _ in jobs])))
    }
    new_rows, changed_rows, unchanged = [], [], 0
    for code, job in jobs:
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
        conn.execute(update(JOBS).where(JOBS.c.code == bindparam("match_code")), changed_rows)
    return UpsertResult(len(new_rows), len(changed_rows), unchanged)
