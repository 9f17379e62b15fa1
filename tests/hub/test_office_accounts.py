"""Back-office accounts on a real hub (SQLite and PostgreSQL): the `user` verbs, login and
logout, the session cookie, login limits, password change, a disabled account's old cookie."""

from __future__ import annotations

import json
import re

import requests

from hostdesk.hub.models import STAFF, STAFF_SESSIONS
from tests.hub.office import (
    PASSWORD,
    TIMEOUT,
    add_user,
    audit,
    cli,
    csrf_of,
    login,
    post,
    rows,
    signed_in,
)


def test_user_verbs_make_list_disable_and_reset_accounts(hub):
    add_user(hub, "王芳", "recruiter")
    add_user(hub, "meidi", "employer", employer="美的冰箱厂")
    listed = json.loads(cli(hub, "user", "list", "--json").stdout)
    assert [(a["name"], a["role"], a["employer"], a["disabled"]) for a in listed] == [
        ("meidi", "employer", "美的冰箱厂", False), ("王芳", "recruiter", "", False)]  # fmt: skip
    # Only an argon2id hash is stored: never the password.
    stored = rows(hub, STAFF)
    assert all(r["password_hash"].startswith("$argon2id$") for r in stored)
    assert all(PASSWORD not in json.dumps(r, ensure_ascii=False) for r in stored)
    table = cli(hub, "user", "list")
    assert table.returncode == 0 and "王芳" in table.stdout and "美的冰箱厂" in table.stdout

    assert cli(hub, "user", "disable", "王芳").returncode == 0
    assert json.loads(cli(hub, "user", "list", "--json").stdout)[1]["disabled"] is True
    reset = cli(hub, "user", "password", "meidi", "--password-stdin", stdin="another-pass-1\n")
    assert reset.returncode == 0, reset.stderr
    assert login(hub, "meidi", "another-pass-1").status_code == 303
    assert login(hub, "meidi", PASSWORD).status_code == 401


def test_user_verbs_refuse_bad_input_in_one_line(hub):
    cases = [
        (("user", "add", "x", "--role", "recruiter", "--password-stdin"), "short\n",
         "8 to 256 characters"),
        (("user", "add", "x", "--role", "employer", "--password-stdin"), PASSWORD + "\n",
         "--employer"),
        (("user", "add", "x", "--role", "admin", "--employer", "A", "--password-stdin"),
         PASSWORD + "\n", "only for --role employer"),
        (("user", "add", "x", "--role", "boss", "--password-stdin"), PASSWORD + "\n", "invalid choice"),
        (("user", "add", "x", "--role", "admin"), "", "--password-stdin"),
        (("user", "disable", "nobody"), "", "No account is named nobody"),
        (("user", "password", "nobody", "--password-stdin"), PASSWORD + "\n", "No account"),
    ]  # fmt: skip
    for args, stdin, expected in cases:
        done = cli(hub, *args, stdin=stdin)
        assert done.returncode == 2, (args, done.stderr)
        assert expected in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    add_user(hub, "dup", "admin")
    again = cli(hub, "user", "add", "dup", "--role", "admin", "--password-stdin",
                stdin=PASSWORD + "\n")  # fmt: skip
    assert again.returncode == 2 and "exists already" in again.stderr


def test_login_sets_a_strict_httponly_session_and_logout_ends_it(hub):
    add_user(hub, "rec", "recruiter")
    session = requests.Session()
    r = login(hub, "rec", session=session)
    assert r.status_code == 303 and r.headers["location"] == "/office/leads"
    cookie = r.headers["set-cookie"]
    assert "hd_office=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/office" in cookie
    page = session.get(f"{hub.url}/office/leads", timeout=TIMEOUT)
    assert page.status_code == 200 and "rec" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert re.fullmatch(r"app;dur=\d+\.\d", page.headers["server-timing"])  # the bench reads it
    assert [a["actor"] for a in audit(hub, "login_ok")] == ["rec"]

    out = post(session, hub, "/office/logout", {"csrf": csrf_of(page.text)})
    assert out.status_code == 303 and out.headers["location"].startswith("/office/login")
    assert rows(hub, STAFF_SESSIONS) == []
    after = session.get(f"{hub.url}/office/leads", allow_redirects=False, timeout=TIMEOUT)
    assert after.status_code == 303 and after.headers["location"] == "/office/login"


