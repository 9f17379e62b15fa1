"""Applying a batch of device events: one transaction, each event id applied at most once.

Results per item: created (applied now), duplicate (this event id with this fingerprint
was applied before: a success), conflict (id reused with another payload, a create for a
known registration, an amend on a stale version), rejected (unknown registration, bad
payload). UNIQUE(event_id) and UNIQUE(client_id) are the database's; inserts use
ON CONFLICT DO NOTHING RETURNING, so a row another writer slipped in is noticed, the
transaction rolled back and the batch classified again. air_start / air_end events (the
on-air timeline) go to air_spans (airtime.py) in the same transaction, their ids in the
same events table; show_start / show_end (a show's room and host) go to shows (shows.py)
likewise.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import Connection, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from hostdesk.hub import access, airtime, shows, wakeup
from hostdesk.hub.auth import Principal
from hostdesk.hub.checks import Rejected, parse_time, registration_fields, utc_now
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import AIR_SPANS, COUNTERS, EVENTS, REGS, SHOWS
from hostdesk.hub.schemas import BatchItem, ItemResult

FINGERPRINT_RE = re.compile(r"[0-9a-f]{64}")
ATTEMPTS = 3


class _Raced(Exception):
    """A unique key was taken between our read and our insert: classify the batch again."""


@dataclass
class _Reg:
    version: int
    status: str
    new: bool  # inserted by this batch
    origin: str = "device"
    device: str | None = None


def _insert(dialect: str, table):
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def _canonical(payload: dict) -> str:
    # allow_nan=False: strict JSON; strict_json.NON_FINITE (a NaN or Infinity that came
    # in) is not serialisable either, so both make the item "payload_invalid".
    return json.dumps(
        payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )


def next_seq(conn: Connection) -> int:
    """The last change number (already read under the lock on PostgreSQL by HubDB.write)."""
    locked = conn.info.pop("seq", None)
    if locked is not None:
        return locked
    return conn.execute(select(COUNTERS.c.value).where(COUNTERS.c.name == "seq")).scalar_one()


def set_seq(conn: Connection, value: int) -> None:
    conn.execute(update(COUNTERS).where(COUNTERS.c.name == "seq").values(value=value))
    wakeup.changed(conn)  # every change number moved: the event streams read from their cursor


def insert_hub_registration(
    conn: Connection,
    fields: dict,
    client_id: str,
    *,
    device: str | None = None,
    employer_consent: bool = False,
) -> int:
    """Store a sign-up made on the hub (origin "hub", version 1) inside `conn`'s write
    transaction, with the next change number; returns that number. `fields`: the checked
    columns of checks.registration_fields. Shared by the admin route and the QR page."""
    seq = next_seq(conn) + 1
    conn.execute(
        REGS.insert().values(
            **fields,
            client_id=client_id,
            origin="hub",
            device=device,
            employer_consent=employer_consent,
            status="active",
            version=1,
            seq=seq,
        )
    )
    set_seq(conn, seq)
    return seq


@dataclass
class _Checked:
    """What can be known of an item without the database: checked before taking the lock."""

    frozen: str = ""  # the payload's canonical JSON, stored with the event
    problem: str | None = None  # rejected whatever the hub holds
    fields: dict | None = None  # the row's columns (create/amend)
    fields_problem: str | None = None  # rejected if the hub's state lets it get that far


def _check(item: BatchItem, now: str) -> _Checked:
    if not FINGERPRINT_RE.fullmatch(item.fingerprint):
        return _Checked(problem="fingerprint_invalid")
    try:
        frozen = _canonical(item.payload)
        frozen.encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError, RecursionError):
        return _Checked(problem="payload_invalid")
    if item.event_type in airtime.EVENT_TYPES:
        try:
            fields = airtime.span_fields(item.client_id, item.event_type, item.payload)
        except Rejected as exc:
            return _Checked(frozen, problem=exc.reason)
        return _Checked(frozen, fields=fields)
    if item.event_type in shows.EVENT_TYPES:
        try:
            fields = shows.show_fields(item.client_id, item.event_type, item.payload)
        except Rejected as exc:
            return _Checked(frozen, problem=exc.reason)
        return _Checked(frozen, fields=fields)
    payload_id = item.payload.get("id")
    if payload_id is not None and payload_id != item.client_id:
        return _Checked(problem="payload_id_mismatch")
    if item.event_type == "withdraw":
        return _Checked(frozen, fields={"status": "withdrawn", "updated_at": _updated_at(item.payload, now)})  # fmt: skip
    try:
        fields = registration_fields(item.payload, now)
    except Rejected as exc:
        return _Checked(frozen, fields_problem=exc.reason)
    if item.event_type == "amend":
        del fields["created_at"], fields["consented_at"]
    return _Checked(frozen, fields=fields)


def ingest(db: HubDB, caller: Principal | str, items: list[BatchItem]) -> list[ItemResult]:
    """Apply `items` for `caller` (a Principal, or a device token's name)."""
    if isinstance(caller, str):
        caller = Principal(name=caller, admin=False)
    now = utc_now()
    # Outside the transaction: writers are serialised, so the lock is held only for the
    # part that needs the database.
    checked = [_check(item, now) for item in items]
    for attempt in range(ATTEMPTS):
        try:
            with db.write() as conn:
                return _apply(conn, db.dialect, caller, items, checked, now)
        except _Raced:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _apply(
    conn: Connection,
    dialect: str,
    caller: Principal,
    items: list[BatchItem],
    checked: list[_Checked],
    now: str,
) -> list[ItemResult]:
    device = caller.name
    seq = first_seq = next_seq(conn)
    event_ids = list({i.event_id for i in items})
    client_ids = list({i.client_id for i in items})
    seen = {
        r.event_id: (r.fingerprint, r.client_id)
        for r in conn.execute(
            select(EVENTS.c.event_id, EVENTS.c.fingerprint, EVENTS.c.client_id).where(
                EVENTS.c.event_id.in_(event_ids)
            )
        )
    }
    regs = {
        r.client_id: _Reg(r.version, r.status, new=False, origin=r.origin, device=r.device)
        for r in conn.execute(
            select(
                REGS.c.client_id, REGS.c.version, REGS.c.status, REGS.c.origin, REGS.c.device
            ).where(REGS.c.client_id.in_(client_ids))
        )
    }
    timeline = airtime.Timeline(
        conn, list({i.client_id for i in items if i.event_type in airtime.EVENT_TYPES})
    )
    book = shows.ShowBook(
        conn, list({i.client_id for i in items if i.event_type in shows.EVENT_TYPES})
    )
    inserts: dict[str, dict] = {}  # client_id -> new row
    changes: dict[str, dict] = {}  # client_id -> columns to update
    events: list[dict] = []
    results: list[ItemResult] = []

    def result(item: BatchItem, status: str, reason: str | None = None) -> None:
        results.append(
            ItemResult(
                event_id=item.event_id, client_id=item.client_id, status=status, reason=reason
            )
        )

    for item, check in zip(items, checked, strict=True):
        if item.event_id in seen:
            fingerprint, client_id = seen[item.event_id]
            if client_id != item.client_id:
                result(item, "conflict", "event_id_reused")
            elif fingerprint != item.fingerprint:
                result(item, "conflict", "fingerprint")
            else:
                result(item, "duplicate")
            continue
        if check.problem:
            result(item, "rejected", check.problem)
            continue
        reg = regs.get(item.client_id)
        if item.event_type in airtime.EVENT_TYPES:
            status, reason = timeline.apply(caller, item.client_id, check.fields)
            if reason is not None:
                result(item, status, reason)
                continue
        elif item.event_type in shows.EVENT_TYPES:
            status, reason = book.apply(caller, check.fields)
            if reason is not None:
                result(item, status, reason)
                continue
        elif item.event_type == "create":
            if reg is not None:
                result(item, "conflict", "client_id_exists")
                continue
            if check.fields_problem:
                result(item, "rejected", check.fields_problem)
                continue
            seq += 1
            inserts[item.client_id] = {
                **check.fields, "client_id": item.client_id, "origin": "device",
                "device": device, "status": "active", "version": 1, "seq": seq,
            }  # fmt: skip
            regs[item.client_id] = _Reg(1, "active", new=True, device=device)
        else:
            if reg is None:
                result(item, "rejected", "unknown_registration")
                continue
            # Before the version: another PC's row tells the caller nothing, not even that.
            if not access.may_change(caller, reg.origin, reg.device):
                result(item, "rejected", access.NOT_OWNER)
                continue
            if reg.status == "erased":  # the person asked to be forgotten: nothing comes back
                result(item, "rejected", "erased")
                continue
            if item.base_version != reg.version:
                result(item, "conflict", "version")
                continue
            if reg.status == "withdrawn":
                result(item, "conflict", "withdrawn")
                continue
            if check.fields_problem:
                result(item, "rejected", check.fields_problem)
                continue
            seq += 1
            reg.version += 1
            row = {**check.fields, "version": reg.version, "seq": seq}
            reg.status = row.get("status", reg.status)
            target = inserts if reg.new else changes
            target.setdefault(item.client_id, {}).update(row)
        event = {
            "event_id": item.event_id, "client_id": item.client_id, "type": item.event_type,
            "fingerprint": item.fingerprint, "payload": check.frozen, "device": device, "at": now,
        }  # fmt: skip
        events.append(event)
        seen[item.event_id] = (item.fingerprint, item.client_id)
        result(item, "created")

    if inserts:
        rows = list(inserts.values())
        if len(_insert_new(conn, dialect, REGS, "client_id", rows)) != len(rows):
            raise _Raced()
    for client_id, values in changes.items():
        conn.execute(update(REGS).where(REGS.c.client_id == client_id).values(**values))
    spans = timeline.new_rows()
    if spans and len(_insert_new(conn, dialect, AIR_SPANS, "event_id", spans)) != len(spans):
        raise _Raced()
    for span_id, ended_at in timeline.ended().items():
        conn.execute(
            update(AIR_SPANS)
            .where(AIR_SPANS.c.event_id == span_id, AIR_SPANS.c.ended_at.is_(None))
            .values(ended_at=ended_at)
        )
    new_shows = book.new_rows()
    if new_shows and len(_insert_new(conn, dialect, SHOWS, "session_code", new_shows)) != len(
        new_shows
    ):
        raise _Raced()
    for code, ended_at in book.ended().items():
        conn.execute(
            update(SHOWS)
            .where(SHOWS.c.session_code == code, SHOWS.c.ended_at.is_(None))
            .values(ended_at=ended_at)
        )
    if events:
        if len(_insert_new(conn, dialect, EVENTS, "event_id", events)) != len(events):
            raise _Raced()
        if seq != first_seq:  # on-air events alone change no registration: no wake-up
            set_seq(conn, seq)
    return results


def _insert_new(conn: Connection, dialect: str, table, key: str, rows: list[dict]) -> list:
    """INSERT … ON CONFLICT (key) DO NOTHING RETURNING key: the keys actually inserted.

    On PostgreSQL the rows travel as one JSON parameter (json_populate_recordset): a
    100-row multi-VALUES statement has thousands of placeholders, and psycopg spends
    longer parsing those than the server spends storing the rows.
    """
    if dialect != "postgresql":
        stmt = _insert(dialect, table).on_conflict_do_nothing(index_elements=[key])
        return conn.execute(stmt.returning(table.c[key]), rows).scalars().all()
    columns = list(rows[0])
    names = ", ".join(columns)
    sql = text(
        f"INSERT INTO {table.name} ({names}) SELECT {names} "
        f"FROM json_populate_recordset(NULL::{table.name}, CAST(:rows AS json)) "
        f"ON CONFLICT ({key}) DO NOTHING RETURNING {key}"
    )
    return conn.execute(sql, {"rows": json.dumps(rows, ensure_ascii=False)}).scalars().all()


def _updated_at(payload: dict, now: str) -> str:
    """A withdrawal's time as the desktop recorded it; the hub's clock if it is unreadable."""
    try:
        return parse_time(payload, "updated_at", now)
    except Rejected:
        return now
