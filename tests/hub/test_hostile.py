"""Hostile input against a real hub process (SQLite and PostgreSQL): never a 5xx, never a
trace of a name or phone number in the hub's log, and nothing stored that should not be.

Each test sends its inputs, checks the answers, then `after_barrage` checks the rest: no
server error, no personal value from the inputs in the log, the tables as they were
(or changed only by the rows the test means to store).
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
import requests
from sqlalchemy import select, text

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import EVENTS, JOBS, REGS, TOKENS
from tests.hub.payloads import item
from tests.hub.signup import PAGE_ARGS, fields, put_jobs, same_origin, submit

TIMEOUT = (5, 30)
# Personal values sent by the barrage: none may reach the log. Distinct from every other
# test's, so a hit is this test's.
NAMES = ["欧阳秘密", "司马隐私", "Secretina"]
PHONES = ["13911110001", "13711110002", "15811110003"]
BAD_DATES = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "1969-12-31T23:59:59+00:00",
             "3000-01-01T00:00:00+00:00", "0001-01-01", "2026-13-01T00:00:00"]  # fmt: skip
TIME_FIELDS = ("consented_at", "created_at", "updated_at")


class Barrage:
    """Sends requests to one hub and keeps every answer for the checks at the end."""

    def __init__(self, hub):
        self.hub = hub
        self.answers: list[tuple[str, requests.Response]] = []

    def send(self, method: str, path: str, *, label: str = "", **kw) -> requests.Response:
        kw.setdefault("timeout", TIMEOUT)
        kw.setdefault("allow_redirects", False)
        r = requests.request(method, self.hub.url + path, **kw)
        self.answers.append((label or f"{method} {path}", r))
        return r

    def raw(self, method: str, path: str, body: bytes | str, *, admin: bool = False,
            content_type: str | None = "application/json", **kw) -> requests.Response:  # fmt: skip
        headers = dict(self.hub.admin_headers if admin else self.hub.headers())
        if content_type is not None:
            headers["Content-Type"] = content_type
        if isinstance(body, str):
            body = body.encode("utf-8")
        return self.send(method, path, data=body, headers=headers, label=kw.pop("label", ""), **kw)

    def batch(self, *items: dict | str, **kw) -> requests.Response:
        """POST a batch; an item given as a str is spliced in as raw JSON (NaN and the like)."""
        parts = [i if isinstance(i, str) else json.dumps(i) for i in items]
        return self.raw("POST", "/api/v1/registrations/batch", '{"items": [' + ",".join(parts) + "]}", **kw)  # fmt: skip

    def jobs(self, jobs: list[dict] | str) -> requests.Response:
        body = jobs if isinstance(jobs, str) else json.dumps({"jobs": jobs})
        return self.raw("PUT", "/api/v1/jobs", body, admin=True)


def snapshot(hub) -> dict[str, list[tuple]]:
    """Every stored row of the tables a hostile request could touch."""
    db = HubDB(hub.db_url)
    tables = {}
    try:
        with db.read() as conn:
            for table in (REGS, EVENTS, JOBS, TOKENS):
                rows = conn.execute(select(table).order_by(*table.primary_key.columns))
                tables[table.name] = [tuple(r) for r in rows]
    finally:
        db.close()
    return tables


def after_barrage(barrage: Barrage, before: dict, *, expected_new: dict[str, int] | None = None):
    """No 5xx; the tables as `before` apart from `expected_new` new rows; no personal value
    from NAMES/PHONES in the log (read after the hub stopped, so it is complete)."""
    server_errors = [(label, r.status_code, r.text[:200]) for label, r in barrage.answers
                     if r.status_code >= 500]  # fmt: skip
    assert not server_errors, server_errors
    for label, r in barrage.answers:
        assert "Traceback" not in r.text, label
    after = snapshot(barrage.hub)
    expected_new = expected_new or {}
    for table, rows in before.items():
        kept = [row for row in after[table] if row in rows]
        assert kept == rows, f"{table}: a row changed or went"
        assert len(after[table]) - len(rows) == expected_new.get(table, 0), table
    barrage.hub.process.stop()
    log = barrage.hub.process.log_tail(10**8)
    assert "Started server process" in log or "Uvicorn running" in log  # the log is the hub's
    for secret in (*NAMES, *PHONES, PHONES[0][3:], f"{PHONES[0][:3]} {PHONES[0][3:7]}"):
        assert secret not in log, secret
    assert "Traceback" not in log  # nothing failed


def personal(n: int = 0, **fields) -> dict:
    """A batch item carrying one of the secret names and phones."""
    base = {"name": NAMES[n % len(NAMES)], "phone": PHONES[n % len(PHONES)]}
    return item(**{**base, **fields})


def splice(it: dict, **raw: str) -> str:
    """`it` as JSON with some payload values replaced by raw JSON text (NaN, 1e400…)."""
    payload = {**it["payload"], **{k: f"@@{k}@@" for k in raw}}
    text_ = json.dumps({**it, "payload": payload}, ensure_ascii=False)
    for k, v in raw.items():
        text_ = text_.replace(f'"@@{k}@@"', v)
    return text_


@pytest.fixture
def hostile(hub_factory):
    """A hub with the page's settings, a catalogue, one stored sign-up; its table snapshot."""
    hub = hub_factory(args=PAGE_ARGS)
    put_jobs(hub)
    stored = item(name="已存的人", phone="13600000001")
    r = requests.post(hub.url + "/api/v1/registrations/batch", json={"items": [stored]},
                      headers=hub.headers(), timeout=TIMEOUT)  # fmt: skip
    assert r.json()["results"][0]["status"] == "created", r.text
    return Barrage(hub), snapshot(hub), stored


