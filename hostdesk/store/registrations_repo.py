"""Registrations: stored, changed, listed; each write commits the row with its outbox event.

The event is queued through the outbox's own module (outbox_repo.add_registration_event)
inside the row's transaction; erasures live in retention.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, or_, select, update

from hostdesk.core.registrations import (
    ConsentMethod,
    DuplicateRegistration,
    EventType,
    Registration,
    RegQuery,
    RegStatus,
    Source,
    SyncState,
)
from hostdesk.store.db import Database
from hostdesk.store.hub_repo import put_state
from hostdesk.store.outbox_repo import add_registration_event, latest_state, with_events
from hostdesk.store.retention import erase_on_request, fold_wal
from hostdesk.store.safe_write import registration_write
from hostdesk.store.tables import HubRegistrationRow, RegistrationRow

REGS = RegistrationRow.__table__
HUB_REGS = HubRegistrationRow.__table__
_ROW_FIELDS = tuple(c.name for c in REGS.columns if c.name != "search")
_SEARCHED = ("name", "job_title", "job_code", "note", "phone")
# The newest event's state is the registration's sync state (index outbox(registration_id, id)).
_LATEST_STATE = latest_state(REGS.c.id)
_NEWEST_FIRST = (REGS.c.created_at.desc(), REGS.c.seq.desc())


@dataclass(frozen=True)
class HubRegistration:
    """A sign-up made on the hub (the QR form), as pulled: stored here without an outbox event."""

    reg: Registration  # seq is assigned when it is first stored
    version: int  # the hub's version: a re-pull applies only a newer one
    cursor: int


@dataclass(frozen=True)
class HubUpsert:
    inserted: int = 0
    updated: int = 0
    skipped: int = 0  # already here at this version, changed here since, or erased here
    erased: int = 0  # erased on the hub (the person asked): erased here too


def _aware(value: datetime | None) -> datetime | None:
    # The column type stores UTC and insists on an offset; a naive value here means UTC.
    if value is None or value.utcoffset() is not None:
        return value
    return value.replace(tzinfo=UTC)


def _utc(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None else None


def _to_row(reg: Registration) -> dict:
    row = {name: getattr(reg, name) for name in _ROW_FIELDS}
    for name in ("source", "consent_method", "status"):
        row[name] = str(row[name])
    for name in ("consented_at", "created_at", "updated_at", "erased_at"):
        row[name] = _aware(row[name])
    row["search"] = _search_text(row)
    return row


def _search_text(row: dict) -> str:
    return "\x1f".join(row[name] for name in _SEARCHED)


def _from_row(row) -> Registration:
    m = row._mapping
    state = m.get("sync_state")
    return Registration(
        **{name: m[name] for name in _ROW_FIELDS if name not in _CONVERTED},
        source=Source(m["source"]),
        consent_method=ConsentMethod(m["consent_method"]),
        status=RegStatus(m["status"]),
        phone_warning_overridden=bool(m["phone_warning_overridden"]),
        employer_consent=bool(m["employer_consent"]),
        consented_at=_utc(m["consented_at"]),
        created_at=_utc(m["created_at"]),
        updated_at=_utc(m["updated_at"]),
        erased_at=_utc(m["erased_at"]),
        # No event at all: a sign-up pulled from the hub, which has nothing to send.
        sync_state=SyncState(state) if state else SyncState.ACKED,
    )


_CONVERTED = {
    "source", "consent_method", "status", "phone_warning_overridden", "consented_at",
    "created_at", "updated_at", "erased_at", "employer_consent",
}  # fmt: skip


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filters(query: RegQuery) -> list:
    where = []
    if query.session_id:
        where.append(REGS.c.session_id == query.session_id)
    if query.job_code:
        where.append(REGS.c.job_code == query.job_code)
    if query.source:
        where.append(REGS.c.source == str(query.source))
    if query.since is not None:
        where.append(REGS.c.created_at >= _aware(query.since))
    if query.until is not None:
        where.append(REGS.c.created_at < _aware(query.until))
    text = (query.text or "").strip()
    if text:
        matches = [REGS.c.search.like(_like(text), escape="\\")]
        digits = "".join(ch for ch in text if ch not in " -")
        if digits != text and digits.isascii() and digits.isdigit():
            matches.append(REGS.c.search.like(f"%{digits}%"))  # "138 1234" finds the phone
        where.append(or_(*matches))
    return where


class RegistrationRepository:
    """The registrations table behind domain `Registration`s.

    Every write runs under BEGIN IMMEDIATE (the write lock taken before the read, so the
    next seq and the duplicate check cannot race another writer) and commits the row
    with its event, or neither.
    """

    def __init__(self, db: Database):
        self._db = db

    @property
    def db(self) -> Database:
        return self._db

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with registration_write(self._db) as conn:
            yield conn

    # -- writes ---------------------------------------------------------------------------

    def insert(self, reg: Registration, *, refuse_duplicates: bool, now: datetime) -> Registration:
        """Store `reg` (seq assigned here) and its "create" event; returns the stored record.

        With refuse_duplicates, raises DuplicateRegistration (nothing written) when an
        active registration has the same phone hash and job.
        """
        with self._write() as conn:
            if refuse_duplicates:
                earlier = self._duplicates(conn, reg.job_code, reg.phone_hash, reg.id)
                if earlier:
                    raise DuplicateRegistration(earlier)
            seq = conn.execute(select(func.coalesce(func.max(REGS.c.seq), 0) + 1)).scalar_one()
            stored = replace(reg, seq=seq, sync_state=SyncState.PENDING)
            conn.execute(insert(REGS), _to_row(stored))
            add_registration_event(conn, stored, EventType.CREATE, now)
            return stored

    def change(
        self,
        reg_id: str,
        event_type: EventType,
        make: Callable[[Registration], tuple[Registration, dict] | None],
        now: datetime,
    ) -> Registration | None:
        """Read, let `make` return (changed record, extra payload) or None, store + event.

        Returns None for an unknown id; the record unchanged when `make` returns None.
        """
        with self._write() as conn:
            current = self._get(conn, reg_id)
            if current is None:
                return None
            made = make(current)
            if made is None:
                return current
            changed, extra = made
            row = _to_row(changed)
            del row["id"], row["seq"]
            conn.execute(update(REGS).where(REGS.c.id == reg_id), row)
            add_registration_event(conn, changed, event_type, now, extra)
            return replace(changed, sync_state=SyncState.PENDING)

    def upsert_from_hub(
        self,
        items: list[HubRegistration],
        state: dict[str, str],
        now: datetime,
        *,
        erased: Sequence[str] = (),
    ) -> HubUpsert:
        """Store sign-ups pulled from the hub, apply its erasures (`erased`: client ids) and
        store the pull's `state` (its cursor), in one commit.

        No outbox event is written: they came from the hub and must never be sent back.
        Idempotent: a row already here is updated only for a newer hub version, and never
        when it was changed here since (it has events of its own) or erased by retention.
        """
        latest: dict[str, HubRegistration] = {}
        for item in items:  # one id twice in a page: the newest version wins
            if item.reg.id not in latest or item.version > latest[item.reg.id].version:
                latest[item.reg.id] = item
        ids = list(latest)
        inserted = updated = 0
        with self._write() as conn:
            pulled = dict(
                conn.execute(
                    select(HUB_REGS.c.client_id, HUB_REGS.c.version).where(
                        HUB_REGS.c.client_id.in_(ids)
                    )
                ).all()
            )
            here = dict(
                conn.execute(select(REGS.c.id, REGS.c.erased_at).where(REGS.c.id.in_(ids))).all()
            )
            changed_here = with_events(conn, ids)
            seq = conn.execute(select(func.coalesce(func.max(REGS.c.seq), 0))).scalar_one()
            for reg_id, item in latest.items():
                mark = {"version": item.version, "cursor": item.cursor, "pulled_at": _aware(now)}
                if reg_id not in here:
                    seq += 1
                    conn.execute(insert(REGS), _to_row(replace(item.reg, seq=seq)))
                    conn.execute(insert(HUB_REGS), {"client_id": reg_id, **mark})
                    inserted += 1
                elif (
                    reg_id in pulled
                    and item.version > pulled[reg_id]
                    and reg_id not in changed_here
                    and here[reg_id] is None
                ):
                    row = _to_row(item.reg)
                    del row["id"], row["seq"]
                    conn.execute(update(REGS).where(REGS.c.id == reg_id), row)
                    conn.execute(update(HUB_REGS).where(HUB_REGS.c.client_id == reg_id), mark)
                    updated += 1
            gone = erase_on_request(conn, list(erased), now) if erased else 0
            put_state(conn, state)
        if gone:
            fold_wal(self._db)
        return HubUpsert(inserted, updated, len(items) - inserted - updated, gone)

    def hub_version(self, reg_id: str) -> int | None:
        """The hub's version of a sign-up pulled from it (None: made here)."""
        stmt = select(HUB_REGS.c.version).where(HUB_REGS.c.client_id == reg_id)
        with self._db.engine.connect() as conn:
            return conn.execute(stmt).scalar()

    # -- reads ------------------------------------------------------------------------------

    def get(self, reg_id: str) -> Registration | None:
        with self._db.engine.connect() as conn:
            return self._get(conn, reg_id)

    def duplicates(self, job_code: str, phone_hash: str, exclude_id: str = "") -> list:
        with self._db.engine.connect() as conn:
            return self._duplicates(conn, job_code, phone_hash, exclude_id)

    def list(self, query: RegQuery) -> list[Registration]:
        stmt = (
            select(REGS, _LATEST_STATE)
            .where(*_filters(query))
            .order_by(*_NEWEST_FIRST)
            .limit(max(0, query.limit))
            .offset(max(0, query.offset))
        )
        with self._db.engine.connect() as conn:
            return [_from_row(r) for r in conn.execute(stmt)]

    def count(self, query: RegQuery) -> int:
        stmt = select(func.count()).select_from(REGS).where(*_filters(query))
        with self._db.engine.connect() as conn:
            return conn.execute(stmt).scalar_one()

    # -- inside a transaction ---------------------------------------------------------------

    @staticmethod
    def _get(conn: Connection, reg_id: str) -> Registration | None:
        row = conn.execute(select(REGS, _LATEST_STATE).where(REGS.c.id == reg_id)).first()
        return _from_row(row) if row else None

    @staticmethod
    def _duplicates(conn: Connection, job_code: str, phone_hash: str, exclude_id: str) -> list:
        rows = conn.execute(
            select(REGS, _LATEST_STATE)
            .where(
                REGS.c.phone_hash == phone_hash,
                REGS.c.job_code == job_code,
                REGS.c.status == RegStatus.ACTIVE.value,
                REGS.c.id != exclude_id,
            )
            .order_by(*_NEWEST_FIRST)
        )
        return [_from_row(r) for r in rows]
