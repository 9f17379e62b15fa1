"""The hub's HTTP API against a real hub process, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import uuid

import requests

from hostdesk.core.jobs import JOB_JSON_KEYS
from tests.hub.payloads import item, phone

TIMEOUT = (5, 30)


def post(hub, path: str, body, token: str | None = None, **kw) -> requests.Response:
    return requests.post(
        hub.url + path, json=body, headers=hub.headers(token), timeout=TIMEOUT, **kw
    )


def push(hub, *items, token: str | None = None) -> list[dict]:
    r = post(hub, "/api/v1/registrations/batch", {"items": list(items)}, token)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [(x["event_id"], x["client_id"]) for x in results] == [
        (i["event_id"], i["client_id"]) for i in items
    ]
    return results


def statuses(results) -> list[tuple[str, str | None]]:
    return [(r["status"], r["reason"]) for r in results]


def all_registrations(hub, **params) -> list[dict]:
    out, since = [], 0
    for _ in range(1000):
        r = requests.get(
            hub.url + "/api/v1/registrations",
            params={"since": since, "limit": 500, **params},
            headers=hub.headers(),
            timeout=TIMEOUT,
        )
        assert r.status_code == 200, r.text
        page = r.json()
        out += page["items"]
        if page["next"] is None:
            return out
        since = page["next"]
    raise AssertionError("paging never ended")


def test_healthz_needs_no_token(hub):
    r = requests.get(hub.url + "/healthz", timeout=TIMEOUT)
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "database": hub.database}


def test_every_route_wants_a_known_token_and_admin_routes_an_admin(hub):
    routes = [
        ("POST", "/api/v1/registrations/batch", {"items": [item()]}),
        ("GET", "/api/v1/registrations", None),
        ("POST", "/api/v1/registrations/lookup", {"client_ids": []}),
        (
            "POST",
            "/api/v1/registrations/hub",
            {"job_code": "J1", "name": "李四", "phone": phone(1)},
        ),
        ("GET", "/api/v1/jobs", None),
        ("PUT", "/api/v1/jobs", {"jobs": []}),
        ("GET", "/api/v1/stats", None),
    ]
    for method, path, body in routes:
        for headers in (
            {},
            {"Authorization": "Bearer hd_not-a-token"},
            {"Authorization": "Basic x"},
        ):
            r = requests.request(
                method, hub.url + path, json=body, headers=headers, timeout=TIMEOUT
            )
            assert r.status_code == 401, (method, path, headers, r.text)
            assert isinstance(r.json()["detail"], str)
    for method, path, body in routes:
        r = requests.request(
            method, hub.url + path, json=body, headers=hub.headers(), timeout=TIMEOUT
        )
        if path in ("/api/v1/jobs", "/api/v1/registrations/hub") and method != "GET":
            assert r.status_code == 403, (method, path, r.text)
            assert r.json() == {"detail": "this needs an admin token"}
        else:
            assert r.status_code == 200, (method, path, r.text)
    # Nothing was written by the refused requests.
    assert all_registrations(hub) == [r for r in all_registrations(hub) if r["device"] is not None]
    assert len(all_registrations(hub)) == 1


def test_create_then_retry_is_a_duplicate_and_another_payload_a_conflict(hub):
    create = item(name="王五")
    assert statuses(push(hub, create)) == [("created", None)]
    assert statuses(push(hub, create, create)) == [("duplicate", None), ("duplicate", None)]
    tampered = {**create, "fingerprint": item(name="王六")["fingerprint"]}
    assert statuses(push(hub, tampered)) == [("conflict", "fingerprint")]
    again = item(client_id=create["client_id"])  # a new event id creating the same registration
    assert statuses(push(hub, again)) == [("conflict", "client_id_exists")]
    other_client = {**create, "client_id": str(uuid.uuid4())}
    assert statuses(push(hub, other_client)) == [("conflict", "event_id_reused")]
    rows = all_registrations(hub)
    assert len(rows) == 1
    row = rows[0]
    assert (row["client_id"], row["name"], row["phone"], row["version"]) == (
        create["client_id"], "王五", "13800138000", 1,
    )  # fmt: skip
    assert (row["origin"], row["status"], row["job_code"], row["session_id"]) == (
        "device", "active", "J001", "S1",
    )  # fmt: skip
    assert row["device"].startswith("device-")


def test_amend_and_withdraw_follow_versions(hub):
    create = item()
    cid = create["client_id"]
    unknown = item(event_type="amend", base_version=1)
    assert statuses(push(hub, unknown)) == [("rejected", "unknown_registration")]
    amend = item(cid, "amend", 1, name="张三丰", age=30)
    stale = item(cid, "amend", 0, name="张四")
    # create and amend in one batch: applied in order; the stale one is a version conflict.
    assert statuses(push(hub, create, amend, stale)) == [
        ("created", None), ("created", None), ("conflict", "version"),
    ]  # fmt: skip
    (row,) = all_registrations(hub)
    assert (row["name"], row["age"], row["version"]) == ("张三丰", 30, 2)
    withdraw = item(cid, "withdraw", 2)
    assert statuses(push(hub, withdraw, withdraw)) == [("created", None), ("duplicate", None)]
    (row,) = all_registrations(hub)
    assert (row["status"], row["version"]) == ("withdrawn", 3)
    late = item(cid, "amend", 3, name="赵六")
    assert statuses(push(hub, late)) == [("conflict", "withdrawn")]
    known = post(hub, "/api/v1/registrations/lookup", {"client_ids": [cid]}).json()
    assert known == {"known": {cid: 3}}


def test_invalid_payloads_are_rejected_per_item_and_unknown_jobs_accepted(hub):
    cases = [
        (item(phone="12345678901"), "phone_not_mobile"),
        (item(phone="1380013800"), "phone_not_mobile"),
        (item(phone="+8613800138000"), "phone_not_mobile"),  # the desktop sends 11 digits
        (item(phone=""), "phone_empty"),
        (item(age=15), "age_under_16"),
        (item(age="20"), "age_invalid"),
        (item(name="  "), "name_missing"),
        (item(name=None), "name_missing"),
        (item(name="x" * 21), "name_too_long"),
        (item(name="a\x00b"), "name_invalid_char"),
        (item(source="fax"), "source_invalid"),
        (item(consent_method=""), "consent_method_invalid"),
        (item(job_code=""), "job_code_missing"),
        (item(created_at="yesterday"), "created_at_invalid"),
        ({**item(), "fingerprint": "XYZ"}, "fingerprint_invalid"),
        ({**item(), "payload": {**item()["payload"], "id": "another"}}, "payload_id_mismatch"),
    ]
    good = item(job_code="NOT-IN-ANY-CATALOGUE")
    results = push(hub, *[c for c, _ in cases], good)
    assert statuses(results) == [("rejected", reason) for _, reason in cases] + [("created", None)]
    rows = all_registrations(hub)
    assert [r["client_id"] for r in rows] == [good["client_id"]]


def test_batch_size_and_shape_are_checked(hub):
    for body in ({"items": []}, {"items": [item() for _ in range(101)]}, {"items": [{"x": 1}]}, {}):
        r = post(hub, "/api/v1/registrations/batch", body)
        assert r.status_code == 422, r.text
    bad_id = {**item(), "client_id": "not an id!"}
    assert post(hub, "/api/v1/registrations/batch", {"items": [bad_id]}).status_code == 422
    results = push(hub, *[item(phone=phone(i)) for i in range(100)])
    assert {r["status"] for r in results} == {"created"}
    assert len(all_registrations(hub)) == 100


def test_concurrent_retries_of_the_same_events_store_each_once(hub):
    events = [item(phone=phone(i)) for i in range(50)]
    # Half the registrations are also created under a second event id (a different client
    # bug): those must lose with client_id_exists, never make a second row.
    rivals = [item(client_id=e["client_id"], phone=phone(i)) for i, e in enumerate(events[:25])]
    threads_n = 8
    barrier = threading.Barrier(threads_n)
    outcomes: list[list[dict]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def send(n: int) -> None:
        batch = events if n % 2 == 0 else [*rivals, *events[25:]]
        try:
            barrier.wait(timeout=30)
            results = push(hub, *batch)
        except BaseException as exc:
            with lock:
                errors.append(exc)
            return
        with lock:
            outcomes.append(results)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert len(outcomes) == threads_n
    created_events = [r["event_id"] for res in outcomes for r in res if r["status"] == "created"]
    assert len(created_events) == len(set(created_events)) == 50
    for res in outcomes:
        for r in res:
            assert r["status"] in ("created", "duplicate") or (
                r["status"],
                r["reason"],
            ) == ("conflict", "client_id_exists"), r
    rows = all_registrations(hub)
    assert sorted(r["client_id"] for r in rows) == sorted(e["client_id"] for e in events)
    known = post(
        hub, "/api/v1/registrations/lookup", {"client_ids": [e["client_id"] for e in events]}
    )
    assert set(known.json()["known"].values()) == {1}


def test_cursor_paging_is_ordered_complete_and_moves_changed_rows_to_the_end(hub):
    items = [item(phone=phone(i), name=f"人{i}") for i in range(25)]
    push(hub, *items)
    pages, since = [], 0
    while True:
        r = requests.get(
            hub.url + "/api/v1/registrations",
            params={"since": since, "limit": 10},
            headers=hub.headers(),
            timeout=TIMEOUT,
        )
        page = r.json()
        pages.append(page)
        if page["next"] is None:
            break
        assert page["next"] == page["items"][-1]["cursor"]
        since = page["next"]
    assert [len(p["items"]) for p in pages] == [10, 10, 5]
    rows = [x for p in pages for x in p["items"]]
    cursors = [x["cursor"] for x in rows]
    assert cursors == sorted(cursors) and len(set(cursors)) == 25
    assert [x["client_id"] for x in rows] == [i["client_id"] for i in items]
    last = cursors[-1]
    r = requests.get(
        hub.url + "/api/v1/registrations",
        params={"since": last},
        headers=hub.headers(),
        timeout=TIMEOUT,
    )
    assert r.json() == {"items": [], "next": None}
    first = items[0]["client_id"]
    push(hub, item(first, "amend", 1, phone=phone(0), name="改名"))
    r = requests.get(
        hub.url + "/api/v1/registrations",
        params={"since": last},
        headers=hub.headers(),
        timeout=TIMEOUT,
    )
    (changed,) = r.json()["items"]
    assert (changed["client_id"], changed["name"], changed["version"]) == (first, "改名", 2)
    assert changed["cursor"] > last
    for params in ({"limit": 0}, {"limit": 501}, {"since": -1}, {"origin": "device"}):
        r = requests.get(
            hub.url + "/api/v1/registrations", params=params, headers=hub.headers(), timeout=TIMEOUT
        )
        assert r.status_code == 422, params


def test_hub_made_registrations_are_origin_hub(hub):
    push(hub, item())
    r = post(
        hub,
        "/api/v1/registrations/hub",
        {"job_code": "J9", "name": "扫码人", "phone": phone(7), "age": 25, "session_id": "S2"},
        hub.admin_token,
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert (made["origin"], made["source"], made["device"], made["version"]) == (
        "hub",
        "qr",
        None,
        1,
    )
    # Not credited to any PC: only an admin reads it (hostdesk/hub/access.py).
    assert all_registrations(hub, origin="hub") == []
    assert len(all_registrations(hub, origin="any")) == 1
    me = requests.get(hub.url + "/api/v1/me", headers=hub.headers(), timeout=TIMEOUT).json()
    credited = post(
        hub, "/api/v1/registrations/hub",
        {"job_code": "J9", "name": "扫码人", "phone": phone(9), "device": me["name"]},
        hub.admin_token,
    )  # fmt: skip
    assert credited.status_code == 201, credited.text
    hub_rows = all_registrations(hub, origin="hub")
    assert [x["client_id"] for x in hub_rows] == [credited.json()["client_id"]]
    assert (hub_rows[0]["name"], hub_rows[0]["phone"]) == ("扫**", "139****0009")
    assert len(all_registrations(hub, origin="any")) == 2
    unknown = post(
        hub, "/api/v1/registrations/hub",
        {"job_code": "J9", "name": "扫码人", "phone": phone(6), "device": "no-such-pc"},
        hub.admin_token,
    )  # fmt: skip
    assert unknown.status_code == 422 and unknown.json() == {"detail": "device_unknown"}
    again = post(
        hub,
        "/api/v1/registrations/hub",
        {"client_id": made["client_id"], "job_code": "J9", "name": "扫码人", "phone": phone(7)},
        hub.admin_token,
    )
    assert again.status_code == 409
    bad = post(
        hub,
        "/api/v1/registrations/hub",
        {"job_code": "J9", "name": "x", "phone": "123"},
        hub.admin_token,
    )
    assert bad.status_code == 422
    bad = post(
        hub, "/api/v1/registrations/hub", {"job_code": "J9", "name": "\u200b", "phone": phone(8)},
        hub.admin_token,
    )  # fmt: skip
    assert bad.status_code == 400 and bad.json() == {"detail": "name_missing"}
    # A device may not amend a page sign-up, not even one credited to it; an admin may.
    amend = item(made["client_id"], "amend", 1, job_code="J9", phone=phone(7), name="扫码人甲")
    assert statuses(push(hub, amend)) == [("rejected", "not_owner")]
    assert statuses(push(hub, amend, token=hub.admin_token)) == [("created", None)]


def test_lookup_reports_known_ids_with_versions(hub):
    a, b = item(phone=phone(1)), item(phone=phone(2))
    push(hub, a, b, item(b["client_id"], "amend", 1, phone=phone(2), note="改过"))
    unknown = str(uuid.uuid4())
    r = post(
        hub,
        "/api/v1/registrations/lookup",
        {"client_ids": [a["client_id"], b["client_id"], unknown]},
    )
    assert r.json() == {"known": {a["client_id"]: 1, b["client_id"]: 2}}
    too_many = {"client_ids": [str(uuid.uuid4()) for _ in range(501)]}
    assert post(hub, "/api/v1/registrations/lookup", too_many).status_code == 422
    many = {"client_ids": [str(uuid.uuid4()) for _ in range(499)] + [a["client_id"]]}
    assert post(hub, "/api/v1/registrations/lookup", many).json() == {"known": {a["client_id"]: 1}}


def _jobs(n: int) -> list[dict]:
    from hostdesk.core.jobs import Job, JobStatus
    from hostdesk.core.salary import Pay, PayUnit

    return [
        Job(
            code=f"J{i:03d}", title=f"岗位{i}", company="某电子厂", city="东莞",
            pay=Pay(min=5000, max=7000 + i, unit=PayUnit.MONTH, text=""),
            benefits=("包吃", "包住"), headcount=10, age_min=18, age_max=45,
            status=JobStatus.OPEN if i % 2 else JobStatus.PAUSED,
        ).to_json()
        for i in range(n)
    ]  # fmt: skip


def test_jobs_catalogue_etag_and_replace(hub):
    r = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert r.status_code == 200 and r.json() == {"jobs": [], "versions": {}}
    empty_tag = r.headers["ETag"]
    jobs = _jobs(3)
    r = requests.put(
        hub.url + "/api/v1/jobs", json={"jobs": jobs}, headers=hub.admin_headers, timeout=TIMEOUT
    )
    assert r.status_code == 200 and r.json() == {"count": 3}
    tag = r.headers["ETag"]
    assert tag != empty_tag and tag.startswith('"')
    r = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert r.headers["ETag"] == tag
    got = r.json()["jobs"]
    assert got == jobs
    assert all(tuple(j) == JOB_JSON_KEYS for j in got)
    for match in (tag, f"W/{tag}", f'"other", {tag}', "*"):
        r = requests.get(
            hub.url + "/api/v1/jobs",
            headers={**hub.headers(), "If-None-Match": match},
            timeout=TIMEOUT,
        )
        assert r.status_code == 304 and r.content == b"" and r.headers["ETag"] == tag
    r = requests.get(
        hub.url + "/api/v1/jobs",
        headers={**hub.headers(), "If-None-Match": empty_tag},
        timeout=TIMEOUT,
    )
    assert r.status_code == 200 and r.json()["jobs"] == jobs
    # The same catalogue again: the same tag (it is the content's hash).
    r = requests.put(
        hub.url + "/api/v1/jobs", json={"jobs": jobs}, headers=hub.admin_headers, timeout=TIMEOUT
    )
    assert r.headers["ETag"] == tag
    dup = {"jobs": [jobs[0], jobs[0]]}
    extra = {"jobs": [{**jobs[0], "colour": "red"}]}
    for body in (dup, extra, {"jobs": [{"code": "X"}]}):
        r = requests.put(
            hub.url + "/api/v1/jobs", json=body, headers=hub.admin_headers, timeout=TIMEOUT
        )
        assert r.status_code == 422, body
    r = requests.put(
        hub.url + "/api/v1/jobs",
        json={"jobs": jobs[1:]},
        headers=hub.admin_headers,
        timeout=TIMEOUT,
    )
    assert r.json() == {"count": 2} and r.headers["ETag"] not in (tag, empty_tag)


def test_stats_count_active_registrations(hub):
    a = item(job_code="A", session_id="S1", phone=phone(1))
    b = item(job_code="A", session_id="S2", phone=phone(2))
    c = item(job_code="B", session_id="S2", phone=phone(3))
    push(
        hub,
        a,
        b,
        c,
        item(c["client_id"], "withdraw", 1, job_code="B", session_id="S2", phone=phone(3)),
    )
    r = requests.get(hub.url + "/api/v1/stats", headers=hub.headers(), timeout=TIMEOUT)
    assert r.json() == {"total": 2, "by_job": {"A": 2}, "by_session": {"S1": 1, "S2": 1}}
    r = requests.get(hub.url + "/api/v1/stats", headers=hub.admin_headers, timeout=TIMEOUT)
    assert r.status_code == 200


def test_bodies_over_one_mebibyte_are_refused(hub):
    big = {"items": [item(note="x" * 500)] * 1, "pad": "y" * (1024 * 1024)}
    r = post(hub, "/api/v1/registrations/batch", big)
    assert r.status_code == 413 and r.json() == {"detail": "request body over 1 MiB"}

    def chunks():  # no Content-Length: the limit must hold while reading
        for _ in range(20):
            yield b"z" * 65536

    r = requests.post(
        hub.url + "/api/v1/registrations/lookup",
        data=chunks(),
        headers={**hub.headers(), "Content-Type": "application/json"},
        timeout=TIMEOUT,
    )
    assert r.status_code == 413
    assert all_registrations(hub) == []


def test_writes_over_the_rate_limit_get_429_with_retry_after(hub_factory):
    hub = hub_factory(rate_limit=3)
    for _ in range(3):
        assert post(hub, "/api/v1/registrations/lookup", {"client_ids": []}).status_code == 200
    r = post(hub, "/api/v1/registrations/batch", {"items": [item()]})
    assert r.status_code == 429
    assert r.json() == {"detail": "too many requests"}
    assert 1 <= int(r.headers["Retry-After"]) <= 10
    # Reads are not limited, and each token has its own budget.
    assert (
        requests.get(hub.url + "/api/v1/stats", headers=hub.headers(), timeout=TIMEOUT).status_code
        == 200
    )
    other = hub.process.token("device-other")
    assert statuses(push(hub, item(), token=other)) == [("created", None)]


def test_acknowledged_batches_survive_a_killed_hub(hub):
    events = [item(phone=phone(i)) for i in range(30)]
    push(hub, *events)
    hub.process.stop(kill=True)
    hub.process.start()
    assert len(all_registrations(hub)) == 30
    assert {r["status"] for r in push(hub, *events)} == {"duplicate"}
