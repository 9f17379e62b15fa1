"""The viewers' sign-up page (/j/{code}) over HTTP against a real hub, SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
import requests
from sqlalchemy import text

from hostdesk.hub.db import HubDB
from hostdesk.hub.signup_form import MESSAGES, NOTICE_VERSION
from tests.conftest import run_cli
from tests.hub.conftest import Hub
from tests.hub.harness import HubProcess
from tests.hub.signup import (
    AGENCY,
    HOSTILE,
    PAGE_ARGS,
    RETENTION,
    TIMEOUT,
    errors_of,
    fields,
    hub_rows,
    old_token,
    put_jobs,
    same_origin,
    submit,
    value_of,
    visitor_session,
)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


@pytest.fixture
def page_hub(hub_factory):
    """A hub with the page's settings given and no page rate limit, the catalogue loaded."""
    hub = hub_factory(args=PAGE_ARGS)
    put_jobs(hub)
    return hub


def assert_friendly(r: requests.Response, status: int, *phrases: str) -> None:
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html"), r.headers
    assert r.headers["content-security-policy"] == CSP
    assert "Traceback" not in r.text and '"detail"' not in r.text
    for phrase in phrases:
        assert phrase in r.text, (phrase, r.text[-1500:])


def test_the_page_shows_the_job_the_notice_and_the_form(page_hub):
    r = requests.get(f"{page_hub.url}/j/J1?s=S9&d=studio-1", timeout=TIMEOUT)
    assert_friendly(r, 200, "冰箱总装普工", "美的冰箱厂", "佛山", "6000-8000元/月", "包吃住",
                    "五险一金", "两班倒", "18-45岁", "急招", "称呼", "手机号", "年龄", "期望城市")  # fmt: skip
    page = r.text
    assert r.headers["cache-control"] == "no-store"
    assert '<html lang="zh-CN">' in page
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
    assert 'inputmode="tel"' in page and 'inputmode="numeric"' in page
    # The notice: what, why, who (agency; the employer only with the second tick), how long.
    for phrase in ("称呼、手机号、年龄", "联系你、安排面试", AGENCY, f"{RETENTION} 天",
                   "撤回", "用人单位美的冰箱厂"):  # fmt: skip
        assert phrase in page, phrase
    assert 'name="consent"' in page and 'name="employer_consent"' in page
    assert value_of(page, "s") == "S9" and value_of(page, "d") == "studio-1"
    # The honeypot is there for bots and out of the way for people.
    assert '<div class="website-field" aria-hidden="true">' in page
    assert 'name="website" type="text" tabindex="-1" autocomplete="off"' in page
    # No inline script: only the static file (the CSP forbids the rest).
    assert '<script src="/static/signup.js' in page and "<script>" not in page
    assert "onclick" not in page and "style=" not in page
    for asset in ("/static/signup.js", "/static/signup.css"):
        assert requests.get(page_hub.url + asset, timeout=TIMEOUT).status_code == 200
    # A job without an employer has no employer tick, and its pay is the catalogue's.
    other = requests.get(f"{page_hub.url}/j/J2", timeout=TIMEOUT).text
    assert "22元/小时" in other and 'name="employer_consent"' not in other


def test_unknown_closed_and_paused_jobs_get_a_friendly_page_and_store_nothing(page_hub):
    assert_friendly(requests.get(f"{page_hub.url}/j/NOPE", timeout=TIMEOUT), 404, "没有找到这个岗位", "直播间")  # fmt: skip
    assert_friendly(requests.get(f"{page_hub.url}/j/CLOSED", timeout=TIMEOUT), 410, "已招满", "直播间")  # fmt: skip
    assert_friendly(requests.get(f"{page_hub.url}/j/PAUSED", timeout=TIMEOUT), 410, "暂停招聘")
    session, visitor = visitor_session(page_hub)
    for code, status in (("CLOSED", 410), ("PAUSED", 410), ("NOPE", 404)):
        data = fields(csrf=old_token(page_hub, code, 0, visitor))
        r = session.post(f"{page_hub.url}/j/{code}", data=data, headers=same_origin(page_hub),
                         timeout=TIMEOUT)  # fmt: skip
        assert_friendly(r, status)
    # Paths and methods that are not pages still answer in HTML, never JSON.
    assert_friendly(requests.put(f"{page_hub.url}/j/J1", timeout=TIMEOUT), 405)
    assert_friendly(requests.get(f"{page_hub.url}/j/J1/x/y", timeout=TIMEOUT), 404)
    assert hub_rows(page_hub) == []


