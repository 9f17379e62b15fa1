"""The show report from the local store: one show's takes and sign-ups, and earlier shows.

Every method reads the database: call it on a worker (tasks.run). Results are plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import String, select, text, type_coerce

from hostdesk.core.registrations import Source
from hostdesk.core.sessions import Session
from hostdesk.core.show_report import (
    ShowReport,
    ShowSummary,
    SignUp,
    build_report,
    credit_windows,
    spans_from_takes,
    summary_from_counts,
)
from hostdesk.store.db import Database
from hostdesk.store.sessions_repo import SessionRepository
from hostdesk.store.tables import JobRow, RegistrationRow

REGS = RegistrationRow.__table__
JOBS = JobRow.__table__
EARLIER_SHOWS = 5  # comparison rows: the last few shows in the same room, of the same host


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _stored(moment: datetime) -> str:
    """A time as the store writes it (SQLite: naive UTC text), so SQLite compares the text."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


@dataclass(frozen=True)
class ShowReportView:
    """One show's report with what the chart and the workbook need to name things."""

    session: Session
    report: ShowReport
    titles: dict[str, str]  # job code -> title (catalogue, else the sign-up's snapshot)
    earlier: tuple[Session, ...]  # the shows behind report.earlier, same order
    same_host: tuple[Session, ...] = ()  # the shows behind report.same_host, same order


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

        Compared with the last few ended shows of the same room (same platform) and of the
        same host, this PC's data folder being the room's record. LookupError when the
        session does not exist or never went live.
        """
        session = self._sessions.get(session_id)
        if session is None or session.started_at is None:
            raise LookupError(session_id)
        room_shows, host_shows = self._earlier(session)
        titles: dict[str, str] = {}
        summaries: dict[str, ShowSummary] = {}  # a show of both lists is read once
        for show in {s.id: s for s in room_shows + host_shows}.values():
            label = f"{show.started_at.astimezone():%m-%d %H:%M} {show.room}".strip()
            summaries[show.id], past_titles = self._summary(show, label)
            titles.update(past_titles)
        report, own_titles = self._report(
            session,
            earlier=[summaries[s.id] for s in room_shows],
            same_host=[summaries[s.id] for s in host_shows],
        )
        titles.update(own_titles)
        titles.update(self._catalogue_titles({j.job_code for j in report.jobs} | set(titles)))
        return ShowReportView(session, report, titles, tuple(room_shows), tuple(host_shows))

    def _earlier(self, session: Session) -> tuple[list[Session], list[Session]]:
        """Ended shows that started before this one: in the same room (same platform), and
        with the same host (any room; none when the host was not said). Newest first."""
        before = [
            s
            for s in self._sessions.list_sessions()
            if s.id != session.id
            and s.started_at is not None
            and s.ended_at is not None
            and s.started_at < session.started_at
        ]
        before.sort(key=lambda s: s.started_at, reverse=True)
        room = [s for s in before if (s.room, s.platform) == (session.room, session.platform)]
        host = [s for s in before if session.host and s.host == session.host]
        return room[:EARLIER_SHOWS], host[:EARLIER_SHOWS]

    def _summary(self, show: Session, label: str) -> tuple[ShowSummary, dict[str, str]]:
        """An earlier show's comparison row from one grouped query: per job its sign-ups and
        those inside one of its credit windows (core.show_report.credit_windows), counted by
        SQLite; the same figures as its whole report (a tenth of the time for 5,000)."""
        end = show.ended_at or show.started_at
        takes = [(t.action, t.job_code, t.at) for t in self._sessions.takes_of(show.id)]
        air, windows = credit_windows(spans_from_takes(takes, until=end), show.started_at, end)
        rows = [(code, _stored(a), _stored(b)) for code, ws in windows.items() for a, b in ws]
        # Only placeholders go into the text: the windows travel as parameters.
        params: dict[str, str] = {"show": show.id}
        values = ", ".join(f"(:j{i}, :a{i}, :b{i})" for i in range(len(rows))) or "(NULL, '', '')"
        for i, (code, a, b) in enumerate(rows):
            params.update({f"j{i}": code, f"a{i}": a, f"b{i}": b})
        query = text(
            f"WITH w(job, a, b) AS (VALUES {values}) "
            "SELECT r.job_code, count(*), sum(EXISTS (SELECT 1 FROM w WHERE w.job = r.job_code"
            " AND r.created_at >= w.a AND r.created_at < w.b)), max(r.job_title) "
            "FROM registrations AS r WHERE r.session_id = :show GROUP BY r.job_code"
        )
        with self._db.engine.connect() as conn:
            found = conn.execute(query, params).all()
        counts = {code: (n, int(c or 0)) for code, n, c, _t in found}
        titles = {code: title for code, _n, _c, title in found if title}
        summary = summary_from_counts(
            label, show.started_at, end, air, counts, room=show.room, host=show.host
        )
        return summary, titles

    def _report(
        self, session: Session, earlier=(), same_host=()
    ) -> tuple[ShowReport, dict[str, str]]:
        end = session.ended_at or max(self._clock(), session.started_at)
        takes = [(t.action, t.job_code, t.at) for t in self._sessions.takes_of(session.id)]
        signups, titles = self._signups(session.id)
        report = build_report(
            session.started_at, end, spans_from_takes(takes, until=end), signups,
            earlier=earlier, same_host=same_host, room=session.room, host=session.host,
        )  # fmt: skip
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