def results_of(r: requests.Response) -> list[tuple[str, str | None]]:
    assert r.status_code == 200, r.text
    return [(x["status"], x["reason"]) for x in r.json()["results"]]


def test_non_finite_numbers_reject_only_their_item(hostile):
    barrage, before, _stored = hostile
    bad = [splice(personal(i), **{key: value})
           for i, (key, value) in enumerate([("age", "NaN"), ("seq", "Infinity"), ("erased_at", "-Infinity"),
                                             ("phone_warning_overridden", "1e400"), ("note", "[1, NaN]")])]  # fmt: skip
    good = item(name="好人", phone="13600000002")
    r = barrage.batch(*bad, good)
    assert results_of(r) == [("rejected", "payload_invalid")] * len(bad) + [("created", None)]
    # A non-finite number where the schema wants one: the request is refused, with a reason.
    nan_version = json.dumps(personal(1)).replace('"base_version": 0', '"base_version": NaN')
    assert barrage.batch(nan_version).status_code == 422
    assert barrage.raw("POST", "/api/v1/registrations/batch", '{"items": NaN}').status_code == 422
    after_barrage(barrage, before, expected_new={"registrations": 1, "events": 1})


def test_the_validation_error_that_logged_a_name_and_phone(hostile):
    """Today's leak: a 422 whose error list could not be written as JSON (NaN in it) went to
    the 500 handler, which logged the validation error, inputs (the whole item) included."""
    barrage, before, _stored = hostile
    nan_version = json.dumps(personal(0), ensure_ascii=False).replace('"base_version": 0', '"base_version": NaN')  # fmt: skip
    no_fingerprint = {k: v for k, v in personal(1).items() if k != "fingerprint"}
    r = barrage.batch(nan_version, no_fingerprint)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert {tuple(e["loc"][-1:]) for e in detail} == {("base_version",), ("fingerprint",)}
    assert all(set(e) == {"loc", "msg", "type"} for e in detail)  # never "input"
    for secret in (*NAMES, *PHONES):
        assert secret not in r.text
    after_barrage(barrage, before)


def test_out_of_range_dates_reject_only_their_item(hostile):
    barrage, before, stored = hostile
    items = [personal(i, **{name: date}) for i, (name, date) in
             enumerate((n, d) for n in TIME_FIELDS for d in BAD_DATES)]  # fmt: skip
    r = barrage.batch(*items)
    assert results_of(r) == [("rejected", f"{n}_invalid") for n in TIME_FIELDS for _ in BAD_DATES]
    amend = item(stored["client_id"], "amend", base_version=1, name="改名", phone="13600000001",
                 updated_at=BAD_DATES[0])  # fmt: skip
    assert results_of(barrage.batch(amend)) == [("rejected", "updated_at_invalid")]
    after_barrage(barrage, before)


