"""Jobs the hub's catalogue dropped while they are on tonight's show: held open for a person.

An admin's upload that lacks a job must not pull it from under a live show: a job in the
rundown of a session not yet ended, or the one on air, stays takeable (not closed) and is
listed here until someone keeps or closes it. The list lives in hub_state beside the ETag it
was decided against; each catalogue pull rewrites it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, select

from hostdesk.store.tables import HubStateRow, RundownItemRow, SessionRow, TakeRow

HELD = "withdrawn_held"  # hub_state key: JSON list of the codes held open

_STATE = HubStateRow.__table__
_ITEMS = RundownItemRow.__table__
_SESSIONS = SessionRow.__table__
_TAKES = TakeRow.__table__


def on_show(conn: Connection) -> set[str]:
    """The codes in the rundown of a session not yet ended, and the job on air (last take)."""
    codes = set(
        conn.execute(
            select(_ITEMS.c.job_code)
            .join(_SESSIONS, _SESSIONS.c.id == _ITEMS.c.session_id)
            .where(_SESSIONS.c.ended_at.is_(None))
        ).scalars()
    )
    last = conn.execute(select(_TAKES.c.action, _TAKES.c.job_code).order_by(_TAKES.c.id.desc()))
    last = last.first()
    if last is not None and last.action == "take" and last.job_code:
        codes.add(last.job_code)
    return codes


def held_codes(conn: Connection) -> list[str]:
    """The codes held open, in the order they were held (a damaged value reads as none)."""
    raw = conn.execute(select(_STATE.c.value).where(_STATE.c.key == HELD)).scalar()
    try:
        codes = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [c for c in codes if isinstance(c, str)] if isinstance(codes, list) else []


def encode(codes: Iterable[str]) -> str:
    """The hub_state value for these held codes (order kept, duplicates dropped)."""
    return json.dumps(list(dict.fromkeys(codes)), ensure_ascii=False)
