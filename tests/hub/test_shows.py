"""A show's room and host (show_start / show_end batch events) on a real hub, SQLite and
PostgreSQL: applied once, either order, an older payload without a host, bad ones refused."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import SHOWS
from tests.hub.payloads import fingerprint
from tests.hub.test_airtime import push

T0 = "2026-12-07T12:00:00.000000+00:00"
T1 = "2026-12-07T14:05:00.000000+00:00"


def show(event_type: str, code: str = "S1", **fields) -> dict:
    """One show event as the desktop's outbox sends it (store/show_events.py)."""
    payload = {"session_code": code, "platform": "douyin", "room": "青岛招聘直播间",
               "host": "蔚姐", "started_at": T0}  # fmt: skip
    if event_type == "show_end":
        payload["ended_at"] = T1
    payload.update(fields)
    payload = {k: v for k, v in payload.items() if v is not ...}
    return {
        "client_id": code, "event_id": str(uuid.uuid4()), "event_type": event_type,
        "base_version": 0, "fingerprint": fingerprint(payload), "payload": payload,
    }  # fmt: skip


def shows(hub) -> list[dict]:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            rows = conn.execute(select(SHOWS).order_by(SHOWS.c.session_code))
            return [{k: v for k, v in r._mapping.items() if k != "id"} for r in rows]
    finally:
        db.close()


def test_a_show_starts_and_ends_once_with_its_room_and_host(hub):
    start, end = show("show_start"), show("show_end")
    assert push(hub, [start]) == [("created", None)]
    (row,) = shows(hub)
    assert row["device"].startswith("device-")  # the token's name, not anything it sent
    assert row == {"session_code": "S1", "device": row["device"], "platform": "douyin",
                   "room": "青岛招聘直播间", "host": "蔚姐", "started_at": T0, "ended_at": None}  # fmt: skip
    assert push(hub, [start, end]) == [("duplicate", None), ("created", None)]
    assert push(hub, [end]) == [("duplicate", None)]
    assert shows(hub) == [{**row, "ended_at": T1}]


def test_the_end_may_arrive_first_and_an_older_payload_has_no_host(hub):
    end = show("show_end", "S2", host=...)  # a desktop that never asked for the host
    assert push(hub, [end]) == [("created", None)]
    assert push(hub, [show("show_start", "S2", host=...)]) == [("created", None)]
    (row,) = shows(hub)
    assert (row["host"], row["room"], row["ended_at"]) == ("", "青岛招聘直播间", T1)


def test_bad_or_contradicting_show_events_are_refused_item_by_item(hub):
    assert push(hub, [show("show_start")]) == [("created", None)]
    results = push(hub, [
        show("show_start", host="另一个主播"),  # the same show cannot change its host
        show("show_end", ended_at="2026-12-07T11:00:00+00:00"),
        show("show_start", "S3", host="x" * 31),
        show("show_start", "S4", room="a\nb"),
        show("show_start", "S5", started_at=...),
        show("show_start", "S6", ended_at=T1),
        {**show("show_start", "S7"), "client_id": "S8"},
    ])  # fmt: skip
    assert results == [
        ("conflict", "show_mismatch"),
        ("rejected", "ended_at_before_start"),
        ("rejected", "host_too_long"),
        ("rejected", "room_invalid"),
        ("rejected", "started_at_missing"),
        ("rejected", "ended_at_unexpected"),
        ("rejected", "payload_id_mismatch"),
    ]
    assert [r["session_code"] for r in shows(hub)] == ["S1"]


def test_another_pc_cannot_end_or_rewrite_a_show_it_did_not_run(hub):
    assert push(hub, [show("show_start")]) == [("created", None)]
    other = hub.process.token("studio-other")
    assert push(hub, [show("show_end")], token=other) == [("rejected", "not_owner")]
    assert shows(hub)[0]["ended_at"] is None
