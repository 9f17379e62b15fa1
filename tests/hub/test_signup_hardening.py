"""The sign-up page against scripted sign-ups and hostile requests, on a real hub (SQLite and
PostgreSQL): a CSRF token bound to the visitor's cookie and usable once, POSTs without
Origin/Referer refused, page views rate limited, limits and spent tokens shared by two hub
processes on one PostgreSQL database, NUL characters, redirects, headers, Secure cookies."""

from __future__ import annotations

import time
from http.cookies import SimpleCookie

import pytest
import requests
from sqlalchemy import func, insert, select

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import SPENT_TOKENS
from hostdesk.hub.signup_form import MESSAGES, VISITOR_COOKIE, csrf_token
from tests.hub.payloads import item
from tests.hub.signup import (
    PAGE_ARGS,
    TIMEOUT,
    errors_of,
    fields,
    fresh_token,
    hub_rows,
    put_jobs,
    same_origin,
    submit,
    value_of,
    visitor_session,
)
from tests.hub.test_signup_page import CSP, assert_friendly

SECURITY = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


@pytest.fixture
def page_hub(hub_factory):
    hub = hub_factory(args=PAGE_ARGS)
    put_jobs(hub)
    return hub


def set_cookies(r: requests.Response) -> dict[str, dict]:
    """Each Set-Cookie of the response: name → its value and attributes (lower-case)."""
    found: dict[str, dict] = {}
    for header in r.raw.headers.getlist("set-cookie"):
        for name, morsel in SimpleCookie(header).items():
            attrs = {k: v for k, v in morsel.items() if v}
            found[name] = {"value": morsel.value, **attrs}
    return found


def post(hub, session: requests.Session, code: str = "J1", *, headers=None, **over):
    headers = same_origin(hub) if headers is None else headers
    return session.post(f"{hub.url}/j/{code}", data=fields(**over), headers=headers,
                        allow_redirects=False, timeout=TIMEOUT)  # fmt: skip


def secret_of(hub) -> bytes:
    db = HubDB(hub.db_url)
    try:
        return db.page_secret()
    finally:
        db.close()


def spent_count(hub) -> int:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            return conn.execute(select(func.count()).select_from(SPENT_TOKENS)).scalar_one()
    finally:
        db.close()


def test_the_page_sets_an_httponly_visitor_cookie_and_binds_the_token_to_it(page_hub):
    session = requests.Session()
    r = session.get(f"{page_hub.url}/j/J1", timeout=TIMEOUT)
    cookie = set_cookies(r)[VISITOR_COOKIE]
    assert len(cookie["value"]) == 24
    assert cookie["httponly"] is True and cookie["samesite"].lower() == "lax"
    assert cookie["path"] == "/j/" and "secure" not in cookie  # plain HTTP here
    token = value_of(r.text, "csrf")
    # Another visitor (another cookie, or none) cannot use this visitor's token.
    other, _ = visitor_session(page_hub)
    for stranger in (other, requests.Session()):
        r = post(page_hub, stranger, csrf=token, phone="13900000101")
        assert_friendly(r, 403, MESSAGES["csrf"])
        assert value_of(r.text, "phone") == "13900000101"  # typing kept, one more tap
        again = set_cookies(r)[VISITOR_COOKIE]["value"]
        if stranger is other:
            assert again == other.cookies[VISITOR_COOKIE]  # the visitor keeps its cookie
        # The form that comes back carries a token bound to the stranger: it works.
        retry = post(page_hub, stranger, csrf=value_of(r.text, "csrf"), phone="13900000101")
        assert retry.status_code == 303, retry.text[-800:]
    # The visitor's own token still works for the visitor.
    assert post(page_hub, session, csrf=token, phone="13900000102").status_code == 303
    assert sorted(r["phone"] for r in hub_rows(page_hub)) == ["13900000101", "13900000102"]