def test_markup_in_job_text_is_shown_as_text(page_hub):
    r = requests.get(f"{page_hub.url}/j/HOSTILE", timeout=TIMEOUT)
    assert r.status_code == 200
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"  # HOSTILE, as text
    assert f"普工{escaped}" in r.text
    assert f"&lt;b&gt;厂&lt;/b&gt;{escaped}" in r.text
    assert f"包吃{escaped}" in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text
    assert "<script>alert" not in r.text and "<b>厂" not in r.text and "<img" not in r.text
    # The success page shows the title too: escaped there as well.
    done = submit(page_hub, "HOSTILE")
    assert done.status_code == 303
    page = requests.get(page_hub.url + done.headers["location"], timeout=TIMEOUT).text
    assert f"普工{escaped}" in page and "<script>alert" not in page


def test_markup_typed_into_the_form_is_stored_as_text_or_refused_never_rendered(page_hub):
    # Short enough to be a valid name and city: stored exactly as typed, as text.
    r = submit(page_hub, name="<b>王</b>", expected_city="<i>东莞</i>", phone="13900000001")
    assert r.status_code == 303, r.text
    page = requests.get(page_hub.url + r.headers["location"], timeout=TIMEOUT).text
    assert "<b>王" not in page and "<i>东莞" not in page
    (row,) = hub_rows(page_hub)
    assert (row["name"], row["phone"]) == ("<b>王</b>", "13900000001")
    # Too long for a name: refused, and the page that says so shows it as text.
    r = submit(page_hub, name=HOSTILE, phone="13900000002", expected_city="<svg/onload=x>")
    assert r.status_code == 422
    assert value_of(r.text, "name") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    assert value_of(r.text, "expected_city") == "&lt;svg/onload=x&gt;"
    assert "<script>alert" not in r.text and "<svg" not in r.text
    assert errors_of(r.text) == {"name": MESSAGES["name_too_long"]}
    assert len(hub_rows(page_hub)) == 1


def test_a_valid_sign_up_is_stored_once_with_its_attribution(page_hub):
    session = requests.Session()
    r = submit(page_hub, session=session, phone="＋86 139-0000 0003", name="  李四  ",
               age="２２", expected_city="深圳", d="device-x", employer_consent="yes")  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == "/j/J1/done"
    done = session.get(page_hub.url + r.headers["location"], timeout=TIMEOUT)
    assert_friendly(done, 200, "报名成功", "冰箱总装普工", "尾号 0003", AGENCY)
    assert "13900000003" not in done.text and "139-0000" not in done.text
    (row,) = hub_rows(page_hub)
    assert {k: row[k] for k in ("job_code", "job_title", "session_id", "name", "phone", "age",
                                "origin", "source", "consent_method", "notice_version",
                                "status", "version", "employer_consent")} == {
        "job_code": "J1", "job_title": "冰箱总装普工", "session_id": "S-2026-11-26",
        "name": "李四", "phone": "13900000003", "age": 22, "origin": "hub", "source": "qr",
        "consent_method": "checkbox", "notice_version": NOTICE_VERSION, "status": "active",
        "version": 1, "employer_consent": True,
    }  # fmt: skip
    assert row["device"] is None  # "device-x" is no token of this hub
    assert row["consented_at"] == row["created_at"]


def test_the_device_is_kept_only_when_it_names_a_device_token(page_hub):
    page_hub.process.token("studio-7")
    admin_name = "admin-of-the-page"
    page_hub.process.token(admin_name, admin=True)
    cases = [("studio-7", "13900000011"), (admin_name, "13900000012"),
             ("nobody", "13900000013"), ("", "13900000014")]  # fmt: skip
    for d, phone in cases:
        assert submit(page_hub, d=d, phone=phone).status_code == 303
    sessions = [("x" * 65, "13900000015"), ("会话", "13900000016"), ("a\tb", "13900000017")]
    for s, phone in sessions:
        assert submit(page_hub, s=s, phone=phone).status_code == 303
    got = {r["phone"]: (r["device"], r["session_id"], r["employer_consent"]) for r in hub_rows(page_hub)}  # fmt: skip
    assert got == {
        "13900000011": ("studio-7", "S-2026-11-26", False),
        "13900000012": (None, "S-2026-11-26", False),
        "13900000013": (None, "S-2026-11-26", False),
        "13900000014": (None, "S-2026-11-26", False),
        "13900000015": (None, "", False),
        "13900000016": (None, "", False),
        "13900000017": (None, "", False),
    }


