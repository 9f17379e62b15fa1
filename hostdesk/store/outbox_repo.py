"""The outbox, written and read here: events queued, claimed, settled, counted, audited.

Events are queued inside their subject's own transaction (`add_registration_event` with a
sign-up's row, `add_air_event` with a take), so a row never commits without its event.
The sync worker's own writes are each one BEGIN IMMEDIATE transaction (the same durability
checks as the registrations repository). An event is claimable only when every earlier
event of its registration is acked: an amend never overtakes its create, and a
registration never has two events in flight. On-air events (air_start / air_end, written by takes_repo.py with
`add_air_event`) belong to no registration: each carries its whole span, so the hub takes
them in any order, and their item's client_id is the span's id.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import Connection, and_, bindparam, exists, func, insert, select, update
from sqlalchemy.orm import aliased

from hostdesk.core.registrations import EventType, Registration, SyncState
from hostdesk.store.db import Database
from hostdesk.store.tables import HubRegistrationRow, OutboxRow, RegistrationRow

OUTBOX = OutboxRow.__table__
REGS = RegistrationRow.__table__
HUB_REGS = HubRegistrationRow.__table__
_EARLIER = aliased(OutboxRow, name="earlier")
STATES = tuple(s.value for s in SyncState)
# Attention reasons the audit may clear: they mean "the hub lost what we sent", not "fix it".
AUDIT_REOPENS = ("rejected:unknown_registration", "conflict:version")
_LAST_ERROR_MAX = 200
AIR_EVENTS = ("air_start", "air_end")


def snapshot(reg: Registration) -> dict:
    """The registration as the JSON the hub receives (every field but the local sync state)."""
    out = {}
    for f in fields(reg):
        if f.name == "sync_state":
            continue
        value = getattr(reg, f.name)
        out[f.name] = value.isoformat() if isinstance(value, datetime) else value
    return out


def canonical(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def add_registration_event(
    conn: Connection,
    reg: Registration,
    event_type: EventType,
    now: datetime,
    extra: dict | None = None,
) -> None:
    """Queue a sign-up's event inside the caller's transaction (the row's own write): the
    record as it now is, plus `extra`, frozen as canonical JSON with its fingerprint."""
    payload = canonical({**snapshot(reg), **(extra or {}), "event_type": event_type.value})
    conn.execute(
        insert(OUTBOX),
        {
            "event_id": str(uuid.uuid4()), "registration_id": reg.id,
            "event_type": event_type.value, "payload": payload,
            "fingerprint": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
            "state": SyncState.PENDING.value, "attempts": 0, "last_error": "",
            "created_at": _aware(now),
        },
    )  # fmt: skip


def wipe_payloads(conn: Connection, registration_ids: Iterable[str]) -> None:
    """Inside the caller's erasure: these sign-ups' events keep only the id (the hub has the
    rest, or is told of the erasure); the personal data leaves the outbox with the row's."""
    for reg_id in registration_ids:
        conn.execute(
            update(OUTBOX).where(OUTBOX.c.registration_id == reg_id),
            {"payload": canonical({"id": reg_id, "erased": True})},
        )


def settle_erased(conn: Connection, registration_ids: list[str], now: datetime) -> None:
    """Inside the caller's erasure the hub asked for: events of these sign-ups not yet sent
    are settled (the hub holds the row's last word; a re-sent event could only be refused)."""
    conn.execute(
        update(OUTBOX)
        .where(
            OUTBOX.c.registration_id.in_(registration_ids),
            OUTBOX.c.state != SyncState.ACKED.value,
        )
        .values(state=SyncState.ACKED.value, acked_at=_aware(now), last_error="erased")
    )


def latest_state(registration_id):
    """A column: the state of the newest event of `registration_id` (a column of the
    caller's query), the registration's sync state; NULL when it has none."""
    return (
        select(OUTBOX.c.state)
        .where(OUTBOX.c.registration_id == registration_id)
        .order_by(OUTBOX.c.id.desc())
        .limit(1)
        .scalar_subquery()
        .label("sync_state")
    )


def has_events(registration_id):
    """A condition: `registration_id` (a column of the caller's query) has an event."""
    return exists().where(OUTBOX.c.registration_id == registration_id)


def all_acked(registration_id):
    """A condition: every event of `registration_id` is acked (true when it has none)."""
    return ~exists().where(
        and_(
            OUTBOX.c.registration_id == registration_id,
            OUTBOX.c.state != SyncState.ACKED.value,
        )
    )


def with_events(conn: Connection, registration_ids: list[str]) -> set[str]:
    """Which of these sign-ups have events (were made or changed on this desk)."""
    return set(
        conn.execute(
            select(OUTBOX.c.registration_id).where(OUTBOX.c.registration_id.in_(registration_ids))
        ).scalars()
    )


def add_air_event(
    conn: Connection, event_id: str, event_type: str, span: dict, now: datetime
) -> None:
    """Queue an on-air event inside the caller's transaction (the take's own): `span` is
    {span_id, job_code, session_code, started_at[, ended_at]}, frozen as canonical JSON."""
    if event_type not in AIR_EVENTS:
        raise ValueError(f"not an on-air event: {event_type!r}")
    payload = json.dumps(span, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    conn.execute(
        insert(OUTBOX),
        {
            "event_id": event_id, "registration_id": None, "event_type": event_type,
            "payload": payload, "fingerprint": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
            "state": SyncState.PENDING.value, "attempts": 0, "last_error": "",
            "created_at": _aware(now),
        },
    )  # fmt: skip


def _subject(registration_id: str | None, payload: dict) -> str:
    """The item's client_id: the registration, or an on-air event's span."""
    if registration_id is not None:
        return registration_id
    # an on-air event's span, or a show's code (show_start / show_end, store/show_events.py)
    return str(payload.get("span_id") or payload.get("session_code") or "")


@dataclass(frozen=True)
class OutgoingEvent:
    """One claimed event, ready to become an item of POST /registrations/batch."""

    id: int
    event_id: str
    client_id: str
    event_type: str
    base_version: int
    fingerprint: str
    payload: dict

    def item(self) -> dict:
        return {
            "client_id": self.client_id,
            "event_id": self.event_id,
            "event_type": self.event_type,
            "base_version": self.base_version,
            "fingerprint": self.fingerprint,
            "payload": self.payload,
        }


@dataclass(frozen=True)
class OutboxEvent:
    """One sign-up's event as stored (its history, oldest first, in `events`)."""

    id: int
    event_id: str
    registration_id: str
    event_type: EventType
    payload: dict
    fingerprint: str
    state: SyncState
    attempts: int
    created_at: datetime
    acked_at: datetime | None


@dataclass(frozen=True)
class AttentionEvent:
    """An event the hub refused for good; shown to the operator with its reason code."""

    event_id: str
    registration_id: str
    event_type: str
    reason: str
    attempts: int
    created_at: datetime


@dataclass(frozen=True)
class OutboxCounts:
    pending: int = 0
    sending: int = 0
    acked: int = 0
    retry_wait: int = 0
    attention: int = 0
    last_success: datetime | None = None
    next_try: datetime | None = None

    @property
    def unsynced(self) -> int:
        return self.pending + self.sending + self.retry_wait


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.utcoffset() is not None:
        return value
    return value.replace(tzinfo=UTC)


def _utc(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


class OutboxRepository:
    def __init__(self, db: Database):
        self._db = db

    # -- writes ---------------------------------------------------------------------------

    def recover(self) -> int:
        """At start-up: events a crash left "sending" go back to retry (due now)."""
        with self._db.write(verify=True) as conn:
            return conn.execute(
                update(OUTBOX)
                .where(OUTBOX.c.state == SyncState.SENDING.value)
                .values(state=SyncState.RETRY_WAIT.value, next_try_at=None)
            ).rowcount

    def claim(self, limit: int, now: datetime) -> list[OutgoingEvent]:
        """Mark up to `limit` due events "sending" and return them, oldest first.

        Due: pending, or retry_wait whose next_try_at has passed; and the first event of
        its registration that is not acked (one per registration, in order).
        """
        blocked = exists().where(
            and_(
                _EARLIER.registration_id == OUTBOX.c.registration_id,
                _EARLIER.id < OUTBOX.c.id,
                _EARLIER.state != SyncState.ACKED.value,
            )
        )
        earlier_count = (
            select(func.count())
            .where(_EARLIER.registration_id == OUTBOX.c.registration_id, _EARLIER.id < OUTBOX.c.id)
            .scalar_subquery()
        )
        # A sign-up pulled from the hub starts at the hub's version, not at 0.
        pulled_version = (
            select(HUB_REGS.c.version)
            .where(HUB_REGS.c.client_id == OUTBOX.c.registration_id)
            .scalar_subquery()
        )
        # `state || ''` keeps SQLite off the state index: walking the primary key upwards
        # from the oldest waiting event stops after `limit` rows, where the index would
        # collect, check and sort every waiting event first (60 ms for 10,000).
        state = OUTBOX.c.state.concat("")
        due = (state == SyncState.PENDING.value) | (
            (state == SyncState.RETRY_WAIT.value)
            & ((OUTBOX.c.next_try_at.is_(None)) | (OUTBOX.c.next_try_at <= _aware(now)))
        )
        oldest = (
            select(func.min(OUTBOX.c.id))
            .where(OUTBOX.c.state.in_([SyncState.PENDING.value, SyncState.RETRY_WAIT.value]))
            .scalar_subquery()
        )
        stmt = (
            select(
                OUTBOX.c.id, OUTBOX.c.event_id, OUTBOX.c.registration_id, OUTBOX.c.event_type,
                OUTBOX.c.fingerprint, OUTBOX.c.payload,
                (earlier_count + func.coalesce(pulled_version, 0)).label("base_version"),
            )
            .where(OUTBOX.c.id >= oldest, due, ~blocked)
            .order_by(OUTBOX.c.id)
            .limit(limit)
        )  # fmt: skip
        with self._db.write(verify=True) as conn:
            rows = conn.execute(stmt).all()
            if not rows:
                return []
            conn.execute(
                update(OUTBOX).where(OUTBOX.c.id.in_([r.id for r in rows])),
                {"state": SyncState.SENDING.value},
            )
        out = []
        for r in rows:
            payload = json.loads(r.payload)
            out.append(
                OutgoingEvent(
                    id=r.id, event_id=r.event_id,
                    client_id=_subject(r.registration_id, payload),
                    event_type=r.event_type, base_version=r.base_version,
                    fingerprint=r.fingerprint, payload=payload,
                )
            )  # fmt: skip
        return out

    def settle(
        self,
        acked: Iterable[int],
        attention: dict[int, str],
        retry: Iterable[int],
        *,
        now: datetime,
        next_try: datetime | None,
        error: str = "",
    ) -> None:
        """Record one batch's outcome in one transaction (ids are outbox row ids).

        acked → "acked"; attention → "attention" with its reason; retry → "retry_wait"
        with next_try. Every one of them counts an attempt.
        """
        acked, retry = list(acked), list(retry)
        with self._db.write(verify=True) as conn:
            if acked:
                conn.execute(
                    update(OUTBOX).where(OUTBOX.c.id.in_(acked)).values(
                        state=SyncState.ACKED.value, acked_at=_aware(now),
                        attempts=OUTBOX.c.attempts + 1, next_try_at=None, last_error="",
                    )
                )  # fmt: skip
            if attention:
                conn.execute(
                    update(OUTBOX)
                    .where(OUTBOX.c.id == bindparam("row_id"))
                    .values(
                        state=SyncState.ATTENTION.value,
                        attempts=OUTBOX.c.attempts + 1,
                        next_try_at=None,
                        last_error=bindparam("reason"),
                    ),
                    [{"row_id": k, "reason": v[:_LAST_ERROR_MAX]} for k, v in attention.items()],
                )
            if retry:
                conn.execute(
                    update(OUTBOX).where(OUTBOX.c.id.in_(retry)).values(
                        state=SyncState.RETRY_WAIT.value, next_try_at=_aware(next_try),
                        attempts=OUTBOX.c.attempts + 1, last_error=error[:_LAST_ERROR_MAX],
                    )
                )  # fmt: skip

    def release(self, ids: Iterable[int]) -> None:
        """Claimed events that were never sent (paused, stopping): back to retry, due now,
        without counting an attempt."""
        ids = list(ids)
        if not ids:
            return
        with self._db.write(verify=True) as conn:
            conn.execute(
                update(OUTBOX).where(OUTBOX.c.id.in_(ids)),
                {"state": SyncState.RETRY_WAIT.value, "next_try_at": None},
            )

    def make_due(self) -> int:
        """ "Sync now" or the network is back: every waiting event may go at once."""
        with self._db.write(verify=True) as conn:
            return conn.execute(
                update(OUTBOX)
                .where(
                    OUTBOX.c.state == SyncState.RETRY_WAIT.value, OUTBOX.c.next_try_at.isnot(None)
                )
                .values(next_try_at=None)
            ).rowcount

    def retry(self, event_ids: Iterable[str]) -> int:
        """The operator's "retry" on attention events: back to pending, same ids, same payload."""
        event_ids = list(event_ids)
        if not event_ids:
            return 0
        with self._db.write(verify=True) as conn:
            return conn.execute(
                update(OUTBOX)
                .where(
                    OUTBOX.c.event_id.in_(event_ids),
                    OUTBOX.c.state == SyncState.ATTENTION.value,
                )
                .values(state=SyncState.PENDING.value, next_try_at=None, last_error="")
            ).rowcount

    def reopen(self, known: dict[str, int], asked: Iterable[str]) -> int:
        """The audit's answer: for each registration asked about, the hub has `known[id]`
        events applied (absent: none). Our events from that position on that are acked (or
        stuck because the hub lost their predecessors) go back to pending, same event ids.
        """
        reopened = 0
        with self._db.write(verify=True) as conn:
            for reg_id in asked:
                pulled = conn.execute(
                    select(HUB_REGS.c.version).where(HUB_REGS.c.client_id == reg_id)
                ).scalar()
                have = max(0, known.get(reg_id, 0) - (pulled or 0))
                rows = conn.execute(
                    select(OUTBOX.c.id, OUTBOX.c.state, OUTBOX.c.last_error)
                    .where(OUTBOX.c.registration_id == reg_id)
                    .order_by(OUTBOX.c.id)
                ).all()
                again = [
                    r.id
                    for r in rows[have:]
                    if r.state == SyncState.ACKED.value
                    or (r.state == SyncState.ATTENTION.value and r.last_error in AUDIT_REOPENS)
                ]
                if again:
                    conn.execute(
                        update(OUTBOX).where(OUTBOX.c.id.in_(again)),
                        {
                            "state": SyncState.PENDING.value, "next_try_at": None,
                            "acked_at": None, "last_error": "",
                        },
                    )  # fmt: skip
                    reopened += len(again)
        return reopened

    # -- reads ------------------------------------------------------------------------------

    def counts(self, *, acked: bool = True) -> OutboxCounts:
        """Events per state; acked=False skips what grows forever (the acked count and the
        last acknowledgement): the worker's status after every batch reads only the rest."""
        states = STATES if acked else tuple(s for s in STATES if s != SyncState.ACKED.value)
        with self._db.engine.connect() as conn:
            by_state = dict(
                conn.execute(
                    select(OUTBOX.c.state, func.count())
                    .where(OUTBOX.c.state.in_(states))
                    .group_by(OUTBOX.c.state)
                ).all()
            )
            last = conn.execute(select(func.max(OUTBOX.c.acked_at))).scalar_one() if acked else None
            nxt = conn.execute(
                select(func.min(OUTBOX.c.next_try_at)).where(
                    OUTBOX.c.state == SyncState.RETRY_WAIT.value
                )
            ).scalar_one()
        return OutboxCounts(
            **{s: by_state.get(s, 0) for s in STATES},
            last_success=_utc(last),
            next_try=_utc(nxt),
        )

    def events(self, reg_id: str) -> list[OutboxEvent]:
        """The registration's events, oldest first."""
        stmt = select(OUTBOX).where(OUTBOX.c.registration_id == reg_id).order_by(OUTBOX.c.id)
        with self._db.engine.connect() as conn:
            return [
                OutboxEvent(
                    id=r.id, event_id=r.event_id, registration_id=r.registration_id,
                    event_type=EventType(r.event_type), payload=json.loads(r.payload),
                    fingerprint=r.fingerprint, state=SyncState(r.state), attempts=r.attempts,
                    created_at=_utc(r.created_at), acked_at=_utc(r.acked_at),
                )
                for r in conn.execute(stmt)
            ]  # fmt: skip

    def audit_page(self, after: str, limit: int) -> list[str]:
        """Registration ids (ascending, > after) with an acked event or one the audit may
        reopen, whose personal data is not erased (an erased record cannot be re-sent)."""
        interesting = exists().where(
            and_(
                OUTBOX.c.registration_id == REGS.c.id,
                (OUTBOX.c.state == SyncState.ACKED.value)
                | (
                    (OUTBOX.c.state == SyncState.ATTENTION.value)
                    & OUTBOX.c.last_error.in_(AUDIT_REOPENS)
                ),
            )
        )
        stmt = (
            select(REGS.c.id)
            .where(REGS.c.id > after, REGS.c.erased_at.is_(None), interesting)
            .order_by(REGS.c.id)
            .limit(limit)
        )
        with self._db.engine.connect() as conn:
            return list(conn.execute(stmt).scalars())

    def attention(self, limit: int = 500) -> list[AttentionEvent]:
        stmt = (
            select(OUTBOX)
            .where(OUTBOX.c.state == SyncState.ATTENTION.value)
            .order_by(OUTBOX.c.id)
            .limit(limit)
        )
        with self._db.engine.connect() as conn:
            return [
                AttentionEvent(
                    event_id=r.event_id,
                    registration_id=_subject(r.registration_id, json.loads(r.payload)),
                    event_type=r.event_type, reason=r.last_error, attempts=r.attempts,
                    created_at=_utc(r.created_at),
                )
                for r in conn.execute(stmt)
            ]  # fmt: skip