def test_a_token_signs_up_once_and_a_double_tap_lands_on_the_success_page(page_hub):
    session = requests.Session()
    token = fresh_token(session, page_hub)
    assert post(page_hub, session, csrf=token, phone="13900000111").status_code == 303
    # The same token again for another number: refused, nothing stored.
    r = post(page_hub, session, csrf=token, phone="13900000112", name="李四")
    assert_friendly(r, 403, MESSAGES["csrf"])
    assert value_of(r.text, "name") == "李四" and value_of(r.text, "csrf") != token
    # The same form sent twice (a double tap): the success page again, still one row.
    again = post(page_hub, session, csrf=token, phone="13900000111")
    assert again.status_code == 303 and again.headers["location"] == "/j/J1/done"
    assert [r["phone"] for r in hub_rows(page_hub)] == ["13900000111"]
    assert spent_count(page_hub) == 1


def test_a_re_rendered_form_carries_a_fresh_token_that_works(page_hub):
    session = requests.Session()
    token = fresh_token(session, page_hub)
    r = post(page_hub, session, csrf=token, phone="123")
    assert r.status_code == 422
    renewed = value_of(r.text, "csrf")
    assert renewed != token
    assert post(page_hub, session, csrf=renewed, phone="13900000121").status_code == 303
    assert [r["phone"] for r in hub_rows(page_hub)] == ["13900000121"]


def test_spent_tokens_are_purged_once_they_would_have_expired_anyway(page_hub):
    db = HubDB(page_hub.db_url)
    try:
        with db.write() as conn:
            conn.info.pop("seq", None)
            conn.execute(insert(SPENT_TOKENS).values(token_id="expired-token-01", expires=1000))
        # The process's first sign-up purges what expired.
        assert submit(page_hub, phone="13900000131").status_code == 303
        with db.read() as conn:
            left = conn.execute(select(SPENT_TOKENS.c.token_id, SPENT_TOKENS.c.expires)).all()
    finally:
        db.close()
    assert len(left) == 1 and left[0].token_id != "expired-token-01"
    assert left[0].expires > time.time() + 6 * 3600  # kept as long as the token could be used


def test_a_same_origin_referer_alone_is_enough_and_neither_header_is_refused(page_hub):
    referer = {"Referer": f"{page_hub.url}/j/J1?s=S1"}
    assert submit(page_hub, headers=referer, phone="13900000141").status_code == 303
    r = submit(page_hub, headers={}, phone="13900000142")
    assert_friendly(r, 403, "请从报名页面提交")
    assert [r["phone"] for r in hub_rows(page_hub)] == ["13900000141"]


def test_page_views_are_rate_limited_per_address(hub_factory):
    hub = hub_factory(args=("--page-rate-limit", "20"))  # views: three times that
    put_jobs(hub)
    codes = [requests.get(f"{hub.url}/j/J1", timeout=TIMEOUT).status_code for _ in range(60)]
    assert codes == [200] * 60
    for path in ("/j/J1", "/j/J1/done", "/j/NOPE"):
        r = requests.get(hub.url + path, timeout=TIMEOUT)
        assert_friendly(r, 429, "打开太频繁")
        assert 1 <= int(r.headers["retry-after"]) <= 60
    # Static files are not pages: the limit does not hold them back.
    assert requests.get(f"{hub.url}/static/signup.css", timeout=TIMEOUT).status_code == 200