def test_the_same_phone_for_the_same_job_is_one_row_and_another_job_another(page_hub):
    first = submit(page_hub, phone="13900000021")
    again = submit(page_hub, phone="139 0000 0021", name="换个称呼")  # typed differently
    assert first.status_code == again.status_code == 303
    assert again.headers["location"] == first.headers["location"]
    other_job = submit(page_hub, "J2", phone="13900000021")
    assert other_job.status_code == 303
    rows = hub_rows(page_hub)
    assert sorted((r["job_code"], r["name"]) for r in rows) == [("J1", "张三"), ("J2", "张三")]


def test_concurrent_repeats_of_one_sign_up_store_one_row(page_hub):
    barrier = threading.Barrier(6)
    statuses: list[int] = []

    def go():
        session = requests.Session()
        token = submit(page_hub, session=session, phone="1")  # a 422 that hands out a token
        data = fields(phone="13900000031", csrf=value_of(token.text, "csrf"))
        barrier.wait(timeout=30)
        r = session.post(f"{page_hub.url}/j/J1", data=data, headers=same_origin(page_hub),
                         allow_redirects=False, timeout=TIMEOUT)  # fmt: skip
        statuses.append(r.status_code)

    threads = [threading.Thread(target=go) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert statuses == [303] * 6
    assert [r["phone"] for r in hub_rows(page_hub)] == ["13900000031"]


def test_invalid_input_re_renders_the_form_with_messages_and_the_typing_kept(page_hub):
    r = submit(page_hub, name="  ", phone="138 0013 800", age="十五", expected_city="城" * 21,
               consent=None, employer_consent="yes")  # fmt: skip
    assert_friendly(r, 422, "冰箱总装普工")
    assert errors_of(r.text) == {
        "name": MESSAGES["name_missing"], "phone": MESSAGES["phone_not_mobile"],
        "age": MESSAGES["age_invalid"], "expected_city": MESSAGES["expected_city_too_long"],
        "consent": MESSAGES["consent_missing"],
    }  # fmt: skip
    assert value_of(r.text, "phone") == "138 0013 800"
    assert value_of(r.text, "age") == "十五"
    assert value_of(r.text, "expected_city") == "城" * 21
    assert 'name="employer_consent" value="yes" checked' in r.text
    assert 'name="consent" value="yes" aria' in r.text  # not ticked, as it was sent
    assert value_of(r.text, "s") == "S-2026-11-26"
    r = submit(page_hub, age="15", phone="")
    assert errors_of(r.text) == {"age": MESSAGES["age_under_16"], "phone": MESSAGES["phone_empty"]}
    assert "很抱歉" in r.text
    r = submit(page_hub, age="81", name="a\x01b")
    assert errors_of(r.text) == {
        "age": MESSAGES["age_out_of_range"],
        "name": MESSAGES["name_invalid_char"],
    }
    r = submit(page_hub, age="")
    assert errors_of(r.text) == {"age": MESSAGES["age_missing"]}
    assert hub_rows(page_hub) == []


def test_missing_forged_expired_or_foreign_tokens_are_refused(page_hub):
    session, visitor = visitor_session(page_hub)
    forged = "9999999999.AAAAAAAAAAAAAAAA.deadbeef"
    cases = {
        "missing": fields(),
        "forged": fields(csrf=forged),
        "garbage": fields(csrf="x"),
        "expired": fields(csrf=old_token(page_hub, "J1", 7 * 3600, visitor)),
        "future": fields(csrf=old_token(page_hub, "J1", -3600, visitor)),
        "other job": fields(csrf=old_token(page_hub, "J2", 0, visitor)),
        "other visitor": fields(csrf=old_token(page_hub, "J1", 0, visitor[::-1])),
    }
    for case, data in cases.items():
        r = session.post(f"{page_hub.url}/j/J1", data=data, headers=same_origin(page_hub),
                         allow_redirects=False, timeout=TIMEOUT)  # fmt: skip
        assert_friendly(r, 403, MESSAGES["csrf"])
        # The form comes back with what was typed and a fresh token: one more tap sends it.
        assert value_of(r.text, "phone") == "13800138000", case
        assert value_of(r.text, "csrf") != data.get("csrf")
    fresh = session.post(
        f"{page_hub.url}/j/J1", data=fields(csrf=old_token(page_hub, "J1", 5 * 3600, visitor)),
        headers=same_origin(page_hub), allow_redirects=False, timeout=TIMEOUT,
    )  # fmt: skip
    assert fresh.status_code == 303  # five hours old is still fine
    assert len(hub_rows(page_hub)) == 1


def test_a_foreign_origin_or_referer_is_refused(page_hub):
    for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"},
                    {"Referer": "https://evil.example/j/J1"},
                    {"Origin": "http://127.0.0.1:1", "Referer": page_hub.url + "/j/J1"},
                    {}):  # fmt: skip
        r = submit(page_hub, headers=headers)  # {}: neither header, a script's POST
        assert_friendly(r, 403, "请从报名页面提交")
    assert hub_rows(page_hub) == []
    same = {"Origin": page_hub.url, "Referer": page_hub.url + "/j/J1?s=1"}
    assert submit(page_hub, headers=same).status_code == 303
    # Behind a proxy that rewrites Host, X-Forwarded-Host names the public one.
    proxied = {"Origin": "https://jobs.example.cn", "X-Forwarded-Host": "jobs.example.cn"}
    assert submit(page_hub, headers=proxied, phone="13900000041").status_code == 303
    assert len(hub_rows(page_hub)) == 2


