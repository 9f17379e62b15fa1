"""The page's privacy promise kept: expired sign-ups lose their personal data; erasure on request.

Both empty the personal fields of a registration row AND of every stored event payload of
it, and keep what the statistics need (job, session, times, source, status). Each chunk is
one write transaction (serialised across processes by HubDB.write), and a row whose data
is gone is never picked again: safe to run from several hub processes at once.

- purge_expired: registrations created longer ago than the retention period. The row keeps
  its status (the counts stay right) and gets a new change number, so the cursor feed and
  the event streams send it again, emptied: a desktop holding a copy erases it (a row with
  neither name nor phone is an erasure, whatever its status: sync/pull.py hub_erasure).
- erase: one person's registrations (by phone or by client id) on request. The row becomes
  status "erased" with a new change number, so every desktop that holds a copy learns of it
  on its next pull and erases its copy too; an audit row records who, when, by which key
  kind and how many — never the key.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update

from hostdesk.core.phone import normalize_phone
from hostdesk.hub.checks import iso
from hostdesk.hub.db import HubDB
from hostdesk.hub.ingest import next_seq, set_seq
from hostdesk.hub.models import ERASURES, EVENTS, REGS

log = logging.getLogger(__name__)

ERASED = "erased"
# The row's personal columns and what they become; payload keys (the desktop's snapshot
# also carries phone_hash, a keyed digest of the number) are dropped.
PERSONAL = {
    "name": "", "phone": "", "age": None, "birth_year": None, "gender": "",
    "current_city": "", "expected_city": "", "note": "",
}  # fmt: skip
PAYLOAD_PERSONAL = (*PERSONAL, "phone_hash")
CHUNK = 500
PURGE_EVERY = 3600.0  # seconds between two purges of a running hub


def _has_personal_data():
    # Every stored sign-up has a name and a phone (both required): empty means erased.
    return or_(REGS.c.phone != "", REGS.c.name != "")


def scrub_payload(text: str, client_id: str) -> str:
    """An event payload without its personal keys (marked erased)."""
    try:
        payload = json.loads(text)
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        payload = {"id": client_id}
    for key in PAYLOAD_PERSONAL:
        payload.pop(key, None)
    payload["erased"] = True
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _scrub_events(conn: Connection, client_ids: list[str]) -> None:
    rows = conn.execute(
        select(EVENTS.c.id, EVENTS.c.client_id, EVENTS.c.payload).where(
            EVENTS.c.client_id.in_(client_ids)
        )
    ).all()
    if rows:  # one executemany: a statement per event costs more than the scrubbing
        conn.execute(
            update(EVENTS)
            .where(EVENTS.c.id == bindparam("event"))
            .values(payload=bindparam("text")),
            [{"event": r.id, "text": scrub_payload(r.payload, r.client_id)} for r in rows],
        )


def purge_expired(db: HubDB, retention_days: int, *, now: datetime | None = None) -> int:
    """Erase the personal data of registrations created more than `retention_days` ago.

    Returns how many registrations lost their personal data in this call (0 when run again).
    """
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    cutoff = iso((now or datetime.now(UTC)) - timedelta(days=retention_days))
    expired = and_(REGS.c.created_at < cutoff, _has_personal_data())
    total, after = 0, 0
    while True:
        # Each chunk its own transaction (writers wait at most one chunk), continuing after
        # the last row id seen, so a long backlog is read once, not once per chunk.
        with db.write() as conn:
            chunk = conn.execute(
                select(REGS.c.id, REGS.c.client_id)
                .where(expired, REGS.c.id > after)
                .order_by(REGS.c.id)
                .limit(CHUNK)
            ).all()
            if not chunk:
                break
            ids = [r.client_id for r in chunk]
            seq = next_seq(conn)
            # A new change number each (one executemany): the emptied rows travel on the
            # cursor feed and wake the event streams (set_seq), as an erasure's do.
            conn.execute(
                update(REGS)
                .where(REGS.c.client_id == bindparam("purged"))
                .values(**PERSONAL, seq=bindparam("new_seq")),
                [{"purged": cid, "new_seq": seq + n} for n, cid in enumerate(ids, 1)],
            )
            set_seq(conn, seq + len(ids))
            _scrub_events(conn, ids)
        total += len(ids)
        after = chunk[-1].id
    if total:
        log.info("retention: personal data of %d expired registrations erased", total)
    return total


def erase(db: HubDB, *, phone: str | None = None, client_id: str | None = None, actor: str) -> int:
    """Erase one person's data everywhere on the hub: by phone (every registration with
    that number) or by client id. Returns how many registrations were erased now.
    ValueError: neither or both keys, or a phone that is not a mobile number."""
    if (phone is None) == (client_id is None):
        raise ValueError("give a phone or a client id")
    if phone is not None:
        key_kind, match = "phone", REGS.c.phone == normalize_phone(phone)
    else:
        key_kind, match = "client_id", REGS.c.client_id == client_id
    now = iso(datetime.now(UTC))
    with db.write() as conn:
        seq = next_seq(conn)
        rows = conn.execute(
            select(REGS.c.client_id, REGS.c.version).where(match, REGS.c.status != ERASED)
        ).all()
        for row in rows:
            seq += 1
            # A new change number: it travels on the cursor feed to every desktop holding it.
            conn.execute(
                update(REGS)
                .where(REGS.c.client_id == row.client_id)
                .values(**PERSONAL, status=ERASED, version=row.version + 1, seq=seq, updated_at=now)
            )
        if rows:
            _scrub_events(conn, [r.client_id for r in rows])
        conn.execute(
            insert(ERASURES).values(
                actor=actor, key_kind=key_kind, count=len(rows), at=now, seq=seq
            )
        )
        set_seq(conn, seq)
    log.info("erasure by %s (%s): %d registrations", actor, key_kind, len(rows))
    return len(rows)


class RetentionLoop:
    """purge_expired now and then every `every` seconds, on a thread of its own, until stop()."""

    def __init__(self, db: HubDB, retention_days: int, *, every: float = PURGE_EVERY):
        self._db = db
        self._days = retention_days
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hub-retention", daemon=True)
        self.rounds = 0  # purges finished (or failed): tests wait on it

    def start(self) -> RetentionLoop:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                purge_expired(self._db, self._days)
            except Exception as exc:  # the next round tries again; a name, never row data
                log.warning("retention purge failed: %s", type(exc).__name__)
            self.rounds += 1
            self._stop.wait(self._every)
