"""The on-air timeline's batch events (air_start / air_end) on a real hub, SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import requests
from sqlalchemy import select

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import AIR_SPANS, EVENTS
from tests.hub.payloads import fingerprint, item

TIMEOUT = (5, 30)
T0 = "2026-12-07T12:00:00.000000+00:00"
T1 = "2026-12-07T12:07:30.250000+00:00"


def air(event_type: str, span_id: str, *, event_id: str | None = None, **fields) -> dict:
    """One on-air event as the desktop's outbox sends it (takes_repo.py)."""
    payload = {"span_id": span_id, "job_code": "J1", "session_code": "S1", "started_at": T0}
    if event_type == "air_end":
        payload["ended_at"] = T1
    payload.update(fields)
    payload = {k: v for k, v in payload.items() if v is not ...}
    return {
        "client_id": span_id,
        "event_id": event_id or (span_id if event_type == "air_start" else str(uuid.uuid4())),
        "event_type": event_type,
        "base_version": 0,
        "fingerprint": fingerprint(payload),
        "payload": payload,
    }


def push(hub, items: list[dict], token: str | None = None) -> list[tuple[str, str | None]]:
    r = requests.post(
        hub.url + "/api/v1/registrations/batch",
        json={"items": items},
        headers=hub.headers(token),
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    return [(x["status"], x["reason"]) for x in r.json()["results"]]


def spans(hub) -> list[dict]:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            rows = conn.execute(select(AIR_SPANS).order_by(AIR_SPANS.c.started_at))
            return [{k: v for k, v in r._mapping.items() if k != "id"} for r in rows]
    finally:
        db.close()


def event_types(hub) -> list[str]:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            return sorted(conn.execute(select(EVENTS.c.type)).scalars())
    finally:
        db.close()


def test_a_span_starts_ends_and_each_event_counts_once(hub):
    span = str(uuid.uuid4())
    start, end = air("air_start", span), air("air_end", span)
    assert push(hub, [start]) == [("created", None)]
    row = {"event_id": span, "device": spans(hub)[0]["device"], "session_code": "S1",
           "job_code": "J1", "started_at": T0, "ended_at": None}  # fmt: skip
    assert row["device"].startswith("device-")  # the token's name, not anything it sent
    assert spans(hub) == [row]
    # The end, with the start sent again (a batch whose answer was lost): one span, ended.
    assert push(hub, [start, end]) == [("duplicate", None), ("created", None)]
    assert push(hub, [end]) == [("duplicate", None)]
    assert spans(hub) == [{**row, "ended_at": T1}]
    assert event_types(hub) == ["air_end", "air_start"]


def test_the_end_may_arrive_before_the_start(hub):
    span = str(uuid.uuid4())
    assert push(hub, [air("air_end", span)]) == [("created", None)]
    assert push(hub, [air("air_start", span)]) == [("created", None)]
    [row] = spans(hub)
    assert (row["started_at"], row["ended_at"], row["job_code"]) == (T0, T1, "J1")


def test_spans_and_sign_ups_travel_in_one_batch(hub):
    span = str(uuid.uuid4())
    sign_up = item()
    results = push(hub, [air("air_start", span), sign_up, air("air_end", span)])
    assert results == [("created", None)] * 3
    assert [s["ended_at"] for s in spans(hub)] == [T1]
    r = requests.get(
        hub.url + "/api/v1/registrations", headers=hub.headers(), timeout=TIMEOUT
    ).json()
    assert [x["client_id"] for x in r["items"]] == [sign_up["client_id"]]


def test_a_device_writes_only_its_own_spans(hub):
    other = hub.process.token("studio-other")
    span = str(uuid.uuid4())
    assert push(hub, [air("air_start", span)]) == [("created", None)]
    assert push(hub, [air("air_end", span)], token=other) == [("rejected", "not_owner")]
    assert spans(hub)[0]["ended_at"] is None


def test_bad_on_air_events_are_refused_one_by_one(hub):
    span = str(uuid.uuid4())
    good = air("air_start", span)
    reused = dict(good, fingerprint=fingerprint({"other": 1}), payload={"other": 1})
    bad = [
        air("air_start", str(uuid.uuid4()), job_code="有 空格"),
        air("air_start", str(uuid.uuid4()), started_at=...),
        air("air_start", str(uuid.uuid4()), started_at="yesterday"),
        air("air_end", str(uuid.uuid4()), ended_at=...),
        air("air_end", str(uuid.uuid4()), ended_at="2026-12-07T11:59:00+00:00"),
        air("air_start", str(uuid.uuid4()), session_code="中文"),
        dict(air("air_start", str(uuid.uuid4())), client_id="not-the-span"),
    ]
    results = push(hub, [good, *bad])
    assert results == [
        ("created", None),
        ("rejected", "job_code_invalid"),
        ("rejected", "started_at_missing"),
        ("rejected", "started_at_invalid"),
        ("rejected", "ended_at_missing"),
        ("rejected", "ended_at_before_start"),
        ("rejected", "session_code_invalid"),
        ("rejected", "payload_id_mismatch"),
    ]
    # Same event id, another payload: a conflict, the span untouched.
    assert push(hub, [reused]) == [("conflict", "fingerprint")]
    # Another start of a known span (a different job): a conflict, not an overwrite.
    moved = air("air_start", span, event_id=str(uuid.uuid4()), job_code="J2")
    assert push(hub, [moved]) == [("conflict", "span_mismatch")]
    # An end that disagrees with the one the hub has: a conflict.
    assert push(hub, [air("air_end", span)]) == [("created", None)]
    later = air("air_end", span, ended_at="2026-12-07T12:09:00+00:00")
    assert push(hub, [later]) == [("conflict", "span_ended")]
    assert [(s["job_code"], s["ended_at"]) for s in spans(hub)] == [("J1", T1)]