GOOD_JOB = {"code": "OK1", "title": "普工"}
BAD_JOBS = [
    ({"headcount": int("9" * 400)}, "headcount"),
    ({"headcount": -1}, "headcount"),
    ({"headcount": 100_001}, "headcount"),
    ({"headcount": 2**63}, "headcount"),
    ({"salary_min": 1e308}, "salary_min"),
    ({"salary_max": -5}, "salary_max"),
    ({"salary_min": 10**30}, "salary_min"),
    ({"age_min": 121}, "age_min"),
    ({"age_max": -1}, "age_max"),
    ({"code": "J1\r\n"}, "code"),
    ({"code": "J1\x00"}, "code"),
    ({"code": "J 1"}, "code"),
    ({"code": "J/1"}, "code"),
    ({"code": "J" * 33}, "code"),
    ({"code": "岗位1"}, "code"),
    ({"code": ""}, "code"),
    ({"title": "普工\x00"}, "title"),
    ({"title": "普工\r\n第二行"}, "title"),
    ({"title": "\u200b\u202e"}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"company": "\x1b[2J厂"}, "company"),
    ({"city": "东\ud800莞"}, "city"),
    ({"benefits": ["包吃\n包住"]}, "benefits"),
    ({"benefits": ["福利"] * 51}, "benefits"),
    ({"requirements": "要求\x00"}, "requirements"),
    ({"shift": 3}, "shift"),
    ({"urgent": "very"}, "urgent"),
]


def test_the_catalogue_refuses_what_would_break_a_desktop_and_keeps_the_old_one(hostile):
    barrage, before, _stored = hostile
    etag = barrage.send("GET", "/api/v1/jobs", headers=barrage.hub.headers()).headers["ETag"]
    for change, field in BAD_JOBS:
        r = barrage.jobs([GOOD_JOB, {**GOOD_JOB, "code": "OK2", **change}])
        assert r.status_code == 422, (change, r.text)
        detail = r.json()["detail"]
        assert detail[0]["loc"][:4] == ["body", "jobs", 1, field], r.text
        assert all(set(e) == {"loc", "msg", "type"} for e in detail)  # no "input" echoed
    for change, field in (({"salary_min": 9000, "salary_max": 8000}, "salary_min"),
                          ({"age_min": 46, "age_max": 18}, "age_min")):  # fmt: skip
        r = barrage.jobs([GOOD_JOB, {**GOOD_JOB, "code": "OK2", **change}])
        assert r.status_code == 422, (change, r.text)
        (error,) = r.json()["detail"]
        assert error["loc"] == ["body", "jobs", 1] and field in error["msg"], r.text
    for raw in ('{"jobs": [{"code": "N1", "title": "t", "salary_min": NaN}]}',
                '{"jobs": [{"code": "N1", "title": "t", "salary_max": Infinity}]}',
                '{"jobs": [{"code": "N1", "title": "t", "salary_max": 1e400}]}'):  # fmt: skip
        assert barrage.jobs(raw).status_code == 422, raw
    r = barrage.send("GET", "/api/v1/jobs", headers=barrage.hub.headers())
    assert r.status_code == 200 and r.headers["ETag"] == etag
    after_barrage(barrage, before)


def test_catalogue_text_loses_invisible_characters(hub):
    jobs = [{"code": "INV", "title": "\u202e冰箱\u200b总装", "company": "\ufeff美的",
             "benefits": ["包\u2066吃"], "requirements": "能上\u200d夜班\n两班倒"}]  # fmt: skip
    r = requests.put(hub.url + "/api/v1/jobs", json={"jobs": jobs}, headers=hub.admin_headers, timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 200, r.text
    (job,) = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT).json()["jobs"]  # fmt: skip
    assert (job["title"], job["company"], job["benefits"], job["requirements"]) == (
        "冰箱总装", "美的", ["包吃"], "能上夜班\n两班倒"
    )  # fmt: skip


