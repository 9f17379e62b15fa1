"""Access by role against a real hub process (SQLite and PostgreSQL): who reads and changes what."""

from __future__ import annotations

import uuid

import requests
from sqlalchemy import func, select

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import EVENTS, REGS
from tests.hub.payloads import item, phone
from tests.hub.test_api import TIMEOUT, all_registrations, post, push, statuses


def name_of(hub, token: str) -> str:
    r = requests.get(hub.url + "/api/v1/me", headers=hub.headers(token), timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    return r.json()["name"]


def page_signup(hub, device: str | None, n: int, name: str = "扫码人") -> dict:
    """A sign-up stored the way the page stores it (origin hub), credited to `device`."""
    body = {"job_code": "J9", "name": name, "phone": phone(n), "session_id": "S9"}
    if device is not None:
        body["device"] = device
    r = post(hub, "/api/v1/registrations/hub", body, hub.admin_token)
    assert r.status_code == 201, r.text
    return r.json()


def db_row(hub, client_id: str) -> dict:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            row = conn.execute(select(REGS).where(REGS.c.client_id == client_id)).one()
            events = conn.execute(
                select(func.count()).select_from(EVENTS).where(EVENTS.c.client_id == client_id)
            ).scalar_one()
        return {**row._mapping, "events": events}
    finally:
        db.close()


def test_a_device_reads_its_own_rows_and_its_page_signups_masked(hub):
    token_b = hub.process.token(f"device-b-{uuid.uuid4().hex[:6]}")
    a_name, b_name = name_of(hub, hub.token), name_of(hub, token_b)
    mine = item(phone=phone(1), name="甲本人")
    theirs = item(phone=phone(2), name="乙本人")
    push(hub, mine)
    push(hub, theirs, token=token_b)
    for_a = page_signup(hub, a_name, 3, "欧阳锋")
    for_b = page_signup(hub, b_name, 4)
    nobody = page_signup(hub, None, 5)

    seen = {r["client_id"]: r for r in all_registrations(hub)}
    assert set(seen) == {mine["client_id"], for_a["client_id"]}  # B's rows are absent
    # Its own, in full (it typed them); the page's credited to it, masked.
    assert (seen[mine["client_id"]]["name"], seen[mine["client_id"]]["phone"]) == (
        "甲本人", phone(1),
    )  # fmt: skip
    assert (seen[for_a["client_id"]]["name"], seen[for_a["client_id"]]["phone"]) == (
        "欧**", "139****0003",
    )  # fmt: skip
    assert seen[for_a["client_id"]]["job_code"] == "J9"  # what the ticker needs
    raw = requests.get(
        hub.url + "/api/v1/registrations", params={"limit": 500}, headers=hub.headers(),
        timeout=TIMEOUT,
    ).text  # fmt: skip
    assert phone(3) not in raw and "欧阳锋" not in raw and phone(2) not in raw
    assert [r["client_id"] for r in all_registrations(hub, origin="hub")] == [for_a["client_id"]]

    # The audit lookup tells a device only of its own ids.
    every = [mine, theirs, for_a, for_b, nobody]
    ids = [x["client_id"] for x in every]
    r = post(hub, "/api/v1/registrations/lookup", {"client_ids": ids})
    assert r.json() == {"known": {mine["client_id"]: 1, for_a["client_id"]: 1}}
    r = post(hub, "/api/v1/registrations/lookup", {"client_ids": ids}, token_b)
    assert r.json() == {"known": {theirs["client_id"]: 1, for_b["client_id"]: 1}}

    # The admin sees every row in full.
    r = requests.get(
        hub.url + "/api/v1/registrations", params={"limit": 500}, headers=hub.admin_headers,
        timeout=TIMEOUT,
    )  # fmt: skip
    full = {x["client_id"]: x for x in r.json()["items"]}
    assert set(full) == set(ids)
    assert (full[for_a["client_id"]]["name"], full[for_a["client_id"]]["phone"]) == (
        "欧阳锋", phone(3),
    )  # fmt: skip
    r = post(hub, "/api/v1/registrations/lookup", {"client_ids": ids}, hub.admin_token)
    assert set(r.json()["known"]) == set(ids)


def test_a_device_changes_only_the_rows_it_made(hub):
    token_b = hub.process.token(f"device-b-{uuid.uuid4().hex[:6]}")
    create = item(phone=phone(1), name="甲本人")
    cid = create["client_id"]
    push(hub, create)
    before = db_row(hub, cid)

    amend = item(cid, "amend", 1, phone=phone(1), name="乙改的")
    withdraw = item(cid, "withdraw", 1, phone=phone(1))
    assert statuses(push(hub, amend, withdraw, token=token_b)) == [
        ("rejected", "not_owner"), ("rejected", "not_owner"),
    ]  # fmt: skip
    # Even a stale version says not_owner: another PC learns nothing of the row.
    stale = item(cid, "amend", 7, phone=phone(1), name="乙改的")
    assert statuses(push(hub, stale, token=token_b)) == [("rejected", "not_owner")]
    assert db_row(hub, cid) == before  # nothing changed, no event stored
    assert before["device"] == name_of(hub, hub.token) and before["events"] == 1

    # Its own: the maker may; the admin may change every row.
    assert statuses(push(hub, amend)) == [("created", None)]
    admin_withdraw = item(cid, "withdraw", 2, phone=phone(1))
    assert statuses(push(hub, admin_withdraw, token=hub.admin_token)) == [("created", None)]
    after = db_row(hub, cid)
    assert (after["status"], after["version"], after["device"]) == (
        "withdrawn", 3, before["device"],
    )  # fmt: skip

    # A page sign-up credited to a device is not that device's to change.
    page = page_signup(hub, name_of(hub, hub.token), 6)
    page_amend = item(page["client_id"], "amend", 1, job_code="J9", phone=phone(6), name="改名")
    page_withdraw = item(page["client_id"], "withdraw", 1, job_code="J9", phone=phone(6))
    assert statuses(push(hub, page_amend, page_withdraw)) == [
        ("rejected", "not_owner"), ("rejected", "not_owner"),
    ]  # fmt: skip
    assert db_row(hub, page["client_id"])["version"] == 1
    assert statuses(push(hub, page_withdraw, token=hub.admin_token)) == [("created", None)]


def test_stats_are_anonymous_counts_over_the_whole_hub(hub):
    token_b = hub.process.token(f"device-b-{uuid.uuid4().hex[:6]}")
    push(hub, item(job_code="A", phone=phone(1)))
    push(hub, item(job_code="A", phone=phone(2)), token=token_b)
    for token in (hub.token, token_b, hub.admin_token):
        r = requests.get(hub.url + "/api/v1/stats", headers=hub.headers(token), timeout=TIMEOUT)
        assert r.json() == {"total": 2, "by_job": {"A": 2}, "by_session": {"S1": 2}}
