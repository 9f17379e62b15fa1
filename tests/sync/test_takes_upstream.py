"""Takes and clears reach the hub's air_spans exactly once, through the sign-ups' outbox and
the real worker, on a real hub (SQLite and PostgreSQL): lost answers, a crash between send
and acknowledgement, and a hub too old for on-air events (issue 16 item 3)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
import requests
from sqlalchemy import func, select

from hostdesk import app
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import AIR_SPANS, EVENTS, REGS
from hostdesk.store import migrations
from hostdesk.store.db import open_database
from hostdesk.store.outbox_repo import OutboxRepository
from hostdesk.sync.client import HubClient
from tests.sync.conftest import FAST, seed, wait_until
from tests.sync.fault_proxy import FaultProxy

AIR = ("air_start", "air_end")
SETTLE = 120  # seconds: a bound on a loaded machine, never a timing goal


@pytest.fixture
def onair(qapp, ctx):
    """Putting jobs on air through the real service (no OBS: the files are the output)."""
    ctx.catalogue.load_demo_if_empty()
    return app.build_onair(ctx, session="S1")


def _worker(ctx, url: str, token: str, statuses: list | None = None):
    on_status = statuses.append if statuses is not None else None
    return app.build_sync(
        ctx, on_status, hub_url=url, hub_token=token, **{**FAST, "make_pull": None}
    )


def _device(hub) -> str:
    r = requests.get(hub.url + "/api/v1/me", headers=hub.headers(), timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["name"]


def _hub_spans(hub) -> list[tuple]:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            rows = conn.execute(select(AIR_SPANS).order_by(AIR_SPANS.c.started_at)).all()
    finally:
        db.close()
    return [
        (r.job_code, r.session_code, r.device, datetime.fromisoformat(r.started_at),
         datetime.fromisoformat(r.ended_at) if r.ended_at else None)
        for r in rows
    ]  # fmt: skip


def _hub_counts(hub) -> tuple[int, int, int]:
    """(on-air events, distinct on-air event ids, registrations) the hub holds."""
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            air = EVENTS.c.type.in_(AIR)
            total = conn.execute(select(func.count()).where(air)).scalar_one()
            distinct = conn.execute(
                select(func.count(func.distinct(EVENTS.c.event_id))).where(air)
            ).scalar_one()
            regs = conn.execute(select(func.count()).select_from(REGS)).scalar_one()
    finally:
        db.close()
    return total, distinct, regs


def _outbox(ctx) -> dict[tuple[str, str], int]:
    """(kind, state) -> events: kind "air" or "sign-up"."""
    with ctx.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT CASE WHEN event_type IN ('air_start', 'air_end') THEN 'air' ELSE 'sign-up'"
            " END, state, count(*) FROM outbox GROUP BY 1, 2"
        ).all()
    return {(kind, state): n for kind, state, n in rows}


def _expected(ctx, device: str) -> list[tuple]:
    """The spans the desktop's own record of takes implies: each take until the next row."""
    takes = ctx.takes.list_takes()
    spans = []
    for i, take in enumerate(takes):
        if take.action == "take":
            end = takes[i + 1].at if i + 1 < len(takes) else None
            spans.append((take.job_code, take.session, device, take.at, end))
    return spans


def test_takes_and_clears_reach_the_hub_once_beside_sign_ups(ctx, hub, onair):
    statuses: list = []
    worker = _worker(ctx, hub.url, hub.token, statuses)
    worker.start()
    try:
        onair.take("HX-001")
        seed(ctx, 2)
        onair.take("GE-002")
        onair.clear()
        onair.clear()  # nothing on air: no span ends twice
        onair.take("HX-001")  # on air still: a span without an end
        worker.notify()
        assert wait_until(
            lambda: _outbox(ctx) == {("air", "acked"): 5, ("sign-up", "acked"): 2}, SETTLE
        ), _outbox(ctx)
    finally:
        worker.stop()
    device = _device(hub)
    expected = _expected(ctx, device)
    assert [s[0] for s in expected] == ["HX-001", "GE-002", "HX-001"]
    assert expected[-1][4] is None
    assert _hub_spans(hub) == expected
    assert _hub_counts(hub) == (5, 5, 2)


def test_a_crash_and_a_lost_answer_resend_and_the_hub_keeps_one_of_each(ctx, hub, onair):
    onair.take("HX-001")
    onair.take("GE-002")
    onair.clear()
    outbox = OutboxRepository(ctx.db)
    # The worker sends a batch, the hub commits it, the desktop dies before the answer is
    # recorded: its events stay "sending" (what a SIGKILL at that point leaves).
    batch = outbox.claim(100, datetime.now(UTC))
    assert sorted(e.event_type for e in batch) == ["air_end", "air_end", "air_start", "air_start"]
    client = HubClient(hub.url, hub.token)
    try:
        assert {r.status for r in client.push([e.item() for e in batch])} == {"created"}
        # What the resend will get: the same ids and payloads are duplicates (a success).
        assert {r.status for r in client.push([e.item() for e in batch])} == {"duplicate"}
    finally:
        client.close()
    assert _outbox(ctx) == {("air", "sending"): 4}
    onair.take("HX-001")
    # After the restart, the next answer is lost too: the hub commits, the link drops.
    proxy = FaultProxy(hub.process.port)
    proxy.script.append("commit_drop")
    worker = _worker(ctx, proxy.url, hub.token)
    worker.start()  # recovers "sending" to retry first
    try:
        assert wait_until(lambda: _outbox(ctx) == {("air", "acked"): 5}, SETTLE), _outbox(ctx)
    finally:
        worker.stop()
        proxy.close()
    assert proxy.faults_seen() == ["commit_drop"]
    batches = [line for line, _ in proxy.log if "/registrations/batch" in line]
    assert len(batches) >= 2  # the dropped one and its resend
    assert _hub_spans(hub) == _expected(ctx, _device(hub))
    assert _hub_counts(hub) == (5, 5, 0)


