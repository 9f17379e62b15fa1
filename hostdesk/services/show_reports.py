"""The show report from the local store: one show's takes and sign-ups, and earlier shows.

Every method reads the database: call it on a worker (tasks.run). Results are plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import String, func, select, type_coerce

from hostdesk.core.registrations import Source
from hostdesk.core.sessions import Session
from hostdesk.core.show_report import (
    ShowReport,
    ShowSummary,
    SignUp,
    build_report,
    spans_from_takes,
)
from hostdesk.store.db import Database
from hostdesk.store.sessions_repo import SessionRepository
from hostdesk.store.tables import JobRow, RegistrationRow

REGS = RegistrationRow.__table__
JOBS = JobRow.__table__
EARLIER_SHOWS = 5  # comparison rows: the last few shows in the same room


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ShowReportView:
    """One show's report with what the chart and the workbook need to name things."""

    session: Session
    report: ShowReport
    titles: dict[str, str]  # job code -> title (catalogue, else the sign-up's snapshot)
    earlier: tuple[Session, ...]  # the shows behind report.earlier, same order


class ShowReports:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] = _utc_now):
        self._db = db
        self._sessions = SessionRepository(db)
        self._clock = clock

    def shows(self) -> list[Session]:
        """Every show that went live, newest first (for the "past shows" menu)."""
        return [s for s in self._sessions.list_sessions() if s.started_at is not None]

    def load(self, session_id: str) -> ShowReportView:
        """The report of one show; a show still live is reported up to now.

        LookupError when the session does not exist or never went live.
        """
        session = self._sessions.get(session_id)
        if session is None or session.started_at is None:
            raise LookupError(session_id)
        earlier = self._earlier(session)
        titles: dict[str, str] = {}
        summaries = []
        for show in earlier:
            label = f"{show.started_at.astimezone():%m-%d %H:%M} {show.room}".strip()
            summary, past_titles = self._summary(show, label)
            summaries.append(summary)
            titles.update(past_titles)
        report, own_titles = self._report(session, summaries)
        titles.update(own_titles)
        titles.update(self._catalogue_titles({j.job_code for j in report.jobs} | set(titles)))
        return ShowReportView(session, report, titles, tuple(earlier))

    def _earlier(self, session: Session) -> list[Session]:
        """Ended shows in the same room (same platform) that started before this one."""
        shows = [
            s
            for s in self._sessions.list_sessions()
            if s.id != session.id
            and s.started_at is not None
            and s.ended_at is not None
            and s.started_at < session.started_at
            and s.room == session.room
            and s.platform == session.platform
        ]
        shows.sort(key=lambda s: s.started_at, reverse=True)
        return shows[:EARLIER_SHOWS]

    def _summary(self, show: Session, label: str) -> tuple[ShowSummary, dict[str, str]]:
        """An earlier show's comparison row from counts per job (one grouped query), or
        from its whole report when two jobs tie for best (the rate breaks the tie)."""
        query = (
            select(REGS.c.job_code, func.count(), func.max(REGS.c.job_title))
            .where(REGS.c.session_id == show.id)
            .group_by(REGS.c.job_code)
        )
        with self._db.engine.connect() as conn:
            rows = conn.execute(query).all()
        titles = {code: title for code, _n, title in rows if title}
        ranked = sorted(((n, code) for code, n, _t in rows), key=lambda r: (-r[0], r[1]))
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return self._report(show, ())[0].summary(label), titles
        end = show.ended_at or show.started_at
        total = sum(n for n, _c in ranked)
        hours = (end - show.started_at).total_seconds() / 3600
        return ShowSummary(
            label=label,
            start=show.started_at,
            end=end,
            signups=total,
            minutes=hours * 60,
            per_hour=total / hours if hours > 0 else None,
            best_job=ranked[0][1] if ranked else None,
            best_job_signups=ranked[0][0] if ranked else 0,
        ), titles

    def _report(self, session: Session, earlier) -> tuple[ShowReport, dict[str, str]]:
        end = session.ended_at or max(self._clock(), session.started_at)
        takes = [(t.action, t.job_code, t.at) for t in self._sessions.takes_of(session.id)]
        signups, titles = self._signups(session.id)
        report = build_report(
            session.started_at, end, spans_from_takes(takes, until=end), signups, earlier=earlier
        )
        return report, titles

    def _signups(self, session_id: str) -> tuple[list[SignUp], dict[str, str]]:
        """Every sign-up of the show, withdrawn and erased ones included: each happened
        during the show, and a count holds nothing personal."""
        # The time as stored text, parsed by fromisoformat (C): SQLAlchemy's SQLite DateTime
        # parsing took most of a 5,000-sign-up report's time.
        created = type_coerce(REGS.c.created_at, String)
        query = select(REGS.c.job_code, REGS.c.job_title, created, REGS.c.source).where(
            REGS.c.session_id == session_id
        )
        signups, titles = [], {}
        qr = Source.QR.value
        with self._db.engine.connect() as conn:
            rows = conn.execute(query).all()
        parse = datetime.fromisoformat
        for code, title, stamp, source in rows:
            at = parse(stamp)
            if at.tzinfo is None:  # SQLite keeps the store's UTC times naive
                at = at.replace(tzinfo=UTC)
            signups.append(SignUp(at, code, source == qr))
            if title:
                titles[code] = title
        return signups, titles

    def _catalogue_titles(self, codes: set[str]) -> dict[str, str]:
        if not codes:
            return {}
        with self._db.engine.connect() as conn:
            rows = conn.execute(select(JOBS.c.code, JOBS.c.title).where(JOBS.c.code.in_(codes)))
            return {code: title for code, title in rows if title}
