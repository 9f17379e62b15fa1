"""A show's start and end queued for the hub: its room, host and platform travel with them.

Like the on-air events (takes_repo.py), each event is complete on its own (the hub takes
them in any order) and is written inside the session's own transaction, so a show never
goes live without its event. The item's client_id is the show's code (the session id).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import Connection, insert

from hostdesk.core.registrations import SyncState
from hostdesk.core.sessions import Session, SessionState
from hostdesk.store.tables import OutboxRow

OUTBOX = OutboxRow.__table__
SHOW_START, SHOW_END = "show_start", "show_end"
SHOW_EVENTS = (SHOW_START, SHOW_END)


def _iso(value: datetime) -> str:
    utc = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return utc.isoformat(timespec="microseconds")


def show_payload(session: Session) -> dict:
    """{session_code, platform, room, host, started_at[, ended_at]} of a live or ended show."""
    if session.started_at is None:
        raise ValueError("a show that never went live has nothing to send")
    payload = {
        "session_code": session.id,
        "platform": session.platform.value,
        "room": session.room,
        "host": session.host,
        "started_at": _iso(session.started_at),
    }
    if session.ended_at is not None:
        payload["ended_at"] = _iso(max(session.ended_at, session.started_at))
    return payload


def add_show_event(conn: Connection, session: Session) -> None:
    """Queue show_start (live) or show_end (ended) inside the caller's transaction."""
    kind = SHOW_END if session.state is SessionState.ENDED else SHOW_START
    payload = json.dumps(
        show_payload(session), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    now = datetime.now(UTC)
    conn.execute(
        insert(OUTBOX),
        {
            "event_id": str(uuid.uuid4()), "registration_id": None, "event_type": kind,
            "payload": payload, "fingerprint": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
            "state": SyncState.PENDING.value, "attempts": 0, "last_error": "", "created_at": now,
        },
    )  # fmt: skip