def test_wrong_passwords_are_refused_logged_and_limited_per_account(hub):
    add_user(hub, "rec", "recruiter")
    for _ in range(5):
        assert login(hub, "rec", "wrong-password").status_code == 401
    # The sixth try is refused before the password is looked at, even the right one.
    limited = login(hub, "rec", PASSWORD)
    assert limited.status_code == 429
    failed = audit(hub, "login_failed")
    assert len(failed) == 5 and {a["actor"] for a in failed} == {"rec"}
    assert {a["detail"] for a in failed} == {"password"}
    assert [a["actor"] for a in audit(hub, "login_limited")] == ["rec"]
    # An unknown name is logged without the name typed (it may be anything).
    assert login(hub, "no-such-user", "whatever-123").status_code == 401
    assert audit(hub, "login_failed")[-1]["actor"] == "?"
    assert "wrong-password" not in json.dumps(audit(hub))


def test_login_attempts_are_limited_per_address_across_accounts(hub):
    for n in range(30):
        assert login(hub, f"guess-{n}", "wrong-password").status_code == 401
    add_user(hub, "rec", "recruiter")
    assert login(hub, "rec", PASSWORD).status_code == 429


def test_login_without_its_form_token_or_from_elsewhere_is_refused(hub):
    add_user(hub, "rec", "recruiter")
    bare = requests.post(f"{hub.url}/office/login", data={"username": "rec", "password": PASSWORD},
                         headers={"Origin": hub.url}, allow_redirects=False, timeout=TIMEOUT)  # fmt: skip
    assert bare.status_code == 403
    session = requests.Session()
    token = csrf_of(session.get(f"{hub.url}/office/login", timeout=TIMEOUT).text)
    foreign = session.post(f"{hub.url}/office/login",
                           data={"csrf": token, "username": "rec", "password": PASSWORD},
                           headers={"Origin": "https://evil.example"}, allow_redirects=False,
                           timeout=TIMEOUT)  # fmt: skip
    assert foreign.status_code == 403
    assert len(audit(hub, "csrf_refused")) == 2 and audit(hub, "login_ok") == []


def test_a_disabled_accounts_old_cookie_stops_at_once(hub):
    add_user(hub, "rec", "recruiter")
    session, _csrf = signed_in(hub, "rec")
    assert session.get(f"{hub.url}/office/leads", timeout=TIMEOUT).status_code == 200
    kept = session.cookies.get("hd_office")
    assert cli(hub, "user", "disable", "rec").returncode == 0
    old = requests.get(f"{hub.url}/office/leads", cookies={"hd_office": kept},
                       allow_redirects=False, timeout=TIMEOUT)  # fmt: skip
    assert old.status_code == 303 and old.headers["location"] == "/office/login"
    assert login(hub, "rec").status_code == 401
    assert audit(hub, "login_failed")[-1]["detail"] == "disabled"


def test_a_disabled_session_row_left_behind_is_refused_and_logged(hub):
    """Even if the session row survived (disabled by another process mid-request), the lookup
    joins the account and refuses it."""
    from hostdesk.hub.db import HubDB

    add_user(hub, "rec", "recruiter")
    session, _csrf = signed_in(hub, "rec")
    db = HubDB(hub.db_url)
    try:
        with db.write() as conn:
            conn.execute(STAFF.update().values(disabled=True))
    finally:
        db.close()
    old = session.get(f"{hub.url}/office/leads", allow_redirects=False, timeout=TIMEOUT)
    assert old.status_code == 303
    assert [a["detail"] for a in audit(hub, "session_refused")] == ["disabled"]
    assert rows(hub, STAFF_SESSIONS) == []