def test_a_filled_honeypot_looks_like_success_and_stores_nothing(page_hub):
    session = requests.Session()
    r = submit(page_hub, session=session, website="http://spam.example", phone="13900000051")
    assert r.status_code == 303 and r.headers["location"] == "/j/J1/done"
    done = session.get(page_hub.url + r.headers["location"], timeout=TIMEOUT)
    assert_friendly(done, 200, "报名成功", "尾号 0051")
    assert hub_rows(page_hub) == []


def test_an_oversized_body_gets_413_and_stores_nothing(page_hub):
    answered = 0
    for size in (17 * 1024, 64 * 1024, 2 * 1024 * 1024):
        data = fields(note="x" * size)
        try:
            r = requests.post(f"{page_hub.url}/j/J1", data=data, timeout=TIMEOUT)
        except requests.ConnectionError:  # the hub may close before the client sent it all
            continue
        assert_friendly(r, 413, "太长")
        answered += 1
    assert answered >= 1
    r = submit(page_hub, note="x" * (12 * 1024))  # under the limit: an ordinary sign-up
    assert r.status_code == 303
    assert len(hub_rows(page_hub)) == 1


def test_rapid_posts_from_one_address_are_limited(hub_factory):
    hub = hub_factory(args=("--page-rate-limit", "20"))
    put_jobs(hub)
    session, visitor = visitor_session(hub)
    codes: list[int] = []
    retry: set[str] = set()
    for i in range(100):
        csrf = old_token(hub, "J1", 0, visitor)  # each token signs up once
        r = session.post(
            f"{hub.url}/j/J1", data=fields(phone=f"1370000{i:04d}", csrf=csrf),
            headers=same_origin(hub), allow_redirects=False, timeout=TIMEOUT,
        )  # fmt: skip
        codes.append(r.status_code)
        if r.status_code == 429:
            retry.add(r.headers["retry-after"])
            assert "提交太频繁" in r.text
    accepted = codes.count(303)
    assert 0 < accepted <= 20 and codes.count(429) == 100 - accepted
    assert codes[:accepted] == [303] * accepted
    assert all(1 <= int(s) <= 60 for s in retry)
    assert len(hub_rows(hub)) == accepted