def test_the_page_view_limit_is_a_serve_option(hub_factory):
    hub = hub_factory(args=("--page-rate-limit", "20", "--page-view-limit", "3"))
    put_jobs(hub)
    codes = [requests.get(f"{hub.url}/j/J1", timeout=TIMEOUT).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_a_token_spent_on_one_hub_process_is_refused_by_another(hub_factory):
    # Spent tokens live in the database: two processes on one SQLite file share them too.
    first, second = hub_factory(args=PAGE_ARGS), hub_factory(args=PAGE_ARGS)
    put_jobs(first)
    session = requests.Session()
    token = fresh_token(session, second)
    assert post(second, session, csrf=token, phone="13900000171").status_code == 303
    r = post(first, session, csrf=token, phone="13900000172")
    assert_friendly(r, 403, MESSAGES["csrf"])
    # A token from one process signs up on the other, once (the secret is shared as well).
    token = fresh_token(session, first)
    assert post(second, session, csrf=token, phone="13900000173").status_code == 303
    assert sorted(r["phone"] for r in hub_rows(first)) == ["13900000171", "13900000173"]


@pytest.mark.parametrize("hub_db_url", ["postgresql"], indirect=True)
def test_two_hub_processes_on_one_postgresql_database_share_limits_and_spent_tokens(
    hub_factory,
):
    args = ("--page-rate-limit", "10")
    first = hub_factory(rate_limit=6, args=args)
    second = hub_factory(rate_limit=6, args=args)
    hubs = (first, second)
    put_jobs(first)
    # A token spent on one process is refused by the other.
    session = requests.Session()
    token = fresh_token(session, first)
    assert post(first, session, csrf=token, phone="13900000151").status_code == 303
    r = post(second, session, csrf=token, phone="13900000152")
    assert_friendly(r, 403, MESSAGES["csrf"])
    # Sign-up POSTs from one address: 10 a minute in all, whichever process answers.
    session, visitor = visitor_session(first)
    secret = secret_of(first)
    codes = []
    for i in range(30):
        hub = hubs[i % 2]
        session.cookies.set(VISITOR_COOKIE, visitor, domain="127.0.0.1", path="/j/")
        csrf = csrf_token(secret, "J1", visitor)
        codes.append(post(hub, session, csrf=csrf, phone=f"1370000{i:04d}").status_code)
    # The two POSTs above count too: 8 more pass, then every one waits.
    assert codes == [303] * 8 + [429] * 22
    # Page views: 30 a minute in all (one already counted, by the first process).
    views = [requests.get(f"{hubs[i % 2].url}/j/J1", timeout=TIMEOUT).status_code
             for i in range(40)]  # fmt: skip
    assert views == [200] * 29 + [429] * 11
    # API writes per token: 6 per 10 s in all, the token used on both processes.
    writes = []
    for i in range(10):
        hub = hubs[i % 2]
        r = requests.post(hub.url + "/api/v1/registrations/batch", json={"items": [item()]},
                          headers=first.headers(), timeout=TIMEOUT)  # fmt: skip
        writes.append(r.status_code)
    assert writes == [200] * 6 + [429] * 4
    assert len(hub_rows(first)) == 1 + 8


def test_nul_and_control_characters_get_a_page_never_a_server_error(page_hub):
    session = requests.Session()
    token = fresh_token(session, page_hub)
    for path in ("/j/J1%00", "/j/%00", "/j/J1%00/done", "/j/%00/done", "/j/J%0A1",
                 "/j/" + "X" * 65):  # fmt: skip
        assert_friendly(requests.get(page_hub.url + path, timeout=TIMEOUT), 404, "没有找到")
        r = requests.post(page_hub.url + path, data=fields(csrf=token), timeout=TIMEOUT,
                          headers=same_origin(page_hub), allow_redirects=False)  # fmt: skip
        assert r.status_code in (404, 405) and "Traceback" not in r.text
    # A NUL in d= (the PC's name) or s= credits no PC and no session; the sign-up is kept.
    r = session.get(f"{page_hub.url}/j/J1", params={"d": "studio\x00", "s": "S\x00"},
                    timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 200 and value_of(r.text, "d") == ""
    r = post(page_hub, session, csrf=value_of(r.text, "csrf"), d="device-1\x00", s="S\x00",
             phone="13900000161")  # fmt: skip
    assert r.status_code == 303, r.text[-800:]
    # In the fields the viewer types: the form again with a message.
    r = post(page_hub, session, csrf=fresh_token(session, page_hub), name="张\x00三",
             expected_city="东\x00莞", phone="1390000\x000162", age="2\x005")  # fmt: skip
    assert_friendly(r, 422)
    assert set(errors_of(r.text)) == {"name", "phone", "age", "expected_city"}
    rows = hub_rows(page_hub)
    assert [(x["phone"], x["device"], x["session_id"]) for x in rows] == [("13900000161", None, "")]
    page_hub.process.stop()
    log = page_hub.process.log_tail(10**7)
    assert "Traceback" not in log and "internal error" not in log


def test_no_redirect_names_a_host_taken_from_the_request(page_hub):
    evil = {"Host": "evil.example"}
    r = requests.get(f"{page_hub.url}/j/J1/?s=S1&d=studio-1", headers=evil,
                     allow_redirects=False, timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 308 and r.headers["location"] == "/j/J1?s=S1&d=studio-1"
    for path in ("/api/v1/me/", "/api/v1/jobs/", "/static", "/healthz/"):
        r = requests.get(page_hub.url + path, headers=evil, allow_redirects=False,
                         timeout=TIMEOUT)  # fmt: skip
        assert "evil.example" not in r.headers.get("location", ""), (path, r.headers)
        assert r.status_code == 404, (path, r.status_code)
    # After a sign-up: a path too. (requests matches cookies to a set Host header: sent by hand.)
    session = requests.Session()
    token = fresh_token(session, page_hub)
    cookie = f"{VISITOR_COOKIE}={session.cookies[VISITOR_COOKIE]}"
    done = requests.post(f"{page_hub.url}/j/J1", data=fields(csrf=token), allow_redirects=False,
                         headers={**evil, "Origin": "http://evil.example", "Cookie": cookie},
                         timeout=TIMEOUT)  # fmt: skip
    assert done.status_code == 303 and done.headers["location"] == "/j/J1/done"


def test_static_files_carry_the_security_headers(page_hub):
    for asset in ("/static/signup.js", "/static/signup.css"):
        r = requests.get(page_hub.url + asset, timeout=TIMEOUT)
        assert r.status_code == 200
        assert {k: r.headers.get(k) for k in SECURITY} == SECURITY, asset
        again = requests.get(page_hub.url + asset, headers={"If-None-Match": r.headers["etag"]},
                             timeout=TIMEOUT)  # fmt: skip
        assert again.status_code == 304
        assert {k: again.headers.get(k) for k in SECURITY} == SECURITY, asset
    r = requests.get(page_hub.url + "/static/nothing.js", timeout=TIMEOUT)
    assert r.status_code == 404 and r.headers["content-security-policy"] == CSP


def test_cookies_are_secure_when_served_over_https_through_a_trusted_proxy(hub_factory):
    https = {"X-Forwarded-Proto": "https"}
    proxied = hub_factory(args=(*PAGE_ARGS, "--forwarded-allow-ips", "127.0.0.1"))
    put_jobs(proxied)
    r = requests.get(f"{proxied.url}/j/J1", headers=https, timeout=TIMEOUT)
    visitor = set_cookies(r)[VISITOR_COOKIE]
    assert visitor["secure"] is True and visitor["httponly"] is True
    # requests would not send a Secure cookie over plain HTTP: sent by hand, as the proxy would.
    cookie = {"Cookie": f"{VISITOR_COOKIE}={visitor['value']}"}
    r = requests.post(f"{proxied.url}/j/J1", data=fields(csrf=value_of(r.text, "csrf")),
                      headers={**https, **cookie, "Origin": "https://127.0.0.1:"
                               + str(proxied.process.port)},
                      allow_redirects=False, timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 303, r.text[-800:]
    assert set_cookies(r)["hd_done"]["secure"] is True
    # Not behind a trusted proxy: the header is a client's claim, and changes nothing.
    direct = hub_factory(args=PAGE_ARGS)
    r = requests.get(f"{direct.url}/j/J1", headers=https, timeout=TIMEOUT)
    assert "secure" not in set_cookies(r)[VISITOR_COOKIE]