def test_changing_ones_password_ends_the_other_sessions(hub):
    add_user(hub, "rec", "recruiter")
    here, csrf = signed_in(hub, "rec")
    elsewhere, _ = signed_in(hub, "rec")
    wrong = post(here, hub, "/office/password",
                 {"csrf": csrf, "current": "not-it-123", "new": "new-pass-123", "again": "new-pass-123"})  # fmt: skip
    assert wrong.status_code == 403
    differ = post(here, hub, "/office/password",
                  {"csrf": csrf, "current": PASSWORD, "new": "new-pass-123", "again": "new-pass-124"})  # fmt: skip
    assert differ.status_code == 422
    done = post(here, hub, "/office/password",
                {"csrf": csrf, "current": PASSWORD, "new": "new-pass-123", "again": "new-pass-123"})  # fmt: skip
    assert done.status_code == 200 and "密码已修改" in done.text
    assert here.get(f"{hub.url}/office/leads", timeout=TIMEOUT).status_code == 200
    gone = elsewhere.get(f"{hub.url}/office/leads", allow_redirects=False, timeout=TIMEOUT)
    assert gone.status_code == 303
    assert login(hub, "rec", "new-pass-123").status_code == 303
    with_hash = rows(hub, STAFF)[0]["password_hash"]
    assert "new-pass-123" not in with_hash
    assert [a["actor"] for a in audit(hub, "password")] == ["rec"]


def test_pages_speak_english_when_asked(hub):
    add_user(hub, "rec", "recruiter")
    page = requests.get(f"{hub.url}/office/login", headers={"Accept-Language": "en-US,en"},
                        timeout=TIMEOUT)  # fmt: skip
    assert "Log in" in page.text and "登录" not in page.text
    zh = requests.get(f"{hub.url}/office/login", timeout=TIMEOUT)
    assert "登录" in zh.text
    session, csrf = signed_in(hub, "rec")
    post(session, hub, "/office/lang", {"csrf": csrf, "lang": "en", "back": "/office/leads"})
    assert "Leads" in session.get(f"{hub.url}/office/leads", timeout=TIMEOUT).text
    assert rows(hub, STAFF)[0]["lang"] == "en"
    # A redirect never leaves the office, whatever the form says.
    away = post(session, hub, "/office/lang", {"csrf": csrf, "lang": "zh_CN", "back": "//evil.example/x"})  # fmt: skip
    assert away.headers["location"] == "/office/leads"


def test_the_session_cookie_is_secure_behind_an_https_proxy(hub_factory):
    hub = hub_factory(args=("--forwarded-allow-ips", "127.0.0.1"))
    add_user(hub, "rec", "recruiter")
    proxy = {"X-Forwarded-Proto": "https", "Origin": "https://" + hub.url.split("://")[1]}
    page = requests.get(f"{hub.url}/office/login", headers=proxy, timeout=TIMEOUT)
    assert "; Secure" in page.headers["set-cookie"]  # the login form's cookie too
    # Sent by hand: a client's jar keeps a Secure cookie off this plain-HTTP test URL.
    r = requests.post(
        f"{hub.url}/office/login",
        data={"csrf": csrf_of(page.text), "username": "rec", "password": PASSWORD},
        cookies={"hd_office_login": page.cookies["hd_office_login"]},
        headers=proxy, allow_redirects=False, timeout=TIMEOUT,
    )  # fmt: skip
    assert r.status_code == 303, r.text[-500:]
    assert "; Secure" in r.headers["set-cookie"] and "HttpOnly" in r.headers["set-cookie"]
    plain = login(hub, "rec")  # straight over HTTP: no Secure (the browser would drop it)
    assert plain.status_code == 303 and "Secure" not in plain.headers["set-cookie"]