def test_a_catalogue_stored_before_the_rules_does_not_break_the_pull(hub):
    put_jobs(hub)
    db = HubDB(hub.db_url)
    try:
        with db.write() as conn:  # as an older hub stored them
            bad = [{**GOOD_JOB, "code": "OLD1", "headcount": int("9" * 400)},
                   {**GOOD_JOB, "code": "OLD2\r\n"}, {**GOOD_JOB, "code": "OLD3", "salary_min": float("nan")}]  # fmt: skip
            conn.execute(JOBS.insert(), [{"code": j["code"], "position": 100 + i, "data": json.dumps(j)}
                                         for i, j in enumerate(bad)])  # fmt: skip
    finally:
        db.close()
    r = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    codes = [j["code"] for j in r.json()["jobs"]]
    assert "J1" in codes and not any(c.startswith("OLD") for c in codes)


def test_names_lose_invisible_characters_on_the_hub(hub):
    cases = [item(name="\u202e张三\u200b", phone="13600000011", note="夜\ufeff班", current_city="\u2066东莞"),
             item(name="\u202e\u200b\U000e0041", phone="13600000012"),
             item(name=" \ufeff ", phone="13600000013")]  # fmt: skip
    r = requests.post(hub.url + "/api/v1/registrations/batch", json={"items": cases},
                      headers=hub.headers(), timeout=TIMEOUT)  # fmt: skip
    assert results_of(r) == [
        ("created", None),
        ("rejected", "name_missing"),
        ("rejected", "name_missing"),
    ]
    made = requests.post(hub.url + "/api/v1/registrations/hub",
                         json={"job_code": "J1", "name": "\ufeff李四\u202e", "phone": "13600000014"},
                         headers=hub.admin_headers, timeout=TIMEOUT)  # fmt: skip
    assert made.status_code == 201 and made.json()["name"] == "李四", made.text
    rows = requests.get(hub.url + "/api/v1/registrations", headers=hub.admin_headers, timeout=TIMEOUT).json()["items"]  # fmt: skip
    first = next(r for r in rows if r["client_id"] == cases[0]["client_id"])
    assert first["name"] == "张三"
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            note, city = conn.execute(select(REGS.c.note, REGS.c.current_city).where(
                REGS.c.client_id == cases[0]["client_id"])).one()  # fmt: skip
    finally:
        db.close()
    assert (note, city) == ("夜班", "东莞")


def test_the_page_cleans_names_too(hub_factory):
    hub = hub_factory(args=PAGE_ARGS)
    put_jobs(hub)
    r = submit(hub, name="\u202e王五\u200b", phone="13600000021")
    assert r.status_code in (302, 303), r.text[-500:]
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            names = conn.execute(select(REGS.c.name).where(REGS.c.phone == "13600000021")).scalars().all()  # fmt: skip
    finally:
        db.close()
    assert names == ["王五"]


