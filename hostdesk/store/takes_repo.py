"""The on-air record: every take and clear with its time, written as it happens.

Each take starts an on-air span; the next take or a clear ends it. In the same transaction
as the take's row, the span's start and end are queued for the hub in the outbox
(air_start / air_end, outbox_repo.add_air_event): recorded once, sent until acknowledged.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select

from hostdesk.store.db import Database
from hostdesk.store.outbox_repo import add_air_event
from hostdesk.store.tables import TakeRow

TAKES = TakeRow.__table__


@dataclass(frozen=True)
class Take:
    action: str  # "take" | "clear"
    job_code: str | None
    at: datetime
    session: str | None = None


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _span(span_id: str, job_code: str, session: str | None, started: datetime) -> dict:
    return {
        "span_id": span_id,
        "job_code": job_code,
        "session_code": session,
        "started_at": _utc(started).isoformat(timespec="microseconds"),
    }


class TakeRepository:
    def __init__(self, db: Database):
        self._db = db

    def record(self, action: str, job_code: str | None, session: str | None = None) -> Take:
        """Committed before returning: the record survives a crash right after the take."""
        if action not in ("take", "clear"):
            raise ValueError(f"unknown action {action!r}")
        take = Take(action, job_code, datetime.now(UTC), session)
        span_id = str(uuid.uuid4()) if action == "take" and job_code else None
        with self._db.write(verify=True) as conn:
            self._end_open_span(conn, take.at)
            conn.execute(
                insert(TAKES),
                {
                    "action": action, "job_code": job_code, "session": session, "at": take.at,
                    "span_id": span_id,
                },
            )  # fmt: skip
            if span_id is not None:
                add_air_event(conn, span_id, "air_start", _span(span_id, job_code, session, take.at), take.at)  # fmt: skip
        return take

    @staticmethod
    def _end_open_span(conn: Connection, now: datetime) -> None:
        """The span on air until now (the latest row is a take with a span) gets its end."""
        last = conn.execute(select(TAKES).order_by(TAKES.c.id.desc()).limit(1)).first()
        if last is None or last.action != "take" or last.span_id is None:
            return
        span = _span(last.span_id, last.job_code, last.session, last.at)
        # Never before its start, whatever the wall clock did meanwhile.
        span["ended_at"] = max(_utc(now), _utc(last.at)).isoformat(timespec="microseconds")
        add_air_event(conn, str(uuid.uuid4()), "air_end", span, now)

    def on_air_in(self, session: str) -> str | None:
        """The job left on air in `session`: the last row is its take (no clear, no other show's
        take after it). What a restart mid-show puts back on air."""
        with self._db.engine.connect() as conn:
            last = conn.execute(select(TAKES).order_by(TAKES.c.id.desc()).limit(1)).first()
        if last is None or last.action != "take" or not last.job_code or last.session != session:
            return None
        return last.job_code

    def list_takes(self) -> list[Take]:
        with self._db.engine.connect() as conn:
            rows = conn.execute(select(TAKES).order_by(TAKES.c.id))
            return [Take(r.action, r.job_code, r.at.replace(tzinfo=UTC), r.session) for r in rows]
