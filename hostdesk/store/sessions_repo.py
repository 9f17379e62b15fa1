"""Live sessions, their rundowns and their takes; each write is one transaction.

Going live and stopping queue the show for the hub in the same transaction (show_events.py):
its room, host and platform travel once, with its start and then its end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, literal_column, select, update

from hostdesk.core.rundown import Rundown
from hostdesk.core.sessions import Platform, Session, SessionError, SessionState
from hostdesk.store.db import Database
from hostdesk.store.show_events import add_show_event
from hostdesk.store.tables import RundownItemRow, SessionRow
from hostdesk.store.takes_repo import TAKES, Take

SESSIONS = SessionRow.__table__
ITEMS = RundownItemRow.__table__
# Newest first; rowid breaks ties between sessions created within the same clock tick.
NEWEST_FIRST = (SESSIONS.c.created_at.desc(), literal_column("rowid").desc())


def _utc(value: datetime | None) -> datetime | None:
    # SQLite keeps naive datetimes; everything written here is UTC.
    return value.replace(tzinfo=UTC) if value is not None else None


def _row_to_session(row) -> Session:
    return Session(
        id=row.id,
        created_at=_utc(row.created_at),
        platform=Platform(row.platform),
        room=row.room,
        host=row.host or "",
        started_at=_utc(row.started_at),
        ended_at=_utc(row.ended_at),
    )


def _session_to_row(session: Session) -> dict:
    return {
        "id": session.id,
        "platform": session.platform.value,
        "room": session.room,
        "host": session.host,
        "created_at": session.created_at,
        "started_at": session.started_at,
        "ended_at": session.ended_at,
    }


class SessionRepository:
    """Sessions and rundowns behind the domain `Session` and `Rundown`.

    Read-modify-write steps run under BEGIN IMMEDIATE: SQLite's write lock is taken
    before the read, so two worker threads (or the CLI beside the GUI) never both see
    "no session yet" and create two, or lose one of two rundown edits.
    """

    def __init__(self, db: Database):
        self._db = db

    # -- sessions ---------------------------------------------------------------------

    def get(self, session_id: str) -> Session | None:
        with self._db.engine.connect() as conn:
            return self._get(conn, session_id)

    def list_sessions(self) -> list[Session]:
        """Every session, newest first."""
        with self._db.engine.connect() as conn:
            rows = conn.execute(select(SESSIONS).order_by(*NEWEST_FIRST))
            return [_row_to_session(r) for r in rows]

    def open_or_create(self, make: Callable[[], Session]) -> tuple[Session, bool]:
        """The session that is not ended; without one, `make()` is stored and returned.

        A new session's rundown starts as a copy of the newest session's rundown. Returns
        (session, created). `make` is called again if its id is already taken.
        """
        with self._db.write() as conn:
            row = conn.execute(select(SESSIONS).where(SESSIONS.c.ended_at.is_(None))).first()
            if row is not None:
                return _row_to_session(row), False
            session = make()
            while self._get(conn, session.id) is not None:  # 36^8 ids: all but never
                session = make()
            if session.state is SessionState.ENDED:
                raise ValueError("a new current session cannot be already ended")
            previous = conn.execute(select(SESSIONS.c.id).order_by(*NEWEST_FIRST).limit(1)).scalar()
            conn.execute(insert(SESSIONS), _session_to_row(session))
            if previous is not None:
                self._replace_items(conn, session.id, self._codes(conn, previous))
            return session, True

    def update(self, session_id: str, change: Callable[[Session], Session]) -> Session:
        """Apply `change` (e.g. Session.start) to the stored session and store the result.

        Going live or ending queues the show's event for the hub in the same transaction.
        Raises LookupError for an unknown id; whatever `change` raises leaves it unchanged.
        """
        with self._db.write() as conn:
            session = self._get(conn, session_id)
            if session is None:
                raise LookupError(f"no session {session_id!r}")
            changed = change(session)
            if changed.id != session_id:
                raise ValueError("a session's id never changes")
            row = _session_to_row(changed)
            del row["id"]
            conn.execute(update(SESSIONS).where(SESSIONS.c.id == session_id), row)
            if changed.state is not session.state and changed.state is not SessionState.PLANNED:
                add_show_event(conn, changed)  # went live, or ended: the hub hears it once
            return changed

    # -- rundowns ---------------------------------------------------------------------

    def rundown(self, session_id: str) -> Rundown:
        with self._db.engine.connect() as conn:
            return Rundown(self._codes(conn, session_id))

    def save_rundown(self, session_id: str, codes: Iterable[str]) -> Rundown:
        """Replace the session's whole rundown with `codes` (duplicates dropped), atomically."""
        rundown = Rundown(codes)
        with self._db.write() as conn:
            self._replace_items(conn, session_id, rundown.codes)
        return rundown

    def edit_rundown(self, session_id: str, change: Callable[[Rundown], object]) -> Rundown:
        """Load the rundown, let `change` mutate it, store it: one transaction.

        Refuses (SessionError "ended") to edit the rundown of an ended session: its list
        is the record of that stream, and the next session already has its own copy.
        """
        with self._db.write() as conn:
            session = self._get(conn, session_id)
            if session is None:
                raise LookupError(f"no session {session_id!r}")
            if session.state is SessionState.ENDED:
                raise SessionError("ended")
            before = self._codes(conn, session_id)
            rundown = Rundown(before)
            change(rundown)
            if rundown.codes != tuple(before):
                self._replace_items(conn, session_id, rundown.codes)
            return rundown

    # -- takes --------------------------------------------------------------------------

    def takes_of(self, session_id: str) -> list[Take]:
        """The on-air record of one session, in order (takes carry the session id)."""
        with self._db.engine.connect() as conn:
            rows = conn.execute(
                select(TAKES).where(TAKES.c.session == session_id).order_by(TAKES.c.id)
            )
            return [Take(r.action, r.job_code, _utc(r.at), r.session) for r in rows]

    # -- inside a transaction -------------------------------------------------------------

    @staticmethod
    def _get(conn: Connection, session_id: str) -> Session | None:
        row = conn.execute(select(SESSIONS).where(SESSIONS.c.id == session_id)).first()
        return _row_to_session(row) if row else None

    @staticmethod
    def _codes(conn: Connection, session_id: str) -> list[str]:
        rows = conn.execute(
            select(ITEMS.c.job_code)
            .where(ITEMS.c.session_id == session_id)
            .order_by(ITEMS.c.position)
        )
        return list(rows.scalars())

    @staticmethod
    def _replace_items(conn: Connection, session_id: str, codes: Iterable[str]) -> None:
        conn.execute(delete(ITEMS).where(ITEMS.c.session_id == session_id))
        rows = [
            {"session_id": session_id, "position": i, "job_code": code}
            for i, code in enumerate(codes)
        ]
        if rows:
            conn.execute(insert(ITEMS), rows)
