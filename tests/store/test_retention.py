"""Erasures on a real SQLite file: retention's purge and the hub's, rows and outbox payloads together."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, timedelta

import pytest
from sqlalchemy import insert

from hostdesk.core.registrations import EventType, RegistrationStoreError, RegQuery, SyncState
from hostdesk.store import retention
from hostdesk.store.db import open_database
from hostdesk.store.outbox_repo import OutboxRepository
from hostdesk.store.registrations_repo import HUB_REGS, REGS, RegistrationRepository, _to_row
from tests.store.test_registrations_repo import T0, make

NOW = T0 + timedelta(days=200)
BEFORE = NOW - timedelta(days=180)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "h.db")
    yield database
    database.close()


def _ack(db, reg_id: str, event_type: str | None = None) -> None:
    sql = "UPDATE outbox SET state='acked' WHERE registration_id = ?"
    args: tuple = (reg_id,)
    if event_type:
        sql, args = sql + " AND event_type = ?", (reg_id, event_type)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(sql, args)


def _payloads(db, reg_id: str) -> list[dict]:
    return [e.payload for e in OutboxRepository(db).events(reg_id)]


def _file_bytes(db) -> bytes:
    out = b""
    for suffix in ("", "-wal"):
        path = db.path.with_name(db.path.name + suffix)
        if path.exists():
            out += path.read_bytes()
    return out


def test_purge_erases_old_fully_acked_rows_and_wipes_their_payloads(db):
    repo = RegistrationRepository(db)
    old_acked = repo.insert(
        make(1, name="欧阳旧甲", note="旧备注甲"), refuse_duplicates=False, now=T0
    )
    old_pending = repo.insert(make(2, name="欧阳旧乙"), refuse_duplicates=False, now=T0)
    old_amended = repo.insert(make(3, name="欧阳旧丙"), refuse_duplicates=False, now=T0)
    repo.change(old_amended.id, EventType.AMEND, lambda r: (r, {"changed": ["note"]}), T0)
    recent = repo.insert(
        make(4, name="欧阳新丁", created_at=NOW - timedelta(days=10)),
        refuse_duplicates=False, now=NOW,
    )  # fmt: skip
    for reg in (old_acked, recent):
        _ack(db, reg.id)
    _ack(db, old_amended.id, "create")  # its amend is not acked yet

    assert retention.purge_expired(db, BEFORE, NOW) == 1
    erased = repo.get(old_acked.id)
    assert (erased.name, erased.phone, erased.phone_hash, erased.note) == ("", "", "", "")
    assert erased.erased_at == NOW and erased.job_code == old_acked.job_code
    # Its event keeps only the id; the others keep theirs, whole.
    assert _payloads(db, old_acked.id) == [{"id": old_acked.id, "erased": True}]
    for kept in (old_pending, old_amended, recent):
        assert repo.get(kept.id).erased_at is None
        assert all(p["name"] == kept.name for p in _payloads(db, kept.id))
    # Found by its job still, no longer by its name.
    assert [r.id for r in repo.list(RegQuery(text="欧阳旧甲"))] == []
    assert old_acked.id in {r.id for r in repo.list(RegQuery(text=old_acked.job_title))}
    assert retention.purge_expired(db, BEFORE, NOW) == 0  # idempotent
    # Not in the file, its free space or its WAL.
    data = _file_bytes(db)
    assert "欧阳旧甲".encode() not in data and "旧备注甲".encode() not in data
    assert "欧阳旧乙".encode() in data  # the same search finds what is kept: the check sees


def test_purge_takes_pulled_signups_too_but_never_one_without_any_event(db):
    repo = RegistrationRepository(db)
    pulled = make(5, name="拉取来的")
    orphan = make(6, name="无事件的")
    with db.engine.begin() as conn:  # as the pull stores them: rows without outbox events
        conn.execute(insert(REGS), [_to_row(pulled) | {"seq": 1}, _to_row(orphan) | {"seq": 2}])
        conn.execute(insert(HUB_REGS), {"client_id": pulled.id, "version": 1, "cursor": 1,
                                        "pulled_at": T0})  # fmt: skip
    assert retention.purge_expired(db, BEFORE, NOW) == 1
    assert repo.get(pulled.id).erased_at == NOW
    assert repo.get(orphan.id).name == "无事件的"  # nobody has it but us: kept


def test_a_purge_that_fails_half_way_writes_nothing(db, monkeypatch):
    repo = RegistrationRepository(db)
    reg = repo.insert(make(7, name="失败不删"), refuse_duplicates=False, now=T0)
    _ack(db, reg.id)

    def broken(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(retention, "wipe_payloads", broken)  # after the row's update
    with pytest.raises(RegistrationStoreError) as info:
        retention.purge_expired(db, BEFORE, NOW)
    assert info.value.reason == "io"
    assert repo.get(reg.id).name == "失败不删" and repo.get(reg.id).erased_at is None
    assert _payloads(db, reg.id)[0]["name"] == "失败不删"


def test_an_erasure_the_hub_asked_for_takes_every_field_and_settles_unsent_events(db):
    repo = RegistrationRepository(db)
    sent = repo.insert(make(8, name="请删甲", age=41, gender="女"), refuse_duplicates=False, now=T0)
    _ack(db, sent.id)
    repo.change(sent.id, EventType.AMEND, lambda r: (r, {"changed": ["note"]}), T0)
    other = repo.insert(make(9, name="留着乙"), refuse_duplicates=False, now=T0)
    with db.write() as conn:
        assert retention.erase_on_request(conn, [sent.id, str(uuid.uuid4())], NOW) == 1
    with db.write() as conn:
        assert retention.erase_on_request(conn, [sent.id], NOW) == 0  # already erased
    erased = repo.get(sent.id)
    assert (erased.name, erased.age, erased.gender, erased.phone) == ("", None, "", "")
    events = OutboxRepository(db).events(sent.id)
    assert [e.payload for e in events] == [{"id": sent.id, "erased": True}] * 2
    # The amend never went: settled, never to be sent (the hub holds the last word).
    assert [e.state for e in events] == [SyncState.ACKED, SyncState.ACKED]
    assert OutboxRepository(db).claim(10, NOW)[0].client_id == other.id
    assert _payloads(db, other.id)[0]["name"] == "留着乙"
    retention.fold_wal(db)  # the caller's part, after its commit (upsert_from_hub does it)
    assert "请删甲".encode() not in _file_bytes(db)
    assert "留着乙".encode() in _file_bytes(db)


@pytest.mark.parametrize("naive", [True, False])
def test_times_without_an_offset_are_utc(db, naive):
    repo = RegistrationRepository(db)
    reg = repo.insert(make(10), refuse_duplicates=False, now=T0)
    _ack(db, reg.id)
    now = NOW.replace(tzinfo=None) if naive else NOW
    assert retention.purge_expired(db, BEFORE.replace(tzinfo=None) if naive else BEFORE, now)
    assert repo.get(reg.id).erased_at == NOW.astimezone(UTC)
