"""What the live sign-up counter shows for one job, read in one cheap query."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, select

from hostdesk.core.registrations import RegStatus
from hostdesk.store.db import Database
from hostdesk.store.tables import JobRow, RegistrationRow

REGS = RegistrationRow.__table__
JOBS = JobRow.__table__


@dataclass(frozen=True)
class CounterRow:
    """The job's sign-ups (count) and its newest one (name and time); the job's title."""

    count: int
    name: str = field(default="", repr=False)  # personal data: never in a log
    newest_at: datetime | None = None
    title: str = ""


def _statement(code: str):
    # Every session's sign-ups for the job count: the number viewers see is the job's,
    # not tonight's. Withdrawn and erased rows do not. Sign-ups pulled from the hub are
    # local rows too (source qr), so they count without a second query.
    # SQLite fills the bare name and title from the row that has max(created_at), so the
    # count and the newest sign-up come from one pass over ix_registrations_job_code.
    title = select(JOBS.c.title).where(JOBS.c.code == code).scalar_subquery()
    return select(
        func.count(),
        REGS.c.name,
        func.max(REGS.c.created_at),
        func.coalesce(title, REGS.c.job_title, ""),
    ).where(
        REGS.c.job_code == code,
        REGS.c.status == RegStatus.ACTIVE.value,
        REGS.c.erased_at.is_(None),
    )


class CounterReader:
    def __init__(self, db: Database):
        self._db = db

    def read(self, code: str) -> CounterRow:
        """The counter's data for job `code` (count 0, no name, for a job nobody signed up to)."""
        with self._db.engine.connect() as conn:
            count, name, newest, title = conn.execute(_statement(code)).one()
        if isinstance(newest, str):  # an aggregate of a DATETIME column comes back as text
            newest = datetime.fromisoformat(newest)
        if newest is not None and newest.utcoffset() is None:
            newest = newest.replace(tzinfo=UTC)  # stored in UTC (see registrations_repo)
        return CounterRow(int(count or 0), name or "", newest, title or "")