def test_me_names_the_token(page_hub):
    r = requests.get(page_hub.url + "/api/v1/me", headers=page_hub.headers(), timeout=TIMEOUT)
    assert r.status_code == 200 and r.json()["admin"] is False
    assert r.json()["name"].startswith("device-")
    r = requests.get(page_hub.url + "/api/v1/me", headers=page_hub.admin_headers, timeout=TIMEOUT)
    assert r.json()["admin"] is True and r.json()["name"].startswith("admin-")
    assert requests.get(page_hub.url + "/api/v1/me", timeout=TIMEOUT).status_code == 401


def test_other_origins_leave_employer_consent_false_and_admins_may_set_it(page_hub):
    from tests.hub.payloads import item

    r = requests.post(page_hub.url + "/api/v1/registrations/batch", json={"items": [item()]},
                      headers=page_hub.headers(), timeout=TIMEOUT)  # fmt: skip
    assert r.json()["results"][0]["status"] == "created"
    r = requests.post(
        page_hub.url + "/api/v1/registrations/hub",
        json={"job_code": "J1", "name": "王五", "phone": "13900000061", "employer_consent": True},
        headers=page_hub.admin_headers, timeout=TIMEOUT,
    )  # fmt: skip
    assert r.status_code == 201 and r.json()["employer_consent"] is True
    r = requests.get(page_hub.url + "/api/v1/registrations", headers=page_hub.admin_headers,
                     timeout=TIMEOUT)  # fmt: skip
    assert [(x["origin"], x["employer_consent"]) for x in r.json()["items"]] == [
        ("device", False), ("hub", True),
    ]  # fmt: skip


def test_an_older_database_gets_the_new_column_and_index(hub_db_url):
    db = HubDB(hub_db_url)
    try:
        db.create_schema()
        with db.write() as conn:
            conn.execute(text("DROP INDEX ix_registrations_hub_job_phone"))
            conn.execute(text("ALTER TABLE registrations DROP COLUMN employer_consent"))
        db.create_schema()  # the next start
        with db.read() as conn:
            conn.execute(text("SELECT employer_consent FROM registrations")).all()
        secret = db.page_secret()
        db.create_schema()
        assert db.page_secret() == secret and len(secret) == 64  # made once, kept
    finally:
        db.close()


def test_no_phone_or_name_reaches_the_hub_log(hub_factory):
    hub = hub_factory(args=(*PAGE_ARGS, "--access-log"))
    put_jobs(hub)
    names, phones = ["欧阳娜娜", "司马相如"], ["13912345601", "13712345602"]
    submit(hub, name=names[0], phone="+86 139-1234-5601")
    submit(hub, name=names[0], phone=phones[0])
    submit(hub, name=names[1], phone=phones[1], age="12")
    submit(hub, name=names[1], phone=phones[1], csrf="bad")
    submit(hub, name=names[1], phone=phones[1], website="x")
    requests.post(f"{hub.url}/j/J1", data=fields(name=names[1], phone=phones[1], note="x" * 20000),
                  timeout=TIMEOUT)  # fmt: skip
    hub.process.stop()
    log = hub.process.log_tail(10**7)
    assert "POST /j/J1" in log  # the access log was on
    for secret in (*names, *phones, "1234-5601"):
        assert secret not in log, secret


def test_the_page_settings_come_from_the_environment_and_bad_ones_are_refused(
    hub_db_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("HOSTDESK_HUB_AGENCY", "环境变量人力")
    monkeypatch.setenv("HOSTDESK_HUB_RETENTION_DAYS", "30")
    process = HubProcess(hub_db_url, log_dir=tmp_path)
    try:
        process.start()
        hub = Hub(process, process.token("d-env"), process.token("a-env", admin=True))
        put_jobs(hub)
        page = requests.get(f"{hub.url}/j/J1", timeout=TIMEOUT).text
        assert "环境变量人力" in page and "30 天" in page
    finally:
        process.stop()
    for option in (("--retention-days", "0"), ("--page-rate-limit", "-1"),
                   ("--agency", "人" * 61)):  # fmt: skip
        r = run_cli("--lang", "en", "hub", "serve", "--db", hub_db_url, "--port", "1", *option,
                    data_dir=tmp_path)  # fmt: skip
        assert r.returncode == 2, (option, r.stderr)
        assert option[0] in r.stderr
