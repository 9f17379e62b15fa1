"""The registrations store: schema 5, seq, one transaction per save, sync state, list speed."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, text

from hostdesk.core.registrations import (
    ConsentMethod,
    EventType,
    Registration,
    RegistrationStoreError,
    RegQuery,
    RegStatus,
    Source,
    SyncState,
)
from hostdesk.store import migrations, registrations_repo
from hostdesk.store.db import open_database
from hostdesk.store.outbox_repo import OutboxRepository
from hostdesk.store.registrations_repo import RegistrationRepository

T0 = datetime(2026, 6, 1, 20, tzinfo=UTC)


def make(i: int = 0, **changes) -> Registration:
    fields = dict(
        id=str(uuid.uuid4()), seq=0, job_code=f"HX-{i % 50:03d}", job_title=f"岗位{i % 50}",
        session_id=f"s{i // 1000:07d}", name=f"名字{i}", phone=f"138{i:08d}",
        phone_hash=f"h{i}", age=30, birth_year=None, gender="", current_city="",
        expected_city="", note=f"备注{i}", source=list(Source)[i % 6],
        consent_method=ConsentMethod.VERBAL, notice_version="2026-11",
        consented_at=T0 + timedelta(seconds=i), status=RegStatus.ACTIVE,
        phone_warning_overridden=False, created_at=T0 + timedelta(seconds=i),
        updated_at=T0 + timedelta(seconds=i),
    )  # fmt: skip
    fields.update(changes)
    return Registration(**fields)


@pytest.fixture
def repo(tmp_path):
    database = open_database(tmp_path / "h.db")
    yield RegistrationRepository(database)
    database.close()


def test_schema_5_tables_and_indexes(tmp_path):
    open_database(tmp_path / "h.db").close()
    conn = sqlite3.connect(tmp_path / "h.db")
    assert migrations.schema_version(conn) >= 5  # later steps add tables
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {
        "ix_registrations_created_at", "ix_registrations_session_id", "ix_registrations_job_code",
        "ix_registrations_source", "ix_registrations_phone_hash", "ix_outbox_state",
        "ix_outbox_registration",
    } <= indexes  # fmt: skip
    with pytest.raises(sqlite3.IntegrityError):  # an event needs its registration
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO outbox (event_id, registration_id, event_type, payload, fingerprint,"
            " created_at) VALUES ('e', 'missing', 'create', '{}', '', '2026-01-01')"
        )
    conn.close()


def test_upgrade_from_schema_4_keeps_data(tmp_path):
    path = tmp_path / "h.db"
    conn = sqlite3.connect(path)
    migrations.migrate(conn, path, target=4)
    conn.execute("INSERT INTO sessions (id, created_at) VALUES ('abc', '2026-01-01 00:00:00')")
    conn.commit()
    conn.close()
    database = open_database(path)
    repo = RegistrationRepository(database)
    stored = repo.insert(make(), refuse_duplicates=True, now=T0)
    database.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT id FROM sessions").fetchall() == [("abc",)]
    assert conn.execute("SELECT id FROM registrations").fetchall() == [(stored.id,)]
    conn.close()


def test_insert_assigns_seq_and_writes_a_frozen_event(repo):
    first = repo.insert(make(1), refuse_duplicates=True, now=T0)
    second = repo.insert(make(2), refuse_duplicates=True, now=T0)
    assert (first.seq, second.seq) == (1, 2)
    assert repo.get(first.id) == first
    [event] = OutboxRepository(repo.db).events(first.id)
    assert event.event_type is EventType.CREATE
    assert event.state is SyncState.PENDING
    with repo._db.engine.connect() as conn:
        payload, fingerprint = conn.execute(
            text("SELECT payload, fingerprint FROM outbox WHERE registration_id = :i"),
            {"i": first.id},
        ).one()
    assert hashlib.sha256(payload.encode()).hexdigest() == fingerprint
    assert json.loads(payload)["name"] == "名字1"
    assert json.loads(payload)["created_at"] == (T0 + timedelta(seconds=1)).isoformat()


def test_a_failed_event_insert_leaves_no_row(repo, monkeypatch):
    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    # The event is written inside the row's transaction: its failure takes the row back too.
    monkeypatch.setattr(registrations_repo, "add_registration_event", broken)
    with pytest.raises(RegistrationStoreError) as info:
        repo.insert(make(), refuse_duplicates=True, now=T0)
    assert info.value.reason == "io"
    assert repo.count(RegQuery()) == 0


def test_sync_state_is_the_newest_events_state(repo):
    reg = repo.insert(make(), refuse_duplicates=True, now=T0)
    with repo._db.engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET state='acked'"))
    assert repo.get(reg.id).sync_state is SyncState.ACKED
    repo.change(reg.id, EventType.AMEND, lambda r: (r, {"changed": []}), T0)
    assert repo.get(reg.id).sync_state is SyncState.PENDING
    with repo._db.engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET state='attention' WHERE event_type='amend'"))
    assert repo.list(RegQuery())[0].sync_state is SyncState.ATTENTION


FULL_SCAN = re.compile(r"SCAN (registrations|outbox)(?! USING (COVERING )?INDEX)")


@contextmanager
def _statements(repo):
    """The SQL the repository sends, with its parameters, while the block runs."""
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, *_rest):
        sent.append((statement, parameters))

    event.listen(repo._db.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(repo._db.engine, "before_cursor_execute", record)


def _plan(repo, statement: str, parameters) -> list[str]:
    with repo._db.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        return [row[-1] for row in rows]


def test_list_and_count_read_through_indexes_on_100k_rows(repo):
    rows = [make(i) for i in range(100_000)]
    from sqlalchemy import insert

    from hostdesk.store.outbox_repo import OUTBOX
    from hostdesk.store.registrations_repo import REGS, _to_row

    with repo._db.engine.begin() as conn:
        conn.execute(insert(REGS), [_to_row(r) | {"seq": i + 1} for i, r in enumerate(rows)])
        conn.execute(
            insert(OUTBOX),
            [
                {"event_id": str(i), "registration_id": r.id, "event_type": "create",
                 "payload": "{}", "fingerprint": "", "state": "pending", "attempts": 0,
                 "last_error": "", "created_at": r.created_at}
                for i, r in enumerate(rows)
            ],
        )  # fmt: skip
    queries = [
        RegQuery(),
        RegQuery(text="名字99999"),
        RegQuery(text="5678"),
        RegQuery(text="岗位7", source="dm"),
        RegQuery(job_code="HX-007"),
        RegQuery(session_id="s0000050"),
        RegQuery(since=T0 + timedelta(hours=10), until=T0 + timedelta(hours=11)),
        RegQuery(offset=50_000),
    ]
    for query in queries:
        with _statements(repo) as sent:
            found = repo.list(query)
            count = repo.count(query)
        assert len(found) == min(query.limit, max(0, count - query.offset))
        plans = [_plan(repo, statement, parameters) for statement, parameters in sent]
        for step in (step for plan in plans for step in plan):
            # Never a walk over whole rows: the speed (bench/bench_registrations.py) rests on it.
            assert not FULL_SCAN.match(step), (query, step)
        if query.text and not query.source:  # "%text%": the narrow index, not the table
            assert any("COVERING INDEX ix_registrations_created_at" in s for s in plans[-1])
    assert repo.list(RegQuery(text="名字99999"))[0].name == "名字99999"
    # 138{i:08d}: 5678 appears in the phones of i = ...5678 and 5678.... (and no name or note).
    expected = sum("5678" in f"138{i:08d}" or "5678" in f"名字{i}" for i in range(100_000))
    assert repo.count(RegQuery(text="5678")) == expected