def _as_an_old_hub(body: dict) -> dict:
    """A hub older than issue 16 refuses a request naming air_start or air_end (its schema
    has no such event type: 422). This one refuses an unknown type the same way, so the
    proxy renames the on-air types to one it does not know; sign-up batches pass untouched."""
    for item in body["items"]:
        if item["event_type"] in AIR:
            item["event_type"] = "air_unknown_to_this_hub"
    return body


def test_an_old_hub_refuses_on_air_events_and_sign_ups_still_flow(ctx, hub, onair):
    onair.take("HX-001")
    seed(ctx, 3)
    onair.take("GE-002")
    onair.clear()
    proxy = FaultProxy(hub.process.port)
    proxy.script.extend([("tamper", _as_an_old_hub)] * 200)
    try:
        status, ok = _worker(ctx, proxy.url, hub.token).run_once()
    finally:
        proxy.close()
    assert ok
    # Every sign-up went; each on-air event waits in "attention" with the hub's refusal.
    assert _outbox(ctx) == {("sign-up", "acked"): 3, ("air", "attention"): 4}
    assert (status.unsynced, status.attention) == (0, 4)
    stuck = OutboxRepository(ctx.db).attention()
    assert {(e.event_type, e.reason) for e in stuck} == {
        ("air_start", "rejected:http_422"), ("air_end", "rejected:http_422"),
    }  # fmt: skip
    assert _hub_counts(hub) == (0, 0, 3) and _hub_spans(hub) == []
    # The hub is upgraded; the operator's "retry" sends the same events, now taken.
    OutboxRepository(ctx.db).retry([e.event_id for e in stuck])
    status, ok = _worker(ctx, hub.url, hub.token).run_once()
    assert ok and (status.unsynced, status.attention) == (0, 0)
    assert _outbox(ctx) == {("sign-up", "acked"): 3, ("air", "acked"): 4}
    assert _hub_spans(hub) == _expected(ctx, _device(hub))
    assert _hub_counts(hub) == (4, 4, 3)


def test_the_outbox_upgrade_keeps_queued_sign_ups_and_admits_on_air_events(tmp_path):
    path = tmp_path / "hostdesk.db"
    conn = sqlite3.connect(path)
    migrations.migrate(conn, path, target=8)
    conn.execute(
        "INSERT INTO registrations (id, seq, job_code, source, consent_method, notice_version,"
        " consented_at, created_at, updated_at) VALUES ('r1', 1, 'HX-001', 'phone', 'verbal',"
        " '2026-11', '2026-12-01 10:00:00', '2026-12-01 10:00:00', '2026-12-01 10:00:00')"
    )
    conn.execute(
        "INSERT INTO outbox (event_id, registration_id, event_type, payload, fingerprint, state,"
        " attempts, last_error, created_at) VALUES ('e1', 'r1', 'create', '{}', 'f', 'attention',"
        " 3, 'rejected:x', '2026-12-01 10:00:00')"
    )
    conn.execute("INSERT INTO takes (action, job_code, at) VALUES ('take', 'HX-001', '2026-12-01')")
    conn.commit()
    conn.close()
    database = open_database(path)
    try:
        with database.engine.connect() as c:
            rows = c.exec_driver_sql(
                "SELECT id, event_id, registration_id, state, attempts, last_error FROM outbox"
            ).all()
            takes = c.exec_driver_sql("SELECT job_code, span_id FROM takes").all()
        assert [tuple(r) for r in rows] == [(1, "e1", "r1", "attention", 3, "rejected:x")]
        assert [tuple(t) for t in takes] == [("HX-001", None)]  # history before: never sent
        # The next take ends no old span and starts a new one.
        from hostdesk.store.takes_repo import TakeRepository

        TakeRepository(database).record("take", "GE-002", "S2")
        with database.engine.connect() as c:
            air = c.exec_driver_sql(
                "SELECT event_type, registration_id FROM outbox WHERE id > 1"
            ).all()
            # A registration id that does not exist is still refused (the key survived).
            with pytest.raises(Exception, match="FOREIGN KEY"):
                c.exec_driver_sql(
                    "INSERT INTO outbox (event_id, registration_id, event_type, payload,"
                    " fingerprint, created_at) VALUES ('e9', 'nope', 'create', '{}', 'f',"
                    " '2026-12-01')"
                )
        assert [tuple(a) for a in air] == [("air_start", None)]
    finally:
        database.close()
    conn = sqlite3.connect(path)
    assert migrations.schema_version(conn) == migrations.LATEST
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
