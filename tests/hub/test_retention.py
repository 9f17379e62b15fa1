"""Retention and erasure on a real hub database (SQLite and PostgreSQL), with a real hub process."""

from __future__ import annotations

import json
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import inspect, select

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import ERASURES, EVENTS, REGS
from hostdesk.hub.retention import RetentionLoop, erase, purge_expired
from tests.hub.payloads import item, phone
from tests.hub.signup import put_jobs
from tests.hub.test_access import name_of, page_signup
from tests.hub.test_api import TIMEOUT, all_registrations, post, push, statuses

PERSONAL = ("name", "phone", "age", "birth_year", "gender", "current_city", "expected_city", "note")
LONG_AGO = (datetime.now(UTC) - timedelta(days=400)).isoformat()


def wait_until(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.fixture
def db(hub):
    database = HubDB(hub.db_url)
    yield database
    database.close()


def rows(db: HubDB) -> dict[str, dict]:
    with db.read() as conn:
        return {r.client_id: dict(r._mapping) for r in conn.execute(select(REGS))}


def payloads(db: HubDB, client_id: str) -> list[dict]:
    with db.read() as conn:
        texts = conn.execute(
            select(EVENTS.c.payload).where(EVENTS.c.client_id == client_id)
        ).scalars()
        return [json.loads(t) for t in texts]


def old_signup(n: int, **fields) -> dict:
    """A desktop's create for a sign-up made 400 days ago, with every personal field set."""
    personal = {
        "phone": phone(n), "name": "老用户", "age": 30, "birth_year": 1996, "gender": "male",
        "current_city": "东莞", "expected_city": "深圳", "note": "夜班可以",
        "created_at": LONG_AGO, "consented_at": LONG_AGO, "updated_at": LONG_AGO,
    }  # fmt: skip
    return item(**{**personal, **fields})


def assert_erased(row: dict, payload_list: list[dict], number: str) -> None:
    assert all(row[key] in ("", None) for key in PERSONAL), row
    assert payload_list and all(p.get("erased") is True for p in payload_list)
    text = json.dumps(payload_list, ensure_ascii=False)
    assert number not in text and "老用户" not in text and "phone_hash" not in text
    assert "东莞" not in text and "夜班" not in text and "1996" not in text and "male" not in text


def test_purge_erases_expired_rows_and_their_event_payloads(hub, db):
    old = old_signup(1, job_code="J1", session_id="S1")
    cid = old["client_id"]
    amend = old_signup(1, job_code="J1", session_id="S1", note="改过")
    fields = {k: v for k, v in amend["payload"].items() if k not in ("id", "event_type")}
    amend = item(cid, "amend", 1, **fields)
    fresh = item(phone=phone(2), name="新用户")
    push(hub, old, amend, fresh)
    stats_before = requests.get(hub.url + "/api/v1/stats", headers=hub.headers(), timeout=TIMEOUT)

    assert purge_expired(db, 180) == 1
    held = rows(db)
    assert_erased(held[cid], payloads(db, cid), phone(1))
    # What the statistics need stays: job, session, source, status, times, version.
    kept = held[cid]
    assert (kept["job_code"], kept["session_id"], kept["source"], kept["status"]) == (
        "J1", "S1", "phone", "active",
    )  # fmt: skip
    assert kept["created_at"].startswith(LONG_AGO[:10]) and kept["version"] == 2
    assert payloads(db, cid)[0]["job_code"] == "J1"
    assert held[fresh["client_id"]]["phone"] == phone(2)  # not expired: untouched
    assert phone(2) in json.dumps(payloads(db, fresh["client_id"]))
    stats_after = requests.get(hub.url + "/api/v1/stats", headers=hub.headers(), timeout=TIMEOUT)
    assert stats_after.json() == stats_before.json()

    assert purge_expired(db, 180) == 0  # idempotent
    later = datetime.now(UTC) + timedelta(days=181)
    assert purge_expired(db, 180, now=later) == 1  # the fresh one, once it expires
    with pytest.raises(ValueError):
        purge_expired(db, 0)


def _feed(hub, since: int, **params) -> list[dict]:
    r = requests.get(
        hub.url + "/api/v1/registrations", params={"since": since, "limit": 500, **params},
        headers=hub.headers(), timeout=TIMEOUT,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_a_purged_row_comes_again_on_the_cursor_feed_emptied(hub, db):
    # What a device holds: its own sign-up, and a page sign-up credited to it.
    own = item(phone=phone(8), name="王小明")
    push(hub, own)
    put_jobs(hub)
    page = page_signup(hub, name_of(hub, hub.token), 9, "欧阳锋")
    before = _feed(hub, 0)
    cursor = max(i["cursor"] for i in before)
    assert {i["client_id"] for i in before} == {own["client_id"], page["client_id"]}

    later = datetime.now(UTC) + timedelta(days=181)
    assert purge_expired(db, 180, now=later) == 2
    # Each emptied row has a new cursor: a desktop reading from where it was learns of it,
    # on the whole feed and on the origin=hub one a desktop pulls (its own row too).
    for params in ({}, {"origin": "hub"}):
        after = _feed(hub, cursor, **params)
        assert {i["client_id"] for i in after} == {own["client_id"], page["client_id"]}, params
        for row in after:
            assert (row["name"], row["phone"], row["age"]) == ("", "", None)
            assert row["status"] == "active" and row["cursor"] > cursor  # the counts stay
    assert _feed(hub, max(i["cursor"] for i in _feed(hub, cursor))) == []
    assert purge_expired(db, 180, now=later) == 0  # nothing again: no new cursor either
    assert max(i["cursor"] for i in _feed(hub, 0)) == max(i["cursor"] for i in after)


def test_the_hub_purges_on_start(hub, db):
    old = old_signup(3)
    assert statuses(push(hub, old)) == [("created", None)]
    assert rows(db)[old["client_id"]]["phone"] == phone(3)  # pushed after this hub's start
    hub.process.restart()
    assert wait_until(lambda: rows(db)[old["client_id"]]["phone"] == "")
    assert_erased(rows(db)[old["client_id"]], payloads(db, old["client_id"]), phone(3))
    # The loop's thread does not hold the shutdown up: SIGTERM ends the process cleanly
    # (uvicorn finishes its shutdown, then exits by the signal; never the harness's SIGKILL).
    hub.process.stop()
    log = hub.process.log_tail(10**6)
    assert hub.process.proc.returncode in (0, -signal.SIGTERM), log
    assert log.count("Application shutdown complete") == 2, log


def test_the_retention_loop_purges_periodically_and_stops(hub, db):
    loop = RetentionLoop(db, 180, every=0.05).start()
    try:
        assert wait_until(lambda: loop.rounds >= 1)
        old = old_signup(4)
        push(hub, old)
        assert wait_until(lambda: rows(db)[old["client_id"]]["phone"] == "")
    finally:
        loop.stop()
    assert not loop._thread.is_alive()


def test_erase_by_phone_everywhere_with_an_audit_free_of_the_number(hub, db):
    token_b = hub.process.token(f"device-b-{uuid.uuid4().hex[:6]}")
    a_name = name_of(hub, hub.token)
    first, second = item(phone=phone(5), job_code="J1"), item(phone=phone(5), job_code="J2")
    withdrawn = item(first["client_id"], "withdraw", 1, phone=phone(5), job_code="J1")
    other = item(phone=phone(6))
    push(hub, first, withdrawn, second, other)
    on_page = page_signup(hub, a_name, 5)  # the same person on the page, credited to A
    theirs = item(phone=phone(5))
    push(hub, theirs, token=token_b)

    # Device tokens may not erase; the body needs exactly one key; a bad number is refused.
    assert post(hub, "/api/v1/erasures", {"phone": phone(5)}).status_code == 403
    assert post(hub, "/api/v1/erasures", {}, hub.admin_token).status_code == 422
    both = {"phone": phone(5), "client_id": other["client_id"]}
    assert post(hub, "/api/v1/erasures", both, hub.admin_token).status_code == 422
    bad = post(hub, "/api/v1/erasures", {"phone": "12345"}, hub.admin_token)
    assert bad.status_code == 400 and bad.json() == {"detail": "phone_invalid"}
    assert rows(db)[first["client_id"]]["phone"] == phone(5)  # nothing erased yet

    cursor_before = max(r["seq"] for r in rows(db).values())
    r = post(hub, "/api/v1/erasures", {"phone": phone(5)}, hub.admin_token)
    assert r.status_code == 200 and r.json() == {"count": 4}
    held = rows(db)
    for reg in (first, second, on_page, theirs):
        row = held[reg["client_id"]]
        assert row["status"] == "erased" and row["seq"] > cursor_before
        assert all(row[key] in ("", None) for key in PERSONAL)
    for reg in (first, second, theirs):
        text = json.dumps(payloads(db, reg["client_id"]), ensure_ascii=False)
        assert phone(5) not in text and "张三" not in text
    assert held[other["client_id"]]["phone"] == phone(6)  # someone else: untouched
    with db.read() as conn:
        audit = [dict(a._mapping) for a in conn.execute(select(ERASURES))]
    assert [(a["actor"], a["key_kind"], a["count"]) for a in audit] == [
        (name_of(hub, hub.admin_token), "phone", 4)
    ]
    assert phone(5) not in json.dumps(audit)
    assert phone(5) not in hub.process.log_tail(10**7)

    # A's feed tells A of the erasures of its own rows and its page sign-up; B only of its own.
    feed = {x["client_id"]: x for x in all_registrations(hub, origin="hub")}
    assert set(feed) == {first["client_id"], second["client_id"], on_page["client_id"]}
    assert {(x["status"], x["name"], x["phone"]) for x in feed.values()} == {("erased", "", "")}
    seen_b = requests.get(
        hub.url + "/api/v1/registrations", params={"origin": "hub"}, headers=hub.headers(token_b),
        timeout=TIMEOUT,
    ).json()  # fmt: skip
    assert [x["client_id"] for x in seen_b["items"]] == [theirs["client_id"]]

    # A re-sent create is a duplicate and brings nothing back; changes are refused.
    assert statuses(push(hub, first, second)) == [("duplicate", None), ("duplicate", None)]
    amend = item(second["client_id"], "amend", 2, phone=phone(5), job_code="J2")
    assert statuses(push(hub, amend)) == [("rejected", "erased")]
    assert rows(db)[second["client_id"]]["phone"] == "" and "13900000005" not in json.dumps(
        payloads(db, second["client_id"])
    )

    # Again: nothing left to erase (the audit still records the request).
    assert post(hub, "/api/v1/erasures", {"phone": phone(5)}, hub.admin_token).json() == {
        "count": 0
    }
    by_id = post(hub, "/api/v1/erasures", {"client_id": other["client_id"]}, hub.admin_token)
    assert by_id.json() == {"count": 1} and rows(db)[other["client_id"]]["status"] == "erased"


def test_erase_in_process_needs_one_key(db):
    with pytest.raises(ValueError):
        erase(db, actor="cli")
    with pytest.raises(ValueError):
        erase(db, phone=phone(1), client_id="x", actor="cli")
    assert erase(db, phone=phone(1), actor="cli") == 0


def test_the_route_is_in_the_openapi_document(hub):
    doc = requests.get(hub.url + "/openapi.json", timeout=TIMEOUT).json()
    route = doc["paths"]["/api/v1/erasures"]["post"]
    assert {"200", "400", "401", "403", "422"} <= set(route["responses"])


def test_the_page_says_what_the_code_does(hub_factory):
    hub = hub_factory(args=("--retention-days", "45"))
    put_jobs(hub)
    page = requests.get(hub.url + "/j/J1", timeout=TIMEOUT)
    assert page.status_code == 200
    text = page.text
    assert "45 天" in text and "从我们的服务器上删除" in text  # purge_expired
    assert "138****5678" in text  # what a broadcast PC receives of a page sign-up
    assert "报名用的手机号" in text and "直播电脑下次同步时也删除" in text  # erase + pull


def test_two_engines_purging_at_once_erase_each_row_once(hub, db):
    # Several hub processes each run the hourly purge (here: two engines on one database,
    # each with its own connections and locks, as two processes have): chunks are
    # serialised by the database's write lock and a row without personal data is never
    # picked again, so the counts add up to the rows, none twice, none missed.
    old = [old_signup(i) for i in range(1, 1201)]
    for start in range(0, len(old), 100):
        assert {s for s, _ in statuses(push(hub, *old[start : start + 100]))} == {"created"}
    other = HubDB(hub.db_url)
    try:
        with ThreadPoolExecutor(2) as pool:
            counts = list(pool.map(lambda d: purge_expired(d, 180), [db, other]))
    finally:
        other.close()
    assert sum(counts) == 1200
    assert all(r["phone"] == "" for r in rows(db).values())


def test_event_payloads_are_found_by_registration_through_an_index(db):
    # Purge and erase rewrite payloads under the write lock: never by scanning every event.
    indexes = inspect(db.engine).get_indexes("events")
    assert any(index["column_names"] == ["client_id"] for index in indexes)
