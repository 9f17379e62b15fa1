"""The on-air record: every take and clear with its time, written as it happens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select

from hostdesk.store.db import Database
from hostdesk.store.tables import TakeRow

TAKES = TakeRow.__table__


@dataclass(frozen=True)
class Take:
    action: str  # "take" | "clear"
    job_code: str | None
    at: datetime
    session: str | None = None


class TakeRepository:
    def __init__(self, db: Database):
        self._db = db

    def record(self, action: str, job_code: str | None, session: str | None = None) -> Take:
        """Committed before returning: the record survives a crash right after the take."""
        if action not in ("take", "clear"):
            raise ValueError(f"unknown action {action!r}")
        take = Take(action, job_code, datetime.now(UTC), session)
        with self._db.engine.begin() as conn:
            conn.execute(
                insert(TAKES),
                {"action": action, "job_code": job_code, "session": session, "at": take.at},
            )
        return take

    def list_takes(self) -> list[Take]:
        with self._db.engine.connect() as conn:
            rows = conn.execute(select(TAKES).order_by(TAKES.c.id))
            return [Take(r.action, r.job_code, r.at.replace(tzinfo=UTC), r.session) for r in rows]