def test_bodies_that_are_not_json_are_400_and_the_wrong_shape_422(hostile):
    barrage, before, _stored = hostile
    it = json.dumps(personal(0), ensure_ascii=False)
    not_json = {
        "garbage": "not json at all",
        "truncated": '{"items": [' + it,
        "latin-1": ('{"items": [' + it + "]}").encode("gb18030"),
        "utf-16": ('{"items": [' + it + "]}").encode("utf-16"),
        "deep": '{"items": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "duplicate key": '{"items": [], "items": [' + it + "]}",
        "duplicate key in a payload": '{"items": [' + it.replace('"payload": {', '"payload": {"name": "x", ') + "]}",
        "huge int": '{"items": [' + it.replace('"base_version": 0', '"base_version": ' + "9" * 5000) + "]}",
        "bare NUL": '{"items": [\x00]}',
    }  # fmt: skip
    for label, body in not_json.items():
        r = barrage.raw("POST", "/api/v1/registrations/batch", body, label=label)
        assert r.status_code == 400, (label, r.text)
        assert set(r.json()) == {"detail"} and "JSON" in r.json()["detail"]
    wrong_shape = {
        "array": "[]", "string": '"items"', "null": "null", "number": "1e400",
        "items a string": '{"items": "x"}', "payload a list": '{"items": [' + json.dumps({**personal(1), "payload": [1]}) + "]}",
        "base_version huge": '{"items": [' + it.replace('"base_version": 0', '"base_version": ' + "9" * 30) + "]}",
        "event type": '{"items": [' + it.replace('"event_type": "create"', '"event_type": "delete"') + "]}",
        "client id surrogate": '{"items": [' + it.replace('"client_id": "', '"client_id": "\\ud800') + "]}",
        "client id NUL": '{"items": [' + it.replace('"client_id": "', '"client_id": "\\u0000') + "]}",
        "client id long": '{"items": [' + it.replace('"client_id": "', '"client_id": "' + "a" * 100) + "]}",
        "101 items": json.dumps({"items": [personal(i) for i in range(101)]}),
    }  # fmt: skip
    for label, body in wrong_shape.items():
        r = barrage.raw("POST", "/api/v1/registrations/batch", body, label=label)
        assert r.status_code == 422, (label, r.text)
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None):  # fmt: skip
        r = barrage.raw("POST", "/api/v1/registrations/batch", '{"items": [' + it + "]}", content_type=content_type)  # fmt: skip
        assert r.status_code == 422, (content_type, r.text)
    for body in (
        "",
        "{}",
        '{"client_ids": ["\\u0000"]}',
        '{"client_ids": [' + ",".join(['"a"'] * 501) + "]}",
    ):
        assert barrage.raw("POST", "/api/v1/registrations/lookup", body).status_code in (
            400,
            422,
        ), body
    for secret in (*NAMES, *PHONES):
        assert all(secret not in r.text for _, r in barrage.answers), secret
    after_barrage(barrage, before)


def test_strange_text_in_a_payload_rejects_only_its_item(hostile):
    barrage, before, _stored = hostile
    raw_surrogate = splice(personal(0), name='"\\ud800秘"')
    items = [
        (raw_surrogate, "payload_invalid"),  # UTF-8 cannot carry it, nor the stored event
        (personal(1, name="张\x00三"), "name_invalid_char"),
        (personal(2, name="x" * 100_000), "name_too_long"),
        (personal(0, note="\x1b[2J" + "n" * 10), "note_invalid_char"),
        (personal(1, job_code="J1\r\nX"), "job_code_invalid_char"),
        (personal(2, job_code="J" * 65), "job_code_too_long"),
        (personal(0, age=10**300), "age_out_of_range"),
        (personal(1, age=None, birth_year=-(10**300)), "birth_year_out_of_range"),
        (personal(2, age=True), "age_invalid"),
        (personal(0, name=["张三"]), "name_invalid"),
        (personal(1, phone=13911110001), "phone_invalid"),
        (personal(2, consented_at=20261126), "consented_at_invalid"),
        (personal(0, phone="13911110001\x00"), "phone_not_mobile"),
        (splice(personal(1), extra='{"a": ' * 200 + "1" + "}" * 200), None),  # deep but fine
    ]
    r = barrage.batch(*[i for i, _ in items])
    got = results_of(r)
    assert got[:-1] == [("rejected", reason) for _, reason in items[:-1]]
    assert got[-1] == ("created", None)
    after_barrage(barrage, before, expected_new={"registrations": 1, "events": 1})


def test_query_parameters_headers_and_paths_are_bounded(hostile):
    barrage, before, _stored = hostile
    headers = barrage.hub.headers()
    for params in ({"since": -1}, {"since": 2**63}, {"since": "1e5"}, {"since": "9" * 5000},
                   {"since": ""}, {"limit": 0}, {"limit": 10**20}, {"limit": "NaN"},
                   {"origin": "hub\x00"}, {"origin": "x" * 10_000}):  # fmt: skip
        r = barrage.send("GET", "/api/v1/registrations", params=params, headers=headers)
        assert r.status_code == 422, (params, r.text)
    for path in ("/api/v1/registrations?since=%00", "/api/v1/registrations?since=0&since=1",
                 "/api/v1/registrations?limit=1%00", "/api/v1/jobs?x=%ff%fe",
                 "/api/v1/%00", "/api/v1/registrations/%E2%80%AE", "/healthz?%00=1"):  # fmt: skip
        r = barrage.send("GET", path, headers=headers)
        assert r.status_code < 500, (path, r.text)
    for value, status in (("*" * 8000, 422), ('"' + "a" * 1100, 422), ("W/", 200), (",,,,", 200),
                          ("\u00ff", 200), ("*", 304)):  # fmt: skip
        r = barrage.send(
            "GET", "/api/v1/jobs", headers={**headers, "If-None-Match": value.encode("latin-1")}
        )
        assert r.status_code == status, value[:20]
    for auth in (
        "Bearer " + "x" * 8000,
        "Bearer \xff",
        "Bearer hd_" + PHONES[0],
        "Bearer",
        "bearer  ",
    ):
        r = barrage.send(
            "GET", "/api/v1/registrations", headers={"Authorization": auth.encode("latin-1")}
        )
        assert r.status_code in (400, 401, 431), auth
    after_barrage(barrage, before)


def test_the_page_takes_hostile_paths_and_fields_without_a_server_error(hostile):
    """NUL in /j/{code}, /j/{code}/done and the form's d field (a 500 on PostgreSQL with a
    traceback in the log, before the page was hardened), and more like them."""
    barrage, before, _stored = hostile
    for path in ("/j/%00", "/j/J1%00", "/j/%00/done", "/j/J1%00/done", "/j/J1/done?n=%00",
                 "/j/J1?d=%00", "/j/J1?d=" + quote("\u202e" + PHONES[1]), "/j/" + "J" * 5000,
                 "/j/%ED%A0%80", "/j/%ff", "/j/J1?s=%00", "/j/..%2f..%2fetc%2fpasswd", "/static/%00"):  # fmt: skip
        r = barrage.send("GET", path)
        assert r.status_code < 500, (path, r.status_code)
    hub = barrage.hub
    for over in ({"d": "\x00"}, {"d": "dev\x00ice"}, {"s": "\x00"}, {"name": NAMES[0] + "\x00"},
                 {"expected_city": "\x00"}, {"age": "\x00"}, {"d": "x" * 5000}):  # fmt: skip
        r = submit(hub, phone=PHONES[2], **{"name": NAMES[1], **over})
        barrage.answers.append((f"POST /j/J1 {sorted(over)}", r))
        assert r.status_code < 500, over
    for code in ("J1%00", "%00"):
        r = barrage.send("POST", f"/j/{code}", data=fields(name=NAMES[2], phone=PHONES[0]),
                         headers=same_origin(hub))  # fmt: skip
        assert r.status_code < 500, code
    rows = snapshot(hub)["registrations"]
    # Refused, or stored without the NUL; one phone and job: one row a day at most.
    assert not any("\x00" in str(v) for row in rows for v in row)
    new = len(rows) - len(before["registrations"])
    assert new in (0, 1)
    after_barrage(barrage, before, expected_new={"registrations": new})


def test_hostile_erasure_requests_erase_nothing_and_log_nothing(hostile):
    barrage, before, _stored = hostile
    bodies = {
        "NaN phone": '{"phone": NaN}',
        "duplicate key": '{"phone": "13600000001", "phone": "' + PHONES[0] + '"}',
        "both keys": json.dumps({"phone": PHONES[1], "client_id": "x"}),
        "neither": "{}",
        "NUL phone": json.dumps({"phone": PHONES[2] + "\x00"}),  # sent as \u0000
        "surrogate": json.dumps({"phone": "\ud800"}),
        "long": json.dumps({"phone": "1" * 10_000}),
        "number": json.dumps({"phone": int(PHONES[0])}),
        "not a mobile": json.dumps({"phone": NAMES[0]}),
        "client id NUL": json.dumps({"client_id": "a\x00"}),
        "not JSON": PHONES[0],
    }
    for label, body in bodies.items():
        r = barrage.raw("POST", "/api/v1/erasures", body, admin=True, label=label)
        assert r.status_code in (400, 422), (label, r.status_code, r.text)
        for secret in (*NAMES, *PHONES):
            assert secret not in r.text, label
    after_barrage(barrage, before)


def test_a_database_error_logs_no_parameters(hub):
    """An unexpected database failure (here: a row the database refuses) is a 500 whose log
    entry names the error's type, not its message, which would quote the phone number."""
    db = HubDB(hub.db_url)
    try:
        with db.write() as conn:  # a trigger that makes every registration insert fail
            if hub.database == "postgresql":
                conn.execute(text("CREATE FUNCTION nope() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'nope'; END $$ LANGUAGE plpgsql"))  # fmt: skip
                conn.execute(text("CREATE TRIGGER nope BEFORE INSERT ON registrations FOR EACH ROW EXECUTE FUNCTION nope()"))  # fmt: skip
            else:
                conn.execute(text("CREATE TRIGGER nope BEFORE INSERT ON registrations BEGIN SELECT RAISE(ABORT, 'nope'); END"))  # fmt: skip
    finally:
        db.close()
    r = requests.post(hub.url + "/api/v1/registrations/batch", json={"items": [personal(0)]},
                      headers=hub.headers(), timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 500 and r.json() == {"detail": "internal error"}
    assert PHONES[0] not in r.text
    hub.process.stop()
    log = hub.process.log_tail(10**8)
    assert "internal error" in log and "message withheld" in log
    assert PHONES[0] not in log and NAMES[0] not in log


def test_strict_json_reader():
    from hostdesk.hub.strict_json import NON_FINITE, loads

    assert loads(b'{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}
    assert loads(b'{"a": NaN, "b": [Infinity, -Infinity, 1e400]}') == {
        "a": NON_FINITE,
        "b": [NON_FINITE] * 3,
    }
    for bad in (b'{"a": 1, "a": 2}', b"\xff", b"[" * 100_000 + b"]" * 100_000, b"1" * 5000, b"nan"):
        with pytest.raises((ValueError, RecursionError)):
            loads(bad)


def test_the_back_office_takes_hostile_filters_ids_and_forms(hostile):
    """The staff's desk (/office/): hostile query filters, lead ids and form fields on a
    signed-in admin session; a lead that exists is left as it was."""
    from tests.hub.office import add_user, signed_in

    barrage, before, _stored = hostile
    hub = barrage.hub
    add_user(hub, "boss", "admin")
    session, csrf = signed_in(hub, "boss")
    (reg_id,) = (row[0] for row in before["registrations"])
    hostile_values = ["\x00", "%00", "9" * 5000, "2147483648", "99999999999", "-1", "1e400", "NaN", "\u202e" + PHONES[0],
                      NAMES[0] + "\x00", "' OR 1=1 --", "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")]  # fmt: skip
    filters = ("job", "employer", "session", "device", "day", "source", "stage", "owner", "q",
               "queue", "page", "done")  # fmt: skip
    for key in filters:
        for value in hostile_values:
            r = session.get(f"{hub.url}/office/leads", params={key: value}, timeout=TIMEOUT,
                            allow_redirects=False)  # fmt: skip
            barrage.answers.append((f"GET /office/leads {key}", r))
            assert r.status_code < 500, (key, value[:20], r.status_code)
    for raw_id in ("%00", "0", "-1", "2147483648", "9" * 12, "9" * 13, "9" * 5000, "1e3",
                   "%E2%80%AE1", "１"):  # fmt: skip
        for suffix in ("", "?done=%00"):
            r = session.get(f"{hub.url}/office/leads/{raw_id}{suffix}", timeout=TIMEOUT,
                            allow_redirects=False)  # fmt: skip
            barrage.answers.append((f"GET /office/leads/{raw_id[:20]}", r))
            assert r.status_code < 500, raw_id[:20]
    headers = {"Origin": hub.url}
    forms = [("stage", {"to": v, "from": v, "note": v}) for v in hostile_values]
    forms += [("call", {"outcome": v}) for v in hostile_values]
    forms += [("owner", {"owner": v}) for v in hostile_values]
    for target in (str(reg_id), "999999999999", "2147483648", "%00"):
        for action, data in forms:
            r = session.post(f"{hub.url}/office/leads/{target}/{action}",
                             data={"csrf": csrf, **data}, headers=headers, timeout=TIMEOUT,
                             allow_redirects=False)  # fmt: skip
            barrage.answers.append((f"POST {action}", r))
            assert r.status_code < 500, (target, action, data)
    for data in ({"ids": ["\x00", "1"], "owner": "\x00"}, {"ids": ["9" * 5000]}, {"owner": "1"}):
        r = session.post(f"{hub.url}/office/leads/assign", data={"csrf": csrf, **data},
                         headers=headers, timeout=TIMEOUT, allow_redirects=False)  # fmt: skip
        barrage.answers.append(("POST assign", r))
        assert r.status_code < 500, data
    after_barrage(barrage, before)
