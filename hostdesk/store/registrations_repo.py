"""Registrations and their outbox events; a registration is never written without its event."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime

from sqlalchemy import Connection, and_, exists, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError

from hostdesk.core.registrations import (
    ConsentMethod,
    DuplicateRegistration,
    EventType,
    Registration,
    RegistrationStoreError,
    RegQuery,
    RegStatus,
    Source,
    SyncState,
)
from hostdesk.store.db import Database
from hostdesk.store.hub_repo import put_state
from hostdesk.store.pragmas import PragmaError
from hostdesk.store.tables import HubRegistrationRow, OutboxRow, RegistrationRow

REGS = RegistrationRow.__table__
OUTBOX = OutboxRow.__table__
HUB_REGS = HubRegistrationRow.__table__
_ROW_FIELDS = tuple(c.name for c in REGS.columns if c.name != "search")
_SEARCHED = ("name", "job_title", "job_code", "note", "phone")
# The personal data retention erases; the row keeps job, session, source, age and times.
ERASED_FIELDS = ("name", "phone", "phone_hash", "note", "current_city", "expected_city")
# An erasure the person asked for (learnt from the hub) takes every personal field.
ERASED_ON_REQUEST = {**dict.fromkeys(ERASED_FIELDS, ""), "age": None, "birth_year": None,
                     "gender": ""}  # fmt: skip
# The newest event's state is the registration's sync state (index outbox(registration_id, id)).
_LATEST_STATE = (
    select(OUTBOX.c.state)
    .where(OUTBOX.c.registration_id == REGS.c.id)
    .order_by(OUTBOX.c.id.desc())
    .limit(1)
    .scalar_subquery()
    .label("sync_state")
)
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


@dataclass(frozen=True)
class OutboxEvent:
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


def _store_error(exc: BaseException) -> RegistrationStoreError:
    """What the disk said, as a reason the form can explain; never with the row's data."""
    orig = getattr(exc, "orig", exc)
    name = getattr(orig, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_READONLY") or name.startswith("SQLITE_CANTOPEN"):
        return RegistrationStoreError("read_only", name)
    if name == "SQLITE_FULL":
        return RegistrationStoreError("disk_full", name)
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return RegistrationStoreError("busy", name)
    if isinstance(orig, OSError):
        return RegistrationStoreError("io", orig.strerror or type(orig).__name__)
    return RegistrationStoreError("io", name or type(orig).__name__)


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
    """The registrations and outbox tables behind domain `Registration`s.

    Every write runs under BEGIN IMMEDIATE (the write lock taken before the read, so the
    next seq and the duplicate check cannot race another writer) and commits the row
    with its event, or neither.
    """

    def __init__(self, db: Database):
        self._db = db

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._db.write(verify=True) as conn:
                yield conn
        except PragmaError as exc:
            raise RegistrationStoreError("unsafe", exc.pragma) from exc
        except (DBAPIError, sqlite3.Error, OSError) as exc:
            raise _store_error(exc) from exc

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
            self._add_event(conn, stored, EventType.CREATE, now)
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
            self._add_event(conn, changed, event_type, now, extra)
            return replace(changed, sync_state=SyncState.PENDING)

    def purge_expired(self, before: datetime, now: datetime) -> int:
        """Erase the personal data of registrations created before `before` whose every
        event is acked; their events' payloads are reduced to the id (the hub has them).
        """
        pending = exists().where(
            and_(OUTBOX.c.registration_id == REGS.c.id, OUTBOX.c.state != SyncState.ACKED.value)
        )
        # Pulled from the hub (no events): the hub has them by definition.
        any_event = or_(
            exists().where(OUTBOX.c.registration_id == REGS.c.id),
            exists().where(HUB_REGS.c.client_id == REGS.c.id),
        )
        with self._write() as conn:
            # Zero the freed bytes too: erased means not recoverable from the file's slack.
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
            ids = list(
                conn.execute(
                    select(REGS.c.id).where(
                        REGS.c.erased_at.is_(None),
                        REGS.c.created_at < _aware(before),
                        any_event,
                        ~pending,
                    )
                ).scalars()
            )
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                erased = {**dict.fromkeys(ERASED_FIELDS, ""), "erased_at": _aware(now)}
                erased["search"] = REGS.c.job_title + "\x1f" + REGS.c.job_code
                conn.execute(update(REGS).where(REGS.c.id.in_(chunk)).values(erased))
                for reg_id in chunk:
                    conn.execute(
                        update(OUTBOX).where(OUTBOX.c.registration_id == reg_id),
                        {"payload": canonical({"id": reg_id, "erased": True})},
                    )
            conn.exec_driver_sql("PRAGMA secure_delete=OFF")
        if ids:
            # Old copies of the pages may still sit in the WAL: fold it back and empty it
            # (best effort: a reader holding a snapshot makes this a partial checkpoint).
            with self._db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return len(ids)

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
            changed_here = set(
                conn.execute(
                    select(OUTBOX.c.registration_id).where(OUTBOX.c.registration_id.in_(ids))
                ).scalars()
            )
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
            gone = _erase_on_request(conn, list(erased), now) if erased else 0
            put_state(conn, state)
        if gone:  # old copies of the pages may sit in the WAL: fold it back (best effort)
            with self._db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
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

    def events(self, reg_id: str) -> list[OutboxEvent]:
        """The registration's events, oldest first."""
        stmt = select(OUTBOX).where(OUTBOX.c.registration_id == reg_id).order_by(OUTBOX.c.id)
        with self._db.engine.connect() as conn:
            return [
                OutboxEvent(
                    id=r.id,
                    event_id=r.event_id,
                    registration_id=r.registration_id,
                    event_type=EventType(r.event_type),
                    payload=json.loads(r.payload),
                    fingerprint=r.fingerprint,
                    state=SyncState(r.state),
                    attempts=r.attempts,
                    created_at=_utc(r.created_at),
                    acked_at=_utc(r.acked_at),
                )
                for r in conn.execute(stmt)
            ]

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

    @staticmethod
    def _add_event(
        conn: Connection,
        reg: Registration,
        event_type: EventType,
        now: datetime,
        extra: dict | None = None,
    ) -> None:
        payload = canonical({**snapshot(reg), **(extra or {}), "event_type": event_type.value})
        conn.execute(
            insert(OUTBOX),
            {
                "event_id": str(uuid.uuid4()),
                "registration_id": reg.id,
                "event_type": event_type.value,
                "payload": payload,
                "fingerprint": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
                "state": SyncState.PENDING.value,
                "attempts": 0,
                "last_error": "",
                "created_at": _aware(now),
            },
        )


def _erase_on_request(conn: Connection, ids: list[str], now: datetime) -> int:
    """Erase these registrations here as the hub did (every personal field; their events'
    payloads reduced to the id). Events not yet sent are settled: the hub holds the row's
    last word, and a re-sent event could only be refused. Returns how many were erased now."""
    conn.exec_driver_sql("PRAGMA secure_delete=ON")  # erased means not in the file's slack
    done = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        here = list(
            conn.execute(
                select(REGS.c.id).where(REGS.c.id.in_(chunk), REGS.c.erased_at.is_(None))
            ).scalars()
        )
        if not here:
            continue
        values = {**ERASED_ON_REQUEST, "erased_at": _aware(now)}
        values["search"] = REGS.c.job_title + "\x1f" + REGS.c.job_code
        conn.execute(update(REGS).where(REGS.c.id.in_(here)).values(values))
        for reg_id in here:
            conn.execute(
                update(OUTBOX).where(OUTBOX.c.registration_id == reg_id),
                {"payload": canonical({"id": reg_id, "erased": True})},
            )
        conn.execute(
            update(OUTBOX)
            .where(OUTBOX.c.registration_id.in_(here), OUTBOX.c.state != SyncState.ACKED.value)
            .values(state=SyncState.ACKED.value, acked_at=_aware(now), last_error="erased")
        )
        done += len(here)
    conn.exec_driver_sql("PRAGMA secure_delete=OFF")
    return done
