"""Erasing sign-ups' personal data on the desk: old synced ones (retention), and those the hub erased.

Either way the row keeps job, session, source and times (the counts and reports stay true),
its events' payloads keep only the id, and the freed bytes are zeroed (secure_delete) and
folded out of the WAL: erased means not recoverable from the file.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, exists, or_, select, update

from hostdesk.store.db import Database
from hostdesk.store.outbox_repo import all_acked, has_events, settle_erased, wipe_payloads
from hostdesk.store.safe_write import registration_write
from hostdesk.store.tables import HubRegistrationRow, RegistrationRow

REGS = RegistrationRow.__table__
HUB_REGS = HubRegistrationRow.__table__
# The personal data retention erases; the row keeps job, session, source, age and times.
ERASED_FIELDS = ("name", "phone", "phone_hash", "note", "current_city", "expected_city")
# An erasure the person asked for (learnt from the hub) takes every personal field.
ERASED_ON_REQUEST = {**dict.fromkeys(ERASED_FIELDS, ""), "age": None, "birth_year": None,
                     "gender": ""}  # fmt: skip
_CHUNK = 500  # ids per statement: well under SQLite's bound-parameter limit


def _aware(value: datetime) -> datetime:
    # The column type stores UTC and insists on an offset; a naive value here means UTC.
    return value if value.utcoffset() is not None else value.replace(tzinfo=UTC)


def _search_kept():
    # What the search column holds once the personal fields are gone.
    return REGS.c.job_title + "\x1f" + REGS.c.job_code


def purge_expired(db: Database, before: datetime, now: datetime) -> int:
    """Erase the personal data of registrations created before `before` whose every event
    is acked; their events' payloads are reduced to the id (the hub has them). Sign-ups
    pulled from the hub (no events of ours) count as acked: the hub has them by definition.
    Returns how many were erased; raises RegistrationStoreError when the disk refuses.
    """
    known_to_hub = or_(has_events(REGS.c.id), exists().where(HUB_REGS.c.client_id == REGS.c.id))
    with registration_write(db) as conn:
        conn.exec_driver_sql("PRAGMA secure_delete=ON")
        ids = list(
            conn.execute(
                select(REGS.c.id).where(
                    REGS.c.erased_at.is_(None),
                    REGS.c.created_at < _aware(before),
                    known_to_hub,
                    all_acked(REGS.c.id),
                )
            ).scalars()
        )
        erased = {**dict.fromkeys(ERASED_FIELDS, ""), "erased_at": _aware(now),
                  "search": _search_kept()}  # fmt: skip
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            conn.execute(update(REGS).where(REGS.c.id.in_(chunk)).values(erased))
            wipe_payloads(conn, chunk)
        conn.exec_driver_sql("PRAGMA secure_delete=OFF")
    if ids:
        fold_wal(db)
    return len(ids)


def erase_on_request(conn: Connection, ids: list[str], now: datetime) -> int:
    """Inside the caller's transaction: erase these registrations here as the hub did (every
    personal field; their events' payloads reduced to the id, the unsent ones settled).
    Returns how many were erased now (already erased ones are passed over)."""
    conn.exec_driver_sql("PRAGMA secure_delete=ON")  # erased means not in the file's slack
    done = 0
    values = {**ERASED_ON_REQUEST, "erased_at": _aware(now), "search": _search_kept()}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        here = list(
            conn.execute(
                select(REGS.c.id).where(REGS.c.id.in_(chunk), REGS.c.erased_at.is_(None))
            ).scalars()
        )
        if not here:
            continue
        conn.execute(update(REGS).where(REGS.c.id.in_(here)).values(values))
        wipe_payloads(conn, here)
        settle_erased(conn, here, now)
        done += len(here)
    conn.exec_driver_sql("PRAGMA secure_delete=OFF")
    return done


def fold_wal(db: Database) -> None:
    """After an erasure: old copies of the pages may still sit in the WAL; fold it back and
    empty it (best effort: a reader holding a snapshot makes this a partial checkpoint)."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
